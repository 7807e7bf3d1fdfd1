"""L2 weight decay and early stopping: the penalty's gradient against finite differences (float64),
known values, train(weight_decay=...) against a hand-written loop, and EarlyStopping's bookkeeping.
"""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from course_lib import training
from course_lib.gradcheck import numerical_gradient, relative_error
from course_lib.losses import softmax_cross_entropy, softmax_cross_entropy_grad
from course_lib.network import MLP
from course_lib.optimizers import GradientDescent
from course_lib.regularization import EarlyStopping, l2_penalty, l2_penalty_grad

FINITE = st.floats(-100.0, 100.0, allow_nan=False, allow_infinity=False)


def test_l2_penalty_known_value_counts_weights_not_biases():
    params = {"W1": np.array([[1.0, 2.0], [0.0, -2.0]]), "b1": np.array([5.0, 5.0])}
    # 0.1 / 2 * (1 + 4 + 0 + 4) = 0.45; the biases do not count
    assert l2_penalty(params, 0.1) == pytest.approx(0.45)
    grads = l2_penalty_grad(params, 0.1)
    np.testing.assert_allclose(grads["W1"], [[0.1, 0.2], [0.0, -0.2]])
    np.testing.assert_array_equal(grads["b1"], [0.0, 0.0])


def test_l2_penalty_grad_matches_finite_differences(rng):
    params = {"W1": rng.normal(size=(4, 3)), "b1": rng.normal(size=4)}
    params["W2"] = rng.normal(size=(2, 4))
    grads = l2_penalty_grad(params, 0.3)
    for name, p in params.items():
        num = numerical_gradient(lambda _: l2_penalty(params, 0.3), p)
        assert relative_error(grads[name], num) < 1e-7  # 0 for the biases (both all zeros)


def test_data_loss_plus_penalty_gradient_matches_finite_differences(rng):
    """The total gradient train uses (backward + lam * W) is the gradient of L + penalty."""
    model = MLP([3, 5, 3], hidden_activation="tanh", rng=rng)
    X, y, lam = rng.normal(size=(6, 3)), np.array([0, 1, 2, 1, 0, 2]), 0.05

    def total(_):
        return softmax_cross_entropy(model.forward(X), y) + l2_penalty(model.params, lam)

    grads = model.backward(softmax_cross_entropy_grad(model.forward(X), y))
    decay = l2_penalty_grad(model.params, lam)
    for name, p in model.params.items():
        assert relative_error(grads[name] + decay[name], numerical_gradient(total, p)) < 1e-7


def test_l2_penalty_refuses_a_negative_decay_and_a_non_dict():
    with pytest.raises(ValueError, match="weight_decay"):
        l2_penalty({"W1": np.ones((2, 2))}, -0.1)
    with pytest.raises(TypeError, match="dict name -> array"):
        l2_penalty([np.ones((2, 2))], 0.1)


def test_train_with_weight_decay_takes_the_steps_of_a_hand_written_loop(rng):
    X, y, lam, lr = rng.normal(size=(8, 2)), np.array([0, 1] * 4), 0.1, 0.5
    model = MLP([2, 4, 2], rng=np.random.default_rng(1))
    by_hand = {k: p.copy() for k, p in model.params.items()}
    hist = training.train(
        model, X, y, "softmax_cross_entropy", GradientDescent(lr), 8, 3, rng, weight_decay=lam
    )
    twin = MLP([2, 4, 2], rng=np.random.default_rng(1))
    losses = []
    for _ in range(3):
        out = twin.forward(X)
        losses.append(softmax_cross_entropy(out, y) + l2_penalty(twin.params, lam))
        grads = twin.backward(softmax_cross_entropy_grad(out, y))
        for k, g in l2_penalty_grad(twin.params, lam).items():
            twin.params[k] -= lr * (grads[k] + g)
    for k in by_hand:
        np.testing.assert_allclose(model.params[k], twin.params[k], rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(hist.step_loss, losses, rtol=1e-12)


def test_weight_decay_shrinks_the_weights(rng):
    X, y = rng.normal(size=(20, 2)), rng.integers(0, 2, 20)
    norms = []
    for lam in (0.0, 0.1):
        model = MLP([2, 8, 2], rng=np.random.default_rng(2))
        training.train(
            model, X, y, "softmax_cross_entropy", GradientDescent(0.3), 20, 200,
            np.random.default_rng(0), weight_decay=lam,
        )  # fmt: skip
        norms.append(sum(np.sum(model.params[k] ** 2) for k in ("W1", "W2")))
    assert norms[1] < 0.5 * norms[0]


def test_train_refuses_a_negative_weight_decay(rng):
    model = MLP([2, 2], rng=rng)
    with pytest.raises(ValueError, match="weight_decay"):
        training.train(
            model, np.ones((2, 2)), [0, 1], "softmax_cross_entropy", GradientDescent(0.1), 2, 1,
            rng, weight_decay=-1.0,
        )  # fmt: skip


class _Fixed:
    """A stand-in model whose 'validation loss' follows a given list, epoch by epoch."""

    def __init__(self, losses):
        self.losses, self.params, self.k = list(losses), {"W1": np.zeros((1, 1))}, 0

    def forward(self, X):
        self.params["W1"][0, 0] = self.k  # the parameters remember the epoch
        value = self.losses[self.k]
        self.k += 1
        return value


def test_early_stopping_stops_after_patience_and_restores_the_best_epoch():
    losses = [1.0, 0.8, 0.6, 0.7, 0.65, 0.9, 0.5]
    model = _Fixed(losses)
    stop = EarlyStopping(np.zeros((1, 1)), [0], patience=3, loss=(lambda out, y: out, None))
    answers = [stop(None, model) for _ in range(6)]
    assert answers == [True, True, True, True, True, False]  # epochs 4, 5, 6 bring nothing new
    assert (stop.best_epoch, stop.best_loss) == (3, 0.6)
    stop.restore(model)
    assert model.params["W1"][0, 0] == 2  # the parameters as they were at epoch 3


def test_early_stopping_as_a_train_callback_keeps_the_lowest_validation_loss(rng):
    X, y = rng.normal(size=(30, 2)), rng.integers(0, 2, 30)
    model = MLP([2, 32, 2], rng=np.random.default_rng(0))
    stop = EarlyStopping(X[:10], y[:10], patience=5)
    hist = training.train(
        model, X[10:], y[10:], "softmax_cross_entropy", GradientDescent(0.5), 20, 500,
        np.random.default_rng(1), callback=stop,
    )  # fmt: skip
    assert len(hist.epoch_loss) == len(stop.val_loss) <= 500
    assert stop.best_loss == min(stop.val_loss)
    stop.restore(model)
    assert softmax_cross_entropy(model.forward(X[:10]), y[:10]) == pytest.approx(stop.best_loss)


def test_early_stopping_restore_before_training_says_so():
    with pytest.raises(RuntimeError, match="train first"):
        EarlyStopping(np.zeros((1, 2)), [0]).restore(None)


@given(
    W=arrays(np.float64, st.tuples(st.integers(1, 4), st.integers(1, 4)), elements=FINITE),
    lam=st.floats(0.0, 10.0),
    scale=st.floats(-3.0, 3.0),
)
def test_l2_penalty_is_nonnegative_linear_in_lambda_and_quadratic_in_the_weights(W, lam, scale):
    params = {"W1": W, "b1": np.ones(W.shape[0])}
    value = l2_penalty(params, lam)
    assert value >= 0.0
    assert l2_penalty(params, 2 * lam) == pytest.approx(2 * value, rel=1e-12, abs=1e-300)
    scaled = {"W1": scale * W, "b1": params["b1"]}
    assert l2_penalty(scaled, lam) == pytest.approx(scale**2 * value, rel=1e-9, abs=1e-12)
    grads = l2_penalty_grad(params, lam)
    assert {k: g.shape for k, g in grads.items()} == {k: p.shape for k, p in params.items()}
