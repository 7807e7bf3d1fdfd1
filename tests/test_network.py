"""MLP: shapes, initialisation, forward values, backward against finite differences."""

import numpy as np
import pytest

from course_lib import layers, losses
from course_lib.gradcheck import check_model_gradients, numerical_gradient, relative_error
from course_lib.network import MLP

HIDDEN = ["relu", "sigmoid", "tanh"]
OUTPUTS = ["identity", "sigmoid", "softmax"]


def _inputs_away_from_relu_kinks(model, X):
    """True if no hidden pre-activation is within 1e-3 of ReLU's kink at 0."""
    model.forward(X)
    return all(np.min(np.abs(act_cache[1])) > 1e-3 for _, act_cache in model._caches[:-1])


def test_mlp_params_have_one_row_per_node_and_zero_biases(rng):
    model = MLP([4, 6, 3], rng=rng)
    assert sorted(model.params) == ["W1", "W2", "b1", "b2"]
    assert model.params["W1"].shape == (6, 4)
    assert model.params["b1"].shape == (6,)
    assert model.params["W2"].shape == (3, 6)
    assert np.all(model.params["b2"] == 0)
    assert model.num_params == 6 * 4 + 6 + 3 * 6 + 3


def test_mlp_uses_he_init_for_relu_and_xavier_for_tanh():
    rng = np.random.default_rng(1)
    relu_net = MLP([400, 300, 200], "relu", rng=rng)
    tanh_net = MLP([400, 300, 200], "tanh", rng=rng)
    assert np.std(relu_net.params["W1"]) == pytest.approx(np.sqrt(2 / 400), rel=0.02)
    assert np.std(tanh_net.params["W1"]) == pytest.approx(np.sqrt(2 / 700), rel=0.02)
    # the identity output layer uses Xavier in both
    assert np.std(relu_net.params["W2"]) == pytest.approx(np.sqrt(2 / 500), rel=0.02)


def test_mlp_requires_an_explicit_rng():
    with pytest.raises(TypeError, match=r"rng=np.random.default_rng\(0\)"):
        MLP([2, 3, 1])
    with pytest.raises(TypeError, match="numpy.random.Generator"):
        MLP([2, 3, 1], rng=0)


@pytest.mark.parametrize("other", [None, "none", "linear"])
def test_mlp_refuses_other_spellings_of_identity_naming_it(rng, other):
    with pytest.raises(ValueError, match=r"MLP: activation .*: write 'identity'"):
        MLP([2, 3, 1], output_activation=other, rng=rng)
    with pytest.raises(ValueError, match=r"MLP: activation .*: write 'identity'"):
        MLP([2, 3, 1], hidden_activation=other, rng=rng)


@pytest.mark.parametrize("output_activation", OUTPUTS)
def test_mlp_backward_equals_the_taught_layer_pairs_chained_by_hand(rng, output_activation):
    """MLP.forward/backward give exactly what lesson 6 does by hand with layers.* pairs."""
    model = MLP([3, 5, 4, 2], "tanh", output_activation, rng=rng)
    X, d_output = rng.normal(size=(6, 3)), rng.normal(size=(6, 2))
    caches, A = [], X
    for l, act in ((1, "tanh"), (2, "tanh"), (3, output_activation)):
        Z, dense_cache = layers.dense_forward(A, model.params[f"W{l}"], model.params[f"b{l}"])
        A, act_cache = layers.activation_forward(Z, act)
        caches.append((dense_cache, act_cache))
    np.testing.assert_array_equal(model.forward(X), A)
    grads, dA = model.backward(d_output), d_output
    for l in (3, 2, 1):
        dense_cache, act_cache = caches[l - 1]
        dA, dW, db = layers.dense_backward(layers.activation_backward(dA, act_cache), dense_cache)
        np.testing.assert_array_equal(grads[f"W{l}"], dW)
        np.testing.assert_array_equal(grads[f"b{l}"], db)


def test_mlp_backward_calls_the_layer_kernels_once_per_layer(rng, monkeypatch):
    """Lesson 6: "MLP.backward does exactly that" (activation then dense backward, per layer)."""
    from course_lib import network

    calls = []
    for name in ("_activation_backward", "_dense_backward"):
        kernel = getattr(network, name)
        monkeypatch.setattr(
            network, name, lambda *a, _k=kernel, _n=name, **kw: calls.append(_n) or _k(*a, **kw)
        )
    model = MLP([3, 5, 4, 2], rng=rng)
    model.backward(np.ones_like(model.forward(rng.normal(size=(6, 3)))))
    assert calls == ["_activation_backward", "_dense_backward"] * 3


def test_mlp_same_rng_seed_gives_same_weights():
    a = MLP([3, 4, 2], rng=np.random.default_rng(5))
    b = MLP([3, 4, 2], rng=np.random.default_rng(5))
    for k in a.params:
        np.testing.assert_array_equal(a.params[k], b.params[k])


def test_mlp_forward_matches_hand_computation(rng):
    model = MLP([2, 2, 1], "relu", rng=rng)
    model.params["W1"][:] = [[1.0, -1.0], [0.5, 2.0]]
    model.params["b1"][:] = [0.0, 1.0]
    model.params["W2"][:] = [[2.0, 3.0]]
    model.params["b2"][:] = [-1.0]
    X = np.array([[1.0, 2.0]])
    # Z1 = [1 - 2 + 0, 0.5 + 4 + 1] = [-1, 5.5]; A1 = [0, 5.5]; out = 0 + 16.5 - 1 = 15.5
    np.testing.assert_allclose(model.forward(X), [[15.5]])


@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize("output", OUTPUTS)
def test_mlp_backward_matches_finite_differences(rng, hidden, output):
    model = MLP([3, 5, 4, 3], hidden, output, rng=rng)
    X = rng.normal(size=(6, 3))
    y = rng.normal(size=(6, 3))
    assert _inputs_away_from_relu_kinks(model, X)
    errors = check_model_gradients(model, X, y, "mse")
    assert set(errors) == set(model.params)
    assert max(errors.values()) < 1e-7, errors


def test_mlp_logits_with_softmax_cross_entropy_gradients_are_right(rng):
    model = MLP([4, 6, 3], "tanh", "identity", rng=rng)
    X = rng.normal(size=(5, 4))
    labels = np.array([0, 2, 1, 2, 0])
    errors = check_model_gradients(model, X, labels, "softmax_cross_entropy")
    assert max(errors.values()) < 1e-7, errors


def test_mlp_backward_returns_one_gradient_per_param_with_its_shape(rng):
    model = MLP([3, 7, 2], rng=rng)
    out = model.forward(rng.normal(size=(10, 3)))
    grads = model.backward(np.ones_like(out))
    assert list(grads) == list(model.params)
    for k in grads:
        assert grads[k].shape == model.params[k].shape


def test_mlp_softmax_output_backward_matches_dA_finite_differences(rng):
    model = MLP([3, 4, 3], "sigmoid", "softmax", rng=rng)
    X = rng.normal(size=(2, 3))
    w = rng.normal(size=(2, 3))

    def loss(_):
        return float(np.sum(w * model.forward(X)))

    model.forward(X)
    grads = model.backward(w)
    num = numerical_gradient(loss, model.params["W1"])
    assert relative_error(grads["W1"], num) < 1e-7


def test_mlp_predict_returns_class_indices_thresholds_and_raw_values(rng):
    X = rng.normal(size=(8, 3))
    multi = MLP([3, 4, 5], rng=rng)
    np.testing.assert_array_equal(multi.predict(X), np.argmax(multi.forward(X), axis=1))
    binary = MLP([3, 4, 1], output_activation="sigmoid", rng=rng)
    p = binary.forward(X)[:, 0]
    np.testing.assert_array_equal(binary.predict(X), (p >= 0.5).astype(int))
    regression = MLP([3, 4, 1], rng=rng)
    np.testing.assert_array_equal(regression.predict(X), regression.forward(X))


def test_mlp_predict_keeps_the_caches_of_the_last_forward(rng):
    model = MLP([3, 4, 2], rng=rng)
    X = rng.normal(size=(5, 3))
    out = model.forward(X)
    grads = model.backward(np.ones_like(out))
    model.predict(rng.normal(size=(9, 3)))
    again = model.backward(np.ones_like(out))
    for k in grads:
        np.testing.assert_array_equal(grads[k], again[k])


def test_mlp_copy_is_independent(rng):
    model = MLP([3, 4, 2], rng=rng)
    twin = model.copy()
    twin.params["W1"] += 1.0
    assert not np.allclose(twin.params["W1"], model.params["W1"])
    assert twin.layer_sizes == model.layer_sizes
    X = rng.normal(size=(2, 3))
    np.testing.assert_allclose(model.copy().forward(X), model.forward(X))


def test_mlp_forward_error_names_expected_feature_count(rng):
    model = MLP([4, 3, 2], rng=rng)
    with pytest.raises(ValueError, match=r"X has shape \(5, 3\).*\(N, 4\)"):
        model.forward(np.zeros((5, 3)))
    with pytest.raises(ValueError, match=r"reshape\(1, -1\)"):
        model.forward(np.zeros(4))
    with pytest.raises(TypeError, match="X has dtype"):
        model.forward(np.array([["a", "b", "c", "d"]]))


def test_mlp_backward_errors_explain_order_and_shape(rng):
    model = MLP([4, 3, 2], rng=rng)
    with pytest.raises(RuntimeError, match="call forward"):
        model.backward(np.zeros((1, 2)))
    model.forward(np.zeros((5, 4)))
    with pytest.raises(ValueError, match=r"d_output has shape \(5, 1\).*\(5, 2\)"):
        model.backward(np.zeros((5, 1)))


@pytest.mark.parametrize(
    ("kwargs", "exc", "pattern"),
    [
        ({"layer_sizes": [4]}, ValueError, "at least two entries"),
        ({"layer_sizes": [4, 0, 2]}, ValueError, "at least 1"),
        ({"layer_sizes": [4, 2.5]}, TypeError, "whole number"),
        ({"layer_sizes": "4,2"}, TypeError, "list of whole numbers"),
        ({"layer_sizes": [4, 2], "hidden_activation": "relux"}, ValueError, "Valid names"),
        ({"layer_sizes": [4, 2], "output_activation": "relu"}, ValueError, "'softmax'"),
    ],
)
def test_mlp_constructor_errors_say_what_is_valid(rng, kwargs, exc, pattern):
    with pytest.raises(exc, match=pattern):
        MLP(rng=rng, **kwargs)


def test_mlp_trains_xor_with_plain_gradient_descent():
    # an end-to-end check that forward, backward and the parameter layout fit together
    rng = np.random.default_rng(3)
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([[0.0], [1.0], [1.0], [0.0]])
    model = MLP([2, 8, 1], "tanh", "sigmoid", rng=rng)
    for _ in range(2000):
        p = model.forward(X)
        grads = model.backward(losses.binary_cross_entropy_grad(p, y))
        for k in model.params:
            model.params[k] -= 0.5 * grads[k]
    np.testing.assert_array_equal(model.predict(X), [0, 1, 1, 0])
