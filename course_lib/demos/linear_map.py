"""Pure compute behind ``widgets.linear_map`` (lesson 1): a 2x2 matrix, then a dense layer,
bending the plane.

Shape convention (one example per row): points are ``P`` of shape (K, 2); a 2x2 map keeps one
row of weights per output, ``W`` of shape (2, 2), and a bias ``b`` of shape (2,), and maps
``P -> f(P @ W.T + b)`` with ``layers.dense_forward`` and an activation of ``activations``.
No matplotlib, no ipywidgets: the explorer only draws what these functions return.

Limits: 2-D points only; the numbers are meant for pictures and captions.
"""

import numpy as np

from course_lib._argspec import POSITIVE, TEXT, count
from course_lib._checked import checked
from course_lib._validation import as_array
from course_lib.demos._choices import activation_key
from course_lib.layers import activation_forward, dense_forward

__all__ = ["grid_lines", "warp_points", "determinant"]


@checked(_finite=True, limit=POSITIVE, num_lines=count(2), num_points=count(2))
def grid_lines(limit: float = 2.0, num_lines: int = 9, num_points: int = 25) -> np.ndarray:
    r"""Points along the lines of a square grid, to show how a map bends the plane.

    .. math:: x = \pm\text{limit},\ldots \text{ (vertical lines)}, \quad
              y = \pm\text{limit},\ldots \text{ (horizontal lines)}

    Returns an array of shape (2 * num_lines, num_points, 2): line l, point k, (x, y).
    """
    ticks = np.linspace(-limit, limit, num_lines)
    along = np.linspace(-limit, limit, num_points)
    vertical = np.stack(np.broadcast_arrays(ticks[:, None], along[None, :]), axis=-1)
    horizontal = vertical[..., ::-1]
    return np.concatenate([vertical, horizontal], axis=0)


@checked(_finite=True, activation=TEXT)
def warp_points(P, W, b, activation="none") -> np.ndarray:
    r"""Map points through one dense layer of two nodes: the bridge from a matrix to a layer.

    .. math:: P \mapsto f(P W^\top + b)

    P: (..., 2) points (e.g. (K, 2), or (L, K, 2) grid lines); W: (2, 2), one row per output;
    b: (2,); activation: "none", "relu", "sigmoid" or "tanh". Returns the same shape as P.
    """
    P = as_array("warp_points", "P", P, ndim=(1, 2, 3))
    if P.shape[-1] != 2:
        raise ValueError(
            f"warp_points: P has shape {P.shape}; it should hold points (x, y), one per row: "
            "shape (K, 2) (or (L, K, 2) for grid lines)."
        )
    flat = P.reshape(-1, 2)
    Z, _ = dense_forward(flat, W, b)
    key = activation_key("warp_points", activation)
    A = Z if key == "identity" else activation_forward(Z, key)[0]
    return A.reshape(P.shape)


@checked(_finite=True)
def determinant(W) -> float:
    r"""Determinant of a 2x2 matrix: how much the linear part scales areas (sign: flips).

    .. math:: \det W = w_{11} w_{22} - w_{12} w_{21}

    W: (2, 2). Returns a float.
    """
    W = as_array("determinant", "W", W, ndim=2)
    if W.shape != (2, 2):
        raise ValueError(f"determinant: W has shape {W.shape}; this helper is for 2x2 matrices.")
    return float(W[0, 0] * W[1, 1] - W[0, 1] * W[1, 0])
