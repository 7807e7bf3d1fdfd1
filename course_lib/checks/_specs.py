"""Argument specs for the checker machinery (``core``, ``answers``, ``feedback``).

These arguments come from the lesson modules, not from the learner: a checker built wrongly
(a hint that is not text, a case that is not a ``Case``) should fail at once with a message
that says which argument is wrong, never deep inside a comparison. The learner's own answer is
never checked here: the checkers compare it and report what was given.
"""

import numpy as np

from course_lib._validation import describe

__all__ = [
    "NAME",
    "HINT",
    "CASES",
    "WRONGS",
    "EXPECTED",
    "SAME_LENGTH_LISTS",
    "TRIES",
    "TOL",
    "dict_spec",
]


def _name(func, name, value):
    if not isinstance(value, str):
        raise TypeError(
            f"{func}: {name} should be text (the exercise's name), got {describe(value)}."
        )


def _hint(func, name, value):
    parts = value if isinstance(value, tuple) else (value,)
    if not all(isinstance(p, str) for p in parts):
        raise TypeError(
            f"{func}: {name} should be text or a (lead, tell) pair of texts, got {describe(value)}."
        )


def _cases(func, name, value):
    from course_lib.checks.core import Case

    if not isinstance(value, list | tuple) or not all(isinstance(c, Case) for c in value):
        raise TypeError(f"{func}: {name} should be a list of Case(...), got {describe(value)}.")


def _wrongs(func, name, value):
    from course_lib.checks.core import WrongAnswer

    if not isinstance(value, list | tuple) or not all(isinstance(w, WrongAnswer) for w in value):
        raise TypeError(
            f"{func}: {name} should be a list of WrongAnswer(hint, fn), got {describe(value)}."
        )


def _expected(func, name, value):
    if isinstance(value, list | np.ndarray):
        try:
            np.asarray(value, dtype=np.float64)
        except (TypeError, ValueError):
            raise TypeError(
                f"{func}: {name} should be numbers of one shape, got {describe(value)}."
            ) from None


def _same_length_lists(func, name, value):
    if not isinstance(value, list | tuple):
        raise TypeError(
            f"{func}: {name} should be a list, one entry per case, got {describe(value)}."
        )


def _tries(func, name, value):
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 0:
        raise TypeError(f"{func}: {name} should be a count of tries (0, 1, 2, ...), got {value!r}.")


def _tol(func, name, value):
    ok = isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool)
    if not ok or not np.isfinite(value) or value < 0:
        raise TypeError(f"{func}: {name} should be a tolerance (a number >= 0), got {value!r}.")


def _dict(func, name, value):
    if not isinstance(value, dict):
        raise TypeError(f"{func}: {name} should be a dict, got {describe(value)}.")


NAME, HINT, CASES, WRONGS, EXPECTED, TOL = _name, _hint, _cases, _wrongs, _expected, _tol
SAME_LENGTH_LISTS, TRIES, dict_spec = _same_length_lists, _tries, _dict
