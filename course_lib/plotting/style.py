"""Colours and the opt-in course style, plus small private helpers shared by the plot modules.

Nothing here runs at import time: ``use_course_style()`` changes matplotlib's ``rcParams``
only when a learner calls it, and it can undo itself (``with use_course_style(): ...``).
The palette is Okabe & Ito's eight colours, which stay distinct for the common kinds of
colour blindness; diverging data (weights with a sign) use a blue-to-red map.
"""

import matplotlib as mpl
import numpy as np
from cycler import cycler

__all__ = [
    "PALETTE",
    "COLORS",
    "COLUMN_WIDTH",
    "DIVERGING_CMAP",
    "SEQUENTIAL_CMAP",
    "use_course_style",
]

#: Okabe-Ito colours, in the order the property cycle uses them.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

#: Named colours, by hue and by role, so every notebook paints the same thing the same way.
COLORS = {
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "green": "#009E73",
    "orange": "#E69F00",
    "purple": "#CC79A7",
    "sky": "#56B4E9",
    "yellow": "#F0E442",
    "black": "#000000",
    "grey": "#8C8C8C",
    # roles
    "data": "#0072B2",  # observed points
    "model": "#D55E00",  # the model's line / prediction
    "error": "#E69F00",  # residuals and squared errors
    "path": "#000000",  # an optimiser's path
    "start": "#009E73",
    "end": "#D55E00",
    "highlight": "#F0E442",  # the row / column / cell being talked about
    "highlight_strong": "#E69F00",
    "wrong": "#D55E00",  # a wrong prediction
    "right": "#009E73",
}

#: Widest figure, in inches at matplotlib's 100 dpi: the notebook column of JupyterLab at a
#: 1024×768 window with the file browser open is 592 CSS px. A wider live (ipympl) figure is cut
#: off; a wider picture is shrunk, and its text with it.
COLUMN_WIDTH = 5.8

DIVERGING_CMAP = "RdBu_r"  # negative blue, zero white, positive red
SEQUENTIAL_CMAP = "Blues"

_COURSE_RC = {
    "axes.prop_cycle": cycler(color=PALETTE),
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "figure.titlesize": 13,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "grid.alpha": 0.3,
    "lines.linewidth": 2.0,
    "image.cmap": "viridis",
}


class _StyleHandle:
    """The style is on; ``restore()`` or the end of a ``with`` block puts the old settings back."""

    def __init__(self, saved: dict):
        self._saved = saved

    def restore(self) -> None:
        mpl.rcParams.update(self._saved)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.restore()


def use_course_style() -> _StyleHandle:
    """Switch matplotlib to the course style: colour-blind-safe colours, readable font sizes.

    Changes ``matplotlib.rcParams`` now (and only now). Use it either once at the top of a
    notebook, ``use_course_style()``, or for one figure, ``with use_course_style(): ...``,
    which puts the previous settings back at the end of the block.
    """
    saved = {key: mpl.rcParams[key] for key in _COURSE_RC}
    mpl.rcParams.update(_COURSE_RC)
    return _StyleHandle(saved)


# ---- private helpers used by the plot modules -------------------------------------------


def get_ax(ax, figsize=(5.0, 4.0)):
    """Return ``ax``, or a new Axes on a new (pyplot) figure when ``ax`` is None.

    A ``figsize`` wider than ``COLUMN_WIDTH`` is scaled down (aspect kept) to fit the column.
    """
    if ax is None:
        import matplotlib.pyplot as plt

        shrink = min(1.0, COLUMN_WIDTH / figsize[0])
        figsize = (figsize[0] * shrink, figsize[1] * shrink)
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def store(ax, kind: str, **artists) -> dict:
    """Keep the artists an update function will change on ``ax.course_artists``."""
    ax.course_artists = {"kind": kind, **artists}
    return ax.course_artists


def handles(ax, kind: str, func: str) -> dict:
    """Return ``ax.course_artists`` if ``ax`` was drawn by ``plot_<kind>``, else raise."""
    arts = getattr(ax, "course_artists", None)
    if not isinstance(arts, dict) or arts.get("kind") != kind:
        raise ValueError(
            f"{func}: this Axes was not drawn by plot_{kind}. Call plot_{kind}(...) first and "
            "pass the Axes it returns."
        )
    return arts


def finite_prefix(points: np.ndarray):
    """Return the rows of ``points`` before the first non-finite one, and that row's index.

    The index is None when every row is finite. Used to stop a path where it diverged,
    so no NaN or inf is ever handed to matplotlib.
    """
    pts = np.asarray(points, dtype=np.float64)
    ok = np.isfinite(pts.reshape(len(pts), -1)).all(axis=1)
    bad = np.flatnonzero(~ok)
    if bad.size == 0:
        return pts, None
    return pts[: bad[0]], int(bad[0])


def fmt_value(v: float, fmt=None) -> str:
    """Format one number for a cell: whole numbers without decimals, others with 3 digits."""
    if fmt is not None:
        return fmt(v) if callable(fmt) else fmt.format(v)
    if float(v).is_integer() and abs(v) < 1e6:
        return str(int(v))
    return f"{v:.3g}"
