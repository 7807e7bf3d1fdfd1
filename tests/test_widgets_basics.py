"""Tests for the lesson 1-4 explorers: they build without a browser, every control's extremes
and every dropdown value update without warnings, plotted data stay finite, captions match."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.collections import Collection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Polygon, Rectangle  # noqa: E402

from course_lib.demos.line_fit import best_fit_line, line_predictions  # noqa: E402
from course_lib.demos.neuron import neuron_output  # noqa: E402
from course_lib.widgets.forward_pass import forward_pass_explorer, forward_pass_static  # noqa: E402
from course_lib.widgets.line_fit import line_fit_explorer, line_fit_static  # noqa: E402
from course_lib.widgets.linear_map import linear_map_explorer, linear_map_static  # noqa: E402
from course_lib.widgets.matrix_ops import matrix_ops_explorer, matrix_ops_static  # noqa: E402
from course_lib.widgets.neuron import neuron_explorer, neuron_static  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _assert_finite_artists(fig):
    """Every line, collection and polygon in the figure holds finite numbers only."""
    fig.canvas.draw()
    for ax in fig.axes:
        for art in ax.get_children():
            if isinstance(art, Line2D):
                data = np.asarray(art.get_xydata(), dtype=float)
            elif isinstance(art, Collection):
                segs = getattr(art, "get_segments", lambda: [])()
                parts = [np.asarray(s, dtype=float).ravel() for s in segs]
                parts.append(np.asarray(art.get_offsets(), dtype=float).ravel())
                data = np.concatenate(parts) if parts else np.zeros(0)
            elif isinstance(art, Polygon):
                data = art.get_xy()
            elif isinstance(art, Rectangle):
                data = np.array([art.get_x(), art.get_y(), art.get_width(), art.get_height()])
            else:
                continue
            assert np.all(np.isfinite(data)), f"non-finite data in {art!r}"


def _sweep(box, controls):
    """Call box.update at each slider's min and max and at every dropdown value."""
    for name, widget in controls.items():
        if hasattr(widget, "options"):
            values = [o[1] if isinstance(o, tuple) else o for o in widget.options]
        elif hasattr(widget, "min"):
            values = [widget.min, widget.max]
        else:
            continue
        for value in values:
            box.update(**{name: value})
            _assert_finite_artists(box.figure)


def _classes(box):
    return set(box._dom_classes)


# ---- matrix operations ------------------------------------------------------------------


def test_matrix_ops_explorer_builds_with_tags_and_starts_at_58():
    box = matrix_ops_explorer()
    assert {"course-explorer", "explorer-matrix_ops"} <= _classes(box)
    assert "course-main-slider" in box.controls["step"]._dom_classes
    assert "course-play" in box.controls["play"]._dom_classes
    assert "1·7 + 2·9 + 3·11 = 7 + 18 + 33 = 58" in box.caption.value
    assert "7 → 25 → 58" in box.caption.value
    result_ax = box.state["h"]["axes"][4]
    texts = result_ax.course_artists["texts"]
    assert texts[0, 0].get_text() == "58" and texts[1, 1].get_text() == ""


def test_matrix_ops_play_button_spans_the_steps():
    box = matrix_ops_explorer()
    assert box.controls["play"].max == box.controls["step"].max == 3


@pytest.mark.parametrize("operation", ["scalar", "add", "multiply", "transpose"])
def test_matrix_ops_every_step_of_every_operation_draws(operation):
    box = matrix_ops_explorer()
    box.controls["operation"].value = operation
    step = box.controls["step"]
    for k in range(step.min, step.max + 1):
        box.update(k)
        _assert_finite_artists(box.figure)
    result = box.state["h"]["axes"][4].course_artists["texts"]
    assert all(t.get_text() != "" for t in result.ravel())  # last step: all entries written


def test_matrix_ops_transpose_caption_says_2x3_becomes_3x2():
    box = matrix_ops_explorer(operation="transpose")
    assert "A is 2×3, so its transpose Aᵀ is 3×2" in box.caption.value
    assert "(6, 4, 24)" in box.caption.value


def test_matrix_ops_scalar_and_add_captions_show_the_sheets_numbers():
    assert "2 × 4 = 8" in matrix_ops_explorer(operation="scalar").caption.value
    assert "3 + 4 = 7" in matrix_ops_explorer(operation="add").caption.value


def test_matrix_ops_mismatched_shapes_raise_the_linalg_message():
    with pytest.raises(ValueError, match="columns of A .2. must equal the number of rows of B .1."):
        matrix_ops_explorer(A=[[1, 2], [3, 4]], B=[[1, 2, 3]])


def test_matrix_ops_dropdown_to_a_misfit_operation_shows_the_message_in_the_caption():
    box = matrix_ops_explorer(A=[[1, 2, 3], [4, 5, 6]], B=[[1, 2], [3, 4], [5, 6]])
    box.controls["operation"].value = "add"
    assert "same shape" in box.caption.value
    box.update(0)  # still safe


def test_matrix_ops_static_has_one_row_per_step():
    fig = matrix_ops_static()
    assert isinstance(fig, Figure) and len(fig.subfigs) == 4


# ---- linear map -------------------------------------------------------------------------


def test_linear_map_explorer_sweeps_every_control():
    box = linear_map_explorer()
    assert "course-main-slider" in box.controls["w11"]._dom_classes
    _sweep(box, box.controls)


def test_linear_map_caption_and_title_show_the_determinant():
    box = linear_map_explorer()
    box.update(w11=2.0, w12=1.0, w21=1.0, w22=3.0, b1=0.0, b2=0.0, activation="none")
    assert "<b>det W</b> = 5.00" in box.caption.value
    assert "det W = 5" in box.artists["title"].get_text()
    box.update(w11=1.0, w12=2.0, w21=2.0, w22=4.0)
    assert "flattened onto a line" in box.caption.value


def test_linear_map_warped_grid_is_the_dense_layer_of_the_grid():
    box = linear_map_explorer()
    box.update(w11=0.5, w12=-1.0, w21=1.5, w22=0.2, b1=0.3, b2=-0.4, activation="tanh")
    segs = np.array(box.artists["warped"].get_segments())
    from course_lib.widgets.linear_map import _GRID

    W, b = np.array([[0.5, -1.0], [1.5, 0.2]]), np.array([0.3, -0.4])
    np.testing.assert_allclose(segs, np.tanh(_GRID @ W.T + b))


def test_linear_map_static_has_five_panels():
    assert len(linear_map_static().axes) == 5


# ---- neuron -----------------------------------------------------------------------------


def test_neuron_explorer_sweeps_every_control():
    box = neuron_explorer()
    assert "course-main-slider" in box.controls["w"]._dom_classes
    _sweep(box, box.controls)


def test_neuron_point_and_caption_agree_with_the_formula():
    box = neuron_explorer()
    box.update(w=2.0, b=-1.0, x0=1.5, activation="sigmoid")
    expected = float(neuron_output(np.array([1.5]), 2.0, -1.0, "sigmoid")[0])
    x, y = box.artists["point"].get_data()
    assert x[0] == 1.5 and y[0] == pytest.approx(expected)
    assert f"<b>{expected:.3f}</b>" in box.caption.value
    assert box.artists["midline"].get_xdata()[0] == pytest.approx(0.5)
    assert "= 0.50" in box.caption.value


def test_neuron_zero_weight_hides_the_midpoint_and_says_flat():
    box = neuron_explorer()
    box.update(w=0.0)
    assert not box.artists["midline"].get_visible()
    assert "flat line" in box.caption.value


def test_neuron_static_has_bias_and_weight_panels():
    fig = neuron_static()
    labels = [line.get_label() for ax in fig.axes for line in ax.get_lines()]
    assert {"b = -2", "b = 0", "b = 2", "w = 0.5", "w = 1", "w = 4"} <= set(labels)


# ---- forward pass -----------------------------------------------------------------------


def test_forward_pass_explorer_sweeps_every_control():
    box = forward_pass_explorer()
    assert "course-main-slider" in box.controls["x1"]._dom_classes
    _sweep(box, box.controls)


def test_forward_pass_caption_and_nodes_show_the_output():
    box = forward_pass_explorer()
    box.update(x1=1.5, x2=-0.7, activation="tanh")
    y_hat = box.values["last"][-1][0]
    assert f"<b>{y_hat:.3f}</b>" in box.caption.value
    texts = box.axes.course_artists["texts"]
    assert texts[-1][0].get_text() == f"{y_hat:.2f}"
    assert texts[0][0].get_text() == "1.50" and texts[0][1].get_text() == "-0.70"


def test_forward_pass_output_changes_with_the_input():
    box = forward_pass_explorer()
    box.update(x1=-2.0, x2=2.0)
    first = box.values["last"][-1][0]
    box.update(x1=2.0, x2=-2.0)
    assert box.values["last"][-1][0] != first


def test_forward_pass_static_has_two_panels():
    assert len(forward_pass_static().axes) == 2


def test_forward_pass_explorer_shows_the_learners_own_net():
    from course_lib.network import MLP

    rng = np.random.default_rng(0)
    net = MLP([2, 3, 1], hidden_activation="relu", output_activation="sigmoid", rng=rng)
    box = forward_pass_explorer(net=net)
    box.update(x1=1.0, x2=-0.5, activation="relu")
    expected = net.forward(np.array([[1.0, -0.5]]))[0, 0]
    assert box.values["last"][-1][0] == pytest.approx(expected)
    assert f"<b>{expected:.3f}</b>" in box.caption.value
    static = forward_pass_static(inputs=((1.0, -0.5),), net=net)
    assert f"{expected:.3f}" in static.axes[0].get_title()


def test_forward_pass_explorer_keeps_its_weights_when_the_activation_changes():
    box = forward_pass_explorer()
    before = {k: v.copy() for k, v in box.params.items()}
    box.update(x1=0.3, x2=0.4, activation="relu")
    z1 = box.values["last"][0] @ box.params["W1"].T + box.params["b1"]
    box.update(x1=0.3, x2=0.4, activation="tanh")
    np.testing.assert_allclose(box.values["last"][1], np.tanh(z1))
    for k, v in before.items():
        np.testing.assert_array_equal(box.params[k], v)


@pytest.mark.parametrize("bad", [[1, 2], "net"])
def test_forward_pass_explorer_refuses_something_that_is_not_a_network(bad):
    with pytest.raises(TypeError, match="forward_pass_explorer: net should be an MLP"):
        forward_pass_explorer(net=bad)


def test_forward_pass_explorer_refuses_a_network_of_the_wrong_size():
    from course_lib.network import MLP

    with pytest.raises(ValueError, match="two inputs and one output"):
        forward_pass_explorer(net=MLP([3, 4, 1], rng=np.random.default_rng(0)))


# ---- line fit ---------------------------------------------------------------------------


def test_line_fit_explorer_sweeps_every_control():
    box = line_fit_explorer()
    assert "course-main-slider" in box.controls["slope"]._dom_classes
    _sweep(box, box.controls)


def test_line_fit_caption_shows_the_mse_and_the_figure_no_changing_text():
    box = line_fit_explorer()
    box.update(slope=1.0, intercept=0.5)
    _, err = line_predictions(*_default_xy(), 1.0, 0.5)
    assert f"MSE = <b>{err:.3g}</b>" in box.caption.value
    assert "ŷ = 1.00·x + 0.50" in box.caption.value
    assert not box.axes.title.get_visible()  # text would be redrawn on every move


def test_line_fit_best_mse_is_reported_and_below_the_users():
    box = line_fit_explorer()
    m, c, best = best_fit_line(*_default_xy())
    assert f"MSE = {best:.3g}" in box.caption.value
    assert box.state["mse"] > best


def test_line_fit_accepts_user_data_and_refuses_half_of_it():
    box = line_fit_explorer(x=[0.0, 1.0, 2.0], y=[1.0, 3.0, 5.0])
    assert box.state["best"][2] == pytest.approx(0.0, abs=1e-20)
    with pytest.raises(ValueError, match="pass both x and y"):
        line_fit_explorer(x=[0.0, 1.0])


def test_line_fit_static_titles_go_from_bad_to_best():
    fig = line_fit_static()
    titles = [ax.get_title() for ax in fig.axes]
    mses = [float(t.split("MSE = ")[1].split()[0]) for t in titles]
    assert mses[0] > mses[1] > mses[2]


def _default_xy():
    from course_lib.widgets.line_fit import line_data

    return line_data()


# ---- cheap redraws (course_lib.widgets._fast) ----------------------------------------------


def _pixels(fig) -> np.ndarray:
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba()).copy()


def test_freeze_layout_keeps_every_pixel_where_the_automatic_layout_put_it():
    from course_lib.plotting.figure_updates import freeze_layout

    fig, ax = plt.subplots(figsize=(4.0, 3.0))
    ax.plot([0.0, 1.0], [0.0, 1000.0])
    ax.set(xlabel="input x", ylabel="output a", title="a title")
    fig.tight_layout()
    before = _pixels(fig)
    freeze_layout(fig)
    np.testing.assert_array_equal(_pixels(fig), before)


def test_neuron_keeps_its_key_in_the_caption_and_few_tick_labels():
    box = neuron_explorer()
    ax = box.figure.axes[0]
    assert ax.get_legend() is None
    assert "output for x0" in box.caption.value and "x = −b/w" in box.caption.value
    for act in ("sigmoid", "tanh", "relu", "none"):
        box.update(w=1.0, activation=act)
        lo, hi = ax.get_ylim()
        ticks = [t for t in ax.get_yticks() if lo <= t <= hi]
        assert 2 <= len(ticks) <= 4, act


def test_linear_map_ticks_stay_inside_the_view_for_every_activation():
    box = linear_map_explorer()
    for act in ("none", "relu", "sigmoid", "tanh"):
        box.update(activation=act)
        lo, hi = box.axes.get_xlim()
        assert all(lo <= t <= hi for t in box.axes.get_xticks()), act
        assert len(box.axes.get_xticks()) == 5


@pytest.mark.parametrize(
    "lo, hi, log",
    [(0.0, 102.0, False), (0.0, 6528.0, False), (1e-12, 1e4, True), (0.01, 10.0, True)],
)
def test_nice_ticks_are_at_most_n_round_values_inside_the_limits(lo, hi, log):
    from course_lib.widgets._fast import nice_ticks

    for n in (2, 3):
        ticks = nice_ticks(lo, hi, log=log, n=n)
        assert 1 <= len(ticks) <= n
        assert all(lo <= t <= hi for t in ticks)
        if log:
            assert all(float(np.log10(t)).is_integer() for t in ticks)


def test_nice_ticks_on_a_log_range_without_a_power_of_ten_still_label_it():
    from course_lib.widgets._fast import nice_ticks

    ticks = nice_ticks(0.002, 0.009, log=True, n=2)
    assert 1 <= len(ticks) <= 2 and all(0.002 <= t <= 0.009 for t in ticks)


def test_freeze_ticks_pins_the_ticks_shown_inside_the_view():
    from matplotlib.ticker import FixedLocator

    from course_lib.widgets._fast import freeze_ticks

    fig, ax = plt.subplots()
    ax.plot([0.0, 10.0], [0.0, 1.0])
    shown = [t for t in ax.get_xticks() if 0.0 <= t <= 10.0]
    freeze_ticks(ax)
    assert isinstance(ax.xaxis.get_major_locator(), FixedLocator)
    ax.set_xlim(0.0, 100.0)  # later limits do not move the pinned ticks
    assert list(ax.get_xticks()) == shown


def test_linear_map_static_tip_labels_never_overlap():
    fig = linear_map_static()
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        a, b = (t.get_window_extent(renderer) for t in ax.texts[-2:])
        width = min(a.x1, b.x1) - max(a.x0, b.x0)
        height = min(a.y1, b.y1) - max(a.y0, b.y0)
        assert min(width, height) < 1.0, ax.get_title()  # touching corners are fine


def test_welcome_static_shows_a_negative_w_that_flips_the_curve():
    from course_lib.widgets import welcome_static

    fig = welcome_static()
    titles = [ax.get_title() for ax in fig.axes]
    assert any(title.startswith("w = -") for title in titles)
    flipped = fig.axes[titles.index(next(t for t in titles if t.startswith("w = -")))]
    y = flipped.get_lines()[0].get_ydata()
    assert y[0] > 0.9 and y[-1] < 0.1  # high on the left, low on the right
