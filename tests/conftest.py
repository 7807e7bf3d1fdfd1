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
