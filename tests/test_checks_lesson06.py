"""Lesson 06 checkers: pass the reference, fail typical mistakes with a hint, "not done" stubs."""

import numpy as np
import pytest

from course_lib.checks import lesson06 as L
from course_lib.layers import dense_backward, dense_forward


def _stub(*args):
    raise NotImplementedError


def _sig(z):
    return 1.0 / (1.0 + np.exp(-z))


# ---- exercise 1: sigmoid backward ------------------------------------------------------------


def test_check_sigmoid_backward_passes_the_reference_solution():
    def ref(dA, Z):
        s = _sig(Z)
        return dA * s * (1 - s)

    assert L.check_sigmoid_backward(ref, verbose=False).status == "passed"


def test_check_sigmoid_backward_says_not_done_for_the_stub():
    assert L.check_sigmoid_backward(_stub, verbose=False).status == "not done"


@pytest.mark.parametrize(
    ("mistake", "words"),
    [
        (lambda dA, Z: _sig(Z) * (1 - _sig(Z)), "local derivative"),
        (lambda dA, Z: dA * Z * (1 - Z), "Z(1 − Z)"),
        (lambda dA, Z: dA * _sig(Z), "σ(Z) only"),
        (lambda dA, Z: dA / (_sig(Z) * (1 - _sig(Z))), "MULTIPLIES"),
        (lambda dA, Z: dA, "unchanged"),
    ],
    ids=["no_upstream", "z_not_sigma", "half_derivative", "divided", "identity"],
)
def test_check_sigmoid_backward_fails_a_typical_mistake_with_its_hint(mistake, words):
    result = L.check_sigmoid_backward(mistake, verbose=False)
    assert result.status == "failed"
    assert words in result.hint


# ---- exercise 2: dense backward --------------------------------------------------------------


def dense_ref(dZ, X, W):
    return dZ @ W, dZ.T @ X, dZ.sum(axis=0)


def test_check_dense_backward_passes_the_reference_solution():
    result = L.check_dense_backward(dense_ref, verbose=False)
    assert result.status == "passed"
    assert len(result.lines) == 9  # three parts, three cases each


def test_check_dense_backward_passes_course_lib_dense_backward():
    def via_lib(dZ, X, W):
        _, cache = dense_forward(X, W, np.zeros(W.shape[0]))
        return dense_backward(dZ, cache)

    assert L.check_dense_backward(via_lib, verbose=False).status == "passed"


def test_check_dense_backward_passes_a_loop_over_examples():
    def loop(dZ, X, W):
        dW = sum(np.outer(dZ[n], X[n]) for n in range(len(X)))
        dX = np.array([W.T @ dZ[n] for n in range(len(X))])
        return dX, dW, dZ.sum(axis=0)

    assert L.check_dense_backward(loop, verbose=False).status == "passed"


def test_check_dense_backward_says_not_done_for_the_stub():
    assert L.check_dense_backward(_stub, verbose=False).status == "not done"


@pytest.mark.parametrize(
    ("mistake", "words"),
    [
        (lambda dZ, X, W: (dZ @ W, X.T @ dZ, dZ.sum(axis=0)), "dW is transposed"),
        (lambda dZ, X, W: (dZ @ W, dZ.T @ X / len(X), dZ.sum(axis=0)), "extra 1/N"),
        (lambda dZ, X, W: (dZ @ W, dZ.T @ X, dZ.mean(axis=0)), "SUM of dZ"),
        (lambda dZ, X, W: (dZ @ W, dZ.T @ X, dZ.sum(axis=1)), "wrong axis"),
        (lambda dZ, X, W: (dZ @ W, dZ.T @ X, dZ), "b's shape"),
        (lambda dZ, X, W: (dZ @ W.T, dZ.T @ X, dZ.sum(axis=0)), "dX has the wrong product"),
    ],
    ids=["dW_T", "dW_mean", "db_mean", "db_axis", "db_unsummed", "dX_WT"],
)
def test_check_dense_backward_fails_a_typical_mistake_with_its_hint(mistake, words):
    result = L.check_dense_backward(mistake, verbose=False)
    assert result.status == "failed"
    assert words in result.hint


def test_check_dense_backward_explains_a_wrong_return_value():
    result = L.check_dense_backward(lambda dZ, X, W: dZ.T @ X, verbose=False)
    assert result.status == "failed"
    assert any("three arrays" in line.note for line in result.lines)


def test_check_dense_backward_prints_a_line_per_part_and_case(capsys):
    L.check_dense_backward(dense_ref)
    out = capsys.readouterr().out
    assert out.count("✓") == 9
    assert "dW, N=4, D=3, M=2" in out


# ---- exercise 3: the planted bug -------------------------------------------------------------


@pytest.mark.parametrize("answer", ["W2", "w2", " W2 "])
def test_check_buggy_param_passes_W2_however_it_is_written(answer):
    assert L.check_buggy_param(answer, verbose=False).status == "passed"


def test_check_buggy_param_says_not_done_for_none():
    assert L.check_buggy_param(None, verbose=False).status == "not done"


@pytest.mark.parametrize("answer", ["W1", "b1", "B2"])
def test_check_buggy_param_says_the_other_gradients_agree(answer):
    result = L.check_buggy_param(answer, verbose=False)
    assert result.status == "failed"
    assert "agrees with finite differences" in result.hint


def test_check_buggy_param_gives_the_general_hint_for_a_non_parameter():
    result = L.check_buggy_param("loss", verbose=False)
    assert result.status == "failed"
    assert "relative_error" in result.hint
