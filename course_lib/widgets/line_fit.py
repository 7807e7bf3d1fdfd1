"""Lesson 4 explorer: fit a line by hand and watch the squared errors.

Slope (main) and intercept sliders move the line ``ŷ = m x + c``; each point's squared error is
drawn as a real square (``plotting.plot_line_fit`` / ``update_line_fit``), so the mean area of
the squares is the MSE in the caption: ``MSE = (1/N) Σ (ŷᵢ − yᵢ)²`` (squared, then averaged).
The least-squares line (``demos.line_fit.best_fit_line``, via ``np.linalg.lstsq``) is drawn
dashed with its MSE in the caption, as the score to beat. Default data: ``datasets.make_line``
with a seeded generator.

A slider move redraws only what moves (``plotting.figure_updates.Blitter``): the squares, the
two lines and the points, over a kept picture of the grid and the tick labels. The grid lies
under the squares, and the axes frame is redrawn with them, so that a blitted frame is the
picture a full draw gives (the points stay on top). The numbers (line, MSE) and the key are
HTML in the caption, not text on the canvas (the title ``plot_line_fit`` writes is hidden: each
glyph would cost on every move), and the figure is only as wide as the equal-aspect plot needs.
"""

import numpy as np

from course_lib._argspec import NUMBER, array, optional
from course_lib._checked import checked
from course_lib._validation import as_array
from course_lib.demos.line_fit import best_fit_line, line_predictions
from course_lib.plotting import COLORS, plot_line_fit, update_line_fit
from course_lib.plotting.figure_updates import Blitter, freeze_layout
from course_lib.widgets._base import explorer_box, float_slider, mark_main, new_figure
from course_lib.widgets._fast import color_key
from course_lib.widgets._layout import column_grid

__all__ = ["line_fit_explorer", "line_fit_static", "line_data"]


@checked(x=optional(array(ndim=1)), y=optional(array(ndim=1)))
def line_data(x=None, y=None) -> tuple[np.ndarray, np.ndarray]:
    r"""The points to fit: the given ``x``, ``y`` (N,), or 20 noisy points near y = 2x + 1.

    .. math:: y_i = 2 x_i + 1 + \varepsilon_i, \quad \varepsilon_i \sim \mathcal N(0, 0.4^2)

    Defaults come from ``datasets.make_line`` with ``np.random.default_rng(0)``. An x of shape
    (N, 1) is flattened to (N,). Returns ``(x, y)``, both (N,).
    """
    if x is None and y is None:
        from course_lib.datasets import make_line

        x, y = make_line(20, slope=2.0, intercept=1.0, noise=0.4, rng=np.random.default_rng(0))
    elif x is None or y is None:
        raise ValueError(
            "line_fit_explorer: pass both x and y (one number each per point), "
            "or neither for the default data."
        )
    x = as_array("line_fit_explorer", "x", x, ndim=(1, 2))
    if x.ndim == 2 and x.shape[1] == 1:
        x = x[:, 0]
    y = as_array("line_fit_explorer", "y", y, ndim=1)
    best_fit_line(x, y)  # checks the shapes and that x is not constant
    return x, y


def _best_line(ax, x, slope, intercept):
    lo, hi = float(x.min()), float(x.max())
    pad = 0.5 * (hi - lo)
    xs = np.array([lo - pad, hi + pad])
    return ax.plot(
        xs,
        slope * xs + intercept,
        ls="--",
        lw=1.2,
        color=COLORS["grey"],
        label="least squares",
        zorder=1,
    )[0]


def _centred_slider(name: str, value: float, centre: float):
    """A slider three units either side of the best value, so the best line is always reachable."""
    return float_slider(name, value, round(centre - 3.0, 1), round(centre + 3.0, 1), step=0.05)


@checked(x=optional(array(ndim=1)), y=optional(array(ndim=1)), slope=NUMBER, intercept=NUMBER)
def line_fit_explorer(x=None, y=None, slope: float = 0.5, intercept: float = 0.0):
    r"""Slope and intercept sliders move a line over the data; squares show each squared error.

    .. math:: \hat y_i = m x_i + c, \qquad \mathrm{MSE} = \frac1N \sum_i (\hat y_i - y_i)^2

    x, y: (N,) data (default: 20 seeded points near y = 2x + 1); slope, intercept: start values.
    The slider ranges are centred on the least-squares line. ``box.update(slope,
    intercept=None)`` redraws (None keeps the slider value).
    """
    import ipywidgets as widgets

    x, y = line_data(x, y)
    m_best, c_best, mse_best = best_fit_line(x, y)
    fig, ax = new_figure(3.0, 3.9)  # the equal-aspect data box is taller than wide
    plot_line_fit(x, y, slope, intercept, ax=ax)
    best = _best_line(ax, x, m_best, c_best)
    ax.get_legend().remove()  # the key is HTML under the caption: a legend box is a slow draw
    ax.set_axisbelow(True)  # the grid under the squares, in the kept picture
    ax.title.set_visible(False)  # the caption gives the line and its MSE
    key = color_key(
        [
            (COLORS["data"], "●", "data y"),
            (COLORS["model"], "━", "your line ŷ"),
            (COLORS["error"], "■", "squared error (ŷ − y)²"),
            (COLORS["grey"], "╌", "least squares"),
        ]
    )
    fig.tight_layout()
    freeze_layout(fig)
    arts = ax.course_artists  # in the order a full draw paints them (zorder)
    moving = [*arts["squares"], best, arts["line"], *ax.spines.values(), arts["points"]]
    blitter = Blitter(fig, moving)
    caption = widgets.HTML()

    controls = {
        "slope": mark_main(_centred_slider("slope", slope, m_best)),
        "intercept": _centred_slider("intercept", intercept, c_best),
    }

    def update(slope=None, intercept=None):
        m = controls["slope"].value if slope is None else float(slope)
        c = controls["intercept"].value if intercept is None else float(intercept)
        update_line_fit(ax, m, c)
        blitter.update()  # the picture goes out first, then the caption
        _, err = line_predictions(x, y, m, c)
        caption.value = (
            f"Your line ŷ = {m:.2f}·x {'+' if c >= 0 else '−'} {abs(c):.2f}: MSE = <b>{err:.3g}</b>"
            f" (mean area of the {len(x)} squares).<br>Least squares (dashed): ŷ = {m_best:.2f}·x "
            f"{'+' if c_best >= 0 else '−'} {abs(c_best):.2f}, MSE = {mse_best:.3g}; yours is "
            f"{err - mse_best:.3g} above it.<br>{key}"
        )
        state["mse"] = err

    state = {"best": (m_best, c_best, mse_best)}
    for widget in controls.values():
        widget.observe(lambda _change: update(), names="value")
    update()
    box = explorer_box("line_fit", list(controls.values()), fig, caption)
    box.update = update
    box.caption = caption
    box.controls = controls
    box.state = state
    box.axes = ax
    return box


@checked(x=optional(array(ndim=1)), y=optional(array(ndim=1)))
def line_fit_static(x=None, y=None):
    r"""A bad line, a better one and the least-squares line, each with its squares and MSE.

    .. math:: \mathrm{MSE} = \frac1N \sum_i (\hat y_i - y_i)^2

    Returns a matplotlib Figure with three panels (titles give each MSE).
    """
    import matplotlib.pyplot as plt

    x, y = line_data(x, y)
    m_best, c_best, _ = best_fit_line(x, y)
    cases = [
        ("bad", 0.0, float(np.mean(y)) - 1.0),
        ("better", 0.6 * m_best, c_best + 0.3),
        ("best (least squares)", m_best, c_best),
    ]
    with plt.ioff():
        fig, axes = column_grid(3, 3.6, 3.4, layout="constrained")
    for ax, (name, m, c) in zip(axes, cases, strict=True):
        plot_line_fit(x, y, m, c, ax=ax, legend=False)
        _, err = line_predictions(x, y, m, c)
        ax.set_title(
            f"{name}: MSE = {err:.3g}\nŷ = {m:.2f}·x {'+' if c >= 0 else '−'} {abs(c):.2f}",
            fontsize=10,
        )
    handles, labels = axes[0].get_legend_handles_labels()  # one key for all three panels
    fig.legend(handles, labels, loc="outside lower center", ncols=len(labels), fontsize=9)
    return fig
