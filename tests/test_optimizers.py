"""Optimizers: one step on hand-computable numbers, state, reset, errors; minibatches."""

import numpy as np
import pytest

from course_lib.optimizers import Adam, GradientDescent, Momentum, RMSProp, minibatches


def _one(x) -> dict:
    return {"theta": np.array(x, dtype=float)}


def test_gradient_descent_steps_against_the_gradient():
    p = _one([1.0, -2.0])
    arr = p["theta"]
    GradientDescent(0.1).step(p, _one([3.0, -4.0]))
    np.testing.assert_allclose(p["theta"], [0.7, -1.6])
    assert p["theta"] is arr  # updated in place


def test_momentum_two_steps_by_hand():
    opt = Momentum(0.1, beta=0.5)
    p = _one([0.0])
    opt.step(p, _one([2.0]))  # v = 2, theta = -0.2
    np.testing.assert_allclose(opt.velocity["theta"], [2.0])
    opt.step(p, _one([1.0]))  # v = 0.5 * 2 + 1 = 2, theta = -0.2 - 0.2
    np.testing.assert_allclose(p["theta"], [-0.4])
    assert opt.t == 2


def test_rmsprop_first_step_by_hand():
    opt = RMSProp(0.01, beta=0.9, eps=1e-8)
    p = _one([1.0, 1.0])
    g = np.array([2.0, -0.5])
    opt.step(p, _one(g))
    # s = 0.1 g^2, so the step is lr * g / (sqrt(0.1) |g| + eps), about lr * sign(g) / sqrt(0.1)
    np.testing.assert_allclose(opt.square_avg["theta"], [0.4, 0.025])
    np.testing.assert_allclose(
        p["theta"], 1.0 - 0.01 * g / (np.sqrt(0.1) * np.abs(g) + 1e-8), rtol=1e-12
    )
    np.testing.assert_allclose(p["theta"], 1.0 - 0.01 * np.sign(g) / np.sqrt(0.1), rtol=1e-7)


def test_adam_first_step_moves_each_parameter_by_lr_against_the_sign():
    opt = Adam(lr=0.001)
    p = _one([0.5, 0.5, 0.5])
    opt.step(p, _one([3.0, -0.01, 200.0]))
    np.testing.assert_allclose(p["theta"], 0.5 - 0.001 * np.array([1, -1, 1]), rtol=1e-7)


def test_adam_second_step_matches_the_bias_corrected_formula():
    b1, b2, lr, eps = 0.9, 0.999, 0.01, 1e-8
    opt = Adam(lr, b1, b2, eps)
    p = _one([0.0])
    g1, g2 = 1.0, 3.0
    opt.step(p, _one([g1]))
    opt.step(p, _one([g2]))
    m = (1 - b1) * (b1 * g1 + g2)
    v = (1 - b2) * (b2 * g1**2 + g2**2)
    step2 = lr * (m / (1 - b1**2)) / (np.sqrt(v / (1 - b2**2)) + eps)
    step1 = lr * g1 / (abs(g1) + eps)  # m_hat = g1, v_hat = g1^2
    np.testing.assert_allclose(p["theta"], [-step1 - step2], rtol=1e-12)
    np.testing.assert_allclose(opt.m["theta"], [m])
    np.testing.assert_allclose(opt.v["theta"], [v])


@pytest.mark.parametrize("opt", [GradientDescent(0.1), Momentum(0.1), RMSProp(0.1), Adam(0.1)])
def test_reset_forgets_the_state_so_steps_repeat_exactly(opt):
    p1 = {"W": np.ones((2, 3)), "b": np.zeros(2)}
    g = {"W": np.full((2, 3), 0.3), "b": np.array([1.0, -1.0])}
    for _ in range(3):
        opt.step(p1, g)
    opt.reset()
    assert opt.t == 0
    p2 = {"W": np.ones((2, 3)), "b": np.zeros(2)}
    p3 = {"W": np.ones((2, 3)), "b": np.zeros(2)}
    opt.step(p2, g)
    opt.reset()
    opt.step(p3, g)
    for k in p2:
        np.testing.assert_array_equal(p2[k], p3[k])


def test_repr_shows_the_hyperparameters():
    assert repr(Adam(0.003)) == "Adam(lr=0.003, beta1=0.9, beta2=0.999, eps=1e-08) after 0 steps"
    assert "beta=0.5" in repr(Momentum(0.1, beta=0.5))


def test_step_names_the_key_whose_gradient_has_the_wrong_shape():
    with pytest.raises(ValueError, match=r"grads\['b1'\] has shape \(3,\) but params\['b1'\]"):
        Adam().step({"b1": np.zeros(2)}, {"b1": np.zeros(3)})


def test_step_names_missing_gradient_keys():
    with pytest.raises(ValueError, match=r"no entry for \['W2'\]"):
        GradientDescent(0.1).step({"W1": np.zeros(2), "W2": np.zeros(2)}, {"W1": np.zeros(2)})


def test_step_refuses_integer_params_that_cannot_be_updated_in_place():
    with pytest.raises(TypeError, match=r"params\['w'\] must be a float numpy array"):
        GradientDescent(0.1).step({"w": np.zeros(2, dtype=int)}, {"w": np.zeros(2)})


@pytest.mark.parametrize(
    "make",
    [
        lambda: GradientDescent(0),
        lambda: Momentum(-1),
        lambda: Momentum(0.1, beta=1.0),
        lambda: Adam(beta2=1.5),
        lambda: RMSProp(float("nan")),
    ],
)
def test_bad_hyperparameters_raise_value_error(make):
    with pytest.raises(ValueError):
        make()


def test_minibatches_cover_each_example_exactly_once_per_pass(rng):
    X = np.arange(23.0).reshape(23, 1)
    y = np.arange(23)
    batches = list(minibatches(X, y, 5, rng))
    assert [len(b[0]) for b in batches] == [5, 5, 5, 5, 3]
    seen = np.concatenate([b[1] for b in batches])
    assert sorted(seen) == list(range(23))
    assert not np.array_equal(seen, y)  # shuffled
    for Xb, yb in batches:
        np.testing.assert_array_equal(Xb[:, 0], yb)  # rows stay paired


def test_minibatches_are_reproducible_from_the_seed():
    X, y = np.arange(40.0).reshape(20, 2), np.arange(20)
    a = [yb for _, yb in minibatches(X, y, 4, np.random.default_rng(7))]
    b = [yb for _, yb in minibatches(X, y, 4, np.random.default_rng(7))]
    c = [yb for _, yb in minibatches(X, y, 4, np.random.default_rng(8))]
    assert all(np.array_equal(u, v) for u, v in zip(a, b, strict=True))
    assert not all(np.array_equal(u, v) for u, v in zip(a, c, strict=True))


def test_full_batch_and_sgd_sizes(rng):
    X, y = np.ones((6, 2)), np.arange(6)
    assert [len(b) for _, b in minibatches(X, y, 6, rng)] == [6]
    assert [len(b) for _, b in minibatches(X, y, 1, rng)] == [1] * 6


def test_minibatches_errors_name_the_argument(rng):
    with pytest.raises(ValueError, match="minibatches: batch_size must be at least 1"):
        minibatches(np.ones((3, 2)), np.arange(3), 0, rng)
    with pytest.raises(ValueError, match="minibatches: X has 3 examples"):
        minibatches(np.ones((3, 2)), np.arange(4), 2, rng)
    with pytest.raises(TypeError, match="minibatches: rng"):
        minibatches(np.ones((3, 2)), np.arange(3), 2, 0)


def test_step_refuses_a_gradient_that_is_not_an_array():
    with pytest.raises(TypeError, match=r"grads\['w'\] must be a numpy array, got list"):
        GradientDescent(0.1).step({"w": np.zeros(2)}, {"w": [1.0, 2.0]})
