"""Lesson 03 checkers: pass the reference, fail typical mistakes with a hint, "not done" stubs."""

import numpy as np
import pytest

from course_lib.activations import relu, sigmoid
from course_lib.checks import lesson03 as L


def _stub(*args):
    raise NotImplementedError


# ---- exercise 1: neuron -----------------------------------------------------------------------


def neuron_ref(x, w, b):
    z = np.dot(w, x) + b
    return 1.0 / (1.0 + np.exp(-z))


def test_check_neuron_passes_the_reference_solution():
    assert L.check_neuron(neuron_ref, verbose=False).status == "passed"


def test_check_neuron_says_not_done_for_the_stub():
    assert L.check_neuron(_stub, verbose=False).status == "not done"


@pytest.mark.parametrize(
    ("mistake", "words"),
    [
        (lambda x, w, b: 1 / (1 + np.exp(-np.dot(w, x))), "left out the bias"),
        (lambda x, w, b: 1 / (1 + np.exp(-(np.dot(w, x) + b + b))), "bias twice"),
        (lambda x, w, b: np.dot(w, x) + b, "through the sigmoid"),
        (lambda x, w, b: 1 / (1 + np.exp(-(np.dot(w, x) - b))), "subtracted the bias"),
        (lambda x, w, b: 1 / (1 + np.exp(np.dot(w, x) + b)), "sign inside exp"),
        (lambda x, w, b: 1 / (1 + np.exp(-(np.sum(w) * np.sum(x) + b))), "dot product"),
    ],
    ids=["bias_forgotten", "bias_twice", "no_sigmoid", "minus_bias", "exp_sign", "sums"],
)
def test_check_neuron_fails_a_typical_mistake_with_its_hint(mistake, words):
    result = L.check_neuron(mistake, verbose=False)
    assert result.status == "failed"
    assert words in result.hint


# ---- exercise 2: dense layer ------------------------------------------------------------------


def dense_ref(X, W, b):
    return X @ W.T + b


def test_check_dense_layer_passes_the_reference_solution():
    assert L.check_dense_layer(dense_ref, verbose=False).status == "passed"


def test_check_dense_layer_passes_an_explicit_loop_over_nodes():
    def loop(X, W, b):
        Z = np.zeros((X.shape[0], W.shape[0]))
        for m in range(W.shape[0]):
            Z[:, m] = X @ W[m] + b[m]
        return Z

    assert L.check_dense_layer(loop, verbose=False).status == "passed"


def test_check_dense_layer_says_not_done_for_the_stub():
    assert L.check_dense_layer(_stub, verbose=False).status == "not done"


@pytest.mark.parametrize(
    ("mistake", "words"),
    [
        (lambda X, W, b: X @ W.T, "left out the bias"),
        (lambda X, W, b: X @ W.T + b + b, "bias twice"),
        (lambda X, W, b: W @ X.T + b[:, None], "rows and columns are swapped"),
        (lambda X, W, b: X @ W + b, "shape error"),
        (lambda X, W, b: X @ W.T + b[:, None], "shape (M,)"),
        (lambda X, W, b: np.maximum(X @ W.T + b, 0), "activation"),
    ],
    ids=["bias_forgotten", "bias_twice", "swapped", "W_not_transposed", "b_column", "relu"],
)
def test_check_dense_layer_fails_a_typical_mistake_with_its_hint(mistake, words):
    result = L.check_dense_layer(mistake, verbose=False)
    assert result.status == "failed"
    assert words in result.hint


# ---- exercise 3: two-layer forward pass ------------------------------------------------------


def forward_ref(X, W1, b1, W2, b2):
    A1 = np.maximum(X @ W1.T + b1, 0.0)
    return 1.0 / (1.0 + np.exp(-(A1 @ W2.T + b2)))


def test_check_forward_two_layers_passes_the_reference_solution():
    assert L.check_forward_two_layers(forward_ref, verbose=False).status == "passed"


def test_check_forward_two_layers_says_not_done_for_the_stub():
    assert L.check_forward_two_layers(_stub, verbose=False).status == "not done"


@pytest.mark.parametrize(
    ("mistake", "words"),
    [
        (lambda X, W1, b1, W2, b2: sigmoid((X @ W1.T + b1) @ W2.T + b2), "ReLU"),
        (lambda X, W1, b1, W2, b2: relu(X @ W1.T + b1) @ W2.T + b2, "output sigmoid"),
        (lambda X, W1, b1, W2, b2: sigmoid(relu(X @ W1.T) @ W2.T), "biases are missing"),
        (lambda X, W1, b1, W2, b2: sigmoid(relu(X @ W1.T + b1) @ W2.T), "b2 is missing"),
        (lambda X, W1, b1, W2, b2: sigmoid(relu(X @ W1.T) @ W2.T + b2), "b1 is missing"),
        (lambda X, W1, b1, W2, b2: relu(sigmoid(X @ W1.T + b1) @ W2.T + b2), "swapped"),
        (lambda X, W1, b1, W2, b2: sigmoid(relu(X @ W1 + b1) @ W2 + b2), "shape error"),
    ],
    ids=["no_relu", "no_sigmoid", "no_biases", "no_b2", "no_b1", "swapped_acts", "no_T"],
)
def test_check_forward_two_layers_fails_a_typical_mistake_with_its_hint(mistake, words):
    result = L.check_forward_two_layers(mistake, verbose=False)
    assert result.status == "failed"
    assert words in result.hint


def test_check_forward_two_layers_reports_a_learner_exception_as_a_line():
    def broken(X, W1, b1, W2, b2):
        return undefined_name  # noqa: F821

    result = L.check_forward_two_layers(broken, verbose=False)
    assert result.status == "failed"
    assert "NameError" in result.lines[0].note


# ---- exercise 4: parameter count --------------------------------------------------------------


def test_check_num_params_passes_43_and_says_not_done_for_none():
    assert L.check_num_params(43, verbose=False).status == "passed"
    assert L.check_num_params(None, verbose=False).status == "not done"


def test_check_num_params_matches_the_mlp_count():
    from course_lib.network import MLP

    assert MLP([4, 5, 3], rng=np.random.default_rng(0)).num_params == 43


@pytest.mark.parametrize(("answer", "words"), [(35, "weights only"), (12, "counted the nodes")])
def test_check_num_params_fails_a_typical_mistake_with_its_hint(answer, words):
    result = L.check_num_params(answer, verbose=False)
    assert result.status == "failed"
    assert words in result.hint


def test_checkers_print_one_line_per_case(capsys):
    L.check_dense_layer(dense_ref)
    out = capsys.readouterr().out
    assert out.count("✓") == 2
    assert "All correct" in out


def test_check_neuron_hands_arrays_to_the_learner_so_matmul_works():
    assert L.check_neuron(lambda x, w, b: 1 / (1 + np.exp(-(w @ x + b))), verbose=False).passed
