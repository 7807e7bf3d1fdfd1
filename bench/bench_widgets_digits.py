"""Benchmark of the lesson 9 digit-predictions explorer: building it.

(What a slider move costs is ``bench_explorers``, in lesson 09's kernel.)
model is a small 64-32-10 network trained for two epochs (its quality does not change the
cost); the build includes the probabilities of all test images (``class_probabilities``).
The build is also given as CPU time (``*_cpu``), less inflated on a shared machine.
"""

import time

import numpy as np


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
    import matplotlib.pyplot as plt

    from course_lib.widgets.digit_predictions import digit_predictions_explorer

    model, X_test, y_test, mean, std = _setup()
    start, start_cpu = time.perf_counter(), time.process_time()
    box = digit_predictions_explorer(model, X_test, y_test, mean, std)
    build = (time.perf_counter() - start, time.process_time() - start_cpu)
    plt.close(box.figure)
    return [
        ("explorer_digit_predictions_build", 1000.0 * build[0], "ms"),
        ("explorer_digit_predictions_build_cpu", 1000.0 * build[1], "ms"),
    ]
