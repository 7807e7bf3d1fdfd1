r"""Regularisation: L2 weight decay and early stopping, the tools of lesson 08 against overfitting.

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

Shapes: ``params`` is a dict of float arrays named like ``network.MLP``'s (``"W1"`` (M, D),
``"b1"`` (M,), ...). Limits: no dropout, no L1, no decoupled (AdamW-style) decay.
"""

import numpy as np

from course_lib.losses import get_loss
from course_lib.validation import as_array, check_int, check_positive

__all__ = ["l2_penalty", "l2_penalty_grad", "is_weight", "EarlyStopping"]


def is_weight(name: str) -> bool:
    """True for a weight matrix name such as ``"W1"``; False for a bias such as ``"b1"``."""
    return name.startswith("W")


def _check(func: str, params, weight_decay) -> float:
    if not isinstance(params, dict):
        raise TypeError(
            f"{func}: params should be a dict name -> array such as model.params, got "
            f"{type(params).__name__}."
        )
    return check_positive(func, "weight_decay", weight_decay, allow_zero=True)


def l2_penalty(params: dict, weight_decay: float) -> float:
    r"""The L2 penalty $\frac{\lambda}{2} \sum_l \lVert W_l \rVert^2$ (sum of squared weights).

    params: dict of arrays (only names starting with "W" count); weight_decay: $\lambda \ge 0$.
    Returns one float, to be added to the data loss.
    """
    lam = _check("l2_penalty", params, weight_decay)
    return 0.5 * lam * float(sum(np.sum(p * p) for k, p in params.items() if is_weight(k)))


def l2_penalty_grad(params: dict, weight_decay: float) -> dict:
    r"""Gradient of ``l2_penalty``: $\lambda W_l$ for every weight matrix, 0 for every bias.

    Returns a dict with the keys and shapes of ``params``, to be added to the data gradients.
    """
    lam = _check("l2_penalty_grad", params, weight_decay)
    return {k: lam * p if is_weight(k) else np.zeros_like(p) for k, p in params.items()}


class EarlyStopping:
    r"""A ``train`` callback: stop when the validation loss has not improved for ``patience``
    epochs, and remember the best parameters.

    After each epoch it computes $L_{\text{val}}$ on ``(X_val, y_val)`` (appended to
    ``val_loss``); a new minimum sets ``best_epoch`` (counted from 1) and copies the parameters.
    It returns ``False`` (stop) once ``patience`` epochs in a row brought no new minimum.
    ``restore(model)`` copies the best parameters back into ``model``.
    X_val: (N, D); y_val: (N,) labels for the default "softmax_cross_entropy".
    """

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
        for k, p in self.best_params.items():
            model.params[k][...] = p
