"""Pure compute behind the lesson 1-4 explorers (linear maps, one neuron, a forward pass,
fitting a line); the matrix-operation steps live in ``matrix_steps`` and are re-exported here.

Every function here takes numbers and arrays and returns numbers, arrays and strings: no
matplotlib, no ipywidgets. The explorers in ``course_lib.widgets`` only draw what these
functions return, so everything shown in a live view is unit-tested and timed without a browser.

Shape convention (one example per row): points are ``P`` of shape (K, 2); a 2x2 map keeps one
row of weights per output, ``W`` of shape (2, 2), and a bias ``b`` of shape (2,), and maps
``P -> f(P @ W.T + b)``. The maths itself comes from ``linalg``, ``layers``, ``activations``
and ``losses``; this module only arranges it for pictures.

Limits: the maps and networks are small (2-D points, a few nodes); the numbers are meant for
pictures and captions, not for full precision.
"""

import numpy as np

from course_lib.activations import _FAST, _check_name
from course_lib.layers import activation_forward, dense_forward
from course_lib.losses import mse
from course_lib.matrix_steps import (  # noqa: F401 (re-exported from their new home)
    OPERATIONS,
    OpStep,
    default_matrices,
    fmt,
    matrix_op_steps,
)
from course_lib.validation import as_array

__all__ = [
    "OPERATIONS",
    "ACTIVATION_CHOICES",
    "OpStep",
    "default_matrices",
    "matrix_op_steps",
    "grid_lines",
    "warp_points",
    "determinant",
    "neuron_output",
    "neuron_midpoint",
    "forward_values",
    "edge_signals",
    "demo_network_params",
    "line_predictions",
    "best_fit_line",
]

# Dropdown label -> activation name understood by course_lib.activations ("none" = identity).
ACTIVATION_CHOICES = ("none", "relu", "sigmoid", "tanh")


def _act_key(func: str, activation) -> str:
    """Map a dropdown label ("none", "relu", ...) to an activation name, or raise."""
    if activation == "none":
        return "identity"
    return _check_name(func, activation)


# ---- linear maps of the plane --------------------------------------------------------------


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


def warp_points(P, W, b, activation="none") -> np.ndarray:
    r"""Map points through one dense layer of two nodes: the bridge from a matrix to a layer.

    .. math:: P \mapsto f(P W^\top + b)

    P: (..., 2) points (e.g. (K, 2), or (L, K, 2) grid lines); W: (2, 2), one row per output;
    b: (2,); activation: "none", "relu", "sigmoid" or "tanh". Returns the same shape as P.
    """
    P = np.asarray(P, dtype=np.float64)
    flat = P.reshape(-1, 2)
    Z, _ = dense_forward(flat, W, b)
    key = _act_key("warp_points", activation)
    A = Z if key == "identity" else activation_forward(Z, key)[0]
    return A.reshape(P.shape)


def determinant(W) -> float:
    r"""Determinant of a 2x2 matrix: how much the linear part scales areas (sign: flips).

    .. math:: \det W = w_{11} w_{22} - w_{12} w_{21}

    W: (2, 2). Returns a float.
    """
    W = as_array("determinant", "W", W, ndim=2)
    if W.shape != (2, 2):
        raise ValueError(f"determinant: W has shape {W.shape}; this helper is for 2x2 matrices.")
    return float(W[0, 0] * W[1, 1] - W[0, 1] * W[1, 0])


# ---- one neuron ----------------------------------------------------------------------------


def neuron_output(x, w: float, b: float, activation="sigmoid") -> np.ndarray:
    r"""Output of one neuron with one input: weighted sum plus bias, then the activation.

    .. math:: a = f(w x + b)

    x: array of any shape (inputs); w, b: numbers. Returns an array of x's shape.
    """
    x = as_array("neuron_output", "x", x, allow_empty=True)
    key = _act_key("neuron_output", activation)
    return _FAST[key][0](float(w) * x + float(b))


def neuron_midpoint(w: float, b: float) -> float | None:
    r"""The input where the weighted sum is zero: where the curve crosses its midpoint.

    .. math:: w x + b = 0 \iff x = -b / w

    Sigmoid is 0.5 there, tanh 0, ReLU has its kink there. Returns None when w = 0 (flat).
    """
    w, b = float(w), float(b)
    return None if w == 0 else -b / w


# ---- a forward pass through a small network ------------------------------------------------


def forward_values(params: dict, x, hidden_activation="relu", output_activation="sigmoid"):
    r"""Every layer's activations for one input, for drawing on a network diagram.

    .. math:: A_0 = x, \quad A_l = f_l(A_{l-1} W_l^\top + b_l)

    params: {"W1": (n_1, D), "b1": (n_1,), ...} (e.g. ``MLP.params``); x: (D,) one input.
    Returns a list ``[A0, A1, ..., AL]`` of 1-D arrays, shapes (D,), (n_1,), ..., (n_L,).
    """
    A = as_array("forward_values", "x", x, ndim=1).reshape(1, -1)
    num_layers = len(params) // 2
    values = [A[0]]
    for l in range(1, num_layers + 1):
        Z, _ = dense_forward(A, params[f"W{l}"], params[f"b{l}"])
        act = hidden_activation if l < num_layers else output_activation
        key = _act_key("forward_values", act)
        A = activation_forward(Z, key)[0]
        values.append(A[0])
    return values


def edge_signals(params: dict, values: list) -> list[np.ndarray]:
    r"""What each edge carries for one input: its weight times the value of its source node.

    .. math:: s^{(l)}_{ij} = W^{(l)}_{ij}\, a^{(l-1)}_j \quad\text{so}\quad
              z^{(l)}_i = \textstyle\sum_j s^{(l)}_{ij} + b^{(l)}_i

    params: {"W1": (n_1, n_0), ...}; values: ``[A0, A1, ...]`` from :func:`forward_values`.
    Returns a list of arrays with the shapes of W1, W2, ...
    """
    return [params[f"W{l}"] * values[l - 1][None, :] for l in range(1, len(values))]


def demo_network_params(layer_sizes=(2, 3, 1), hidden_activation="relu", seed: int = 0) -> dict:
    r"""Fixed weights for the forward-pass pictures: an ``MLP`` built with ``default_rng(seed)``.

    .. math:: W_l \sim \mathcal N(0, \sigma_l^2), \quad b_l \sim \mathcal N(0, 0.5^2)

    The MLP starts with zero biases; here they are then drawn from the same generator, so
    a node can be active at x = 0. Returns {"W1": (n_1, n_0), "b1": (n_1,), ...} (copies).
    """
    from course_lib.network import MLP

    rng = np.random.default_rng(seed)
    net = MLP(list(layer_sizes), hidden_activation, "sigmoid", rng=rng)
    params = {k: v.copy() for k, v in net.params.items()}
    for l in range(1, net.num_layers + 1):
        params[f"b{l}"] = rng.normal(0.0, 0.5, size=params[f"b{l}"].shape)
    return params


# ---- fitting a line ------------------------------------------------------------------------


def line_predictions(x, y, slope: float, intercept: float) -> tuple[np.ndarray, float]:
    r"""Predictions of the line and their mean squared error on the data.

    .. math:: \hat y_i = m x_i + c, \qquad \mathrm{MSE} = \frac1N \sum_i (\hat y_i - y_i)^2

    x, y: (N,). Returns ``(y_hat, mse)`` with y_hat of shape (N,).
    """
    x = as_array("line_predictions", "x", x, ndim=1)
    y_hat = float(slope) * x + float(intercept)
    return y_hat, mse(y_hat, y)


def best_fit_line(x, y) -> tuple[float, float, float]:
    r"""The least-squares line through the data: the slope and intercept with the lowest MSE.

    .. math:: (m^*, c^*) = \arg\min_{m, c} \frac1N \sum_i (m x_i + c - y_i)^2

    Solved with ``np.linalg.lstsq`` on the design matrix [x, 1] of shape (N, 2).
    x, y: (N,), N >= 2 with at least two different x. Returns ``(slope, intercept, mse)``.
    """
    x = as_array("best_fit_line", "x", x, ndim=1)
    y = as_array("best_fit_line", "y", y, ndim=1)
    if x.shape != y.shape:
        raise ValueError(
            f"best_fit_line: x has shape {x.shape} but y has shape {y.shape}; "
            "they need one entry per point each."
        )
    if np.ptp(x) == 0:
        raise ValueError(
            "best_fit_line: all x are equal, so no single line fits best; "
            "use points with at least two different x values."
        )
    design = np.column_stack([x, np.ones_like(x)])
    (slope, intercept), *_ = np.linalg.lstsq(design, y, rcond=None)
    _, err = line_predictions(x, y, slope, intercept)
    return float(slope), float(intercept), err
