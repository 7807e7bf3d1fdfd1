"""Self-checks for lesson 01 (scalars, vectors and matrices).

Exercises: the dot product with a loop (``check_dot``), matrix multiplication with loops
(``check_matmul``), the transpose with loops (``check_transpose``) and predicting the shapes of
products (``check_shapes``). Each recognises the typical wrong answers: an entry-by-entry product
not added up, ``B @ A`` instead of ``A @ B``, a reshape instead of a transpose, rows and columns
swapped in a shape.

The shapes exercise is checked with ``answers.check_answers`` (several named answers, one line
each), which lesson 02 uses too.
"""

import numpy as np

from course_lib.checks.answers import check_answers
from course_lib.checks.core import Case, WrongAnswer, check_function
from course_lib.checks.result import CheckResult

__all__ = ["check_dot", "check_matmul", "check_transpose", "check_shapes"]


# ---- dot product ------------------------------------------------------------------------------

_DOT_CASES = [
    Case("dot([1, 2, 3], [4, 5, 6])", (np.array([1.0, 2, 3]), np.array([4.0, 5, 6]))),
    Case("dot([1, 0], [0, 1])", (np.array([1.0, 0]), np.array([0.0, 1]))),
    Case(
        "dot([2, -1, 0.5, 3], [4, 4, -2, 1])",
        (np.array([2.0, -1, 0.5, 3]), np.array([4.0, 4, -2, 1])),
    ),
]

_DOT_WRONG = [
    WrongAnswer(
        "you returned the products u[k] * v[k] one by one: add them up into a single number.",
        lambda u, v: u * v,
    ),
    WrongAnswer(
        "you added u[k] + v[k]: the dot product MULTIPLIES matching entries, then adds the "
        "products.",
        lambda u, v: float(np.sum(u + v)),
    ),
    WrongAnswer(
        "you multiplied the two sums: multiply entry by entry first (u[k] * v[k]), then add.",
        lambda u, v: float(np.sum(u) * np.sum(v)),
    ),
    WrongAnswer(
        "the last pair is missing: loop over range(len(u)), which already stops before len(u).",
        lambda u, v: float(np.sum(u[:-1] * v[:-1])),
    ),
    WrongAnswer(
        "only the last product is left: `total = u[k] * v[k]` replaces the total at every step; "
        "`total += u[k] * v[k]` adds to it.",
        lambda u, v: float(u[-1] * v[-1]),
    ),
]


def check_dot(dot_loop, reveal: bool = False, verbose: bool = True) -> CheckResult:
    r"""Check ``dot_loop(u, v)``: :math:`u \cdot v = \sum_k u_k v_k`, u and v of shape (n,)."""
    return check_function(
        "dot_loop",
        dot_loop,
        lambda u, v: float(u @ v),
        _DOT_CASES,
        wrong=_DOT_WRONG,
        hint=(
            "a dot product is ONE number: the products of matching entries, added up.",
            "start a total at 0, then for each k add u[k] * v[k]; return the total.",
        ),
        verbose=verbose,
        reveal=reveal,
    )


# ---- matrix product ---------------------------------------------------------------------------

_A58 = np.array([[1.0, 2, 3], [4, 5, 6]])
_B58 = np.array([[7.0, 8], [9, 10], [11, 12]])
_SQ_A = np.array([[1.0, 2], [3, 4]])
_SQ_B = np.array([[0.0, 1], [-1, 2]])
_MATMUL_CASES = [
    Case("matmul(A, B): (2, 3) @ (3, 2), the 58 example", (_A58, _B58)),
    Case("matmul(A, B): (2, 2) @ (2, 2)", (_SQ_A, _SQ_B)),
    Case(
        "matmul(A, B): (3, 3) @ (3, 3)",
        (np.arange(9.0).reshape(3, 3), np.array([[1.0, 0, 2], [0, 1, 0], [3, 0, 1]])),
    ),
]

_MATMUL_WRONG = [
    WrongAnswer(
        "you computed B @ A: order matters, AB ≠ BA. Entry (i, j) is row i of A with "
        "column j of B.",
        lambda A, B: B @ A,
    ),
    WrongAnswer(
        "you multiplied entry by entry (A * B): each entry of A @ B is a dot product of a row of A "
        "and a column of B.",
        lambda A, B: A * B,
    ),
    WrongAnswer(
        "your result is transposed ((A @ B).T): put the dot product of row i and column j in "
        "out[i, j], with out of shape (rows of A, columns of B).",
        lambda A, B: (A @ B).T,
    ),
    WrongAnswer(
        "each entry holds only the last product A[i, k] * B[k, j]: `out[i, j] = ...` replaces "
        "the entry at every k; `out[i, j] += ...` adds the products up.",
        lambda A, B: np.outer(A[:, -1], B[-1]),
    ),
]


def check_matmul(matmul_loop, reveal: bool = False, verbose: bool = True) -> CheckResult:
    r"""Check ``matmul_loop(A, B)``: :math:`(AB)_{ij} = \sum_k A_{ik} B_{kj}`.

    A: (m, n), B: (n, p); the result has shape (m, p).
    """
    return check_function(
        "matmul_loop",
        matmul_loop,
        lambda A, B: A @ B,
        _MATMUL_CASES,
        wrong=_MATMUL_WRONG,
        hint=(
            "entry (i, j) of the result is the dot product of row i of A with COLUMN j of B; the "
            "result has as many rows as A and as many columns as B.",
            "make out = np.zeros((A.shape[0], B.shape[1])); out[i, j] is the sum over k of "
            "A[i, k] * B[k, j]: row i of A with COLUMN j of B.",
        ),
        verbose=verbose,
        reveal=reveal,
    )


# ---- transpose --------------------------------------------------------------------------------

_T_CASES = [
    Case("transpose of the 2x3 [[6, 4, 24], [1, -9, 8]]", (np.array([[6.0, 4, 24], [1, -9, 8]]),)),
    Case("transpose of a 3x2", (np.array([[1.0, 2], [3, 4], [5, 6]]),)),
    Case("transpose of a 1x4 row", (np.array([[1.0, 2, 3, 4]]),)),
]

_T_WRONG = [
    WrongAnswer(
        "you reshaped instead of transposing: reshape keeps the numbers in reading order and only "
        "re-cuts the rows. The transpose turns row i into column i: out[j, i] = A[i, j].",
        lambda A: A.reshape(A.shape[1], A.shape[0]),
    ),
    WrongAnswer("you returned A unchanged: row i of A must become column i.", lambda A: A),
]


def check_transpose(transpose_loop, reveal: bool = False, verbose: bool = True) -> CheckResult:
    r"""Check ``transpose_loop(A)``: :math:`(A^\top)_{ji} = A_{ij}`, (m, n) → (n, m)."""
    return check_function(
        "transpose_loop",
        transpose_loop,
        lambda A: A.T,
        _T_CASES,
        wrong=_T_WRONG,
        hint=(
            "row i of A becomes column i of the result, which has the shape (n, m).",
            "make out = np.zeros((n, m)) and set out[j, i] = A[i, j] for every i, j.",
        ),
        verbose=verbose,
        reveal=reveal,
    )


def _plain(value):
    """A list of whole numbers counts as the tuple it stands for when matching known slips."""
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, np.integer):
        return int(value)
    return value


_SHAPES = {
    "A @ B": (4, 2),
    "B.T @ A.T": (2, 4),
    "B @ A": "error",
    "x @ W.T + b": (1, 5),
}
_SHAPES_WRONG = {
    "A @ B": {
        (3, 3): "the inner sizes must MATCH and then disappear: which two numbers of "
        "(4, 3) @ (3, 2) are left?",
        (2, 4): "rows and columns swapped: the result has as many rows as A and as many columns "
        "as B.",
    },
    "B @ A": {
        (3, 3): "B is (3, 2) and A is (4, 3): compare the columns of B with the rows of A. Are "
        "they equal?",
        (2, 4): "B is (3, 2) and A is (4, 3): compare the columns of B with the rows of A. Are "
        "they equal?",
        (3, 4): "B is (3, 2) and A is (4, 3): compare the columns of B with the rows of A. Are "
        "they equal?",
    },
    "B.T @ A.T": {
        (4, 2): "write down the shapes of B.T and A.T first (a transpose swaps the two numbers), "
        "then apply the rule.",
        (3, 3): "write down the shapes of B.T and A.T first (a transpose swaps the two numbers), "
        "then apply the rule.",
    },
    "x @ W.T + b": {
        (5, 1): "W.T is (3, 5): how many rows does x have, and how many columns does W.T have?",
        (1, 3): "each of the 5 rows of W (one per node) gives one number per row of x.",
        "error": "W.T is (3, 5), so x @ W.T exists; adding b, shape (5,), keeps its shape.",
    },
}


def check_shapes(shapes, reveal: bool = False, verbose: bool = True) -> CheckResult:
    """Check the predicted shapes, with A (4, 3), B (3, 2), x (1, 3), W (5, 3), b (5,).

    ``shapes`` maps each expression to a shape tuple, or to ``"error"`` if it cannot be computed.
    """
    return check_answers(
        "shapes",
        shapes,
        _SHAPES,
        _SHAPES_WRONG,
        hint="for P @ Q the columns of P must equal the rows of Q; (m, n) @ (n, p) → (m, p).",
        reveal=reveal,
        verbose=verbose,
    )
