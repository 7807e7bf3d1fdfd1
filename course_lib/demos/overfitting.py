r"""Pure compute for the lesson-08 overfitting explorer: train once, keep snapshots, score them.

A small noisy two-moons training set (40 points by default) and a large validation set drawn
from the same distribution (1000 points). ``overfit_run`` trains a 2-H-2 ReLU network on the
whole training set at once (full batch, Adam, 500 epochs), optionally with L2 weight decay,
and records every ``every`` epochs the training and validation loss and accuracy and a copy of the
parameters. ``snapshot_model`` rebuilds the network as it was at one of those epochs, so the
explorer's epoch slider only looks results up (no training on a slider move).

Shapes: ``X_*`` are ``(N, 2)``, ``y_*`` ``(N,)`` labels 0/1; the curves are ``(K,)`` for the
``K`` recorded epochs (epoch 0, the untrained network, included). No plotting here.
Limits: one hidden layer, two classes, full-batch training only.
"""

from dataclasses import dataclass, field

import numpy as np

from course_lib import datasets, training
from course_lib._argspec import NONNEGATIVE, POSITIVE, WHOLE, count, has_attrs, seed
from course_lib._checked import checked
from course_lib._validation import as_array, check_int, check_positive
from course_lib.losses import softmax_cross_entropy
from course_lib.network import MLP
from course_lib.optimizers import Adam

__all__ = ["HIDDEN", "DECAYS", "overfit_data", "OverfitRun", "overfit_run", "snapshot_model"]


def _data4(func, name, value):
    if not isinstance(value, tuple | list) or len(value) != 4:
        raise TypeError(
            f"{func}: {name} should be the tuple (X_train, y_train, X_val, y_val) returned by "
            f"overfit_data(), got {type(value).__name__}."
        )


HIDDEN = (1, 2, 4, 8, 16, 32, 64)  # capacities the explorer offers
DECAYS = (0.0, 0.001, 0.003, 0.01)  # weight decays the explorer offers


@checked(noise=NONNEGATIVE, seed=seed)
def overfit_data(n_train: int = 40, n_val: int = 1000, noise: float = 0.4, seed: int = 0):
    """Two moons: ``(X_train, y_train, X_val, y_val)``, both sets from one distribution."""
    n_train = check_int("overfit_data", "n_train", n_train, minimum=4)
    n_val = check_int("overfit_data", "n_val", n_val, minimum=4)
    X, y = datasets.make_moons(n_train + n_val, noise=noise, rng=np.random.default_rng(seed))
    y = y.astype(np.int64)
    return X[:n_train], y[:n_train], X[n_train:], y[n_train:]


@dataclass
class OverfitRun:
    """One training run: the settings, the recorded curves and a parameter snapshot per record.

    ``epochs`` (K,) the recorded epochs (0 first); ``train_loss``, ``val_loss`` (K,) data loss
    (softmax cross-entropy, without the penalty); ``train_acc``, ``val_acc`` (K,);
    ``snapshots``: K parameter dicts.
    """

    hidden: int
    weight_decay: float
    epochs: np.ndarray
    train_loss: np.ndarray
    val_loss: np.ndarray
    train_acc: np.ndarray
    val_acc: np.ndarray
    snapshots: list = field(repr=False)

    @property
    def best(self) -> int:
        """Index of the record with the lowest validation loss (where early stopping would end)."""
        return int(np.argmin(self.val_loss))

    @checked(epoch=count(0))
    def index(self, epoch: int) -> int:
        """Index of the last record at or before ``epoch``."""
        return int(np.clip(np.searchsorted(self.epochs, epoch, side="right") - 1, 0, None))


@checked(run=has_attrs(("epochs", "snapshots", "val_loss"), "overfit_run(overfit_data())"), k=WHOLE)
def snapshot_model(run: OverfitRun, k: int) -> MLP:
    """The network of ``run`` with the parameters of record ``k`` (a new MLP)."""
    if not -len(run.snapshots) <= k < len(run.snapshots):
        raise ValueError(
            f"snapshot_model: k is {k} but the run has {len(run.snapshots)} records "
            f"(k = 0 .. {len(run.snapshots) - 1}, or -1 for the last)."
        )
    model = MLP([2, run.hidden, 2], rng=np.random.default_rng(0))
    for name, p in run.snapshots[k].items():
        model.params[name][...] = p
    return model


def _score(model, X, y) -> tuple[float, float]:
    out = model._forward(X, keep=False)
    return softmax_cross_entropy(out, y), float(np.mean(out.argmax(axis=1) == y))


@checked(data=_data4, lr=POSITIVE, seed=seed)
def overfit_run(
    data,
    hidden: int = 64,
    weight_decay: float = 0.0,
    num_epochs: int = 500,
    every: int = 5,
    lr: float = 0.03,
    seed: int = 1,
) -> OverfitRun:
    r"""Train a 2-``hidden``-2 network on ``data`` = ``overfit_data()`` for ``num_epochs``
    full-batch Adam steps, minimising $L + \frac{\lambda}{2}\sum\lVert W\rVert^2$ with
    $\lambda$ = ``weight_decay``; record every ``every`` epochs. ``seed`` sets the initial weights.
    """
    X_tr, y_tr, X_val, y_val = data
    for name, X in (("X_train", X_tr), ("X_val", X_val)):
        as_array("overfit_run", f"data's {name}", X, ndim=2)
    hidden = check_int("overfit_run", "hidden", hidden)
    every = check_int("overfit_run", "every", every)
    lam = check_positive("overfit_run", "weight_decay", weight_decay, allow_zero=True)
    model = MLP([2, hidden, 2], rng=np.random.default_rng(seed))
    rec = {k: [] for k in ("epochs", "train_loss", "val_loss", "train_acc", "val_acc")}
    snaps = []

    def record(epoch: int) -> None:
        rec["epochs"].append(epoch)
        for name, (X, y) in (("train", (X_tr, y_tr)), ("val", (X_val, y_val))):
            loss, acc = _score(model, X, y)
            rec[f"{name}_loss"].append(loss)
            rec[f"{name}_acc"].append(acc)
        snaps.append({k: p.copy() for k, p in model.params.items()})

    def callback(history, _model) -> None:
        epoch = len(history.epoch_loss)
        if epoch % every == 0:
            record(epoch)

    record(0)
    training.train(
        model,
        X_tr,
        y_tr,
        "softmax_cross_entropy",
        Adam(lr),
        len(X_tr),
        check_int("overfit_run", "num_epochs", num_epochs),
        np.random.default_rng(seed),
        callback=callback,
        weight_decay=lam,
    )
    arrays = {k: np.asarray(v) for k, v in rec.items()}
    return OverfitRun(hidden, lam, snapshots=snaps, **arrays)
