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
# Other controls whose moves must also send the full draw's picture, by their description; after
# each move the main slider moves too (a kept picture must be the one for the new setting).
OTHER_CONTROLS = {"line_fit": ["intercept"], "saturation": ["target y"]}


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


def _check_move(name, canvas, widget, value, sent) -> None:
    """Set ``widget`` to ``value``: a frame must be sent, the picture a full draw's."""
    before = len(sent)
    widget.value = value
    what = f"{name}: moving {widget.description!r} to {value}"
    assert len(sent) > before, f"{what} sent no frame"
    shown = np.asarray(canvas.buffer_rgba()).copy()
    plain = _full_draw_pixels(canvas.figure)
    different = np.any(shown != plain, axis=-1).mean()
    assert different <= ALLOWED_DIFFERENT.get(name, 0.0), (
        f"{what}: {different:.2%} of the frame differs from a full draw"
    )


def _shown_explorer(name):
    box = EXPLORERS[name]()
    canvas, slider = _canvas_and_slider(box)
    sent = []
    canvas.send_binary = sent.append
    canvas.syncing_data_url = False  # as once JupyterLab shows the canvas
    canvas.draw()
    return box, canvas, slider, sent


# ipympl 0.10's Toolbar passes its canvas on to traitlets, which warns (harmless, ipympl's own)
@pytest.mark.filterwarnings("ignore:Passing unrecognized arguments to super:DeprecationWarning")
@pytest.mark.parametrize("name", list(EXPLORERS))
def test_each_frame_is_the_full_draw_of_its_state(name, ipympl_backend):
    _box, canvas, slider, sent = _shown_explorer(name)
    for value in _values(slider):
        _check_move(name, canvas, slider, value, sent)


@pytest.mark.filterwarnings("ignore:Passing unrecognized arguments to super:DeprecationWarning")
@pytest.mark.parametrize(
    "name, description", [(n, d) for n, names in OTHER_CONTROLS.items() for d in names]
)
def test_frames_after_other_controls_are_full_draws(name, description, ipympl_backend):
    box, canvas, slider, sent = _shown_explorer(name)
    control = next(w for w in _children(box) if getattr(w, "description", None) == description)
    main_values = _values(slider)
    for k, value in enumerate(_values(control, n=4)):
        if value != control.value:
            _check_move(name, canvas, control, value, sent)
        _check_move(name, canvas, slider, main_values[k % len(main_values)], sent)
