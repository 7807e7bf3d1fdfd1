"""Lesson 4's loss pictures drawn once, so that a slider move or a Play frame moves only a few
artists: the saturation explorer's axes and the loss race's panels (``widgets.loss_curves``).

- ``NAMES`` and ``RUN_COLORS``: each loss's name and colour, keyed like the runs of
  ``demos.loss_curves.compare_losses`` (``"mse"``, ``"binary_cross_entropy"``), which
  ``check_runs`` checks for;
- ``plain_log_ticks(ax)``: plain-number ticks on a log y-axis, no minor ticks (fast to lay out);
- ``saturation_axes(left, right, zs)``: both losses (left) and their slopes (right) against the
  weighted sum z, with a point on each curve; ``show_target`` sets the curves for a target y;
- ``race_panels(axes, x, y, xs)``: the data, the 0.5 line and each run's curve and title;
  ``race_numbers`` says where a run is at a step, ``race_caption`` says it for both runs in HTML.

The moving artists (points, curves, texts) are drawn on top of everything else they overlap,
so that an explorer can redraw only them over a kept picture of the rest
(``plotting.figure_updates.Blitter``) and get the picture a full draw gives.

Shapes: ``zs`` and ``xs`` are (K,) grids, ``x`` and ``y`` the (N,) data. Limits: no ipywidgets,
no compute beyond ``demos.loss_curves.logit_gradients``.
"""

import numpy as np

from course_lib.demos.loss_curves import logit_gradients
from course_lib.plotting.style import COLORS
from course_lib.widgets._fast import fixed_ticks

NAMES = {"mse": "mean squared error", "binary_cross_entropy": "cross-entropy"}
RUN_COLORS = {"mse": COLORS["vermillion"], "binary_cross_entropy": COLORS["blue"]}
SLOPE_FLOOR = 1e-12  # slopes are drawn at least this high on the log axis (they can be 0)


def check_runs(func: str, runs) -> dict:
    """``runs`` if it is a dict of the two runs of ``compare_losses``, else a TypeError."""
    if not isinstance(runs, dict) or set(runs) != set(NAMES):
        raise TypeError(
            f"{func}: runs should be the dict returned by demos.loss_curves.compare_losses, "
            f"with keys {sorted(NAMES)}."
        )
    return runs


def plain_log_ticks(ax) -> None:
    """Plain-number ticks (0.001, not a mathtext 10⁻³) on ``ax``'s log y-axis, no minor ticks."""
    # Mathtext powers of ten are slow to lay out (a second or more per figure); plain numbers
    # read as well and draw fast. The 2..9 minor marks of every decade cost about 0.1 s per axis.
    from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator

    ax.yaxis.set_major_locator(LogLocator(base=10.0, numticks=6))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:g}"))
    ax.yaxis.set_minor_locator(NullLocator())


def saturation_axes(left, right, zs: np.ndarray) -> dict:
    """Both losses (left) and their slopes (right) over ``zs``, with a point on each curve.

    Returns the artists: lines ``bce``, ``mse``, ``bce_dz``, ``mse_dz``, their points
    (``*_point``) and the left ``title``. The points lie above the curves and the axes frame
    (zorder 3), so they alone move; ``show_target`` sets the curves and the title.
    """
    artists = {}
    for key, label in (("bce", "cross-entropy"), ("mse", "squared error")):
        color = RUN_COLORS["mse" if key == "mse" else "binary_cross_entropy"]
        for name, ax in ((key, left), (key + "_dz", right)):
            artists[name] = ax.plot(zs, zs, color=color, label=label)[0]
            point = ax.plot([0.0], [0.0], "o", color=color, ms=8, zorder=3)[0]
            artists[name + "_point"] = point
    right.set_yscale("log")
    plain_log_ticks(right)
    # fixed ticks: the limits never change, so no locator needs to run on each draw
    fixed_ticks(left, x=(-8, -4, 0, 4, 8), y=(0, 2, 4, 6, 8))
    fixed_ticks(right, x=(-8, -4, 0, 4, 8), y=(1e-4, 1e-2, 1))
    left.set(xlabel="weighted sum z", ylabel="loss", ylim=(-0.2, 8.5))
    right.set(xlabel="weighted sum z", ylabel="|slope ∂loss/∂z|", ylim=(1e-4, 2.0))
    right.set_title("the push each loss gives z")
    for ax in (left, right):
        ax.grid(True, alpha=0.3)
    return dict(artists, title=left.set_title(""))


def show_target(artists: dict, zs: np.ndarray, y: int) -> None:
    """Set the ``saturation_axes`` curves and title for target ``y`` (0 or 1)."""
    curves = logit_gradients(zs, float(y))
    for name in ("bce", "mse"):
        artists[name].set_ydata(curves[name])
        slope = np.maximum(np.abs(curves[name + "_dz"]), SLOPE_FLOOR)
        artists[name + "_dz"].set_ydata(slope)
    artists["title"].set_text(f"the two losses for target y = {y}")


def show_point(artists: dict, z: float, y: int) -> None:
    """Put the ``saturation_axes`` points at weighted sum ``z`` for target ``y``."""
    here = logit_gradients(np.array([z]), float(y))
    for name in ("bce", "mse"):
        artists[name + "_point"].set_data([z], [here[name][0]])
        slope = max(abs(here[name + "_dz"][0]), SLOPE_FLOOR)
        artists[name + "_dz_point"].set_data([z], [slope])


def race_panels(axes, x: np.ndarray, y: np.ndarray, xs: np.ndarray) -> dict:
    """One panel per run (``NAMES`` order): the data, the 0.5 line, and the run's curve over
    ``xs`` (its values set later) under a title (its text set later).

    Returns ``{run: {"curve", "points", "title"}}``. The data points lie above the curve
    (zorder 3), so a frame that moves the curve redraws them too (``race_artists``).
    """
    panels = {}
    for ax, name in zip(axes, NAMES, strict=True):
        colors = np.where(y == 1, COLORS["blue"], COLORS["orange"])
        points = ax.scatter(x, y, c=colors, s=18, zorder=3)
        ax.axhline(0.5, color=COLORS["grey"], ls="--", lw=1)
        (curve,) = ax.plot(xs, np.zeros_like(xs), color=RUN_COLORS[name], lw=2.5)
        title = ax.set_title("", fontsize=9)  # three lines over a half-column panel
        ax.set(xlabel="x (one feature)", ylim=(-0.08, 1.08))
        ax.grid(True, alpha=0.3)
        panels[name] = {"curve": curve, "points": points, "title": title}
    axes[0].set_ylabel("p = σ(w·x + b), label y")
    return panels


def race_artists(panels: dict, titles: bool = True) -> list:
    """What a loss race frame changes, in the order a full draw paints it: in each panel the
    curve, then the data points above it; then the titles (if they change too)."""
    moving = [p[k] for p in panels.values() for k in ("curve", "points")]
    return moving + [p["title"] for p in panels.values()] * titles


def race_numbers(hist: dict, j: int) -> tuple[str, str]:
    """Two lines on a run at step ``j``: the step and accuracy; w, b and the gradient's size."""
    w, b = float(hist["W"][j, 0]), float(hist["b"][j])
    return (
        f"step {j}: accuracy {hist['accuracy'][j]:.0%}",
        f"w = {w:.2f}, b = {b:.2f}, |gradient| {hist['grad_norm'][j]:.1e}",
    )


def race_caption(runs: dict, steps: dict) -> str:
    """Both runs' ``race_numbers`` in HTML, one column under each panel (``steps``: run -> j)."""
    cells = "".join(
        f"<td style='width:50%;text-align:center;color:{RUN_COLORS[name]}'>"
        f"{'<br>'.join(race_numbers(hist, steps[name]))}</td>"
        for name, hist in runs.items()
    )
    return f"<table style='width:100%;font-size:90%'><tr>{cells}</tr></table>"
