"""Shared fixtures for the course_lib tests."""

import numpy as np
import pytest


@pytest.fixture
def rng() -> np.random.Generator:
    """A freshly seeded generator per test, so every test is reproducible on its own."""
    return np.random.default_rng(0)


@pytest.fixture(autouse=True)
def fresh_checker_tries():
    """Checkers count a learner's wrong tries; every test starts from none."""
    from course_lib.checks.feedback import reset_tries

    reset_tries()
    yield
    reset_tries()


# ---- the bad-input sweep's count, printed at the end of the run (also under pytest-xdist) -------

_SWEEP_SUMMARY = []


def pytest_runtest_logreport(report):
    """Collect the line the sweep test attached to its report (workers send reports here)."""
    if report.when == "call":
        _SWEEP_SUMMARY.extend(v for k, v in report.user_properties if k == "bad_input_sweep")


def pytest_terminal_summary(terminalreporter):
    for line in _SWEEP_SUMMARY:
        terminalreporter.write_line(line)
