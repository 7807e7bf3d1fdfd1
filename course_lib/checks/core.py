"""The machinery behind every exercise checker: compare, print one line per quantity, hint.

Lesson modules build checkers from two functions:

- :func:`check_function` runs a learner's function and the reference on a list of
  :class:`Case` and compares the outputs;
- :func:`check_value` compares a single answer (a number, an array, a shape, a string).

Both recognise known wrong answers (:class:`WrongAnswer`) and give their specific hint.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

PASS, FAIL, TODO = "✓", "✗", "…"


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
    """One compared quantity."""

    label: str
    passed: bool
    value: object = None
    expected: object = None
    error: float = float("nan")
    tolerance: float = float("nan")
    note: str = ""

    def text(self) -> str:
        mark = PASS if self.passed else FAIL
        if self.note and self.value is None:
            return f"{mark} {self.label}: {self.note}"
        line = (
            f"{mark} {self.label}   value {_short(self.value)}   expected {_short(self.expected)}"
        )
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
        return "\n".join(out)

    def show(self) -> CheckResult:
        print(self.report())
        return self


def _short(value) -> str:
    if isinstance(value, np.ndarray):
        with np.printoptions(precision=4, suppress=True, threshold=12, edgeitems=2):
            return np.array2string(value, separator=", ").replace("\n", "")
    if isinstance(value, float | np.floating):
        return f"{float(value):.6g}"
    return repr(value)


def _compare(value, expected, tol: float) -> tuple[bool, float, str]:
    """Return (equal within tol, max abs error, note) for numbers, arrays, shapes or strings."""
    if isinstance(expected, str | tuple | bool) or expected is None:
        same = value == expected or (isinstance(expected, tuple) and _as_tuple(value) == expected)
        return bool(same), float("nan"), ""
    try:
        v = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        return False, float("nan"), f"got {type(value).__name__}, expected numbers"
    e = np.asarray(expected, dtype=np.float64)
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
                with np.errstate(all="ignore"):
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


def check_function(
    name: str,
    learner_fn,
    reference_fn,
    cases: list[Case],
    tol: float = 1e-9,
    wrong: list[WrongAnswer] = (),
    hint: str = "",
    verbose: bool = True,
) -> CheckResult:
    """Run ``learner_fn`` and ``reference_fn`` on each case and compare the outputs.

    ``tol`` is relative to the size of the expected value (absolute below 1). ``hint`` is the
    general hint; a matching :class:`WrongAnswer` gives its own, more specific one.
    """
    if not callable(learner_fn):
        result = _not_done(
            name,
            f"{name} should be a function; define it in the cell above and run that cell first.",
        )
        return result.show() if verbose else result
    lines, outputs = [], []
    for case in cases:
        expected = reference_fn(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
        try:  # fresh copies: a learner's in-place edit must not change the next case
            with np.errstate(all="ignore"):
                value = learner_fn(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
        except NotImplementedError:
            result = _not_done(
                name,
                "replace the `raise NotImplementedError` line with your "
                "code, run that cell, then run this one again.",
            )
            return result.show() if verbose else result
        except Exception as exc:  # show the learner's error as one line, not a traceback
            lines.append(
                CheckLine(
                    case.label, False, note=f"your function raised {type(exc).__name__}: {exc}"
                )
            )
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
        outputs.append(value)
    all_ok = all(line.passed for line in lines)
    specific = "" if all_ok else _match_wrong(outputs, list(wrong), cases, tol)
    result = CheckResult(name, "passed" if all_ok else "failed", lines, specific or hint)
    return result.show() if verbose else result


def check_value(
    name: str,
    value,
    expected,
    tol: float = 1e-9,
    wrong: dict | None = None,
    hint: str = "",
    label: str | None = None,
    verbose: bool = True,
) -> CheckResult:
    """Compare one answer with the expected one. ``None`` (the stub's value) means not done.

    ``wrong`` maps a known wrong answer to its specific hint.
    """
    if value is None or value is Ellipsis:
        result = _not_done(
            name,
            f"set {label or name} to your answer (it is still "
            f"{value!r}), run that cell, then run this one again.",
        )
        return result.show() if verbose else result
    ok, err, note = _compare(value, expected, tol)
    specific = ""
    if not ok:
        for mistaken, why in (wrong or {}).items():
            if _compare(value, mistaken, tol)[0]:
                specific = why
                break
    line = CheckLine(label or name, ok, value, expected, err, tol, note)
    result = CheckResult(name, "passed" if ok else "failed", [line], specific or hint)
    return result.show() if verbose else result
