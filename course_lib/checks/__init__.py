"""Self-checks for the exercises.

An exercise gives the learner a stub to fill in; the cell after it calls a checker from this
package (one module per lesson: ``course_lib.checks.lesson01`` ...). A checker runs the
learner's answer against the reference on a few cases and prints one line per quantity::

    ✓ dot([1, 2, 3], [4, 5, 6])   value 32  expected 32  error 0.0e+00  tolerance 1e-09
    ✗ dot([1, 0], [0, 1])         value 1   expected 0   error 1.0e+00  tolerance 1e-09
      hint: you multiplied ... (the more cases go wrong, the more specific the hint)

An unfinished exercise (a stub that raises ``NotImplementedError`` or an answer left as
``None``) prints a friendly "not done yet" line instead of a traceback, so the cells after it
still run. Known wrong answers (bias forgotten, ``W`` transposed, ``+`` instead of ``−`` in a
descent step, a missing ``1/N``) are recognised and get a specific hint.

Every checker returns a :class:`CheckResult` that tests can assert on.
"""

from course_lib.checks.core import (
    Case,
    CheckLine,
    CheckResult,
    WrongAnswer,
    check_function,
    check_value,
)

__all__ = ["Case", "CheckLine", "CheckResult", "WrongAnswer", "check_function", "check_value"]
