"""The source cheat sheet's known errors (shared/seed/README.md): the course's version is right.

One test per error the maths core can show: 1 (building a matrix), 3 (the shape rule for A @ B),
4 (descent steps against the gradient), 6 (the bias is added once), 7 (MSE squares, then averages).
"""

import numpy as np
import pytest

from course_lib import linalg, losses
from course_lib.layers import dense_backward, dense_forward


def test_sheet_error_1_rows_must_be_wrapped_in_one_outer_list():
    with pytest.raises(TypeError, match="positional argument"):
        np.array([1, 2, 3], [4, 5, 6], [7, 8, 9])  # the sheet's line
    M = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    assert M.shape == (3, 3)
    assert M[1, 2] == 6


def test_sheet_error_3_columns_of_A_must_equal_rows_of_B():
    A = np.ones((2, 3))
    # the right rule: (2, 3) @ (3, 2) -> (2, 2) works
    assert linalg.matmul(A, np.ones((3, 2))).shape == (2, 2)
    # the sheet's rule ("rows of the first = columns of the second") accepts (2, 3) with (4, 2):
    B_sheet_ok = np.ones((4, 2))
    assert A.shape[0] == B_sheet_ok.shape[1]
    with pytest.raises(
        ValueError,
        match=r"number of columns of A \(3\) must equal the number of "
        r"rows of B \(4\)",
    ):
        linalg.matmul(A, B_sheet_ok)
    with pytest.raises(ValueError):
        A @ B_sheet_ok  # NumPy agrees with the right rule


def test_sheet_error_4_gradient_descent_steps_against_the_gradient(rng):
    X, y = rng.normal(size=(20, 3)), rng.normal(size=(20, 1))
    W, b = rng.normal(size=(1, 3)), np.zeros(1)

    def loss_and_grad(W):
        y_hat, cache = dense_forward(X, W, b)
        _, dW, _ = dense_backward(losses.mse_grad(y_hat, y), cache)
        return losses.mse(y_hat, y), dW

    L0, dW = loss_and_grad(W)
    lr = 0.05
    assert loss_and_grad(W - lr * dW)[0] < L0  # theta - eta * grad: descent
    assert loss_and_grad(W + lr * dW)[0] > L0  # the sheet's theta + eta * grad: ascent


def test_sheet_error_6_bias_is_added_once(rng):
    x, W, b = rng.normal(size=(1, 3)), rng.normal(size=(2, 3)), np.array([0.5, -1.0])
    Z, _ = dense_forward(x, W, b)
    np.testing.assert_allclose(Z, x @ W.T + b)
    twice = Z + b  # the sheet's Activation(weighted_sum + bias) on top of a weighted sum with bias
    assert not np.allclose(twice, Z)
    np.testing.assert_allclose(twice - Z, b[None, :])


def test_sheet_error_7_mse_squares_then_averages():
    y_hat, y = np.array([3.0, 0.0, 1.0]), np.array([1.0, 1.0, 1.0])
    # differences 2, -1, 0: squared 4, 1, 0, averaged 5/3
    assert losses.mse(y_hat, y) == pytest.approx(5 / 3)
    assert losses.mse(y_hat, y) != pytest.approx(np.mean(y_hat - y))  # no square: 1/3
    assert losses.mse(y_hat, y) != pytest.approx(np.mean(y_hat - y) ** 2)  # average first: 1/9
