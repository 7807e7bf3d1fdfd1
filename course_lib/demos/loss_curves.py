r"""Why mean squared error is a poor loss for a sigmoid classifier: the same model, two losses.

Lesson 4 trains one sigmoid node, :math:`p = \sigma(XW^\top + b)`, on the same data from the
same start with full-batch gradient descent, once with mean squared error and once with binary
cross-entropy, and compares the runs. From a *saturated* start (a confident, wrong model, where
:math:`p` is near 0 or 1) the MSE run barely moves: its gradient with respect to the weighted
sum carries the factor :math:`\sigma'(z) = p(1 - p)`, which is nearly zero there, while the
cross-entropy gradient is simply :math:`p - y`.

Shapes: ``X`` (N, D) one example per row, ``y`` (N,) labels 0 or 1, ``W`` (1, D), ``b`` (1,).
The model is a ``network.MLP([D, 1], output_activation="sigmoid")``; the losses come from
``course_lib.losses``. Everything here is pure computation (no plotting, no global state).
Limits: one output node, plain gradient descent, no mini-batches; meant for small data sets.
"""

import numpy as np

from course_lib._argspec import NUMBER, TEXT, array, choice, optional
from course_lib._checked import checked
from course_lib._validation import (
    as_array,
    check_int,
    check_labels,
    check_positive,
    check_rng,
    check_rows,
)
from course_lib.activations import sigmoid
from course_lib.losses import binary_cross_entropy, binary_cross_entropy_grad, mse, mse_grad
from course_lib.network import MLP

__all__ = [
    "two_clusters",
    "logit_gradients",
    "saturation_caption",
    "train_sigmoid_classifier",
    "compare_losses",
]

_LOSSES = {
    "mse": (mse, mse_grad),
    "binary_cross_entropy": (binary_cross_entropy, binary_cross_entropy_grad),
}


@checked(_finite=True)
def two_clusters(n: int, gap: float = 2.0, std: float = 0.7, rng=None):
    r"""A one-feature, two-class data set: class 0 around :math:`-\text{gap}`, class 1 around
    :math:`+\text{gap}`.

    .. math:: x_i \sim \mathcal N\big((2 y_i - 1)\,\text{gap},\ \text{std}^2\big)

    n: number of examples (half of each class, class 1 gets the odd one); rng: a
    ``numpy.random.Generator``. Returns ``X`` (n, 1) and ``y`` (n,) with labels 0.0 and 1.0.
    """
    n = check_int("two_clusters", "n", n, minimum=2)
    gap = check_positive("two_clusters", "gap", gap)
    std = check_positive("two_clusters", "std", std, allow_zero=True)
    check_rng("two_clusters", rng)
    y = (np.arange(n) >= n // 2).astype(np.float64)
    X = ((2.0 * y - 1.0) * gap + std * rng.standard_normal(n)).reshape(n, 1)
    return X, y


@checked(_finite=True)
def logit_gradients(z, y):
    r"""Per-example loss and its slope with respect to the weighted sum z, for both losses.

    .. math:: p = \sigma(z), \quad \frac{\partial (p - y)^2}{\partial z} = 2 (p - y)\, p (1 - p),
              \quad \frac{\partial [-y \log p - (1 - y)\log(1 - p)]}{\partial z} = p - y

    z: weighted sums of any shape; y: targets (0 or 1), broadcastable to z's shape.
    Returns a dict of arrays of z's shape: ``p``, ``mse``, ``bce``, ``mse_dz``, ``bce_dz``.
    The BCE value uses the stable form :math:`\max(z, 0) - z y + \log(1 + e^{-|z|})`.
    """
    z = as_array("logit_gradients", "z", z, allow_empty=True)
    y = as_array("logit_gradients", "y", y, allow_empty=True)
    if np.any((y < 0) | (y > 1)):
        raise ValueError("logit_gradients: y holds targets, which must lie in [0, 1] (0 or 1).")
    p = sigmoid(z)
    return {
        "p": p,
        "mse": (p - y) ** 2,
        "bce": np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z))),
        "mse_dz": 2.0 * (p - y) * p * (1.0 - p),
        "bce_dz": (p - y) * np.ones_like(z),
    }


@checked(_finite=True, z=NUMBER, y=choice(1, 0))
def saturation_caption(z: float, y: int) -> str:
    r"""The saturation explorer's caption (HTML) at weighted sum ``z`` and target ``y``: p, both
    losses and both slopes, and how many times the cross-entropy push is the squared-error one.

    .. math:: \left|\frac{\partial L_{CE}}{\partial z}\right| \Big/
              \left|\frac{\partial L_{MSE}}{\partial z}\right| = \frac{1}{2\,p(1 - p)}
    """
    here = {k: float(v[0]) for k, v in logit_gradients(np.array([float(z)]), float(y)).items()}
    ratio = abs(here["bce_dz"]) / max(abs(here["mse_dz"]), 1e-300)
    return (
        f"z = {z:.1f}, p = {here['p']:.4f}, target {y}. Cross-entropy: loss "
        f"{here['bce']:.3f}, slope {here['bce_dz']:+.4f}. Squared error: loss "
        f"{here['mse']:.3f}, slope {here['mse_dz']:+.2e}.<br>The cross-entropy push "
        f"is <b>{ratio:.3g}</b> times the squared-error push."
    )


def _check_data(func: str, X, y) -> tuple[np.ndarray, np.ndarray]:
    X = as_array(func, "X", X, ndim=2)
    y = check_labels(func, "y", y, num_classes=2).astype(np.float64)
    check_rows(func, X, "y", y)
    return X, y


@checked(loss=TEXT)
def train_sigmoid_classifier(X, y, loss: str, lr: float, num_steps: int, W0, b0) -> dict:
    r"""Full-batch gradient descent on one sigmoid node with the given loss; record every step.

    .. math:: \hat y = \sigma(X W^\top + b), \qquad W \leftarrow W - \eta\, dW, \quad
              b \leftarrow b - \eta\, db

    X: (N, D); y: (N,) labels 0/1; loss: "mse" or "binary_cross_entropy"; lr: the learning rate
    :math:`\eta`; W0: (1, D) and b0: (1,) the starting parameters (copied).
    Returns a dict of arrays with one entry per step 0..num_steps: ``mse`` and ``bce`` (both
    losses of the current model, whichever one is trained), ``accuracy``, ``grad_norm`` (the
    size of :math:`(dW, db)`), ``W`` (num_steps+1, D) and ``b`` (num_steps+1,), and
    ``diverged_at``: None, or the step at which the weights stopped being finite numbers (a
    learning rate far too large); training stops there and the arrays end before it.
    """
    func = "train_sigmoid_classifier"
    X, y = _check_data(func, X, y)
    if loss not in _LOSSES:
        raise ValueError(f"{func}: loss should be one of {sorted(_LOSSES)}, got {loss!r}.")
    lr = check_positive(func, "lr", lr)
    num_steps = check_int(func, "num_steps", num_steps, minimum=0)
    W0 = as_array(func, "W0", W0, ndim=2)
    b0 = as_array(func, "b0", b0, ndim=1)
    if W0.shape != (1, X.shape[1]) or b0.shape != (1,):
        raise ValueError(
            f"{func}: W0 has shape {W0.shape} and b0 {b0.shape}; one output node with "
            f"{X.shape[1]} inputs needs W0 of shape (1, {X.shape[1]}) and b0 of shape (1,)."
        )
    net = MLP([X.shape[1], 1], output_activation="sigmoid", rng=np.random.default_rng(0))
    net.params["W1"], net.params["b1"] = W0.copy(), b0.copy()
    f, f_grad = _LOSSES[loss]
    y_col = y.reshape(-1, 1)
    keys = ("mse", "bce", "accuracy", "grad_norm", "W", "b")
    hist = {k: [] for k in keys}
    diverged_at = None
    with np.errstate(all="ignore"):  # a diverging rate is reported through diverged_at
        for step in range(num_steps + 1):
            p = net._forward(X, keep=True)
            if not np.isfinite(p).all():
                diverged_at = step
                break
            grads = net.backward(f_grad(p, y_col))
            norm = float(np.sqrt(sum(np.sum(g * g) for g in grads.values())))
            if not np.isfinite(norm):
                diverged_at = step
                break
            hist["mse"].append(mse(p, y_col))
            hist["bce"].append(binary_cross_entropy(p, y_col))
            hist["accuracy"].append(float(np.mean((p[:, 0] >= 0.5) == (y == 1))))
            hist["W"].append(net.params["W1"][0].copy())
            hist["b"].append(float(net.params["b1"][0]))
            hist["grad_norm"].append(norm)
            if step < num_steps:
                for name, g in grads.items():
                    net.params[name] -= lr * g
                if not all(np.isfinite(v).all() for v in net.params.values()):
                    diverged_at = step + 1
                    break
    out = {k: np.array(v) for k, v in hist.items()}
    out["W"] = out["W"].reshape(-1, X.shape[1])
    out["diverged_at"] = diverged_at
    return out


@checked(W0=optional(array(ndim=2)), b0=optional(array(ndim=1)))
def compare_losses(X, y, lr: float = 2.0, num_steps: int = 150, W0=None, b0=None) -> dict:
    r"""Train the same sigmoid node with MSE and with binary cross-entropy, from the same start.

    .. math:: \text{MSE: } dZ = \tfrac{2}{N}(p - y)\,p(1 - p), \qquad
              \text{BCE: } dZ = \tfrac{1}{N}(p - y)

    X: (N, D); y: (N,) labels 0/1. W0 (1, D), b0 (1,): the start; the default is a saturated,
    confidently wrong node, W0 = -4 for every feature and b0 = 0 (it calls class 1 class 0).
    Returns ``{"mse": history, "binary_cross_entropy": history}``, each as returned by
    :func:`train_sigmoid_classifier`.
    """
    X, y = _check_data("compare_losses", X, y)
    W0 = np.full((1, X.shape[1]), -4.0) if W0 is None else W0
    b0 = np.zeros(1) if b0 is None else b0
    return {name: train_sigmoid_classifier(X, y, name, lr, num_steps, W0, b0) for name in _LOSSES}
