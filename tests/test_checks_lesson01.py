"""The lesson 01 checkers pass the reference solutions, name the typical mistakes, and say
"not done" for an untouched stub."""

import numpy as np
import pytest

from course_lib.checks import lesson01


def _stub(*args):
    raise NotImplementedError


# ---- reference solutions (as in the notebook's collapsed blocks) -----------------------------


def dot_loop(u, v):
    total = 0.0
    for k in range(len(u)):
        total += u[k] * v[k]
    return total


def matmul_loop(A, B):
    m, n = A.shape
    p = B.shape[1]
    out = np.zeros((m, p))
    for i in range(m):
        for j in range(p):
            for k in range(n):
                out[i, j] += A[i, k] * B[k, j]
    return out


def transpose_loop(A):
    m, n = A.shape
    out = np.zeros((n, m))
    for i in range(m):
        for j in range(n):
            out[j, i] = A[i, j]
    return out


SHAPES = {"A @ B": (4, 2), "B.T @ A.T": (2, 4), "B @ A": "error", "x @ W.T + b": (1, 5)}


@pytest.mark.parametrize(
    ("checker", "solution"),
    [
        (lesson01.check_dot, dot_loop),
        (lesson01.check_matmul, matmul_loop),
        (lesson01.check_transpose, transpose_loop),
        (lesson01.check_shapes, SHAPES),
    ],
    ids=["dot", "matmul", "transpose", "shapes"],
)
def test_reference_solution_passes(checker, solution, capsys):
    result = checker(solution)
    assert result.status == "passed"
    assert "All correct" in capsys.readouterr().out


@pytest.mark.parametrize(
    "checker",
    [lesson01.check_dot, lesson01.check_matmul, lesson01.check_transpose],
    ids=["dot", "matmul", "transpose"],
)
def test_not_implemented_stub_is_reported_not_done(checker, capsys):
    assert checker(_stub).status == "not done"
    assert "not done yet" in capsys.readouterr().out


def test_shapes_left_as_none_is_not_done():
    assert lesson01.check_shapes(dict.fromkeys(SHAPES)).status == "not done"


def test_shapes_partly_answered_fails_and_marks_the_missing_ones(capsys):
    answers = dict.fromkeys(SHAPES)
    answers["A @ B"] = (4, 2)
    result = lesson01.check_shapes(answers)
    assert result.status == "failed"
    assert "not answered yet" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("wrong", "hint_part"),
    [
        (lambda u, v: u * v, "add them up"),
        (lambda u, v: float(np.sum(u + v)), "MULTIPLIES"),
        (lambda u, v: float(np.sum(u) * np.sum(v)), "multiplied the two sums"),
        (lambda u, v: float(np.sum(u[:-1] * v[:-1])), "last pair"),
    ],
    ids=["products-not-summed", "added", "product-of-sums", "off-by-one"],
)
def test_dot_names_the_typical_mistake(wrong, hint_part):
    result = lesson01.check_dot(wrong)
    assert result.status == "failed"
    assert hint_part in result.hint


@pytest.mark.parametrize(
    ("wrong", "hint_part"),
    [
        (lambda A, B: B @ A, "B @ A"),
        (lambda A, B: A @ B.T, "COLUMN j of B"),
        (lambda A, B: (A @ B).T, "transposed"),
    ],
    ids=["order-swapped", "row-with-row", "result-transposed"],
)
def test_matmul_names_the_typical_mistake(wrong, hint_part):
    result = lesson01.check_matmul(wrong)
    assert result.status == "failed"
    assert hint_part in result.hint


def test_matmul_entrywise_product_fails_with_the_error_shown(capsys):
    result = lesson01.check_matmul(lambda A, B: A * B)
    assert result.status == "failed"
    assert "your function raised ValueError" in capsys.readouterr().out


def test_transpose_reshape_is_recognised():
    result = lesson01.check_transpose(lambda A: A.reshape(A.shape[1], A.shape[0]))
    assert result.status == "failed"
    assert "reshaped instead of transposing" in result.hint


def test_transpose_unchanged_is_recognised():
    result = lesson01.check_transpose(lambda A: A.copy())
    assert result.status == "failed"
    assert "unchanged" in result.hint


@pytest.mark.parametrize(
    ("key", "wrong", "hint_part"),
    [
        ("A @ B", (3, 3), "inner sizes must MATCH"),
        ("A @ B", (2, 4), "rows and columns swapped"),
        ("B @ A", (3, 3), "Are they equal?"),
        ("B.T @ A.T", (4, 2), "a transpose swaps"),
        ("x @ W.T + b", (5, 1), "how many rows does x have"),
    ],
)
def test_shapes_give_a_specific_hint_for_a_typical_wrong_shape(key, wrong, hint_part):
    answers = dict(SHAPES)
    answers[key] = wrong
    result = lesson01.check_shapes(answers)
    assert result.status == "failed"
    (line,) = [line for line in result.lines if line.label == key]
    assert hint_part in line.note and not line.passed


def test_shapes_accept_error_in_any_case_and_shapes_as_lists():
    answers = dict(SHAPES, **{"B @ A": " Error", "A @ B": [4, 2]})
    assert lesson01.check_shapes(answers).status == "passed"


def test_a_non_function_is_not_done():
    assert lesson01.check_dot(None).status == "not done"


def test_matmul_row_with_row_fails_and_the_hint_says_column():
    def row_with_row(A, B):
        out = np.zeros((A.shape[0], B.shape[1]))
        for i in range(A.shape[0]):
            for j in range(B.shape[1]):
                out[i, j] = sum(A[i, k] * B[j, k] for k in range(A.shape[1]))
        return out

    result = lesson01.check_matmul(row_with_row)
    assert result.status == "failed"
    assert "COLUMN j of B" in result.hint
