"""The live training monitor: it accumulates History values across train calls and redraws."""

import matplotlib
import numpy as np
import pytest

from course_lib import training
from course_lib.network import MLP
from course_lib.optimizers import Adam
from course_lib.plotting.progress_plots import plot_training_progress, update_training_progress

matplotlib.use("Agg")
pytest.importorskip("ipywidgets")

from course_lib.widgets.training_monitor import (  # noqa: E402
    MonitorRecord,
    training_monitor,
    training_monitor_static,
)


def _data(rng):
    X = rng.normal(size=(40, 3))
    return X, (X[:, 0] > 0).astype(int)


def test_monitor_records_every_epoch_and_continues_across_two_train_calls(rng):
    X, y = _data(rng)
    mon = training_monitor(num_epochs=5, target=0.9)
    model = MLP([3, 4, 2], rng=rng)
    kw = dict(X_val=X, y_val=y, callback=mon.callback)
    h1 = training.train(model, X, y, "softmax_cross_entropy", Adam(0.01), 8, 3, rng, **kw)
    h2 = training.train(model, X, y, "softmax_cross_entropy", Adam(0.01), 8, 2, rng, **kw)
    rec = mon.record.as_dict()
    assert rec["epoch_loss"].tolist() == [*h1.epoch_loss, *h2.epoch_loss]
    assert rec["accuracy"].tolist() == [*h1.val_accuracy, *h2.val_accuracy]
    assert rec["examples"].tolist() == [40, 80, 120, 160, 200]
    assert len(rec["step_loss"]) == h1.num_steps + h2.num_steps
    assert mon.controls["progress"].value == 5
    assert "epoch 5 of 5" in mon.caption.value


def test_monitor_lines_show_the_record_values(rng):
    X, y = _data(rng)
    mon = training_monitor(num_epochs=2)
    model = MLP([3, 2], rng=rng)
    training.train(model, X, y, "softmax_cross_entropy", Adam(0.01), 40, 2, rng,
                   X_val=X, y_val=y, callback=mon.callback)  # fmt: skip
    ax_loss, ax_acc = mon.figure.axes
    xs, ys = ax_acc.course_artists["line"].get_data()
    assert list(xs) == [40, 80] and list(ys) == list(mon.record.accuracy)
    assert np.allclose(ax_loss.course_artists["epochs"].get_ydata(), mon.record.epoch_loss)


def test_progress_plot_draws_an_empty_record_and_thins_long_step_curves():
    axes = plot_training_progress({}, target=0.98)
    n = 5000
    rec = {"step_examples": np.arange(1, n + 1), "step_loss": np.linspace(2, 1, n)}
    update_training_progress(axes, rec)
    assert len(axes[0].course_artists["steps"].get_xdata()) <= 400


def test_static_companion_has_two_panels_from_a_record():
    rec = MonitorRecord()
    fig = training_monitor_static(rec, target=0.98)
    assert len(fig.axes) == 2
