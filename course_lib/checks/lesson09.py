"""Self-checks for lesson 09, the capstone on handwritten digits.

Exercises: standardise the test set with the TRAINING statistics (no peeking at the test set,
and no division by zero for a blank pixel), count the parameters of the 64-128-10 network, and
read the accuracy off a confusion matrix (rows = true class, columns = predicted class).
"""

import numpy as np

from course_lib.checks.core import Case, WrongAnswer, check_function, check_value
from course_lib.checks.result import CheckResult

__all__ = ["check_scale_test", "check_digits_num_params", "check_accuracy_from_confusion"]


# ---- exercise 1: standardise the test set with the training statistics -----------------------


def _scale_test(X_train, X_test):
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)
    return (X_test - mean) / np.where(std > 0, std, 1.0)


def _own_stats(X_train, X_test):
    std = X_test.std(axis=0)
    return (X_test - X_test.mean(axis=0)) / np.where(std > 0, std, 1.0)


def _global(X_train, X_test):
    return (X_test - X_train.mean()) / X_train.std()


def _no_centre(X_train, X_test):
    std = X_train.std(axis=0)
    return X_test / np.where(std > 0, std, 1.0)


def _rows(X_train, X_test):
    return (X_test - X_test.mean(axis=1, keepdims=True)) / X_test.std(axis=1, keepdims=True)


_TRAIN = np.array([[0.0, 2.0, 5.0, 1.0], [0.0, 4.0, 5.0, 3.0], [0.0, 6.0, 5.0, 8.0]])
_TEST = np.array([[0.0, 3.0, 5.0, 2.0], [1.0, 8.0, 4.0, 0.0]])
_SCALE_CASES = [
    Case("3 training rows, 2 test rows, 4 pixels (two of them constant)", (_TRAIN, _TEST)),
    Case(
        "digits-like: 4 training rows of 0..16, 3 test rows",
        (
            np.array([[0, 3, 16, 7], [0, 9, 12, 2], [0, 0, 15, 11], [0, 5, 16, 4]], dtype=float),
            np.array([[0, 4, 13, 6], [2, 16, 0, 9], [0, 1, 16, 3]], dtype=float),
        ),
    ),
]
_SCALE_WRONG = [
    WrongAnswer(
        "you used the TEST set's own mean and std. Scale the test set with the training "
        "statistics: the model was trained on inputs scaled that way, and the test set must "
        "stay unseen (its statistics would leak information about it).",
        _own_stats,
    ),
    WrongAnswer(
        "you used one mean and one std for all pixels (axis=None). Standardise every pixel "
        "(column) on its own: X_train.mean(axis=0), X_train.std(axis=0).",
        _global,
    ),
    WrongAnswer(
        "you divided by the std but did not subtract the training mean first.",
        _no_centre,
    ),
    WrongAnswer(
        "you took statistics along each ROW (axis=1, one image): they must be per column "
        "(axis=0, one pixel across all training images).",
        _rows,
    ),
]


def check_scale_test(scale_test) -> CheckResult:
    """Check ``scale_test(X_train, X_test)``: (X_test - mean) / std with training mean, std."""
    result = check_function(
        "scale_test",
        scale_test,
        _scale_test,
        _SCALE_CASES,
        wrong=_SCALE_WRONG,
        hint="subtract X_train.mean(axis=0), then divide by X_train.std(axis=0), with a std of "
        "0 (a pixel that is always blank) replaced by 1.",
        verbose=False,
    )
    if result.status == "failed" and not result.hint.startswith("you"):
        notes = " ".join(line.note for line in result.lines)
        if "NaN" in notes or "inf" in notes:
            result.hint = (
                "your result contains NaN or inf: a pixel that is blank in every training image "
                "has std 0, and 0 / 0 is NaN. Replace a zero std by 1, "
                "np.where(std > 0, std, 1.0), so such a pixel is only centred."
            )
    return result.show()


# ---- exercise 2: parameters of the 64-128-10 network -------------------------------------------

_DIGITS_PARAMS = 64 * 128 + 128 + 128 * 10 + 10


def check_digits_num_params(answer) -> CheckResult:
    """Check the number of parameters of an MLP with layer sizes [64, 128, 10]."""
    return check_value(
        "parameters of MLP([64, 128, 10])",
        answer,
        _DIGITS_PARAMS,
        tol=0,
        wrong={
            64 * 128 + 128 * 10: "you counted the weights only: every node also has a bias "
            "(128 + 10 more).",
            64 * 128 + 128: "that is the hidden layer alone: add the output layer, 128 × 10 "
            "weights and 10 biases.",
            128 + 10: "that is the number of nodes (biases): add one weight per (node, input) "
            "pair.",
            64 * 128 * 10: "multiplying all sizes together counts paths, not parameters: add "
            "each layer's M × D weights and M biases.",
            64 + 128 + 10: "that is the number of nodes: each node holds D weights and one bias.",
        },
        hint="each layer with D inputs and M nodes has an (M, D) weight matrix and M biases; add "
        "the two layers.",
        label="num_params",
    )


# ---- exercise 3: accuracy from a confusion matrix -----------------------------------------------


def _acc_from_cm(cm):
    cm = np.asarray(cm, dtype=float)
    return float(np.trace(cm) / cm.sum())


_CM_CASES = [
    Case("[[5, 1], [2, 12]]", (np.array([[5, 1], [2, 12]]),)),
    Case(
        "[[30, 0, 2], [3, 10, 1], [0, 4, 50]]",
        (np.array([[30, 0, 2], [3, 10, 1], [0, 4, 50]]),),
    ),
]
_CM_WRONG = [
    WrongAnswer(
        "you returned the number of right answers (the trace): divide it by the number of "
        "examples, cm.sum().",
        lambda cm: float(np.trace(cm)),
    ),
    WrongAnswer(
        "you averaged the per-class accuracies (each row's diagonal over the row sum). That is "
        "'balanced accuracy', a different number when the classes have different sizes; accuracy "
        "is all right answers over all examples.",
        lambda cm: float(np.mean(np.diag(cm) / np.asarray(cm).sum(axis=1))),
    ),
    WrongAnswer(
        "you divided by the number of classes: divide by the number of examples, cm.sum().",
        lambda cm: float(np.trace(cm) / len(cm)),
    ),
    WrongAnswer(
        "you computed the error rate (the off-diagonal share): accuracy is the diagonal's share.",
        lambda cm: 1.0 - _acc_from_cm(cm),
    ),
]


def check_accuracy_from_confusion(accuracy_from_confusion) -> CheckResult:
    """Check ``accuracy_from_confusion(cm)``: the diagonal's total over the total count."""
    return check_function(
        "accuracy_from_confusion",
        accuracy_from_confusion,
        _acc_from_cm,
        _CM_CASES,
        wrong=_CM_WRONG,
        hint="the right answers are on the diagonal (np.trace(cm)); every example is counted "
        "once somewhere in cm (cm.sum()).",
    )
