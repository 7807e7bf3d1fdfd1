"""Lesson 6 explorer: a small network learns a 2-D data set while you watch (after TF Playground).

Dropdowns choose the data set (moons, spirals, xor, blobs), the hidden layers, the activation
and the batch size; a log slider sets the learning rate (a move trains one chunk at the new
rate at once, so its effect shows). Play trains: every tick of the
``ipywidgets.Play`` counter runs a chunk of SGD steps (so it also works without a browser), and
the decision-boundary image (a coarse grid, updated with ``set_data``) and the loss curve follow.
Reset starts again from the same initial weights. The settings, loss and accuracy are written in
the HTML caption rather than in the figure (changing text is the costliest thing to redraw).
``playground_static`` is the printed companion: decision boundaries after training on each data
set, with a linear and a ReLU network.

The compute is ``demos.playground.Playground``; this module only draws.
"""

import numpy as np

from course_lib._argspec import AXES, BOOL, POSITIVE, TEXT, choice, count, has_attrs
from course_lib._checked import checked
from course_lib.demos.playground import DATASETS, Playground
from course_lib.plotting import plot_decision_boundary, small_multiples, update_decision_boundary
from course_lib.plotting.figure_updates import freeze_layout, redraw
from course_lib.widgets._base import explorer_box, mark_main, mark_play, new_figure
from course_lib.widgets._fast import fixed_ticks, nice_ticks

HIDDEN = ("4", "8", "8-8", "16-16")
ACTIVATIONS = ("relu", "tanh", "sigmoid")
BATCH_SIZES = (1, 8, 16, 32, 200)
CHUNK = 10  # SGD steps per Play tick
GRID = 60  # decision-boundary image resolution (GRID x GRID)


@checked(
    ax=AXES, pg=has_attrs(("model", "scores", "losses"), "Playground()"), n=count(2), title=BOOL
)
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
    settings = {
        "dataset": dataset,
        "hidden": hidden,
        "activation": activation,
        "lr": lr,
        "batch_size": batch_size,
    }
    state = {}
    (loss_line,) = ax_l.semilogy([0], [1.0], color="crimson", lw=1.3)
    ax_l.set(xlabel="step", ylabel="loss")
    ax_l.grid(alpha=0.3)
    caption = widgets.HTML()

    def start() -> None:
        pg = Playground(
            settings["dataset"],
            settings["hidden"],
            settings["activation"],
            settings["lr"],
            settings["batch_size"],
        )
        ax_b.clear()
        image = draw_boundary(ax_b, pg, title=False)
        state.update(pg=pg, image=image)
        set_loss_limits((0, 100), (0.01, 10.0))

    def set_loss_limits(xlim, ylim) -> None:
        """New limits for the loss panel, with a few fixed ticks chosen once for them."""
        ax_l.set(xlim=xlim, ylim=ylim)
        fixed_ticks(ax_l, x=nice_ticks(*xlim, n=2), y=nice_ticks(*ylim, log=True, n=2))

    def refresh() -> None:
        pg = state["pg"]
        update_decision_boundary(ax_b, pg.scores)
        losses = np.asarray(pg.losses)
        loss_line.set_data(np.arange(len(losses)), losses)
        xlim, ylim = ax_l.get_xlim(), ax_l.get_ylim()
        if pg.step > xlim[1]:
            xlim = (0, 2 * xlim[1])
        if losses.min() < ylim[0] or losses.max() > ylim[1]:
            ylim = (min(ylim[0], losses.min() / 2), max(ylim[1], losses.max() * 2))
        if (xlim, ylim) != (ax_l.get_xlim(), ax_l.get_ylim()):
            set_loss_limits(xlim, ylim)
        caption.value = describe(pg) + ". Full-data loss on a log scale."
        redraw(fig)

    def update(
        lr=None,
        num_steps=CHUNK,
        dataset=None,
        hidden=None,
        activation=None,
        batch_size=None,
        reset=False,
    ) -> None:
        new = {"dataset": dataset, "hidden": hidden, "activation": activation}
        if any(v is not None and v != settings[k] for k, v in new.items()) or reset:
            settings.update({k: v for k, v in new.items() if v is not None})
            if lr is not None:
                settings["lr"] = float(lr)
            if batch_size is not None:
                settings["batch_size"] = int(batch_size)
            start()
            freeze_layout(fig)  # start() cleared the boundary panel: pin its new title
        else:
            if lr is not None:
                settings["lr"] = float(lr)
            if batch_size is not None:
                settings["batch_size"] = int(batch_size)
            state["pg"].configure(lr=lr, batch_size=batch_size)
        state["pg"].train(num_steps)
        refresh()

    lr_slider = mark_main(
        widgets.FloatLogSlider(
            value=lr, base=10, min=-3, max=0.7, step=0.05, description="η", readout_format=".3g"
        )
    )
    dd_data = widgets.Dropdown(options=DATASETS, value=dataset, description="data")
    dd_hidden = widgets.Dropdown(options=HIDDEN, value=hidden, description="hidden")
    dd_act = widgets.Dropdown(options=ACTIVATIONS, value=activation, description="activation")
    dd_batch = widgets.Dropdown(options=BATCH_SIZES, value=batch_size, description="batch")
    play = mark_play(
        widgets.Play(value=0, min=0, max=100_000, step=1, interval=200, description="train")
    )
    reset = widgets.Button(description="reset", icon="refresh")

    def on_play(change) -> None:
        ticks = change["new"] - change["old"]
        if ticks > 0:
            update(num_steps=CHUNK * min(ticks, 10))

    play.observe(on_play, names="value")
    # a new rate trains one chunk at once, so its effect shows without pressing Play
    lr_slider.observe(lambda c: update(lr=c["new"]), names="value")
    dd_batch.observe(lambda c: update(batch_size=c["new"], num_steps=0), names="value")
    dd_data.observe(lambda c: update(dataset=c["new"], num_steps=0), names="value")
    dd_hidden.observe(lambda c: update(hidden=c["new"], num_steps=0), names="value")
    dd_act.observe(lambda c: update(activation=c["new"], num_steps=0), names="value")

    def on_reset(_) -> None:
        play.playing = False
        play.value = 0
        update(reset=True, num_steps=0)

    reset.on_click(on_reset)
    start()
    fig.tight_layout()
    update(num_steps=0)
    freeze_layout(fig)  # later draws do not re-measure tick labels to place titles and labels
    controls = [lr_slider, [play, reset], dd_data, dd_hidden, dd_act, dd_batch]
    box = explorer_box("playground", controls, fig, caption)
    box.update = update
    box.caption = caption
    box.state = state
    box.controls = {
        "lr": lr_slider,
        "dataset": dd_data,
        "hidden": dd_hidden,
        "activation": dd_act,
        "batch_size": dd_batch,
        "play": play,
        "reset": reset,
    }
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
