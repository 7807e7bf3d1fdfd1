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

import numpy as np

from bench._timing import build_memory, reference_lines, update_lines

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


def _sweep(slider) -> list:
    """NUM_UPDATES values of the main control over its whole range."""
    if isinstance(slider.value, int):
        return [k % (slider.max + 1) for k in range(NUM_UPDATES)]
    return list(np.linspace(slider.min, slider.max, NUM_UPDATES))


def run() -> list[tuple[str, float, str]]:
    import matplotlib

    matplotlib.use("Agg")

    lines = reference_lines("explorer", (6.0, 3.4), NUM_UPDATES)
    for name, (build, main) in _explorers().items():
        box = build()
        lines += update_lines(name, box, _sweep(box.controls[main]), lambda b, v: b.update(v))
    traced, rss = build_memory([build for build, _ in _explorers().values()])
    lines += [
        ("explorers_basics_build_all_peak_traced", traced, "MB"),
        ("explorers_basics_process_peak_rss", rss, "MB"),
    ]
    return lines


if __name__ == "__main__":
    for label, value, unit in run():
        print(f"{label}: {value:.4g} {unit}")
