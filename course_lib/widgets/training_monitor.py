"""A live training monitor: loss and validation accuracy redrawn while ``training.train`` runs.

``monitor = training_monitor(num_epochs, target=0.98)`` shows an empty two-panel figure and a
progress line; pass ``callback=monitor.callback`` to ``training.train`` (with validation data,
``X_val``/``y_val``) and, after every epoch, the monitor appends what the History recorded and
redraws: the loss of every batch (faint), the epoch mean, and the accuracy on the validation set
(never the test set, which is kept for one final score),
all against examples seen. Several ``train`` calls in a row (e.g. a second phase at a lower
learning rate) continue the same curves. The figure is rendered off-screen (Agg) to a PNG in
an ``ipywidgets.Image`` after every epoch: the cell is busy while training runs, so an ipympl
canvas (which needs the browser's answers) could not be drawn until it finished, and drawing
one before the browser has shown it leaves it blank.

``training_monitor_static(record, target)`` is the printed companion: the same two panels from a
finished record (``monitor.record``).
"""

import io

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from course_lib._argspec import NUMBER, count, has_attrs, optional
from course_lib._checked import checked
from course_lib._validation import check_int
from course_lib.plotting.progress_plots import plot_training_progress, update_training_progress
from course_lib.widgets._base import explorer_box
from course_lib.widgets._layout import COLUMN_INCHES

__all__ = ["training_monitor", "training_monitor_static", "MonitorRecord"]


def _record(func, name, value):
    if not isinstance(value, dict | MonitorRecord):
        raise TypeError(
            f"{func}: {name} should be a MonitorRecord or its as_dict(), got "
            f"{type(value).__name__}."
        )


class MonitorRecord:
    """Curves accumulated across one or more ``train`` calls (plain lists, see ``as_dict``)."""

    def __init__(self):
        self.step_examples, self.step_loss = [], []
        self.examples, self.epoch_loss, self.accuracy = [], [], []
        self._history, self._base, self._steps_done, self._epochs_done = None, 0, 0, 0

    @checked(history=has_attrs(("step_loss", "examples_seen", "epoch_loss"), "train(...)"))
    def add(self, history) -> None:
        """Append what ``history`` recorded since the last call (a new History continues)."""
        if history is not self._history:
            if self._history is not None and len(self._history.examples_seen):
                self._base += int(self._history.examples_seen[-1])
            self._history, self._steps_done, self._epochs_done = history, 0, 0
        seen = history.examples_seen
        for i in range(self._steps_done, len(history.step_loss)):
            self.step_examples.append(self._base + int(seen[i]))
            self.step_loss.append(float(history.step_loss[i]))
        self._steps_done = len(history.step_loss)
        for e in range(self._epochs_done, len(history.epoch_loss)):
            self.examples.append(self._base + int(seen[history.epoch_end[e]]))
            self.epoch_loss.append(float(history.epoch_loss[e]))
            if e < len(history.val_accuracy):
                self.accuracy.append(float(history.val_accuracy[e]))
        self._epochs_done = len(history.epoch_loss)

    def as_dict(self) -> dict:
        """The record as float arrays: ``step_examples``, ``step_loss`` ``(S,)``; ``examples``,
        ``epoch_loss``, ``accuracy`` ``(E,)``."""
        return {k: np.asarray(getattr(self, k), dtype=float) for k in _FIELDS}


_FIELDS = ("step_examples", "step_loss", "examples", "epoch_loss", "accuracy")


def _progress_text(record: MonitorRecord, num_epochs: int, target) -> str:
    e = len(record.epoch_loss)
    if e == 0:
        return "Waiting for the first epoch…"
    text = f"epoch {e} of {num_epochs} · loss {record.epoch_loss[-1]:.4f}"
    if record.accuracy:
        acc = record.accuracy[-1]
        text += f" · validation accuracy <b>{acc:.2%}</b>"
        if target is not None:
            text += " ✓ target reached" if acc >= target else f" (target {target:.0%})"
    return text


@checked(num_epochs=count(1), target=optional(NUMBER))
def training_monitor(num_epochs: int, target: float | None = None):
    """An empty live monitor for a training run of ``num_epochs`` epochs (over all phases).

    Returns the root widget with ``.callback(history, model)`` (give it to ``training.train``),
    ``.record`` (a :class:`MonitorRecord`), ``.update()`` (redraw from the record) and
    ``.figure``. ``target``: an accuracy drawn as a dashed line and named in the progress text.
    """
    import ipywidgets as widgets

    num_epochs = check_int("training_monitor", "num_epochs", num_epochs)
    fig = Figure(figsize=(COLUMN_INCHES, 2.8), dpi=100)
    FigureCanvasAgg(fig)
    axes = fig.subplots(1, 2)
    record = MonitorRecord()
    plot_training_progress(record.as_dict(), axes=axes, target=target)
    fig.tight_layout()
    progress = widgets.IntProgress(value=0, min=0, max=num_epochs, description="epochs")
    caption = widgets.HTML(_progress_text(record, num_epochs, target))
    view = widgets.Image(format="png")

    def render() -> None:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        view.value = buffer.getvalue()

    def update() -> None:
        update_training_progress(axes, record.as_dict())
        progress.value = min(len(record.epoch_loss), num_epochs)
        caption.value = _progress_text(record, num_epochs, target)
        render()  # now, not when the busy cell finishes (see the module docstring)

    def callback(history, model):
        record.add(history)
        update()
        return None  # never stops training

    render()
    box = explorer_box("training-monitor", [progress], fig, caption, view=view)
    box.callback = callback
    box.record = record
    box.update = update
    box.caption = caption
    box.controls = {"progress": progress}
    return box


@checked(target=optional(NUMBER), record=_record)
def training_monitor_static(record, target: float | None = None):
    """The monitor's two panels drawn once from a finished ``record`` (or its ``as_dict()``).

    Returns the Figure.
    """
    import matplotlib.pyplot as plt

    data = record.as_dict() if isinstance(record, MonitorRecord) else dict(record)
    fig, axes = plt.subplots(1, 2, figsize=(COLUMN_INCHES, 2.8), layout="constrained")
    plot_training_progress(data, axes=axes, target=target)
    return fig
