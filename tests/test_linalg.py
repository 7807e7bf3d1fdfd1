"""Teaching loops in course_lib.linalg: known values, agreement with NumPy, error messages."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from course_lib import linalg

A23 = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
B32 = np.array([[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]])

finite = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)
dims = st.integers(0, 5)


def test_matmul_of_sheet_example_is_58_64_139_154():
    out = linalg.matmul(A23, B32)
    np.testing.assert_array_equal(out, [[58.0, 64.0], [139.0, 154.0]])
    assert out.dtype == np.float64


def test_matmul_steps_first_entry_is_1x7_plus_2x9_plus_3x11():
    steps = linalg.matmul_steps(A23, B32)
    first = steps[0]
    assert (first.i, first.j) == (0, 0)
    assert first.row == (1.0, 2.0, 3.0)
    assert first.col == (7.0, 9.0, 11.0)
    assert first.products == (7.0, 18.0, 33.0)
    assert first.total == 58.0


def test_matmul_steps_are_row_major_and_match_matmul(rng):
    A, B = rng.normal(size=(3, 4)), rng.normal(size=(4, 2))
    steps = linalg.matmul_steps(A, B)
    assert [(s.i, s.j) for s in steps] == [(i, j) for i in range(3) for j in range(2)]
    expected = linalg.matmul(A, B)
    for s in steps:
        assert s.total == expected[s.i, s.j]


def test_matmul_step_is_frozen():
    step = linalg.matmul_steps(A23, B32)[0]
    with pytest.raises(AttributeError):
        step.total = 0.0


def test_dot_scalar_multiply_add_transpose_known_values():
    assert linalg.dot([1, 2, 3], [4, 5, 6]) == 32.0
    assert isinstance(linalg.dot([1, 2], [3, 4]), float)
    np.testing.assert_array_equal(linalg.scalar_multiply(2, [[1, -2], [3, 0.5]]), [[2, -4], [6, 1]])
    np.testing.assert_array_equal(linalg.add([[1, 2]], [[10, 20]]), [[11, 22]])
    # the sheet's transpose example, as a 2x3 matrix (sheet error 5 calls it 3x2)
    T = linalg.transpose([[6, 4, 24], [1, -9, 8]])
    np.testing.assert_array_equal(T, [[6, 1], [4, -9], [24, 8]])
    assert T.shape == (3, 2)


def test_matmul_error_states_columns_of_A_must_equal_rows_of_B():
    with pytest.raises(ValueError) as info:
        linalg.matmul(np.ones((2, 3)), np.ones((2, 2)))
    assert str(info.value) == (
        "matmul: A has shape (2, 3) and B has shape (2, 2); for A @ B the number of columns "
        "of A (3) must equal the number of rows of B (2)."
    )


@pytest.mark.parametrize(
    ("call", "exc", "pattern"),
    [
        (lambda: linalg.add(np.ones((2, 3)), np.ones((3, 2))), ValueError, r"add: A .*same shape"),
        (
            lambda: linalg.dot([1, 2], [1, 2, 3]),
            ValueError,
            "dot: u has length 2 and v has length 3",
        ),
        (lambda: linalg.dot(np.ones((2, 2)), [1, 2]), ValueError, r"dot: u should be a vector"),
        (lambda: linalg.transpose([1, 2, 3]), ValueError, r"transpose: A should be a matrix"),
        (lambda: linalg.scalar_multiply("2", [1]), TypeError, "scalar_multiply: c should be"),
        (lambda: linalg.scalar_multiply(np.nan, [1]), ValueError, "c is nan"),
        (lambda: linalg.matmul([[1, "a"]], [[1], [2]]), TypeError, "matmul: A has dtype"),
        (
            lambda: linalg.matmul_steps(np.ones((1, 2)), np.ones((1, 2))),
            ValueError,
            r"matmul_steps: .*columns of A \(2\).*rows of B \(1\)",
        ),
    ],
)
def test_linalg_errors_name_function_argument_and_rule(call, exc, pattern):
    with pytest.raises(exc, match=pattern):
        call()


@settings(max_examples=150, deadline=None)
@given(st.data(), dims, dims, dims)
def test_matmul_equals_numpy(data, m, n, p):
    A = data.draw(arrays(np.float64, (m, n), elements=finite))
    B = data.draw(arrays(np.float64, (n, p), elements=finite))
    np.testing.assert_allclose(linalg.matmul(A, B), A @ B, rtol=1e-12, atol=1e-9)
    steps = linalg.matmul_steps(A, B)
    assert len(steps) == m * p


@settings(max_examples=150, deadline=None)
@given(st.data(), dims, dims)
def test_transpose_add_scalar_multiply_equal_numpy(data, m, n):
    A = data.draw(arrays(np.float64, (m, n), elements=finite))
    B = data.draw(arrays(np.float64, (m, n), elements=finite))
    c = data.draw(finite)
    np.testing.assert_array_equal(linalg.transpose(A), A.T)
    np.testing.assert_array_equal(linalg.add(A, B), A + B)
    np.testing.assert_array_equal(linalg.scalar_multiply(c, A), c * A)


@settings(max_examples=150, deadline=None)
@given(st.data(), st.integers(0, 8))
def test_dot_equals_numpy(data, n):
    u = data.draw(arrays(np.float64, (n,), elements=finite))
    v = data.draw(arrays(np.float64, (n,), elements=finite))
    assert linalg.dot(u, v) == pytest.approx(float(u @ v), rel=1e-12, abs=1e-9)
