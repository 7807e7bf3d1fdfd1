"""Lesson 3 explorer: one neuron with one input, a = f(w·x + b).

Sliders for the weight ``w`` (main), the bias ``b`` and an input ``x0``, and a dropdown for the
activation. The curve ``a = f(w x + b)`` over x is redrawn in place
(``demos.neuron.neuron_output``); a dashed line marks ``x = -b/w``, where the weighted sum
is zero and the curve crosses its midpoint (sigmoid 0.5, tanh 0, ReLU's kink), so moving the
bias visibly slides the curve left or right and the weight sets its steepness (and direction).
The output for ``x0`` is a point on the curve and a line in the caption.
"""

import numpy as np

from course_lib._argspec import NUMBER, choice
from course_lib._checked import checked
from course_lib.demos._choices import ACTIVATION_CHOICES
from course_lib.demos.neuron import (
    neuron_caption,
    neuron_midpoint,
    neuron_output,
    neuron_title,
)
from course_lib.plotting import COLORS
from course_lib.plotting.figure_updates import Blitter, freeze_layout
from course_lib.widgets._base import explorer_box, float_slider, mark_main, new_figure
from course_lib.widgets._fast import color_key, fixed_ticks
from course_lib.widgets._layout import column_grid

__all__ = ["neuron_explorer", "neuron_static"]

_X = np.linspace(-6.0, 6.0, 241)
_YLIM = {"sigmoid": (-0.08, 1.08), "tanh": (-1.1, 1.1), "relu": (-0.5, 6.0), "none": (-6.0, 6.0)}
_MID = {"sigmoid": 0.5, "tanh": 0.0, "relu": 0.0, "none": 0.0}
# Few labelled ticks: each tick label costs about as much to draw as the whole curve.
_XTICKS = (-6, -3, 0, 3, 6)
_YTICKS = {"sigmoid": (0, 0.5, 1), "tanh": (-1, 0, 1), "relu": (0, 2, 4, 6), "none": (-6, 0, 6)}
_KEY = color_key(
    [
        (COLORS["blue"], "━", "a = f(w·x + b)"),
        (COLORS["green"], "╌", "x = −b/w (weighted sum 0)"),
        (COLORS["vermillion"], "●", "output for x0"),
    ]
)


def _name(activation: str) -> str:
    return "" if activation == "none" else activation


def _neuron_axes(ax, x0: float, activation: str) -> dict:
    """Plot helper: axes lines, the curve, the midpoint line and point, the x0 point and the
    title, drawn once; returns them (``curve``, ``midline``, ``midpoint``, ``point``, ``title``)
    for ``_show_neuron`` to move."""
    ax.axhline(0, color=COLORS["grey"], lw=0.8)
    ax.axvline(0, color=COLORS["grey"], lw=0.8)
    (curve,) = ax.plot(_X, _X, color=COLORS["blue"], lw=2.5, label="a = f(w·x + b)")
    midline = ax.axvline(0.0, color=COLORS["green"], ls="--", lw=1.5, label="x = −b/w")
    (midpoint,) = ax.plot([0.0], [0.0], "o", color=COLORS["green"], ms=6)
    (point,) = ax.plot(
        [x0], [0.0], "o", color=COLORS["vermillion"], ms=9, zorder=4, label="output for x0"
    )
    ax.set(xlim=(_X[0], _X[-1]), xlabel="input x", ylabel="output a")
    ax.grid(True, alpha=0.3)
    fixed_ticks(ax, x=_XTICKS, y=_YTICKS[activation])
    title = ax.set_title("a = sigmoid(w·x + b)")
    artists = {"curve": curve, "midline": midline, "midpoint": midpoint, "point": point}
    return dict(artists, title=title)


def _moving(artists: dict) -> list:
    """What a slider move redraws (``Blitter``), in the order a full draw paints it: the
    curve, the midpoint marks, the spines (over the curve where it meets the plot's edge),
    the x0 point and the title. The axes lines, grid and ticks stay in the kept picture."""
    ax = artists["curve"].axes
    first = [artists[k] for k in ("curve", "midline", "midpoint")]
    return [*first, *ax.spines.values(), artists["point"], artists["title"]]


def _show_neuron(artists: dict, w: float, b: float, x0: float, act: str) -> None:
    """Move the curve, the x0 point, the midpoint marks, the y-range and the title."""
    artists["curve"].set_ydata(neuron_output(_X, w, b, act))
    a0 = float(neuron_output(np.array([x0]), w, b, act)[0])
    artists["point"].set_data([x0], [a0])
    mid = neuron_midpoint(w, b)
    artists["midline"].set_visible(mid is not None)
    artists["midpoint"].set_visible(mid is not None)
    if mid is not None:
        artists["midline"].set_xdata([mid, mid])
        artists["midpoint"].set_data([mid], [_MID[act]])
    ax = artists["curve"].axes
    if ax.get_ylim() != _YLIM[act]:
        ax.set_ylim(*_YLIM[act])
        fixed_ticks(ax, y=_YTICKS[act])
    artists["title"].set_text(neuron_title(w, b, act))


@checked(w=NUMBER, b=NUMBER, x0=NUMBER, activation=choice(*ACTIVATION_CHOICES))
def neuron_explorer(w: float = 1.0, b: float = 0.0, x0: float = 1.0, activation="sigmoid"):
    r"""Sliders for one neuron's weight and bias redraw its output curve over the input.

    .. math:: a = f(w x + b), \qquad w x + b = 0 \iff x = -b/w

    w, b, x0: starting values of the sliders; activation: "sigmoid", "relu", "tanh" or "none".
    ``box.update(w, b=None, x0=None, activation=None)`` redraws (None keeps the slider value).
    """
    import ipywidgets as widgets

    neuron_output(_X[:1], w, b, activation)  # checks the activation name
    fig, ax = new_figure(5.8, 3.4)
    artists = _neuron_axes(ax, x0, activation)
    fig.tight_layout()
    freeze_layout(fig)  # the legend is the HTML key under the caption: no per-draw layout
    blitter = Blitter(fig, _moving(artists))
    caption = widgets.HTML()

    controls = {
        "w": mark_main(float_slider("w", w, -4.0, 4.0)),
        "b": float_slider("b", b, -4.0, 4.0),
        "x0": float_slider("x0", x0, -5.0, 5.0),
        "activation": widgets.Dropdown(
            options=list(ACTIVATION_CHOICES), value=activation, description="activation"
        ),
    }

    def update(w=None, b=None, x0=None, activation=None):
        given = {"w": w, "b": b, "x0": x0, "activation": activation}
        v = {k: controls[k].value if given[k] is None else given[k] for k in given}
        _show_neuron(artists, v["w"], v["b"], v["x0"], v["activation"])
        blitter.update(v["activation"])  # the activation sets the y-range and its ticks
        caption.value = neuron_caption(v["w"], v["b"], v["x0"], v["activation"]) + f"<br>{_KEY}"

    for widget in controls.values():
        widget.observe(lambda _change: update(), names="value")
    update()
    box = explorer_box("neuron", list(controls.values()), fig, caption)
    box.update = update
    box.caption = caption
    box.controls = controls
    box.artists = {k: artists[k] for k in ("curve", "point", "midline", "title")}
    return box


@checked(activation=choice(*ACTIVATION_CHOICES))
def neuron_static(activation: str = "sigmoid"):
    r"""Two panels: the bias shifts the curve (b = -2, 0, 2), the weight sets its steepness
    (w = 0.5, 1, 4).

    .. math:: a = f(w x + b), \text{ midpoint at } x = -b/w

    Returns a matplotlib Figure.
    """
    import matplotlib.pyplot as plt

    neuron_output(_X[:1], 1.0, 0.0, activation)
    with plt.ioff():
        fig, (left, right) = column_grid(2, 5.0, 3.4, sharey=True)
    colors = [COLORS["blue"], COLORS["orange"], COLORS["vermillion"]]
    f = _name(activation) or "f"
    for b, color in zip((-2.0, 0.0, 2.0), colors, strict=True):
        left.plot(_X, neuron_output(_X, 1.0, b, activation), color=color, label=f"b = {b:g}")
        left.axvline(-b, color=color, ls="--", lw=1)
    left.set_title(f"a = {f}(x + b): the bias shifts the curve\n(midpoint at x = −b)")
    for w, color in zip((0.5, 1.0, 4.0), colors, strict=True):
        right.plot(_X, neuron_output(_X, w, 0.0, activation), color=color, label=f"w = {w:g}")
    right.set_title(f"a = {f}(w·x): the weight sets the steepness\n(all cross the midpoint at 0)")
    for ax in (left, right):
        ax.set(xlabel="input x", ylim=_YLIM[activation], xlim=(_X[0], _X[-1]))
        ax.grid(True, alpha=0.3)
        ax.legend(loc="upper left", fontsize=9)
    left.set_ylabel("output a")
    fig.tight_layout()
    return fig
