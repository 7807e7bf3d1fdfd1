r"""Matrix operations split into the steps a person does by hand (the lesson 1-2 explorer).

``matrix_op_steps`` turns a scalar multiple, a sum, a product or a transpose into a list of
:class:`OpStep`: which cells of A and B are read, which cell of the result is written, and the
arithmetic of that step as a string (``1·7 + 2·9 + 3·11 = 7 + 18 + 33 = 58``). ``fmt`` writes a
number the way a person would. No matplotlib, no ipywidgets: the explorer in
``course_lib.widgets.matrix_ops`` only draws what this module returns.

Shapes: A is (m, n); B is (m, n) for a sum and (n, p) for a product; the result is (m, n),
(m, p) or (n, m) for the transpose. The product's maths and shape messages come from
``linalg.matmul_steps``.

Limits: meant for small matrices (a few rows and columns); the text is formatted for reading,
not for full precision.
"""

from typing import NamedTuple

import numpy as np

from course_lib._argspec import NUMBER
from course_lib._checked import checked
from course_lib._validation import as_array

__all__ = ["OPERATIONS", "OpStep", "default_matrices", "matrix_op_steps", "fmt"]

OPERATIONS = ("scalar", "add", "multiply", "transpose")


@checked(v=NUMBER)
def fmt(v: float) -> str:
    """A number as a person would write it: ``58`` for 58.0, ``0.25`` for 0.25, ``-1.5``."""
    v = float(v)
    if v == int(v) and abs(v) < 1e6:
        return str(int(v))
    return f"{v:.3g}"


def _term(v: float) -> str:
    """A number inside a sum or product: negative ones in brackets, ``(-1)``."""
    return f"({fmt(v)})" if v < 0 else fmt(v)


class OpStep(NamedTuple):
    """One step of a matrix operation, ready to draw.

    a_cells, b_cells: the (row, column) cells of A and B used in this step (B: none for scalar
    and transpose). out_cells: the cells of the result written in this step. filled: bool
    array, shape of the result, True for every entry written up to and including this step.
    result: the full result matrix. text: the arithmetic of this step, e.g.
    ``1·7 + 2·9 + 3·11 = 7 + 18 + 33 = 58``. running: running sums of a multiplication step.
    """

    a_cells: tuple
    b_cells: tuple
    out_cells: tuple
    filled: np.ndarray
    result: np.ndarray
    text: str
    running: tuple = ()


def default_matrices(operation: str) -> tuple[np.ndarray, np.ndarray | None]:
    r"""The source sheet's example for ``operation``: ``(A, B)`` (B is None when unused).

    .. math:: \text{multiply: } (2\times3)(3\times2), \; 1\cdot7 + 2\cdot9 + 3\cdot11 = 58

    scalar: 2 x a 2x2 matrix with top-left 4 (-> 8); add: top-left 3 + 4 = 7; transpose: a
    2x3 matrix whose first row (6, 4, 24) becomes the first column of its 3x2 transpose.
    """
    op = _check_operation("default_matrices", operation)
    if op == "multiply":
        return np.array([[1.0, 2, 3], [4, 5, 6]]), np.array([[7.0, 8], [9, 10], [11, 12]])
    if op == "scalar":
        return np.array([[4.0, 1], [3, 5]]), None
    if op == "add":
        return np.array([[3.0, 1], [0, 2]]), np.array([[4.0, 5], [6, -1]])
    return np.array([[6.0, 4, 24], [1, -9, 8]]), None


def _check_operation(func: str, operation) -> str:
    if operation not in OPERATIONS:
        raise ValueError(
            f"{func}: operation should be one of {', '.join(map(repr, OPERATIONS))}, "
            f"got {operation!r}."
        )
    return operation


@checked(_finite=True, c=NUMBER)
def matrix_op_steps(operation: str, A, B=None, c: float = 2.0) -> list[OpStep]:
    r"""Split a matrix operation into the steps a person would do by hand.

    .. math:: (cA)_{ij} = c\,A_{ij}, \quad (A+B)_{ij} = A_{ij} + B_{ij}, \quad
              (AB)_{ij} = \sum_k A_{ik} B_{kj}, \quad (A^\top)_{ji} = A_{ij}

    A: (m, n). B: (m, n) for "add", (n, p) for "multiply", ignored otherwise. c: the scalar.
    One step per result entry (row by row) for scalar, add and multiply; one step per row of A
    for transpose (row i of A becomes column i of A^T). Returns a list of :class:`OpStep`.
    Mismatched shapes raise ValueError naming both shapes (for multiply: the message of
    ``linalg.matmul_steps``, columns of A must equal rows of B).
    """
    op = _check_operation("matrix_op_steps", operation)
    A = as_array("matrix_op_steps", "A", A, ndim=2)
    if op == "multiply":
        return _multiply_steps(A, B)
    if op == "add":
        B = as_array("matrix_op_steps", "B", B, ndim=2)
        if A.shape != B.shape:
            raise ValueError(
                f"matrix_op_steps: A has shape {A.shape} but B has shape {B.shape}; matrix "
                "addition adds entries in the same position, so both must have the same shape."
            )
        result = A + B
        texts = {
            (i, j): f"{fmt(A[i, j])} + {_term(B[i, j])} = {fmt(result[i, j])}"
            for i in range(A.shape[0])
            for j in range(A.shape[1])
        }
        return _entry_steps(result, texts, with_b=True)
    if op == "scalar":
        c = float(as_array("matrix_op_steps", "c", c, ndim=0))
        result = c * A
        texts = {
            (i, j): f"{fmt(c)} × {_term(A[i, j])} = {fmt(result[i, j])}"
            for i in range(A.shape[0])
            for j in range(A.shape[1])
        }
        return _entry_steps(result, texts, with_b=False)
    return _transpose_steps(A)


def _entry_steps(result: np.ndarray, texts: dict, with_b: bool) -> list[OpStep]:
    filled = np.zeros(result.shape, dtype=bool)
    steps = []
    for (i, j), text in texts.items():
        filled[i, j] = True
        cell = ((i, j),)
        steps.append(OpStep(cell, cell if with_b else (), cell, filled.copy(), result, text))
    return steps


def _multiply_steps(A: np.ndarray, B) -> list[OpStep]:
    from course_lib.linalg import matmul_steps  # the linalg module owns the maths and messages

    raw = list(matmul_steps(A, B))
    B = np.asarray(B, dtype=np.float64)
    result = np.zeros((A.shape[0], B.shape[1]))
    for s in raw:
        result[s.i, s.j] = s.total
    filled = np.zeros(result.shape, dtype=bool)
    steps = []
    for s in raw:
        filled[s.i, s.j] = True
        products = np.asarray(s.products, dtype=np.float64)
        terms = " + ".join(f"{_term(a)}·{_term(b)}" for a, b in zip(s.row, s.col, strict=True))
        sums = " + ".join(_term(p) for p in products)
        text = (
            f"{terms} = {sums} = {fmt(s.total)}"
            if products.size > 1
            else f"{terms} = {fmt(s.total)}"
        )
        n = A.shape[1]
        steps.append(
            OpStep(
                tuple((s.i, k) for k in range(n)),
                tuple((k, s.j) for k in range(n)),
                ((s.i, s.j),),
                filled.copy(),
                result,
                text,
                tuple(np.cumsum(products)),
            )
        )
    return steps


def _transpose_steps(A: np.ndarray) -> list[OpStep]:
    result = A.T.copy()
    filled = np.zeros(result.shape, dtype=bool)
    steps = []
    m, n = A.shape
    for i in range(m):
        filled[:, i] = True
        row = ", ".join(fmt(v) for v in A[i])
        text = f"row {i} of A ({row}) becomes column {i} of Aᵀ"  # numbered from 0, as NumPy
        steps.append(
            OpStep(
                tuple((i, k) for k in range(n)),
                (),
                tuple((k, i) for k in range(n)),
                filled.copy(),
                result,
                text,
            )
        )
    return steps
