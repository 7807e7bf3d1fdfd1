"""The explorers' shared layout: control panel, slider tracks and figure widths (no browser).

The browser tests measure the same things in JupyterLab (tests/browser); these check the
settings that produce them, for every explorer, in a second.
"""

import matplotlib

matplotlib.use("Agg")

import ipywidgets as widgets  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_lib import widgets as W  # noqa: E402
from course_lib.demos.graph_view import tiny_graph  # noqa: E402
from course_lib.widgets._base import new_figure  # noqa: E402
from course_lib.widgets._layout import (  # noqa: E402
    COLUMN_INCHES,
    COLUMN_PX,
    TRACK_PX,
    control_panel,
    slider_width,
)

EXPLORERS = {
    "welcome": W.welcome_explorer,
    "neuron": W.neuron_explorer,
    "forward_pass": W.forward_pass_explorer,
    "line_fit": W.line_fit_explorer,
    "linear_map": W.linear_map_explorer,
    "matrix_ops": W.matrix_ops_explorer,
    "saturation": W.saturation_explorer,
    "learning_rate_1d": lambda: W.learning_rate_explorer("1d"),
    "learning_rate_bowl": W.learning_rate_explorer,
    "playground": W.playground_explorer,
    "optimizer_race": W.optimizer_race_explorer,
    "tensor": lambda: W.tensor_explorer(np.arange(24.0).reshape(2, 3, 4)),
}


def all_widgets(root):
    yield root
    for child in getattr(root, "children", ()):
        yield from all_widgets(child)


@pytest.mark.parametrize("name", EXPLORERS)
def test_every_explorer_fits_the_column_and_gives_each_slider_its_full_track(name):
    box = EXPLORERS[name]()
    assert box.figure.get_size_inches()[0] <= COLUMN_INCHES
    assert box.figure.dpi == 100  # ipympl shows 1 inch as 100 CSS px at this dpi
    panel = box.children[0]
    assert "course-controls" in panel._dom_classes
    assert panel.layout.flex_flow == "row wrap"
    kinds = widgets.IntSlider | widgets.FloatSlider | widgets.FloatLogSlider
    sliders = [w for w in all_widgets(box) if isinstance(w, kinds)]
    assert sliders
    for slider in sliders:
        assert slider.layout.width == f"{slider_width(slider.description)}px", slider.description
        assert slider.layout.flex == "0 0 auto"  # never squeezed by its neighbours
        label = int(slider.style.description_width.removesuffix("px"))
        assert slider_width(slider.description) - label - 64 - 16 == TRACK_PX


def test_slider_width_leaves_the_track_after_label_and_readout():
    assert slider_width("η") == slider_width("abc") < slider_width("η mini-batch")
    assert slider_width("gradients") >= 150 + 64 + 12


def test_control_panel_keeps_a_list_on_one_line_and_wraps_the_groups():
    play, step = widgets.Play(), widgets.IntSlider(description="step")
    lr = widgets.FloatSlider(description="η")
    panel = control_panel([lr, [play, step]])
    first, pair = panel.children
    assert first is lr and pair.children == (play, step)
    assert pair.layout.flex_flow == "row nowrap" and panel.layout.flex_flow == "row wrap"


def test_new_figure_refuses_a_figure_wider_than_the_column():
    with pytest.raises(ValueError, match="wider than the notebook column"):
        new_figure(COLUMN_INCHES + 0.5, 3.0)
    fig, _ = new_figure(COLUMN_INCHES, 3.0)
    assert fig.get_size_inches()[0] * fig.dpi == pytest.approx(COLUMN_PX)


def test_small_multiples_companions_fit_the_column():
    figures = [
        W.learning_rate_static("1d"),
        W.playground_static(num_steps=20),
        W.graph_static(tiny_graph()),
        W.descent_animation_static(W.learning_rate.make_surface("bowl"), lr=0.3, frames=[1, 5, 20]),
    ]
    for fig in figures:
        assert fig.get_size_inches()[0] <= COLUMN_INCHES + 1e-9


class FakeIpymplCanvas:
    """The two attributes ``redraw`` reads on an ipympl canvas, and its two draw calls."""

    def __init__(self, syncing: bool):
        self.syncing_data_url, self._force_full, self.calls = syncing, False, []

    def draw(self):
        self.calls.append(("draw", self._force_full))

    def draw_idle(self):
        self.calls.append(("draw_idle", self._force_full))


@pytest.mark.parametrize(("syncing", "call"), [(False, "draw"), (True, "draw_idle")])
def test_redraw_sends_every_ipympl_frame_whole(syncing, call):
    """The browser may draw a diff frame as a full one (a figure with holes): send none."""
    from types import SimpleNamespace

    from course_lib.plotting.figure_updates import redraw

    canvas = FakeIpymplCanvas(syncing)
    redraw(SimpleNamespace(canvas=canvas))
    assert canvas.calls == [(call, True)]


def test_explorer_canvases_send_every_frame_whole_with_the_drawn_pixels():
    """Every frame an ipympl canvas sends (from ``redraw`` or pyplot's own ``draw_idle``) is a
    full-mode PNG of exactly the drawn pixels: a diff frame drawn as a full one has holes."""
    import io
    import warnings

    import matplotlib.pyplot
    from matplotlib.figure import Figure
    from PIL import Image

    before = matplotlib.get_backend()
    try:  # importing ipympl's backend makes it pyplot's backend: put the tests' one back
        backend = pytest.importorskip("ipympl.backend_nbagg", reason="ipympl is not installed")
    finally:
        matplotlib.pyplot.switch_backend(before)
    from course_lib.widgets._base import _send_whole_frames

    fig = Figure(figsize=(3.0, 2.0))
    canvas = backend.Canvas(fig)
    with warnings.catch_warnings():  # ipympl's toolbar trips a traitlets DeprecationWarning
        warnings.simplefilter("ignore", DeprecationWarning)
        backend.FigureManager(canvas, 1)
    (line,) = fig.add_subplot().plot([0, 1], [0, 1])
    sent, modes = [], []
    canvas.send_binary = sent.append
    set_mode = canvas.set_image_mode
    canvas.set_image_mode = lambda mode: (modes.append(mode), set_mode(mode))
    _send_whole_frames(canvas)
    for k in range(3):
        line.set_ydata([0, k + 1])
        canvas.draw()
        shown = np.asarray(Image.open(io.BytesIO(sent[-1])))
        assert np.array_equal(shown, np.asarray(canvas.get_renderer().buffer_rgba()))
    assert len(sent) == 3
    assert modes == ["full"] * 3
    assert canvas.get_diff_image() is None  # nothing new drawn: nothing to send
