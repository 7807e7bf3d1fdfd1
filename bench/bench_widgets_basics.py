"""Benchmark of the lesson 1-4 explorers: time of one update, and memory of building all five.

One update = the explorer's compute + in-place artist changes + a full ``fig.canvas.draw()``
at the figure's real size (Agg), as a slider event costs in a notebook. (On Agg,
``draw_idle`` draws at once, so it is silenced during timing: exactly one draw per update.)
``explorer_reference_plain_axes_draw`` is one plain line plot of similar size drawn the same
way: the machine's speed, to read the other numbers against (a loaded machine inflates all).
Median of 24 updates sweeping the main control over its range; target <= 30 ms each.
Memory: peak Python/NumPy allocations (tracemalloc) while building all five explorers and
drawing each once, plus the process's peak resident size (ru_maxrss, includes everything
this process imported before).
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
    from course_lib.widgets.forward_pass import forward_pass_explorer
    from course_lib.widgets.line_fit import line_fit_explorer
    from course_lib.widgets.linear_map import linear_map_explorer
    from course_lib.widgets.matrix_ops import matrix_ops_explorer
    from course_lib.widgets.neuron import neuron_explorer

    return {
        "matrix_ops": (matrix_ops_explorer, "step"),
        "linear_map": (linear_map_explorer, "w11"),
        "neuron": (neuron_explorer, "w"),
        "forward_pass": (forward_pass_explorer, "x1"),
        "line_fit": (line_fit_explorer, "slope"),
    }


def _median_update_ms(box, main: str) -> tuple[float, float]:
    slider = box.controls[main]
    if isinstance(slider.value, int):
        values = [k % (slider.max + 1) for k in range(NUM_UPDATES)]
    else:
        values = np.linspace(slider.min, slider.max, NUM_UPDATES)
    canvas = box.figure.canvas
    # On Agg, draw_idle draws at once; silence it so each update is timed with ONE full draw.
    canvas.draw_idle = lambda *args, **kwargs: None
    times, cpu = [], []
    for v in values:
        start, start_cpu = time.perf_counter(), time.process_time()
        box.update(v)
        canvas.draw()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return 1000.0 * statistics.median(times), 1000.0 * statistics.median(cpu)


def _reference_ms(plt) -> tuple[float, float]:
    """Median draw (wall, CPU ms) of one plain line plot of the same size: the machine's speed."""
    with plt.ioff():
        fig, ax = plt.subplots(figsize=(6.0, 3.4))
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
        ("explorer_reference_plain_axes_draw", wall, "ms"),
        ("explorer_reference_plain_axes_draw_cpu", cpu, "ms"),
    ]
    for name, (build, main) in _explorers().items():
        box = build()
        box.figure.canvas.draw()  # first draw (fonts, caches) is not a slider event
        wall, cpu = _median_update_ms(box, main)
        lines.append((f"explorer_{name}_update", wall, "ms"))
        lines.append((f"explorer_{name}_update_cpu", cpu, "ms"))
        plt.close(box.figure)

    tracemalloc.start()
    boxes = [build() for build, _ in _explorers().values()]
    for box in boxes:
        box.figure.canvas.draw()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    lines.append(("explorers_basics_build_all_peak_traced", peak / 2**20, "MB"))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    rss_mb = rss / 2**20 if sys.platform == "darwin" else rss / 2**10
    lines.append(("explorers_basics_process_peak_rss", rss_mb, "MB"))
    for box in boxes:
        plt.close(box.figure)
    return lines


if __name__ == "__main__":
    for label, value, unit in run():
        print(f"{label}: {value:.4g} {unit}")
