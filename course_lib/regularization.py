r"""Regularisation: L2 weight decay, early stopping and data augmentation, lesson 08's tools
against overfitting.

L2 weight decay adds half the squared size of every weight matrix to the loss,

$$L_{\text{total}} = L + \frac{\lambda}{2} \sum_l \lVert W_l \rVert^2, \qquad
dW_l \mathrel{+}= \lambda W_l,$$

so every step also pulls each weight a little towards 0 (``l2_penalty`` and its gradient
``l2_penalty_grad``, beside it). Only the weight matrices (parameters whose name starts with
"W") are penalised, not the biases: a bias shifts a node's output, it does not make the network
more sensitive to its inputs, and pulling it to 0 only moves boundaries towards the origin.
``training.train(..., weight_decay=λ)`` uses the pair.

Early stopping watches the loss on a validation set after each epoch and stops when it has not
improved for ``patience`` epochs; ``EarlyStopping`` is a ``train`` callback that keeps a copy
of the best parameters and puts them back with ``restore``.

Data augmentation makes more training examples by moving the ones we have: a handwritten 3
moved one pixel to the right is still a 3, so shifted copies (``add_shifted_copies``, built on
``shift_images``) teach the network that the label does not depend on the exact position.
Pixels that move in from outside are filled with 0 (blank paper). Shift only the TRAINING set:
the test set must stay the images the model is judged on.

Shapes: ``params`` is a dict of float arrays named like ``network.MLP``'s (``"W1"`` (M, D),
``"b1"`` (M,), ...). Images are ``(N, h, w)`` with labels ``(N,)``.
Limits: no dropout, no L1, no decoupled (AdamW-style) decay; whole-pixel shifts only (no
rotations, no scaling, no interpolation).
"""

import numpy as np

from course_lib._argspec import TEXT, array
from course_lib._checked import OverflowValueError, checked
from course_lib._validation import as_array, check_int, check_positive
from course_lib.losses import get_loss

__all__ = [
    "l2_penalty",
    "l2_penalty_grad",
    "is_weight",
    "EarlyStopping",
    "shift_images",
    "add_shifted_copies",
    "ONE_PIXEL_SHIFTS",
]


@checked(name=TEXT)
def is_weight(name: str) -> bool:
    """True for a weight matrix name such as ``"W1"``; False for a bias such as ``"b1"``."""
    return name.startswith("W")


def _check(func: str, params, weight_decay) -> float:
    if not isinstance(params, dict):
        raise TypeError(
            f"{func}: params should be a dict name -> array such as model.params, got "
            f"{type(params).__name__}."
        )
    if not params:
        raise ValueError(f"{func}: params is empty; pass model.params (W1, b1, ...).")
    for key, p in params.items():
        as_array(func, f"params[{key!r}]", p, allow_empty=True)
    return check_positive(func, "weight_decay", weight_decay, allow_zero=True)


def l2_penalty(params: dict, weight_decay: float) -> float:
    r"""The L2 penalty $\frac{\lambda}{2} \sum_l \lVert W_l \rVert^2$ (sum of squared weights).

    params: dict of arrays (only names starting with "W" count); weight_decay: $\lambda \ge 0$.
    Returns one float, to be added to the data loss.
    """
    lam = _check("l2_penalty", params, weight_decay)
    with np.errstate(over="ignore", invalid="ignore"):
        value = 0.5 * lam * float(sum(np.sum(p * p) for k, p in params.items() if is_weight(k)))
    if not np.isfinite(value):
        raise OverflowValueError(
            f"l2_penalty: the penalty overflows float64 (weight_decay {lam:.3g}, weights up to "
            f"{max(float(np.max(np.abs(p), initial=0)) for p in params.values()):.3g}): use a "
            "weight decay such as 1e-3, or check for a diverged run."
        )
    return value


def l2_penalty_grad(params: dict, weight_decay: float) -> dict:
    r"""Gradient of ``l2_penalty``: $\lambda W_l$ for every weight matrix, 0 for every bias.

    Returns a dict with the keys and shapes of ``params``, to be added to the data gradients.
    """
    lam = _check("l2_penalty_grad", params, weight_decay)
    return {k: lam * p if is_weight(k) else np.zeros_like(p) for k, p in params.items()}


def _loss_spec(func, name, value):
    pair = isinstance(value, tuple) and len(value) == 2 and callable(value[0])  # only L is used
    if not isinstance(value, str) and not pair:
        raise TypeError(
            f"{func}: {name} should be a loss name such as 'softmax_cross_entropy' or a pair "
            f"(loss, loss_grad), got {value!r}."
        )


class EarlyStopping:
    r"""A ``train`` callback: stop when the validation loss has not improved for ``patience``
    epochs, and remember the best parameters.

    After each epoch it computes $L_{\text{val}}$ on ``(X_val, y_val)`` (appended to
    ``val_loss``); a new minimum sets ``best_epoch`` (counted from 1) and copies the parameters.
    It returns ``False`` (stop) once ``patience`` epochs in a row brought no new minimum.
    ``restore(model)`` copies the best parameters back into ``model``.
    X_val: (N, D); y_val: (N,) labels for the default "softmax_cross_entropy".
    """

    @checked(X_val=array(ndim=2), y_val=array(ndim=(1, 2)), loss=_loss_spec)
    def __init__(self, X_val, y_val, patience: int = 10, loss="softmax_cross_entropy"):
        self.X_val = as_array("EarlyStopping", "X_val", X_val, ndim=2)
        self.y_val = np.asarray(y_val)
        self.patience = check_int("EarlyStopping", "patience", patience, minimum=1)
        self.loss = get_loss(loss) if isinstance(loss, str) else loss
        self.val_loss, self.best_epoch, self.best_loss, self.best_params = [], 0, np.inf, None

    def __call__(self, history, model) -> bool:
        value = float(self.loss[0](model.forward(self.X_val), self.y_val))
        self.val_loss.append(value)
        if value < self.best_loss:
            self.best_loss, self.best_epoch = value, len(self.val_loss)
            self.best_params = {k: p.copy() for k, p in model.params.items()}
        return len(self.val_loss) - self.best_epoch < self.patience

    def restore(self, model) -> None:
        """Put the parameters of the best epoch back into ``model`` (in place)."""
        if self.best_params is None:
            raise RuntimeError("EarlyStopping.restore: no epoch has been scored yet; train first.")
        if not isinstance(getattr(model, "params", None), dict):
            raise TypeError(
                "EarlyStopping.restore: model should be the network that was trained (with its "
                f"params dict), got {type(model).__name__}."
            )
        for k, p in self.best_params.items():
            model.params[k][...] = p


# ---- data augmentation: shifted copies ----------------------------------------------------------

# (dy, dx): down, up, right, left by one pixel
ONE_PIXEL_SHIFTS = ((1, 0), (-1, 0), (0, 1), (0, -1))


def _images(func: str, images) -> np.ndarray:
    return as_array(func, "images", images, ndim=3)


def shift_images(images, dy: int, dx: int) -> np.ndarray:
    r"""Move every image ``dy`` pixels down and ``dx`` pixels right, filling with zeros.

    $$\text{out}[n, r, c] = \text{images}[n, r - dy, c - dx]\ \text{(0 where that is outside)}$$

    ``images``: ``(N, h, w)``; negative ``dy``/``dx`` move up/left. Returns ``(N, h, w)``.
    """
    A = _images("shift_images", images)
    _, h, w = A.shape
    for name, d, size in (("dy", dy, h), ("dx", dx, w)):
        whole = isinstance(d, int | np.integer) and not isinstance(d, bool)
        check_int("shift_images", name, abs(d) if whole else d, 0)
        if abs(d) >= size:
            raise ValueError(
                f"shift_images: {name}={d} moves the image ({size} pixels) out of the frame; "
                f"use |{name}| < {size}, e.g. 1."
            )
    out = np.zeros_like(A)
    rows_to, rows_from = slice(max(dy, 0), h + min(dy, 0)), slice(max(-dy, 0), h - max(dy, 0))
    cols_to, cols_from = slice(max(dx, 0), w + min(dx, 0)), slice(max(-dx, 0), w - max(dx, 0))
    out[:, rows_to, cols_to] = A[:, rows_from, cols_from]
    return out


@checked()
def add_shifted_copies(images, labels, shifts=ONE_PIXEL_SHIFTS) -> tuple[np.ndarray, np.ndarray]:
    r"""The images followed by one shifted copy per ``(dy, dx)`` in ``shifts``; labels repeated.

    ``images``: ``(N, h, w)``; ``labels``: ``(N,)``. Returns ``(images_aug, labels_aug)`` of
    shapes ``((1 + S) N, h, w)`` and ``((1 + S) N,)`` with S = ``len(shifts)``: first the
    originals, then all images shifted by ``shifts[0]``, and so on.
    """
    A = _images("add_shifted_copies", images)
    as_array("add_shifted_copies", "labels", labels, allow_empty=True)
    y = np.asarray(labels)
    pairs = list(shifts) if isinstance(shifts, list | tuple) else None
    if pairs is None or not all(isinstance(p, list | tuple) and len(p) == 2 for p in pairs):
        raise TypeError(
            "add_shifted_copies: shifts should be a list of (dy, dx) pairs such as "
            f"((1, 0), (0, -1)), got {shifts!r}."
        )
    if y.ndim != 1 or len(y) != len(A):
        raise ValueError(
            f"add_shifted_copies: images has shape {A.shape} but labels has shape {y.shape}; "
            "pass one label per image, shape (N,)."
        )
    copies = [A] + [shift_images(A, dy, dx) for dy, dx in pairs]
    return np.concatenate(copies), np.tile(y, len(copies))
