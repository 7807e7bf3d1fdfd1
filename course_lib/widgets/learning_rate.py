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

The compute (the run, the slider grid, the caption) is in ``demos.learning_rate``; this module
draws (``_learning_rate_figure`` once, ``_show_step`` per step) and wires the controls. A new rate
or step redraws only what moves (walk, loss curve, note, band marker) over a kept picture of the
rest (``figure_updates.Blitter``, one picture per number of steps). The drawing helpers it
shares with the other descent explorers (``draw_landscape``, ``landscape_movers``,
``lean_ticks``, ``path_xy``, ``play_controls``, ``LOSS_FLOOR``, ``ON_TOP``) live in
``_descent_draw``.
"""

import numpy as np

from course_lib._argspec import POSITIVE, choice, count, optional
from course_lib._checked import checked
from course_lib.demos.learning_rate import (
    learning_rate_bands,
    learning_rate_caption,
    learning_rate_run,
    outcome_text,
    slider_exponents,
    until_out_of_view,
)
from course_lib.landscapes import Parabola1D, learning_rate_bounds
from course_lib.plotting import small_multiples, update_loss_surface
from course_lib.plotting.figure_updates import Blitter, freeze_layout, redraw
from course_lib.surfaces import Quadratic
from course_lib.widgets._base import explorer_box, mark_main, new_figure
from course_lib.widgets._descent_draw import (
    LOSS_FLOOR,
    ON_TOP,
    draw_landscape,
    landscape_movers,
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


def _learning_rate_figure(surf, bounds: dict, lr: float, lr_range: tuple[float, float]):
    """Plot helper: path panel, loss panel and the band strip under them, drawn once.

    Returns ``(fig, artists, key)``: the artists ``_show_step`` moves (path, head, loss,
    loss_head, diverged text, band marker, and the loss Axes; ``moving`` lists every artist a
    step or a new rate changes, in drawing order) and the band colour key items.
    """
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
        (path_line,) = ax_path.plot([], [], "o-", color="crimson", ms=4, lw=1.2, zorder=ON_TOP)
    (head,) = ax_path.plot([], [], "o", color="black", ms=6, zorder=6)
    (loss_line,) = ax_loss.semilogy([], [], "o-", color="crimson", ms=3, lw=1.2, zorder=ON_TOP)
    (loss_head,) = ax_loss.semilogy([], [], "o", color="black", ms=5, zorder=ON_TOP)
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
    key = []
    for name, lo, hi in learning_rate_bands(bounds, *lr_range):
        ax_band.axvspan(lo, hi, color=BAND_COLORS[name])
        key.append((BAND_COLORS[name], "■", name))
    ax_band.set_xscale("log")
    ax_band.set(xlim=lr_range, ylim=(0, 1), yticks=[], xlabel="η")
    marker = ax_band.axvline(lr, color="black", lw=2.5, zorder=ON_TOP)
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
    artists = {"path": path_line, "head": head, "loss": loss_line, "loss_head": loss_head}
    artists.update(diverged=div_text, marker=marker, ax_loss=ax_loss)
    path_movers = landscape_movers(ax_path) or [path_line]
    artists["moving"] = [*path_movers, head, div_text, loss_line, loss_head, marker]
    return fig, artists, key


def _show_step(artists: dict, surf, run, step: int) -> None:
    """Move the path, its head, the loss curve and the divergence note to ``step`` of ``run``."""
    shown = min(step + 1, len(run.path))
    x, y = path_xy(surf, run.path[:shown])
    if run.path.ndim == 2:  # no title: the rate, band and outcome are in the caption
        update_loss_surface(artists["path"].axes, run.path[:shown], title="")
    else:
        artists["path"].set_data(x, y)
    artists["head"].set_data(x[-1:], y[-1:])
    ks = np.arange(shown)
    losses = np.maximum(run.losses[:shown], LOSS_FLOOR)
    artists["loss"].set_data(ks, losses)
    artists["loss_head"].set_data(ks[-1:], losses[-1:])
    outcome = outcome_text(run, step)
    artists["diverged"].set_text(outcome if outcome.startswith("diverged") else "")


def _new_run(artists: dict, surf, lr: float, num_steps: int):
    """Walk ``num_steps`` at ``lr``; move the band marker and fit the loss axis to the walk."""
    artists["marker"].set_xdata([lr, lr])
    artists["ax_loss"].set_xlim(-0.5, num_steps + 0.5)
    fixed_ticks(artists["ax_loss"], x=sorted({0, num_steps}))
    return learning_rate_run(surf, lr, num_steps)


def _controls(lr: float, exponents: tuple, num_steps: int) -> dict:
    """The explorer's widgets: the log-scale rate slider (the main one; ``exponents`` are
    ``slider_exponents``), the number of steps, and Play with its step slider."""
    import ipywidgets as widgets

    lo_exp, hi_exp, log_step = exponents
    rate = widgets.FloatLogSlider(
        value=lr,
        base=10,
        min=lo_exp,
        max=hi_exp,
        step=log_step,
        description="η",
        readout_format=".3g",
    )
    steps = widgets.IntSlider(value=num_steps, min=1, max=100, description="steps")
    controls = {"lr": mark_main(rate), "num_steps": steps}
    controls["play"], controls["step"] = play_controls(num_steps)
    return controls


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
    lo_exp, hi_exp, log_step = slider_exponents(bounds)
    lr = 0.5 / bounds["lambda_max"] if lr is None else float(lr)
    fig, artists, key = _learning_rate_figure(surf, bounds, lr, (10**lo_exp, 10**hi_exp))
    caption = widgets.HTML()
    state = {"lr": lr, "num_steps": int(num_steps), "step": int(num_steps), "run": None}
    blitter = None

    def update(lr=None, num_steps=None, step=None) -> None:
        if num_steps is not None and int(num_steps) != state["num_steps"]:
            state.update(num_steps=int(num_steps), run=None)
            step = state["num_steps"] if step is None else step
        if lr is not None and float(lr) != state["lr"]:
            state.update(lr=float(lr), run=None)
        if step is not None:
            state["step"] = min(int(step), state["num_steps"])
        if state["run"] is None:
            state["run"] = _new_run(artists, surf, state["lr"], state["num_steps"])
        _show_step(artists, surf, state["run"], state["step"])
        if blitter is None:  # while the explorer is built
            redraw(fig)
        else:  # the rest of the picture depends on the number of steps only (loss x-axis)
            blitter.update(state["num_steps"])
        caption.value = learning_rate_caption(  # after the picture: the frame goes out first
            state["run"], state["step"], state["num_steps"], bounds
        )

    controls = _controls(lr, (lo_exp, hi_exp, log_step), int(num_steps))

    def on_steps(change) -> None:
        for w in (controls["play"], controls["step"]):
            w.max = w.value = change["new"]
        update(num_steps=change["new"], step=change["new"])

    controls["lr"].observe(lambda c: update(lr=c["new"]), names="value")
    controls["num_steps"].observe(on_steps, names="value")
    controls["step"].observe(lambda c: update(step=c["new"]), names="value")
    update()
    freeze_layout(fig)  # later draws do not re-measure tick labels to place titles and labels
    blitter = Blitter(fig, artists["moving"])  # a move redraws only the walk and the marker
    blitter.update(state["num_steps"])  # the first picture is kept under this key
    band_key = widgets.HTML(color_key(key))  # names of the strip's colours, beside the slider
    panel = [controls["lr"], band_key, controls["num_steps"], [controls["play"], controls["step"]]]
    box = explorer_box("learning-rate", panel, fig, caption)
    box.update, box.caption, box.band_key, box.state = update, caption, band_key, state
    box.controls = controls
    box.artists = {k: artists[k] for k in ("path", "loss", "marker", "diverged")}
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
            update_loss_surface(ax, until_out_of_view(run.path, surf.bounds), title=title)
        else:
            _widen_curve(ax, surf, run.path[:6])
            ax.plot(*path_xy(surf, run.path), "o-", color="crimson", ms=3, lw=1)
            ax.set_title(title)
        ax.title.set_fontsize(9)
        lean_ticks(ax)

    settings = [{"lr": f * inv} for f in (0.05, 0.5, 1.8, 2.25)]
    return small_multiples(panel, settings, ncols=4, panel_size=(3.0, 3.0))


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
