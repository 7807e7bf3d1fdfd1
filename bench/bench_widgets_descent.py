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

import numpy as np

from bench._timing import build_memory, reference_lines, update_lines

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


def run() -> list[tuple[str, float, str]]:
    import matplotlib

    matplotlib.use("Agg")

    lines = reference_lines("explorer_descent", (8.0, 4.0), NUM_UPDATES)
    for name, (build, values) in _explorers().items():
        lines += update_lines(name, build(), values, lambda b, v: b.update(lr=float(v)))
    traced, rss = build_memory([build for build, _ in _explorers().values()])
    lines += [
        ("explorers_descent_build_all_peak_traced", traced, "MB"),
        ("explorers_descent_process_peak_rss", rss, "MB"),
    ]
    return lines


if __name__ == "__main__":
    for label, value, unit in run():
        print(f"{label}: {value:.4g} {unit}")
