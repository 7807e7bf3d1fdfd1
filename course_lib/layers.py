"""Layers as forward/backward pairs: ``*_forward(...) -> (out, cache)`` and
``*_backward(dout, cache) -> gradients``.

Shape convention (one example per row): a batch ``X`` has shape (N, D). A dense layer with M nodes
keeps one row of weights per node, ``W`` of shape (M, D), and a bias ``b`` of shape (M,), and
computes ``Z = X @ W.T + b`` of shape (N, M): the bias is added once. The activation then gives
``A = f(Z)``, the same shape as Z.

The cache is whatever the backward pass needs from the forward pass; treat it as opaque.
Limits: inputs must be finite real numbers; a batch needs at least one example.
"""

import numpy as np

from course_lib._validation import as_array
from course_lib.activations import _FAST, _check_name, _softmax, _softmax_backward

__all__ = ["dense_forward", "dense_backward", "activation_forward", "activation_backward"]


def dense_forward(X, W, b) -> tuple[np.ndarray, tuple]:
    r"""Forward pass of a dense (fully connected) layer: weighted sums plus the bias, once.

    .. math:: Z = X W^\top + b, \qquad Z_{nm} = \sum_d X_{nd} W_{md} + b_m

    X: (N, D) inputs; W: (M, D), one row per node; b: (M,). Returns ``(Z, cache)`` with Z of
    shape (N, M).
    """
    X = as_array("dense_forward", "X", X, ndim=2)
    W = as_array("dense_forward", "W", W, ndim=2)
    b = as_array("dense_forward", "b", b)
    n, d = X.shape
    if W.shape[1] != d:
        hint = " Did you pass W transposed?" if W.shape[0] == d else ""
        raise ValueError(
            f"dense_forward: X has shape {X.shape} but W has shape {W.shape}; W needs one row per "
            f"node and one column per input feature (M, {d}).{hint}"
        )
    if b.shape != (W.shape[0],):
        raise ValueError(
            f"dense_forward: b has shape {b.shape} but W has shape {W.shape}; b needs one entry "
            f"per node, shape ({W.shape[0]},). (A column (M, 1)? use b.ravel().)"
        )
    return X @ W.T + b, (X, W)


def dense_backward(dZ, cache) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Backward pass of a dense layer: gradients of the loss for X, W and b.

    .. math:: dX = dZ\,W, \qquad dW = dZ^\top X, \qquad db = \sum_{n} dZ_{n,:}

    dZ: (N, M), the gradient of the loss with respect to Z; cache from ``dense_forward``.
    Returns ``(dX, dW, db)`` with shapes (N, D), (M, D), (M,).
    """
    if not (
        isinstance(cache, tuple)
        and len(cache) == 2
        and all(isinstance(c, np.ndarray) and c.ndim == 2 for c in cache)
    ):
        raise TypeError(
            "dense_backward: cache should be the second value returned by "
            "dense_forward, the pair (X, W)."
        )
    X, W = cache
    dZ = as_array("dense_backward", "dZ", dZ, ndim=2)
    expected = (X.shape[0], W.shape[0])
    if dZ.shape != expected:
        raise ValueError(
            f"dense_backward: dZ has shape {dZ.shape} but the forward pass produced Z of shape "
            f"{expected}; dZ must have Z's shape (N, M)."
        )
    return dZ @ W, dZ.T @ X, dZ.sum(axis=0)


def activation_forward(Z, name) -> tuple[np.ndarray, tuple]:
    r"""Apply an activation to the weighted sums: A = f(Z).

    .. math:: A = f(Z)

    Z: (N, M); name: "relu", "sigmoid", "tanh", "identity" (or None), or "softmax" (over each
    row). Returns ``(A, cache)`` with A of shape (N, M).
    """
    key = _check_name("activation_forward", name, allow_softmax=True)
    Z = as_array("activation_forward", "Z", Z, ndim=(1, 2))
    if key == "softmax":
        if Z.shape[-1] == 0:
            raise ValueError("activation_forward: softmax needs at least one column in Z.")
        A = _softmax(Z)
    else:
        A = _FAST[key][0](Z)
    return A, (key, Z, A)


def activation_backward(dA, cache) -> np.ndarray:
    r"""Backward pass of an activation: turn dL/dA into dL/dZ.

    .. math:: dZ = dA \odot f'(Z) \quad\text{(softmax: } dZ = A \odot (dA - \textstyle\sum_k
              dA_k A_k)\text{)}

    dA: (N, M), same shape as A; cache from ``activation_forward``. Returns dZ, shape (N, M).
    """
    if not (
        isinstance(cache, tuple)
        and len(cache) == 3
        and (cache[0] in _FAST or cache[0] == "softmax")
        and all(isinstance(c, np.ndarray) for c in cache[1:])
    ):
        raise TypeError(
            "activation_backward: cache should be the second value returned by activation_forward."
        )
    key, Z, A = cache
    dA = as_array("activation_backward", "dA", dA, ndim=(1, 2))
    if dA.shape != A.shape:
        raise ValueError(
            f"activation_backward: dA has shape {dA.shape} but A has shape "
            f"{A.shape}; dA must have A's shape."
        )
    if key == "softmax":
        return _softmax_backward(dA, A)
    return dA * _FAST[key][1](Z)
