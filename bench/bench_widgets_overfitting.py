"""Benchmark of the lesson 8 overfitting explorer: a new setting, building.

(What an epoch-slider move costs is ``bench_explorers``, in lesson 08's kernel.) A new
(hidden nodes, weight decay) setting trains once (``demos.overfitting.overfit_run``, 500
full-batch epochs on 40 points) and is cached: ``explorer_overfitting_new_setting`` times one
such training. The build includes the first run.
"""

import time


def run() -> list[tuple[str, float, str]]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from course_lib.demos.overfitting import overfit_data, overfit_run
    from course_lib.widgets.overfitting import cached_run, overfitting_explorer

    cached_run.cache_clear()
    start, start_cpu = time.perf_counter(), time.process_time()
    box = overfitting_explorer()
    build = (time.perf_counter() - start, time.process_time() - start_cpu)
    plt.close(box.figure)
    data = overfit_data()
    start = time.perf_counter()
    overfit_run(data, hidden=32, weight_decay=0.001)
    new_setting = time.perf_counter() - start
    return [
        ("explorer_overfitting_new_setting", 1000.0 * new_setting, "ms"),
        ("explorer_overfitting_build", 1000.0 * build[0], "ms"),
        ("explorer_overfitting_build_cpu", 1000.0 * build[1], "ms"),
    ]
