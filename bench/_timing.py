"""Tiny headless timing helpers for the benchmarks (no wall-clock assertions anywhere else).

``median_ms(fn)`` times a function; ``draw_time(fig)`` times one full Agg redraw of a figure
at its real size and dpi; ``build_memory`` measures memory. (Explorers' slider moves are timed
in their lessons' kernels: ``bench_explorers``.)
"""

import time

import numpy as np


def median_ms(fn, repeats: int = 7, warmup: int = 1) -> float:
    """Median wall-clock time of ``fn()`` in milliseconds over ``repeats`` calls (after warm-up)."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1000.0 * float(np.median(times))


def draw_time(fig, repeats: int = 5) -> float:
    """Median milliseconds of ``canvas.draw()`` for ``fig`` at its own size and dpi, with Agg.

    A figure on another canvas (e.g. ipympl's) is drawn on a temporary Agg canvas, and its
    own canvas is put back afterwards.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    original = fig.canvas
    canvas = original if isinstance(original, FigureCanvasAgg) else FigureCanvasAgg(fig)
    try:
        return median_ms(canvas.draw, repeats=repeats)
    finally:
        if canvas is not original:
            fig.set_canvas(original)


def build_memory(builders) -> tuple[float, float]:
    """(peak traced MB while building and drawing every explorer, process peak RSS MB)."""
    import resource
    import sys
    import tracemalloc

    import matplotlib.pyplot as plt

    tracemalloc.start()
    boxes = [build() for build in builders]
    for box in boxes:
        box.figure.canvas.draw()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    for box in boxes:
        plt.close(box.figure)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return peak / 2**20, rss / 2**20 if sys.platform == "darwin" else rss / 2**10
