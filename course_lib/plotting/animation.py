"""Animate a precomputed sequence of frames by redrawing one figure in place.

An animation here is three things: a figure, a function ``update(k)`` that changes that
figure's artists to show frame k (usually one of the ``course_lib.plotting.update_*``
functions), and a number of frames. Nothing is re-plotted per frame.

* ``animate(fig, update, num_frames)`` returns an ipywidgets box with a Play button linked to a
  frame slider, for a running kernel. With the ipympl backend (``%matplotlib widget``) the
  live canvas is in the box and each frame costs one draw (``redraw``); with any other backend
  the box shows a PNG snapshot that is re-rendered per frame (slower, but it works anywhere).
* ``animation_html.export_html(fig, update, num_frames)`` turns the same three things into a
  self-contained HTML animation for a page without a kernel.

ipywidgets is imported inside ``animate`` only, so this module imports without it.
"""

import io

import numpy as np

from course_lib._argspec import FIGURE, FUNCTION, INDEX, TEXT
from course_lib._checked import checked

from .._validation import check_artists, check_int, check_positive
from .figure_updates import Blitter, freeze_layout, redraw

__all__ = ["frame_indices", "animate"]


def frame_indices(num_frames: int, max_frames: int) -> list[int]:
    """At most ``max_frames`` (>= 2) frame numbers spread evenly over 0..num_frames-1, ends kept.

    With more frames than ``max_frames`` the step between kept frames is above 1, so rounding
    never repeats a frame and exactly ``max_frames`` come back.
    """
    n = check_int("frame_indices", "num_frames", num_frames)
    m = check_int("frame_indices", "max_frames", max_frames, minimum=2)
    if n <= m:
        return list(range(n))
    return sorted({int(round(v)) for v in np.linspace(0, n - 1, m)})


@checked(fig=FIGURE, update=FUNCTION, description=TEXT, start=INDEX, name=TEXT)
def animate(
    fig,
    update,
    num_frames,
    interval_ms=200,
    description="step",
    start=0,
    name="animation",
    blit=None,
):
    """A Play button and a frame slider that redraw ``fig`` in place with ``update(k)``.

    ``update(k)`` must change the figure's artists to show frame k (k = 0..num_frames-1),
    without creating new ones. Returns an ``ipywidgets.VBox`` with CSS class
    ``course-explorer``; the slider has class ``course-main-slider`` and the Play button
    ``course-play``; the box also has ``explorer-<name>``. Create the figure inside
    ``with plt.ioff():`` so that it appears only in the box. ``interval_ms`` is the Play
    button's time between frames. The figure's layout is frozen after the first frame
    (``freeze_layout``): each frame then skips the layout solver. ``blit``: the artists that
    ``update`` changes (if nothing else), redrawn alone over a kept picture of the rest, or a
    function returning the ``figure_updates.Blitter`` to use (called once the layout is frozen).
    """
    import ipywidgets as widgets

    func = "animate"
    n = check_int(func, "num_frames", num_frames)
    interval = int(check_positive(func, "interval_ms", interval_ms))
    k0 = check_int(func, "start", start, minimum=0)
    if k0 >= n:
        raise ValueError(f"{func}: start={k0} but there are only {n} frames (0..{n - 1}).")
    play = widgets.Play(value=k0, min=0, max=n - 1, step=1, interval=interval)
    slider = widgets.IntSlider(value=k0, min=0, max=n - 1, description=description)
    widgets.jslink((play, "value"), (slider, "value"))  # linked in the browser, no round trip
    update(k0)
    freeze_layout(fig)  # per-frame draws skip the layout solver
    view, draw = _frame_view(fig, blit)

    def show(change):
        update(change["new"])
        draw()

    slider.observe(show, names="value")
    draw()
    play.add_class("course-play")
    play.add_class(f"course-interval-{interval}")  # read by the browser bench (Play pacing)
    slider.add_class("course-main-slider")
    from course_lib.widgets._layout import control_panel  # the explorers' control layout

    box = widgets.VBox([control_panel([[play, slider]]), view])
    box.add_class("course-explorer")
    box.add_class(f"explorer-{name}")
    box.course_slider, box.course_play = slider, play  # handles for tests and notebooks
    return box


def _frame_view(fig, blit):
    """The widget that shows ``fig`` and the function that shows its current frame there.

    ipympl: the live canvas, with a blit of the ``blit`` artists (``Blitter``, or the one
    ``blit()`` makes) or a full ``redraw``. Any other backend: an ``Image`` widget showing a
    PNG snapshot per frame.
    """
    import ipywidgets as widgets

    artists = None if blit is None or callable(blit) else check_artists("animate", blit)
    if isinstance(fig.canvas, widgets.DOMWidget):  # ipympl: the live canvas itself
        if callable(blit):
            return fig.canvas, blit().update
        if artists is not None:
            return fig.canvas, Blitter(fig, artists).update
        return fig.canvas, lambda: redraw(fig)
    import matplotlib.pyplot as plt

    plt.close(fig)  # keep pyplot from also showing a static copy under the cell
    view = widgets.Image(format="png")

    def draw():
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=fig.dpi)
        view.value = buf.getvalue()

    return view, draw
