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

A hint leads before it tells: a checker's general hint comes first as a pointer, and as the code
only at the learner's third wrong try (``core.REVEAL_AFTER``) or when they pass ``reveal=True``;
the expected value of a single answer is hidden on the same terms. A wrong type (a number as a
string, a complex number, an array where one number is asked) is refused with a line that says
what was given, and nothing a learner passes makes a checker raise.

Every checker returns a :class:`CheckResult` that tests can assert on.
"""

from course_lib.checks.core import Case, WrongAnswer, check_function, check_value
from course_lib.checks.result import CheckLine, CheckResult

__all__ = ["Case", "CheckLine", "CheckResult", "WrongAnswer", "check_function", "check_value"]
