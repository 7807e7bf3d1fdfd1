"""Lesson 8 explorer: watch a network overfit 40 points, epoch by epoch.

Left, the decision regions of a 2-H-2 network with its 40 training points; right, the training
and validation loss (log scale) against the epoch, with the current epoch marked. The main
slider moves through training (epochs 0 to 500 of full-batch Adam); a second slider sets the
capacity (hidden nodes H) and a menu the L2 weight decay λ. A new (H, λ) trains once (well under a
second) and is kept; moving the epoch slider only looks the recorded snapshot up, and redraws
only the shading, the points and the epoch marker over a kept picture of the rest (a
``Blitter``). The exact numbers (losses, accuracies, the epoch of lowest validation loss) are
in the caption.
``overfitting_static`` is the printed companion: three epochs of one run without and one with
weight decay, each row with its loss curves.

The compute is ``demos.overfitting``; this module only draws.
"""

from functools import lru_cache

import numpy as np

from course_lib._argspec import AXES, NONNEGATIVE, array, choice, count, has_attrs, optional
from course_lib._checked import checked
from course_lib.demos.overfitting import (
    DECAYS,
    HIDDEN,
    OverfitRun,
    overfit_data,
    overfit_run,
    snapshot_model,
)
from course_lib.plotting import COLORS
from course_lib.plotting.figure_updates import Blitter, freeze_layout
from course_lib.widgets._base import explorer_box, mark_main, new_figure
from course_lib.widgets._fast import color_key, fixed_ticks
from course_lib.widgets._layout import COLUMN_INCHES

__all__ = ["overfitting_explorer", "overfitting_static", "plot_overfit_boundary", "cached_run"]

GRID = 50  # decision-region image resolution (GRID x GRID)
KEY = color_key(
    [
        (COLORS["blue"], "━", "training loss"),
        (COLORS["vermillion"], "━", "validation loss"),
        (COLORS["grey"], "┆", "lowest validation loss"),
    ]
)


@lru_cache(maxsize=1)
def _data():
    return overfit_data()


@lru_cache(maxsize=32)
@checked(hidden=count(1), weight_decay=NONNEGATIVE)
def cached_run(hidden: int = 64, weight_decay: float = 0.0) -> OverfitRun:
    """``demos.overfitting.overfit_run`` on the default data, computed once per (H, λ)."""
    return overfit_run(_data(), hidden, weight_decay)


def _p1(run: OverfitRun, k: int, points: np.ndarray) -> np.ndarray:
    """P(class 1) of each row of ``points`` (G, 2) for the network of record ``k``: (G,)."""
    z = snapshot_model(run, k)._forward(points, keep=False)
    return 1.0 / (1.0 + np.exp(np.clip(z[:, 0] - z[:, 1], -50, 50)))  # softmax of two logits


@checked(
    run=has_attrs(("epochs", "snapshots", "val_loss"), "overfit_run(overfit_data())"),
    epoch=count(0),
    ax=optional(AXES),
    grid=count(2),
)
def plot_overfit_boundary(run: OverfitRun, epoch: int, ax=None, grid: int = GRID):
    """The network of ``run`` at ``epoch``: P(class 1) as shading, with the training points.

    White is P = 0.5 (the decision boundary); full blue or orange is a sure answer, so the
    picture shows how confident the network has become, not only where it draws the line.
    Returns the Axes; ``update_overfit_boundary`` recolours it.
    """
    import matplotlib.pyplot as plt
    from matplotlib.colors import LinearSegmentedColormap

    X_tr, y_tr, _, _ = _data()
    lo, hi = X_tr.min(axis=0) - 0.4, X_tr.max(axis=0) + 0.4
    g0, g1 = np.meshgrid(np.linspace(lo[0], hi[0], grid), np.linspace(lo[1], hi[1], grid))
    ax = ax if ax is not None else plt.subplots(figsize=(4.0, 3.0))[1]
    # The colours at 55 % over the white Axes, mixed beforehand: an opaque image draws faster
    # than a transparent one (no alpha to resample) and looks the same.
    pale = [_over_white(COLORS["blue"]), "white", _over_white(COLORS["vermillion"])]
    image = ax.imshow(
        np.zeros((grid, grid)),
        origin="lower",
        extent=(lo[0], hi[0], lo[1], hi[1]),
        cmap=LinearSegmentedColormap.from_list("p1", pale),
        vmin=0.0,
        vmax=1.0,
        aspect="auto",
        interpolation="bilinear",
    )
    points = [
        ax.plot(*X_tr[y_tr == k].T, "o", color=color, mec="black", mew=0.6, ms=5, zorder=3)[0]
        for k, color in enumerate((COLORS["blue"], COLORS["vermillion"]))
    ]
    ax.set(xticks=[], yticks=[])
    ax.course_overfit = {
        "image": image,
        "points": points,  # above the shading and its frame: the explorer blits them too
        "grid": np.column_stack([g0.ravel(), g1.ravel()]),
        "shape": (grid, grid),
        "run": None,
        "kept": {},  # record k -> P(class 1) on the grid, for the run shown last
    }
    return update_overfit_boundary(ax, run, epoch)


def _over_white(color, alpha: float = 0.55) -> tuple:
    """``color`` drawn with opacity ``alpha`` over white, as an opaque RGB colour."""
    from matplotlib.colors import to_rgb

    return tuple(alpha * np.asarray(to_rgb(color)) + (1.0 - alpha))


def update_overfit_boundary(ax, run: OverfitRun, epoch: int):
    """Recolour a ``plot_overfit_boundary`` Axes for another run or epoch.

    The shading of each record is kept for the run shown last, so a slider that comes back to
    an epoch does not run the network on the grid again.
    """
    shading = ax.course_overfit
    if shading["run"] is not run:
        shading["run"], shading["kept"] = run, {}
    k, kept = run.index(epoch), shading["kept"]
    if k not in kept:
        kept[k] = _p1(run, k, shading["grid"]).reshape(shading["shape"])
    shading["image"].set_data(kept[k])
    return ax


def plot_overfit_curves(run: OverfitRun, epoch: int | None = None, ax=None):
    """Training and validation loss of ``run`` against the epoch (log y); the lowest validation
    loss dotted; ``epoch`` (optional) marked with a vertical line. Returns the Axes."""
    import matplotlib.pyplot as plt

    ax = ax if ax is not None else plt.subplots(figsize=(4.0, 3.0))[1]
    ax.semilogy(run.epochs, run.train_loss + 1e-4, color=COLORS["blue"], lw=1.4)
    ax.semilogy(run.epochs, run.val_loss, color=COLORS["vermillion"], lw=1.4)
    ax.axvline(run.epochs[run.best], color=COLORS["grey"], ls=":", lw=1.2)
    marker = ax.axvline(0 if epoch is None else epoch, color="black", lw=0.8)
    marker.set_visible(epoch is not None)
    ax.set(xlim=(0, run.epochs[-1]), ylim=(1e-4, 10.0), xlabel="epoch")
    fixed_ticks(ax, x=[0, run.epochs[-1] // 2, run.epochs[-1]], y=[1e-3, 1e-2, 1e-1, 1.0])
    ax.course_marker = marker
    return ax


def _update_overfit_curves(ax, run: OverfitRun):
    """Show another run (same epochs) on a ``plot_overfit_curves`` Axes, its lines changed in
    place: the layout, the ticks and the epoch marker stay as they are."""
    train, val, best = ax.lines[:3]
    train.set_data(run.epochs, run.train_loss + 1e-4)
    val.set_data(run.epochs, run.val_loss)
    best.set_xdata([run.epochs[run.best]] * 2)
    return ax


def _caption(run: OverfitRun, epoch: int) -> str:
    k, b = run.index(epoch), run.best
    return (
        f"H = {run.hidden} hidden nodes, λ = {run.weight_decay:g}, epoch {run.epochs[k]}: "
        f"training loss <b>{run.train_loss[k]:.3g}</b> (accuracy {run.train_acc[k]:.0%}), "
        f"validation loss <b>{run.val_loss[k]:.3g}</b> (accuracy {run.val_acc[k]:.1%}).<br>"
        f"Lowest validation loss {run.val_loss[b]:.3g} at epoch {run.epochs[b]} "
        f"(accuracy {run.val_acc[b]:.1%}). 40 training points, 1000 validation points; "
        f"training loss drawn + 0.0001 so 0 fits the log scale.<br>{KEY}"
    )


@checked(hidden=choice(*HIDDEN), weight_decay=choice(*DECAYS), epoch=count(0))
def overfitting_explorer(hidden: int = 64, weight_decay: float = 0.0, epoch: int = 20):
    """Epoch slider (main), hidden-nodes slider and weight-decay menu over one training run.

    ``box.update(epoch=None, hidden=None, weight_decay=None)`` redraws (None keeps the control's
    value); ``box.state["run"]`` is the ``OverfitRun`` shown.
    """
    import ipywidgets as widgets

    fig, (ax_b, ax_c) = new_figure(COLUMN_INCHES, 3.0, ncols=2)
    state = {"run": cached_run(hidden, weight_decay)}
    plot_overfit_boundary(state["run"], epoch, ax=ax_b)
    ax_b.set_title("P(class 1): white = 0.5", fontsize=9)
    plot_overfit_curves(state["run"], epoch, ax=ax_c)
    ax_c.set_ylabel("loss (log scale)")
    fig.tight_layout()
    freeze_layout(fig)
    # An epoch move changes only the shading and the marker: they are redrawn over a kept
    # picture of the rest, one picture per (H, λ). The shading's frame and the points are
    # drawn after it, as a full draw does (frame zorder 2.5, points 3, shading 0).
    shading, frame = ax_b.course_overfit, list(ax_b.spines.values())
    moving = [shading["image"], *frame, *shading["points"], ax_c.course_marker]
    blitter = Blitter(fig, moving)
    caption = widgets.HTML()
    controls = {
        "epoch": mark_main(
            widgets.IntSlider(value=epoch, min=0, max=500, step=5, description="epoch")
        ),
        "hidden": widgets.SelectionSlider(options=HIDDEN, value=hidden, description="hidden H"),
        "weight_decay": widgets.Dropdown(
            options=[(f"{d:g}", d) for d in DECAYS],
            value=weight_decay,
            description="λ",
            layout={"width": "150px"},
        ),
    }

    def update(epoch=None, hidden=None, weight_decay=None):
        for name, value in (("epoch", epoch), ("hidden", hidden), ("weight_decay", weight_decay)):
            if value is not None:
                controls[name].value = value  # fires update() again through observe
        e = controls["epoch"].value
        run = cached_run(controls["hidden"].value, float(controls["weight_decay"].value))
        if run is not state["run"]:
            state["run"] = run
            _update_overfit_curves(ax_c, run)
        ax_c.course_marker.set_xdata([e, e])
        update_overfit_boundary(ax_b, run, e)
        blitter.update((run.hidden, run.weight_decay))  # the key names what the curves show
        caption.value = _caption(run, e)  # after the frame: the browser shows the picture first

    for widget in controls.values():
        widget.observe(lambda _change: update(), names="value")
    update()
    box = explorer_box("overfitting", list(controls.values()), fig, caption)
    box.update, box.caption, box.controls, box.state = update, caption, controls, state
    return box


@checked(hidden=count(1), decays=array(ndim=1, max_abs=10), epochs=array(ndim=1))
def overfitting_static(hidden: int = 64, decays=(0.0, 0.003), epochs=(10, 100, 500)):
    """One row per weight decay: the decision regions at three epochs, then the loss curves.

    Each boundary panel's title gives the epoch and the validation loss. Returns the Figure.
    """
    import matplotlib.pyplot as plt

    with plt.ioff():
        fig, axes = plt.subplots(
            len(decays),
            len(epochs) + 1,
            figsize=(COLUMN_INCHES, 1.8 * len(decays) + 0.3),
            layout="constrained",
        )
    for row, lam in zip(np.atleast_2d(axes), decays, strict=True):
        run = cached_run(hidden, float(lam))
        for ax, e in zip(row, epochs, strict=False):
            plot_overfit_boundary(run, e, ax=ax, grid=40)
            k = run.index(e)
            ax.set_title(f"λ={lam:g}, epoch {e}\nval loss {run.val_loss[k]:.2f}", fontsize=8)
        plot_overfit_curves(run, ax=row[-1])
        row[-1].set_title("loss: blue train,\nred validation", fontsize=8)
        row[-1].tick_params(labelsize=8)
    fig.suptitle(f"{hidden} hidden nodes, 40 training points", fontsize=10)
    return fig
