"""The linear algebra a neural network needs, written as plain Python loops for teaching.

Each function spells out, entry by entry, what its NumPy counterpart does in one call, and gives
the same numbers: ``scalar_multiply(c, A) == c * A``, ``add(A, B) == A + B``,
``dot(u, v) == u @ v``, ``matmul(A, B) == A @ B``, ``transpose(A) == A.T``.
``matmul_steps(A, B)`` records every step of a matrix product, for animations and exercises.

Shapes: vectors are 1-D (n,), matrices 2-D (m, n). For ``A @ B`` the number of COLUMNS of A must
equal the number of ROWS of B: (m, n) @ (n, p) -> (m, p).

Limits: these loops are slow (use NumPy's ``@`` for real work); inputs must be finite real
numbers, and there is no broadcasting (add needs two arrays of the same shape).
"""

from dataclasses import dataclass

import numpy as np

from course_lib._checked import checked
from course_lib._validation import as_array

__all__ = ["scalar_multiply", "add", "dot", "matmul", "transpose", "matmul_steps", "MatmulStep"]


def _scalar(func: str, c) -> float:
    if isinstance(c, bool) or not isinstance(c, int | float | np.integer | np.floating):
        raise TypeError(
            f"{func}: c should be one real number such as 2 or 0.5, got {type(c).__name__}."
        )
    if not np.isfinite(c):
        raise ValueError(f"{func}: c is {c}; it must be a finite number.")
    return float(c)


@checked(_finite=True)
def scalar_multiply(c, A) -> np.ndarray:
    r"""Multiply every entry of a vector or matrix by the number c.

    .. math:: (cA)_{ij} = c\,A_{ij}

    c: a real number; A: shape (n,) or (m, n). Returns an array of A's shape.
    """
    c = _scalar("scalar_multiply", c)
    A = as_array("scalar_multiply", "A", A, ndim=(1, 2), allow_empty=True)
    out = np.zeros(A.shape)
    for idx in np.ndindex(A.shape):
        out[idx] = c * float(A[idx])
    return out


@checked(_finite=True)
def add(A, B) -> np.ndarray:
    r"""Add two vectors or matrices of the same shape, entry by entry.

    .. math:: (A + B)_{ij} = A_{ij} + B_{ij}

    A, B: the same shape, (n,) or (m, n). Returns an array of that shape.
    """
    A = as_array("add", "A", A, ndim=(1, 2), allow_empty=True)
    B = as_array("add", "B", B, ndim=(1, 2), allow_empty=True)
    if A.shape != B.shape:
        raise ValueError(
            f"add: A has shape {A.shape} and B has shape {B.shape}; to add two "
            "arrays entry by entry they must have the same shape."
        )
    out = np.zeros(A.shape)
    for idx in np.ndindex(A.shape):
        out[idx] = float(A[idx]) + float(B[idx])
    return out


@checked(_finite=True)
def dot(u, v) -> float:
    r"""Dot product of two vectors: multiply matching entries, then add them up.

    .. math:: u \cdot v = \sum_{k=1}^{n} u_k v_k

    u, v: vectors of the same length, shape (n,). Returns a float.
    """
    u = as_array("dot", "u", u, ndim=1, allow_empty=True)
    v = as_array("dot", "v", v, ndim=1, allow_empty=True)
    if u.shape != v.shape:
        raise ValueError(
            f"dot: u has length {u.shape[0]} and v has length {v.shape[0]}; a dot "
            "product pairs entries one to one, so both need the same length."
        )
    total = 0.0
    for k in range(u.shape[0]):
        total += float(u[k]) * float(v[k])
    return total


def _check_matmul(func: str, A, B) -> tuple[np.ndarray, np.ndarray]:
    A = as_array(func, "A", A, ndim=2, allow_empty=True)
    B = as_array(func, "B", B, ndim=2, allow_empty=True)
    if A.shape[1] != B.shape[0]:
        raise ValueError(
            f"{func}: A has shape {A.shape} and B has shape {B.shape}; for A @ B the number of "
            f"columns of A ({A.shape[1]}) must equal the number of rows of B ({B.shape[0]})."
        )
    return A, B


@checked(_finite=True)
def matmul(A, B) -> np.ndarray:
    r"""Matrix product: entry (i, j) is the dot product of row i of A with column j of B.

    .. math:: (AB)_{ij} = \sum_{k=1}^{n} A_{ik} B_{kj}

    A: (m, n); B: (n, p). Returns an (m, p) array. Columns of A must equal rows of B.
    """
    A, B = _check_matmul("matmul", A, B)
    m, n = A.shape
    p = B.shape[1]
    out = np.zeros((m, p))
    for i in range(m):
        for j in range(p):
            total = 0.0
            for k in range(n):
                total += float(A[i, k]) * float(B[k, j])
            out[i, j] = total
    return out


@checked(_finite=True)
def transpose(A) -> np.ndarray:
    r"""Transpose: rows become columns, so an (m, n) matrix becomes (n, m).

    .. math:: (A^\top)_{ij} = A_{ji}

    A: (m, n). Returns an (n, m) array. (A 1-D vector has no rows and columns to swap; make it
    a row with A.reshape(1, -1) first.)
    """
    A = as_array("transpose", "A", A, ndim=2, allow_empty=True)
    m, n = A.shape
    out = np.zeros((n, m))
    for i in range(m):
        for j in range(n):
            out[j, i] = float(A[i, j])
    return out


@dataclass(frozen=True)
class MatmulStep:
    """One entry of a matrix product: out[i, j] = sum(products) = total.

    row: row i of A; col: column j of B; products: row[k] * col[k] for each k (all tuples).
    """

    i: int
    j: int
    row: tuple
    col: tuple
    products: tuple
    total: float


@checked(_finite=True)
def matmul_steps(A, B) -> list[MatmulStep]:
    r"""Every step of A @ B, one per output entry in row-major order (row 0 first).

    .. math:: \text{step}(i, j):\quad (AB)_{ij} = \sum_k A_{ik} B_{kj}

    A: (m, n); B: (n, p). Returns a list of m * p ``MatmulStep`` records; step.total equals
    ``matmul(A, B)[step.i, step.j]``.
    """
    A, B = _check_matmul("matmul_steps", A, B)
    steps = []
    for i in range(A.shape[0]):
        for j in range(B.shape[1]):
            row = tuple(float(a) for a in A[i, :])
            col = tuple(float(b) for b in B[:, j])
            products = tuple(a * b for a, b in zip(row, col, strict=True))
            total = 0.0
            for value in products:
                total += value
            steps.append(MatmulStep(i, j, row, col, products, total))
    return steps
