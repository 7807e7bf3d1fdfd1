"""Pictures of fitting: a line with its squared errors, and a loss surface with a descent path.

``plot_line_fit`` draws each point's squared error as a real square in data units (equal
aspect), so the mean area of the squares is the MSE in the title. ``plot_loss_surface`` draws
contours of a loss of two parameters and an optimiser's path over them; a path that diverged
(NaN or inf) is drawn only up to its last finite point and the title says where it stopped.
Both have an ``update_*`` function that moves the same artists for sliders and animations.
"""

import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.patches import Rectangle

from course_lib._argspec import (
    AXES,
    BOOL,
    NUMBER,
    POSITIVE,
    TEXT,
    TEXTS,
    array,
    count,
    optional,
)
from course_lib._checked import checked

from .._validation import as_array, check_same_shape
from .style import COLORS, finite_prefix, get_ax, handles, store

__all__ = ["plot_line_fit", "update_line_fit", "plot_loss_surface", "update_loss_surface"]


def _line_title(slope: float, intercept: float, mse: float) -> str:
    sign = "+" if intercept >= 0 else "−"
    return f"MSE = {mse:.3g}   (ŷ = {slope:.3g}·x {sign} {abs(intercept):.3g})"


@checked(_finite=True, ax=optional(AXES), slope=NUMBER, intercept=NUMBER)
def plot_line_fit(x, y, slope, intercept, ax=None, legend=True):
    r"""Plot points, the line :math:`\hat y = a x + b`, and each squared error as a square.

    .. math:: \mathrm{MSE} = \frac{1}{N} \sum_{i=1}^{N} (\hat y_i - y_i)^2

    ``x`` and ``y`` have shape (N,). The square of point i has side :math:`|\hat y_i - y_i|`
    (its left edge is the vertical gap between point and line), so its area is the squared
    error. The axes keep equal aspect so squares look square. The legend sits outside the
    data, to the right of the Axes (``legend=False``: none, e.g. when a caption gives the key).
    Returns the Axes; ``update_line_fit`` moves the line and resizes the same squares.
    """
    func = "plot_line_fit"
    x = as_array(func, "x", x, ndim=1)
    y = as_array(func, "y", y, ndim=1)
    check_same_shape(func, "x", x, "y", y)
    ax = get_ax(ax, (5.0, 4.5))
    squares = []
    for k in range(len(x)):
        sq = Rectangle(
            (x[k], y[k]),
            0.0,
            0.0,
            # a light fill and a solid outline: where many squares overlap (a bad line) each
            # one stays visible instead of the fills adding up to one blob
            facecolor=to_rgba(COLORS["error"], 0.12),
            edgecolor="#A66F00",  # a darker shade of COLORS["error"], for the outlines
            lw=1.2,
            zorder=1,
            label="squared error (ŷ − y)²" if k == 0 else None,
        )
        ax.add_patch(sq)
        squares.append(sq)
    points = ax.scatter(x, y, color=COLORS["data"], zorder=3, label="data y")
    line = ax.plot([], [], color=COLORS["model"], zorder=2, label="model ŷ")[0]
    span = max(float(np.ptp(x)), float(np.ptp(y)), 1.0)
    ax.set_xlim(x.min() - 0.15 * span, x.max() + 0.15 * span)
    ax.set_ylim(y.min() - 0.15 * span, y.max() + 0.15 * span)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.grid(True)
    if legend:  # outside the data: inside, some corner always hides points or squares
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0, fontsize=8)
    title = ax.set_title("")
    store(ax, "line_fit", points=points, line=line, squares=squares, title=title, x=x, y=y)
    return update_line_fit(ax, slope, intercept)


@checked(ax=AXES, slope=NUMBER, intercept=NUMBER)
def update_line_fit(ax, slope, intercept):
    r"""Move the line of a ``plot_line_fit`` Axes to slope ``a``, intercept ``b``; resize squares.

    The title is recomputed: :math:`\mathrm{MSE} = \frac{1}{N}\sum_i (a x_i + b - y_i)^2`.
    """
    func = "update_line_fit"
    arts = handles(ax, "line_fit", func)
    a = float(as_array(func, "slope", slope, ndim=0))
    b = float(as_array(func, "intercept", intercept, ndim=0))
    x, y = arts["x"], arts["y"]
    y_hat = a * x + b
    r = y_hat - y
    for k, sq in enumerate(arts["squares"]):
        side = abs(r[k])
        sq.set_bounds(x[k], min(y[k], y_hat[k]), side, side)
    x0, x1 = ax.get_xlim()
    arts["line"].set_data([x0, x1], [a * x0 + b, a * x1 + b])
    mse = float(np.mean(r**2))
    arts["title"].set_text(_line_title(a, b, mse))
    arts["mse"] = mse
    return ax


# ---- loss surfaces --------------------------------------------------------------------------


def _evaluate_grid(func, value_fn, bounds, resolution):
    lo0, hi0, lo1, hi1 = as_array(func, "bounds", bounds, ndim=1)
    w0 = np.linspace(lo0, hi0, resolution)
    w1 = np.linspace(lo1, hi1, resolution)
    W0, W1 = np.meshgrid(w0, w1)
    try:
        with np.errstate(all="ignore"):
            L = np.asarray(value_fn(W0, W1), dtype=np.float64)
    except (TypeError, ValueError):
        L = None
    if L is None or L.shape != W0.shape:  # not vectorised: one call per grid point
        try:
            with np.errstate(all="ignore"):
                L = np.array([[float(value_fn(a, b)) for a in w0] for b in w1])
        except (TypeError, ValueError):
            raise TypeError(
                f"{func}: value_fn(w0, w1) should return one number per point (or an array "
                "shaped like w0 for arrays); it returned something else."
            ) from None
    return w0, w1, L


def _levels(L: np.ndarray, levels, log_levels):
    """Contour levels: ``levels`` values, or n levels, log-spaced above the minimum if it helps."""
    if not np.isscalar(levels):
        return np.asarray(levels, dtype=np.float64), False
    finite = L[np.isfinite(L)]
    lo, hi = float(finite.min()), float(finite.max())
    if hi - lo <= 0:
        return np.array([lo - 1.0, lo + 1.0]), True
    median_gap = float(np.median(finite - lo))
    if log_levels is None:  # most of the picture is low, a few walls are steep: log spacing
        log_levels = median_gap > 0 and (hi - lo) > 5 * median_gap
    if log_levels:
        rest = lo + np.geomspace((hi - lo) * 1e-4, hi - lo, int(levels) - 1)
        return np.concatenate([[lo], rest]), False
    return np.linspace(lo, hi, int(levels)), False


def _surface_grid(value_fn_or_surface, bounds, resolution: int):
    """``(value_fn, w0, w1, L)`` for ``plot_loss_surface``: the function evaluated on its grid,
    or the given tuple ``(w0, w1, L)`` checked (``value_fn`` is then None). L: (n1, n0)."""
    func = "plot_loss_surface"
    if callable(value_fn_or_surface):
        value_fn = value_fn_or_surface
        w0, w1, L = _evaluate_grid(func, value_fn, bounds, resolution)
    else:
        value_fn = None
        try:
            w0, w1, L = value_fn_or_surface
        except (TypeError, ValueError):
            raise TypeError(
                f"{func}: pass a function value_fn(w0, w1) or a tuple (w0, w1, L)."
            ) from None
        w0 = as_array(func, "w0", w0, ndim=1)
        w1 = as_array(func, "w1", w1, ndim=1)
        L = as_array(func, "L", L, ndim=2, finite=False)
        if L.shape != (len(w1), len(w0)):
            raise ValueError(
                f"{func}: L has shape {L.shape}; expected (len(w1), len(w0)) = "
                f"{(len(w1), len(w0))}, one row per w1 value, as np.meshgrid gives."
            )
    if not np.any(np.isfinite(L)):
        raise ValueError(f"{func}: the loss is NaN or inf everywhere in bounds={tuple(bounds)}.")
    return value_fn, w0, w1, L


@checked(
    path=optional(array(ndim=2, finite=False)),
    ax=optional(AXES),
    levels=count(2),
    resolution=count(2),
    lr=optional(POSITIVE),
    labels=TEXTS,
    log_levels=optional(BOOL),
)
def plot_loss_surface(
    value_fn_or_surface,
    path=None,
    ax=None,
    bounds=(-3.0, 3.0, -3.0, 3.0),
    levels=20,
    log_levels=None,
    resolution=120,
    lr=None,
    labels=("w₀", "w₁"),
):
    r"""Draw filled contours of a loss :math:`L(w_0, w_1)` and, optionally, a descent path.

    ``value_fn_or_surface`` is either a function ``value_fn(w0, w1)`` (called once on the
    (resolution, resolution) meshgrid arrays, or point by point if it is not vectorised) or a
    tuple ``(w0, w1, L)`` with w0 of shape (n0,), w1 of shape (n1,) and L of shape (n1, n0).
    ``bounds`` = (w0_min, w0_max, w1_min, w1_max). ``levels`` is a count or the level values;
    ``log_levels=None`` picks log spacing above the minimum when a few steep walls would
    otherwise take every level. Non-finite loss values are masked.
    ``path`` has shape (T, 2): the parameters after each step of
    :math:`\theta_{t+1} = \theta_t - \eta \nabla L(\theta_t)`. ``lr`` (η) goes into the title.
    Returns the Axes; ``update_loss_surface`` redraws the path in place.
    """
    value_fn, w0, w1, L = _surface_grid(value_fn_or_surface, bounds, resolution)
    ax = get_ax(ax, (5.0, 4.5))
    lv, constant = _levels(L, levels, log_levels)
    Lm = np.ma.masked_invalid(L)
    filled = ax.contourf(w0, w1, Lm, levels=lv, cmap="viridis", alpha=0.85, zorder=0)
    lines = (
        None
        if constant
        else ax.contour(w0, w1, Lm, levels=lv, colors="white", linewidths=0.5, alpha=0.6, zorder=1)
    )
    path_line = ax.plot([], [], "-o", color=COLORS["path"], ms=3, lw=1.5, zorder=3)[0]
    start = ax.plot([], [], "o", color=COLORS["start"], ms=9, mec="white", zorder=4, label="start")[
        0
    ]
    end = ax.plot([], [], "X", color=COLORS["end"], ms=10, mec="white", zorder=5, label="end")[0]
    ax.set_xlim(w0[0], w0[-1])
    ax.set_ylim(w1[0], w1[-1])
    ax.set_xlabel(labels[0])
    ax.set_ylabel(labels[1])
    title = ax.set_title("")
    store(
        ax,
        "loss_surface",
        filled=filled,
        lines=lines,
        path=path_line,
        start=start,
        end=end,
        title=title,
        value_fn=value_fn,
        grid_min=float(np.nanmin(L[np.isfinite(L)])),
    )
    return update_loss_surface(ax, path, lr=lr)


@checked(
    ax=AXES, path=optional(array(ndim=2, finite=False)), lr=optional(POSITIVE), title=optional(TEXT)
)
def update_loss_surface(ax, path, lr=None, title=None):
    """Redraw the path (shape (T, 2), or None for no path) of a ``plot_loss_surface`` Axes.

    The path is cut before its first non-finite point. The title (unless given) says how
    many steps are shown, the loss at the last point (if the loss is a function) and ``lr``.
    """
    func = "update_loss_surface"
    arts = handles(ax, "loss_surface", func)
    head = "" if lr is None else f"η = {float(lr):.3g}: "
    if path is None:
        P, bad = np.empty((0, 2)), None
    else:
        P = as_array(func, "path", path, ndim=2, finite=False, allow_empty=True)
        if P.shape[1] != 2:
            raise ValueError(
                f"{func}: path has shape {P.shape}; expected (T, 2), one row per step."
            )
        P, bad = finite_prefix(P)
    arts["path"].set_data(P[:, 0], P[:, 1])
    arts["start"].set_data(P[:1, 0], P[:1, 1])
    arts["end"].set_data(P[-1:, 0], P[-1:, 1])
    if title is None:
        if len(P) == 0:
            title = f"{head}loss surface (lowest on grid ≈ {arts['grid_min']:.3g})"
        else:
            title = f"{head}{len(P) - 1} steps"
            if arts["value_fn"] is not None:
                with np.errstate(all="ignore"):
                    loss = float(arts["value_fn"](P[-1, 0], P[-1, 1]))
                title += f", L = {loss:.3g}" if np.isfinite(loss) else ", L undefined here"
            if bad is not None:
                title += f"; diverged (NaN/inf) at step {bad}"
    arts["title"].set_text(title)
    return ax
