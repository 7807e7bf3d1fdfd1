r"""Lesson 4 pictures: the shape of each loss, and MSE against cross-entropy on one classifier.

- ``loss_shapes_static()``: three panels, :math:`-\log p`; both per-example losses for a
  target of 1 as the predicted probability p varies; and the size of their slopes with respect
  to the weighted sum z (the MSE slope dies out where the sigmoid saturates).
- ``loss_race_static(runs)``: the two training runs of ``loss_compare.compare_losses`` side by
  side (cross-entropy of the model, accuracy, gradient size, against the step).
- ``loss_race_animation(runs, X, y)``: returns ``(fig, update, num_frames)`` for
  ``course_lib.animation.animate``: the data and each run's sigmoid curve, step by step.

The numbers come from ``course_lib.loss_compare`` (pure compute); this module only draws.
Figures are built under ``plt.ioff()``, so a static figure shows where the cell returns it.
"""

import numpy as np

from course_lib.loss_compare import logit_gradients
from course_lib.plotting.style import COLORS
from course_lib.validation import as_array
from course_lib.widgets._base import new_figure

__all__ = ["loss_shapes_static", "loss_race_static", "loss_race_animation"]

_NAMES = {"mse": "mean squared error", "binary_cross_entropy": "cross-entropy"}
_RUN_COLORS = {"mse": COLORS["vermillion"], "binary_cross_entropy": COLORS["blue"]}


def _plain_log_ticks(ax) -> None:
    # Log axes label their ticks as mathtext powers of ten by default, which is slow to lay out
    # (a second or more per figure); plain numbers such as 0.001 read as well and draw fast.
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    ax.yaxis.set_major_locator(LogLocator(base=10.0, numticks=6))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:g}"))
    ax.yaxis.set_minor_formatter(NullFormatter())


def _check_runs(func: str, runs) -> dict:
    if not isinstance(runs, dict) or set(runs) != set(_NAMES):
        raise TypeError(
            f"{func}: runs should be the dict returned by loss_compare.compare_losses, with keys "
            f"{sorted(_NAMES)}."
        )
    return runs


def loss_shapes_static(z_range=(-8.0, 8.0)):
    r"""Three panels: :math:`-\log p`; MSE and cross-entropy for a target of 1 against p; and
    the size of each one's slope with respect to the weighted sum z (log scale).

    .. math:: \text{MSE: } (1 - p)^2,\ \left|\tfrac{\partial}{\partial z}\right| =
              2(1 - p)\,p(1 - p); \qquad \text{CE: } -\log p,\
              \left|\tfrac{\partial}{\partial z}\right| = 1 - p; \qquad p = \sigma(z)

    z_range: the weighted sums shown in the third panel. Returns a matplotlib Figure.
    """
    import matplotlib.pyplot as plt

    lo, hi = as_array("loss_shapes_static", "z_range", z_range, ndim=1)
    p = np.linspace(0.005, 1.0, 400)
    z = np.linspace(lo, hi, 400)
    g = logit_gradients(z, 1.0)
    with plt.ioff():
        fig, (ax1, ax2, ax3) = plt.subplots(1, 3, figsize=(13.0, 3.6))
    ax1.plot(p, -np.log(p), color=COLORS["blue"])
    for q in (0.9, 0.5, 0.1):
        ax1.plot([q], [-np.log(q)], "o", color=COLORS["vermillion"])
        ax1.annotate(
            f"p = {q:g}: {-np.log(q):.2f}",
            (q, -np.log(q)),
            (6, 6),
            textcoords="offset points",
            fontsize=9,
        )
    ax1.set(title="−log p: the cost of the true class's probability", xlabel="p", ylabel="loss")
    ax2.plot(p, -np.log(p), color=_RUN_COLORS["binary_cross_entropy"], label="cross-entropy −log p")
    ax2.plot(p, (1.0 - p) ** 2, color=_RUN_COLORS["mse"], label="squared error (1 − p)²")
    ax2.set(
        title="one example with target y = 1",
        xlabel="predicted probability p",
        ylabel="loss",
        ylim=(0.0, 5.5),
    )
    ax3.semilogy(
        z,
        np.abs(g["bce_dz"]),
        color=_RUN_COLORS["binary_cross_entropy"],
        label="cross-entropy: 1 − p",
    )
    ax3.semilogy(
        z, np.abs(g["mse_dz"]), color=_RUN_COLORS["mse"], label="squared error: 2(1 − p)·p(1 − p)"
    )
    ax3.set(
        title="slope with respect to z (y = 1)",
        xlabel="weighted sum z   (p = σ(z))",
        ylabel="|∂loss/∂z| (log scale)",
    )
    _plain_log_ticks(ax3)
    ax3.annotate("confidently wrong:\nMSE slope ≈ 0", (lo + 0.5, 2e-3), fontsize=9)
    for ax in (ax1, ax2, ax3):
        ax.grid(True, alpha=0.3)
    ax2.legend(fontsize=9)
    ax3.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    return fig


def loss_race_static(runs):
    r"""The MSE run and the cross-entropy run of ``compare_losses`` on three shared step axes.

    .. math:: \text{panels: } \mathrm{BCE}(\hat y, y), \quad \text{accuracy}, \quad
              \lVert (dW, db) \rVert \quad\text{against the step}

    runs: ``{"mse": history, "binary_cross_entropy": history}``. Returns a matplotlib Figure.
    """
    import matplotlib.pyplot as plt

    runs = _check_runs("loss_race_static", runs)
    with plt.ioff():
        fig, axes = plt.subplots(1, 3, figsize=(13.0, 3.4), sharex=True)
    for name, hist in runs.items():
        steps = np.arange(len(hist["bce"]))
        style = {"color": _RUN_COLORS[name], "label": f"trained with {_NAMES[name]}"}
        axes[0].semilogy(steps, hist["bce"], **style)
        axes[1].plot(steps, hist["accuracy"], **style)
        axes[2].semilogy(steps, hist["grad_norm"], **style)
    _plain_log_ticks(axes[0])
    _plain_log_ticks(axes[2])
    axes[0].set(title="cross-entropy of the model", ylabel="loss (log scale)")
    axes[1].set(title="accuracy", ylim=(-0.05, 1.05))
    axes[2].set(title="size of the gradient (dW, db)", ylabel="log scale")
    for ax in axes:
        ax.set_xlabel("step")
        ax.grid(True, alpha=0.3)
    axes[1].legend(fontsize=9, loc="center right")
    fig.tight_layout()
    return fig


def loss_race_animation(runs, X, y):
    r"""The two runs as an animation: data points and each run's curve :math:`p = \sigma(wx + b)`.

    .. math:: p(x) = \sigma(w_k x + b_k) \quad\text{at step } k

    runs: from ``compare_losses`` on one-feature data; X: (N, 1); y: (N,). Returns
    ``(fig, update, num_frames)``; pass them to ``course_lib.animation.animate``.
    """
    func = "loss_race_animation"
    runs = _check_runs(func, runs)
    X = as_array(func, "X", X, ndim=2)
    y = as_array(func, "y", y, ndim=1)
    if X.shape[1] != 1 or len(y) != len(X):
        raise ValueError(
            f"{func}: X has shape {X.shape} and y {y.shape}; the animation draws one-feature "
            "data, X of shape (N, 1) with one label per row."
        )
    x = X[:, 0]
    pad = 0.5
    xs = np.linspace(x.min() - pad, x.max() + pad, 200)
    fig, axes = new_figure(10.0, 3.8, ncols=2, sharey=True)
    curves, titles = {}, {}
    for ax, name in zip(axes, _NAMES, strict=True):
        ax.scatter(x, y, c=np.where(y == 1, COLORS["blue"], COLORS["orange"]), s=18, zorder=3)
        ax.axhline(0.5, color=COLORS["grey"], ls="--", lw=1)
        (curves[name],) = ax.plot(xs, np.zeros_like(xs), color=_RUN_COLORS[name], lw=2.5)
        titles[name] = ax.set_title("")
        ax.set(xlabel="x (one feature)", ylim=(-0.08, 1.08))
        ax.grid(True, alpha=0.3)
    axes[0].set_ylabel("p = σ(w·x + b), label y")

    def update(k: int) -> None:
        for name, hist in runs.items():
            j = min(int(k), len(hist["b"]) - 1)
            w, b = float(hist["W"][j, 0]), float(hist["b"][j])
            curves[name].set_ydata(logit_gradients(w * xs + b, 1.0)["p"])
            titles[name].set_text(
                f"trained with {_NAMES[name]}, step {j}: accuracy {hist['accuracy'][j]:.0%}\n"
                f"w = {w:.2f}, b = {b:.2f}, |gradient| = {hist['grad_norm'][j]:.1e}"
            )

    num_frames = max(len(hist["b"]) for hist in runs.values())
    update(0)
    fig.tight_layout()  # after update(0), so the two-line titles get their room
    return fig, update, num_frames
