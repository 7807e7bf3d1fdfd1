"""Self-check for the welcome lesson's practice exercise."""

import numpy as np

from course_lib.checks.core import Case, WrongAnswer, check_function
from course_lib.checks.result import CheckResult


def _mean(values) -> float:
    return float(np.mean(np.asarray(values, dtype=np.float64)))


_CASES = [
    Case("average([2, 4, 6])", ([2, 4, 6],)),
    Case("average([1.5])", ([1.5],)),
    Case("average([-1, 1, 3, 5])", ([-1, 1, 3, 5],)),
]

_WRONG = [
    WrongAnswer(
        "you returned the sum: divide it by the number of values (the 1/N).",
        lambda v: float(np.sum(v)),
    ),
    WrongAnswer(
        "you divided by N − 1: the average divides by N, len(values).",
        lambda v: float(np.sum(v)) / (len(v) - 1) if len(v) > 1 else float("inf"),
    ),
    WrongAnswer(
        "you used `//`, which divides and then rounds DOWN to a whole number: the average of "
        "[1.5] must stay 1.5. Use `/`.",
        lambda v: float(sum(v) // len(v)),
    ),
    WrongAnswer(
        "your total keeps only the last value: inside a loop, `total = x` replaces the total, "
        "while `total += x` adds to it.",
        lambda v: float(v[-1]) / len(v),
    ),
]


def check_average(average, reveal: bool = False, verbose: bool = True) -> CheckResult:
    """Check a learner's ``average(values)``: the sum of the values divided by their count.

    ``reveal=True`` shows the telling hint at once (it also appears after a few wrong tries).
    """
    return check_function(
        "average",
        average,
        _mean,
        _CASES,
        wrong=_WRONG,
        hint=(
            "an average needs two things: the total of the values, and how many there are.",
            "return sum(values) / len(values).",
        ),
        verbose=verbose,
        reveal=reveal,
    )
