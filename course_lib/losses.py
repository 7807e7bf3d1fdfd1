"""Loss functions and their gradients, each gradient written beside its loss.

A loss turns predictions and targets into one number (a Python float) that training drives down.
Every ``*_grad`` returns the gradient of that number with respect to the FIRST argument (the
predictions), with the same shape, ready to be fed to ``MLP.backward``.

Shapes: ``mse`` and the binary cross-entropies take two arrays of the same shape, e.g. (N,) or
(N, 1), and average over ALL entries. ``softmax_cross_entropy`` takes logits (N, C) and integer
class labels (N,) and averages over the N examples.

Limits: inputs must be finite real numbers; class labels must be integers in [0, C).
"""

import numpy as np

from course_lib._checked import OverflowValueError
from course_lib._validation import as_array, check_same_shape
from course_lib.activations import _sigmoid, _softmax

__all__ = [
    "mse",
    "mse_grad",
    "binary_cross_entropy",
    "binary_cross_entropy_grad",
    "binary_cross_entropy_with_logits",
    "binary_cross_entropy_with_logits_grad",
    "softmax_cross_entropy",
    "softmax_cross_entropy_grad",
    "get_loss",
    "LOSSES",
]

# Probabilities are clipped into [EPS, 1 - EPS] so that log(0) never happens.
EPS = 1e-12


def _as_array(func: str, name: str, x, ndim=None) -> np.ndarray:
    """``_validation.as_array`` with a shortcut for the common case in a training loop (a finite,
    non-empty float64 array), which saves a few microseconds per call."""
    if (
        type(x) is np.ndarray
        and x.dtype == np.float64
        and x.size
        and (ndim is None or x.ndim == ndim)
        and np.isfinite(x).all()
    ):
        return x
    return as_array(func, name, x, ndim=ndim)


def _pair(func: str, name_a: str, a, name_b: str, b) -> tuple[np.ndarray, np.ndarray]:
    """Check two same-shaped, non-empty, finite arrays (predictions and targets)."""
    a, b = _as_array(func, name_a, a), _as_array(func, name_b, b)
    check_same_shape(func, name_a, a, name_b, b)
    return a, b


def _in_unit_interval(func: str, name: str, a: np.ndarray, hint: str) -> None:
    if np.any(a < 0) or np.any(a > 1):
        raise ValueError(
            f"{func}: every entry of {name} must lie in [0, 1], but it ranges from "
            f"{a.min():.4g} to {a.max():.4g}.{hint}"
        )


def mse(y_hat, y) -> float:
    r"""Mean squared error: square each difference, then average over all entries.

    .. math:: \mathrm{MSE} = \frac{1}{n}\sum_{i=1}^{n} (\hat y_i - y_i)^2

    y_hat, y: same shape, e.g. (N,) or (N, 1); n is the number of entries. Returns a float.
    """
    y_hat, y = _pair("mse", "y_hat", y_hat, "y", y)
    big = max(np.abs(y_hat).max(), np.abs(y).max())
    if not big < 1e150:  # (y_hat - y) ** 2 would overflow float64
        raise OverflowValueError(
            f"mse: y_hat or y reaches {big:.3g} in size, so the squares overflow float64 "
            "(largest about 1.8e308). A diverged model? Lower the learning rate, or rescale y."
        )
    diff = y_hat - y
    return float(np.mean(diff * diff))


def mse_grad(y_hat, y) -> np.ndarray:
    r"""Gradient of the mean squared error with respect to the predictions y_hat.

    .. math:: \frac{\partial\,\mathrm{MSE}}{\partial \hat y_i} = \frac{2}{n}(\hat y_i - y_i)

    y_hat, y: same shape; returns an array of that shape.
    """
    y_hat, y = _pair("mse_grad", "y_hat", y_hat, "y", y)
    return 2.0 * (y_hat - y) / y_hat.size


def _bce_inputs(func: str, p, y) -> tuple[np.ndarray, np.ndarray]:
    p, y = _pair(func, "p", p, "y", y)
    _in_unit_interval(
        func,
        "p",
        p,
        " p are probabilities; if you have raw scores (logits), use "
        "binary_cross_entropy_with_logits.",
    )
    _in_unit_interval(func, "y", y, " Binary targets are 0 or 1.")
    return np.clip(p, EPS, 1.0 - EPS), y


def binary_cross_entropy(p, y) -> float:
    r"""Binary cross-entropy of predicted probabilities p against 0/1 targets y.

    .. math:: L = -\frac{1}{n}\sum_{i=1}^{n} \big[y_i \log p_i + (1 - y_i)\log(1 - p_i)\big]

    p: probabilities in [0, 1]; y: targets in {0, 1} (values in between are accepted as soft
    targets); same shape, e.g. (N,) or (N, 1). p is clipped to [1e-12, 1 - 1e-12] first, so p
    exactly 0 or 1 gives a large but finite loss instead of inf. Returns a float.
    For raw scores prefer ``binary_cross_entropy_with_logits`` (more accurate).
    """
    p, y = _bce_inputs("binary_cross_entropy", p, y)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log1p(-p)))


def binary_cross_entropy_grad(p, y) -> np.ndarray:
    r"""Gradient of the binary cross-entropy with respect to the probabilities p.

    .. math:: \frac{\partial L}{\partial p_i} = \frac{1}{n}\,\frac{p_i - y_i}{p_i(1 - p_i)}

    p, y: same shape; returns an array of that shape (p is clipped as in the loss).
    """
    p, y = _bce_inputs("binary_cross_entropy_grad", p, y)
    return (p - y) / (p * (1.0 - p)) / p.size


def binary_cross_entropy_with_logits(z, y) -> float:
    r"""Binary cross-entropy computed from logits z (p = sigmoid(z)), stable for any z.

    .. math:: L = \frac{1}{n}\sum_i \big[\max(z_i, 0) - z_i y_i + \log(1 + e^{-|z_i|})\big]

    This equals the binary cross-entropy of sigmoid(z) but never takes log(0) or overflows,
    even for logits like ±1000. z, y: same shape; y in [0, 1]. Returns a float.
    """
    z, y = _pair("binary_cross_entropy_with_logits", "z", z, "y", y)
    _in_unit_interval("binary_cross_entropy_with_logits", "y", y, " Binary targets are 0 or 1.")
    return float(np.mean(np.maximum(z, 0.0) - z * y + np.log1p(np.exp(-np.abs(z)))))


def binary_cross_entropy_with_logits_grad(z, y) -> np.ndarray:
    r"""Gradient of the logit binary cross-entropy with respect to the logits z.

    .. math:: \frac{\partial L}{\partial z_i} = \frac{1}{n}\big(\sigma(z_i) - y_i\big)

    z, y: same shape; returns an array of that shape.
    """
    z, y = _pair("binary_cross_entropy_with_logits_grad", "z", z, "y", y)
    _in_unit_interval(
        "binary_cross_entropy_with_logits_grad", "y", y, " Binary targets are 0 or 1."
    )
    return (_sigmoid(z) - y) / z.size


def _sce_inputs(func: str, logits, labels) -> tuple[np.ndarray, np.ndarray]:
    """Check logits (N, C) and integer labels (N,) in [0, C)."""
    logits = _as_array(func, "logits", logits, ndim=2)
    n, c = logits.shape
    if isinstance(labels, str | bytes):
        raise TypeError(f"{func}: labels is a string; pass integer class indices, shape ({n},).")
    try:
        labels = np.asarray(labels)
    except ValueError:
        raise ValueError(
            f"{func}: labels could not be turned into an array; pass integer "
            f"class indices, shape ({n},)."
        ) from None
    if labels.dtype.kind not in "iu":
        hint = " e.g. labels.astype(int)" if labels.dtype.kind == "f" else ""
        raise TypeError(
            f"{func}: labels has dtype {labels.dtype}; class labels must be integers "
            f"0..{c - 1}, one per example{hint}. (One-hot rows? use "
            "labels.argmax(axis=1).)"
        )
    if labels.shape != (n,):
        raise ValueError(
            f"{func}: labels has shape {labels.shape} but logits has shape {(n, c)}; "
            f"pass one integer label per example, shape ({n},). (One-hot rows? use "
            "labels.argmax(axis=1); a column? use labels.ravel().)"
        )
    if labels.min() < 0 or labels.max() >= c:
        raise ValueError(
            f"{func}: labels range from {labels.min()} to {labels.max()}, but with "
            f"{c} classes (logits has shape {(n, c)}) they must lie in 0..{c - 1}."
        )
    return logits, labels


def softmax_cross_entropy(logits, labels) -> float:
    r"""Cross-entropy of softmax(logits) against integer class labels, averaged over examples.

    .. math:: L = \frac{1}{N}\sum_{i=1}^{N}\Big[\log\sum_{k} e^{z_{ik}} - z_{i,y_i}\Big]
              = -\frac{1}{N}\sum_i \log \mathrm{softmax}(z_i)_{y_i}

    logits: (N, C) raw scores; labels: (N,) integers in [0, C). Returns a float.
    Computed with the log-sum-exp trick (subtract each row's max), so huge logits are safe.
    """
    z, labels = _sce_inputs("softmax_cross_entropy", logits, labels)
    m = np.max(z, axis=1, keepdims=True)
    log_sum_exp = m[:, 0] + np.log(np.sum(np.exp(z - m), axis=1))
    return float(np.mean(log_sum_exp - z[np.arange(z.shape[0]), labels]))


def softmax_cross_entropy_grad(logits, labels) -> np.ndarray:
    r"""Gradient of the softmax cross-entropy with respect to the logits.

    .. math:: \frac{\partial L}{\partial z_{ik}} = \frac{1}{N}\big(\mathrm{softmax}(z_i)_k
              - [k = y_i]\big)

    logits: (N, C); labels: (N,) integers. Returns an (N, C) array.
    """
    z, labels = _sce_inputs("softmax_cross_entropy_grad", logits, labels)
    g = _softmax(z)
    g[np.arange(z.shape[0]), labels] -= 1.0
    return g / z.shape[0]


# name -> (loss, loss_grad)
LOSSES = {
    "mse": (mse, mse_grad),
    "binary_cross_entropy": (binary_cross_entropy, binary_cross_entropy_grad),
    "binary_cross_entropy_with_logits": (
        binary_cross_entropy_with_logits,
        binary_cross_entropy_with_logits_grad,
    ),
    "softmax_cross_entropy": (softmax_cross_entropy, softmax_cross_entropy_grad),
}


def get_loss(name):
    r"""Look up a loss by name: returns the pair ``(loss, loss_grad)``.

    .. math:: L = \mathrm{loss}(\hat y, y), \qquad d\hat y = \mathrm{loss\_grad}(\hat y, y)

    name: "mse", "binary_cross_entropy", "binary_cross_entropy_with_logits" or
    "softmax_cross_entropy".
    """
    if not isinstance(name, str):
        raise TypeError(
            f"get_loss: name should be a string such as 'mse', got "
            f"{type(name).__name__}. Valid names: {', '.join(LOSSES)}."
        )
    if name.lower() not in LOSSES:
        raise ValueError(f"get_loss: unknown loss {name!r}. Valid names: {', '.join(LOSSES)}.")
    return LOSSES[name.lower()]
