"""The descent explorers (learning rate, optimizer race, playground) and their static companions:
they build without a browser, every control works at its extremes without warnings, nothing
non-finite is plotted, and captions say what the figure shows."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_lib.demos.optimizer_race import RACERS  # noqa: E402
from course_lib.demos.playground import DATASETS  # noqa: E402
from course_lib.landscapes import classify_learning_rate  # noqa: E402
from course_lib.widgets.learning_rate import (  # noqa: E402
    learning_rate_explorer,
    learning_rate_static,
)
from course_lib.widgets.optimizer_race import (  # noqa: E402
    X_AXES,
    optimizer_race_explorer,
    optimizer_race_static,
)
from course_lib.widgets.playground import (  # noqa: E402
    ACTIVATIONS,
    BATCH_SIZES,
    CHUNK,
    HIDDEN,
    playground_explorer,
    playground_static,
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _lines_finite(fig) -> None:
    for ax in fig.axes:
        for line in ax.get_lines():
            x, y = (np.asarray(v, float) for v in line.get_data())
            assert np.all(np.isfinite(x)) and np.all(np.isfinite(y)), line


def _has_class(widget, name) -> bool:
    return name in widget._dom_classes


def _drawn_texts(fig) -> list[str]:
    """Every non-empty, visible text a draw of ``fig`` renders (titles, labels, tick labels)."""
    from matplotlib.text import Text

    fig.canvas.draw()
    found = fig.findobj(lambda a: isinstance(a, Text) and a.get_visible() and a.get_text())
    ticks = [
        t.label1
        for ax in fig.axes
        for axis in (ax.xaxis, ax.yaxis)
        for t in axis.get_major_ticks()
        if t.label1.get_visible() and t.get_visible()
    ]
    return sorted({id(t): t.get_text() for t in found + ticks}.values())


# ---- learning rate --------------------------------------------------------------------------


@pytest.mark.parametrize("surface", ["bowl", "1d"])
def test_learning_rate_explorer_builds_with_the_course_classes(surface):
    box = learning_rate_explorer(surface)
    assert _has_class(box, "course-explorer") and _has_class(box, "explorer-learning-rate")
    assert _has_class(box.controls["lr"], "course-main-slider")
    assert _has_class(box.controls["play"], "course-play")
    assert type(box.controls["lr"]).__name__ == "FloatLogSlider"


@pytest.mark.parametrize("surface", ["bowl", "1d"])
def test_learning_rate_explorer_every_control_at_its_extremes(surface):
    box = learning_rate_explorer(surface)
    c = box.controls
    for value in (c["lr"].min, c["lr"].max):
        c["lr"].value = 10**value
        for n in (c["num_steps"].min, c["num_steps"].max):
            c["num_steps"].value = n
            for step in (0, n):
                c["step"].value = step
                _lines_finite(box.figure)
                assert box.state["step"] == step


def test_learning_rate_caption_names_the_band_of_the_slider_value():
    box = learning_rate_explorer("bowl")
    for lr in (0.01, 0.5, 1.5, 2.5):
        box.controls["lr"].value = lr
        lr_shown = box.controls["lr"].value
        band = classify_learning_rate(lr_shown, {"monotone": 1.0, "converge": 2.0})
        assert f"η = {lr_shown:.3g} (<b>{band}</b>): " in box.caption.value


@pytest.mark.parametrize("surface", ["bowl", "1d"])
def test_learning_rate_slider_stands_exactly_on_both_edges_and_names_the_bouncing_edge(surface):
    box = learning_rate_explorer(surface, num_steps=30)
    s = box.controls["lr"]
    grid = 10 ** (s.min + s.step * np.arange(round((s.max - s.min) / s.step) + 1))
    for edge in (1.0, 2.0):  # 1/lambda_max and 2/lambda_max of both surfaces (lambda_max = 1)
        assert np.min(np.abs(grid - edge)) < 1e-12
    box.update(lr=float(grid[np.argmin(np.abs(grid - 2.0))]))
    run = box.state["run"]
    assert run.band == "bouncing" and run.diverged_at is None
    # neither converging nor growing: the last two points (one bounce) have the same loss
    assert run.losses[-1] == pytest.approx(run.losses[-2], rel=1e-6)
    assert 0.1 * run.losses[0] < run.losses[-1] <= run.losses[0] * (1 + 1e-9)
    assert "(<b>bouncing</b>): loss" in box.caption.value
    above = float(grid[np.argmin(np.abs(grid - 2.0)) + 1])
    box.update(lr=above)
    assert box.state["run"].band == "diverging" and f"η = {above:.3g} " in box.caption.value


def test_learning_rate_divergence_is_reported_with_its_step_and_the_path_is_cut():
    box = learning_rate_explorer("bowl", num_steps=30)
    box.update(lr=3.0)
    run = box.state["run"]
    assert run.diverged_at is not None
    message = f"diverged at step {run.diverged_at}"
    assert message in box.artists["diverged"].get_text()
    assert box.artists["diverged"].axes is box.figure.axes[0]  # the path panel, off the loss curve
    assert f"(<b>{run.band}</b>): {message}" in box.caption.value
    xs, _ = box.artists["path"].get_data()
    assert len(xs) == run.diverged_at
    _lines_finite(box.figure)
    box.update(step=0)  # before the blow-up the figure does not claim it yet
    assert box.artists["diverged"].get_text() == ""


def test_learning_rate_slider_changes_no_text_in_the_figure_only_in_the_caption():
    box = learning_rate_explorer("bowl", num_steps=30)
    box.update(lr=0.05)
    texts, caption = _drawn_texts(box.figure), box.caption.value
    box.update(lr=0.8)  # another rate that converges: a new band, a new loss, a new caption
    assert _drawn_texts(box.figure) == texts
    assert box.caption.value != caption
    assert len(texts) <= 12  # each text costs on every redraw


def test_learning_rate_band_key_names_every_band_in_its_colour():
    from course_lib.widgets.learning_rate import BAND_COLORS

    box = learning_rate_explorer("bowl")
    for name, color in BAND_COLORS.items():
        assert f"color:{color}" in box.band_key.value and name in box.band_key.value


def test_learning_rate_marker_and_loss_curve_follow_the_slider():
    box = learning_rate_explorer("1d", num_steps=10)
    box.update(lr=0.5, step=4)
    assert box.artists["marker"].get_xdata()[0] == pytest.approx(0.5)
    ks, losses = box.artists["loss"].get_data()
    np.testing.assert_array_equal(ks, np.arange(5))
    np.testing.assert_allclose(losses, 0.5 * (4.0 * 0.5 ** np.arange(5)) ** 2)


def test_learning_rate_static_titles_come_from_the_runs():
    fig = learning_rate_static("bowl", num_steps=20)
    titles = [ax.get_title() for ax in fig.axes]
    assert [t.split(": ")[1].split("\n")[0] for t in titles] == [
        "too small",
        "good",
        "oscillating",
        "diverging",
    ]
    assert "diverged at step" in titles[3]
    _lines_finite(fig)


@pytest.mark.parametrize("surface", ["bowl", "1d"])
def test_learning_rate_static_diverging_panel_keeps_growing_bounces_in_view(surface):
    fig = learning_rate_static(surface)
    ax = fig.axes[3]
    assert ax.get_title().startswith("η = 2.25: diverging")  # lambda_max = 1 on both surfaces
    path = ax.course_artists["path"] if hasattr(ax, "course_artists") else ax.get_lines()[-1]
    x, y = (np.asarray(v, float) for v in path.get_data())
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    inside = (x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)
    assert inside.sum() >= 5  # the start and at least four bounces, not one line out of frame
    if surface == "1d":  # each bounce lands farther out, on the other side
        assert np.all(np.diff(np.abs(x[:5])) > 0) and np.all(np.diff(np.sign(x[:5])) != 0)


# ---- optimizer race -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def race_box():
    return optimizer_race_explorer("surface")


def test_optimizer_race_builds_with_the_course_classes(race_box):
    assert _has_class(race_box, "explorer-optimizer-race")
    assert _has_class(race_box.controls["lrs"]["Adam"], "course-main-slider")
    assert _has_class(race_box.controls["play"], "course-play")
    assert set(race_box.controls["lrs"]) == set(RACERS)


def test_optimizer_race_every_slider_at_its_extremes_and_every_x_axis(race_box):
    for name, slider in race_box.controls["lrs"].items():
        default = slider.value
        for value in (slider.min, slider.max):
            slider.value = 10**value
            assert race_box.state["runs"][name].lr == pytest.approx(10**value)
            _lines_finite(race_box.figure)
        slider.value = default
    for x_axis in X_AXES:
        race_box.controls["x_axis"].value = x_axis
        for step in (0, race_box.controls["step"].max):
            race_box.controls["step"].value = step
            _lines_finite(race_box.figure)
    race_box.controls["x_axis"].value = "steps"


def test_optimizer_race_examples_axis_shows_batch_sizes(race_box):
    race_box.update(x_axis="examples seen", step=10)
    to_axis = race_box.state["to_axis"]
    x, _ = race_box.artists["lines"]["GD"].get_data()
    np.testing.assert_allclose(x, to_axis(64.0 * np.arange(11)), rtol=1e-12)
    x, _ = race_box.artists["lines"]["SGD"].get_data()
    np.testing.assert_allclose(x, to_axis(np.arange(11.0)), rtol=1e-12)
    race_box.update(x_axis="steps")


@pytest.mark.parametrize("x_axis", ["examples seen", "seconds"])
def test_optimizer_race_examples_and_seconds_use_a_labelled_log_scale(race_box, x_axis):
    race_box.update(x_axis=x_axis, step=100)
    ax = race_box.figure.axes[1]
    assert ax.get_xlabel().endswith("(log scale)")
    lo, hi = ax.get_xlim()
    sgd_end = race_box.artists["lines"]["SGD"].get_data()[0][-1]
    gd_end = race_box.artists["lines"]["GD"].get_data()[0][-1]
    if x_axis == "examples seen":  # 100 examples against 6400: not squashed at 0
        assert (sgd_end - lo) / (hi - lo) > 0.4 and gd_end <= hi
    labels = [t.get_text() for t in ax.get_xticklabels()]
    ticks = race_box.state["to_axis"]([float(t) for t in labels])
    np.testing.assert_allclose(ax.get_xticks(), ticks)  # each label sits at its own value
    assert all(lo <= t <= hi for t in ax.get_xticks())
    race_box.update(x_axis="steps")
    assert ax.get_xlabel() == "step" and ax.get_xscale() == "linear"


def test_optimizer_race_caption_reports_each_optimizer_at_the_shown_step(race_box):
    race_box.update(step=25)
    text = race_box.caption.value
    assert text.startswith("At step 25:")
    for name, run in race_box.state["runs"].items():
        assert f"{name} (η={run.lr:.3g})" in text
    assert "least squares, condition number 10" in text and "excess loss" in text
    with pytest.raises(ValueError, match="x_axis"):
        race_box.update(x_axis="epochs")


def test_optimizer_race_figure_has_no_titles_and_few_texts(race_box):
    race_box.update(step=40)
    assert all(ax.get_title() == "" for ax in race_box.figure.axes)
    texts = _drawn_texts(race_box.figure)
    race_box.update(step=60)  # moving along the race changes no text in the figure
    assert _drawn_texts(race_box.figure) == texts
    assert len(texts) <= 10


def test_optimizer_race_loss_ticks_stay_inside_the_rescaled_limits(race_box):
    ax = race_box.figure.axes[1]
    for lr in (0.001, 0.3, 3.0):
        race_box.update(lr=lr)
        for axis, (lo, hi) in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
            ticks = axis.get_majorticklocs()
            assert 1 <= len(ticks) <= 2 and all(lo <= t <= hi for t in ticks), lr


def test_optimizer_race_recomputes_only_the_optimizer_whose_rate_changed(race_box):
    before = dict(race_box.state["runs"])
    race_box.update(lr=0.05)
    after = race_box.state["runs"]
    assert after["Adam"] is not before["Adam"]
    assert all(after[n] is before[n] for n in RACERS if n != "Adam")


def test_optimizer_race_network_problem_builds_and_updates():
    box = optimizer_race_explorer("network", num_steps=20)
    box.update(lr=0.01, x_axis="seconds", step=20)
    _lines_finite(box.figure)
    assert box.state["runs"]["Adam"].path is None


def test_optimizer_race_static_has_both_views_with_tuned_rates():
    fig = optimizer_race_static("surface", num_steps=30)
    ax_steps, ax_examples = fig.axes
    assert len(ax_steps.get_lines()) == len(RACERS)
    assert ax_examples.get_xlabel() == X_AXES["examples seen"] == "examples seen (log scale)"
    assert ax_examples.get_xscale() == "symlog"
    _lines_finite(fig)


def test_optimizer_race_static_uses_the_rates_it_is_given_without_tuning(monkeypatch):
    import course_lib.widgets.optimizer_race as race

    def no_tuning(*args, **kwargs):
        raise AssertionError("the rates were given: nothing to tune")

    monkeypatch.setattr(race, "tune_learning_rates", no_tuning)
    lrs = {"GD": 0.5, "SGD": 0.1, "mini-batch": 0.2, "momentum": 0.03, "Adam": 0.05}
    fig = optimizer_race_static("surface", num_steps=20, lrs=lrs)
    labels = [line.get_label() for line in fig.axes[0].get_lines()]
    assert labels == [f"{name}, η = {lr:.3g}" for name, lr in lrs.items()]
    with pytest.raises(ValueError, match=r"optimizer_race_static: lrs needs one rate.*'Adam'"):
        optimizer_race_static("surface", num_steps=20, lrs={"GD": 0.5})
    with pytest.raises(ValueError, match="must be positive"):
        optimizer_race_static("surface", num_steps=20, lrs={**lrs, "SGD": -1.0})


# ---- playground -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pg_box():
    return playground_explorer()


def test_playground_builds_with_the_course_classes(pg_box):
    assert _has_class(pg_box, "explorer-playground")
    assert _has_class(pg_box.controls["lr"], "course-main-slider")
    assert _has_class(pg_box.controls["play"], "course-play")


def test_playground_update_runs_one_chunk_of_training(pg_box):
    pg_box.update(reset=True, num_steps=0)
    pg = pg_box.state["pg"]
    pg_box.update()
    assert pg.step == CHUNK
    assert f"step {CHUNK}," in pg_box.caption.value
    assert f"accuracy {pg.accuracy():.0%}" in pg_box.caption.value
    assert not pg_box.figure.axes[0].title.get_visible()  # accuracy is in the caption instead
    play = pg_box.controls["play"]
    play.value = play.value + 1  # one Play tick = one chunk
    assert pg.step == 2 * CHUNK


@pytest.mark.parametrize("dataset", DATASETS)
def test_playground_every_dropdown_value(pg_box, dataset):
    c = pg_box.controls
    c["dataset"].value = dataset
    for hidden in HIDDEN:
        c["hidden"].value = hidden
    for act in ACTIVATIONS:
        c["activation"].value = act
    for batch in BATCH_SIZES:
        c["batch_size"].value = batch
    pg_box.update()
    pg = pg_box.state["pg"]
    assert (pg.dataset, pg.activation, pg.batch_size) == (dataset, ACTIVATIONS[-1], 200)
    assert pg_box.caption.value.startswith(dataset)
    image = pg_box.state["image"].get_array()
    assert image.shape == (60, 60) and np.all(np.isfinite(image))
    _lines_finite(pg_box.figure)


def test_playground_learning_rate_extremes_and_reset(pg_box):
    slider = pg_box.controls["lr"]
    for value in (slider.min, slider.max):
        slider.value = 10**value
        pg_box.update(num_steps=30)
        assert pg_box.state["pg"].lr == pytest.approx(10**value)
        assert np.all(np.isfinite(pg_box.state["image"].get_array()))
        _lines_finite(pg_box.figure)
    pg_box.controls["reset"].click()
    assert pg_box.state["pg"].step == 0 and pg_box.controls["play"].value == 0


def test_playground_static_linear_row_is_worse_on_xor_than_relu():
    fig = playground_static(hidden="8", num_steps=150)
    titles = [ax.get_title() for ax in fig.axes]
    assert len(titles) == 2 * len(DATASETS)
    acc = {t.split("\naccuracy ")[0]: int(t.split("\naccuracy ")[1][:-1]) for t in titles}
    assert acc["xor, identity"] < acc["xor, relu"]
