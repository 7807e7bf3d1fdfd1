"""Dense and activation layers: known values, backward against finite differences, errors."""

import numpy as np
import pytest

from course_lib.gradcheck import numerical_gradient, relative_error
from course_lib.layers import activation_backward, activation_forward, dense_backward, dense_forward


def test_dense_forward_known_values():
    X = np.array([[1.0, 2.0]])
    W = np.array([[3.0, 4.0], [-1.0, 0.5], [0.0, 0.0]])  # 3 nodes, 2 inputs
    b = np.array([0.5, 1.0, -2.0])
    Z, _ = dense_forward(X, W, b)
    # node 0: 1*3 + 2*4 + 0.5 = 11.5; node 1: -1 + 1 + 1 = 1; node 2: -2
    np.testing.assert_array_equal(Z, [[11.5, 1.0, -2.0]])


def _dense_case(rng):
    X, W, b = rng.normal(size=(4, 3)), rng.normal(size=(5, 3)), rng.normal(size=5)
    G = rng.normal(size=(4, 5))  # L = sum(G * Z), so dZ = G
    return X, W, b, G


def test_dense_backward_shapes(rng):
    X, W, b, G = _dense_case(rng)
    dX, dW, db = dense_backward(G, dense_forward(X, W, b)[1])
    assert (dX.shape, dW.shape, db.shape) == (X.shape, W.shape, b.shape)


@pytest.mark.parametrize("which", ["dX", "dW", "db"])
def test_dense_backward_matches_finite_differences(rng, which):
    X, W, b, G = _dense_case(rng)
    grads = dict(zip(["dX", "dW", "db"], dense_backward(G, dense_forward(X, W, b)[1]), strict=True))
    target = {"dX": X, "dW": W, "db": b}[which]
    num = numerical_gradient(lambda _: float(np.sum(G * dense_forward(X, W, b)[0])), target)
    assert relative_error(grads[which], num) < 1e-7


@pytest.mark.parametrize("name", ["relu", "sigmoid", "tanh", "identity", "softmax"])
def test_activation_backward_matches_finite_differences(rng, name):
    Z = rng.normal(size=(3, 4))
    Z[np.abs(Z) < 0.1] = 0.3  # away from ReLU's kink
    G = rng.normal(size=(3, 4))
    A, cache = activation_forward(Z, name)
    num = numerical_gradient(lambda z: float(np.sum(G * activation_forward(z, name)[0])), Z)
    assert relative_error(activation_backward(G, cache), num) < 1e-7


def test_activation_forward_relu_known_values():
    A, _ = activation_forward([[-1.0, 2.0]], "relu")
    np.testing.assert_array_equal(A, [[0.0, 2.0]])


def test_dense_forward_error_suggests_w_is_transposed():
    with pytest.raises(ValueError) as info:
        dense_forward(np.zeros((4, 3)), np.zeros((3, 2)), np.zeros(2))
    assert str(info.value) == (
        "dense_forward: X has shape (4, 3) but W has shape (3, 2); W needs one row per node and "
        "one column per input feature (M, 3). Did you pass W transposed?"
    )


@pytest.mark.parametrize(
    ("args", "exc", "pattern"),
    [
        ((np.zeros((4, 3)), np.zeros((2, 5)), np.zeros(2)), ValueError, r"\(M, 3\)\.$"),
        (
            (np.zeros((4, 3)), np.zeros((2, 3)), np.zeros((2, 1))),
            ValueError,
            r"b has shape \(2, 1\).*b.ravel\(\)",
        ),
        (
            (np.zeros(3), np.zeros((2, 3)), np.zeros(2)),
            ValueError,
            r"X should be a matrix.*reshape",
        ),
        ((np.zeros((1, 3)), np.zeros((2, 3)), np.zeros(3)), ValueError, r"shape \(2,\)"),
        ((np.zeros((1, 3)), [["a", "b", "c"]], np.zeros(1)), TypeError, "W has dtype"),
    ],
)
def test_dense_forward_errors_name_argument_and_fix(args, exc, pattern):
    with pytest.raises(exc, match="dense_forward: .*" + pattern):
        dense_forward(*args)


def test_dense_backward_errors():
    _, cache = dense_forward(np.zeros((4, 3)), np.zeros((2, 3)), np.zeros(2))
    with pytest.raises(ValueError, match=r"dense_backward: dZ has shape \(2, 4\).*\(4, 2\)"):
        dense_backward(np.zeros((2, 4)), cache)
    with pytest.raises(TypeError, match="dense_backward: cache should be"):
        dense_backward(np.zeros((4, 2)), None)


def test_activation_layer_errors():
    with pytest.raises(ValueError, match="activation_forward: unknown activation 'relu6'"):
        activation_forward(np.zeros((2, 2)), "relu6")
    _, cache = activation_forward(np.zeros((2, 2)), "tanh")
    with pytest.raises(ValueError, match=r"activation_backward: dA has shape \(2, 3\)"):
        activation_backward(np.zeros((2, 3)), cache)


def test_identity_activation_backward_returns_a_new_array_equal_to_dA(rng):
    dA = rng.normal(size=(3, 2))
    _, cache = activation_forward(rng.normal(size=(3, 2)), "identity")
    dZ = activation_backward(dA, cache)
    np.testing.assert_array_equal(dZ, dA)
    assert dZ is not dA
