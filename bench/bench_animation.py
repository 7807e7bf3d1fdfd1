"""Benchmarks for plotting.animation and the plot helpers: exported HTML animation sizes and
frame counts, export times, and the Agg redraw time of typical course figures.

Data come from plain NumPy (gradient descent on a bowl, a noisy line, random weights), so
this runs without the maths modules. Figures are drawn at their real size with Agg.
"""

import time

import matplotlib

from bench._timing import draw_time, median_ms


def _descent_path(lr: float, steps: int):
    import numpy as np

    p, path = np.array([2.5, 1.5]), []
    for _ in range(steps + 1):
        path.append(p.copy())
        p = p - lr * np.array([2 * p[0], 20 * p[1]])  # gradient of w0^2 + 10 w1^2
    return np.array(path)


def _animations():
    """(name, fig, update, num_frames) for three typical course animations."""
    import numpy as np

    from course_lib import plotting as P

    rng = np.random.default_rng(0)
    path = _descent_path(0.04, 200)
    ax1 = P.plot_loss_surface(lambda a, b: a**2 + 10 * b**2, path[:1], lr=0.04)
    yield (
        "descent_200_steps",
        ax1.figure,
        lambda k: P.update_loss_surface(ax1, path[: k + 1], lr=0.04),
        len(path),
    )

    x = np.linspace(0.0, 5.0, 12)
    ax2 = P.plot_line_fit(x, 2 * x + 1 + rng.normal(size=12), 0.0, 1.0)
    yield "line_fit_slope_sweep", ax2.figure, lambda k: P.update_line_fit(ax2, 3 * k / 59, 1.0), 60

    Ws = [[rng.normal(size=(4, 2)), rng.normal(size=(1, 4))] for _ in range(2)]
    ax3 = P.plot_network([2, 4, 1], weights=Ws[0])

    def blend(k):
        t = k / 29
        P.update_network(ax3, weights=[(1 - t) * a + t * b for a, b in zip(*Ws, strict=True)])

    yield "network_weights_blend", ax3.figure, blend, 30


def run() -> list[tuple[str, float, str]]:
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from course_lib import plotting as P
    from course_lib.plotting import animation_html as H

    lines = []
    for name, fig, update, n in _animations():
        start = time.perf_counter()
        html = H.export_html(fig, update, n)
        seconds = time.perf_counter() - start
        frames = int(html.split('data-num-frames="', 1)[1].split('"', 1)[0])
        lines += [
            (f"anim_{name}_html_size", len(html.encode()) / 1024, "KB"),
            (f"anim_{name}_frames", float(frames), "frames"),
            (f"anim_{name}_export_time", seconds, "s"),
        ]
        plt.close(fig)

    # per-frame cost of a live animation: update + full redraw, with and without layout work
    path = _descent_path(0.04, 200)
    ax = P.plot_loss_surface(lambda a, b: a**2 + 10 * b**2, path[:1], lr=0.04)
    fig, k = ax.figure, iter(range(10**6))
    lines.append(("plot_loss_surface_draw", draw_time(fig), "ms"))

    def frame():
        P.update_loss_surface(ax, path[: next(k) % 200 + 1], lr=0.04)
        fig.canvas.draw()

    lines.append(("anim_frame_update_draw_constrained_layout", median_ms(frame, 9), "ms"))
    fig.set_layout_engine("none")  # what export_html does after the first draw
    lines.append(("anim_frame_update_draw_frozen_layout", median_ms(frame, 9), "ms"))
    plt.close(fig)

    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(int)
    ax = P.plot_decision_boundary(lambda Z: Z[:, 0] * Z[:, 1] > 0, X, y, resolution=150)
    lines.append(("plot_decision_boundary_draw", draw_time(ax.figure), "ms"))
    lines.append(
        (
            "update_decision_boundary_150x150",
            median_ms(lambda: P.update_decision_boundary(ax, lambda Z: Z[:, 0] > Z[:, 1]), 9),
            "ms",
        )
    )
    ax = P.plot_digits(
        rng.integers(0, 17, size=(64, 64)),
        labels=np.arange(64) % 10,
        predictions=np.arange(64) % 9,
        ncols=16,
    )
    lines.append(("plot_digits_64_draw", draw_time(ax.figure), "ms"))
    ax = P.plot_network(
        [64, 16, 10], weights=[rng.normal(size=(16, 64)), rng.normal(size=(10, 16))]
    )
    lines.append(("plot_network_64_16_10_draw", draw_time(ax.figure), "ms"))
    plt.close("all")
    return lines
