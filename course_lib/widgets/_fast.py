"""Cheap full redraws for the explorers: few tick labels, a frozen layout, keys as HTML.

A slider event costs one full Agg draw of the figure (ipympl's ``draw_idle`` re-renders
everything and sends a PNG). Profiling shows that text dominates that draw: each tick label
costs about as much as a whole line of 1000 points, and every draw also re-measures the tick
labels to place the axis labels and the title, and lays out the legend box again. So:

- ``fixed_ticks`` puts a few labelled ticks at fixed places and removes minor ticks
  (``nice_ticks`` chooses them once when the limits change; ``freeze_ticks`` pins the ticks an
  Axes shows now);
- ``freeze_layout`` (``plotting.figure_updates``) computes the layout once (at build time),
  then pins the titles and axis labels where it put them and turns the layout engine off, so
  later draws measure nothing;
- ``color_key`` writes a legend as HTML (for the caption under the figure), which costs the
  canvas nothing. The same goes for any text that changes with a slider (rate, loss, step):
  each glyph costs on every draw, so the explorers say such things in their HTML captions.

Nothing here changes global state (no rcParams); it only touches the figure it is given.
"""

import numpy as np
from matplotlib.ticker import FixedLocator, MaxNLocator, NullLocator

__all__ = ["fixed_ticks", "color_key", "freeze_ticks", "nice_ticks"]


def fixed_ticks(ax, x=None, y=None) -> None:
    """Label only the ticks ``x`` (x-axis) and ``y`` (y-axis) of ``ax``; no minor ticks.

    ``None`` leaves that axis's major ticks as they are; minor ticks are removed on both.
    """
    if x is not None:
        ax.xaxis.set_major_locator(FixedLocator(list(x)))
    if y is not None:
        ax.yaxis.set_major_locator(FixedLocator(list(y)))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.yaxis.set_minor_locator(NullLocator())


def color_key(items) -> str:
    """A one-line HTML legend: ``items`` are ``(color, mark, label)``, e.g. ``("red", "━", "fit")``.

    The mark is drawn in the colour (a line "━", a dashed line "╌", a dot "●", a square "■").
    """
    parts = [
        f"<span style='color:{color}'>{mark}</span>&nbsp;{label}" for color, mark, label in items
    ]
    return "<span style='font-size:90%'>" + " &nbsp; ".join(parts) + "</span>"


def freeze_ticks(ax) -> None:
    """Pin the ticks ``ax`` shows now (its locators' choice for the current limits).

    For an Axes whose limits will not change: later draws then run no tick locator.
    """
    for axis in (ax.xaxis, ax.yaxis):
        lo, hi = sorted(axis.get_view_interval())
        ticks = [t for t in axis.get_majorticklocs() if lo <= t <= hi]
        axis.set_major_locator(FixedLocator(ticks))
        axis.set_minor_locator(NullLocator())


def nice_ticks(lo: float, hi: float, log: bool = False, n: int = 3) -> list:
    """At most ``n`` round tick values inside ``[lo, hi]``: decades if ``log``, else 1-2-5 steps.

    Computed once when the limits change, then set with ``fixed_ticks``, so no locator runs
    at draw time. A log range narrower than a decade gets its nearest decade-rounded values.
    """
    if log:
        a, b = int(np.ceil(np.log10(lo))), int(np.floor(np.log10(hi)))
        if b < a:  # no power of ten inside: one 1-2-5 value near the middle
            return nice_ticks(lo, hi, log=False, n=2)
        ticks = [10.0**e for e in range(a, b + 1)]
    else:
        ticks = [
            t for t in MaxNLocator(n, steps=[1, 2, 5, 10]).tick_values(lo, hi) if lo <= t <= hi
        ]
    return ticks[:: int(np.ceil(len(ticks) / n))] if ticks else ticks
