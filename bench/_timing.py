"""Tiny headless timing helpers for the benchmarks (no wall-clock assertions anywhere else).

``median_ms(fn)`` times a function; ``draw_time(fig)`` times one full Agg redraw of a figure
at its real size and dpi, which is what a widget pays per slider event after ``draw_idle()``.
``time_updates`` / ``update_lines`` time an explorer's updates; ``reference_draw`` /
``reference_lines`` time a plain plot, the machine's speed; ``build_memory`` measures memory.
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


def time_updates(box, values, update) -> tuple[float, float]:
    """Median (wall ms, CPU ms) of ``update(box, v)`` + one full ``canvas.draw()`` per value.

    On Agg ``draw_idle`` draws at once, so it is silenced: each timed update pays exactly one
    full draw at the figure's real size, as a slider event does in a notebook. The CPU time
    (``time.process_time``) is less inflated than the wall time on a machine shared with other
    jobs.
    """
    canvas = box.figure.canvas
    canvas.draw()  # the first draw (fonts, caches) is not a slider event
    canvas.draw_idle = lambda *args, **kwargs: None
    wall, cpu = [], []
    for v in values:
        start, start_cpu = time.perf_counter(), time.process_time()
        update(box, v)
        canvas.draw()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return 1000.0 * float(np.median(wall)), 1000.0 * float(np.median(cpu))


def reference_draw(figsize, repeats: int = 24) -> tuple[float, float]:
    """Median (wall ms, CPU ms) of drawing one plain line plot: the machine's speed, to read
    the explorers' figures against (a loaded machine inflates them all)."""
    import matplotlib.pyplot as plt

    with plt.ioff():
        fig, ax = plt.subplots(figsize=figsize)
    x = np.linspace(0, 1, 241)
    ax.plot(x, x)
    box = type("Box", (), {"figure": fig})()
    try:
        return time_updates(box, range(repeats), lambda b, v: None)
    finally:
        plt.close(fig)


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


def reference_lines(prefix: str, figsize, repeats: int = 24) -> list[tuple[str, float, str]]:
    """The two benchmark lines of :func:`reference_draw`: ``{prefix}_reference_plain_axes_draw``
    in wall ms and ``..._cpu`` in CPU ms."""
    wall, cpu = reference_draw(figsize, repeats)
    return [
        (f"{prefix}_reference_plain_axes_draw", wall, "ms"),
        (f"{prefix}_reference_plain_axes_draw_cpu", cpu, "ms"),
    ]


def update_lines(name: str, box, values, update) -> list[tuple[str, float, str]]:
    """Time ``update(box, v)`` with :func:`time_updates`, close the figure, and return the two
    lines ``explorer_{name}_update`` (wall ms) and ``explorer_{name}_update_cpu`` (CPU ms)."""
    import matplotlib.pyplot as plt

    try:
        wall, cpu = time_updates(box, values, update)
    finally:
        plt.close(box.figure)
    return [(f"explorer_{name}_update", wall, "ms"), (f"explorer_{name}_update_cpu", cpu, "ms")]
