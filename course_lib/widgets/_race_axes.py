"""The optimizer race's settings, problems and axes: everything but the widget itself.

``COLORS`` (one per racer), ``X_AXES`` (axis labels), ``PROBLEMS`` (caption text), the tuned
``DEFAULT_LRS`` and ``NUM_STEPS``; ``x_values`` and ``x_scale`` put a run's loss curve against
steps, examples seen or seconds (a symlog scale for the last two), and ``rescale`` also fits the
loss axis to the runs; ``race_summary`` writes the caption that is also the legend. The race
tracks come from ``demos.optimizer_race.make_problem``.

Shapes: a run's curves (``demos.optimizer_race.RaceRun``) are ``(K+1,)``, start included;
``x_values`` returns the same shape.

Limits: matplotlib is imported inside ``x_scale`` only; no ipywidgets here.
"""

import numpy as np

from course_lib.widgets._fast import fixed_ticks, nice_ticks

COLORS = {  # Okabe-Ito (plotting.PALETTE), like the rest of the course; all stand out on viridis
    "GD": "#000000",
    "SGD": "#E69F00",
    "mini-batch": "#56B4E9",
    "momentum": "#CC79A7",
    "Adam": "#D55E00",
}
X_AXES = {  # axis labels: the scale is part of the label
    "steps": "step",
    "examples seen": "examples seen (log scale)",
    "seconds": "seconds of training (log scale)",
}
PROBLEMS = {  # said in the caption
    "surface": "least squares, condition number 10; y-axis: excess loss L(w) − L(w*), log scale",
    "network": "MLP 2-16-16-2 on moons; y-axis: full-data loss, log scale",
}
# Learning rates found by tune_learning_rates with its default grid, 100 steps, seed 0.
DEFAULT_LRS = {
    "surface": {"GD": 1.0, "SGD": 0.316, "mini-batch": 0.316, "momentum": 0.0316, "Adam": 0.316},
    "network": {"GD": 1.0, "SGD": 0.1, "mini-batch": 1.0, "momentum": 0.1, "Adam": 0.1},
}
NUM_STEPS = {"surface": 100, "network": 100}


def x_values(run, x_axis: str) -> np.ndarray:
    """The x coordinates of a run's loss curve: steps, examples seen or seconds, ``(len,)``."""
    if x_axis == "steps":
        return np.arange(len(run.losses), dtype=float)
    if x_axis == "examples seen":
        return run.examples
    if x_axis == "seconds":
        return run.seconds
    raise ValueError(f"optimizer_race: x_axis should be one of {list(X_AXES)}, got {x_axis!r}.")


SYMLOG_LINSCALE = 0.5  # width of the linear part (0 to linthresh), in decades


def x_scale(ax, x_axis: str, runs, native: bool = False):
    """Set the x scale, label, limits and ticks of a loss Axes for ``x_axis``.

    Steps are linear. Examples seen and seconds span decades, so they get a symlog scale
    (linear from 0 up to ``linthresh``, logarithmic above): the start (0) stays visible and
    SGD's first 100 examples are not squashed against GD's thousands. ``linthresh`` is one
    example, or the shortest first step's time. Ticks: 0 and at most two powers of ten.

    ``native=True`` (static figures) sets matplotlib's symlog scale. Otherwise (explorer) the
    axis stays linear and the caller plots ``to_axis(x)``: the same symlog map applied once in
    NumPy, with fixed ticks at the mapped places labelled with the real values, so a redraw
    runs no non-affine transform and no tick locator. Returns ``to_axis`` (x -> axis x).
    """
    from matplotlib.scale import SymmetricalLogTransform
    from matplotlib.ticker import FixedFormatter, FixedLocator, NullLocator

    xs = [x_values(r, x_axis) for r in runs]
    xmax = max(max(float(x[-1]) for x in xs), 1e-9)
    ax.set_xlabel(X_AXES[x_axis])
    if x_axis == "steps":
        ax.set_xscale("linear")
        ax.set_xlim(0.0, 1.02 * xmax)
        ticks = nice_ticks(0, 1.02 * xmax, n=2)
        to_axis = np.asarray
    else:
        xmax *= 1.3
        firsts = [float(x[1]) for x in xs if len(x) > 1 and x[1] > 0]
        linthresh = 1.0 if x_axis == "examples seen" else (min(firsts) if firsts else 1e-3)
        if native:
            ax.set_xscale("symlog", linthresh=linthresh, linscale=SYMLOG_LINSCALE)
            ax.set_xlim(0.0, xmax)
            return np.asarray
        transform = SymmetricalLogTransform(10, linthresh, SYMLOG_LINSCALE)

        def to_axis(x):
            return transform.transform_non_affine(np.asarray(x, dtype=float))

        top = int(np.floor(np.log10(xmax)))
        above = [10.0**e for e in range(top, top - 4, -2) if 10.0**e > linthresh]
        ticks = [0.0, *sorted(above)]  # 0, then every other power of ten from the top
        ax.set_xscale("linear")
        ax.set_xlim(0.0, float(to_axis([xmax])[0]))
    if not native:
        ax.xaxis.set_major_locator(FixedLocator(list(to_axis(ticks))))
        ax.xaxis.set_major_formatter(FixedFormatter([f"{t:g}" for t in ticks]))
        ax.xaxis.set_minor_locator(NullLocator())
    return to_axis


def rescale(ax_loss, x_axis: str, runs: dict, floor: float):
    """New limits, and new fixed ticks for them (no locator runs at draw time).

    The loss axis (log scale) spans the runs' losses (at least ``floor``) with a margin,
    rounded out to half decades: a new rate then rarely moves the limits, so the explorer can
    keep its picture of the axes (``figure_updates.Blitter``).
    Returns ``(to_axis, key)``: the map raw x (steps, examples, seconds) -> the axis's x, and
    a key naming everything the axes show besides the curves (limits, ticks, labels).
    """
    to_axis = x_scale(ax_loss, x_axis, runs.values())
    lo = min(np.min(r.losses) for r in runs.values())
    hi = max(np.max(r.losses) for r in runs.values())
    lo_half, hi_half = 2 * np.log10([max(lo, floor), max(hi, floor)])  # in half decades
    y0, y1 = 10.0 ** (np.floor(lo_half - 0.5) / 2), 10.0 ** (np.ceil(hi_half + 0.5) / 2)
    ax_loss.set_ylim(y0, y1)
    fixed_ticks(ax_loss, y=nice_ticks(y0, y1, log=True, n=2))
    labels = getattr(ax_loss.xaxis.get_major_formatter(), "seq", None)
    key = (x_axis, ax_loss.get_xlim(), (y0, y1), tuple(ax_loss.get_xticks()), tuple(labels or ()))
    return to_axis, key


def _swatch(name: str) -> str:
    """The racer's name after a line in its colour: the figure's legend lives in the caption."""
    return f"<span style='color:{COLORS[name]}'>━</span>&nbsp;{name}"


def race_summary(runs: dict, step: int) -> str:
    """One line per racer at ``step``: its loss there (or where it diverged), then the leader.

    Each name follows a line in its curve's colour, so the caption is also the legend.
    """
    parts, best = [], (np.inf, None)
    for name, run in runs.items():
        if run.diverged_at is not None and step >= run.diverged_at:
            parts.append(f"{_swatch(name)} (η={run.lr:.3g}) diverged at step {run.diverged_at}")
            continue
        loss = run.losses[min(step, len(run.losses) - 1)]
        parts.append(f"{_swatch(name)} (η={run.lr:.3g}) {loss:.3g}")
        best = min(best, (loss, name), key=lambda t: t[0])
    lead = f"lowest loss: <b>{best[1]}</b>" if best[1] else "every optimizer diverged"
    return f"At step {step}: " + "; ".join(parts) + f". {lead}."
