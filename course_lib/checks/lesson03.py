"""Self-checks for lesson 03: one neuron, a dense layer, a forward pass through two layers.

Shapes follow the course convention: ``X`` (N, D) one example per row, ``W`` (M, D) one row of
weights per node, ``b`` (M,), ``Z = X @ W.T + b`` (N, M). Each checker recognises the typical
slips (bias forgotten, bias added twice as on the source sheet, W used without its transpose,
rows and columns swapped, an activation left out) and names them in its hint.
"""

import numpy as np

from course_lib.activations import relu, sigmoid
from course_lib.checks.core import Case, WrongAnswer, check_function, check_value
from course_lib.checks.result import CheckResult

__all__ = ["check_neuron", "check_dense_layer", "check_forward_two_layers", "check_num_params"]

# ---- shared hints -------------------------------------------------------------------------

_BIAS_FORGOTTEN = "you left out the bias: add b to the weighted sum (once)."
_BIAS_TWICE = (
    "you added the bias twice (the source sheet's slip): the weighted sum already includes "
    "+ b, so the activation gets f(w·x + b), not f(w·x + b + b)."
)
_TRANSPOSE = (
    "a shape error in a matrix product: W holds one row per node, shape (M, D), and X one row "
    "per example, (N, D). Multiply X by W's transpose: X @ W.T, shape (N, M)."
)
_BROADCAST = (
    "two arrays could not be added: the weighted sums have shape (N, M) and b must have shape "
    "(M,), one entry per node, so that it is added to every row."
)


def _explain_errors(result: CheckResult, verbose: bool) -> CheckResult:
    """If the learner's code raised a matmul shape error and no hint matched, point at W.T."""
    if result.status == "failed" and not result.hint.startswith("a shape error"):
        notes = " ".join(line.note for line in result.lines)
        if "matmul" in notes or "not aligned" in notes:
            result.hint = _TRANSPOSE
        elif "broadcast" in notes:
            result.hint = _BROADCAST
    return result.show() if verbose else result


# ---- exercise 1: one neuron -------------------------------------------------------------------


def _neuron(x, w, b):
    return float(sigmoid(np.dot(w, x) + b))


_A = np.array
_NEURON_CASES = [
    Case(
        "x = [1, 2, 3], w = [0.5, -1, 0.25], b = 0.5",
        (_A([1.0, 2.0, 3.0]), _A([0.5, -1.0, 0.25]), 0.5),
    ),
    Case("x = [2, -1], w = [1, 1], b = -1", (_A([2.0, -1.0]), _A([1.0, 1.0]), -1.0)),
    Case("x = [0, 0, 0, 0], w = [1, 2, 3, 4], b = 2", (np.zeros(4), _A([1.0, 2.0, 3.0, 4.0]), 2.0)),
]

_NEURON_WRONG = [
    WrongAnswer(_BIAS_FORGOTTEN, lambda x, w, b: float(sigmoid(np.dot(w, x)))),
    WrongAnswer(_BIAS_TWICE, lambda x, w, b: float(sigmoid(np.dot(w, x) + 2 * b))),
    WrongAnswer(
        "you returned the weighted sum z itself: pass it through the sigmoid, 1 / (1 + exp(-z)).",
        lambda x, w, b: float(np.dot(w, x) + b),
    ),
    WrongAnswer(
        "you subtracted the bias: the weighted sum is w·x + b.",
        lambda x, w, b: float(sigmoid(np.dot(w, x) - b)),
    ),
    WrongAnswer(
        "the sign inside exp is flipped: sigmoid(z) = 1 / (1 + exp(-z)), with a minus.",
        lambda x, w, b: float(1.0 / (1.0 + np.exp(np.dot(w, x) + b))),
    ),
    WrongAnswer(
        "you added up x and w separately: the weighted sum multiplies each input by its own "
        "weight first, sum(w * x) (the dot product).",
        lambda x, w, b: float(sigmoid(np.sum(w) * np.sum(x) + b)),
    ),
]


def check_neuron(neuron, verbose: bool = True, reveal: bool = False) -> CheckResult:
    r"""Check ``neuron(x, w, b)``: one sigmoid neuron, :math:`a = \sigma(w \cdot x + b)`.

    x, w: (D,); b: a number. Returns the activation, a number.
    """
    return check_function(
        "neuron",
        neuron,
        _neuron,
        _NEURON_CASES,
        wrong=_NEURON_WRONG,
        hint=(
            "two steps: the weighted sum z (inputs times weights, added up, plus the bias once), "
            "then the sigmoid of z.",
            "compute z = w·x + b (np.dot(w, x) + b), then return 1 / (1 + np.exp(-z)).",
        ),
        verbose=verbose,
        reveal=reveal,
    )


# ---- exercise 2: a dense layer ----------------------------------------------------------------


def _dense(X, W, b):
    return np.asarray(X, dtype=np.float64) @ np.asarray(W, dtype=np.float64).T + b


def _dense_cases() -> list[Case]:
    rng = np.random.default_rng(3)
    X1 = np.array([[1.0, 2.0, 3.0], [0.0, -1.0, 2.0]])  # (2, 3)
    W1 = np.array([[1.0, 0.0, -1.0], [0.5, 0.5, 0.5], [2.0, -1.0, 0.0], [0.0, 1.0, 1.0]])  # (4, 3)
    b1 = np.array([0.5, -1.0, 0.0, 2.0])
    X2 = rng.normal(size=(5, 2))
    W2 = rng.normal(size=(3, 2))
    b2 = rng.normal(size=3)
    return [
        Case("X (2, 3), W (4, 3), b (4,)", (X1, W1, b1)),
        Case("X (5, 2), W (3, 2), b (3,)", (X2, W2, b2)),
    ]


_DENSE_CASES = _dense_cases()

_DENSE_WRONG = [
    WrongAnswer(_BIAS_FORGOTTEN, lambda X, W, b: X @ W.T),
    WrongAnswer(_BIAS_TWICE, lambda X, W, b: X @ W.T + 2 * b),
    WrongAnswer(
        "rows and columns are swapped: you returned Z transposed, shape (M, N). One row per "
        "example means Z = X @ W.T + b, shape (N, M).",
        lambda X, W, b: W @ X.T + b[:, None],
    ),
    WrongAnswer(
        "you applied an activation: this exercise asks for the weighted sums Z only.",
        lambda X, W, b: np.maximum(X @ W.T + b, 0.0),
    ),
    WrongAnswer(
        "you applied an activation: this exercise asks for the weighted sums Z only.",
        lambda X, W, b: sigmoid(X @ W.T + b),
    ),
]


def check_dense_layer(dense_layer, verbose: bool = True, reveal: bool = False) -> CheckResult:
    r"""Check ``dense_layer(X, W, b)``: the weighted sums of a layer, :math:`Z = X W^\top + b`.

    X: (N, D); W: (M, D); b: (M,). Returns Z, shape (N, M).
    """
    result = check_function(
        "dense_layer",
        dense_layer,
        _dense,
        _DENSE_CASES,
        wrong=_DENSE_WRONG,
        hint=(
            "one row per example and one column per node, shape (N, M): which product of X "
            "(N, D) and W (M, D) gives that? Then add the biases.",
            "one line does it: X @ W.T + b (shape (N, M)).",
        ),
        verbose=False,
        reveal=reveal,
    )
    return _explain_errors(result, verbose)


# ---- exercise 3: a forward pass through two layers -------------------------------------------


def _forward(X, W1, b1, W2, b2):
    A1 = relu(X @ W1.T + b1)
    return sigmoid(A1 @ W2.T + b2)


def _forward_cases() -> list[Case]:
    rng = np.random.default_rng(4)
    X = np.array([[1.0, -2.0], [0.5, 1.0], [-1.0, 2.0]])  # (3, 2)
    W1 = np.array([[1.0, 0.5], [-1.0, 1.0], [0.5, -0.5]])  # (3, 2): 3 hidden nodes
    b1 = np.array([0.1, -0.2, 0.3])
    W2 = np.array([[1.0, -2.0, 0.5]])  # (1, 3): 1 output node
    b2 = np.array([0.2])
    big = (rng.normal(size=(4, 3)), rng.normal(size=(5, 3)), rng.normal(size=5))
    big += (rng.normal(size=(2, 5)), rng.normal(size=2))
    return [
        Case("2-3-1 network, X (3, 2)", (X, W1, b1, W2, b2)),
        Case("3-5-2 network, X (4, 3)", big),
    ]


_FORWARD_CASES = _forward_cases()

_FORWARD_WRONG = [
    WrongAnswer(
        "you left out the hidden layer's ReLU: A1 = relu(Z1) = np.maximum(Z1, 0). Without it "
        "the two layers collapse into one linear layer.",
        lambda X, W1, b1, W2, b2: sigmoid((X @ W1.T + b1) @ W2.T + b2),
    ),
    WrongAnswer(
        "you left out the output sigmoid: y_hat = sigmoid(Z2).",
        lambda X, W1, b1, W2, b2: relu(X @ W1.T + b1) @ W2.T + b2,
    ),
    WrongAnswer(
        "the biases are missing: each layer adds its own bias once, Z1 = X @ W1.T + b1 and "
        "Z2 = A1 @ W2.T + b2.",
        lambda X, W1, b1, W2, b2: sigmoid(relu(X @ W1.T) @ W2.T),
    ),
    WrongAnswer(
        "the second layer's bias b2 is missing: Z2 = A1 @ W2.T + b2.",
        lambda X, W1, b1, W2, b2: sigmoid(relu(X @ W1.T + b1) @ W2.T),
    ),
    WrongAnswer(
        "the first layer's bias b1 is missing: Z1 = X @ W1.T + b1.",
        lambda X, W1, b1, W2, b2: sigmoid(relu(X @ W1.T) @ W2.T + b2),
    ),
    WrongAnswer(
        "the activations are swapped: ReLU on the hidden layer, sigmoid on the output.",
        lambda X, W1, b1, W2, b2: relu(sigmoid(X @ W1.T + b1) @ W2.T + b2),
    ),
    WrongAnswer(
        "you used `np.max(Z1, 0)`, which finds the LARGEST entry of each column (a maximum "
        "along axis 0) and loses the examples. ReLU compares every entry with 0: "
        "`np.maximum(Z1, 0)`.",
        lambda X, W1, b1, W2, b2: sigmoid(np.max(X @ W1.T + b1, 0) @ W2.T + b2),
    ),
]


def check_forward_two_layers(
    forward_two_layers, verbose: bool = True, reveal: bool = False
) -> CheckResult:
    r"""Check ``forward_two_layers(X, W1, b1, W2, b2)``: ReLU hidden layer, sigmoid output.

    .. math:: A_1 = \mathrm{relu}(X W_1^\top + b_1), \qquad \hat y = \sigma(A_1 W_2^\top + b_2)

    X: (N, D); W1: (H, D); b1: (H,); W2: (K, H); b2: (K,). Returns y_hat, shape (N, K).
    """
    result = check_function(
        "forward_two_layers",
        forward_two_layers,
        _forward,
        _FORWARD_CASES,
        wrong=_FORWARD_WRONG,
        hint=(
            "two layers one after the other, each a weighted sum with its own bias and then its "
            "activation: ReLU for the hidden layer, sigmoid for the output.",
            "Z1 = X @ W1.T + b1, A1 = relu(Z1), Z2 = A1 @ W2.T + b2, y_hat = sigmoid(Z2).",
        ),
        verbose=False,
        reveal=reveal,
    )
    return _explain_errors(result, verbose)


# ---- exercise 4: counting parameters ---------------------------------------------------------


def check_num_params(answer, verbose: bool = True, reveal: bool = False) -> CheckResult:
    """Check the number of trainable numbers in ``MLP([4, 5, 3])``: 4·5 + 5 + 5·3 + 3 = 43."""
    return check_value(
        "num_params",
        answer,
        43,
        wrong={
            35: "you counted the weights only: each node also has one bias (5 + 3 of them).",
            12: "you counted the nodes: count the weights (one per input per node) and biases.",
            8: "you counted the nodes of the two layers: count their weights and biases instead.",
            32: "that is 4·5 + 4·3: the output layer's inputs are the 5 hidden nodes, not the "
            "4 inputs, and the biases are missing.",
            60: "that is 4·5·3: the layers are not multiplied together; add the layers' counts.",
        },
        hint="layer 1: W1 is (5, 4) and b1 is (5,); layer 2: W2 is (3, 5) and b2 is (3,). "
        "Add up all their entries.",
        label="num_params",
        verbose=verbose,
        reveal=reveal,
    )
