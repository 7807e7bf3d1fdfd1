"""Shared plumbing for the explorers: figure creation and the widget layout conventions.

Every explorer returns the value of :func:`explorer_box`, whose root widget has the CSS
classes ``course-explorer`` and ``explorer-<name>``; its main slider has
``course-main-slider`` and a Play button ``course-play``. The browser tests find explorers
and their sliders by these classes. The controls are laid out by ``_layout.control_panel``
(sliders with a full track, wrapping rows) and figures are at most ``COLUMN_INCHES`` wide.
"""

import matplotlib.pyplot as plt
import numpy as np

from course_lib.widgets._layout import COLUMN_INCHES, COLUMN_PX, control_panel

MAIN_SLIDER = "course-main-slider"
PLAY = "course-play"


def new_figure(width: float = 6.0, height: float = 3.2, ncols: int = 1, nrows: int = 1, **kw):
    """Create a figure for an explorer without showing it (``plt.ioff()``).

    With the ipympl backend the canvas is a widget: its header, toolbar and resize handle are
    hidden so only the picture shows. Returns ``(fig, axes)`` like ``plt.subplots``.
    ``width`` is at most ``COLUMN_INCHES`` (5.8 in): the figure then fits the notebook column of
    a 1024 px wide window with the file browser open, its text at full size.
    """
    if width > COLUMN_INCHES:
        raise ValueError(
            f"new_figure: width {width} in is wider than the notebook column at 1024 px "
            f"({COLUMN_INCHES} in); narrow the figure or stack its panels."
        )
    with plt.ioff():
        fig, axes = plt.subplots(nrows, ncols, figsize=(width, height), **kw)
    canvas = fig.canvas
    for attr, value in (
        ("header_visible", False),
        ("toolbar_visible", False),
        ("resizable", False),
        ("footer_visible", False),
    ):
        if hasattr(canvas, attr):
            setattr(canvas, attr, value)
    if hasattr(canvas, "get_diff_image"):  # ipympl: every frame whole, never a diff
        _send_whole_frames(canvas)
    return fig, axes


def _send_whole_frames(canvas) -> None:
    """Make an ipympl canvas send every picture whole, and encode it fast.

    A diff frame follows an ``image_mode`` state change, which the browser may apply after the
    picture: a diff drawn as a full frame shows only the pixels that changed (a figure with
    holes, seen in lessons 05-07). Draws come from ``redraw`` and also from pyplot's own
    ``draw_idle`` when an artist changes, so the canvas itself is told: full frames only.
    The PNG is written with zlib level 1 instead of Pillow's 6: about 30 % less encoding time
    per frame (11 vs 15 ms for a 580×320 figure here) for a PNG about 15 % larger, sent over
    the local websocket.
    """
    canvas.get_diff_image = lambda: whole_png(canvas)


def whole_png(canvas, compress_level: int = 1) -> bytes | None:
    """The ipympl canvas's current picture as a whole (``full`` mode) PNG, or None when the
    picture sent last is still current (as ``get_diff_image`` does)."""
    import io

    from PIL import Image

    if not canvas._png_is_old:
        return None
    pixels = np.asarray(canvas.get_renderer().buffer_rgba())
    canvas.set_image_mode("full")
    canvas._last_buff = pixels.view(np.uint32).squeeze(2).copy()  # ipympl's data URL reads it
    canvas._force_full = False
    canvas._png_is_old = False
    with io.BytesIO() as png:
        Image.fromarray(pixels).save(png, format="png", compress_level=compress_level)
        return png.getvalue()


def figure_widget(fig):
    """The widget that shows ``fig``: its ipympl canvas, or an Output with a static image."""
    import ipywidgets as widgets

    if isinstance(fig.canvas, widgets.DOMWidget):
        return fig.canvas
    out = widgets.Output()  # non-interactive backend (e.g. Agg in tests): show a still image
    from IPython import get_ipython

    if get_ipython() is not None:  # outside IPython there is nowhere to show it
        from IPython.display import display

        with out:
            display(fig)
    return out


def float_slider(name: str, value: float, lo: float = -2.0, hi: float = 2.0, step: float = 0.1):
    """A continuous float slider from ``lo`` to ``hi`` labelled ``name``, starting at ``value``
    (clipped into the range); the readout shows as many decimals as the step needs."""
    import ipywidgets as widgets

    decimals = max(0, -int(np.floor(np.log10(step))))
    return widgets.FloatSlider(
        value=float(np.clip(value, lo, hi)),
        min=lo,
        max=hi,
        step=step,
        description=name,
        continuous_update=True,
        readout_format=f".{decimals}f",
    )


def mark_main(widget):
    """Tag ``widget`` as the explorer's main control (the one a browser test moves)."""
    widget.add_class(MAIN_SLIDER)
    return widget


def mark_play(widget):
    """Tag ``widget`` as the explorer's Play button, with its interval (``course-interval-<ms>``,
    which the browser bench reads to check that frames keep that pace)."""
    widget.add_class(PLAY)
    widget.add_class(f"course-interval-{int(widget.interval)}")
    return widget


def explorer_box(name: str, controls: list, fig, caption=None, view=None):
    """Lay out ``controls`` above the figure (``control_panel``) and return the root widget.

    ``controls`` is a list of control groups: a widget, or a list of widgets that stay side by
    side (a Play button with the slider it drives). ``caption`` is an optional
    ``ipywidgets.HTML`` updated by the explorer with values computed from what is shown.
    ``view`` replaces the figure's own widget (e.g. an ``Image`` for a figure that must update
    while its cell is still running).
    """
    import ipywidgets as widgets

    children = [control_panel(controls)]
    children.append(view if view is not None else figure_widget(fig))
    if caption is not None:
        caption.layout.max_width = f"{COLUMN_PX}px"  # wraps under the figure, not beside it
        children.append(caption)
    box = widgets.VBox(children, layout=widgets.Layout(max_width="100%"))
    box.add_class("course-explorer")
    box.add_class(f"explorer-{name}")
    box.figure = fig
    return box
