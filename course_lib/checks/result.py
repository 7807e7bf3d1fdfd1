"""What a checker returns and prints: one :class:`CheckLine` per compared quantity, gathered in
a :class:`CheckResult` whose ``report()`` is the text the learner sees (✓/✗ per line, then a
hint, or "All correct")."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from course_lib.checks.feedback import _short

__all__ = ["CheckLine", "CheckResult"]

PASS, FAIL, TODO = "✓", "✗", "…"


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
