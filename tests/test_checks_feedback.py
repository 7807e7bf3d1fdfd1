"""How every checker answers: it leads before it tells, refuses wrong types, and never crashes.

- The expected value of a single answer is hidden until ``REVEAL_AFTER`` wrong tries, or until
  the learner asks with ``reveal=True``; a general hint given as ``(lead, tell)`` shows the lead
  first.
- A wrong type (a number as a string, a complex number, an array where one number is asked, a
  function not called, ``True``) is refused with a note saying what was given.
- Nothing a learner can pass makes a checker raise, and none of it passes.
- The slips of issue 13 get their own hint: ``//``, ``=`` for ``+=``, ``np.max`` for
  ``np.maximum``, ``^`` for ``**``, a percentage for a fraction, and the N − 1 of ``ddof``.
"""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from course_lib.checks import (
    lesson00,
    lesson01,
    lesson02,
    lesson03,
    lesson04,
    lesson05,
    lesson06,
    lesson07,
)
from course_lib.checks.core import Case, check_function, check_value
from course_lib.checks.feedback import REVEAL_AFTER

VALUE_CHECKERS = {
    "num_params": (lesson03.check_num_params, 43),
    "cce": (lesson04.check_categorical_cross_entropy, 0.8256),
    "max_lr": (lesson05.check_max_learning_rate, 0.4),
    "buggy_param": (lesson06.check_buggy_param, "W2"),
    "batch_size": (lesson07.check_batch_size, 32),
}
FUNCTION_CHECKERS = [
    lesson00.check_average,
    lesson01.check_dot,
    lesson01.check_matmul,
    lesson01.check_transpose,
    lesson02.check_flatten_batch,
    lesson02.check_per_image_mean,
    lesson02.check_subtract_mean_image,
    lesson03.check_neuron,
    lesson03.check_dense_layer,
    lesson03.check_forward_two_layers,
    lesson04.check_mse,
    lesson04.check_binary_cross_entropy,
    lesson05.check_descent_step,
    lesson05.check_line_gradient,
    lesson06.check_sigmoid_backward,
    lesson06.check_dense_backward,
    lesson07.check_momentum_step,
    lesson07.check_adam_step,
]
DICT_CHECKERS = [lesson01.check_shapes, lesson02.check_tensor_shapes, lesson04.check_loss_choice]


def _raises(*args):
    raise ZeroDivisionError("boom")


class _Weird:
    def __array__(self, *args, **kwargs):
        raise RuntimeError("no array here")

    def __repr__(self):
        raise RuntimeError("no repr either")


ODD_ANSWERS = [
    "0.4",
    "32",
    "forty-three",
    1j,
    0.4 + 1e-12j,
    np.complex128(32),
    True,
    np.array([0.4, 32.0]),
    np.array([[43.0]]),
    np.array(["W2"]),
    [43, 32],
    (0.4,),
    {"a": 1},
    _raises,
    float("nan"),
    float("inf"),
    _Weird(),
    object,
]


# ---- single answers -------------------------------------------------------------------------


@pytest.mark.parametrize("name", VALUE_CHECKERS)
@pytest.mark.parametrize("answer", ODD_ANSWERS, ids=range(len(ODD_ANSWERS)))
def test_value_checkers_refuse_odd_answers_without_crashing(name, answer, capsys):
    check, _ = VALUE_CHECKERS[name]
    result = check(answer)
    assert result.status == "failed"
    assert "Checking" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "answer", "said"),
    [
        ("max_lr", "0.4", "the string '0.4': write the number without quotes"),
        ("batch_size", "32", "the string '32'"),
        ("num_params", 43 + 0j, "complex"),
        ("max_lr", np.array([0.4, 0.4]), "an array of shape (2,)"),
        ("num_params", np.array([43.0]), "float(...)"),
        ("batch_size", True, "truth value"),
        ("buggy_param", 2, "a name, written as a string"),
        ("num_params", _raises, "forget to call it"),
    ],
)
def test_a_wrong_type_is_refused_with_what_was_given(name, answer, said):
    check, _ = VALUE_CHECKERS[name]
    result = check(answer, verbose=False)
    assert result.status == "failed"
    assert said in result.lines[0].note


@pytest.mark.parametrize("name", VALUE_CHECKERS)
def test_the_right_answer_still_passes(name):
    check, right = VALUE_CHECKERS[name]
    if name == "cce":
        right = float(-np.mean(np.log([0.7, 0.4, 0.3])))
    assert check(right, verbose=False).passed


@pytest.mark.parametrize("name", ["max_lr", "batch_size", "num_params", "buggy_param"])
def test_the_expected_value_is_hidden_until_several_tries_or_asked(name):
    check, right = VALUE_CHECKERS[name]
    wrong = "b1" if isinstance(right, str) else 7
    for _ in range(REVEAL_AFTER - 1):
        report = check(wrong, verbose=False).report()
        assert "expected" not in report.split("\n")[1]
        assert repr(right) not in report and "reveal=True" in report
    asked = check(wrong, verbose=False, reveal=True).report()
    assert f"expected {right!r}" in asked or f"expected {right}" in asked
    third = check(wrong, verbose=False).report()  # the REVEAL_AFTER-th wrong try
    assert f"expected {right!r}" in third or f"expected {right}" in third


def test_a_pass_resets_the_count_of_wrong_tries():
    for _ in range(REVEAL_AFTER - 1):
        lesson07.check_batch_size(64, verbose=False)
    assert lesson07.check_batch_size(32, verbose=False).passed
    assert "expected" not in lesson07.check_batch_size(64, verbose=False).report().split("\n")[1]


def test_known_wrong_values_keep_their_specific_hints_while_the_value_is_hidden():
    result = lesson05.check_max_learning_rate(0.2, verbose=False)
    assert "1/λmax" in result.hint and "0.4" not in result.report()
    result = lesson07.check_batch_size(200, verbose=False)
    assert "number of updates" in result.hint


def test_a_percentage_for_a_fraction_gets_its_hint():
    result = check_value("accuracy", 95.0, 0.95, verbose=False)
    assert result.status == "failed" and "percentage" in result.hint


# ---- functions --------------------------------------------------------------------------------


def _returns(value):
    return lambda *args: value


ODD_FUNCTIONS = [
    _raises,
    _returns("58"),
    _returns(1j),
    _returns([1.0, "a"]),
    _returns({"x": 1}),
    _returns(_Weird()),
    _returns(np.array(["a", "b"])),
    _returns((np.zeros(2), np.zeros(3))),
    _returns(True),
    lambda *args: args[0],
]


@pytest.mark.parametrize("check", FUNCTION_CHECKERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("fn", ODD_FUNCTIONS, ids=range(len(ODD_FUNCTIONS)))
def test_function_checkers_never_crash_and_never_pass_odd_functions(check, fn, capsys):
    result = check(fn)
    assert result.status == "failed"
    assert "Checking" in capsys.readouterr().out


@pytest.mark.parametrize("check", FUNCTION_CHECKERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("odd", [None, 42, "my_function", np.zeros(3)], ids=range(4))
def test_function_checkers_say_not_done_for_something_not_callable(check, odd):
    result = check(odd, verbose=False)
    assert result.status == "not done"


def test_the_right_value_plus_a_tiny_imaginary_part_does_not_pass():
    result = lesson01.check_dot(lambda u, v: complex(float(u @ v), 1e-9), verbose=False)
    assert result.status == "failed" and "complex" in result.lines[0].note


def test_numbers_returned_as_strings_do_not_pass():
    result = lesson01.check_dot(lambda u, v: str(float(u @ v)), verbose=False)
    assert result.status == "failed" and "the string" in result.lines[0].note


def test_a_general_hint_leads_first_and_tells_after_several_tries():
    def unknown(y_hat, y):
        return 1.0

    first = lesson04.check_mse(unknown, verbose=False).hint
    assert "np.mean" not in first and "in this order" in first
    for _ in range(REVEAL_AFTER - 2):
        lesson04.check_mse(unknown, verbose=False)
    assert "np.mean((y_hat - y) ** 2)" in lesson04.check_mse(unknown, verbose=False).hint
    assert "np.mean" in lesson05.check_descent_step(unknown, reveal=True, verbose=False).hint or (
        "theta - lr * grad" in lesson05.check_descent_step(unknown, reveal=True, verbose=False).hint
    )


# ---- the slips of issue 13 --------------------------------------------------------------------


def test_floor_division_gets_its_own_hint():
    assert "`//`" in lesson00.check_average(lambda v: sum(v) // len(v), verbose=False).hint
    result = lesson02.check_per_image_mean(
        lambda im: im.sum(axis=(1, 2)) // (im.shape[1] * im.shape[2]), verbose=False
    )
    assert "`//`" in result.hint
    result = lesson04.check_mse(lambda a, b: np.sum((a - b) ** 2) // len(a), verbose=False)
    assert "`//`" in result.hint


def test_assignment_instead_of_adding_up_gets_its_own_hint():
    def dot_eq(u, v):
        total = 0.0
        for k in range(len(u)):
            total = u[k] * v[k]
        return total

    def matmul_eq(A, B):
        out = np.zeros((A.shape[0], B.shape[1]))
        for i in range(A.shape[0]):
            for j in range(B.shape[1]):
                for k in range(A.shape[1]):
                    out[i, j] = A[i, k] * B[k, j]
        return out

    def average_eq(values):
        total = 0
        for x in values:
            total = x
        return total / len(values)

    for result in (
        lesson01.check_dot(dot_eq, verbose=False),
        lesson01.check_matmul(matmul_eq, verbose=False),
        lesson00.check_average(average_eq, verbose=False),
    ):
        assert "+=" in result.hint and "replaces" in result.hint


def test_np_max_instead_of_np_maximum_gets_its_own_hint():
    def forward(X, W1, b1, W2, b2):
        A1 = np.max(X @ W1.T + b1, 0)
        return 1 / (1 + np.exp(-(A1 @ W2.T + b2)))

    result = lesson03.check_forward_two_layers(forward, verbose=False)
    assert "np.maximum" in result.hint and "np.max(Z1, 0)" in result.hint


def test_caret_for_power_gets_its_own_hint():
    result = lesson04.check_mse(lambda a, b: np.mean((a - b) ^ 2), verbose=False)
    assert result.status == "failed" and "`^`" in result.hint and "x ** 2" in result.hint


def test_a_percentage_returned_by_a_function_gets_its_hint():
    cases = [Case("acc([1, 0, 1])", (np.array([1, 0, 1]),)), Case("acc([1])", (np.array([1]),))]
    result = check_function(
        "acc", lambda y: 100 * y.mean(), lambda y: y.mean(), cases, verbose=False
    )
    assert "percentage" in result.hint


def test_a_standard_deviation_with_the_other_ddof_gets_its_hint():
    x1, x2 = np.array([1.0, 2.0, 4.0]), np.array([0.0, 3.0, 3.0, 7.0])
    cases = [Case("std(x1)", (x1,)), Case("std(x2)", (x2,))]
    result = check_function("std", lambda x: x.std(ddof=1), lambda x: x.std(), cases, verbose=False)
    assert "ddof" in result.hint
    result = check_function(
        "scaled", lambda x: x / x.std(ddof=1), lambda x: x / x.std(), cases, verbose=False
    )
    assert "ddof" in result.hint


# ---- several answers ------------------------------------------------------------------------


def test_the_same_answer_everywhere_is_refused():
    answers = dict.fromkeys(lesson01._SHAPES, "Error")
    result = lesson01.check_shapes(answers, verbose=False)
    assert result.status == "failed" and "same answer" in result.hint
    assert not any(line.passed for line in result.lines)


def test_every_wrong_shape_is_reported_with_its_own_note():
    answers = {"A @ B": (3, 3), "B.T @ A.T": (4, 2), "B @ A": (3, 3), "x @ W.T + b": (5, 1)}
    result = lesson01.check_shapes(answers, verbose=False)
    assert all(not line.passed and line.note for line in result.lines)
    assert "expected (" not in result.report()  # the right shapes stay hidden


@pytest.mark.parametrize("check", DICT_CHECKERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize(
    "odd",
    ["(4, 2)", np.array([4, 2]), [4, 2.5], 1j, "ValueError", _raises, np.zeros((2, 2)), True],
    ids=range(8),
)
def test_dict_checkers_never_crash_on_odd_items(check, odd, capsys):
    keys = {
        lesson01.check_shapes: lesson01._SHAPES,
        lesson02.check_tensor_shapes: lesson02._SHAPES,
        lesson04.check_loss_choice: lesson04.LOSS_TASKS,
    }[check]
    answers = dict.fromkeys(keys, odd)
    answers[next(iter(keys))] = None
    result = check(answers)
    assert result.status == "failed"
    assert "Checking" in capsys.readouterr().out


@pytest.mark.parametrize("check", DICT_CHECKERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("odd", [None, [1, 2], "shapes", np.zeros(3)], ids=range(4))
def test_dict_checkers_say_not_done_for_something_that_is_not_a_dict(check, odd):
    assert check(odd, verbose=False).status == "not done"


def test_a_shape_in_quotes_is_refused():
    answers = dict(lesson01._SHAPES, **{"A @ B": "(4, 2)"})
    result = lesson01.check_shapes(answers, verbose=False)
    (line,) = [line for line in result.lines if line.label == "A @ B"]
    assert not line.passed and "without quotes" in line.note


def test_loss_choice_hides_the_right_names_until_asked():
    choices = dict(lesson04.LOSS_TASKS, **{"tomorrow's temperature": "binary_cross_entropy"})
    report = lesson04.check_loss_choice(choices, verbose=False).report()
    assert "expected 'mse'" not in report and "reveal=True" in report
    report = lesson04.check_loss_choice(choices, verbose=False, reveal=True).report()
    assert "expected 'mse'" in report


def test_loss_choice_points_to_section_8_for_slow_squared_error_learning():
    choices = dict(lesson04.LOSS_TASKS, **{"is an email spam or not": "mse"})
    result = lesson04.check_loss_choice(choices, verbose=False)
    assert "section 8" in result.report()


def test_optimizer_steps_returned_as_strings_do_not_pass():
    def momentum_as_text(theta, v, g, lr, beta):
        v_new = beta * v + g
        return [str(x) for x in theta - lr * v_new], [str(x) for x in v_new]

    result = lesson07.check_momentum_step(momentum_as_text, verbose=False)
    assert result.status == "failed"
    assert "(str)" in result.lines[0].note and "expected numbers" in result.lines[0].note


# ---- anything at all --------------------------------------------------------------------------

_ANYTHING = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.complex_numbers(allow_nan=True)
    | st.text(max_size=8)
    | st.builds(np.array, st.lists(st.floats(allow_nan=False), max_size=4)),
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner),
    max_leaves=6,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer=_ANYTHING)
def test_value_checkers_answer_anything_without_raising(answer):
    for check, _ in VALUE_CHECKERS.values():
        result = check(answer, verbose=False)
        assert result.status in ("failed", "not done", "passed")
        assert result.report()
        if result.passed:  # only the right number (or name) itself may pass
            assert isinstance(answer, int | float | str) and not isinstance(answer, bool)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=st.dictionaries(st.sampled_from(list(lesson01._SHAPES)), _ANYTHING, max_size=4))
def test_the_shapes_checker_answers_any_dict_without_raising(answers):
    result = lesson01.check_shapes(answers, verbose=False)
    assert result.report()
