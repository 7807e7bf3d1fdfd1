"""Activations: known values, derivatives against finite differences, stability, errors."""

import numpy as np
import pytest

from course_lib import activations as act
from course_lib.gradcheck import numerical_gradient, relative_error

PAIRS = [
    (act.sigmoid, act.sigmoid_grad),
    (act.relu, act.relu_grad),
    (act.tanh, act.tanh_grad),
    (act.identity, act.identity_grad),
]


def test_known_values():
    assert act.sigmoid(0.0) == 0.5
    assert act.sigmoid_grad(0.0) == 0.25
    assert act.tanh(0.0) == 0.0
    assert act.tanh_grad(0.0) == 1.0
    np.testing.assert_array_equal(act.relu([-2.0, 0.0, 3.0]), [0.0, 0.0, 3.0])
    np.testing.assert_array_equal(act.relu_grad([-2.0, 0.0, 3.0]), [0.0, 0.0, 1.0])
    np.testing.assert_allclose(act.sigmoid(np.log(3.0)), 0.75)  # 1 / (1 + 1/3)
    np.testing.assert_allclose(act.softmax([0.0, np.log(3.0)]), [0.25, 0.75])
    np.testing.assert_array_equal(act.identity([[1, 2]]), [[1.0, 2.0]])


@pytest.mark.parametrize(("f", "f_grad"), PAIRS, ids=lambda p: getattr(p, "__name__", ""))
def test_elementwise_grad_matches_finite_differences(rng, f, f_grad):
    z = rng.normal(size=(4, 5)) * 2
    z[np.abs(z) < 0.1] = 0.5  # keep away from ReLU's kink at 0
    for idx in np.ndindex(z.shape):
        # d f(z_idx) / d z_idx, one entry at a time (f is elementwise)
        num = numerical_gradient(lambda x, idx=idx: float(f(x)[idx]), z.copy())
        assert relative_error(f_grad(z)[idx], num[idx]) < 1e-7


def test_softmax_backward_matches_finite_differences(rng):
    z = rng.normal(size=(3, 4))
    w = rng.normal(size=(3, 4))
    num = numerical_gradient(lambda x: float(np.sum(w * act.softmax(x))), z)
    assert relative_error(act.softmax_backward(w, act.softmax(z)), num) < 1e-7


def test_softmax_rows_sum_to_one_and_ignore_a_constant_shift(rng):
    z = rng.normal(size=(5, 3))
    p = act.softmax(z)
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_allclose(act.softmax(z + 100.0), p)


def test_no_overflow_or_underflow_for_inputs_up_to_1e4():
    z = np.array([-1e4, -800.0, -30.0, 0.0, 30.0, 800.0, 1e4])
    for f, f_grad in PAIRS:
        assert np.all(np.isfinite(f(z))) and np.all(np.isfinite(f_grad(z)))
    np.testing.assert_array_equal(act.sigmoid([-1e4, 1e4]), [0.0, 1.0])
    np.testing.assert_allclose(act.softmax([1e4, 0.0, -1e4]), [1.0, 0.0, 0.0])


def test_get_activation_returns_the_pair_and_lists_valid_names():
    assert act.get_activation("relu") == (act.relu, act.relu_grad)
    assert act.get_activation("identity") == (act.identity, act.identity_grad)
    assert act.get_activation("Sigmoid")[0] is act.sigmoid
    with pytest.raises(ValueError, match="unknown activation 'rellu'. Valid names: identity, relu"):
        act.get_activation("rellu")
    with pytest.raises(ValueError, match="softmax_backward"):
        act.get_activation("softmax")
    with pytest.raises(TypeError, match="should be a string"):
        act.get_activation(3)


@pytest.mark.parametrize("other", [None, "none", "linear", "Linear"])
def test_identity_has_one_spelling_and_the_others_are_refused_naming_it(other):
    with pytest.raises(ValueError, match=r"get_activation: activation .*: write 'identity'"):
        act.get_activation(other)


@pytest.mark.parametrize("f", [act.sigmoid, act.relu_grad, act.tanh, act.softmax])
def test_activation_errors_name_the_function_and_argument(f):
    with pytest.raises(TypeError, match=rf"{f.__name__}: z has dtype"):
        f(np.array(["1", "2"]))
    with pytest.raises(ValueError, match=rf"{f.__name__}: z contains NaN"):
        f(np.array([1.0, np.nan]))


def test_softmax_refuses_a_scalar_and_an_empty_row():
    with pytest.raises(ValueError, match=r"softmax: z has shape \(\)"):
        act.softmax(1.0)
    with pytest.raises(ValueError, match=r"softmax: z has shape \(2, 0\)"):
        act.softmax(np.zeros((2, 0)))


def test_softmax_backward_shape_error():
    with pytest.raises(ValueError, match=r"softmax_backward: dA has shape \(2, 3\) but A"):
        act.softmax_backward(np.zeros((2, 3)), np.full((2, 4), 0.25))
