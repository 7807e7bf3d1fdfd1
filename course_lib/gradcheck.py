"""Gradient checking: compare a backward pass with finite differences, and get numbers back.

``numerical_gradient`` estimates the gradient of a scalar function by nudging one entry at a
time (centred differences), of one array or of a whole dict of parameters; ``relative_error``
compares two gradients with one number;
``check_model_gradients`` does both for every parameter of an ``MLP`` and returns a dict of
relative errors. Nothing here prints: the exercise checkers turn these numbers into messages.

How to read the relative error (float64, h = 1e-5):

- below 1e-7: the gradient is right;
- around 1e-4 or above: look again, something is probably wrong (a missing transpose, a
  forgotten 1/N, a sign);
- a kink, such as ReLU at 0, can spoil one coordinate: if an input sits within h of the kink,
  the two nudges land on different sides and the estimate is off. Move inputs away from the kink
  (or check with a smooth activation) before suspecting your code.

Limits: costs two function calls per entry of x, so keep checks small (a few hundred entries).
"""

import numpy as np

from course_lib._argspec import FUNCTION, MODEL, optional
from course_lib._checked import checked
from course_lib._validation import as_array, check_positive
from course_lib.losses import get_loss

__all__ = ["numerical_gradient", "relative_error", "check_model_gradients"]


def _scalar(func: str, value) -> float:
    """Turn f(x)'s return value into a float, or explain what f must return."""
    if isinstance(value, str | bytes):
        raise TypeError(f"{func}: f returned a string; f must return one number (the loss).")
    try:
        arr = np.asarray(value)
    except ValueError:
        arr = np.asarray(None, dtype=object)
    if arr.dtype.kind not in "biuf" or arr.size != 1:
        raise TypeError(
            f"{func}: f must return one real number (the loss), but it returned "
            f"{type(value).__name__} with shape {arr.shape}."
        )
    v = float(arr.reshape(()))
    if not np.isfinite(v):
        raise ValueError(
            f"{func}: f returned {v}; the function must be finite near x. Check the "
            "inputs or use a smaller step h."
        )
    return v


@checked(f=FUNCTION)
def numerical_gradient(f, x, h: float = 1e-5):
    r"""Estimate the gradient of a scalar function f at x by centred differences.

    .. math:: \frac{\partial f}{\partial x_i} \approx \frac{f(x + h e_i) - f(x - h e_i)}{2h}

    f: a function taking x (the same object) and returning one number.
    x: float64 array of any shape, or a dict of them (a network's parameters, such as
    ``{"W1": ..., "b1": ...}``): then f takes the whole dict, every array in it is nudged, and the
    result is a dict of gradients with the same names, e.g.
    ``numerical_gradient(lambda p: two_layer_loss(p, X, y), params)``.
    A float64 ndarray is nudged IN PLACE, one entry at a time, and each entry is restored
    afterwards, so f may also read x through a closure (for example a network's weights:
    ``numerical_gradient(lambda _: loss(net.forward(X), y), net.params["W1"])``). Anything else is
    first converted to a new float64 array.
    h: the step. Returns an array of x's shape (or a dict of them).
    """
    if not callable(f):
        raise TypeError(
            f"numerical_gradient: f should be a function of x returning a number, "
            f"got {type(f).__name__}."
        )
    h = check_positive("numerical_gradient", "h", h)
    if isinstance(x, dict):
        for name, value in x.items():
            if not (isinstance(value, np.ndarray) and value.dtype == np.float64):
                raise TypeError(
                    f"numerical_gradient: x[{name!r}] should be a float64 array (it is nudged "
                    f"in place), got {type(value).__name__}"
                    + (f" of dtype {value.dtype}" if isinstance(value, np.ndarray) else "")
                    + ". Use x[name] = np.asarray(x[name], dtype=float) first."
                )
            as_array("numerical_gradient", f"x[{name!r}]", value, allow_empty=True)
        return {name: _nudge_each(f, x, value, h) for name, value in x.items()}
    if not (isinstance(x, np.ndarray) and x.dtype == np.float64):
        if isinstance(x, np.ndarray) and x.dtype.kind in "biu":
            raise TypeError(
                f"numerical_gradient: x has dtype {x.dtype}; it is nudged in place by "
                "h, so it must be float64. Use x = x.astype(float) first."
            )
        x = as_array("numerical_gradient", "x", x, allow_empty=True)
    else:
        as_array("numerical_gradient", "x", x, allow_empty=True)  # NaN/inf check, no copy
    try:
        return _nudge_each(f, x, x, h)
    except (IndexError, KeyError) as exc:
        # The usual cause: f was written for the whole parameter dict, e.g.
        # lambda p: two_layer_loss(p, X, y), but x is one array, so p["W1"] fails inside f.
        raise TypeError(
            f"numerical_gradient: f(x) failed with {type(exc).__name__}: {exc}. f is called with "
            f"x itself, here an array of shape {x.shape}, not with a dict of parameters. If your "
            "loss takes the whole dict, pass the dict as x and get every gradient at once: "
            "numerical_gradient(lambda p: two_layer_loss(p, X, y), params). To check one array, "
            "let f ignore its argument and read the array it nudges: "
            'numerical_gradient(lambda _: two_layer_loss(params, X, y), params["W1"]).'
        ) from exc


def _nudge_each(f, arg, x: np.ndarray, h: float) -> np.ndarray:
    """Centred differences of f(arg) for every entry of x (which arg holds or is), in place."""
    grad = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        try:
            x[idx] = old + h
            f_plus = _scalar("numerical_gradient", f(arg))
            x[idx] = old - h
            f_minus = _scalar("numerical_gradient", f(arg))
        finally:
            x[idx] = old
        grad[idx] = (f_plus - f_minus) / (2.0 * h)
    return grad


def relative_error(a, b) -> float:
    r"""One number saying how far apart two arrays are, relative to their size.

    .. math:: \mathrm{err}(a, b) = \frac{\max_i |a_i - b_i|}{\max\big(\max_i (|a_i| + |b_i|),\
              \varepsilon_{\text{tiny}}\big)}

    a, b: same shape (any). Returns a float in [0, 1]; 0 when both are all zeros.
    See the module docstring for what values mean.
    """
    a = as_array("relative_error", "a", a, allow_empty=True)
    b = as_array("relative_error", "b", b, allow_empty=True)
    if a.shape != b.shape:
        raise ValueError(
            f"relative_error: a has shape {a.shape} but b has shape {b.shape}; "
            "compare two gradients of the same shape."
        )
    if a.size == 0:
        return 0.0
    scale = max(float(np.max(np.abs(a) + np.abs(b))), np.finfo(np.float64).tiny)
    return float(np.max(np.abs(a - b)) / scale)


def _names(func, name, value):
    if not isinstance(value, list | tuple) or not all(isinstance(n, str) for n in value):
        raise TypeError(
            f"{func}: {name} should be a list of parameter names such as ['W1', 'b1'], "
            f"got {value!r}."
        )


def _loss_pair(loss):
    if isinstance(loss, str):
        return get_loss(loss)
    if isinstance(loss, tuple) and len(loss) == 2 and all(callable(g) for g in loss):
        return loss
    raise TypeError(
        "check_model_gradients: loss should be a loss name such as 'mse' or a pair "
        "(loss, loss_grad) of functions of (output, y)."
    )


@checked(model=MODEL, names=optional(_names))
def check_model_gradients(model, X, y, loss, h: float = 1e-5, names=None) -> dict:
    r"""Compare ``model.backward`` with finite differences for every parameter.

    .. math:: \mathrm{err}_W = \mathrm{relative\_error}\big(dW_{\text{backprop}},\
              dW_{\text{numerical}}\big)

    model: an ``MLP`` (anything with ``params``, ``forward`` and ``backward``); X: (N, D);
    y: targets as the loss expects them; loss: a name for ``losses.get_loss`` ("mse",
    "softmax_cross_entropy", ...) or a pair ``(loss, loss_grad)``; names: optional list of
    parameter names to check (default: all). Returns {"W1": err, "b1": err, ...}. The model's
    parameters are left unchanged.
    """
    loss_f, loss_grad = _loss_pair(loss)
    if not hasattr(model, "params") or not hasattr(model, "backward"):
        raise TypeError(
            "check_model_gradients: model should be an MLP (with params, forward, backward)."
        )
    names = list(model.params) if names is None else list(names)
    for name in names:
        if name not in model.params:
            raise ValueError(
                f"check_model_gradients: no parameter named {name!r}; the model has "
                f"{', '.join(model.params)}."
            )
    output = model.forward(X)
    analytic = model.backward(loss_grad(output, y))

    def f(_):
        return loss_f(model.forward(X), y)

    return {
        name: relative_error(analytic[name], numerical_gradient(f, model.params[name], h))
        for name in names
    }
