"""Several named answers checked at once, one line each: the machinery behind exercises that
ask for a prediction per expression (the shapes of products in lesson 01, of tensors in 02).

An answer is a shape (a tuple), a number, or ``"error"`` for an expression NumPy cannot compute.
"""

from __future__ import annotations

from course_lib._argspec import FUNCTION, optional
from course_lib._checked import checked
from course_lib.checks._specs import HINT, NAME, dict_spec
from course_lib.checks.core import _compare, _not_done
from course_lib.checks.feedback import (
    _revealed,
    _shape_problem,
    _short,
    attempt,
    describe,
    pick_hint,
    reveal_note,
)
from course_lib.checks.result import CheckLine, CheckResult

__all__ = ["check_answers"]


def _same(value, expected) -> tuple[bool, float, str]:
    """Compare one answer: "error" (any case) for an expression that fails, else a shape/number.

    Never raises: a wrong type (an array, a string that is not "error", a shape in quotes) comes
    back as a failed comparison whose note says what was given and what is expected.
    """
    if isinstance(value, str) and value.strip().lower() == "error":
        return isinstance(expected, str) and expected.lower() == "error", float("nan"), ""
    if isinstance(value, str):
        return (
            False,
            float("nan"),
            (
                f"you gave the string {value!r}: write a shape as a tuple without quotes, such as "
                '(3, 2), or "error" if NumPy cannot compute the expression'
            ),
        )
    if isinstance(expected, str):  # the answer is "error"; the learner gave a shape or number
        problem = _shape_problem(value)
        return False, float("nan"), problem
    return _compare(value, expected, 1e-9)


def _refusal(name: str, answers, expected: dict) -> CheckResult | None:
    """The report for answers that cannot be graded yet (not a dict, none given, the same
    answer everywhere), or None when they can be graded."""
    if not isinstance(answers, dict):
        if answers is None:
            return _not_done(name, f"{name} should be a dict of answers; run the cell above.")
        return _not_done(
            name,
            f"expected a dict of answers (the one in the cell above), got {describe(answers)}; "
            "run that cell again.",
        )
    missing = [k for k in expected if answers.get(k) is None or answers.get(k) is Ellipsis]
    if len(missing) == len(expected):
        return _not_done(name, "replace each None with your answer, run that cell, then this one.")
    given = [_short(answers.get(k)) for k in expected if k not in missing]
    if missing or len(set(given)) != 1 or len(expected) <= 2:
        return None
    attempt(name, False)
    lines = [CheckLine(k, False, answers.get(k), note="not graded") for k in expected]
    return CheckResult(
        name,
        "failed",
        lines,
        f"you gave the same answer, {given[0]}, for every expression: work each one out "
        "on its own (they are not all alike).",
    )


def _graded(answers: dict, expected: dict, wrong: dict, compare) -> list:
    """``(key, value, expected, outcome)`` per item; outcome is None when not answered, else
    ``(ok, error, note)`` with the known slip's hint from ``wrong`` as the note."""
    results = []
    for key, exp in expected.items():
        value = answers.get(key)
        if value is None or value is Ellipsis:
            results.append((key, value, exp, None))
            continue
        ok, err, note = compare(value, exp)
        if not ok and not note:
            for mistaken, why in wrong.get(key, {}).items():
                if compare(value, mistaken)[0]:
                    note = why
                    break
        results.append((key, value, exp, (ok, err, note)))
    return results


@checked(
    name=NAME, expected=dict_spec, wrong=optional(dict_spec), hint=HINT, compare=optional(FUNCTION)
)
def check_answers(
    name: str,
    answers,
    expected: dict,
    wrong: dict | None = None,
    hint: str | tuple[str, str] = "",
    reveal: bool = False,
    verbose: bool = True,
    compare=None,
) -> CheckResult:
    """Check several named answers in one go: one line per answer, each with its own hint.

    ``answers`` and ``expected`` are dicts with the same keys (a ``None`` value means not answered
    yet); ``wrong`` maps a key to ``{wrong value: hint}``. Shapes are compared as tuples and
    ``"error"`` stands for "this raises an error". Every wrong answer gets its line's note (the
    specific hint when the slip is known). The expected answers are shown only after
    ``REVEAL_AFTER`` wrong tries, or with ``reveal=True``. The same answer for every item (such as
    "error" everywhere) is refused: each item needs its own prediction. ``compare(value,
    expected) -> (equal, error, note)`` replaces the shape/number comparison (the loss-choice
    exercise compares names). Prints the report and returns a CheckResult.
    """
    compare = compare or _same
    refused = _refusal(name, answers, expected)
    if refused is not None:
        return refused.show() if verbose else refused
    results = _graded(answers, expected, wrong or {}, compare)
    all_ok = all(r[3] is not None and r[3][0] for r in results)
    tries = attempt(name, all_ok)
    hidden = not all_ok and not _revealed(tries, reveal)
    lines = []
    for key, value, exp, outcome in results:
        if outcome is None:
            lines.append(CheckLine(key, False, note="not answered yet (still None)"))
            continue
        ok, err, note = outcome
        lines.append(CheckLine(key, ok, value, exp, err, 1e-9, note, hidden=hidden))
    status = "passed" if all_ok else "failed"
    result = CheckResult(
        name,
        status,
        lines,
        "" if all_ok else pick_hint(hint, tries, reveal),
        footer=reveal_note(tries) if hidden else "",
    )
    return result.show() if verbose else result
