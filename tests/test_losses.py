"""Losses: known values, gradients against finite differences, stability, error messages."""

import numpy as np
import pytest

from course_lib import losses
from course_lib.activations import sigmoid
from course_lib.gradcheck import numerical_gradient, relative_error


def test_mse_of_known_vectors():
    # differences 1, -2, 3 -> squares 1, 4, 9 -> mean 14/3
    assert losses.mse([2.0, 0.0, 6.0], [1.0, 2.0, 3.0]) == pytest.approx(14 / 3)
    assert isinstance(losses.mse([1.0], [1.0]), float)
    np.testing.assert_allclose(
        losses.mse_grad([2.0, 0.0, 6.0], [1.0, 2.0, 3.0]), [2 / 3, -4 / 3, 2.0]
    )


def test_mse_averages_over_all_entries_of_a_matrix():
    y_hat = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert losses.mse(y_hat, np.zeros((2, 2))) == pytest.approx((1 + 4 + 9 + 16) / 4)


def test_binary_cross_entropy_known_values():
    assert losses.binary_cross_entropy([0.5], [1.0]) == pytest.approx(np.log(2))
    assert losses.binary_cross_entropy([0.8, 0.25], [1.0, 0.0]) == pytest.approx(
        -(np.log(0.8) + np.log(0.75)) / 2
    )


def test_binary_cross_entropy_stays_finite_for_p_exactly_0_or_1():
    loss = losses.binary_cross_entropy([0.0, 1.0], [1.0, 0.0])
    assert np.isfinite(loss) and loss == pytest.approx(-np.log(1e-12), rel=1e-6)
    assert np.all(np.isfinite(losses.binary_cross_entropy_grad([0.0, 1.0], [1.0, 0.0])))
    assert losses.binary_cross_entropy([0.0, 1.0], [0.0, 1.0]) == pytest.approx(0.0, abs=1e-11)


def test_bce_with_logits_equals_bce_of_sigmoid_and_survives_extreme_logits(rng):
    z = rng.normal(size=(6, 1)) * 3
    y = (rng.random((6, 1)) < 0.5).astype(float)
    assert losses.binary_cross_entropy_with_logits(z, y) == pytest.approx(
        losses.binary_cross_entropy(sigmoid(z), y), rel=1e-10
    )
    big = np.array([1000.0, -1000.0])
    assert losses.binary_cross_entropy_with_logits(big, [1.0, 0.0]) == 0.0
    assert losses.binary_cross_entropy_with_logits(big, [0.0, 1.0]) == pytest.approx(1000.0)


def test_softmax_cross_entropy_known_values():
    # uniform logits over C classes -> log C
    assert losses.softmax_cross_entropy(np.zeros((2, 4)), [0, 3]) == pytest.approx(np.log(4))
    # probabilities [0.25, 0.75]; label 1 -> -log 0.75
    logits = np.array([[0.0, np.log(3.0)]])
    assert losses.softmax_cross_entropy(logits, [1]) == pytest.approx(-np.log(0.75))
    np.testing.assert_allclose(losses.softmax_cross_entropy_grad(logits, [1]), [[0.25, -0.25]])


def test_softmax_cross_entropy_is_stable_for_huge_logits():
    logits = np.array([[1e4, 0.0, -1e4], [0.0, 1e4, 0.0]])
    assert losses.softmax_cross_entropy(logits, [0, 1]) == 0.0
    assert losses.softmax_cross_entropy(logits, [1, 0]) == pytest.approx(1e4)


GRAD_CASES = [
    ("mse", lambda r: (r.normal(size=(5, 2)), r.normal(size=(5, 2)))),
    (
        "binary_cross_entropy",
        lambda r: (r.uniform(0.05, 0.95, size=(6, 1)), (r.random((6, 1)) < 0.5) * 1.0),
    ),
    (
        "binary_cross_entropy_with_logits",
        lambda r: (r.normal(size=(7,)) * 3, (r.random(7) < 0.5) * 1.0),
    ),
    ("softmax_cross_entropy", lambda r: (r.normal(size=(5, 4)), r.integers(0, 4, size=5))),
]


@pytest.mark.parametrize(("name", "make"), GRAD_CASES, ids=[c[0] for c in GRAD_CASES])
def test_loss_grad_matches_finite_differences(rng, name, make):
    f, f_grad = losses.get_loss(name)
    pred, target = make(rng)
    num = numerical_gradient(lambda x: f(x, target), pred)
    assert relative_error(f_grad(pred, target), num) < 1e-7


def test_get_loss_lists_valid_names():
    assert losses.get_loss("mse") == (losses.mse, losses.mse_grad)
    with pytest.raises(ValueError, match="unknown loss 'mae'. Valid names: mse, binary_cross"):
        losses.get_loss("mae")
    with pytest.raises(TypeError, match="get_loss: name should be a string"):
        losses.get_loss(None)


def test_mse_shape_error_warns_about_n_vs_n1_broadcasting():
    with pytest.raises(
        ValueError,
        match=r"mse: y_hat has shape \(3, 1\) but y has shape \(3,\)"
        r".*y.reshape\(y_hat.shape\)",
    ):
        losses.mse(np.zeros((3, 1)), np.zeros(3))
    with pytest.raises(ValueError, match="same shape"):
        losses.mse_grad(np.zeros(3), np.zeros(4))


def test_bce_refuses_probabilities_outside_0_1_and_points_to_logits():
    with pytest.raises(
        ValueError,
        match=r"binary_cross_entropy: .*p must lie in \[0, 1\]"
        r".*binary_cross_entropy_with_logits",
    ):
        losses.binary_cross_entropy([1.5, 0.2], [1.0, 0.0])
    with pytest.raises(ValueError, match="y must lie in"):
        losses.binary_cross_entropy_grad([0.5], [2.0])


@pytest.mark.parametrize(
    ("labels", "exc", "pattern"),
    [
        (np.array([0.0, 1.0]), TypeError, r"labels has dtype float64.*astype\(int\)"),
        (np.array([[1, 0], [0, 1]]), ValueError, r"labels has shape \(2, 2\).*argmax"),
        (np.array([0, 3]), ValueError, r"labels range from 0 to 3.*0\.\.2"),
        (np.array([-1, 0]), ValueError, "labels range from -1"),
        (np.array([True, False]), TypeError, "labels has dtype bool"),
        ("01", TypeError, "labels is a string"),
    ],
)
def test_softmax_cross_entropy_label_errors(labels, exc, pattern):
    with pytest.raises(exc, match=pattern):
        losses.softmax_cross_entropy(np.zeros((2, 3)), labels)
    with pytest.raises(exc, match="softmax_cross_entropy_grad"):
        losses.softmax_cross_entropy_grad(np.zeros((2, 3)), labels)


def test_softmax_cross_entropy_needs_2d_logits():
    with pytest.raises(ValueError, match=r"softmax_cross_entropy: logits should be a matrix"):
        losses.softmax_cross_entropy(np.zeros(3), [0])
