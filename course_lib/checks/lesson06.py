r"""Self-checks for lesson 06: one backward step through a sigmoid, the backward pass of a dense
layer, and finding a planted gradient bug by gradient checking.

Shapes follow the course convention: ``X`` (N, D), ``W`` (M, D), ``Z = X @ W.T + b`` (N, M);
a name starting with ``d`` is the gradient of the loss and has the shape of what it belongs to.
The hints name the typical slips: the upstream gradient forgotten, sigma'(Z) computed from Z
instead of sigma(Z), dW transposed, a mean instead of a sum for db, the wrong axis.
"""

import numpy as np

from course_lib.activations import sigmoid
from course_lib.checks.core import Case, WrongAnswer, check_function, check_value
from course_lib.checks.feedback import attempt, pick_hint, wrong_tries
from course_lib.checks.result import CheckResult

__all__ = ["check_sigmoid_backward", "check_dense_backward", "check_buggy_param"]


# ---- exercise 1: one backward step through a sigmoid ------------------------------------------


def _sigmoid_backward(dA, Z):
    s = sigmoid(np.asarray(Z, dtype=np.float64))
    return np.asarray(dA, dtype=np.float64) * s * (1.0 - s)


def _sigmoid_cases() -> list[Case]:
    rng = np.random.default_rng(6)
    return [
        Case("dA = [[1, 1]], Z = [[0, 2]]", (np.array([[1.0, 1.0]]), np.array([[0.0, 2.0]]))),
        Case(
            "dA = [[0.5, -2], [3, 1]], Z = [[-1, 0.5], [1, -3]]",
            (np.array([[0.5, -2.0], [3.0, 1.0]]), np.array([[-1.0, 0.5], [1.0, -3.0]])),
        ),
        Case("dA, Z random (4, 3)", (rng.normal(size=(4, 3)), rng.normal(size=(4, 3)))),
    ]


_SIGMOID_WRONG = [
    WrongAnswer(
        "you returned the local derivative σ'(Z) only: multiply it by the gradient that "
        "arrives from above, dZ = dA * σ(Z)(1 − σ(Z)).",
        lambda dA, Z: sigmoid(Z) * (1 - sigmoid(Z)),
    ),
    WrongAnswer(
        "you used Z(1 − Z): the sigmoid's derivative is σ(Z)(1 − σ(Z)), computed from the "
        "sigmoid's OUTPUT A = σ(Z), not from Z.",
        lambda dA, Z: dA * Z * (1 - Z),
    ),
    WrongAnswer(
        "you multiplied by σ(Z) only: its derivative is σ(Z)·(1 − σ(Z)).",
        lambda dA, Z: dA * sigmoid(Z),
    ),
    WrongAnswer(
        "you divided by the local derivative: the chain rule MULTIPLIES, dZ = dA * σ'(Z).",
        lambda dA, Z: dA / (sigmoid(Z) * (1 - sigmoid(Z))),
    ),
    WrongAnswer(
        "you returned dA unchanged: the sigmoid's local derivative σ(Z)(1 − σ(Z)) is missing.",
        lambda dA, Z: dA,
    ),
]


def check_sigmoid_backward(
    sigmoid_backward, verbose: bool = True, reveal: bool = False
) -> CheckResult:
    r"""Check ``sigmoid_backward(dA, Z)``: turn dL/dA into dL/dZ for :math:`A = \sigma(Z)`.

    .. math:: dZ = dA \odot \sigma(Z)\,(1 - \sigma(Z))

    dA, Z: same shape, e.g. (N, M). Returns dZ, that shape.
    """
    return check_function(
        "sigmoid_backward",
        sigmoid_backward,
        _sigmoid_backward,
        _sigmoid_cases(),
        wrong=_SIGMOID_WRONG,
        hint=(
            "the chain rule: the gradient from above times the sigmoid's own slope at Z, "
            "written with σ(Z).",
            "s = 1 / (1 + np.exp(-Z)); return dA * s * (1 - s).",
        ),
        verbose=verbose,
        reveal=reveal,
    )


# ---- exercise 2: the backward pass of a dense layer -------------------------------------------


def _dense_backward(dZ, X, W):
    return dZ @ W, dZ.T @ X, dZ.sum(axis=0)


def _dense_cases() -> list[Case]:
    rng = np.random.default_rng(7)
    return [
        Case(
            "N=4, D=3, M=2",
            (rng.normal(size=(4, 2)), rng.normal(size=(4, 3)), rng.normal(size=(2, 3))),
        ),
        Case(
            "N=3, D=2, M=2",
            (rng.normal(size=(3, 2)), rng.normal(size=(3, 2)), rng.normal(size=(2, 2))),
        ),
        Case(
            "N=1, D=3, M=4 (one example)",
            (rng.normal(size=(1, 4)), rng.normal(size=(1, 3)), rng.normal(size=(4, 3))),
        ),
    ]


_PARTS = ("dX", "dW", "db")

# (which part, the mistaken formula, its hint)
_DENSE_WRONG = [
    (
        "dW",
        lambda dZ, X, W: X.T @ dZ,
        "dW is transposed: it must have W's shape (M, D), one row per node, so dW = dZ.T @ X.",
    ),
    (
        "dW",
        lambda dZ, X, W: dZ.T @ X / len(X),
        "dW has an extra 1/N: the loss's gradient already holds the average, so the layer just "
        "sums over the examples, dW = dZ.T @ X.",
    ),
    (
        "db",
        lambda dZ, X, W: dZ.mean(axis=0),
        "db takes a mean: the bias is added to every example, so its gradient is the SUM of dZ "
        "over the examples, dZ.sum(axis=0).",
    ),
    (
        "db",
        lambda dZ, X, W: dZ.sum(axis=1),
        "db is summed over the wrong axis: sum over the examples (axis=0), one entry per node, "
        "shape (M,).",
    ),
    (
        "db",
        lambda dZ, X, W: dZ,
        "db must have b's shape (M,): sum dZ over the examples, dZ.sum(axis=0).",
    ),
    (
        "dX",
        lambda dZ, X, W: dZ @ W.T,
        "dX has the wrong product: X (N, D) met W through W.T in the forward pass, so the way "
        "back is dX = dZ @ W, shape (N, D).",
    ),
]


def _part(fn, k: int):
    def part(*args):
        out = fn(*[np.array(a, copy=True) for a in args])
        if not isinstance(out, tuple | list) or len(out) != 3:
            raise TypeError(f"return three arrays (dX, dW, db); got {type(out).__name__}")
        return out[k]

    return part


def check_dense_backward(
    dense_backward_by_hand, verbose: bool = True, reveal: bool = False
) -> CheckResult:
    r"""Check ``dense_backward_by_hand(dZ, X, W)``: the gradients of a dense layer.

    .. math:: dX = dZ\,W, \qquad dW = dZ^\top X, \qquad db = \textstyle\sum_n dZ_{n,:}

    dZ: (N, M); X: (N, D); W: (M, D). Returns (dX, dW, db) of shapes (N, D), (M, D), (M,).
    """
    name = "dense_backward_by_hand"
    cases = _dense_cases()
    if not callable(dense_backward_by_hand):
        return check_function(name, dense_backward_by_hand, None, cases, verbose=verbose)
    lines, hint = [], ""
    tries = wrong_tries(name) + 1  # this call, if it fails; recorded once below
    for k, part in enumerate(_PARTS):
        wrong = [WrongAnswer(h, f) for which, f, h in _DENSE_WRONG if which == part]
        res = check_function(
            name,
            _part(dense_backward_by_hand, k),
            _part(_dense_backward, k),
            [Case(f"{part}, {c.label}", c.args) for c in cases],
            wrong=wrong,
            verbose=False,
            tries=tries,
        )
        if res.status == "not done":
            return res.show() if verbose else res
        lines += res.lines
        if res.status == "failed" and not hint:
            hint = res.hint
    ok = all(line.passed for line in lines)
    tries = attempt(name, ok)
    if not ok and not hint:
        notes = " ".join(line.note for line in lines)
        shape_error = "matmul" in notes or "not aligned" in notes
        hint = pick_hint(
            (
                "every gradient has the shape of what it belongs to: dX (N, D), dW (M, D), "
                "db (M,). Which products of dZ (N, M), X and W give those shapes?",
                ("a shape error in a matrix product: " if shape_error else "")
                + "dX = dZ @ W (N, D), dW = dZ.T @ X (M, D), db = dZ.sum(axis=0) (M,).",
            ),
            tries,
            reveal,
        )
    result = CheckResult(name, "passed" if ok else "failed", lines, "" if ok else hint)
    return result.show() if verbose else result


# ---- exercise 3: which gradient has the planted bug? -----------------------------------------

_OTHERS = (
    "its relative error is tiny (around 1e-10): that gradient agrees with finite differences. "
    "Look for the parameter whose relative error is large (far above 1e-4)."
)


def check_buggy_param(answer, verbose: bool = True, reveal: bool = False) -> CheckResult:
    r"""Check which parameter of ``demos.two_layer.buggy_two_layer_gradients`` has the wrong
    gradient: the one whose relative error against ``numerical_gradient`` is large.

    .. math:: \mathrm{err} = \frac{\max |g_{\text{backprop}} - g_{\text{numerical}}|}
              {\max (|g_{\text{backprop}}| + |g_{\text{numerical}}|)}

    answer: a parameter name, "W1", "b1", "W2" or "b2" (case and spaces ignored).
    """
    if isinstance(answer, str):
        answer = answer.strip().upper().replace("B", "b")
    return check_value(
        "buggy_param",
        answer,
        "W2",
        wrong={name: _OTHERS for name in ("W1", "b1", "b2")},
        hint="compute relative_error(buggy[name], numerical_gradient(...)) for each of W1, b1, W2, "
        "b2, and name the one that is far above 1e-4.",
        label="buggy_param",
        verbose=verbose,
        reveal=reveal,
    )
