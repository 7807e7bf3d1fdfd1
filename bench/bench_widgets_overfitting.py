"""Benchmark of the lesson 8 overfitting explorer: an epoch-slider update, a new setting, building.

One update = the explorer's work for a new epoch (the snapshot network scored on the 50 x 50
grid, the image's ``set_data``, the epoch marker, the caption) + ONE full ``fig.canvas.draw()``
at the figure's real size (Agg), as a slider event costs in a notebook. Median of 24 updates
sweeping the epoch from 0 to 500; target <= 30 ms. A new (hidden nodes, weight decay) setting
trains once (``demos.overfitting.overfit_run``, 500 full-batch epochs on 40 points) and is
cached: ``explorer_overfitting_new_setting`` times one such training. The build includes the
first run. ``explorer_overfitting_reference_plain_axes_draw`` draws one plain line plot of the
same size: the machine's speed, to read the update time against. Timing: ``bench._timing``.
"""

import time

import numpy as np

from bench._timing import reference_lines, update_lines

NUM_UPDATES = 24


def run() -> list[tuple[str, float, str]]:
    import matplotlib

    matplotlib.use("Agg")
    from course_lib.demos.overfitting import overfit_data, overfit_run
    from course_lib.widgets.overfitting import cached_run, overfitting_explorer

    cached_run.cache_clear()
    start, start_cpu = time.perf_counter(), time.process_time()
    box = overfitting_explorer()
    build = (time.perf_counter() - start, time.process_time() - start_cpu)
    epochs = np.linspace(0, 500, NUM_UPDATES).astype(int)
    figsize = tuple(box.figure.get_size_inches())
    updates = update_lines("overfitting", box, epochs, lambda b, e: b.update(epoch=int(e)))
    data = overfit_data()
    start = time.perf_counter()
    overfit_run(data, hidden=32, weight_decay=0.001)
    new_setting = time.perf_counter() - start
    return [
        *reference_lines("explorer_overfitting", figsize, NUM_UPDATES),
        *updates,
        ("explorer_overfitting_new_setting", 1000.0 * new_setting, "ms"),
        ("explorer_overfitting_build", 1000.0 * build[0], "ms"),
        ("explorer_overfitting_build_cpu", 1000.0 * build[1], "ms"),
    ]
