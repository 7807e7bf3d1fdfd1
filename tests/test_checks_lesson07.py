"""Lesson 07 checkers: pass the reference, name typical mistakes, say 'not done' for stubs."""

import numpy as np
import pytest

from course_lib.checks import lesson07 as L


def _stub(*args):
    raise NotImplementedError


def _momentum(th, v, g, lr, beta):
    v = beta * v + g
    return th - lr * v, v


def _adam(th, m, v, g, t, lr, b1, b2, eps):
    m = b1 * m + (1 - b1) * g
    v = b2 * v + (1 - b2) * g * g
    return th - lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps), m, v


@pytest.fixture(autouse=True)
def _quiet(capsys):
    yield


def test_momentum_step_reference_passes_and_stub_is_not_done():
    assert L.check_momentum_step(_momentum).status == "passed"
    assert L.check_momentum_step(_stub).status == "not done"


@pytest.mark.parametrize(
    ("fn", "words"),
    [
        (lambda th, v, g, lr, b: (th + lr * (b * v + g), b * v + g), "uphill"),
        (lambda th, v, g, lr, b: (th - lr * (v + g), v + g), "not decayed"),
        (lambda th, v, g, lr, b: (th - lr * v, b * v + g), "OLD velocity"),
        (lambda th, v, g, lr, b: (th - lr * g, g), "plain gradient descent"),
    ],
)
def test_momentum_step_names_typical_mistakes(fn, words):
    result = L.check_momentum_step(fn)
    assert result.status == "failed" and words in result.hint


def test_adam_step_reference_passes_and_stub_is_not_done():
    assert L.check_adam_step(_adam).status == "passed"
    assert L.check_adam_step(_stub).status == "not done"


@pytest.mark.parametrize(
    ("variant", "words"),
    [
        (dict(correct=False), "no bias correction"),
        (dict(sign=1.0), "uphill"),
        (dict(sqrt=False), "square root"),
        (dict(t_shift=1), "t + 1"),
    ],
)
def test_adam_step_names_typical_mistakes(variant, words):
    fn = L._adam_variant(**variant)
    result = L.check_adam_step(lambda *a: tuple(fn(*a)))
    assert result.status == "failed" and words in result.hint


def test_batch_size_answer_and_mistakes():
    assert L.check_batch_size(32).status == "passed"
    assert "number of updates" in L.check_batch_size(200).hint
    assert "100 updates" in L.check_batch_size(64).hint
    assert L.check_batch_size(None).status == "not done"
