"""Shared fixtures for the course_lib tests."""

import numpy as np
import pytest


@pytest.fixture
def rng() -> np.random.Generator:
    """A freshly seeded generator per test, so every test is reproducible on its own."""
    return np.random.default_rng(0)
