"""Lesson 5 explorer: how the learning rate decides between crawling, converging and blowing up.

``learning_rate_explorer`` walks gradient descent on a 1-D parabola or a rotated 2-D bowl
(``surfaces.Quadratic``, condition number 5). A log-scale slider sets the learning rate; a
thin axis under the plots shows the bands of ``landscapes.learning_rate_bounds`` (too small,
good, oscillating, diverging; their names are a colour key beside the slider) with a marker at
the current rate. Play animates the walk step by step. A run that blows up is cut where it did,
so nothing infinite is ever drawn, and the path panel says at which step it diverged. The rate, its
band and the loss reached are in the caption under the figure (text changing on every slider
event is the costliest thing to redraw, see ``_fast``). ``learning_rate_static`` is the printed
companion.

The compute is ``demos.learning_rate.learning_rate_run``; this module only draws. The drawing
helpers it shares with the other descent explorers (``draw_landscape``, ``lean_ticks``,
``path_xy``, ``play_controls``, ``LOSS_FLOOR``) live in ``_descent_draw``.
"""

import numpy as np

from course_lib._argspec import POSITIVE, choice, count, has_attrs, optional
from course_lib._checked import checked
from course_lib.demos.learning_rate import learning_rate_bands, learning_rate_run
from course_lib.landscapes import Parabola1D, learning_rate_bounds
from course_lib.plotting import small_multiples, update_loss_surface
from course_lib.plotting.figure_updates import freeze_layout, redraw
from course_lib.surfaces import Quadratic
from course_lib.widgets._base import explorer_box, mark_main, new_figure
from course_lib.widgets._descent_draw import (
    LOSS_FLOOR,
    draw_landscape,
    lean_ticks,
    path_xy,
    play_controls,
)
from course_lib.widgets._fast import color_key, fixed_ticks, freeze_ticks

BAND_COLORS = {
    "too small": "#9ecae1",
    "good": "#a1d99b",
    "oscillating": "#fdd49e",
    "diverging": "#fc9272",
}


@checked(surface=choice("bowl", "1d"))
def make_surface(surface: str):
    """The landscape behind the explorer: ``"bowl"`` (rotated, condition 5) or ``"1d"``."""
    if surface == "bowl":
        return Quadratic(condition_number=5.0, rotation=np.pi / 6)
    if surface == "1d":
        return Parabola1D(curvature=1.0)
    raise ValueError(f"learning_rate_explorer: surface should be 'bowl' or '1d', got {surface!r}.")


@checked(
    run=has_attrs(("path", "losses", "diverged_at", "band", "lr"), "learning_rate_run(...)"),
    step=count(0),
)
def outcome_text(run, step: int) -> str:
    """'diverged at step k', or the loss reached at ``step``; computed from the run itself."""
    if run.diverged_at is not None and step >= run.diverged_at:
        return f"diverged at step {run.diverged_at}"
    return f"loss {run.losses[min(step, len(run.losses) - 1)]:.3g} after {step} steps"


@checked(surface=choice("bowl", "1d"), lr=optional(POSITIVE), num_steps=count(1))
def learning_rate_explorer(surface: str = "bowl", lr: float | None = None, num_steps: int = 30):
    """Gradient descent with a log-scale learning-rate slider, its bands and a Play animation.

    ``surface``: "bowl" (2-D, contours and path) or "1d" (a parabola, the path as dots on it).
    ``lr``: the starting rate (default: a 'good' one, 0.5/lambda_max). Returns the root widget;
    ``.update(lr=None, num_steps=None, step=None)`` redraws for new values.
    """
    import ipywidgets as widgets

    surf = make_surface(surface)
    bounds = learning_rate_bounds(surf)
    inv = 1.0 / bounds["lambda_max"]
    # Six slider steps double the rate, so the grid passes exactly through both band edges,
    # 1/lambda_max and 2/lambda_max: the learner can stand on the edge and see the walk bounce
    # ("bouncing"), and no rate just past an edge reads as the edge itself at three digits.
    log_step = np.log10(2.0) / 6
    lo_exp, hi_exp = np.log10(inv) - 50 * log_step, np.log10(inv) + 10 * log_step
    lr = 0.5 * inv if lr is None else float(lr)

    fig, axes = new_figure(
        5.8, 3.9, nrows=2, ncols=2, gridspec_kw={"height_ratios": [7, 1], "hspace": 0.6}
    )
    ax_path, ax_loss = axes[0]
    gs = axes[1, 0].get_gridspec()
    axes[1, 0].remove()
    axes[1, 1].remove()
    ax_band = fig.add_subplot(gs[1, :])
    draw_landscape(ax_path, surf)
    two_d = hasattr(ax_path, "course_artists")
    if two_d:
        path_line = ax_path.course_artists["path"]
    else:
        (path_line,) = ax_path.plot([], [], "o-", color="crimson", ms=4, lw=1.2)
    (head,) = ax_path.plot([], [], "o", color="black", ms=6, zorder=6)
    (loss_line,) = ax_loss.semilogy([], [], "o-", color="crimson", ms=3, lw=1.2)
    (loss_head,) = ax_loss.semilogy([], [], "o", color="black", ms=5)
    f0 = float(surf.value(surf.default_start))
    ax_loss.set(ylim=(LOSS_FLOOR, 2e3 * f0), xlabel="step", ylabel="loss")
    ax_loss.grid(alpha=0.3)
    # Top centre of the path panel: above the parabola's vertex (1-D) and away from the loss
    # curve, which climbs to the top of its own panel when the walk blows up. Empty text is
    # not drawn, so this costs nothing until a run diverges.
    div_text = ax_path.text(
        0.5,
        0.96,
        "",
        transform=ax_path.transAxes,
        ha="center",
        va="top",
        color="darkred",
        weight="bold",
        zorder=8,
        bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 2},
    )
    lr_min, lr_max = 10**lo_exp, 10**hi_exp
    key = []
    for name, lo, hi in learning_rate_bands(bounds, lr_min, lr_max):
        ax_band.axvspan(lo, hi, color=BAND_COLORS[name])
        key.append((BAND_COLORS[name], "■", name))
    ax_band.set_xscale("log")
    ax_band.set(xlim=(lr_min, lr_max), ylim=(0, 1), yticks=[], xlabel="η")
    marker = ax_band.axvline(lr, color="black", lw=2.5)
    lean_ticks(ax_path, ax_loss, ax_band, n=3)
    ax_band.set_yticks([])
    if two_d:  # the bowl's shape is the point, not its coordinates: no tick labels to draw
        ax_path.set(xticks=[], yticks=[])
    else:  # the curve's limits never change: pin its three ticks per axis
        freeze_ticks(ax_path)
    # Fixed ticks on the axes whose limits never change: no locator runs at draw time.
    top = np.floor(np.log10(2e3 * f0))
    fixed_ticks(ax_loss, y=10.0 ** np.linspace(-12, top, 3).round())
    # The strip spans exactly the slider's range, whose readout gives η, and the caption gives
    # the band edges: no tick numbers to redraw.
    fixed_ticks(ax_band, x=[])
    fig.subplots_adjust(left=0.08, right=0.98, top=0.96, bottom=0.12, wspace=0.3)

    caption = widgets.HTML()
    state = {"lr": lr, "num_steps": int(num_steps), "step": int(num_steps), "run": None}

    def redraw_step() -> None:
        run, step = state["run"], state["step"]
        shown = min(step + 1, len(run.path))
        x, y = path_xy(surf, run.path[:shown])
        outcome = outcome_text(run, step)
        if two_d:  # no title: the rate, band and outcome are in the caption
            update_loss_surface(ax_path, run.path[:shown], title="")
        else:
            path_line.set_data(x, y)
        head.set_data(x[-1:], y[-1:])
        ks = np.arange(shown)
        losses = np.maximum(run.losses[:shown], LOSS_FLOOR)
        loss_line.set_data(ks, losses)
        loss_head.set_data(ks[-1:], losses[-1:])
        div_text.set_text(outcome if outcome.startswith("diverged") else "")
        whole = outcome_text(run, state["num_steps"])
        later = (
            f"After all {state['num_steps']} steps: {whole}. " if step < state["num_steps"] else ""
        )
        caption.value = (
            f"η = {run.lr:.3g} (<b>{run.band}</b>): {outcome}. {later}"
            f"Band edges: 1/λ<sub>max</sub> = {bounds['monotone']:.3g}, "
            f"2/λ<sub>max</sub> = {bounds['converge']:.3g}. Loss on a log scale."
        )
        redraw(fig)

    def update(lr=None, num_steps=None, step=None) -> None:
        if num_steps is not None and int(num_steps) != state["num_steps"]:
            state["num_steps"] = int(num_steps)
            state["run"] = None
            step = state["num_steps"] if step is None else step
        if lr is not None and float(lr) != state["lr"]:
            state["lr"] = float(lr)
            state["run"] = None
        if step is not None:
            state["step"] = min(int(step), state["num_steps"])
        if state["run"] is None:
            state["run"] = learning_rate_run(surf, state["lr"], state["num_steps"])
            marker.set_xdata([state["lr"], state["lr"]])
            ax_loss.set_xlim(-0.5, state["num_steps"] + 0.5)
            n = state["num_steps"]
            fixed_ticks(ax_loss, x=sorted({0, n}))
        redraw_step()

    lr_slider = mark_main(
        widgets.FloatLogSlider(
            value=lr,
            base=10,
            min=lo_exp,
            max=hi_exp,
            step=log_step,
            description="η",
            readout_format=".3g",
        )
    )
    steps_slider = widgets.IntSlider(value=num_steps, min=1, max=100, description="steps")
    play, step_slider = play_controls(int(num_steps))

    def on_steps(change) -> None:
        n = change["new"]
        for w in (play, step_slider):
            w.max = n
            w.value = n
        update(num_steps=n, step=n)

    lr_slider.observe(lambda c: update(lr=c["new"]), names="value")
    steps_slider.observe(on_steps, names="value")
    step_slider.observe(lambda c: update(step=c["new"]), names="value")
    update()
    freeze_layout(fig)  # later draws do not re-measure tick labels to place titles and labels
    band_key = widgets.HTML(color_key(key))  # names of the strip's colours, beside the slider
    controls = [lr_slider, band_key, steps_slider, [play, step_slider]]
    box = explorer_box("learning-rate", controls, fig, caption)
    box.update = update
    box.caption = caption
    box.band_key = band_key
    box.state = state
    box.controls = {"lr": lr_slider, "num_steps": steps_slider, "play": play, "step": step_slider}
    box.artists = {
        "path": path_line,
        "loss": loss_line,
        "marker": marker,
        "diverged": div_text,
    }
    return box


@checked(surface=choice("bowl", "1d"), num_steps=count(1))
def learning_rate_static(surface: str = "bowl", num_steps: int = 20):
    """Four panels side by side: too small, good, oscillating, diverging (titles from the runs).

    The rates are 0.05, 0.5, 1.8 and 2.25 times 1/lambda_max; each title names the band and the
    outcome (the loss reached, or the step where the walk diverged). At 2.25/lambda_max each
    bounce overshoots by a factor |1 - 2.25| = 1.25, so the first few growing bounces stay in
    view; on the 1-D curve the diverging panel widens its view to the first five steps, and on
    the bowl the path is drawn until it first leaves the frame. Returns the Figure.
    """
    surf = make_surface(surface)
    inv = 1.0 / learning_rate_bounds(surf)["lambda_max"]

    def panel(lr, ax):
        run = learning_rate_run(surf, lr, num_steps)
        draw_landscape(ax, surf, n=60)
        title = f"η = {run.lr:.3g}: {run.band}\n{outcome_text(run, num_steps)}"
        if hasattr(ax, "course_artists"):  # the path up to its first point out of view
            update_loss_surface(ax, _until_out_of_view(run.path, surf.bounds), title=title)
        else:
            _widen_curve(ax, surf, run.path[:6])
            ax.plot(*path_xy(surf, run.path), "o-", color="crimson", ms=3, lw=1)
            ax.set_title(title)
        ax.title.set_fontsize(9)
        lean_ticks(ax)

    settings = [{"lr": f * inv} for f in (0.05, 0.5, 1.8, 2.25)]
    return small_multiples(panel, settings, ncols=4, panel_size=(3.0, 3.0))


def _until_out_of_view(path: np.ndarray, bounds) -> np.ndarray:
    """The rows of ``path`` (T, 2) up to and including the first one outside ``bounds``.

    A diverging walk's later segments are long lines across the whole panel; one segment
    leaving the frame says where the walk goes without hiding the bounces before it.
    """
    (x0, x1), (y0, y1) = bounds
    outside = (path[:, 0] < x0) | (path[:, 0] > x1) | (path[:, 1] < y0) | (path[:, 1] > y1)
    return path if not outside.any() else path[: int(np.argmax(outside)) + 1]


def _widen_curve(ax, surf, points: np.ndarray) -> None:
    """Widen a 1-D panel (curve and limits) so that ``points`` (shape (k,)) are in view."""
    lo, hi = surf.bounds
    reach = float(np.max(np.abs(points), initial=0.0)) * 1.05
    if reach <= max(abs(lo), abs(hi)):
        return
    x = np.linspace(-reach, reach, 200)
    ax.plot(x, surf.value(x), color="0.3", lw=1.5)
    top = float(np.max(surf.value(np.array([-reach, reach]))))
    ax.set(xlim=(-reach, reach), ylim=(-0.05 * top, 1.1 * top))
