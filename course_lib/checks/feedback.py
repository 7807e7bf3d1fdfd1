"""What a checker tells the learner besides ✓ and ✗: tries, hints, and what was given.

- **Tries and hints** (:func:`attempt`, :func:`pick_hint`): a checker's general hint may be a
  pair ``(lead, tell)``; the telling one, and the expected value of a single answer, appear only
  after :data:`REVEAL_AFTER` wrong tries of the same exercise or when the learner passes
  ``reveal=True``. :func:`reset_tries` forgets the count (tests start from none).
- **What was given** (:func:`describe`, :func:`type_problem`): a few words for any value a
  learner can pass, and why it cannot be compared with the expected answer at all (a number as
  a string, a complex number, an array where one number is asked, a function not called).
- **Slips any checker can recognise** (:func:`generic_slip`): `^` for `**`, a percentage for a
  fraction, the N − 1 of ``ddof``.
"""

from __future__ import annotations

import warnings

import numpy as np

from course_lib._argspec import optional
from course_lib._checked import checked
from course_lib.checks._specs import CASES, HINT, NAME, SAME_LENGTH_LISTS, TRIES

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


@checked(name=NAME)
def attempt(name: str, passed: bool) -> int:
    """Record one try of exercise ``name``; return its wrong tries so far (0 once it passes)."""
    if passed:
        _wrong_tries.pop(name, None)
        return 0
    _wrong_tries[name] = _wrong_tries.get(name, 0) + 1
    return _wrong_tries[name]


@checked(name=NAME)
def wrong_tries(name: str) -> int:
    """How many wrong tries of exercise ``name`` are on record."""
    return _wrong_tries.get(name, 0)


@checked(name=optional(NAME))
def reset_tries(name: str | None = None) -> None:
    """Forget the wrong tries of one exercise, or of all of them."""
    if name is None:
        _wrong_tries.clear()
    else:
        _wrong_tries.pop(name, None)


def _revealed(tries: int, reveal: bool) -> bool:
    return bool(reveal) or tries >= REVEAL_AFTER


@checked(hint=HINT, tries=TRIES)
def pick_hint(hint, tries: int, reveal: bool = False) -> str:
    """The hint to show: a ``(lead, tell)`` pair gives ``tell`` only once it may be revealed."""
    if isinstance(hint, str):
        return hint
    hints = [h for h in hint if h]
    if not hints:
        return ""
    return hints[-1] if _revealed(tries, reveal) else hints[0]


@checked(tries=TRIES)
def reveal_note(tries: int) -> str:
    """What the learner is told while an expected value is still hidden."""
    left = REVEAL_AFTER - tries
    return (
        f"the expected value stays hidden for {left} more wrong {'try' if left == 1 else 'tries'}; "
        "to see it now, run the check again with reveal=True"
    )


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


@checked(
    outputs=SAME_LENGTH_LISTS, expecteds=SAME_LENGTH_LISTS, cases=CASES, notes=SAME_LENGTH_LISTS
)
def generic_slip(outputs: list, expecteds: list, cases: list, notes: list[str]) -> str:
    """Slips any checker can recognise: `^` for `**`, a percentage, the N − 1 of `ddof`."""
    if not len(outputs) == len(expecteds) == len(cases):
        raise ValueError(
            f"generic_slip: outputs, expecteds and cases need one entry per case, got "
            f"{len(outputs)}, {len(expecteds)} and {len(cases)}."
        )
    if any("bitwise_xor" in n or "for ^:" in n for n in notes):
        return _XOR_HINT
    pairs = [(o, e, c) for o, e, c in zip(outputs, expecteds, cases, strict=True) if o is not None]
    ratios = [_ratio(o, e) for o, e, _ in pairs]
    if not pairs or any(r is None for r in ratios):
        return ""
    if all(abs(r - 100.0) < 1e-6 for r in ratios):
        return _PERCENT_HINT

    def ddof_factor(r: float, case) -> bool:
        first = next((a for a in case.args if isinstance(a, np.ndarray) and a.ndim), None)
        n = len(first) if first is not None else 0
        if n < 2 or abs(r - 1.0) < 1e-12:
            return False
        factors = (n / (n - 1), (n - 1) / n, np.sqrt(n / (n - 1)), np.sqrt((n - 1) / n))
        return any(abs(r - f) < 1e-9 for f in factors)

    if all(ddof_factor(r, c) for r, (_, _, c) in zip(ratios, pairs, strict=True)):
        return _DDOF_HINT
    return ""
