"""Benchmark of the lesson 1-4 explorers: memory of building all five.

(What a slider move costs is ``bench_explorers``: every explorer, in its lesson's kernel.)
Memory: peak Python/NumPy allocations (tracemalloc) while building all five explorers and
drawing each once, plus the process's peak resident size (ru_maxrss, includes everything
this process imported before).
"""

from bench._timing import build_memory


def _explorers():
    from course_lib.widgets.forward_pass import forward_pass_explorer
    from course_lib.widgets.line_fit import line_fit_explorer
    from course_lib.widgets.linear_map import linear_map_explorer
    from course_lib.widgets.matrix_ops import matrix_ops_explorer
    from course_lib.widgets.neuron import neuron_explorer

    return [
        matrix_ops_explorer,
        linear_map_explorer,
        neuron_explorer,
        forward_pass_explorer,
        line_fit_explorer,
    ]


def run() -> list[tuple[str, float, str]]:
    import matplotlib

    matplotlib.use("Agg")

    traced, rss = build_memory(_explorers())
    return [
        ("explorers_basics_build_all_peak_traced", traced, "MB"),
        ("explorers_basics_process_peak_rss", rss, "MB"),
    ]


if __name__ == "__main__":
    for label, value, unit in run():
        print(f"{label}: {value:.4g} {unit}")
