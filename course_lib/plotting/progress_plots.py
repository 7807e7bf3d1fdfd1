"""Training progress in two panels: loss (left) and held-out accuracy (right), live or static.

``record`` is a plain dict of 1-D arrays (``widgets.training_monitor`` fills one as training
runs): ``step_examples`` and ``step_loss`` (one value per step: the faint noisy curve, drawn
as means of blocks of consecutive steps when there are more than 400),
``examples`` and ``epoch_loss`` (one per epoch: the mean over the epoch), ``accuracy`` (one per
epoch, a fraction in [0, 1]). The x-axis of both panels is examples seen. Missing or empty
entries draw nothing; non-finite losses are cut at their first bad value.
"""

import numpy as np

from course_lib._argspec import NUMBER, optional
from course_lib._checked import checked
from course_lib._validation import as_array

from .style import COLORS, PALETTE, finite_prefix, handles, store

__all__ = ["plot_training_progress", "update_training_progress"]


def _record(func, name, value):
    if isinstance(value, dict):
        for key, v in value.items():
            as_array(func, f"{name}[{key!r}]", v, ndim=1, allow_empty=True)
    if not isinstance(value, dict):
        raise TypeError(
            f"{func}: {name} should be the dict of MonitorRecord.as_dict() (step_examples, "
            f"step_loss, examples, epoch_loss, accuracy), got {type(value).__name__}."
        )


def _axes_pair(func, name, value):
    if not isinstance(value, list | tuple | np.ndarray) or len(value) != 2:
        raise TypeError(
            f"{func}: {name} should be the pair of Axes returned by plot_training_progress, "
            f"got {type(value).__name__}."
        )


_KEYS = ("step_examples", "step_loss", "examples", "epoch_loss", "accuracy")


def _xy(record: dict, xkey: str, ykey: str) -> np.ndarray:
    xs = np.asarray(record.get(xkey, ()), dtype=float).ravel()
    ys = np.asarray(record.get(ykey, ()), dtype=float).ravel()
    n = min(len(xs), len(ys))
    if n == 0:
        return np.zeros((0, 2))
    pts, _ = finite_prefix(np.column_stack([xs[:n], ys[:n]]))
    return pts


def _thin(pts: np.ndarray, most: int = 400) -> np.ndarray:
    """Block means of consecutive points, at most ``most`` of them (cheap redraws, less noise)."""
    if len(pts) <= most:
        return pts
    size = -(-len(pts) // most)
    cut = len(pts) // size * size
    return pts[:cut].reshape(-1, size, 2).mean(axis=1)


@checked(record=_record, axes=optional(_axes_pair), target=optional(NUMBER))
def plot_training_progress(record: dict, axes=None, target: float | None = None):
    r"""Draw loss against examples seen (left) and accuracy per epoch (right).

    ``record``: dict of 1-D arrays (see the module docstring); ``axes``: two Axes or None (a new
    figure); ``target``: an accuracy to mark with a dashed line (e.g. 0.98). Returns the two
    Axes; ``update_training_progress`` redraws them in place.
    """
    if axes is None:
        import matplotlib.pyplot as plt

        _, axes = plt.subplots(1, 2, figsize=(5.8, 2.8), layout="constrained")
    ax_loss, ax_acc = axes
    (steps,) = ax_loss.plot(
        [], [], color=PALETTE[5], lw=0.8, alpha=0.6, label="batches (block means)"
    )
    (epochs,) = ax_loss.plot([], [], "o-", color=PALETTE[0], lw=1.6, ms=4, label="epoch mean")
    ax_loss.set_yscale("log")
    ax_loss.set_xlabel("examples seen")
    ax_loss.set_ylabel("training loss (log)")
    ax_loss.grid(True, which="both", alpha=0.3)
    ax_loss.legend(fontsize=8, loc="upper right")
    (acc,) = ax_acc.plot([], [], "o-", color=COLORS["green"], lw=1.6, ms=4)
    if target is not None:
        ax_acc.axhline(target, ls="--", color="0.4", lw=1, label=f"target {target:.0%}")
        ax_acc.legend(fontsize=8, loc="lower right")
    ax_acc.set_xlabel("examples seen")
    ax_acc.set_ylabel("validation accuracy")
    ax_acc.grid(True, alpha=0.3)
    store(ax_loss, "training_progress", steps=steps, epochs=epochs, title=ax_loss.set_title(""))
    store(ax_acc, "training_progress_acc", line=acc, title=ax_acc.set_title(""), target=target)
    return update_training_progress(axes, record)


@checked(axes=_axes_pair, record=_record)
def update_training_progress(axes, record: dict):
    """Put the values of ``record`` into the curves of a ``plot_training_progress`` pair."""
    func = "update_training_progress"
    ax_loss, ax_acc = axes
    arts = handles(ax_loss, "training_progress", func)
    acc_arts = handles(ax_acc, "training_progress_acc", func)
    steps = _thin(_xy(record, "step_examples", "step_loss"))
    epochs = _xy(record, "examples", "epoch_loss")
    acc = _xy(record, "examples", "accuracy")
    arts["steps"].set_data(steps[:, 0], steps[:, 1])
    arts["epochs"].set_data(epochs[:, 0], epochs[:, 1])
    acc_arts["line"].set_data(acc[:, 0], acc[:, 1])
    loss_now = f"{epochs[-1, 1]:.3g}" if len(epochs) else "–"
    arts["title"].set_text(f"loss after {len(epochs)} epochs: {loss_now}")
    acc_arts["title"].set_text(
        f"validation accuracy: {acc[-1, 1]:.1%}" if len(acc) else "validation accuracy: –"
    )
    xmax = max([1.0] + [float(p[-1, 0]) for p in (steps, epochs) if len(p)])
    for ax in axes:
        ax.set_xlim(0, xmax * 1.02)
    if len(steps) or len(epochs):
        ys = np.concatenate([steps[:, 1], epochs[:, 1]])
        ys = ys[ys > 0]
        if ys.size:
            ax_loss.set_ylim(ys.min() / 1.5, ys.max() * 1.5)
    lo = min([0.5] + list(acc[:, 1]))
    ax_acc.set_ylim(max(0.0, lo - 0.05), 1.005)
    return axes
