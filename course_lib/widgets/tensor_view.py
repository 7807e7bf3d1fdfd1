"""Lesson 2 pictures: a 3-D tensor as a stack of matrices, what reducing one axis does to it,
and a colour image as three stacked channels.

``tensor_explorer`` draws a tensor ``T`` of shape (K, R, C) with ``plotting.plot_tensor`` and,
beside it, ``T.sum(axis=a)`` (or mean or max) with ``plotting.plot_matrix``. The ``axis`` slider
picks the axis that disappears; the ``entry`` slider (with Play) walks through the result and
lights up the entries of ``T`` that were combined into it, while the caption writes the
arithmetic. The three result panels are built once, one per axis, and every picture shown is
kept (``Blitter``, one per axis, op and entry), so a move back to a state seen before costs no
draw. The pure function :func:`reduce_entry` computes what is shown, so it can be tested
without a browser. ``tensor_reduce_static`` is the still companion (one row per axis) and
``color_channels_static`` splits an (H, W, 3) image into its red, green and blue matrices.

Limits: meant for small tensors (up to about 4 x 6 x 6) whose numbers stay readable.
"""

import numpy as np

from course_lib._argspec import INDEX, array, choice, optional
from course_lib._checked import checked
from course_lib._validation import as_array, check_int
from course_lib.plotting.figure_updates import Blitter, freeze_layout
from course_lib.plotting.linalg_plots import (
    TENSOR_CELL_FACE,
    plot_matrix,
    plot_tensor,
    update_matrix,
)
from course_lib.plotting.style import COLORS
from course_lib.widgets._base import explorer_box, mark_main, mark_play, new_figure

__all__ = [
    "REDUCTIONS",
    "reduce_entry",
    "tensor_explorer",
    "tensor_reduce_static",
    "color_channels_static",
]

REDUCTIONS = ("sum", "mean", "max")
_JOIN = {"sum": " + ", "mean": " + ", "max": ", "}


def _tensor(func: str, T) -> np.ndarray:
    T = np.arange(24.0).reshape(2, 3, 4) if T is None else as_array(func, "T", T, ndim=3)
    return T


def _check_op(func: str, op) -> str:
    if op not in REDUCTIONS:
        raise ValueError(
            f"{func}: op should be one of {', '.join(map(repr, REDUCTIONS))}, got {op!r}."
        )
    return op


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.3g}"


def reduce_entry(T, axis: int, entry: int = 0, op: str = "sum") -> dict:
    r"""One entry of a reduction of a 3-D tensor, with the entries of ``T`` that make it.

    .. math:: \text{sum over axis 0:}\quad S_{ij} = \sum_{k} T_{kij}
              \quad(\text{mean: divide by } K;\ \text{max: the largest})

    T: (K, R, C); axis: 0, 1 or 2 (the axis that disappears); entry: the position in the result,
    counted row by row. Returns a dict: ``result`` (the 2-D reduced array, e.g. (R, C) for axis
    0), ``cell`` (row, col) of the entry in it, ``members`` (the (k, i, j) indices of T combined
    into it, in order) and ``text`` (the arithmetic, e.g. ``"0 + 12 = 12"``).
    """
    func = "reduce_entry"
    T = as_array(func, "T", T, ndim=3)
    op = _check_op(func, op)
    axis = check_int(func, "axis", axis, minimum=0)
    if axis > 2:
        raise ValueError(
            f"{func}: axis={axis} but T has shape {T.shape}, so its axes are 0, 1 and 2."
        )
    result = getattr(np, op)(T, axis=axis)
    entry = check_int(func, "entry", entry, minimum=0)
    if entry >= result.size:
        raise ValueError(
            f"{func}: entry={entry} but the result has shape {result.shape}, so only "
            f"{result.size} entries (0..{result.size - 1})."
        )
    cell = tuple(int(c) for c in np.unravel_index(entry, result.shape))
    members = [(*cell[:axis], k, *cell[axis:]) for k in range(T.shape[axis])]
    values = _JOIN[op].join(_num(T[m]) for m in members)
    value = _num(result[cell])
    text = {
        "sum": f"{values} = {value}",
        "mean": f"({values}) / {T.shape[axis]} = {value}",
        "max": f"max({values}) = {value}",
    }[op]
    return {"result": result, "cell": cell, "members": members, "text": text}


def _light_members(ax, members, shape) -> None:
    """Colour the cells of a ``plot_tensor`` Axes: members highlighted, the rest see-through."""
    K, R, C = shape
    chosen = set(members)
    for k in range(K):
        for n, rect in enumerate(ax.course_artists["cells"][k]):
            lit = (k, n // C, n % C) in chosen
            rect.set_facecolor(COLORS["highlight_strong"] if lit else TENSOR_CELL_FACE)


def _result_title(T, axis: int, op: str, shape) -> str:
    return f"T.{op}(axis={axis}): shape {shape}"


def _caption(T, axis: int, op: str, step: dict) -> str:
    kept = [n for a, n in enumerate(T.shape) if a != axis]
    return (
        f"<b>T.{op}(axis={axis})</b>: T has shape {T.shape}; axis {axis} (length "
        f"{T.shape[axis]}) disappears, leaving shape ({kept[0]}, {kept[1]}).<br>"
        f"entry {step['cell']} = {step['text']}   (lit up in T: "
        f"{', '.join(str(m) for m in step['members'])})"
    )


def _result_panels(fig, ax_r, T, op: str) -> list:
    """One result panel per axis, all in ``ax_r``'s place and built now; the explorer shows
    one at a time, so moving the axis slider never clears or rebuilds a panel."""
    spec = ax_r.get_subplotspec()
    panels = [ax_r] + [fig.add_subplot(spec) for _ in range(2)]
    for a, ax in enumerate(panels):
        result = getattr(np, op)(T, axis=a)
        plot_matrix(result, ax=ax, title=_result_title(T, a, op, result.shape))
    return panels


def _show_panel(panels, ops: list, T, axis: int, op: str, cell) -> None:
    """Show the result panel of ``axis`` with its numbers for ``op`` (``ops[axis]`` is the op
    it shows now) and ``cell`` lit up; hide the others."""
    for a, ax in enumerate(panels):
        ax.set_visible(a == axis)
    if ops[axis] != op:  # the same shape, new numbers: rewrite them in place
        result = getattr(np, op)(T, axis=axis)
        update_matrix(panels[axis], M=result, title=_result_title(T, axis, op, result.shape))
        ops[axis] = op
    update_matrix(panels[axis], highlight_cell=cell)


@checked(T=optional(array(ndim=3)), axis=choice(0, 1, 2), op=choice(*REDUCTIONS))
def tensor_explorer(T=None, axis: int = 0, op: str = "sum"):
    r"""Reduce a 3-D tensor along one axis and see which entries are combined.

    .. math:: S = \text{T.sum(axis=a)}:\ \text{the axis } a \text{ disappears from the shape}

    T: (K, R, C), default ``np.arange(24.0).reshape(2, 3, 4)``; axis: 0, 1 or 2; op: "sum",
    "mean" or "max". ``box.update(axis=None, entry=None, op=None)`` redraws (None keeps the
    control's value).
    """
    import ipywidgets as widgets

    func = "tensor_explorer"
    T = _tensor(func, T)
    fig, (ax_t, ax_r) = new_figure(5.8, 2.5, ncols=2, gridspec_kw={"width_ratios": [1.3, 1.0]})
    plot_tensor(T, ax=ax_t, title=f"T, shape {T.shape}")
    panels, ops = _result_panels(fig, ax_r, T, op), [op] * 3
    freeze_layout(fig)
    # Every picture is a function of (axis, op, entry): the Blitter keeps one per key and
    # moves nothing itself, so a key seen before (the axis slider has three values) costs
    # no draw; a new one is drawn in full once.
    blitter = Blitter(fig, [])
    caption = widgets.HTML()
    axis_slider = mark_main(widgets.IntSlider(value=axis, min=0, max=2, description="axis"))
    n0 = T.size // T.shape[axis]
    entry_slider = widgets.IntSlider(value=0, min=0, max=n0 - 1, description="entry")
    play = mark_play(widgets.Play(value=0, min=0, max=n0 - 1, interval=900, description="play"))
    widgets.jslink((play, "value"), (entry_slider, "value"))
    op_menu = widgets.Dropdown(options=list(REDUCTIONS), value=op, description="op")
    state = {"restarting": False}

    def update(axis=None, entry=None, op=None) -> None:
        a = axis_slider.value if axis is None else int(axis)
        o = op_menu.value if op is None else op
        e = entry_slider.value if entry is None else int(entry)
        e = min(e, T.size // T.shape[a] - 1)
        step = reduce_entry(T, a, e, o)
        _show_panel(panels, ops, T, a, o, step["cell"])
        _light_members(ax_t, step["members"], T.shape)
        blitter.update((a, o, e))  # the picture first, so the browser can decode it sooner
        caption.value = _caption(T, a, o, step)

    def restart(_change=None) -> None:
        """A new axis: entry 0 of the new result is drawn (once), then the entry slider and
        Play are set back to 0 with the new result's size (the picture is sent first)."""
        size = T.size // T.shape[axis_slider.value]
        update(entry=0)
        state["restarting"] = True  # the entry observer stays quiet meanwhile
        try:
            entry_slider.value = play.value = 0  # first, so no max below clamps them
            entry_slider.max = play.max = size - 1
        finally:
            state["restarting"] = False

    def entry_moved(change) -> None:
        if not state["restarting"]:
            update(entry=change["new"])

    axis_slider.observe(restart, names="value")
    op_menu.observe(lambda _change: update(), names="value")  # same shape: keep the entry
    entry_slider.observe(entry_moved, names="value")
    update(axis, 0, op)
    box = explorer_box(
        func.removesuffix("_explorer"),
        [axis_slider, op_menu, [play, entry_slider]],
        fig,
        caption,
    )
    box.update = update
    box.caption = caption
    box.controls = {"axis": axis_slider, "entry": entry_slider, "play": play, "op": op_menu}
    return box


@checked(T=optional(array(ndim=3)), op=choice(*REDUCTIONS), entry=INDEX)
def tensor_reduce_static(T=None, op: str = "sum", entry: int = 0):
    r"""The explorer's still companion: one row per axis, the tensor beside its reduction.

    .. math:: (K, R, C) \xrightarrow{\text{axis }0} (R, C),\quad
              \xrightarrow{\text{axis }1} (K, C),\quad \xrightarrow{\text{axis }2} (K, R)

    T: (K, R, C) (default ``np.arange(24.0).reshape(2, 3, 4)``); ``entry`` is lit up in each
    result, with the entries of T combined into it. Returns a matplotlib Figure.
    """
    import matplotlib.pyplot as plt

    func = "tensor_reduce_static"
    T = _tensor(func, T)
    _check_op(func, op)
    with plt.ioff():
        fig, axes = plt.subplots(
            3, 2, figsize=(5.8, 6.4), gridspec_kw={"width_ratios": [1.3, 1.0], "hspace": 0.45}
        )
    fig.subplots_adjust(left=0.02, right=0.98, top=0.95, bottom=0.02, wspace=0.1)
    for axis, (ax_t, ax_r) in enumerate(axes):
        step = reduce_entry(T, axis, entry, op)
        plot_tensor(T, ax=ax_t, title=f"T {T.shape}, axis {axis} lit: {step['text']}")
        _light_members(ax_t, step["members"], T.shape)
        plot_matrix(
            step["result"],
            ax=ax_r,
            highlight_cell=step["cell"],
            title=_result_title(T, axis, op, step["result"].shape),
        )
    return fig


@checked(image=array(ndim=3))
def color_channels_static(image):
    r"""A colour image (H, W, 3) beside its red, green and blue channels, each an (H, W) matrix.

    .. math:: \text{image}[:, :, c] \text{ is channel } c \quad (0 = \text{red}, 1 = \text{green},
              2 = \text{blue})

    image: (H, W, 3) with values in [0, 1]. Returns a matplotlib Figure with four panels.
    """
    import matplotlib.pyplot as plt

    func = "color_channels_static"
    img = as_array(func, "image", image, ndim=3)
    if img.shape[2] != 3:
        raise ValueError(
            f"{func}: image has shape {img.shape}; a colour image has shape (H, W, 3), the last "
            "axis holding red, green and blue. Did you put the channels first? Use "
            "np.moveaxis(image, 0, -1)."
        )
    if img.min() < 0 or img.max() > 1:
        raise ValueError(
            f"{func}: image values run from {img.min():g} to {img.max():g}; scale them into "
            "[0, 1] first (e.g. divide by 255)."
        )
    with plt.ioff():
        fig, axes = plt.subplots(2, 2, figsize=(5.8, 5.4), layout="constrained")
    axes = axes.ravel()  # image, then red, green and blue: two to a row to fit the column
    axes[0].imshow(img, interpolation="nearest")
    axes[0].set_title(f"image {img.shape}")
    for c, (name, cmap) in enumerate((("red", "Reds"), ("green", "Greens"), ("blue", "Blues"))):
        axes[c + 1].imshow(img[:, :, c], cmap=cmap, vmin=0, vmax=1, interpolation="nearest")
        axes[c + 1].set_title(f"image[:, :, {c}]: {name} {img.shape[:2]}")
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])
    return fig
