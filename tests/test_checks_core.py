"""Exercise self-checks: right answers pass, stubs say "not done", mistakes get hints."""

import numpy as np
import pytest

from course_lib.checks import Case, WrongAnswer, check_function, check_value
from course_lib.checks.lesson00 import check_average

CASES = [
    Case("dot([1, 2], [3, 4])", ([1, 2], [3, 4])),
    Case("dot([1, 0], [0, 1])", ([1, 0], [0, 1])),
]


def reference_dot(u, v):
    return float(np.dot(u, v))


ADDED = WrongAnswer("you added the pairs", lambda u, v: float(sum(a + b for a, b in zip(u, v))))


def test_a_correct_function_passes_with_one_line_per_case(capsys):
    result = check_function("dot", reference_dot, reference_dot, CASES)
    assert result.passed and result.status == "passed"
    assert len(result.lines) == 2 and all(line.passed for line in result.lines)
    out = capsys.readouterr().out
    assert out.count("✓") == 2 and "error 0.0e+00" in out and "tolerance 1e-09" in out


def test_an_unfinished_stub_reports_not_done_instead_of_a_traceback(capsys):
    def stub(u, v):
        raise NotImplementedError

    result = check_function("dot", stub, reference_dot, CASES)
    assert result.status == "not done" and not result.passed
    assert "not done yet" in capsys.readouterr().out


def test_a_known_mistake_gets_its_specific_hint():
    def added(u, v):
        return sum(a + b for a, b in zip(u, v))

    result = check_function(
        "dot", added, reference_dot, CASES, wrong=[ADDED], hint="general", verbose=False
    )
    assert result.status == "failed" and result.hint == "you added the pairs"


def test_an_unknown_mistake_gets_the_general_hint():
    result = check_function(
        "dot",
        lambda u, v: 0.0,
        reference_dot,
        CASES,
        wrong=[ADDED],
        hint="multiply pairs, then add",
        verbose=False,
    )
    assert result.hint == "multiply pairs, then add"
    assert [line.passed for line in result.lines] == [False, True]


def test_an_error_in_the_learners_code_becomes_one_line():
    def broken(u, v):
        return u[5]

    result = check_function("dot", broken, reference_dot, CASES, verbose=False)
    assert result.status == "failed"
    assert "IndexError" in result.lines[0].note


def test_a_missing_return_is_named():
    result = check_function("dot", lambda u, v: None, reference_dot, CASES, verbose=False)
    assert "forget `return`" in result.lines[0].note


def test_a_wrong_shape_is_reported_as_a_shape_not_a_crash():
    result = check_function(
        "f",
        lambda x: np.zeros((2, 3)),
        lambda x: np.zeros((3, 2)),
        [Case("f(0)", (0,))],
        verbose=False,
    )
    assert not result.passed and "shape (2, 3), expected shape (3, 2)" in result.lines[0].note


def test_nan_never_passes():
    result = check_value("x", float("nan"), 1.0, verbose=False)
    assert not result.passed


def test_something_not_callable_is_not_done():
    assert check_function("dot", None, reference_dot, CASES, verbose=False).status == "not done"


@pytest.mark.parametrize(
    "answer, status",
    [((2, 3), "passed"), (None, "not done"), ((3, 2), "failed"), ([2, 3], "passed")],
)
def test_check_value_for_shapes(answer, status):
    result = check_value(
        "shape", answer, (2, 3), wrong={(3, 2): "rows and columns swapped"}, verbose=False
    )
    assert result.status == status
    if status == "failed":
        assert result.hint == "rows and columns swapped"


def test_tolerance_is_relative_for_large_values():
    assert check_value("big", 1e6 + 1e-4, 1e6, tol=1e-9, verbose=False).passed
    assert not check_value("big", 1e6 + 10, 1e6, tol=1e-9, verbose=False).passed


def test_result_repr_summarises():
    result = check_function("dot", reference_dot, reference_dot, CASES, verbose=False)
    assert repr(result) == "<CheckResult dot: passed, 2/2 checks passed>"


def test_lesson00_average_checker_on_reference_and_typical_mistakes():
    assert check_average(lambda v: sum(v) / len(v)).passed
    assert check_average(lambda v: sum(v)).hint.startswith("you returned the sum")
    minus_one = check_average(lambda v: sum(v) / (len(v) - 1))
    assert "N − 1" in minus_one.hint

    def stub(values):
        raise NotImplementedError

    assert check_average(stub).status == "not done"


def test_a_learner_editing_its_input_in_place_does_not_spoil_later_cases():
    data = np.array([1.0, 2.0, 3.0])
    cases = [Case("first", (data,)), Case("second", (data,))]

    def doubles_in_place(x):
        x *= 2
        return x

    result = check_function("double", doubles_in_place, lambda x: 2 * x, cases, verbose=False)
    assert result.passed
    np.testing.assert_array_equal(data, [1.0, 2.0, 3.0])
