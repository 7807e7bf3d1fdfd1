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


def _children(widget):
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from _children(child)


def _canvas_and_slider(box):
    from ipympl.backend_nbagg import Canvas

    canvas = next(w for w in _children(box) if isinstance(w, Canvas))
    slider = next(w for w in _children(box) if "course-main-slider" in w._dom_classes)
    return canvas, slider


def _values(slider, n: int = 7) -> list:
    if hasattr(slider, "options"):
        values = [slider.options[k % len(slider.options)] for k in range(n)]
    elif type(slider).__name__ == "FloatLogSlider":
        values = list(slider.base ** np.linspace(slider.min, slider.max, n))
    elif isinstance(slider.value, int):
        values = [slider.min + k % (slider.max - slider.min + 1) for k in range(n)]
    else:
        values = list(np.linspace(slider.min, slider.max, n))
    return [v for v in values if v != slider.value] + [slider.value]  # and back to the start


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
