"""Drawing helpers shared by the descent explorers (learning rate, optimizer race, animations).

``draw_landscape`` draws a 1-D loss curve or a 2-D contour map once (with the minimum starred);
``landscape_movers`` lists the artists on it that a frame redraws (``figure_updates.Blitter``);
``path_xy`` turns a descent path into plot coordinates; ``lean_ticks`` keeps tick labels few
(tick text dominates draw time); ``play_controls`` is a Play button linked to a step slider;
``LOSS_FLOOR`` is the lowest loss drawn on a log axis; ``ON_TOP`` is the z-order of moving artists.

Shapes: a path is ``(K+1,)`` for a 1-D function or ``(K+1, 2)`` for a 2-D surface; the
surfaces are those of ``surfaces`` and ``landscapes`` (anything with ``value``, ``bounds``
and, in 2-D, ``value_grid`` and ``minima``).

Limits: matplotlib is imported inside the functions, ipywidgets only in ``play_controls``; these
helpers draw, they compute nothing a test would need to check numerically.
"""

import numpy as np

from course_lib.widgets._base import mark_play

LOSS_FLOOR = 1e-12  # losses are drawn at least this high on the log axis (GD can hit 0 exactly)
# Moving lines go above the spines (z-order 2.5): a blitted frame draws them last, on top of
# everything, so a full draw must put them there too (e.g. a curve starting on the left spine).
ON_TOP = 3


def lean_ticks(*axes, n: int = 4) -> None:
    """At most ``n`` labelled ticks per axis and no minor ticks: tick text dominates draw time."""
    from matplotlib.ticker import LogLocator, MaxNLocator, NullLocator

    for ax in axes:
        for axis, scale in ((ax.xaxis, ax.get_xscale()), (ax.yaxis, ax.get_yscale())):
            if scale == "log":
                axis.set_major_locator(LogLocator(numticks=n))
            else:
                axis.set_major_locator(MaxNLocator(n))
            axis.set_minor_locator(NullLocator())


def draw_landscape(ax, surface, n: int = 50, levels: int = 14):
    """Draw ``surface`` once: the curve (1-D) or ``plotting.plot_loss_surface`` contours (2-D).

    For a surface the Axes then holds ``course_artists`` (its ``path`` line is the one
    ``plotting.update_loss_surface`` moves) and the minimum is marked with a star (kept there
    as ``minimum``: it is drawn above the path, so a blitted frame redraws it too).
    """
    if not hasattr(surface, "value_grid"):
        lo, hi = surface.bounds
        x = np.linspace(lo, hi, 200)
        ax.plot(x, surface.value(x), color="0.3", lw=1.5)
        top = float(np.max(surface.value(np.array([lo, hi]))))
        ax.set(xlim=(lo, hi), ylim=(-0.05 * top, 1.1 * top), xlabel="θ", ylabel="loss")
        return ax
    from course_lib.plotting import plot_loss_surface

    (x0, x1), (y0, y1) = surface.bounds
    plot_loss_surface(
        surface.value_grid,
        ax=ax,
        bounds=(x0, x1, y0, y1),
        levels=levels,
        resolution=n,
        labels=("θ₁", "θ₂"),
    )
    (star,) = ax.plot(*surface.minima.T, "*", color="gold", ms=12, mec="k", mew=0.5, zorder=6)
    ax.course_artists["minimum"] = star
    return ax


def landscape_movers(ax) -> list:
    """The artists of a ``draw_landscape`` surface that a step redraws, in drawing order.

    The path, its start and end markers and, above them, the starred minimum (a path that
    reaches the minimum passes under the star); empty for a 1-D curve (its path line is the
    caller's own).
    """
    arts = getattr(ax, "course_artists", None)
    if arts is None:
        return []
    return [arts["path"], arts["start"], arts["end"], arts["minimum"]]


def path_xy(surface, path: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Plot coordinates of a path: ``(θ, f(θ))`` for a 1-D function, ``(θ₁, θ₂)`` for a surface."""
    if path.ndim == 1:
        return path, surface.value(path)
    return path[:, 0], path[:, 1]


def play_controls(num_steps: int, interval: int = 150):
    """A Play button jslinked to a step slider (0..num_steps): Play animates, the slider scrubs."""
    import ipywidgets as widgets

    play = mark_play(
        widgets.Play(
            value=num_steps, min=0, max=num_steps, step=1, interval=interval, description="Play"
        )
    )
    step = widgets.IntSlider(value=num_steps, min=0, max=num_steps, description="step")
    widgets.jslink((play, "value"), (step, "value"))
    return play, step
