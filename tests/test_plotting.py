"""Tests for course_lib.plotting: each helper draws the expected artists and returns its Axes,
each update_* function changes the same artists in place, titles follow the values shown, and
nothing non-finite reaches matplotlib."""

import math
from types import SimpleNamespace

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.extra.numpy import arrays  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.image import AxesImage  # noqa: E402
from matplotlib.patches import FancyArrowPatch, Rectangle  # noqa: E402

from course_lib import plotting as P  # noqa: E402
from course_lib.plotting.style import COLUMN_WIDTH  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures(monkeypatch):
    def no_show(*args, **kwargs):
        raise AssertionError("a plot helper called plt.show()")

    monkeypatch.setattr(plt, "show", no_show)
    yield
    plt.close("all")


def assert_lines_finite(ax):
    for line in ax.lines:
        x, y = np.asarray(line.get_xdata(), float), np.asarray(line.get_ydata(), float)
        assert np.all(np.isfinite(x)) and np.all(np.isfinite(y)), line


def rects(ax):
    return [p for p in ax.patches if isinstance(p, Rectangle)]


# ---- style ----------------------------------------------------------------------------------


def test_use_course_style_changes_rcparams_and_with_block_restores_them():
    before = matplotlib.rcParams["font.size"], matplotlib.rcParams["axes.prop_cycle"]
    with P.use_course_style():
        assert matplotlib.rcParams["axes.prop_cycle"].by_key()["color"] == P.PALETTE
    assert (matplotlib.rcParams["font.size"], matplotlib.rcParams["axes.prop_cycle"]) == before


def test_palette_and_role_colours_are_valid_matplotlib_colours():
    from matplotlib.colors import is_color_like

    assert len(set(P.PALETTE)) == 8
    assert all(is_color_like(c) for c in [*P.PALETTE, *P.COLORS.values()])


# ---- vectors, matrices, tensors -------------------------------------------------------------


def test_plot_vectors_draws_one_arrow_and_label_per_vector_on_equal_axes():
    ax = P.plot_vectors([[1, 2], [3, -1]], labels=["a", "b"])
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == 2
    assert [t.get_text().strip() for t in ax.texts] == ["a", "b"]
    assert ax.get_aspect() == 1.0
    assert ax.texts[1].get_position() == (3.0, -1.0)


def test_update_vectors_moves_the_same_arrows_and_labels():
    ax = P.plot_vectors([[1, 2], [3, -1]], labels=["a", "b"])
    arrows = list(ax.course_artists["arrows"])
    P.update_vectors(ax, [[5, 5], [-4, 1]])
    assert ax.course_artists["arrows"] == arrows
    assert ax.texts[0].get_position() == (5.0, 5.0)
    assert ax.get_xlim()[0] < -4 and ax.get_xlim()[1] > 5


def test_plot_vectors_rejects_3d_vectors_with_the_expected_shape():
    with pytest.raises(ValueError, match=r"plot_vectors: vectors has shape \(1, 3\).*\(K, 2\)"):
        P.plot_vectors([1, 2, 3])


def test_plot_matrix_writes_every_entry_and_highlights_row_and_column():
    ax = P.plot_matrix([[1, 2, 3], [4, 5, 6.5]], highlight_row=0, highlight_col=2)
    cells, texts = ax.course_artists["cells"], ax.course_artists["texts"]
    assert len(rects(ax)) == 6
    assert [t.get_text() for t in texts.ravel()] == ["1", "2", "3", "4", "5", "6.5"]
    white = matplotlib.colors.to_rgba("white")
    lit = {(i, j) for (i, j), c in np.ndenumerate(cells) if c.get_facecolor() != white}
    assert lit == {(0, 0), (0, 1), (0, 2), (1, 2)}
    assert ax.get_title() == "shape (2, 3)"


def test_update_matrix_changes_values_and_highlight_on_the_same_artists():
    ax = P.plot_matrix(np.zeros((2, 2)), highlight_cell=(0, 0))
    texts = ax.course_artists["texts"].copy()
    P.update_matrix(ax, [[1, 2], [3, 58]], highlight_cell=(1, 1), title="C = A @ B")
    assert texts[1, 1] is ax.course_artists["texts"][1, 1]
    assert texts[1, 1].get_text() == "58"
    white = matplotlib.colors.to_rgba("white")
    assert ax.course_artists["cells"][0, 0].get_facecolor() == white
    assert ax.course_artists["cells"][1, 1].get_facecolor() != white
    assert ax.get_title() == "C = A @ B"


def test_update_matrix_refuses_a_new_shape_and_an_out_of_range_highlight():
    ax = P.plot_matrix(np.zeros((2, 3)))
    with pytest.raises(ValueError, match=r"update_matrix: M has shape \(3, 2\)"):
        P.update_matrix(ax, np.zeros((3, 2)))
    with pytest.raises(ValueError, match="highlight_row=5 but the matrix has 2 rows"):
        P.update_matrix(ax, highlight_row=5)


def test_plot_tensor_draws_every_slice_with_its_numbers():
    T = np.arange(24).reshape(2, 3, 4)
    ax = P.plot_tensor(T)
    assert len(rects(ax)) == 24
    numbers = sorted(int(t.get_text()) for t in ax.texts if t.get_text().isdigit())
    assert numbers == list(range(24))
    assert ax.get_title() == "tensor of shape (2, 3, 4)"


# ---- network and activations ---------------------------------------------------------------


def test_plot_network_draws_one_edge_per_weight_and_counts_parameters(rng):
    W1, W2 = rng.normal(size=(3, 2)), rng.normal(size=(1, 3))
    ax = P.plot_network([2, 3, 1], weights=[W1, W2], values=[[1, 2], [0.1, 0.2, 0.3], [0.5]])
    edges = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(edges) == 1 and len(edges[0].get_segments()) == 3 * 2 + 1 * 3
    assert len(ax.course_artists["nodes"].get_offsets()) == 6
    assert "13 parameters" in ax.get_title()  # 3*(2+1) + 1*(3+1)
    assert ax.course_artists["texts"][1][2].get_text() == "0.30"


def test_plot_network_edge_width_follows_abs_weight_and_colour_follows_sign():
    W1 = np.array([[2.0, -1.0]])
    ax = P.plot_network([2, 1], weights=[W1])
    edges = ax.course_artists["edges"]
    widths = edges.get_linewidths()
    assert widths[0] > widths[1]
    red, blue = edges.get_colors()[0], edges.get_colors()[1]
    assert red[0] > red[2] and blue[2] > blue[0]


def test_update_network_restyles_the_same_edges_and_rewrites_values():
    ax = P.plot_network([2, 1], weights=[np.array([[2.0, -1.0]])])
    edges = ax.course_artists["edges"]
    P.update_network(ax, weights=[np.array([[-0.5, 3.0]])], values=[[1, -1], [0.25]])
    assert ax.course_artists["edges"] is edges
    assert edges.get_linewidths()[1] > edges.get_linewidths()[0]
    assert ax.course_artists["texts"][1][0].get_text() == "0.25"


def test_plot_network_writes_values_only_where_the_nodes_have_room(rng):
    sizes = [64, 16, 10]
    values = [rng.random(n) for n in sizes]
    ax = P.plot_network(sizes, values=values)
    assert [len(t) for t in ax.course_artists["texts"]] == [0, 0, 0]
    small = P.plot_network([20, 5, 3], values=[rng.random(n) for n in (20, 5, 3)])
    assert [len(t) for t in small.course_artists["texts"]] == [0, 5, 3]


def test_plot_network_names_a_transposed_weight_matrix():
    with pytest.raises(ValueError, match=r"weights\[0\] has shape \(2, 3\).*transposed"):
        P.plot_network([2, 3], weights=[np.ones((2, 3))])


def test_plot_activation_sigmoid_derivative_peaks_at_one_quarter():
    ax = P.plot_activation("sigmoid", z=0.0)
    grad = ax.course_artists["grad_line"].get_ydata()
    assert np.max(grad) == pytest.approx(0.25)
    assert "sigmoid(0) = 0.5" in ax.get_title()


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "identity"])
def test_plot_activation_by_name_draws_the_derivative_of_course_lib_activations(name):
    from course_lib import activations

    arts = P.plot_activation(name).course_artists
    assert (arts["f"], arts["grad"]) == activations.get_activation(name)


def test_plot_activation_refuses_linear_naming_identity():
    with pytest.raises(ValueError, match="plot_activation: .*write 'identity'"):
        P.plot_activation("linear")


def test_plot_activation_numerical_derivative_matches_the_true_one():
    ax = P.plot_activation(np.tanh, z_range=(-3, 3))
    z = ax.course_artists["grad_line"].get_xdata()
    assert np.allclose(ax.course_artists["grad_line"].get_ydata(), 1 - np.tanh(z) ** 2, atol=1e-8)
    assert "numerical" in ax.course_artists["grad_line"].get_label()


def test_plot_activation_leaves_out_overflowing_points():
    ax = P.plot_activation(np.exp, z_range=(-800, 800))
    assert_lines_finite(ax)
    assert ax.course_artists["f_line"].get_xdata().max() < 710


def test_update_activation_moves_the_marker_and_retitles():
    ax = P.plot_activation("relu")
    marker = ax.course_artists["marker"]
    P.update_activation(ax, -2.0)
    assert ax.course_artists["marker"] is marker
    assert list(marker.get_ydata()) == [0.0]
    assert "relu′(-2) = 0" in ax.get_title()


# ---- line fit and loss surface -------------------------------------------------------------


def test_plot_line_fit_squares_have_side_abs_residual_and_title_gives_mse():
    x, y = np.array([0.0, 1.0, 2.0]), np.array([1.0, 1.0, 4.0])
    ax = P.plot_line_fit(x, y, slope=1.0, intercept=0.0)
    squares = ax.course_artists["squares"]
    r = 1.0 * x + 0.0 - y  # -1, 0, -2
    assert [s.get_width() for s in squares] == pytest.approx(np.abs(r))
    assert [s.get_height() for s in squares] == pytest.approx(np.abs(r))
    assert ax.get_title().startswith("MSE = 1.67")  # (1 + 0 + 4) / 3
    assert ax.get_aspect() == 1.0


def test_update_line_fit_resizes_the_same_squares_and_retitles():
    x, y = np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 5.0])
    ax = P.plot_line_fit(x, y, 0.0, 0.0)
    squares = list(ax.course_artists["squares"])
    P.update_line_fit(ax, 2.0, 1.0)
    assert ax.course_artists["squares"] == squares
    assert all(s.get_width() == 0 for s in squares)
    assert ax.get_title().startswith("MSE = 0 ")
    line_x, line_y = ax.course_artists["line"].get_data()
    assert np.allclose(line_y, 2 * np.asarray(line_x) + 1)


finite = st.floats(-50, 50, allow_nan=False)


@settings(max_examples=25, deadline=None)
@given(
    arrays(np.float64, 6, elements=finite), arrays(np.float64, 6, elements=finite), finite, finite
)
def test_line_fit_mean_square_area_is_the_mse_in_the_title(x, y, slope, intercept):
    ax = P.plot_line_fit(x, y, slope, intercept, ax=Figure().add_subplot())
    areas = [s.get_width() * s.get_height() for s in ax.course_artists["squares"]]
    mse = np.mean((slope * x + intercept - y) ** 2)
    assert np.mean(areas) == pytest.approx(mse, rel=1e-9, abs=1e-9)
    assert ax.get_title().startswith(f"MSE = {ax.course_artists['mse']:.3g} ")


@settings(max_examples=25, deadline=None)
@given(arrays(np.float64, st.integers(1, 30), elements=st.sampled_from([1.0, 0.5, np.nan, np.inf])))
def test_history_curves_never_hand_nan_or_inf_to_matplotlib(loss):
    ax = P.plot_history({"step_loss": loss}, ax=Figure().add_subplot(), log_y=False)
    assert_lines_finite(ax)


def test_plot_line_fit_legend_sits_outside_the_data_or_is_left_out():
    x = np.array([0.0, 1.0, 2.0, 3.0])
    ax = P.plot_line_fit(x, 2 * x, 0.0, 0.0)  # squares fill the lower left, where "best" went
    fig = ax.figure
    fig.canvas.draw()
    legend_box = ax.get_legend().get_window_extent()
    axes_box = ax.get_window_extent()
    assert legend_box.x0 >= axes_box.x1  # entirely right of the Axes: it covers no point
    assert fig.bbox.contains(legend_box.x1 - 1, legend_box.y0 + 1)  # and inside the figure
    assert P.plot_line_fit(x, 2 * x, 0.0, 0.0, legend=False).get_legend() is None


def test_plot_decision_boundary_title_does_not_round_199_of_200_up_to_100_percent(rng):
    X = rng.normal(size=(200, 2))
    y = (X[:, 0] > 0).astype(int)
    y[np.argmax(X[:, 0])] = 0  # one point on the wrong side of the line x1 = 0
    ax = P.plot_decision_boundary(lambda Z: (Z[:, 0] > 0).astype(float), X, y, resolution=8)
    assert ax.get_title() == "accuracy 99.5% (199 of 200 right)"


def test_plot_digits_gives_a_few_tiles_a_readable_size_and_many_tiles_a_smaller_one(rng):
    few = P.plot_digits(rng.integers(0, 17, size=(5, 64)), ncols=5)
    width, height = few.figure.get_size_inches()
    assert width >= 5 * 0.9 and height >= 1.25 * 0.9
    many = P.plot_digits(rng.integers(0, 17, size=(30, 64)), ncols=15)
    # 15 tiles of 0.6 inch would be 9.4 inches: shrunk (aspect kept) to the notebook column
    assert many.figure.get_size_inches()[0] == pytest.approx(COLUMN_WIDTH)
    assert many.figure.get_size_inches()[1] == pytest.approx(
        (1.25 * 0.6 * 2 + 0.6) * COLUMN_WIDTH / (15 * 0.6 + 0.4)
    )


def test_plot_line_fit_refuses_x_and_y_of_different_lengths():
    with pytest.raises(ValueError, match="plot_line_fit: x has shape"):
        P.plot_line_fit([1, 2, 3], [1, 2], 1, 0)


def bowl(a, b):
    return a**2 + 10 * b**2


def test_plot_loss_surface_draws_contours_and_the_whole_path():
    path = np.array([[2.0, 1.0], [1.0, 0.5], [0.5, 0.1]])
    ax = P.plot_loss_surface(bowl, path, lr=0.1)
    assert ax.course_artists["filled"] in ax.collections
    assert np.allclose(np.column_stack(ax.course_artists["path"].get_data()), path)
    assert ax.course_artists["start"].get_xdata()[0] == 2.0
    assert ax.course_artists["end"].get_xdata()[0] == 0.5
    assert ax.get_title() == "η = 0.1: 2 steps, L = 0.35"


def test_plot_loss_surface_stops_a_diverged_path_before_the_first_nan():
    path = np.array([[1.0, 1.0], [-3.0, -9.0], [np.inf, 1e300], [np.nan, np.nan]])
    ax = P.plot_loss_surface(bowl, path)
    assert_lines_finite(ax)
    assert len(ax.course_artists["path"].get_xdata()) == 2
    assert "diverged (NaN/inf) at step 2" in ax.get_title()


def test_update_loss_surface_redraws_the_same_path_artist():
    ax = P.plot_loss_surface(bowl)
    line = ax.course_artists["path"]
    assert "loss surface" in ax.get_title()
    P.update_loss_surface(ax, [[1.0, 1.0], [0.0, 0.0]], lr=0.5)
    assert ax.course_artists["path"] is line
    assert list(line.get_xdata()) == [1.0, 0.0]
    assert ax.get_title() == "η = 0.5: 1 steps, L = 0"


def test_plot_loss_surface_accepts_a_grid_and_a_non_vectorised_function():
    w0, w1 = np.linspace(-1, 1, 5), np.linspace(-2, 2, 7)
    L = bowl(*np.meshgrid(w0, w1))
    ax = P.plot_loss_surface((w0, w1, L))
    assert ax.get_xlim() == (-1.0, 1.0) and ax.get_ylim() == (-2.0, 2.0)
    ax2 = P.plot_loss_surface(lambda a, b: math.exp(a) + b * b, resolution=10)
    assert ax2.course_artists["filled"].levels[-1] == pytest.approx(math.exp(3) + 9)


def test_plot_loss_surface_uses_log_spaced_levels_for_a_steep_valley():
    def rosenbrock(a, b):
        return (1 - a) ** 2 + 100 * (b - a**2) ** 2

    levels = P.plot_loss_surface(rosenbrock, levels=10).course_artists["filled"].levels
    gaps = np.diff(levels[1:])
    assert np.allclose(gaps[1:] / gaps[:-1], gaps[1] / gaps[0])  # geometric
    bowl_levels = P.plot_loss_surface(bowl, levels=10).course_artists["filled"].levels
    assert np.allclose(np.diff(bowl_levels), np.diff(bowl_levels)[0])  # linear


def test_plot_loss_surface_masks_where_the_loss_is_not_defined():
    ax = P.plot_loss_surface(lambda a, b: np.log(a) + b**2, [[1.0, 1.0], [-1.0, 0.5]])
    filled = ax.course_artists["filled"]
    assert np.all(np.isfinite(filled.levels))
    assert ax.get_title() == "1 steps, L undefined here"
    ax.figure.canvas.draw()


def test_plot_loss_surface_refuses_a_grid_of_the_wrong_shape():
    with pytest.raises(ValueError, match=r"L has shape \(5, 7\); expected"):
        P.plot_loss_surface((np.arange(5.0), np.arange(7.0), np.zeros((5, 7))))


# ---- history, classifiers, digits, confusion matrix ---------------------------------------


def test_plot_history_draws_each_x_axis_from_a_dict():
    h = {
        "step_loss": [4.0, 2.0, 1.0, 0.5],
        "epoch_loss": [3.0, 0.75],
        "examples_seen": [8, 16, 24, 32],
        "elapsed": [0.1, 0.2, 0.3, 0.4],
    }
    for x, want in [("step", [1, 2, 3, 4]), ("epoch", [1, 2]), ("examples", [8, 16, 24, 32])]:
        ax = P.plot_history(h, x=x)
        assert list(ax.lines[0].get_xdata()) == want
    ax = P.plot_history(h, x="seconds", label="GD")
    assert ax.lines[0].get_label() == "GD: final 0.5"
    assert ax.get_title() == "training loss per seconds"


def test_plot_history_reads_a_history_object_and_picks_log_scale():
    h = SimpleNamespace(
        step_loss=list(np.geomspace(100, 0.01, 50)),
        epoch_loss=[1.0],
        examples_seen=None,
        elapsed=None,
    )
    ax = P.plot_history(h)
    assert ax.get_yscale() == "log"
    assert P.plot_history({"step_loss": [1.0, 0.9]}).get_yscale() == "linear"


def test_plot_history_stops_a_diverged_curve_and_says_so():
    ax = P.plot_history({"step_loss": [1.0, 5.0, np.inf, np.nan]})
    assert_lines_finite(ax)
    assert ax.lines[0].get_label() == "loss: final 5 (diverged at point 3)"


def test_plot_history_reads_a_training_history_that_stopped_at_divergence():
    from course_lib.training_history import History

    h = History(
        steps_per_epoch=2,
        step_loss=[1.0, 3.0, 40.0],
        epoch_loss=[2.0],
        examples_seen=[4, 8, 12],
        elapsed=[0.1, 0.2, 0.3],
        diverged_at=3,
    )
    ax = P.plot_history(h, x="examples")
    assert list(ax.lines[0].get_xdata()) == [4, 8, 12]
    assert ax.lines[0].get_label() == "loss: final 40 (diverged at step 3)"


def test_plot_history_names_the_missing_key():
    with pytest.raises(ValueError, match=r"x='epoch' needs 'epoch_loss'.*\['step_loss'\]"):
        P.plot_history({"step_loss": [1.0]}, x="epoch")


def test_plot_history_adds_curves_and_update_history_changes_one_in_place():
    ax = P.plot_history({"step_loss": [3.0, 2.0]}, label="a")
    P.plot_history({"step_loss": [3.0, 1.0]}, ax=ax, label="b")
    first = ax.lines[0]
    P.update_history(ax, {"step_loss": [3.0, 2.0, 1.5]}, index=0)
    assert ax.lines[0] is first and len(ax.lines) == 2
    assert list(first.get_ydata()) == [3.0, 2.0, 1.5]


def test_plot_decision_boundary_colours_the_grid_by_predicted_class(rng):
    X = rng.normal(size=(40, 2))
    y = (X[:, 0] > 0).astype(int)
    ax = P.plot_decision_boundary(lambda Z: (Z[:, 0] > 0).astype(float), X, y, resolution=20)
    images = [a for a in ax.get_children() if isinstance(a, AxesImage)]
    assert len(images) == 1
    grid = np.asarray(images[0].get_array())
    assert grid.shape == (20, 20)
    assert np.all(grid[:, 0] == 0) and np.all(grid[:, -1] == 1)
    assert ax.get_title() == "accuracy 100.0% (40 of 40 right)"


def test_plot_decision_boundary_draws_each_class_as_one_marker_line_at_its_points(rng):
    X = rng.normal(size=(30, 2))
    y = (X[:, 1] > 0).astype(int)
    ax = P.plot_decision_boundary(lambda Z: (Z[:, 1] > 0).astype(float), X, y, resolution=10)
    points = ax.course_artists["points"]
    assert len(points) == 2
    for k, line in enumerate(points):
        np.testing.assert_array_equal(np.column_stack(line.get_data()), X[y == k])
        assert line.get_linestyle() == "None" and line.get_marker() == "o"
    assert points[0].get_color() != points[1].get_color()


def test_update_decision_boundary_sets_new_data_on_the_same_image(rng):
    X = rng.normal(size=(10, 2))
    y = (X[:, 0] > 0).astype(int)
    ax = P.plot_decision_boundary(lambda Z: np.zeros(len(Z)), X, y, resolution=8)
    image = ax.course_artists["image"]

    def scores(Z):  # (G, 2) scores: argmax is class 1 left of x1 = 0 (the opposite of y)
        return np.column_stack([Z[:, 0], -Z[:, 0]])

    P.update_decision_boundary(ax, scores)
    assert ax.course_artists["image"] is image
    assert np.all(np.asarray(image.get_array())[:, 0] == 1)
    assert ax.get_title() == "accuracy 0.0% (0 of 10 right)"


def test_plot_digits_marks_wrong_predictions_in_red(rng):
    images = rng.integers(0, 17, size=(6, 64))
    ax = P.plot_digits(images, labels=[0, 1, 2, 3, 4, 5], predictions=[0, 1, 2, 3, 9, 5], ncols=3)
    assert len(ax.images) == 1
    texts = ax.course_artists["texts"]
    assert texts[4].get_text() == "9 (4)"
    assert matplotlib.colors.same_color(texts[4].get_color(), P.COLORS["wrong"])
    assert [f.get_visible() for f in ax.course_artists["frames"]] == [0, 0, 0, 0, 1, 0]
    assert ax.get_title().startswith("5 of 6 predicted right")
    P.update_digits(ax, [0, 1, 2, 3, 4, 5])
    assert texts[4].get_text() == "4" and ax.get_title().startswith("6 of 6")


def test_plot_confusion_matrix_counts_labels_and_reports_accuracy():
    ax = P.plot_confusion_matrix((np.array([0, 1, 2, 2]), np.array([0, 2, 2, 2])))
    texts = ax.course_artists["texts"]
    assert texts[2, 2].get_text() == "2" and texts[1, 2].get_text() == "1"
    assert ax.get_title() == "accuracy 75.0% (3 of 4 right)"
    image = ax.course_artists["image"]
    P.update_confusion_matrix(ax, np.eye(3) * 5)
    assert ax.course_artists["image"] is image and texts[1, 2].get_text() == "0"
    assert ax.get_title() == "accuracy 100.0% (15 of 15 right)"


def test_plot_confusion_matrix_refuses_a_non_square_matrix():
    with pytest.raises(ValueError, match="cm has shape"):
        P.plot_confusion_matrix(np.ones((2, 3)))


# ---- small multiples and shared behaviour ---------------------------------------------------


def test_small_multiples_draws_one_panel_per_setting_and_hides_the_rest():
    x, y = np.array([0.0, 1.0, 2.0]), np.array([0.0, 1.0, 2.0])
    settings = [dict(x=x, y=y, slope=s, intercept=0.0) for s in (0.0, 0.5, 1.0, 2.0)]
    fig = P.small_multiples(P.plot_line_fit, settings, ncols=3, panel_size=(1.9, 1.6))
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(fig.axes) == 6 and len(visible) == 4
    assert visible[2].get_title().startswith("MSE = 0 ")
    fig2 = P.small_multiples(P.plot_line_fit, settings, titles=lambda s: f"a = {s['slope']}")
    assert fig2.axes[3].get_title() == "a = 2.0"


def test_update_functions_refuse_an_axes_drawn_by_another_helper():
    ax = P.plot_matrix(np.eye(2))
    with pytest.raises(ValueError, match="update_line_fit: this Axes was not drawn by plot_line"):
        P.update_line_fit(ax, 1.0, 0.0)


def test_helpers_draw_on_a_given_axes_and_return_it():
    fig, axes = plt.subplots(1, 3)
    assert P.plot_matrix(np.eye(2), ax=axes[0]) is axes[0]
    assert P.plot_activation("tanh", ax=axes[1]) is axes[1]
    assert P.plot_history({"step_loss": [1.0, 0.5]}, ax=axes[2]) is axes[2]
    fig.canvas.draw()  # and they render without error


def test_plot_tensor_cells_are_see_through_so_back_slices_stay_readable():
    ax = P.plot_tensor(np.arange(12).reshape(2, 2, 3))
    front, back = ax.course_artists["cells"]
    assert all(rect.get_facecolor()[3] < 1 for rect in front)
    back_texts = ax.course_artists["texts"][1]
    assert all(t.get_color() != "black" for t in back_texts)
    assert all(t.get_zorder() > rect.get_zorder() for t, rect in zip(back_texts, back))


def test_small_multiples_wraps_a_grid_wider_than_the_notebook_column():
    settings = [{"name_or_f": name} for name in ("sigmoid", "tanh", "relu", "identity")]
    fig = P.small_multiples(P.plot_activation, settings, ncols=4, panel_size=(3.0, 2.5))
    width, height = fig.get_size_inches()
    rows = {round(ax.get_position().y0, 3) for ax in fig.axes}
    assert width == pytest.approx(COLUMN_WIDTH) and len(rows) == 2  # 2 columns of 2.9 in
    assert height == pytest.approx(2 * 2.5 * COLUMN_WIDTH / 6.0)
    narrow = P.small_multiples(P.plot_activation, settings[:2], ncols=2, panel_size=(2.5, 2.0))
    assert tuple(narrow.get_size_inches()) == pytest.approx((5.0, 2.0))  # fits: unchanged
