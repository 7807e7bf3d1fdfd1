"""Layers as forward/backward pairs: ``*_forward(...) -> (out, cache)`` and
``*_backward(dout, cache) -> gradients``.

Shape convention (one example per row): a batch ``X`` has shape (N, D). A dense layer with M nodes
keeps one row of weights per node, ``W`` of shape (M, D), and a bias ``b`` of shape (M,), and
computes ``Z = X @ W.T + b`` of shape (N, M): the bias is added once. The activation then gives
``A = f(Z)``, the same shape as Z.

Each public function checks its inputs, then calls an unchecked kernel (``_dense_forward`` ...)
that holds the formula. ``network.MLP`` calls the same kernels for every layer, after checking
its input once, so the network that trains is built from exactly these pieces.

The cache is whatever the backward pass needs from the forward pass; treat it as opaque.
Limits: inputs must be finite real numbers; a batch needs at least one example.
"""

import numpy as np

from course_lib._validation import as_array, check_dense_inputs, check_same_shape
from course_lib.activations import _KERNELS, _check_name, _softmax, _softmax_backward

__all__ = ["dense_forward", "dense_backward", "activation_forward", "activation_backward"]


# ---- the kernels: the formulas, without input checks -------------------------------------------


def _dense_forward(X: np.ndarray, W: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, tuple]:
    return X @ W.T + b, (X, W)


def _dense_backward(dZ: np.ndarray, cache: tuple, need_dX: bool = True) -> tuple:
    X, W = cache
    dX = dZ @ W if need_dX else None  # the first layer of a network needs no dX
    return dX, dZ.T @ X, dZ.sum(axis=0)


def _activation_forward(Z: np.ndarray, name: str) -> tuple[np.ndarray, tuple]:
    A = _softmax(Z) if name == "softmax" else _KERNELS[name][0](Z)
    return A, (name, Z, A)


def _activation_backward(dA: np.ndarray, cache: tuple) -> np.ndarray:
    name, Z, A = cache
    if name == "softmax":
        return _softmax_backward(dA, A)
    if name == "identity":  # f'(Z) = 1, so dZ = dA: the hot path skips multiplying by ones
        return dA
    return dA * _KERNELS[name][1](Z, A)


# ---- the dense layer ---------------------------------------------------------------------------


def dense_forward(X, W, b) -> tuple[np.ndarray, tuple]:
    r"""Forward pass of a dense (fully connected) layer: weighted sums plus the bias, once.

    .. math:: Z = X W^\top + b, \qquad Z_{nm} = \sum_d X_{nd} W_{md} + b_m

    X: (N, D) inputs; W: (M, D), one row per node; b: (M,). Returns ``(Z, cache)`` with Z of
    shape (N, M).
    """
    X, W, b = check_dense_inputs("dense_forward", X, W, b)
    return _dense_forward(X, W, b)


def dense_backward(dZ, cache) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Backward pass of a dense layer: gradients of the loss for X, W and b.

    .. math:: dX = dZ\,W, \qquad dW = dZ^\top X, \qquad db = \sum_{n} dZ_{n,:}

    dZ: (N, M), the gradient of the loss with respect to Z; cache from ``dense_forward``.
    Returns ``(dX, dW, db)`` with shapes (N, D), (M, D), (M,).
    """
    X, W = _check_cache("dense_backward", cache, "dense_forward", "the pair (X, W)", 2)
    dZ = as_array("dense_backward", "dZ", dZ, ndim=2)
    expected = (X.shape[0], W.shape[0])
    if dZ.shape != expected:
        raise ValueError(
            f"dense_backward: dZ has shape {dZ.shape} but the forward pass produced Z of shape "
            f"{expected}; dZ must have Z's shape (N, M)."
        )
    return _dense_backward(dZ, cache)


# ---- the activation layer ----------------------------------------------------------------------


def activation_forward(Z, name) -> tuple[np.ndarray, tuple]:
    r"""Apply an activation to the weighted sums: A = f(Z).

    .. math:: A = f(Z)

    Z: (N, M); name: "relu", "sigmoid", "tanh", "identity", or "softmax" (over each row).
    Returns ``(A, cache)`` with A of shape (N, M).
    """
    name = _check_name("activation_forward", name, allow_softmax=True)
    Z = as_array("activation_forward", "Z", Z, ndim=(1, 2))
    if name == "softmax" and Z.shape[-1] == 0:
        raise ValueError("activation_forward: softmax needs at least one column in Z.")
    return _activation_forward(Z, name)


def activation_backward(dA, cache) -> np.ndarray:
    r"""Backward pass of an activation: turn dL/dA into dL/dZ.

    .. math:: dZ = dA \odot f'(Z) \quad\text{(softmax: } dZ = A \odot (dA - \textstyle\sum_k
              dA_k A_k)\text{)}

    dA: (N, M), same shape as A; cache from ``activation_forward``. Returns dZ, shape (N, M).
    """
    name, _, A = _check_cache("activation_backward", cache, "activation_forward", None, 3)
    dA = as_array("activation_backward", "dA", dA, ndim=(1, 2))
    check_same_shape("activation_backward", "dA", dA, "A", A)
    dZ = _activation_backward(dA, cache)
    return dZ.copy() if dZ is dA else dZ  # a new array, never the caller's own dA


def _check_cache(func: str, cache, forward: str, what: str | None, length: int) -> tuple:
    """The cache must be the tuple ``forward`` returned (its arrays unchanged in kind)."""
    ok = isinstance(cache, tuple) and len(cache) == length
    if ok and length == 3:  # (name, Z, A) of activation_forward
        ok = (cache[0] in _KERNELS or cache[0] == "softmax") and all(
            isinstance(c, np.ndarray) for c in cache[1:]
        )
    elif ok:  # (X, W) of dense_forward
        ok = all(isinstance(c, np.ndarray) and c.ndim == 2 for c in cache)
    if not ok:
        also = f", {what}" if what else ""
        raise TypeError(f"{func}: cache should be the second value returned by {forward}{also}.")
    return cache
