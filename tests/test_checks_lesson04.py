"""Lesson 04 checkers: pass the reference, fail typical mistakes with a hint, "not done" stubs."""

import numpy as np
import pytest

from course_lib.checks import lesson04 as L


def _stub(*args):
    raise NotImplementedError


def _a(x):
    return np.asarray(x, dtype=np.float64)


# ---- exercise 1: MSE ----------------------------------------------------------------------------


def mse_ref(y_hat, y):
    return np.mean((_a(y_hat) - _a(y)) ** 2)


def test_check_mse_passes_the_reference_solution():
    assert L.check_mse(mse_ref, verbose=False).status == "passed"


def test_check_mse_says_not_done_for_the_stub():
    assert L.check_mse(_stub, verbose=False).status == "not done"


@pytest.mark.parametrize(
    ("mistake", "words"),
    [
        (lambda a, b: np.mean(_a(a) - _a(b)) ** 2, "averaged the differences first"),
        (lambda a, b: np.sum((_a(a) - _a(b)) ** 2), "1/N"),
        (lambda a, b: np.mean(np.abs(_a(a) - _a(b))), "absolute errors"),
        (lambda a, b: np.sqrt(np.mean((_a(a) - _a(b)) ** 2)), "square root"),
        (lambda a, b: np.mean(_a(a) - _a(b)), "without squaring"),
        (lambda a, b: np.mean((_a(a) - _a(b)) ** 2) / 2, "2N"),
    ],
    ids=["mean_then_square", "no_1_over_N", "abs", "rmse", "no_square", "half"],
)
def test_check_mse_fails_a_typical_mistake_with_its_hint(mistake, words):
    result = L.check_mse(mistake, verbose=False)
    assert result.status == "failed"
    assert words in result.hint


def test_check_mse_reports_a_forgotten_return():
    result = L.check_mse(lambda a, b: None, verbose=False)
    assert result.status == "failed"
    assert "forget `return`" in result.lines[0].note


# ---- exercise 2: binary cross-entropy -----------------------------------------------------------


def bce_ref(p, y):
    p, y = _a(p), _a(y)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def test_check_bce_passes_the_reference_solution():
    assert L.check_binary_cross_entropy(bce_ref, verbose=False).status == "passed"


def test_check_bce_says_not_done_for_the_stub():
    assert L.check_binary_cross_entropy(_stub, verbose=False).status == "not done"


@pytest.mark.parametrize(
    ("mistake", "words"),
    [
        (lambda p, y: -bce_ref(p, y), "minus sign"),
        (lambda p, y: -np.mean(_a(y) * np.log(_a(p))), "(1 − y)"),
        (lambda p, y: bce_ref(p, y) * len(p), "without dividing"),
        (lambda p, y: bce_ref(p, y) / np.log(10), "log base 10"),
        (lambda p, y: -np.mean(_a(y) * np.log(_a(p)) + (1 - _a(y)) * np.log(_a(p))), "twice"),
    ],
    ids=["sign", "no_class0_term", "sum", "log10", "log_p_twice"],
)
def test_check_bce_fails_a_typical_mistake_with_its_hint(mistake, words):
    result = L.check_binary_cross_entropy(mistake, verbose=False)
    assert result.status == "failed"
    assert words in result.hint


# ---- exercise 3: categorical cross-entropy -----------------------------------------------------


def test_check_cce_passes_the_reference_value():
    P, labels = L.CCE_PROBS, L.CCE_LABELS
    value = -np.mean(np.log(P[np.arange(len(labels)), labels]))
    assert value == pytest.approx(-(np.log(0.7) + np.log(0.4) + np.log(0.3)) / 3)
    assert L.check_categorical_cross_entropy(value, verbose=False).status == "passed"


def test_check_cce_agrees_with_course_lib_softmax_cross_entropy():
    from course_lib.losses import softmax_cross_entropy

    value = softmax_cross_entropy(np.log(L.CCE_PROBS), L.CCE_LABELS)
    assert L.check_categorical_cross_entropy(value, verbose=False).status == "passed"


def test_check_cce_says_not_done_for_none():
    assert L.check_categorical_cross_entropy(None, verbose=False).status == "not done"


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (-np.sum(np.log([0.7, 0.4, 0.3])), "sum over the examples"),
        (np.mean(np.log([0.7, 0.4, 0.3])), "sign is flipped"),
        (-np.mean(np.log10([0.7, 0.4, 0.3])), "log base 10"),
        (-np.mean(np.log([0.7, 0.5, 0.4])), "TRUE class"),
        (-np.mean(np.log(L.CCE_PROBS)), "every entry"),
    ],
    ids=["sum", "sign", "log10", "argmax_column", "all_entries"],
)
def test_check_cce_fails_a_typical_mistake_with_its_hint(answer, words):
    result = L.check_categorical_cross_entropy(float(answer), verbose=False)
    assert result.status == "failed"
    assert words in result.hint


# ---- exercise 4: choosing a loss -----------------------------------------------------------------


def test_check_loss_choice_passes_the_right_names_and_common_spellings():
    assert L.check_loss_choice(dict(L.LOSS_TASKS), verbose=False).status == "passed"
    spelled = {
        task: {
            "mse": "Mean squared error",
            "binary_cross_entropy": "binary cross-entropy",
            "softmax_cross_entropy": "categorical crossentropy",
        }[loss]
        for task, loss in L.LOSS_TASKS.items()
    }
    assert L.check_loss_choice(spelled, verbose=False).status == "passed"


@pytest.mark.parametrize("choices", [None, {}, {task: None for task in L.LOSS_TASKS}])
def test_check_loss_choice_says_not_done_when_nothing_is_filled_in(choices):
    assert L.check_loss_choice(choices, verbose=False).status == "not done"


def test_check_loss_choice_explains_each_wrong_task():
    choices = dict(L.LOSS_TASKS)
    choices["is an email spam or not"] = "mse"
    choices["which digit 0-9 is in an image"] = "cross entropy"
    choices["price of a house in euros"] = "binary_cross_entropy"
    result = L.check_loss_choice(choices, verbose=False)
    assert result.status == "failed"
    notes = {line.label: line.note for line in result.lines}
    assert "is a class" in notes["is an email spam or not"]
    assert "binary (two classes) or softmax" in notes["which digit 0-9 is in an image"]
    assert "number on a scale" in notes["price of a house in euros"]
    assert notes["tomorrow's temperature"] == ""


def test_checkers_hand_arrays_to_the_learner_so_array_arithmetic_works():
    def strict_mse(y_hat, y):
        assert isinstance(y_hat, np.ndarray) and isinstance(y, np.ndarray)
        return np.mean((y_hat - y) ** 2)

    def strict_bce(p, y):
        assert isinstance(p, np.ndarray) and isinstance(y, np.ndarray)
        return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))

    assert L.check_mse(strict_mse, verbose=False).status == "passed"
    assert L.check_binary_cross_entropy(strict_bce, verbose=False).status == "passed"
