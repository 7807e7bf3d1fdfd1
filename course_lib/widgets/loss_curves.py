r"""Lesson 4 pictures: the shape of each loss, and MSE against cross-entropy on one classifier.

- ``loss_shapes_static()``: two panels, :math:`-\log p`, and both per-example losses for a
  target of 1 as the predicted probability p varies.
- ``saturation_explorer(z)``: a slider for the weighted sum z of one sigmoid output moves a
  point along both losses and along their slopes, with the two pushes compared in the caption
  (its still companion, ``saturation_static``, shows three values of z side by side).
- ``loss_race_static(runs)``: the two training runs of ``demos.loss_curves.compare_losses`` side by
  side (cross-entropy of the model, accuracy, gradient size, against the step).
- ``loss_race_animation(runs, X, y)``: returns ``(fig, update, num_frames)`` for
  ``course_lib.plotting.animation.animate``: the data and each run's sigmoid curve, step by step;
  ``loss_race_explorer(runs, X, y)`` plays it (each frame redraws only what moves).

The numbers come from ``course_lib.demos.loss_curves`` (pure compute); this module only draws.
Figures are built under ``plt.ioff()``, so a static figure shows where the cell returns it. The
explorers' axes are drawn once (``widgets._loss_axes``); a move redraws only the points or
curves that move (``plotting.figure_updates.Blitter``), and changing numbers are HTML captions.
"""

import numpy as np

from course_lib._argspec import NUMBER, POSITIVE, array, choice
from course_lib._checked import checked
from course_lib._validation import as_array
from course_lib.demos.loss_curves import logit_gradients, saturation_caption
from course_lib.plotting.figure_updates import Blitter, freeze_layout
from course_lib.plotting.style import COLORS
from course_lib.widgets._base import float_slider, new_figure
from course_lib.widgets._fast import color_key
from course_lib.widgets._layout import column_grid
from course_lib.widgets._loss_axes import (
    NAMES,
    RUN_COLORS,
    check_runs,
    plain_log_ticks,
    race_artists,
    race_caption,
    race_numbers,
    race_panels,
    saturation_axes,
    show_point,
    show_target,
)

__all__ = [
    "loss_shapes_static",
    "saturation_explorer",
    "saturation_static",
    "loss_race_static",
    "loss_race_animation",
    "loss_race_explorer",
]


@checked()
def loss_shapes_static():
    r"""Two panels: :math:`-\log p` with a few values marked; and, for one example with target 1,
    cross-entropy against the squared error as the predicted probability p varies.

    .. math:: \text{CE: } -\log p, \qquad \text{squared error: } (1 - p)^2

    Returns a matplotlib Figure.
    """
    import matplotlib.pyplot as plt

    p = np.linspace(0.005, 1.0, 400)
    with plt.ioff():
        fig, (ax1, ax2) = column_grid(2, 2.9, 3.0)  # side by side in the notebook column
    ax1.plot(p, -np.log(p), color=COLORS["blue"])
    for q in (0.9, 0.5, 0.1):
        ax1.plot([q], [-np.log(q)], "o", color=COLORS["vermillion"])
        right = q > 0.7  # near p = 1 a label to the right would run over the curve and the edge
        ax1.annotate(
            f"p = {q:g}: {-np.log(q):.2f}",
            (q, -np.log(q)),
            (0, 50) if right else (6, 12),  # near p = 1: well above, with a leader line
            textcoords="offset points",
            ha="right" if right else "left",
            fontsize=8,
            arrowprops={"arrowstyle": "-", "lw": 0.6, "color": "0.4"} if right else None,
        )
    ax1.set(xlabel="p", ylabel="loss")
    ax1.set_title("−log p: the cost of\nthe true class's probability", fontsize=10)
    ax2.plot(p, -np.log(p), color=RUN_COLORS["binary_cross_entropy"], label="cross-entropy −log p")
    ax2.plot(p, (1.0 - p) ** 2, color=RUN_COLORS["mse"], label="squared error (1 − p)²")
    ax2.set(xlabel="predicted probability p", ylabel="loss", ylim=(0.0, 5.5))
    ax2.set_title("one example\nwith target y = 1", fontsize=10)
    ax2.legend(fontsize=8)
    for ax in (ax1, ax2):
        ax.grid(True, alpha=0.3)
    fig.tight_layout()
    return fig


@checked(z=NUMBER, y=choice(1, 0))
def saturation_explorer(z: float = -4.0, y: int = 1):
    r"""Slide the weighted sum z of one sigmoid output: both losses and both slopes, live.

    .. math:: p = \sigma(z), \quad \text{MSE: } (p - y)^2,\ 2(p - y)\,p(1 - p); \qquad
              \text{CE: } -y\log p - (1 - y)\log(1 - p),\ p - y

    z: start value of the slider (-8 to 8); y: the target, 0 or 1 (a dropdown).
    ``box.update(z=None, y=None)`` redraws (None keeps the control's value).
    """
    import ipywidgets as widgets

    from course_lib.widgets._base import explorer_box, mark_main

    zs = np.linspace(-8.0, 8.0, 321)
    fig, (left, right) = new_figure(5.8, 3.2, ncols=2)
    artists = saturation_axes(left, right, zs)
    show_target(artists, zs, int(y))  # the title's text, before the layout is computed
    fig.tight_layout()
    freeze_layout(fig)  # slider events then re-measure nothing
    # a move redraws the four points only, over the picture kept for the target (the curves)
    points = [artists[k + "_point"] for k in ("bce", "mse", "bce_dz", "mse_dz")]
    blitter = Blitter(fig, points)
    # the key sits in the HTML caption: a legend is re-laid out on every draw
    key = color_key(
        [(RUN_COLORS["binary_cross_entropy"], "━", "cross-entropy"),
         (RUN_COLORS["mse"], "━", "squared error")]
    )  # fmt: skip
    caption = widgets.HTML()
    state = {"y": int(y)}
    controls = {
        "z": mark_main(float_slider("z", z, -8.0, 8.0)),
        "y": widgets.Dropdown(options=[1, 0], value=int(y), description="target y"),
    }

    def update(z=None, y=None):
        zv = controls["z"].value if z is None else float(z)
        yv = controls["y"].value if y is None else int(y)
        if yv != state["y"]:  # the curves depend only on the target; the title names it
            state["y"] = yv
            show_target(artists, zs, yv)
        show_point(artists, zv, yv)
        blitter.update(yv)  # one kept picture per target; the picture goes out first
        caption.value = f"{saturation_caption(zv, yv)}<br>{key}"

    for widget in controls.values():
        widget.observe(lambda _change: update(), names="value")
    update()
    box = explorer_box("saturation", list(controls.values()), fig, caption)
    box.update, box.caption, box.controls = update, caption, controls
    return box


@checked(zs=array(ndim=1), y=choice(1, 0))
def saturation_static(zs=(-6.0, -2.0, 1.0), y: int = 1):
    r"""The explorer's still companion: the slopes of both losses, one panel per weighted sum z.

    .. math:: \left|\tfrac{\partial}{\partial z}\right|: \quad 2|p - y|\,p(1 - p)
              \text{ (MSE)} \quad\text{vs}\quad |p - y| \text{ (CE)}, \qquad p = \sigma(z)

    zs: a few weighted sums, one panel each; y: the target, 0 or 1. Returns a Figure.
    """
    import matplotlib.pyplot as plt

    zs = as_array("saturation_static", "zs", zs, ndim=1)
    grid = np.linspace(-8.0, 8.0, 321)
    curves = logit_gradients(grid, float(y))
    with plt.ioff():
        fig, axes = column_grid(len(zs), 1.93, 2.8, sharey=True)  # three side by side
    for ax, zv in zip(np.atleast_1d(axes), zs, strict=True):
        here = logit_gradients(np.array([zv]), float(y))
        for key, label in (("bce", "cross-entropy"), ("mse", "squared error")):
            color = RUN_COLORS["mse" if key == "mse" else "binary_cross_entropy"]
            slope = np.maximum(np.abs(curves[key + "_dz"]), 1e-12)
            ax.semilogy(grid, slope, color=color, label=label)
            ax.plot([zv], [max(abs(here[key + "_dz"][0]), 1e-12)], "o", color=color, ms=8)
        ratio = abs(here["bce_dz"][0]) / max(abs(here["mse_dz"][0]), 1e-300)
        ax.set_title(f"z = {zv:g}, p = {here['p'][0]:.3g}\nCE push {ratio:.3g}× larger", fontsize=9)
        ax.set(xlabel="weighted sum z", ylim=(1e-4, 2.0))
        plain_log_ticks(ax)
        ax.grid(True, alpha=0.3)
    np.atleast_1d(axes)[0].set_ylabel(f"|slope ∂loss/∂z|, target {int(y)}")
    np.atleast_1d(axes)[0].legend(loc="lower center", fontsize=9)
    fig.tight_layout()
    return fig


@checked()
def loss_race_static(runs):
    r"""The MSE run and the cross-entropy run of ``compare_losses`` on three shared step axes.

    .. math:: \text{panels: } \mathrm{BCE}(\hat y, y), \quad \text{accuracy}, \quad
              \lVert (dW, db) \rVert \quad\text{against the step}

    runs: ``{"mse": history, "binary_cross_entropy": history}``. Returns a matplotlib Figure.
    """
    import matplotlib.pyplot as plt

    runs = check_runs("loss_race_static", runs)
    with plt.ioff():
        fig, axes = column_grid(3, 4.0, 3.4, sharex=True)
    for name, hist in runs.items():
        steps = np.arange(len(hist["bce"]))
        label = f"trained with {NAMES[name]}"
        if hist.get("diverged_at") is not None:  # a rate far too large: say so in the legend
            label += f" (diverged at step {hist['diverged_at']})"
        style = {"color": RUN_COLORS[name], "label": label}
        axes[0].semilogy(steps, hist["bce"], **style)
        axes[1].plot(steps, hist["accuracy"], **style)
        axes[2].semilogy(steps, hist["grad_norm"], **style)
    plain_log_ticks(axes[0])
    plain_log_ticks(axes[2])
    axes[0].set(title="cross-entropy of the model", ylabel="loss (log scale)")
    axes[1].set(title="accuracy", ylim=(-0.05, 1.05))
    axes[2].set(title="size of the gradient (dW, db)", ylabel="log scale")
    for ax in axes:
        ax.set_xlabel("step")
        ax.grid(True, alpha=0.3)
    fig.tight_layout()
    # the key in the empty fourth cell of the 2 x 2 grid, clear of every curve
    handles, labels = axes[1].get_legend_handles_labels()
    fig.legend(handles, labels, fontsize=9, loc="center", bbox_to_anchor=(0.75, 0.25))
    return fig


def _race(func: str, runs, X, y, titled: bool = True):
    """The race figure: ``(fig, update, num_frames, moving, numbers)``: ``moving`` is what
    ``update`` changes, ``numbers(k)`` the HTML caption of frame k. With ``titled``, the
    titles give each step's numbers too; otherwise they name the runs only and never change."""
    runs = check_runs(func, runs)
    X = as_array(func, "X", X, ndim=2)
    y = as_array(func, "y", y, ndim=1)
    if X.shape[1] != 1 or len(y) != len(X):
        raise ValueError(
            f"{func}: X has shape {X.shape} and y {y.shape}; the animation draws one-feature "
            "data, X of shape (N, 1) with one label per row."
        )
    x = X[:, 0]
    xs = np.linspace(x.min() - 0.5, x.max() + 0.5, 200)
    fig, axes = new_figure(5.8, 3.6 if titled else 3.2, ncols=2, sharey=True)
    panels = race_panels(axes, x, y, xs)
    # every step's curve at once, (steps, 200): a frame then only hands one row to its line
    curves = {
        name: logit_gradients(hist["W"][:, :1] * xs + hist["b"][:, None], 1.0)["p"]
        for name, hist in runs.items()
    }

    def steps(k: int) -> dict:
        return {name: min(int(k), len(hist["b"]) - 1) for name, hist in runs.items()}

    def update(k: int) -> None:
        for name, j in steps(k).items():
            panels[name]["curve"].set_ydata(curves[name][j])
            lines = race_numbers(runs[name], j) if titled else []
            panels[name]["title"].set_text("\n".join([f"trained with {NAMES[name]}", *lines]))

    num_frames = max(len(hist["b"]) for hist in runs.values())
    update(0)
    fig.tight_layout()  # after update(0), so the titles get their room
    moving = race_artists(panels, titles=titled)
    return fig, update, num_frames, moving, lambda k: race_caption(runs, steps(k))


@checked()
def loss_race_animation(runs, X, y):
    r"""The two runs as an animation: data points and each run's curve :math:`p = \sigma(wx + b)`.

    .. math:: p(x) = \sigma(w_k x + b_k) \quad\text{at step } k

    runs: from ``compare_losses`` on one-feature data; X: (N, 1); y: (N,). Returns
    ``(fig, update, num_frames)``; pass them to ``course_lib.plotting.animation.animate``
    (``loss_race_explorer`` does, with each frame redrawing only what moves).
    """
    return _race("loss_race_animation", runs, X, y)[:3]


@checked(interval_ms=POSITIVE)
def loss_race_explorer(runs, X, y, interval_ms: float = 120):
    r"""Play the two runs side by side: a Play button and a step slider over the race.

    .. math:: p(x) = \sigma(w_k x + b_k) \quad\text{at step } k

    runs: from ``compare_losses`` on one-feature data; X: (N, 1); y: (N,); interval_ms: the
    time between frames while playing (at 60 ms, frames came 83 ms apart in JupyterLab on a
    busy 2-core machine: the Play timer runs late and frames show on 16.7 ms screen ticks;
    120 ms is kept). Returns the ``animate`` box (``explorer-loss_race``)
    with a caption under each panel (step, accuracy, w, b, size of the gradient); each frame
    redraws only the two curves and the points over them.
    """
    import ipywidgets as widgets

    from course_lib.plotting.animation import animate
    from course_lib.widgets._layout import COLUMN_PX

    fig, update, num_frames, moving, numbers = _race("loss_race_explorer", runs, X, y, False)
    box = animate(fig, update, num_frames, interval_ms=interval_ms, name="loss_race", blit=moving)
    caption = widgets.HTML(numbers(box.course_slider.value))
    caption.layout.max_width = f"{COLUMN_PX}px"
    # observed after animate's own observer: the new picture is sent first, then the numbers
    box.course_slider.observe(lambda c: setattr(caption, "value", numbers(c["new"])), "value")
    box.children = (*box.children, caption)
    box.caption, box.figure = caption, fig
    return box
