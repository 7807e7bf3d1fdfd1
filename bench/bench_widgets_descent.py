"""Benchmark of the lesson 6-8 explorers: time of one update, and memory of building all three.

One update = the explorer's compute + in-place artist changes + ONE full ``fig.canvas.draw()``
at the figure's real size (Agg), as a slider event costs in a notebook (on Agg ``draw_idle``
draws at once, so it is silenced while timing). Median of 24 updates sweeping the main control:
the learning rate (log range) for the learning-rate explorer; Adam's learning rate for the race
(each new rate recomputes Adam's run, the four others come from the cache); the learning rate for
the playground, where every update also trains one chunk (10 SGD steps). Target <= 30 ms each.
``explorer_descent_reference_plain_axes_draw`` draws one plain line plot of similar size: the
machine's speed, to read the other numbers against (a loaded machine inflates all of them).
Memory: peak traced allocations (tracemalloc) while building all three explorers and drawing
each once, plus the process's peak resident size (ru_maxrss, includes all imports).
Each time is also given as CPU time (``*_cpu``, ``time.process_time``): on a machine shared
with other jobs the wall time is inflated by waiting for a core, the CPU time much less.
"""

import resource
import statistics
import sys
import time
import tracemalloc

import numpy as np

NUM_UPDATES = 24


def _explorers():
    from course_lib.widgets.learning_rate import learning_rate_explorer
    from course_lib.widgets.optimizer_race import optimizer_race_explorer
    from course_lib.widgets.playground import playground_explorer

    return {
        "learning_rate": (learning_rate_explorer, np.geomspace(0.003, 3.0, NUM_UPDATES)),
        "optimizer_race": (optimizer_race_explorer, np.geomspace(0.002, 2.0, NUM_UPDATES)),
        "playground": (playground_explorer, np.geomspace(0.01, 1.0, NUM_UPDATES)),
    }


def _median_ms(box, values) -> tuple[float, float]:
    canvas = box.figure.canvas
    canvas.draw_idle = lambda *args, **kwargs: None  # exactly one draw per timed update
    times, cpu = [], []
    for v in values:
        start, start_cpu = time.perf_counter(), time.process_time()
        box.update(lr=float(v))
        canvas.draw()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return 1000.0 * statistics.median(times), 1000.0 * statistics.median(cpu)


def _reference_ms(plt) -> tuple[float, float]:
    with plt.ioff():
        fig, ax = plt.subplots(figsize=(8.0, 4.0))
    ax.plot(np.linspace(0, 1, 241), np.linspace(0, 1, 241))
    fig.canvas.draw()
    times, cpu = [], []
    for _ in range(NUM_UPDATES):
        start, start_cpu = time.perf_counter(), time.process_time()
        fig.canvas.draw()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    plt.close(fig)
    return 1000.0 * statistics.median(times), 1000.0 * statistics.median(cpu)


def run() -> list[tuple[str, float, str]]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    wall, cpu = _reference_ms(plt)
    lines = [
        ("explorer_descent_reference_plain_axes_draw", wall, "ms"),
        ("explorer_descent_reference_plain_axes_draw_cpu", cpu, "ms"),
    ]
    for name, (build, values) in _explorers().items():
        box = build()
        box.figure.canvas.draw()  # the first draw (fonts, caches) is not a slider event
        wall, cpu = _median_ms(box, values)
        lines.append((f"explorer_{name}_update", wall, "ms"))
        lines.append((f"explorer_{name}_update_cpu", cpu, "ms"))
        plt.close(box.figure)

    tracemalloc.start()
    boxes = [build() for build, _ in _explorers().values()]
    for box in boxes:
        box.figure.canvas.draw()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    lines.append(("explorers_descent_build_all_peak_traced", peak / 2**20, "MB"))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    rss_mb = rss / 2**20 if sys.platform == "darwin" else rss / 2**10
    lines.append(("explorers_descent_process_peak_rss", rss_mb, "MB"))
    for box in boxes:
        plt.close(box.figure)
    return lines


if __name__ == "__main__":
    for label, value, unit in run():
        print(f"{label}: {value:.4g} {unit}")
