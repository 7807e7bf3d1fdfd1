"""Pictures of training: loss curves and confusion matrices.

``plot_history`` takes a plain dict of arrays, or any object with the attributes
``step_loss``, ``epoch_loss``, ``examples_seen`` and ``elapsed`` (one value per step or per
epoch), so it does not depend on ``course_lib.training``. A curve that reached NaN or inf is
drawn up to its last finite point and its legend says where it diverged. Calling it again on
the same Axes adds a curve (to compare learning rates or optimisers).
"""

from collections.abc import Mapping

import numpy as np

from course_lib._argspec import AXES, BOOL, TEXT, TEXTS, count, optional
from course_lib._checked import checked

from .._validation import as_array, check_labels, check_same_shape
from .style import SEQUENTIAL_CMAP, finite_prefix, get_ax, handles, store

__all__ = ["plot_history", "update_history", "plot_confusion_matrix", "update_confusion_matrix"]


def _int(func, name, value):
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(f"{func}: {name} should be a whole number such as -1, got {value!r}.")


_X_KEYS = {"step": None, "epoch": None, "examples": "examples_seen", "seconds": "elapsed"}
_X_LABELS = {
    "step": "step (one parameter update)",
    "epoch": "epoch (one pass over the data)",
    "examples": "examples seen",
    "seconds": "seconds of training",
}


def _as_dict(func, history) -> dict:
    if isinstance(history, Mapping):
        d = dict(history)
    else:
        keys = ("step_loss", "epoch_loss", "examples_seen", "elapsed", "loss", "diverged_at")
        d = {k: getattr(history, k) for k in keys if getattr(history, k, None) is not None}
    if "step_loss" not in d and "loss" in d:
        d["step_loss"] = d["loss"]
    if not d:
        raise TypeError(
            f"{func}: history should be a dict of arrays or have attributes step_loss / "
            f"epoch_loss / examples_seen / elapsed; got {type(history).__name__}."
        )
    return d


def _curve(func, history, x):
    """Return (xs, ys) for the chosen x axis, both 1-D, before masking."""
    if x not in _X_KEYS:
        raise ValueError(f"{func}: x={x!r}; choose one of {list(_X_KEYS)}.")
    d = _as_dict(func, history)

    def get(key):
        if key not in d:
            raise ValueError(
                f"{func}: x={x!r} needs {key!r} in the history, which has {sorted(d)}."
            )
        return as_array(func, key, d[key], ndim=1, finite=False, allow_empty=True)

    if x in ("step", "epoch"):
        ys = get(f"{x}_loss")
        return np.arange(1, len(ys) + 1, dtype=np.float64), ys
    xs = get(_X_KEYS[x])
    for key in ("step_loss", "epoch_loss"):  # the loss recorded at the same moments as xs
        if key in d and np.size(d[key]) == len(xs):
            return xs, as_array(func, key, d[key], ndim=1, finite=False, allow_empty=True)
    raise ValueError(
        f"{func}: {_X_KEYS[x]!r} has {len(xs)} values but neither step_loss nor epoch_loss has "
        "as many; record one per step (or per epoch)."
    )


def _label_for(label, ys, bad, diverged_at=None):
    name = label or "loss"
    if len(ys) == 0:
        return f"{name}: no finite values"
    text = f"{name}: final {ys[-1]:.3g}"
    if bad is not None:
        return text + f" (diverged at point {bad + 1})"
    if diverged_at is not None:  # a History that stopped before recording the bad step
        return text + f" (diverged at step {diverged_at})"
    return text


@checked(x=TEXT, ax=optional(AXES), label=optional(TEXT), log_y=optional(BOOL))
def plot_history(history, x="step", ax=None, label=None, log_y=None):
    r"""Plot a training loss curve against steps, epochs, examples seen or seconds.

    ``history`` is a dict (or object) with 1-D arrays: ``step_loss`` (or ``loss``) of shape
    (S,), ``epoch_loss`` (E,), ``examples_seen`` and ``elapsed`` with one value per step
    (or per epoch), and optionally ``diverged_at`` (a step number or None). ``x`` chooses
    the horizontal axis: 'step', 'epoch', 'examples' or 'seconds'.
    ``log_y=None`` uses a log scale when the finite losses are positive and span more than a
    factor of 100. The legend gives each curve's final loss. Returns the Axes; each call on
    the same Axes adds one curve, and ``update_history`` changes a curve in place.
    """
    func = "plot_history"
    xs, ys = _curve(func, history, x)
    pts, bad = finite_prefix(np.column_stack([xs, ys]))
    ax = get_ax(ax, (5.5, 3.8))
    arts = getattr(ax, "course_artists", None)
    if not (isinstance(arts, dict) and arts.get("kind") == "history"):
        arts = store(ax, "history", lines=[], x=x, title=ax.set_title(""))
    stop = _as_dict(func, history).get("diverged_at")
    line = ax.plot(pts[:, 0], pts[:, 1], label=_label_for(label, pts[:, 1], bad, stop))[0]
    line.course_label = label
    arts["lines"].append(line)
    y_ok = pts[:, 1]
    if log_y is None:
        log_y = y_ok.size > 1 and y_ok.min() > 0 and y_ok.max() / y_ok.min() > 100
    if log_y:
        if y_ok.size and y_ok.min() <= 0:
            raise ValueError(
                f"{func}: log_y=True needs positive losses; the smallest is "
                f"{y_ok.min():.3g}. Use log_y=False."
            )
        ax.set_yscale("log")
    ax.set_xlabel(_X_LABELS[x])
    ax.set_ylabel("loss")
    ax.grid(True, which="both" if log_y else "major")
    ax.legend(fontsize=9)
    arts["title"].set_text(f"training loss per {x}")
    return ax


@checked(ax=AXES, x=optional(TEXT), index=_int)
def update_history(ax, history, x=None, index=-1):
    """Replace the data of curve ``index`` of a ``plot_history`` Axes (e.g. as training runs)."""
    func = "update_history"
    arts = handles(ax, "history", func)
    xs, ys = _curve(func, history, x or arts["x"])
    pts, bad = finite_prefix(np.column_stack([xs, ys]))
    line = arts["lines"][index]
    line.set_data(pts[:, 0], pts[:, 1])
    stop = _as_dict(func, history).get("diverged_at")
    line.set_label(_label_for(line.course_label, pts[:, 1], bad, stop))
    ax.relim()
    ax.autoscale_view()
    ax.legend(fontsize=9)
    return ax


# ---- confusion matrix -----------------------------------------------------------------------


def _confusion(func, cm, num_classes=None) -> np.ndarray:
    if isinstance(cm, tuple):  # (y_true, y_pred)
        if len(cm) != 2:
            raise ValueError(f"{func}: pass a (K, K) count matrix or a tuple (y_true, y_pred).")
        yt = check_labels(func, "y_true", cm[0])
        yp = check_labels(func, "y_pred", cm[1])
        check_same_shape(func, "y_true", yt, "y_pred", yp)
        K = int(num_classes or max(yt.max(), yp.max()) + 1)
        counts = np.zeros((K, K))
        np.add.at(counts, (yt, yp), 1)
        return counts
    counts = as_array(func, "cm", cm, ndim=2)
    if counts.shape[0] != counts.shape[1]:
        raise ValueError(f"{func}: cm has shape {counts.shape}; a confusion matrix is square.")
    return counts


def _cm_title(counts) -> str:
    total = counts.sum()
    right = np.trace(counts)
    acc = right / total if total else 0.0
    return f"accuracy {acc:.1%} ({int(right)} of {int(total)} right)"


@checked(ax=optional(AXES), class_names=optional(TEXTS), num_classes=optional(count(1)))
def plot_confusion_matrix(cm, ax=None, class_names=None, num_classes=None):
    r"""Draw a confusion matrix: row = true class, column = predicted class, counts written in.

    ``cm`` is a (K, K) array of counts, or a *tuple* ``(y_true, y_pred)`` of two label
    arrays of shape (N,) to count from. Diagonal cells are the right answers; the title gives
    the accuracy :math:`\mathrm{tr}(C) / \sum_{ij} C_{ij}`. Returns the Axes;
    ``update_confusion_matrix`` rewrites counts and colours in place.
    """
    func = "plot_confusion_matrix"
    counts = _confusion(func, cm, num_classes)
    K = counts.shape[0]
    names = list(class_names) if class_names is not None else [str(k) for k in range(K)]
    if len(names) != K:
        raise ValueError(f"{func}: {K} classes but {len(names)} class_names.")
    ax = get_ax(ax, (min(0.5 * K + 1.8, 9), min(0.5 * K + 1.5, 8)))
    image = ax.imshow(counts, cmap=SEQUENTIAL_CMAP, vmin=0, vmax=max(counts.max(), 1))
    texts = np.empty((K, K), dtype=object)
    for i in range(K):
        for j in range(K):
            texts[i, j] = ax.text(j, i, "", ha="center", va="center", fontsize=9)
    ax.set_xticks(range(K), names)
    ax.set_yticks(range(K), names)
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    store(ax, "confusion_matrix", image=image, texts=texts, title=ax.set_title(""))
    return update_confusion_matrix(ax, counts)


@checked(ax=AXES)
def update_confusion_matrix(ax, cm):
    """Rewrite the counts (same K) of a ``plot_confusion_matrix`` Axes in place."""
    func = "update_confusion_matrix"
    arts = handles(ax, "confusion_matrix", func)
    K = arts["texts"].shape[0]
    counts = _confusion(func, cm, K)
    if counts.shape != (K, K):
        raise ValueError(f"{func}: the plot shows {K} classes but cm has shape {counts.shape}.")
    vmax = max(counts.max(), 1)
    arts["image"].set_data(counts)
    arts["image"].set_clim(0, vmax)
    for (i, j), text in np.ndenumerate(arts["texts"]):
        text.set_text(f"{counts[i, j]:.0f}")
        text.set_color("white" if counts[i, j] > vmax / 2 else "black")
    arts["title"].set_text(_cm_title(counts))
    return ax
