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

PASS, FAIL, TODO = "✓", "✗", "…"

#: Wrong tries of one exercise after which its expected value and telling hint are shown.
REVEAL_AFTER = 3

_wrong_tries: dict[str, int] = {}

_XOR_HINT = (
    "in Python `^` is not a power (it is bitwise XOR, which fails on decimals): write "
    "`x ** 2` for x squared."
)
_PERCENT_HINT = (
    "your answer is 100 times the expected one: give a fraction between 0 and 1 (0.95), "
    "not a percentage (95)."
)
_DDOF_HINT = (
    "your result is off by exactly the factor between dividing by N and by N − 1: check the "
    "`ddof` of your standard deviation or variance. NumPy's `np.std(x)` divides by N "
    "(`ddof=0`); `ddof=1` (pandas' and statistics.stdev's default) divides by N − 1. Use the "
    "one the exercise asks for."
)


def attempt(name: str, passed: bool) -> int:
    """Record one try of exercise ``name``; return its wrong tries so far (0 once it passes)."""
    if passed:
        _wrong_tries.pop(name, None)
        return 0
    _wrong_tries[name] = _wrong_tries.get(name, 0) + 1
    return _wrong_tries[name]


def reset_tries(name: str | None = None) -> None:
    """Forget the wrong tries of one exercise, or of all of them."""
    if name is None:
        _wrong_tries.clear()
    else:
        _wrong_tries.pop(name, None)


def _revealed(tries: int, reveal: bool) -> bool:
    return bool(reveal) or tries >= REVEAL_AFTER


def pick_hint(hint, tries: int, reveal: bool = False) -> str:
    """The hint to show: a ``(lead, tell)`` pair gives ``tell`` only once it may be revealed."""
    if isinstance(hint, str):
        return hint
    hints = [h for h in hint if h]
    if not hints:
        return ""
    return hints[-1] if _revealed(tries, reveal) else hints[0]


def reveal_note(tries: int) -> str:
    """What the learner is told while an expected value is still hidden."""
    left = REVEAL_AFTER - tries
    return (
        f"the expected value stays hidden for {left} more wrong {'try' if left == 1 else 'tries'}; "
        "to see it now, run the check again with reveal=True"
    )


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


@dataclass
class CheckLine:
    """One compared quantity. ``hidden``: the expected value (and the error) is not shown."""

    label: str
    passed: bool
    value: object = None
    expected: object = None
    error: float = float("nan")
    tolerance: float = float("nan")
    note: str = ""
    hidden: bool = False

    def text(self) -> str:
        mark = PASS if self.passed else FAIL
        if self.note and self.value is None:
            return f"{mark} {self.label}: {self.note}"
        line = f"{mark} {self.label}   value {_short(self.value)}"
        if not self.hidden:
            line += f"   expected {_short(self.expected)}"
            if np.isfinite(self.error):
                line += f"   error {self.error:.1e}   tolerance {self.tolerance:.0e}"
        if self.note:
            line += f"   ({self.note})"
        return line


@dataclass
class CheckResult:
    """What a checker found. ``status`` is ``"passed"``, ``"failed"`` or ``"not done"``."""

    name: str
    status: str
    lines: list[CheckLine] = field(default_factory=list)
    hint: str = ""
    footer: str = ""

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    def __bool__(self) -> bool:
        return self.passed

    def __repr__(self) -> str:
        ok = sum(line.passed for line in self.lines)
        return f"<CheckResult {self.name}: {self.status}, {ok}/{len(self.lines)} checks passed>"

    def report(self) -> str:
        """The text printed to the learner."""
        out = [f"Checking {self.name}:"]
        if self.status == "not done":
            out.append(f"{TODO} not done yet: {self.hint}")
            return "\n".join(out)
        out += ["  " + line.text() for line in self.lines]
        if self.passed:
            out.append("All correct. Well done!")
        elif self.hint:
            out.append(f"Hint: {self.hint}")
        if self.footer and not self.passed:
            out.append(f"({self.footer}.)")
        return "\n".join(out)

    def show(self) -> CheckResult:
        print(self.report())
        return self


def _short(value) -> str:
    try:
        if isinstance(value, np.ndarray):
            with np.printoptions(precision=4, suppress=True, threshold=12, edgeitems=2):
                return np.array2string(value, separator=", ").replace("\n", "")
        if isinstance(value, float | np.floating):
            return f"{float(value):.6g}"
        text = repr(value)
    except Exception:  # a learner's object whose repr fails must not break the report
        text = f"<{type(value).__name__}>"
    return text if len(text) <= 80 else text[:77] + "..."


def describe(value) -> str:
    """A few words for what a learner passed: 'the string '0.4'', 'an array of shape (3,)'..."""
    if isinstance(value, str):
        return f"the string {_short(value)}"
    if isinstance(value, bool | np.bool_):
        return f"the truth value {value}"
    if isinstance(value, complex | np.complexfloating):
        return f"the complex number {value}"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} (dtype {value.dtype})"
    if isinstance(value, list | tuple):
        kinds = sorted({type(item).__name__ for item in value})
        of = f" ({', '.join(kinds)})" if 0 < len(kinds) <= 3 else ""
        return f"a {type(value).__name__} of {len(value)} items{of}"
    if isinstance(value, dict):
        return "a dict"
    if callable(value):
        return f"the function {getattr(value, '__name__', '?')} itself (did you forget to call it?)"
    if isinstance(value, int | float | np.integer | np.floating):
        return f"the number {_short(value)}"
    return f"a {type(value).__name__}"


def _looks_like_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def type_problem(value, expected, one_number: bool = False) -> str:
    """Why ``value`` cannot be compared with ``expected`` at all ('' if its type is fine).

    ``one_number``: an array is refused where ``expected`` is a single number (for a single
    answer; a function's output of the wrong shape is reported as a shape instead).
    """
    if isinstance(expected, str):
        if isinstance(value, str):
            return ""
        return f"you gave {describe(value)}; the answer is a name, written as a string in quotes"
    if isinstance(expected, tuple):
        return _shape_problem(value)
    if isinstance(value, str):
        if _looks_like_number(value):
            return (
                f"you gave the string {value!r}: write the number without quotes, {value.strip()}"
            )
        return f"you gave {describe(value)}; expected numbers"
    if callable(value) and not isinstance(value, np.ndarray | np.generic):
        return f"you gave {describe(value)}; expected numbers"
    if isinstance(value, bool | np.bool_):
        return f"you gave {describe(value)}; expected a number"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            arr = np.asarray(value)
    except Exception:
        return f"you gave {describe(value)}; expected numbers"
    if np.iscomplexobj(arr):
        return f"you gave {describe(value)}: complex numbers; expected real numbers"
    if arr.dtype.kind not in "iuf":
        if arr.dtype.kind == "b":
            return f"you gave {describe(value)}: truth values; expected numbers"
        return f"you gave {describe(value)}; expected numbers"
    if one_number and np.ndim(expected) == 0 and arr.ndim > 0:
        return f"you gave {describe(value)}; the answer is one number" + (
            " (take it out with float(...))" if arr.size == 1 else ""
        )
    return ""


def _shape_problem(value) -> str:
    if isinstance(value, str):
        return (
            f"you gave the string {_short(value)}: write a shape as a tuple of whole numbers "
            "without quotes, such as (3, 2)"
        )
    if isinstance(value, np.ndarray):
        return (
            f"you gave {describe(value)}: a shape is a tuple of whole numbers, such as (3, 2) "
            "(an array's `.shape` is one)"
        )
    if isinstance(value, int | np.integer) and not isinstance(value, bool):
        return (
            f"you gave the number {value}: a shape is a tuple, even with one axis: "
            f"({value},), with the comma"
        )
    if not isinstance(value, tuple | list) or not all(
        isinstance(k, int | np.integer) and not isinstance(k, bool) for k in value
    ):
        return f"you gave {describe(value)}; expected a shape, a tuple of whole numbers"
    return ""


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


def _ratio(output, expected) -> float | None:
    """The one number r with output = r * expected everywhere, if there is one."""
    try:
        o = np.asarray(output, dtype=np.float64)
        e = np.asarray(expected, dtype=np.float64)
    except Exception:
        return None
    if o.shape != e.shape or not np.all(np.isfinite(o)):
        return None
    big = np.abs(e) > 1e-12
    if not np.any(big) or np.any(np.abs(o[~big]) > 1e-12):
        return None
    r = o[big] / e[big]
    return float(r[0]) if np.allclose(r, r[0], rtol=1e-9, atol=0) else None


def _generic_slip(outputs: list, expecteds: list, cases: list[Case], notes: list[str]) -> str:
    """Slips any checker can recognise: `^` for `**`, a percentage, the N − 1 of `ddof`."""
    if any("bitwise_xor" in n or "for ^:" in n for n in notes):
        return _XOR_HINT
    pairs = [(o, e, c) for o, e, c in zip(outputs, expecteds, cases, strict=True) if o is not None]
    ratios = [_ratio(o, e) for o, e, _ in pairs]
    if not pairs or any(r is None for r in ratios):
        return ""
    if all(abs(r - 100.0) < 1e-6 for r in ratios):
        return _PERCENT_HINT

    def ddof_factor(r: float, case: Case) -> bool:
        first = next((a for a in case.args if isinstance(a, np.ndarray) and a.ndim), None)
        n = len(first) if first is not None else 0
        if n < 2 or abs(r - 1.0) < 1e-12:
            return False
        factors = (n / (n - 1), (n - 1) / n, np.sqrt(n / (n - 1)), np.sqrt((n - 1) / n))
        return any(abs(r - f) < 1e-9 for f in factors)

    if all(ddof_factor(r, c) for r, (_, _, c) in zip(ratios, pairs, strict=True)):
        return _DDOF_HINT
    return ""


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
        specific = _match_wrong(outputs, list(wrong), cases, tol) or _generic_slip(
            outputs, expecteds, cases, notes
        )
    general = "" if all_ok else pick_hint(hint, n_tries, reveal)
    result = CheckResult(name, "passed" if all_ok else "failed", lines, specific or general)
    return result.show() if verbose else result


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
