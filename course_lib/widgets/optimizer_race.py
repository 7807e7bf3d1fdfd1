"""Lesson 7 explorer: five optimizers race from the same start with the same seed.

Gradient descent (all N examples per step), SGD (1), mini-batch (16), momentum and Adam (16 each)
race on an ill-conditioned least-squares surface (its loss IS a rotated ``surfaces.Quadratic``
plus a constant, so the noise of SGD and mini-batches is real sampling noise) or on a small MLP
learning the moons data set. The x-axis switches between steps (linear), examples seen and
seconds; the last two span decades (SGD's 100 examples against GD's 6400), so they use a
"symlog" scale: linear from 0 to one example (or one step's time), logarithmic above, and the
axis label says so. Each
optimizer's learning rate has its own log slider, and "tune" runs the fair comparison of the
lesson (``demos.optimizer_race.tune_learning_rates``). Runs are cached per (optimizer, rate), so a
slider recomputes only the optimizer it belongs to. The problem, the step shown and each
racer's loss are in the HTML caption (which is also the legend), not in the figure: changing
text is the costliest thing to redraw. A move redraws only the curves and paths over a kept
picture of the rest (``figure_updates.Blitter``, one picture per set of axis limits; the loss
axis's limits are rounded out to half decades, so most new rates keep the same picture).
``optimizer_race_static`` is the printed companion: tuned rates, loss against steps and
against examples seen.

The race tracks and runs are computed in ``demos.optimizer_race``; the settings, x-axis helpers
and caption live in ``_race_axes``; this module holds the two figures.
"""

import numpy as np

from course_lib._argspec import choice, count, optional
from course_lib._checked import checked
from course_lib.demos.optimizer_race import RACERS, make_problem, race_run, tune_learning_rates
from course_lib.plotting import small_multiples
from course_lib.plotting.figure_updates import Blitter, freeze_layout, redraw
from course_lib.widgets._base import explorer_box, mark_main, new_figure
from course_lib.widgets._descent_draw import (
    LOSS_FLOOR,
    ON_TOP,
    draw_landscape,
    lean_ticks,
    play_controls,
)
from course_lib.widgets._layout import control_panel
from course_lib.widgets._race_axes import (
    COLORS,
    DEFAULT_LRS,
    NUM_STEPS,
    PROBLEMS,
    X_AXES,
    race_summary,
    rescale,
    x_scale,
    x_values,
)


def _race_figure(prob):
    """Plot helper: the loss panel (and, on a surface, the paths panel), drawn once.

    Returns ``(fig, ax_loss, artists)``; ``artists`` holds per-racer dicts ``lines``, ``heads``
    and ``paths`` (empty without a surface) that ``_show_race`` moves, and ``moving``: all of
    them (and the starred minimum, drawn above the paths) in drawing order.
    """
    surface = prob.surface is not None
    fig, axes = new_figure(5.8, 3.2 if surface else 3.4, ncols=2 if surface else 1)
    ax_loss = axes[1] if surface else axes
    artists = {"lines": {}, "heads": {}, "paths": {}, "shown": {}}
    if surface:
        draw_landscape(axes[0], prob.surface, n=50, levels=14)
        axes[0].set_title("")  # the θ₁, θ₂ axis labels say what this panel is
    for name in RACERS:
        (artists["lines"][name],) = ax_loss.semilogy(
            [], [], color=COLORS[name], lw=1.4, label=name, zorder=ON_TOP
        )
        (artists["heads"][name],) = ax_loss.semilogy(
            [], [], "o", color=COLORS[name], ms=4, zorder=ON_TOP
        )
        if surface:
            (artists["paths"][name],) = axes[0].plot(
                [], [], "-", color=COLORS[name], lw=1.0, alpha=0.9, zorder=ON_TOP
            )
    artists["moving"] = [a for n in RACERS for a in (artists["lines"][n], artists["heads"][n])]
    if surface:  # the paths, then the star above them (the start/end markers stay empty)
        artists["moving"] += [*artists["paths"].values(), axes[0].course_artists["minimum"]]
    ax_loss.grid(alpha=0.3)
    ax_loss.set(xlabel=X_AXES["steps"], ylabel="excess loss" if surface else "loss")
    lean_ticks(ax_loss)
    if surface:  # the paths panel needs no numbers: fewer tick labels, a cheaper redraw
        axes[0].set(xticks=[], yticks=[])
    fig.tight_layout()
    return fig, ax_loss, artists


def _show_race(artists: dict, state: dict) -> None:
    """Move every racer's loss curve, its head and (on a surface) its path to ``state['step']``.

    A racer whose run, step and axis map are those shown already is left as it is: new data
    makes a line recompute its path at the next draw (a new rate changes one racer only).
    """
    shown = artists["shown"]
    for name, run in state["runs"].items():
        old = shown.get(name)
        if old and old[0] is run and old[1] == state["step"] and old[2] is state["to_axis"]:
            continue
        shown[name] = (run, state["step"], state["to_axis"])
        k = min(state["step"] + 1, len(run.losses))
        x = state["to_axis"](x_values(run, state["x_axis"])[:k])
        y = np.maximum(run.losses[:k], LOSS_FLOOR)
        artists["lines"][name].set_data(x, y)
        artists["heads"][name].set_data(x[-1:], y[-1:])
        if name in artists["paths"]:
            artists["paths"][name].set_data(run.path[:k, 0], run.path[:k, 1])


def _checked_changes(lr, x_axis, lrs) -> dict:
    """The rates ``update`` changes (``lr`` is Adam's), after checking names and the x-axis."""
    changed = dict(lrs or {})
    if lr is not None:
        changed["Adam"] = lr
    for name in changed:
        if name not in RACERS:
            raise ValueError(
                f"optimizer_race: unknown optimizer {name!r}; choose from {list(RACERS)}."
            )
    if x_axis is not None and x_axis not in X_AXES:
        raise ValueError(f"optimizer_race: x_axis should be one of {list(X_AXES)}, got {x_axis!r}.")
    return {name: float(value) for name, value in changed.items()}


class _RunCache:
    """Race runs per (optimizer, rate): a slider recomputes only the optimizer it belongs to."""

    def __init__(self, prob, num_steps: int):
        self.prob, self.num_steps, self.runs = prob, num_steps, {}

    def __call__(self, name: str, lr: float):
        if (name, lr) not in self.runs:
            if len(self.runs) > 60:  # small runs, but don't grow without bound
                self.runs.pop(next(iter(self.runs)))
            self.runs[name, lr] = race_run(self.prob, name, lr, self.num_steps, seed=0)
        return self.runs[name, lr]


def _rate_slider(name: str, value: float):
    """A log-scale slider for one optimizer's learning rate, 1e-3 to 10^0.5."""
    import ipywidgets as widgets

    return widgets.FloatLogSlider(
        value=value,
        base=10,
        min=-3,
        max=0.5,
        step=0.05,
        description=f"η {name}",
        readout_format=".3g",
    )


@checked(problem=choice("surface", "network"), num_steps=optional(count(1)))
def optimizer_race_explorer(problem: str = "surface", num_steps: int | None = None):
    """Five optimizers, one start, one seed: loss curves against steps, examples or seconds.

    ``.update(lr=None, x_axis=None, step=None, lrs=None)``: ``lr`` is Adam's learning rate (the
    main slider), ``lrs`` a dict name -> rate for the others, ``x_axis`` one of "steps",
    "examples seen", "seconds", ``step`` the race position shown.
    """
    import ipywidgets as widgets

    prob = make_problem(problem)
    num_steps = NUM_STEPS[problem] if num_steps is None else int(num_steps)
    rates = dict(DEFAULT_LRS[problem])
    get_run = _RunCache(prob, num_steps)
    state = {"x_axis": "steps", "step": num_steps, "runs": {}, "scaled": False}
    state["to_axis"] = np.asarray  # raw x (steps, examples, seconds) -> the axis's x
    fig, ax_loss, artists = _race_figure(prob)
    caption = widgets.HTML()
    blitter = None

    def update(lr=None, x_axis=None, step=None, lrs=None) -> None:
        changed = _checked_changes(lr, x_axis, lrs)
        rates.update(changed)
        state["x_axis"] = state["x_axis"] if x_axis is None else x_axis
        if step is not None:
            state["step"] = min(max(int(step), 0), num_steps)
        state["runs"] = {name: get_run(name, rates[name]) for name in RACERS}
        if changed or x_axis is not None or not state["scaled"]:
            to_axis, key = rescale(ax_loss, state["x_axis"], state["runs"], LOSS_FLOOR)
            state.update(to_axis=to_axis, key=key, scaled=True)
        _show_race(artists, state)
        if blitter is None:  # while the explorer is built
            redraw(fig)
        else:  # only the curves moved, unless the axes changed (a new key: a full draw)
            blitter.update(state["key"])
        summary = race_summary(state["runs"], state["step"])  # after the picture is sent
        caption.value = f"{summary}<br>{PROBLEMS[problem]}; {num_steps} steps."

    sliders = {name: _rate_slider(name, rates[name]) for name in RACERS}
    x_toggle = widgets.ToggleButtons(options=list(X_AXES), value="steps")
    controls = {"lrs": sliders, "x_axis": x_toggle}
    controls["play"], controls["step"] = play_controls(num_steps, interval=100)
    controls["tune"] = widgets.Button(description="tune all η", tooltip="small sweep per optimizer")
    for name in RACERS:
        sliders[name].observe(lambda c, n=name: update(lrs={n: c["new"]}), names="value")
    controls["x_axis"].observe(lambda c: update(x_axis=c["new"]), names="value")
    controls["step"].observe(lambda c: update(step=c["new"]), names="value")

    def on_tune(_) -> None:
        best, _table = tune_learning_rates(prob, num_steps=num_steps)
        for name, value in best.items():
            sliders[name].value = value

    controls["tune"].on_click(on_tune)
    others = widgets.Accordion(
        children=[control_panel([sliders[n] for n in RACERS if n != "Adam"] + [controls["tune"]])]
    )
    others.set_title(0, "other learning rates")
    update()
    freeze_layout(fig)  # later draws do not re-measure tick labels to place titles and labels
    blitter = Blitter(fig, artists["moving"])
    blitter.update(state["key"])  # the first picture is kept under this key
    x_label = widgets.Label("x-axis")  # beside the buttons: a ToggleButtons puts its own above
    panel = [mark_main(sliders["Adam"]), [controls["play"], controls["step"]]]
    panel += [[x_label, controls["x_axis"]], others]
    box = explorer_box("optimizer-race", panel, fig, caption)
    box.update, box.caption, box.state, box.controls = update, caption, state, controls
    box.artists = {"lines": artists["lines"], "paths": artists["paths"]}
    return box


@checked(problem=choice("surface", "network"), num_steps=optional(count(1)))
def optimizer_race_static(
    problem: str = "surface", num_steps: int | None = None, lrs: dict | None = None
):
    """Loss against steps and against examples seen, for the five optimizers at tuned rates.

    ``lrs``: a dict optimizer name -> learning rate with one rate for each of the five (e.g.
    the ``best`` that ``tune_learning_rates`` returned in the lesson); without it the rates are
    tuned here with ``tune_learning_rates`` (a second or two). The legend shows the rates; the
    examples axis has the explorer's symlog scale. Returns the Figure (two panels,
    ``plotting.small_multiples``).
    """
    prob = make_problem(problem)
    num_steps = NUM_STEPS[problem] if num_steps is None else int(num_steps)
    if lrs is None:
        best, _table = tune_learning_rates(prob, num_steps=num_steps)
    else:
        best = _checked_rates(lrs)
    runs = {name: race_run(prob, name, best[name], num_steps, seed=0) for name in RACERS}

    def panel(x_axis, ax):
        for name, run in runs.items():
            ax.semilogy(
                x_values(run, x_axis),
                np.maximum(run.losses, LOSS_FLOOR),
                color=COLORS[name],
                lw=1.4,
                label=f"{name}, η = {run.lr:.3g}",
            )
        x_scale(ax, x_axis, runs.values(), native=True)
        ax.set_ylabel(("excess loss" if prob.surface is not None else "loss") + " (log scale)")
        ax.grid(alpha=0.3)
        if x_axis == "steps":
            ax.legend(fontsize=8)

    return small_multiples(
        panel,
        [{"x_axis": "steps"}, {"x_axis": "examples seen"}],
        ncols=2,
        panel_size=(5.0, 3.6),
        titles=lambda s: f"{problem}: loss against {s['x_axis']} (tuned η)",
    )


def _checked_rates(lrs) -> dict:
    """``lrs`` as a dict name -> float, with one positive finite rate for each racer."""
    if not isinstance(lrs, dict):
        raise TypeError(
            "optimizer_race_static: lrs should be a dict such as {'GD': 1.0, 'Adam': 0.1, ...} "
            f"(the best rates from tune_learning_rates), got {type(lrs).__name__}."
        )
    missing = [name for name in RACERS if name not in lrs]
    unknown = [name for name in lrs if name not in RACERS]
    if missing or unknown:
        raise ValueError(
            f"optimizer_race_static: lrs needs one rate for each of {list(RACERS)}; "
            f"missing {missing}, unknown {unknown}."
        )
    rates = {name: float(lrs[name]) for name in RACERS}
    bad = {n: r for n, r in rates.items() if not np.isfinite(r) or r <= 0}
    if bad:
        raise ValueError(f"optimizer_race_static: learning rates must be positive, got {bad}.")
    return rates
