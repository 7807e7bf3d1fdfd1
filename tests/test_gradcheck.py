"""Gradient checking tools: they return the right numbers and catch wrong gradients."""

import numpy as np
import pytest

from course_lib import losses
from course_lib.gradcheck import check_model_gradients, numerical_gradient, relative_error
from course_lib.network import MLP


def test_numerical_gradient_of_known_function(rng):
    # f(x) = sum(x^3) -> gradient 3 x^2
    x = rng.normal(size=(3, 2))
    num = numerical_gradient(lambda v: float(np.sum(v**3)), x)
    np.testing.assert_allclose(num, 3 * x**2, rtol=1e-8)


def test_numerical_gradient_restores_x_and_works_through_a_closure(rng):
    w = rng.normal(size=4)
    before = w.copy()
    num = numerical_gradient(lambda _: float(np.dot(w, w)), w)
    np.testing.assert_array_equal(w, before)
    np.testing.assert_allclose(num, 2 * before, rtol=1e-8)


def test_numerical_gradient_restores_x_even_if_f_fails():
    x = np.array([1.0, 2.0])

    def bad(v):
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        numerical_gradient(bad, x)
    np.testing.assert_array_equal(x, [1.0, 2.0])


def test_numerical_gradient_accepts_a_list_and_a_scalar():
    np.testing.assert_allclose(numerical_gradient(lambda v: float(v @ v), [1.0, -2.0]), [2.0, -4.0])
    assert numerical_gradient(lambda v: float(v) ** 2, np.array(3.0)) == pytest.approx(6.0)


def test_numerical_gradient_of_a_dict_calls_f_with_the_dict_and_returns_every_gradient(rng):
    # f(p) = sum(W**2) + 3 * sum(b) -> dW = 2 W, db = 3, every array restored afterwards
    params = {"W": rng.normal(size=(2, 3)), "b": rng.normal(size=2)}
    before = {k: v.copy() for k, v in params.items()}
    num = numerical_gradient(lambda p: float(np.sum(p["W"] ** 2) + 3 * np.sum(p["b"])), params)
    assert list(num) == ["W", "b"]
    np.testing.assert_allclose(num["W"], 2 * before["W"], rtol=1e-8)
    np.testing.assert_allclose(num["b"], [3.0, 3.0], rtol=1e-8)
    for k in before:
        np.testing.assert_array_equal(params[k], before[k])


def test_numerical_gradient_of_a_dict_loss_given_one_array_explains_the_two_forms(rng):
    params = {"W1": rng.normal(size=(2, 3))}
    before = params["W1"].copy()

    def loss(p):  # written for the whole dict: p["W1"] fails on an array
        return float(np.sum(p["W1"] ** 2))

    with pytest.raises(TypeError, match=r"pass the dict as x") as info:
        numerical_gradient(lambda p: loss(p), params["W1"])
    assert "shape (2, 3)" in str(info.value) and "lambda _:" in str(info.value)
    np.testing.assert_array_equal(params["W1"], before)  # restored even though f failed


def test_numerical_gradient_refuses_a_dict_holding_a_non_float_array():
    with pytest.raises(TypeError, match=r"x\['b'\] should be a float64 array"):
        numerical_gradient(lambda p: 0.0, {"W": np.zeros(2), "b": np.arange(2)})


def test_relative_error_known_values():
    assert relative_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0
    # max |a - b| = 1, max(|a| + |b|) = 3 + 2 = 5
    assert relative_error([1.0, 3.0], [1.0, 2.0]) == pytest.approx(0.2)
    assert relative_error([1.0], [-1.0]) == 1.0


def test_check_model_gradients_flags_a_wrong_backward(rng):
    model = MLP([3, 4, 2], "tanh", rng=rng)
    X, y = rng.normal(size=(5, 3)), rng.normal(size=(5, 2))
    right = check_model_gradients(model, X, y, "mse")
    assert max(right.values()) < 1e-7

    def forgot_the_2(y_hat, target):
        return (y_hat - target) / y_hat.size

    wrong = check_model_gradients(model, X, y, (losses.mse, forgot_the_2))
    assert min(wrong.values()) > 0.1


def test_check_model_gradients_leaves_params_unchanged_and_checks_chosen_names(rng):
    model = MLP([3, 4, 2], rng=rng)
    before = {k: v.copy() for k, v in model.params.items()}
    errors = check_model_gradients(
        model, rng.normal(size=(2, 3)), np.array([0, 1]), "softmax_cross_entropy", names=["b2"]
    )
    assert list(errors) == ["b2"]
    for k in before:
        np.testing.assert_array_equal(model.params[k], before[k])


def test_check_model_gradients_prints_nothing(rng, capsys):
    model = MLP([2, 3, 1], rng=rng)
    check_model_gradients(model, rng.normal(size=(2, 2)), rng.normal(size=(2, 1)), "mse")
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize(
    ("call", "exc", "pattern"),
    [
        (lambda: numerical_gradient(3, np.zeros(2)), TypeError, "f should be a function"),
        (lambda: numerical_gradient(np.sum, np.arange(3)), TypeError, r"astype\(float\)"),
        (lambda: numerical_gradient(lambda v: v, np.zeros(2)), TypeError, "one real number"),
        (lambda: numerical_gradient(lambda v: np.inf, np.zeros(2)), ValueError, "returned inf"),
        (lambda: numerical_gradient(np.sum, np.zeros(2), h=0), ValueError, "h must be"),
        (lambda: relative_error(np.zeros(2), np.zeros(3)), ValueError, "relative_error: a has"),
    ],
)
def test_gradcheck_errors(call, exc, pattern):
    with pytest.raises(exc, match=pattern):
        call()


def test_check_model_gradients_errors(rng):
    model = MLP([2, 3, 1], rng=rng)
    X, y = np.zeros((1, 2)), np.zeros((1, 1))
    with pytest.raises(ValueError, match="unknown loss"):
        check_model_gradients(model, X, y, "mae")
    with pytest.raises(ValueError, match="no parameter named 'W3'"):
        check_model_gradients(model, X, y, "mse", names=["W3"])
    with pytest.raises(TypeError, match="should be an MLP"):
        check_model_gradients(object(), X, y, "mse")
