"""Benchmark of the lesson 9 digit-predictions explorer: one update, and building it.

One update = the explorer's work for a new index (image ``set_data``, ten bar heights and
colours, the caption) + ONE full ``fig.canvas.draw()`` at the figure's real size (Agg), as a
slider event costs in a notebook (``draw_idle`` is silenced while timing, since on Agg it draws
at once). Median of 24 updates sweeping the index over the test set; target <= 30 ms. The
model is a small 64-32-10 network trained for two epochs (its quality does not change the
cost); the build includes the probabilities of all test images (``class_probabilities``).
Each time is also given as CPU time (``*_cpu``), less inflated on a shared machine.
``explorer_digit_predictions_reference_plain_axes_draw`` draws one plain line plot of the same
size: the machine's speed, to read the update time against. Timing: ``bench._timing``.
"""

import time

import numpy as np

from bench._timing import reference_lines, update_lines

NUM_UPDATES = 24


def _setup():
    from course_lib import datasets, training
    from course_lib.network import MLP
    from course_lib.optimizers import Adam

    images, labels = datasets.load_digits()
    X = images.reshape(len(images), 64)
    X_train, X_test, y_train, y_test = datasets.train_test_split(
        X, labels, 0.2, np.random.default_rng(0), stratify=True
    )
    X_train_std, mean, std = datasets.standardize(X_train)
    model = MLP([64, 32, 10], rng=np.random.default_rng(0))
    training.train(
        model,
        X_train_std,
        y_train,
        "softmax_cross_entropy",
        Adam(lr=0.003),
        32,
        2,
        np.random.default_rng(1),
    )
    return model, X_test, y_test, mean, std


def run() -> list[tuple[str, float, str]]:
    import matplotlib

    matplotlib.use("Agg")
    from course_lib.widgets.digit_predictions import digit_predictions_explorer

    model, X_test, y_test, mean, std = _setup()
    start, start_cpu = time.perf_counter(), time.process_time()
    box = digit_predictions_explorer(model, X_test, y_test, mean, std)
    build = (time.perf_counter() - start, time.process_time() - start_cpu)
    indices = np.linspace(0, len(y_test) - 1, NUM_UPDATES).astype(int)
    figsize = tuple(box.figure.get_size_inches())
    updates = update_lines("digit_predictions", box, indices, lambda b, i: b.update(index=int(i)))
    return [
        *reference_lines("explorer_digit_predictions", figsize, NUM_UPDATES),
        *updates,
        ("explorer_digit_predictions_build", 1000.0 * build[0], "ms"),
        ("explorer_digit_predictions_build_cpu", 1000.0 * build[1], "ms"),
    ]
