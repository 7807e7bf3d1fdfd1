"""Every frame an explorer sends after a move of its main slider is the picture a full draw of
the same state gives, however it was made (a full draw, or a ``Blitter`` that redraws only the
moving artists over a kept picture of the rest).

Run with ipympl's canvas, made to act as one JupyterLab shows (``syncing_data_url = False``),
as the lessons run: each move must send a frame, and that frame (the canvas's picture after the
move) is compared with a plain full draw of the same state, with the blitter's animated artists
drawn in their own place among the others. Same set-ups as ``test_explorer_slider_ends``.
"""

import matplotlib
import numpy as np
import pytest

from bench._explorer_probe import _children, _spread
from tests.test_explorer_slider_ends import EXPLORERS

# Where an animated artist passes under a static one drawn above it, blitting draws it on top
# instead. An explorer may allow a fraction of its pixels to differ for that reason (say why).
ALLOWED_DIFFERENT = {}


@pytest.fixture
def ipympl_backend():
    import matplotlib.pyplot as plt

    before = matplotlib.get_backend()
    plt.switch_backend("module://ipympl.backend_nbagg")
    yield
    plt.close("all")
    plt.switch_backend(before)


def _canvas_and_slider(box):
    from ipympl.backend_nbagg import Canvas

    canvas = next(w for w in _children(box) if isinstance(w, Canvas))
    slider = next(w for w in _children(box) if "course-main-slider" in w._dom_classes)
    return canvas, slider


def _values(slider, n: int = 7) -> list:
    """``n`` values over the slider's range (the probe's spread), then back to the start."""
    return [v for v in _spread(slider, n) if v != slider.value] + [slider.value]


def _full_draw_pixels(fig) -> np.ndarray:
    """A plain full draw of ``fig`` as it is now, with no blitting: its pixels."""
    blitter = getattr(fig, "course_blitter", None)
    if blitter is None:
        fig.canvas.draw()
        return np.asarray(fig.canvas.buffer_rgba()).copy()
    fig.canvas.mpl_disconnect(blitter.draw_hook)
    for artist in blitter.artists:
        artist.set_animated(False)
    try:
        fig.canvas.draw()
        return np.asarray(fig.canvas.buffer_rgba()).copy()
    finally:
        for artist in blitter.artists:
            artist.set_animated(True)
        blitter.draw_hook = fig.canvas.mpl_connect("draw_event", blitter._on_draw)
        blitter.forget()  # the pictures it kept were made before: make them again
        fig.canvas.draw()


def _shown_canvas(box):
    """The explorer's canvas, acting as one JupyterLab shows, its sent frames counted."""
    canvas, slider = _canvas_and_slider(box)
    sent = []
    canvas.send_binary = sent.append
    canvas.syncing_data_url = False  # as once JupyterLab shows the canvas
    canvas.draw()
    return canvas, slider, sent


def _check_move(name, canvas, sent, widget, value) -> None:
    """Set ``widget`` to ``value``: a frame is sent, and it is the full draw of the state."""
    before = len(sent)
    widget.value = value
    label = f"{name}: moving {widget.description or 'the control'} to {value}"
    assert len(sent) > before, f"{label} sent no frame"
    shown = np.asarray(canvas.buffer_rgba()).copy()
    plain = _full_draw_pixels(canvas.figure)
    different = np.any(shown != plain, axis=-1).mean()
    allowed = ALLOWED_DIFFERENT.get(name, 0.0)
    assert different <= allowed, f"{label}: {different:.2%} of the frame differs from a full draw"


# ipympl 0.10's Toolbar passes its canvas on to traitlets, which warns (harmless, ipympl's own)
@pytest.mark.filterwarnings("ignore:Passing unrecognized arguments to super:DeprecationWarning")
@pytest.mark.parametrize("name", list(EXPLORERS))
def test_each_frame_is_the_full_draw_of_its_state(name, ipympl_backend):
    box = EXPLORERS[name]()
    canvas, slider, sent = _shown_canvas(box)
    for value in _values(slider):
        _check_move(name, canvas, sent, slider, value)


# Other controls (``box.controls`` names) whose moves blit too, or that change what the kept
# picture shows: after each of their moves, and after one main-slider move that follows it,
# the frame is the full draw of the state (a stale kept picture shows here).
OTHER_CONTROLS = {
    "neuron": ["b", "x0", "activation"],
    "forward_pass": ["x2", "activation"],
    "tensor": ["entry", "op"],
    "line_fit": ["intercept"],
    "saturation": ["y"],
}


@pytest.mark.filterwarnings("ignore:Passing unrecognized arguments to super:DeprecationWarning")
@pytest.mark.parametrize(
    ("name", "control"), [(n, c) for n, controls in OTHER_CONTROLS.items() for c in controls]
)
def test_other_controls_send_the_full_draw_of_their_state(name, control, ipympl_backend):
    box = EXPLORERS[name]()
    canvas, slider, sent = _shown_canvas(box)
    widget = box.controls[control]
    main_values = _values(slider)
    for k, value in enumerate(_values(widget, 5)):
        moves = [(widget, value), (slider, main_values[k % len(main_values)])]
        for control, new in moves:
            if control.value != new:  # a main-slider move may reset the control (tensor entry)
                _check_move(name, canvas, sent, control, new)


@pytest.mark.filterwarnings("ignore:Passing unrecognized arguments to super:DeprecationWarning")
def test_graph_frames_drawn_from_kept_frames_are_full_draws(ipympl_backend):
    """The backward-sweep animation keeps every frame it drew and draws a new one from the
    nearest kept frame before it: along a walk forward, back and jumping (no full draw in
    between), each frame sent equals a full draw of its state."""
    from course_lib.demos.graph_view import tiny_graph
    from course_lib.widgets.graph_view import graph_animation

    box = graph_animation(tiny_graph())
    canvas, slider, sent = _shown_canvas(box)
    walk = [1, 2, 3, 9, 4, 3, 0, 6, 8, 7, 2, 9, 5]
    shown = {}
    for k in walk:
        before = len(sent)
        slider.value = k
        assert len(sent) > before, f"graph: frame {k} sent nothing"
        shown.setdefault(k, []).append(np.asarray(canvas.buffer_rgba()).copy())
    for k, pictures in shown.items():
        box.update(k)
        plain = _full_draw_pixels(canvas.figure)
        for picture in pictures:
            different = np.any(picture != plain, axis=-1).mean()
            assert different == 0, f"graph frame {k}: {different:.2%} differs from a full draw"
    assert len({p.tobytes() for ps in shown.values() for p in ps[:1]}) == len(shown)  # all moved


@pytest.mark.filterwarnings("ignore:Passing unrecognized arguments to super:DeprecationWarning")
def test_playground_frames_after_its_other_controls_are_full_draws(ipympl_backend):
    """A new data set (new artists to blit), reset, Play ticks past the loss panel's limits
    (a full draw) and the rate again: each change sends a frame equal to a full draw."""
    from course_lib.widgets.playground import playground_explorer

    box = playground_explorer()
    canvas, slider, sent = _shown_canvas(box)
    c = box.controls
    changes = [(c["dataset"], "blobs"), (slider, 0.05), (c["hidden"], "4"), (slider, 0.5)]
    changes += [(c["play"], tick) for tick in range(1, 13)]  # 10 steps a tick: past step 100
    changes += [(slider, 0.1), (c["batch_size"], 200), (slider, 0.2)]
    for widget, value in changes:
        before = len(sent)
        widget.value = value
        assert len(sent) > before, f"playground: {widget.description}={value} sent no frame"
        shown = np.asarray(canvas.buffer_rgba()).copy()
        different = np.any(shown != _full_draw_pixels(canvas.figure), axis=-1).mean()
        assert different == 0, f"playground after {widget.description}={value}: {different:.2%}"
    c["reset"].click()
    assert box.state["pg"].step == 0
    slider.value = 0.3
    shown = np.asarray(canvas.buffer_rgba()).copy()
    assert np.array_equal(shown, _full_draw_pixels(canvas.figure))
    assert box.figure.axes[1].get_xlim()[1] == 100  # the reset loss panel, drawn in full
