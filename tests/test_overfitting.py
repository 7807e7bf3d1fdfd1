"""Lesson 8's overfitting explorer and its compute (demos.overfitting): the recorded curves are
the network's real losses, a big network overfits 40 points and weight decay stops that, the
explorer's controls all redraw, and the static companion shows both rows."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_lib.demos.overfitting import overfit_data, overfit_run, snapshot_model  # noqa: E402
from course_lib.losses import softmax_cross_entropy  # noqa: E402
from course_lib.widgets.overfitting import (  # noqa: E402
    cached_run,
    overfitting_explorer,
    overfitting_static,
)
from tests.test_explorer_frames import (  # noqa: E402, F401
    _full_draw_pixels,
    _shown_canvas,
    ipympl_backend,
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def data():
    return overfit_data()


def test_overfit_data_is_two_disjoint_sets_of_the_asked_sizes(data):
    X_tr, y_tr, X_val, y_val = data
    assert X_tr.shape == (40, 2) and X_val.shape == (1000, 2)
    assert set(np.unique(y_tr)) == {0, 1} and y_val.shape == (1000,)
    assert not np.any(np.all(X_tr[:, None, :] == X_val[None, :, :], axis=2))


def test_recorded_losses_are_those_of_the_snapshot_networks(data):
    run = overfit_run(data, hidden=4, num_epochs=40, every=10)
    assert list(run.epochs) == [0, 10, 20, 30, 40]
    for k in (0, 2, 4):
        model = snapshot_model(run, k)
        assert run.val_loss[k] == pytest.approx(softmax_cross_entropy(model(data[2]), data[3]))
        assert run.train_acc[k] == pytest.approx(np.mean(model.predict(data[0]) == data[1]))


def test_a_big_network_overfits_and_weight_decay_prevents_it():
    free, decayed = cached_run(64, 0.0), cached_run(64, 0.003)
    assert free.train_acc[-1] == 1.0 and free.train_loss[-1] < 0.01
    assert free.val_loss[-1] > 3 * free.val_loss[free.best]  # validation loss climbs back up
    assert free.epochs[free.best] <= 50
    assert decayed.val_loss[-1] < 0.5 * free.val_loss[-1]
    assert decayed.val_loss[-1] < 1.2 * decayed.val_loss[decayed.best]


def test_index_finds_the_last_record_at_or_before_an_epoch(data):
    run = overfit_run(data, hidden=2, num_epochs=20, every=5)
    assert [run.index(e) for e in (0, 4, 5, 19, 20, 999)] == [0, 0, 1, 3, 4, 4]


def test_overfit_run_refuses_a_negative_weight_decay(data):
    with pytest.raises(ValueError, match="weight_decay"):
        overfit_run(data, weight_decay=-0.1)


def _pixels(fig):
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba()).copy()


def test_explorer_epoch_slider_is_main_and_changes_the_picture_and_caption():
    box = overfitting_explorer()
    assert "course-main-slider" in box.controls["epoch"]._dom_classes
    before, caption = _pixels(box.figure), box.caption.value
    box.update(epoch=500)
    assert "epoch 500" in box.caption.value and box.caption.value != caption
    assert not np.array_equal(before, _pixels(box.figure))


def test_explorer_caption_gives_the_runs_exact_numbers():
    box = overfitting_explorer(epoch=100)
    run = box.state["run"]
    k = run.index(100)
    assert f"validation loss <b>{run.val_loss[k]:.3g}</b>" in box.caption.value
    assert f"at epoch {run.epochs[run.best]}" in box.caption.value


def test_explorer_capacity_and_decay_controls_switch_the_run():
    box = overfitting_explorer()
    box.update(hidden=2)
    assert box.state["run"].hidden == 2 and "H = 2 hidden" in box.caption.value
    box.update(weight_decay=0.003)
    assert box.state["run"].weight_decay == 0.003 and "λ = 0.003" in box.caption.value
    box.figure.canvas.draw()
    for ax in box.figure.axes:
        for line in ax.lines:
            assert np.all(np.isfinite(np.asarray(line.get_xydata(), float)))


def test_explorer_figure_fits_a_laptop_notebook_column():
    box = overfitting_explorer()
    width = box.figure.get_figwidth() * box.figure.dpi
    assert width <= 760


def test_static_companion_has_a_row_per_decay_with_validation_losses_in_titles():
    fig = overfitting_static()
    titles = [ax.get_title() for ax in fig.axes if "val loss" in ax.get_title()]
    assert len(titles) == 6 and sum("λ=0.003" in t for t in titles) == 3
    assert fig.get_figwidth() * fig.dpi <= 760


# ipympl 0.10's Toolbar passes its canvas on to traitlets, which warns (harmless, ipympl's own)
@pytest.mark.filterwarnings("ignore:Passing unrecognized arguments to super:DeprecationWarning")
@pytest.mark.usefixtures("ipympl_backend")
def test_epoch_frames_stay_full_draws_after_the_capacity_and_decay_change():
    """The epoch slider blits over a picture kept per (H, λ): after a switch of run, and back,
    every frame is still the full draw of its state (curves and lowest-loss line included)."""
    box = overfitting_explorer()
    canvas, _slider, sent = _shown_canvas(box)
    for change in ({"hidden": 2}, {"weight_decay": 0.003}, {"hidden": 64, "weight_decay": 0.0}):
        box.update(**change)
        run, curves = box.state["run"], box.figure.axes[1].lines
        np.testing.assert_array_equal(curves[1].get_ydata(), run.val_loss)  # validation loss
        for epoch in (0, 255, 500):
            before = len(sent)
            box.update(epoch=epoch)
            assert len(sent) > before, f"{change}, epoch {epoch}: no frame sent"
            shown = np.asarray(canvas.buffer_rgba()).copy()
            assert np.array_equal(shown, _full_draw_pixels(box.figure)), (change, epoch)
