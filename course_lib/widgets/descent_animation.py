"""Lesson 5 animation: gradient descent walking down a 1-D curve or a 2-D bowl, step by step.

``descent_animation(surface, lr, num_steps)`` runs ``landscapes.descend`` with
``optimizers.GradientDescent`` once, draws the landscape once (``_descent_draw.draw_landscape``)
and returns ``animation.animate``'s Play + slider box, whose frame k shows the first k steps
(each frame redraws only the path and the title over the kept landscape: ``animate(blit=)``).
A walk that diverges is cut where it blew up, so nothing infinite is drawn, and the title says
so. ``descent_animation_static`` shows a few frames of the same walk side by side.

Shapes: a 2-D path is (K+1, 2), a 1-D path (K+1,), start included.
"""

from course_lib._argspec import AXES, POSITIVE, SURFACE, array, count, optional
from course_lib._checked import checked
from course_lib._validation import check_int, check_positive
from course_lib.landscapes import descend
from course_lib.optimizers import GradientDescent
from course_lib.plotting import small_multiples, update_loss_surface
from course_lib.plotting.animation import animate
from course_lib.widgets._base import new_figure
from course_lib.widgets._descent_draw import (
    ON_TOP,
    draw_landscape,
    landscape_movers,
    lean_ticks,
    path_xy,
)

__all__ = ["descent_run", "plot_descent", "descent_animation", "descent_animation_static"]


@checked(surface=SURFACE, lr=POSITIVE, num_steps=count(0), start=optional(array(ndim=(0, 1))))
def descent_run(surface, lr: float, num_steps: int, start=None):
    r"""The walk $\theta_{k+1} = \theta_k - \eta \nabla f(\theta_k)$; a ``DescentResult``.

    ``surface``: a 2-D ``surfaces`` surface or a 1-D ``landscapes`` function; ``start``: None
    (its default).
    Stops, without a warning, once the loss exceeds 1000 times the starting loss.
    """
    lr = check_positive("descent_animation", "lr", lr)
    num_steps = check_int("descent_animation", "num_steps", num_steps, minimum=1)
    start = surface.default_start if start is None else start
    f0 = float(surface.value(start))
    return descend(surface, start, GradientDescent(lr), num_steps, max_value=max(1e3 * f0, 1e-12))


def _title(run, lr: float, k: int) -> str:
    shown = min(k, len(run.path) - 1)
    text = f"η = {lr:.3g}: step {shown}, loss {run.losses[shown]:.3g}"
    if run.diverged_at is not None and k >= run.diverged_at:
        text += f"; diverged at step {run.diverged_at}"
    return text


def _draw(ax, surface, run, lr: float, k: int, line) -> None:
    shown = min(k, len(run.path) - 1) + 1
    if hasattr(ax, "course_artists"):
        update_loss_surface(ax, run.path[:shown], title=_title(run, lr, k))
    else:
        line.set_data(*path_xy(surface, run.path[:shown]))
        ax.set_title(_title(run, lr, k))


def _static_panel(ax, surface, run, lr: float, k: int):
    """One printed panel: the landscape and the first ``k`` steps of ``run``; returns the Axes."""
    draw_landscape(ax, surface, n=60)
    line = None
    if not hasattr(ax, "course_artists"):
        (line,) = ax.plot([], [], "o-", color="crimson", ms=4, lw=1)
    _draw(ax, surface, run, lr, k, line)
    ax.title.set_fontsize(9)
    lean_ticks(ax)
    return ax


@checked(
    surface=SURFACE,
    lr=POSITIVE,
    num_steps=count(0),
    start=optional(array(ndim=(0, 1))),
    ax=optional(AXES),
)
def plot_descent(surface, lr: float, num_steps: int = 20, start=None, ax=None):
    """Draw ``surface`` and the whole gradient-descent walk on it; returns the Axes.

    The title gives the learning rate, the steps and the loss reached (or where it diverged),
    computed from the walk itself. Use with ``plotting.small_multiples`` for side-by-side runs.
    """
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(4.0, 3.6), layout="constrained")
    return _static_panel(ax, surface, descent_run(surface, lr, num_steps, start), lr, num_steps)


@checked(
    surface=SURFACE,
    lr=POSITIVE,
    num_steps=count(0),
    start=optional(array(ndim=(0, 1))),
    interval_ms=POSITIVE,
)
def descent_animation(surface, lr: float, num_steps: int = 20, start=None, interval_ms: int = 300):
    """Play gradient descent on ``surface`` one step per frame (frame 0 is the start).

    Returns the ``animation.animate`` box (``.course_slider``, ``.course_play``); its
    ``.update(k)`` shows frame k and ``.figure`` is the figure.
    """
    run = descent_run(surface, lr, num_steps, start)
    fig, ax = new_figure(4.6, 3.8)
    draw_landscape(ax, surface)
    line = None
    if not hasattr(ax, "course_artists"):
        (line,) = ax.plot([], [], "o-", color="crimson", ms=5, lw=1.2, zorder=ON_TOP)
    ax.title.set_fontsize(10)
    lean_ticks(ax)
    fig.tight_layout()

    def update(k: int) -> None:
        _draw(ax, surface, run, lr, int(k), line)

    # A frame changes the path and the title only: redraw just those over the kept landscape.
    moving = [*(landscape_movers(ax) or [line]), ax.title]
    box = animate(
        fig,
        update,
        num_steps + 1,
        interval_ms=interval_ms,
        description="step",
        name="descent",
        blit=moving,
    )
    box.update, box.figure, box.run = update, fig, run
    return box


@checked(
    surface=SURFACE,
    lr=POSITIVE,
    num_steps=count(0),
    start=optional(array(ndim=(0, 1))),
    frames=optional(array(ndim=1)),
)
def descent_animation_static(surface, lr: float, num_steps: int = 20, frames=None, start=None):
    """A few frames of the same walk side by side (default: 0, 1, 2, 5 and ``num_steps``).

    Returns the Figure (``plotting.small_multiples``).
    """
    run = descent_run(surface, lr, num_steps, start)
    frames = [0, 1, 2, 5, num_steps] if frames is None else [int(k) for k in frames]
    frames = sorted({min(max(k, 0), num_steps) for k in frames})

    def panel(k, ax):
        _static_panel(ax, surface, run, lr, k)

    return small_multiples(
        panel, [{"k": k} for k in frames], ncols=len(frames), panel_size=(2.6, 2.5)
    )
