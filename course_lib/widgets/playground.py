"""Lesson 6 explorer: a small network learns a 2-D data set while you watch (after TF Playground).

Dropdowns choose the data set (moons, spirals, xor, blobs), the hidden layers, the activation
and the batch size; a log slider sets the learning rate (a move trains one chunk at the new
rate at once, so its effect shows). Play trains: every tick of the
``ipywidgets.Play`` counter runs a chunk of SGD steps (so it also works without a browser), and
the decision-boundary image (a coarse grid, updated with ``set_data``) and the loss curve follow.
Reset starts again from the same initial weights. The settings, loss and accuracy are written in
the HTML caption rather than in the figure (changing text is the costliest thing to redraw), and a
move or a tick redraws only the image, the points over it, the loss curve and the frames of the
two panels over a kept picture of the rest (``figure_updates.Blitter``); a new data set, network
or loss range redraws the whole figure.
``playground_static`` is the printed companion: decision boundaries after training on each data
set, with a linear and a ReLU network.

The compute is ``demos.playground`` (``Playground``, ``new_settings``, ``loss_axis_limits``);
this module draws and wires the controls.
"""

import numpy as np

from course_lib._argspec import AXES, POSITIVE, TEXT, choice, count, has_attrs
from course_lib._checked import checked
from course_lib.demos.playground import DATASETS, Playground, loss_axis_limits, new_settings
from course_lib.plotting import plot_decision_boundary, small_multiples, update_decision_boundary
from course_lib.plotting.figure_updates import Blitter, freeze_layout, redraw
from course_lib.widgets._base import explorer_box, mark_main, mark_play, new_figure
from course_lib.widgets._fast import fixed_ticks, nice_ticks

HIDDEN = ("4", "8", "8-8", "16-16")
ACTIVATIONS = ("relu", "tanh", "sigmoid")
BATCH_SIZES = (1, 8, 16, 32, 200)
CHUNK = 10  # SGD steps per Play tick
GRID = 60  # decision-boundary image resolution (GRID x GRID)


@checked(ax=AXES, pg=has_attrs(("model", "scores", "losses"), "Playground()"), n=count(2))
def draw_boundary(ax, pg: Playground, n: int = GRID, title: bool = True):
    """Decision regions of ``pg`` and its data (``plotting.plot_decision_boundary``).

    Update later with ``plotting.update_decision_boundary(ax, pg.scores)``; returns the image.
    ``title=False`` hides the accuracy title (the explorer says it in its caption).
    """
    plot_decision_boundary(pg.scores, pg.X, pg.y, ax=ax, resolution=n, padding=0.3)
    ax.set(xticks=[], yticks=[], xlabel="", ylabel="")
    ax.title.set_visible(title)
    return ax.course_artists["image"]


@checked(pg=has_attrs(("model", "scores", "losses"), "Playground()"))
def describe(pg: Playground) -> str:
    """The settings and the state of training, in words (from ``pg`` itself)."""
    layers = "-".join(str(s) for s in [2, *pg.hidden, pg.num_classes])
    state = (
        f"diverged at step {pg.diverged_at} (lower η, then reset)"
        if pg.diverged_at is not None
        else f"step {pg.step}, loss {pg.losses[-1]:.3g}, accuracy {pg.accuracy():.0%}"
    )
    return (
        f"{pg.dataset}, network {layers}, {pg.activation}, η = {pg.lr:.3g}, "
        f"batch {pg.batch_size}: {state}"
    )


def _playground_controls(settings: dict) -> dict:
    """The explorer's widgets, keyed like ``update``'s arguments (plus ``play`` and ``reset``)."""
    import ipywidgets as widgets

    lr = widgets.FloatLogSlider(
        value=settings["lr"],
        base=10,
        min=-3,
        max=0.7,
        step=0.05,
        description="η",
        readout_format=".3g",
    )
    choices = (("dataset", DATASETS, "data"), ("hidden", HIDDEN, "hidden"))
    choices += (("activation", ACTIVATIONS, "activation"), ("batch_size", BATCH_SIZES, "batch"))
    controls = {"lr": mark_main(lr)}
    for key, options, label in choices:
        controls[key] = widgets.Dropdown(options=options, value=settings[key], description=label)
    controls["play"] = mark_play(
        widgets.Play(value=0, min=0, max=100_000, step=1, interval=200, description="train")
    )
    controls["reset"] = widgets.Button(description="reset", icon="refresh")
    return controls


def _loss_panel(ax):
    """Plot helper: the empty loss panel (log scale, grid); returns the loss line."""
    (loss_line,) = ax.semilogy([0], [1.0], color="crimson", lw=1.3)
    ax.set(xlabel="step", ylabel="loss")
    ax.grid(alpha=0.3)
    return loss_line


def _set_loss_limits(ax, xlim, ylim) -> None:
    """New limits for the loss panel, with a few fixed ticks chosen once for them."""
    ax.set(xlim=xlim, ylim=ylim)
    fixed_ticks(ax, x=nice_ticks(*xlim, n=2), y=nice_ticks(*ylim, log=True, n=2))


def _show_losses(loss_line, pg: Playground) -> bool:
    """Draw ``pg``'s loss curve, widening the panel's limits when the curve leaves them.

    Returns whether the limits changed (the ticks too: then the whole figure must be drawn).
    """
    ax = loss_line.axes
    losses = np.asarray(pg.losses)
    loss_line.set_data(np.arange(len(losses)), losses)
    old = (ax.get_xlim(), ax.get_ylim())
    xlim, ylim = loss_axis_limits(*old, pg.step, losses)
    if (xlim, ylim) == old:
        return False
    _set_loss_limits(ax, xlim, ylim)
    return True


def _moving_artists(ax_b, loss_line) -> list:
    """What a training chunk changes, in drawing order: the image, the frame of its panel and
    the points over it, then the loss curve and its panel's frame (a frame is drawn over what
    is inside it, so it is redrawn too)."""
    arts = ax_b.course_artists
    spines_b, spines_l = list(ax_b.spines.values()), list(loss_line.axes.spines.values())
    return [arts["image"], *spines_b, *arts["points"], loss_line, *spines_l]


def _blit_training(fig, state: dict, ax_b, loss_line) -> None:
    """Blit what a training chunk changes from now on (``state["blitter"]``); the Blitter of
    the panel before, whose artists were cleared away, stops drawing them."""
    if state.get("blitter") is not None:
        fig.canvas.mpl_disconnect(state["blitter"].draw_hook)
    state["blitter"] = Blitter(fig, _moving_artists(ax_b, loss_line))


def _wire(controls: dict, update) -> None:
    """Connect the widgets to ``update``: Play trains a chunk per tick, the rate trains one
    chunk at once (so its effect shows without Play), the dropdowns only apply their setting,
    and reset stops Play and starts over."""
    play = controls["play"]

    def on_play(change) -> None:
        ticks = change["new"] - change["old"]
        if ticks > 0:
            update(num_steps=CHUNK * min(ticks, 10))

    def on_reset(_) -> None:
        play.playing = False
        play.value = 0
        update(reset=True, num_steps=0)

    play.observe(on_play, names="value")
    controls["lr"].observe(lambda c: update(lr=c["new"]), names="value")
    for key in ("batch_size", "dataset", "hidden", "activation"):
        controls[key].observe(lambda c, k=key: update(num_steps=0, **{k: c["new"]}), names="value")
    controls["reset"].on_click(on_reset)


@checked(
    dataset=choice(*DATASETS),
    hidden=choice(*HIDDEN),
    activation=choice(*ACTIVATIONS),
    lr=POSITIVE,
    batch_size=choice(*BATCH_SIZES),
)
def playground_explorer(
    dataset: str = "moons",
    hidden: str = "8-8",
    activation: str = "relu",
    lr: float = 0.3,
    batch_size: int = 16,
):
    """Train a small network live on a 2-D data set: Play, Pause, Reset, and change anything.

    ``.update(lr=None, num_steps=CHUNK, dataset=None, hidden=None, activation=None,
    batch_size=None, reset=False)`` applies the settings (a new data set, layers or activation
    starts over) and then runs ``num_steps`` training steps and redraws.
    """
    import ipywidgets as widgets

    fig, (ax_b, ax_l) = new_figure(5.8, 3.0, ncols=2)
    settings = dict(dataset=dataset, hidden=hidden, activation=activation, lr=lr)
    settings["batch_size"] = batch_size
    state = {}
    loss_line = _loss_panel(ax_l)
    caption = widgets.HTML()

    def start() -> None:
        pg = Playground(**settings)
        ax_b.clear()
        state.update(pg=pg, image=draw_boundary(ax_b, pg, title=False))
        _set_loss_limits(ax_l, (0, 100), (0.01, 10.0))

    def update(
        lr=None,
        num_steps=CHUNK,
        dataset=None,
        hidden=None,
        activation=None,
        batch_size=None,
        reset=False,
    ) -> None:
        changes = dict(dataset=dataset, hidden=hidden, activation=activation)
        changes.update(lr=lr, batch_size=batch_size)
        new, restart = new_settings(settings, changes, reset)
        settings.update(new)
        if restart:
            start()
            freeze_layout(fig)  # start() cleared the boundary panel: pin its new title
            _blit_training(fig, state, ax_b, loss_line)
        else:
            state["pg"].configure(lr=lr, batch_size=batch_size)
        state["pg"].train(num_steps)
        update_decision_boundary(ax_b, state["pg"].scores)
        new_limits = _show_losses(loss_line, state["pg"])
        if restart or new_limits or state.get("blitter") is None:
            redraw(fig)  # the panels changed: a full draw (which keeps a new background)
        else:
            state["blitter"].update()
        # after the picture, so that the browser gets the picture first
        caption.value = describe(state["pg"]) + ". Full-data loss on a log scale."

    controls = _playground_controls(settings)
    _wire(controls, update)
    start()
    fig.tight_layout()
    update(num_steps=0)
    freeze_layout(fig)  # later draws do not re-measure tick labels to place titles and labels
    _blit_training(fig, state, ax_b, loss_line)
    panel = [controls["lr"], [controls["play"], controls["reset"]]]
    panel += [controls[k] for k in ("dataset", "hidden", "activation", "batch_size")]
    box = explorer_box("playground", panel, fig, caption)
    box.update, box.caption, box.state, box.controls = update, caption, state, controls
    box.artists = {"loss": loss_line}
    return box


@checked(hidden=TEXT, num_steps=count(0), lr=POSITIVE)
def playground_static(hidden: str = "8-8", num_steps: int = 300, lr: float = 0.3):
    """Decision boundaries after training on each data set: a linear network vs a ReLU one.

    Row 1 uses the identity activation (the whole network is then one linear map, so its
    boundary is a straight line); row 2 uses ReLU. Titles give the accuracy reached.
    Returns the Figure (``plotting.small_multiples``).
    """

    def panel(dataset, activation, ax):
        pg = Playground(dataset, hidden, activation, lr, 16)
        pg.train(num_steps)
        draw_boundary(ax, pg, n=80)
        ax.set_title(f"{dataset}, {activation}\naccuracy {pg.accuracy():.0%}", fontsize=8)

    settings = [{"dataset": d, "activation": a} for a in ("identity", "relu") for d in DATASETS]
    # four small panels to a row, so the rows still say "linear network" and "ReLU network"
    return small_multiples(panel, settings, ncols=len(DATASETS), panel_size=(1.45, 1.55))
