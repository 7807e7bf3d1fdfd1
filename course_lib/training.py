r"""The training loop: mini-batches in, gradient steps out, and a History of what happened.

One step on a batch $(X_b, y_b)$: forward pass, loss $L$, $d\hat y = \partial L / \partial
\hat y$, backward pass to get the gradients, then ``optimizer.step`` (which changes the model's
parameter arrays in place). An epoch is one shuffled pass over the training set
(``optimizers.minibatches``). ``train`` records the loss of every step, the time it took and how
many examples have been seen, so learning curves can be drawn against steps, epochs, examples or
seconds (``History.x``; the class lives in ``training_history``).

If the loss stops being finite (or exceeds ``max_loss``) training stops at once and
``History.diverged_at`` says at which step (NumPy's overflow warnings are silenced meanwhile).

Works with any model that has ``params`` (dict of float arrays), ``forward(X)``,
``backward(d_output) -> grads`` and ``predict(X)``, such as ``network.MLP``.
Shapes: ``X`` is ``(N, D)``; ``y`` is ``(N,)`` class labels or ``(N,)``/``(N, K)`` targets.
Limits: single process, early stopping only through a callback (``regularization.EarlyStopping``),
no checkpointing.
"""

import time

import numpy as np

from course_lib._argspec import MODEL, OPTIMIZER
from course_lib._checked import OverflowValueError, checked
from course_lib._validation import (
    as_array,
    check_int,
    check_labels,
    check_positive,
    check_rng,
    check_rows,
)
from course_lib.losses import get_loss
from course_lib.network import MLP
from course_lib.optimizers import _batches
from course_lib.regularization import is_weight
from course_lib.training_history import History

__all__ = ["train", "accuracy", "evaluate"]


def _loss_pair(func: str, loss):
    if isinstance(loss, str):
        try:
            return get_loss(loss), loss.lower()
        except ValueError as exc:
            raise ValueError(f"{func}: loss {exc}".replace("get_loss: ", "")) from None
    if isinstance(loss, tuple) and len(loss) == 2 and all(callable(g) for g in loss):
        return loss, None
    raise TypeError(
        f"{func}: loss should be a name such as 'softmax_cross_entropy' or a pair "
        f"(loss, loss_grad) of functions of (output, y), got {type(loss).__name__}."
    )


def _targets(func: str, name: str, y, X: np.ndarray, loss_name, x_name="X") -> np.ndarray:
    y_arr = as_array(func, name, y, ndim=(1, 2))
    check_rows(func, X, name, y_arr, x_name)
    if loss_name == "softmax_cross_entropy":  # needs class numbers
        return check_labels(func, name, y_arr)
    # integer labels stay integers, so a custom (loss, loss_grad) pair gets what it was given
    return np.asarray(y) if np.asarray(y).dtype.kind in "iu" else y_arr


def _check_model(model) -> None:
    for attr in ("params", "forward", "backward", "predict"):
        if not hasattr(model, attr):
            raise TypeError(
                f"train: model should be e.g. network.MLP(...); a "
                f"{type(model).__name__} has no {attr!r}."
            )


def _validation_set(X: np.ndarray, X_val, y_val):
    """``train``'s optional validation set, checked: ``(X_val, y_val)`` or ``(None, None)``."""
    if (X_val is None) != (y_val is None):
        raise ValueError("train: give both X_val and y_val, or neither.")
    if X_val is None:
        return None, None
    X_val = as_array("train", "X_val", X_val, ndim=2)
    if X_val.shape[1] != X.shape[1]:
        raise ValueError(
            f"train: X has shape {X.shape} but X_val has shape {X_val.shape}; "
            "they need the same number of features (columns)."
        )
    return X_val, _targets("train", "y_val", y_val, X_val, None, "X_val")


def _check_callback(callback, callback_every: str) -> None:
    """``train``'s callback must be callable (or None) and run every 'epoch' or 'step'."""
    if callback is not None and not callable(callback):
        raise TypeError(
            f"train: callback should be a function (history, model), got {type(callback).__name__}."
        )
    if callback_every not in ("epoch", "step"):
        raise ValueError(
            f"train: callback_every should be 'epoch' or 'step', got {callback_every!r}."
        )


def train(
    model,
    X,
    y,
    loss,
    optimizer,
    batch_size: int,
    num_epochs: int,
    rng,
    X_val=None,
    y_val=None,
    callback=None,
    callback_every: str = "epoch",
    max_loss: float = 1e6,
    weight_decay: float = 0.0,
) -> History:
    r"""Train ``model`` with mini-batch gradient descent and return a :class:`History`.

    Each epoch shuffles the rows with ``rng`` and, for each batch $B$, does
    $L = \text{loss}(\text{model}(X_B), y_B)$, backpropagates $\partial L/\partial \hat y$ and
    calls ``optimizer.step(model.params, grads)``. ``batch_size = len(X)`` is full-batch GD,
    1 is SGD.

    ``X``: shape ``(N, D)``. ``y``: ``(N,)`` (class labels for "softmax_cross_entropy"; for
    "mse"/"binary_cross_entropy" a ``(N,)`` y is reshaped to match a one-column output) or
    ``(N, K)``. ``loss``: a name for ``losses.get_loss`` or a pair ``(loss, loss_grad)``.
    ``X_val``, ``y_val``: optional validation set; its accuracy is recorded after every epoch.
    ``callback(history, model)`` runs after every epoch (``callback_every="epoch"``) or step
    ("step"); returning ``False`` stops training. ``max_loss``: a larger loss counts as diverged.
    ``weight_decay``: $\lambda \ge 0$ of L2 weight decay (``regularization.l2_penalty``): each
    step minimises $L + \frac{\lambda}{2}\sum_l \lVert W_l\rVert^2$, adding $\lambda W_l$ to every
    $dW_l$ (biases are not decayed); the recorded losses then include the penalty.
    """
    _check_model(model)
    X = as_array("train", "X", X, ndim=2)
    (f, f_grad), loss_name = _loss_pair("train", loss)
    y = _targets("train", "y", y, X, loss_name)
    OPTIMIZER("train", "optimizer", optimizer)
    if not hasattr(optimizer, "step"):
        raise TypeError(
            f"train: optimizer should be e.g. optimizers.Adam(lr=1e-3), got "
            f"{type(optimizer).__name__}."
        )
    batch_size = min(check_int("train", "batch_size", batch_size), len(X))
    num_epochs = check_int("train", "num_epochs", num_epochs)
    check_rng("train", rng)
    X_val, y_val = _validation_set(X, X_val, y_val)
    _check_callback(callback, callback_every)
    max_loss = check_positive("train", "max_loss", max_loss)
    weight_decay = check_positive("train", "weight_decay", weight_decay, allow_zero=True)
    n_out = model.forward(X[:1]).shape[1]  # one tiny probe pass to learn the output width
    if loss_name == "softmax_cross_entropy" and y.max() >= n_out:
        raise ValueError(
            f"train: y has labels up to {int(y.max())} but the model has {n_out} "
            f"outputs; with softmax cross-entropy labels must be 0..{n_out - 1}."
        )
    if y.ndim == 1 and loss_name != "softmax_cross_entropy" and n_out == 1:
        y = y.reshape(-1, 1)  # (N,) targets for a one-column output: match its shape

    hist = History(steps_per_epoch=-(-len(X) // batch_size))
    step_callback = callback if callback_every == "step" else None
    losses_fn = (_FUSED.get(loss_name), f, f_grad)
    run = (model, X, y, losses_fn, optimizer, batch_size, rng, max_loss, step_callback)
    run += (weight_decay,)
    try:
        for _ in range(num_epochs):
            if not _epoch(run, hist, np.geterr()):
                return hist
            if X_val is not None:
                hist.val_accuracy.append(accuracy(model, X_val, y_val))
            if callback is not None and step_callback is None and callback(hist, model) is False:
                return hist
        return hist
    finally:
        hist._finish()


def _softmax_ce_value_and_grad(logits: np.ndarray, labels: np.ndarray):
    r"""``losses.softmax_cross_entropy`` and its gradient from ONE softmax, without re-checks.

    Only for ``train``, which checked the labels once up front; the two public functions each
    validate their inputs and compute the softmax again, which is most of a small step's cost.
    Same maths: $L = \frac1N\sum_i [\log\sum_k e^{z_{ik} - m_i} - (z_{i,y_i} - m_i)]$ with
    $m_i = \max_k z_{ik}$, and $dZ = (\mathrm{softmax}(Z) - \mathrm{onehot}(y)) / N$.
    NaN or inf logits give a NaN loss, which ``train`` reports as divergence.
    """
    n = len(labels)
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    total = exp.sum(axis=1)
    rows = np.arange(n)
    value = float(np.mean(np.log(total) - shifted[rows, labels]))
    exp /= total[:, None]
    exp[rows, labels] -= 1.0
    exp /= n
    return value, exp


_FUSED = {"softmax_cross_entropy": _softmax_ce_value_and_grad}


def _epoch(run, hist: History, outer: dict) -> bool:
    """One pass over the data; False if training must stop (divergence or a callback)."""
    model, X, y, (fused, f, f_grad), optimizer, batch_size, rng, max_loss, step_callback, lam = run
    weights = [k for k in model.params if is_weight(k)] if lam else []
    params, perf = model.params, time.perf_counter
    seen = hist.examples_seen[-1] if hist.examples_seen else 0
    clock = hist.elapsed[-1] if hist.elapsed else 0.0
    epoch_sum = 0.0
    # X was checked once in train(): an MLP's unchecked pass (overflow shows as a bad loss below)
    forward = (lambda Xb: model._forward(Xb, True)) if isinstance(model, MLP) else model.forward
    # Overflow/invalid warnings are silenced for the steps: divergence is detected from the loss
    # instead and reported through History.diverged_at. Callbacks get the caller's settings.
    with np.errstate(all="ignore"):
        t0 = perf()  # step time includes cutting the batch out of X
        for Xb, yb in _batches(X, y, batch_size, rng):
            try:
                out = forward(Xb)
            except OverflowValueError:  # another model's forward may refuse an overflow
                hist.diverged_at = len(hist.step_loss)
                return False
            d_out = None
            if fused is not None:
                value, d_out = fused(out, yb)
            else:
                try:
                    value = f(out, yb)
                except ValueError as exc:  # losses refuse inf/NaN (or overflowing) outputs
                    if np.isfinite(out).all() and not isinstance(exc, OverflowValueError):
                        raise
                    value = np.inf
            if weights:  # L2 weight decay: lam/2 * sum ||W||^2 on the loss, lam * W on dW
                value += 0.5 * lam * sum(float(np.sum(params[k] ** 2)) for k in weights)
            if not value <= max_loss:  # also catches NaN
                hist.diverged_at = len(hist.step_loss)
                return False
            grads = model.backward(f_grad(out, yb) if d_out is None else d_out)
            for k in weights:
                grads[k] += lam * params[k]
            optimizer.step(params, grads)
            dt = perf() - t0
            clock += dt
            seen += len(Xb)
            epoch_sum += value * len(Xb)
            hist.step_loss.append(value)
            hist.step_time.append(dt)
            hist.elapsed.append(clock)
            hist.examples_seen.append(seen)
            if step_callback is not None:
                with np.errstate(**outer):
                    if step_callback(hist, model) is False:
                        return False
            t0 = perf()
    hist.epoch_loss.append(epoch_sum / len(X))
    hist.epoch_end.append(len(hist.step_loss) - 1)
    return True


def _predicted_labels(model, X: np.ndarray) -> np.ndarray:
    pred = np.asarray(model.predict(X))
    if pred.ndim == 2 and pred.shape[1] == 1:  # one raw output column: a logit, cut at 0
        cut = 0.5 if getattr(model, "output_activation", None) == "sigmoid" else 0.0
        pred = (pred[:, 0] >= cut).astype(np.int64)
    return pred


@checked(model=MODEL)
def accuracy(model, X, y) -> float:
    r"""Fraction of examples whose predicted class equals the label: $\frac1N\sum_i [\hat y_i =
    y_i]$.

    ``X``: ``(N, D)``; ``y``: ``(N,)`` labels, or ``(N, K)`` one-hot rows (argmax is taken).
    Uses ``model.predict``; a single raw output column is read as a logit (class 1 if >= 0).
    """
    X = as_array("accuracy", "X", X, ndim=2)
    y = as_array("accuracy", "y", y, ndim=(1, 2))
    check_rows("accuracy", X, "y", y)
    if y.ndim == 2:
        y = y.argmax(axis=1) if y.shape[1] > 1 else y[:, 0]
    return float(np.mean(_predicted_labels(model, X) == y))


@checked(model=MODEL)
def evaluate(model, X, y, loss=None) -> dict:
    r"""Accuracy, and the loss if ``loss`` is given, of ``model`` on ``(X, y)`` (no update).

    ``X``: ``(N, D)``; ``y`` as for ``train``. Returns ``{"accuracy": a}`` or
    ``{"accuracy": a, "loss": L}``.
    """
    result = {"accuracy": accuracy(model, X, y)}
    if loss is not None:
        (f, _), loss_name = _loss_pair("evaluate", loss)
        X = as_array("evaluate", "X", X, ndim=2)
        y = _targets("evaluate", "y", y, X, loss_name)
        out = model.forward(X)
        if y.ndim == 1 and out.ndim == 2 and out.shape[1] == 1:
            y = y.reshape(-1, 1)
        result["loss"] = float(f(out, y))
    return result
