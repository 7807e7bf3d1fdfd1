"""Training loop: the loss goes down, History is consistent, divergence stops cleanly."""

import numpy as np
import pytest

from course_lib import datasets, losses, training
from course_lib.network import MLP
from course_lib.optimizers import Adam, GradientDescent, Momentum


@pytest.fixture
def blobs(rng):
    X, y = datasets.make_blobs(120, 3, 1.0, rng)
    return X, y


def test_training_reduces_the_loss_on_blobs(blobs, rng):
    X, y = blobs
    model = MLP([2, 8, 3], rng=rng)
    hist = training.train(model, X, y, "softmax_cross_entropy", Adam(0.01), 16, 30, rng)
    assert hist.diverged_at is None
    assert hist.epoch_loss[-1] < 0.25 * hist.epoch_loss[0]
    assert training.accuracy(model, X, y) > 0.9


def test_history_lengths_and_x_axes_agree(blobs, rng):
    X, y = blobs
    model = MLP([2, 8, 3], rng=rng)
    hist = training.train(
        model, X, y, "softmax_cross_entropy", Momentum(0.05), 50, 4, rng, X_val=X[:30], y_val=y[:30]
    )
    assert hist.steps_per_epoch == 3  # 50 + 50 + 20
    assert hist.step_loss.shape == hist.step_time.shape == hist.elapsed.shape == (12,)
    np.testing.assert_array_equal(hist.examples_seen[:4], [50, 100, 120, 170])
    np.testing.assert_array_equal(hist.x("examples", per="epoch"), [120, 240, 360, 480])
    np.testing.assert_allclose(hist.x("epoch", per="epoch"), [1, 2, 3, 4])
    np.testing.assert_array_equal(hist.x("step")[:3], [1, 2, 3])
    assert np.all(np.diff(hist.x("seconds")) > 0)
    assert len(hist.epoch_loss) == len(hist.val_accuracy) == 4
    first = hist.step_loss[:3]
    assert hist.epoch_loss[0] == pytest.approx(
        (50 * first[0] + 50 * first[1] + 20 * first[2]) / 120
    )


def test_training_is_reproducible_from_the_seed(blobs):
    X, y = blobs
    runs = []
    for _ in range(2):
        rng = np.random.default_rng(5)
        model = MLP([2, 4, 3], rng=rng)
        runs.append(
            training.train(model, X, y, "softmax_cross_entropy", Adam(0.01), 10, 2, rng).step_loss
        )
    np.testing.assert_array_equal(runs[0], runs[1])


def test_full_batch_gd_steps_match_a_hand_written_loop(blobs, rng):
    X, y = blobs
    model = MLP([2, 5, 3], rng=rng)
    twin = model.copy()
    training.train(model, X, y, "softmax_cross_entropy", GradientDescent(0.1), len(X), 3, rng)
    for _ in range(3):
        out = twin.forward(X)
        grads = twin.backward(losses.softmax_cross_entropy_grad(out, y))
        for k in twin.params:
            twin.params[k] -= 0.1 * grads[k]
    for k in model.params:
        np.testing.assert_allclose(model.params[k], twin.params[k], rtol=1e-12)


def test_huge_learning_rate_stops_with_diverged_at_and_no_warning(blobs, rng):
    X, y = blobs
    model = MLP([2, 8, 3], rng=rng)
    hist = training.train(model, X, y, "softmax_cross_entropy", GradientDescent(1e8), 16, 50, rng)
    assert hist.diverged_at is not None
    assert len(hist.step_loss) == hist.diverged_at < 50 * 8
    assert np.all(np.isfinite(hist.step_loss))


def test_mse_regression_with_flat_targets_trains(rng):
    x, t = datasets.make_line(64, slope=2.0, intercept=-1.0, noise=0.0, rng=rng)
    model = MLP([1, 1], rng=rng)
    hist = training.train(model, x, t, "mse", GradientDescent(0.3), 64, 200, rng)
    assert hist.step_loss[-1] < 1e-8
    np.testing.assert_allclose(model.params["W1"], [[2.0]], atol=1e-4)


def test_loss_can_be_a_pair_of_functions(blobs, rng):
    X, y = blobs
    model = MLP([2, 4, 3], rng=rng)
    pair = (losses.softmax_cross_entropy, losses.softmax_cross_entropy_grad)
    hist = training.train(model, X, y, pair, Adam(0.01), 30, 2, rng)
    assert hist.step_loss.shape == (8,)


def test_callback_can_stop_training_after_a_given_step(blobs, rng):
    X, y = blobs
    model = MLP([2, 4, 3], rng=rng)
    seen = []

    def stop_at_five(history, m):
        seen.append(len(history.step_loss))
        return len(history.step_loss) < 5

    hist = training.train(
        model,
        X,
        y,
        "softmax_cross_entropy",
        Adam(0.01),
        10,
        10,
        rng,
        callback=stop_at_five,
        callback_every="step",
    )
    assert seen == [1, 2, 3, 4, 5] and hist.num_steps == 5 and hist.diverged_at is None


def test_evaluate_reports_accuracy_and_loss(blobs, rng):
    X, y = blobs
    model = MLP([2, 4, 3], rng=rng)
    result = training.evaluate(model, X, y, "softmax_cross_entropy")
    assert result["loss"] == pytest.approx(losses.softmax_cross_entropy(model.forward(X), y))
    assert result["accuracy"] == training.accuracy(model, X, datasets.one_hot(y, 3))


def test_accuracy_reads_one_logit_column_as_binary(rng):
    X = np.array([[1.0], [-1.0], [2.0]])
    model = MLP([1, 1], rng=rng)
    model.params["W1"][:] = 1.0
    assert training.accuracy(model, X, np.array([1, 0, 0])) == pytest.approx(2 / 3)


def test_train_errors_name_the_argument(blobs, rng):
    X, y = blobs
    model = MLP([2, 4, 3], rng=rng)
    opt = Adam()
    with pytest.raises(ValueError, match="train: batch_size must be at least 1"):
        training.train(model, X, y, "softmax_cross_entropy", opt, 0, 1, rng)
    with pytest.raises(ValueError, match="train: X has 120 rows but y"):
        training.train(model, X, y[:5], "softmax_cross_entropy", opt, 8, 1, rng)
    with pytest.raises(ValueError, match="unknown loss"):
        training.train(model, X, y, "hinge", opt, 8, 1, rng)
    with pytest.raises(ValueError, match="class numbers"):
        training.train(model, X, y + 0.5, "softmax_cross_entropy", opt, 8, 1, rng)
    with pytest.raises(TypeError, match="train: rng"):
        training.train(model, X, y, "softmax_cross_entropy", opt, 8, 1, 42)
    with pytest.raises(ValueError, match="both X_val and y_val"):
        training.train(model, X, y, "softmax_cross_entropy", opt, 8, 1, rng, X_val=X)


def test_overflowing_outputs_count_as_divergence_without_warnings(blobs, rng):
    X, y = blobs
    model = MLP([2, 8, 3], rng=rng)
    opt = GradientDescent(1e200)
    hist = training.train(model, X, y, "softmax_cross_entropy", opt, 40, 5, rng, max_loss=1e300)
    assert hist.diverged_at is not None and hist.diverged_at <= 3
    # proves the stop came from non-finite outputs, which MLP.forward now refuses by name
    with pytest.raises(ValueError, match="MLP.forward: the output is not finite"):
        model.forward(X)


def test_a_custom_loss_returning_nan_stops_training(blobs, rng):
    X, y = blobs
    model = MLP([2, 4, 3], rng=rng)
    pair = (lambda out, t: float("nan"), losses.softmax_cross_entropy_grad)
    hist = training.train(model, X, y, pair, Adam(), 30, 3, rng)
    assert hist.diverged_at == 0 and hist.step_loss.shape == (0,)


def test_fused_softmax_cross_entropy_matches_the_losses_module(rng):
    logits = rng.normal(0, 30, size=(7, 4))
    labels = rng.integers(0, 4, size=7)
    value, grad = training._softmax_ce_value_and_grad(logits.copy(), labels)
    assert value == pytest.approx(losses.softmax_cross_entropy(logits, labels), rel=1e-13)
    np.testing.assert_allclose(
        grad, losses.softmax_cross_entropy_grad(logits, labels), rtol=1e-12, atol=1e-15
    )


def test_training_by_name_and_by_function_pair_take_identical_steps(blobs):
    X, y = blobs
    pair = (losses.softmax_cross_entropy, losses.softmax_cross_entropy_grad)
    runs = []
    for loss in ("softmax_cross_entropy", pair):
        rng = np.random.default_rng(1)
        model = MLP([2, 6, 3], rng=rng)
        runs.append(training.train(model, X, y, loss, Adam(0.01), 16, 3, rng).step_loss)
    np.testing.assert_allclose(runs[0], runs[1], rtol=1e-12)
