"""Benchmark of the lesson 5-7 explorers: memory of building all three.

(What a slider move costs is ``bench_explorers``: every explorer, in its lesson's kernel.)
Memory: peak traced allocations (tracemalloc) while building all three explorers and drawing
each once, plus the process's peak resident size (ru_maxrss, includes all imports).
"""

from bench._timing import build_memory


def _explorers():
    from course_lib.widgets.learning_rate import learning_rate_explorer
    from course_lib.widgets.optimizer_race import optimizer_race_explorer
    from course_lib.widgets.playground import playground_explorer

    return [learning_rate_explorer, optimizer_race_explorer, playground_explorer]


def run() -> list[tuple[str, float, str]]:
    import matplotlib

    matplotlib.use("Agg")

    traced, rss = build_memory(_explorers())
    return [
        ("explorers_descent_build_all_peak_traced", traced, "MB"),
        ("explorers_descent_process_peak_rss", rss, "MB"),
    ]


if __name__ == "__main__":
    for label, value, unit in run():
        print(f"{label}: {value:.4g} {unit}")
