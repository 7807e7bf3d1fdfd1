"""The machinery behind every exercise checker: compare, print one line per quantity, hint.

Lesson modules build checkers from two functions:

- :func:`check_function` runs a learner's function and the reference on a list of
  :class:`Case` and compares the outputs;
- :func:`check_value` compares a single answer (a number, an array, a shape, a string).

Both recognise known wrong answers (:class:`WrongAnswer`) and give their specific hint.

A hint leads, it does not tell. A checker's general hint may be a pair ``(lead, tell)``: the
learner sees the leading hint first and the telling one (the code) only after
:data:`REVEAL_AFTER` wrong tries of that exercise, or at once when they ask with
``reveal=True``. The expected value of a single answer (:func:`check_value`, and the answers of
:func:`check_answers`) is hidden on the same terms; the expected outputs of a function on the
test inputs are always shown, since they do not give the code away.

Nothing a learner passes crashes a checker: a wrong type (a number as a string, a complex
number, an array where one number is asked, a function not called) is refused with a line that
says what was given and what is expected.
"""

from __future__ import annotations

import copy
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from course_lib._argspec import FUNCTION, optional
from course_lib._checked import checked
from course_lib.checks._specs import CASES, EXPECTED, HINT, NAME, TOL, TRIES, WRONGS, dict_spec
from course_lib.checks.feedback import (
    _PERCENT_HINT,
    _revealed,
    attempt,
    describe,
    generic_slip,
    pick_hint,
    reveal_note,
    type_problem,
)
from course_lib.checks.result import CheckLine, CheckResult

__all__ = ["Case", "WrongAnswer", "check_function", "check_value"]


@dataclass(frozen=True)
class Case:
    """One input to try: ``label`` is what the learner sees, ``args``/``kwargs`` are passed."""

    label: str
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)


@dataclass(frozen=True)
class WrongAnswer:
    """A typical mistake: ``fn`` computes the mistaken result, ``hint`` explains it."""

    hint: str
    fn: Callable


def _compare(value, expected, tol: float, one_number: bool = False) -> tuple[bool, float, str]:
    """Return (equal within tol, max abs error, note) for numbers, arrays, shapes or strings.

    A value of the wrong type never passes, and never raises: the note says what was given.
    """
    if isinstance(expected, bool) or expected is None:
        return (
            value is expected or (isinstance(value, bool | np.bool_) and value == expected),
            (float("nan")),
            "",
        )
    problem = type_problem(value, expected, one_number)
    if problem:
        return False, float("nan"), problem
    if isinstance(expected, str):
        return value == expected, float("nan"), ""
    if isinstance(expected, tuple):
        return tuple(int(k) for k in value) == expected, float("nan"), ""
    try:
        v = np.asarray(value, dtype=np.float64)
        e = np.asarray(expected, dtype=np.float64)
    except Exception:
        return False, float("nan"), f"you gave {describe(value)}; expected numbers"
    if v.shape != e.shape:
        return False, float("nan"), f"shape {v.shape}, expected shape {e.shape}"
    if not np.all(np.isfinite(v)):
        return False, float("nan"), "contains NaN or inf"
    err = float(np.max(np.abs(v - e))) if v.size else 0.0
    scale = max(1.0, float(np.max(np.abs(e))) if e.size else 1.0)
    return err <= tol * scale, err, ""


def _as_tuple(value):
    try:
        return tuple(int(k) for k in value)
    except (TypeError, ValueError):
        return value


def _not_done(name: str, why: str) -> CheckResult:
    return CheckResult(name, "not done", hint=why)


def _match_wrong(outputs: list, wrong: list[WrongAnswer], cases: list[Case], tol: float) -> str:
    """The hint of the first known mistake that reproduces every one of the learner's outputs.

    A case where the learner's code failed (output ``None``) matches a mistake that also fails
    or gives a non-finite value there (e.g. dividing by N − 1 when N = 1).
    """
    for mistake in wrong:
        matched = True
        for output, case in zip(outputs, cases, strict=True):
            try:
                with np.errstate(all="ignore"), warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    mistaken = mistake.fn(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
                    finite = bool(np.all(np.isfinite(np.asarray(mistaken, dtype=np.float64))))
            except Exception:  # the mistake cannot even run on this case
                mistaken, finite = None, False
            if output is None:
                matched = not finite
            else:
                matched = mistaken is not None and _compare(output, mistaken, tol)[0]
            if not matched:
                break
        if matched and any(o is not None for o in outputs):
            return mistake.hint
    return ""


def _run_learner(fn, case: Case):
    """Call the learner's function on fresh copies; warnings stay inside the check."""
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))


@checked(
    name=NAME,
    reference_fn=optional(FUNCTION),
    cases=CASES,
    tol=TOL,
    wrong=WRONGS,
    hint=HINT,
    tries=optional(TRIES),
)
def check_function(
    name: str,
    learner_fn,
    reference_fn,
    cases: list[Case],
    tol: float = 1e-9,
    wrong: list[WrongAnswer] = (),
    hint: str | tuple[str, ...] = "",
    verbose: bool = True,
    reveal: bool = False,
    tries: int | None = None,
) -> CheckResult:
    """Run ``learner_fn`` and ``reference_fn`` on each case and compare the outputs.

    ``tol`` is relative to the size of the expected value (absolute below 1). ``hint`` is the
    general hint, or a ``(lead, tell)`` pair (see the module docstring); a matching
    :class:`WrongAnswer` gives its own, more specific one. ``tries`` overrides the count of
    wrong tries (for a checker made of several calls); by default this call is counted.
    """
    if not callable(learner_fn):
        given = "" if learner_fn is None else f" (it is {describe(learner_fn)})"
        result = _not_done(
            name,
            f"{name} should be a function{given}; define it in the cell above and run that "
            "cell first.",
        )
        return result.show() if verbose else result
    if reference_fn is None:
        raise TypeError(f"check_function: reference_fn should be a function, got None ({name}).")
    lines, outputs, expecteds, notes = [], [], [], []
    for case in cases:
        expected = reference_fn(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
        expecteds.append(expected)
        try:  # fresh copies: a learner's in-place edit must not change the next case
            value = _run_learner(learner_fn, case)
        except NotImplementedError:
            result = _not_done(
                name,
                "replace the `raise NotImplementedError` line with your "
                "code, run that cell, then run this one again.",
            )
            return result.show() if verbose else result
        except Exception as exc:  # show the learner's error as one line, not a traceback
            note = f"your function raised {type(exc).__name__}: {exc}"
            lines.append(CheckLine(case.label, False, note=note))
            notes.append(note)
            outputs.append(None)
            continue
        if value is None:
            lines.append(
                CheckLine(case.label, False, note="returned None: did you forget `return`?")
            )
            outputs.append(None)
            continue
        ok, err, note = _compare(value, expected, tol)
        lines.append(CheckLine(case.label, ok, value, expected, err, tol, note))
        outputs.append(None if type_problem(value, expected) else value)
    all_ok = all(line.passed for line in lines)
    n_tries = attempt(name, all_ok) if tries is None else tries
    specific = ""
    if not all_ok:
        specific = _match_wrong(outputs, list(wrong), cases, tol) or generic_slip(
            outputs, expecteds, cases, notes
        )
    general = "" if all_ok else pick_hint(hint, n_tries, reveal)
    result = CheckResult(name, "passed" if all_ok else "failed", lines, specific or general)
    return result.show() if verbose else result


@checked(
    name=NAME,
    expected=EXPECTED,
    tol=TOL,
    wrong=optional(dict_spec),
    hint=HINT,
    label=optional(NAME),
)
def check_value(
    name: str,
    value,
    expected,
    tol: float = 1e-9,
    wrong: dict | None = None,
    hint: str | tuple[str, ...] = "",
    label: str | None = None,
    verbose: bool = True,
    reveal: bool = False,
) -> CheckResult:
    """Compare one answer with the expected one. ``None`` (the stub's value) means not done.

    ``wrong`` maps a known wrong answer to its specific hint. The expected value is shown only
    after :data:`REVEAL_AFTER` wrong tries or with ``reveal=True``.
    """
    if value is None or value is Ellipsis:
        result = _not_done(
            name,
            f"set {label or name} to your answer (it is still "
            f"{value!r}), run that cell, then run this one again.",
        )
        return result.show() if verbose else result
    ok, err, note = _compare(value, expected, tol, one_number=True)
    n_tries = attempt(name, ok)
    specific = ""
    if not ok and not note:
        for mistaken, why in (wrong or {}).items():
            if _compare(value, mistaken, tol)[0]:
                specific = why
                break
        if not specific and isinstance(expected, int | float) and 0 < expected <= 1:
            if _compare(value, 100 * expected, tol)[0]:
                specific = _PERCENT_HINT
    hidden = not ok and not _revealed(n_tries, reveal)
    line = CheckLine(label or name, ok, value, expected, err, tol, note, hidden=hidden)
    general = "" if ok else pick_hint(hint, n_tries, reveal)
    result = CheckResult(
        name,
        "passed" if ok else "failed",
        [line],
        specific or general,
        footer=reveal_note(n_tries) if hidden else "",
    )
    return result.show() if verbose else result
