r"""The record of a training run: :class:`History`, filled in by ``training.train``.

Per step it keeps the batch loss, the examples seen so far and the time taken; per epoch the
mean loss, the validation accuracy and where the epoch ended; and the step at which training
diverged, if it did. ``History.x`` gives the x-axis of a learning curve by name (steps, epochs,
examples or seconds).

Shapes: while training runs the fields are Python lists; once ``train`` returns they are
float64 arrays of shape ``(num_steps,)`` or ``(num_epochs_done,)`` (``examples_seen`` and
``epoch_end`` are int64).

Limits: a plain record; it does not plot (see ``plotting.plot_history``) and keeps no
parameters or gradients.
"""

from dataclasses import dataclass, field

import numpy as np

__all__ = ["History"]

_X_NAMES = ("step", "epoch", "examples", "seconds")


@dataclass
class History:
    """What happened during ``train``. Lists while training runs; NumPy arrays once it returns.

    Per step: ``step_loss`` (loss of the batch before its update), ``examples_seen``
    (cumulative), ``step_time`` (wall seconds of the step), ``elapsed`` (cumulative training
    seconds, without validation and callbacks). Per completed epoch: ``epoch_loss`` (the mean loss
    over the epoch's examples), ``val_accuracy`` (if validation data was given), ``epoch_end``
    (index of the epoch's last step). ``diverged_at``: None, or the index that the first step
    with a non-finite loss (or one above ``max_loss``) would have had; that step is not recorded,
    so then ``len(step_loss) == diverged_at``. ``steps_per_epoch``: ceil(N / batch_size).
    """

    steps_per_epoch: int
    step_loss: list = field(default_factory=list)
    examples_seen: list = field(default_factory=list)
    step_time: list = field(default_factory=list)
    elapsed: list = field(default_factory=list)
    epoch_loss: list = field(default_factory=list)
    val_accuracy: list = field(default_factory=list)
    epoch_end: list = field(default_factory=list)
    diverged_at: int | None = None

    @property
    def num_steps(self) -> int:
        """Number of recorded steps."""
        return len(self.step_loss)

    def x(self, name: str = "step", per: str = "step") -> np.ndarray:
        r"""x-axis values for a learning curve, by name.

        ``name``: "step" (1, 2, ...), "epoch" (fractional: step / steps_per_epoch), "examples"
        (examples seen) or "seconds" (training time). ``per="step"`` gives one value per entry of
        ``step_loss``; ``per="epoch"`` one per entry of ``epoch_loss`` (the value at the epoch's
        end). Returns float64 of shape ``(num_steps,)`` or ``(num_epochs_done,)``.
        """
        if name not in _X_NAMES:
            raise ValueError(f"History.x: name should be one of {_X_NAMES}, got {name!r}.")
        if per not in ("step", "epoch"):
            raise ValueError(f"History.x: per should be 'step' or 'epoch', got {per!r}.")
        steps = np.arange(1, self.num_steps + 1, dtype=float)
        values = {
            "step": steps,
            "epoch": steps / self.steps_per_epoch,
            "examples": np.asarray(self.examples_seen, dtype=float),
            "seconds": np.asarray(self.elapsed, dtype=float),
        }[name]
        if per == "epoch":
            return values[np.asarray(self.epoch_end, dtype=np.int64)]
        return values

    def _finish(self) -> None:
        for name in ("step_loss", "step_time", "elapsed", "epoch_loss", "val_accuracy"):
            setattr(self, name, np.asarray(getattr(self, name), dtype=float))
        self.examples_seen = np.asarray(self.examples_seen, dtype=np.int64)
        self.epoch_end = np.asarray(self.epoch_end, dtype=np.int64)
