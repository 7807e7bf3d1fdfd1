r"""A two-layer ReLU network written out by hand, and a copy of its gradients with a planted bug:
the material of lesson 6's gradient-checking exercise (``checks.lesson06.check_buggy_param``).

:func:`demo_problem` draws parameters and data, :func:`two_layer_loss` is the MSE loss,
:func:`two_layer_gradients` its gradients by backpropagation, and
:func:`buggy_two_layer_gradients` the same with one planted bug, to be found by gradient checking.

Shapes: ``X`` (N, D), ``y`` (N, K); parameters in the course layout, ``W1`` (H, D), ``b1``
(H,), ``W2`` (K, H), ``b2`` (K,). Limits: teaching code, float64, no input checks beyond
the public entry points; nothing here plots.
"""

import numpy as np

from course_lib._argspec import PARAMS, array, count
from course_lib._checked import checked
from course_lib._validation import check_rng

__all__ = ["demo_problem", "two_layer_loss", "two_layer_gradients", "buggy_two_layer_gradients"]


@checked(n=count(1), d=count(1), hidden=count(1), k=count(1))
def demo_problem(rng: np.random.Generator, n: int = 8, d: int = 3, hidden: int = 4, k: int = 2):
    r"""Random parameters and data for a ``d``-``hidden``-``k`` ReLU network with an MSE loss.

    Returns ``(params, X, y)``: params {"W1": (H, D), "b1": (H,), "W2": (K, H), "b2": (K,)},
    X (N, D), y (N, K). The biases are non-zero and some hidden weighted sums are negative, so a
    ReLU mask matters.
    """
    check_rng("demo_problem", rng)
    params = {
        "W1": rng.normal(size=(hidden, d)),
        "b1": 0.1 * rng.normal(size=hidden),
        "W2": rng.normal(size=(k, hidden)),
        "b2": 0.1 * rng.normal(size=k),
    }
    X = rng.normal(size=(n, d))
    y = rng.normal(size=(n, k))
    return params, X, y


def _check(func, params, X, y) -> None:
    """The shapes of a two-layer problem must fit together: W1 (H, D), W2 (K, H), y (N, K)."""
    if len(params) != 4:
        raise ValueError(f"{func}: params should hold W1, b1, W2, b2 (two layers).")
    H, D = params["W1"].shape
    K = params["W2"].shape[0]
    want = {"b1": (H,), "W2": (K, H), "b2": (K,)}
    for key, shape in want.items():
        if np.shape(params[key]) != shape:
            raise ValueError(
                f"{func}: params[{key!r}] has shape {np.shape(params[key])}; with W1 of shape "
                f"{(H, D)} it should have shape {shape}."
            )
    if np.shape(X)[1] != D or np.shape(y) != (np.shape(X)[0], K):
        raise ValueError(
            f"{func}: X has shape {np.shape(X)} and y {np.shape(y)}; with W1 {(H, D)} and W2 "
            f"{(K, H)} they should be (N, {D}) and (N, {K})."
        )


_ARGS = dict(_finite=True, params=PARAMS, X=array(ndim=2), y=array(ndim=2))


def _forward(params, X):
    Z1 = X @ params["W1"].T + params["b1"]
    A1 = np.maximum(Z1, 0.0)
    return Z1, A1, A1 @ params["W2"].T + params["b2"]


@checked(**_ARGS)
def two_layer_loss(params: dict, X, y) -> float:
    r"""MSE of the two-layer ReLU network: $L = \frac{1}{NK}\sum (\hat Y - Y)^2$.

    .. math:: Z_1 = X W_1^\top + b_1,\ A_1 = \mathrm{relu}(Z_1),\ \hat Y = A_1 W_2^\top + b_2

    params: as from :func:`demo_problem`; X (N, D); y (N, K). Returns a float. It reads the
    parameter arrays at call time, so ``gradcheck.numerical_gradient`` can nudge them in place.
    """
    _check("two_layer_loss", params, X, y)
    _, _, y_hat = _forward(params, X)
    return float(np.mean((y_hat - y) ** 2))


@checked(**_ARGS)
def two_layer_gradients(params: dict, X, y) -> dict:
    r"""The right gradients of :func:`two_layer_loss`, by backpropagation.

    .. math:: d\hat Y = \tfrac{2}{NK}(\hat Y - Y),\ dW_2 = d\hat Y^\top A_1,\
              db_2 = \textstyle\sum_n d\hat Y,\ dZ_1 = (d\hat Y W_2) \odot [Z_1 > 0],\
              dW_1 = dZ_1^\top X,\ db_1 = \textstyle\sum_n dZ_1

    Returns {"W1": (H, D), "b1": (H,), "W2": (K, H), "b2": (K,)}.
    """
    _check("two_layer_gradients", params, X, y)
    Z1, A1, y_hat = _forward(params, X)
    d_y_hat = 2.0 * (y_hat - y) / y_hat.size
    dZ1 = (d_y_hat @ params["W2"]) * (Z1 > 0)
    return {
        "W1": dZ1.T @ X,
        "b1": dZ1.sum(axis=0),
        "W2": d_y_hat.T @ A1,
        "b2": d_y_hat.sum(axis=0),
    }


@checked(**_ARGS)
def buggy_two_layer_gradients(params: dict, X, y) -> dict:
    r"""Like :func:`two_layer_gradients`, but one of the four gradients has a planted bug.

    .. math:: \text{(one of } dW_1, db_1, dW_2, db_2 \text{ is wrong: find it by gradient
              checking)}

    Same arguments and shapes as :func:`two_layer_gradients`. Which one, and why, is written in
    the lesson's collapsed solution (and in the test), not here.
    """
    grads = two_layer_gradients(params, X, y)
    Z1, _, y_hat = _forward(params, X)
    d_y_hat = 2.0 * (y_hat - y) / y_hat.size
    grads["W2"] = d_y_hat.T @ Z1
    return grads
