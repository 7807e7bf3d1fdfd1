"""Pictures for the linear-algebra lessons: vectors as arrows, matrices and tensors as grids.

Matrices are drawn the way they are written, row 0 at the top, one Rectangle and one Text
per entry, so a lesson can light up the row and column that make one entry of ``A @ B``.
``update_matrix`` changes those same artists in place (for sliders and animations).
Meant for small arrays (up to about 10 x 10); larger ones become unreadable.
"""

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Rectangle

from course_lib._argspec import AXES, INDEX, TEXT, TEXTS, array, optional
from course_lib._checked import checked

from .._validation import as_array
from .style import COLORS, PALETTE, fmt_value, get_ax, handles, store

__all__ = ["plot_vectors", "update_vectors", "plot_matrix", "update_matrix", "plot_tensor"]


def _vectors_2d(func: str, vectors) -> np.ndarray:
    V = as_array(func, "vectors", vectors, ndim=(1, 2))
    V = V.reshape(1, -1) if V.ndim == 1 else V
    if V.shape[1] != 2:
        raise ValueError(
            f"{func}: vectors has shape {V.shape}; expected 2-D vectors, one per row, shape (K, 2)."
        )
    return V


def _set_vector_limits(ax, origin: np.ndarray, tips: np.ndarray) -> None:
    pts = np.vstack([origin, tips, [0.0, 0.0]])
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    pad = 0.15 * max(float(np.max(hi - lo)), 1.0)
    ax.set_xlim(lo[0] - pad, hi[0] + pad)
    ax.set_ylim(lo[1] - pad, hi[1] + pad)


@checked(ax=optional(AXES), labels=optional(TEXTS), origin=array(ndim=1), colors=optional(TEXTS))
def plot_vectors(vectors, ax=None, labels=None, origin=(0.0, 0.0), colors=None):
    r"""Draw 2-D vectors as arrows from ``origin``, on equal axes with a grid.

    A vector :math:`\mathbf{v} = (v_1, v_2)` is the arrow from the origin to the point
    :math:`(v_1, v_2)`. ``vectors`` has shape (K, 2) (or (2,) for one vector); ``labels`` is a
    list of K strings written at the tips. Returns the Axes; the arrows and labels are kept in
    ``ax.course_artists`` for ``update_vectors``.
    """
    func = "plot_vectors"
    V = _vectors_2d(func, vectors)
    o = as_array(func, "origin", origin, ndim=1)
    if labels is not None and len(labels) != len(V):
        raise ValueError(f"{func}: {len(V)} vectors but {len(labels)} labels; give one per vector.")
    ax = get_ax(ax, (4.5, 4.5))
    colors = colors or [PALETTE[k % len(PALETTE)] for k in range(len(V))]
    arrows, texts = [], []
    for k, v in enumerate(V):
        tip = o + v
        arrow = FancyArrowPatch(
            tuple(o), tuple(tip), arrowstyle="-|>", mutation_scale=15, lw=2, color=colors[k]
        )
        ax.add_patch(arrow)
        arrows.append(arrow)
        if labels is not None:
            texts.append(ax.text(*tip, f" {labels[k]}", color=colors[k], va="bottom"))
    ax.set_aspect("equal", adjustable="box")
    ax.grid(True)
    ax.axhline(0, color=COLORS["grey"], lw=0.8)
    ax.axvline(0, color=COLORS["grey"], lw=0.8)
    _set_vector_limits(ax, o, o + V)
    store(ax, "vectors", arrows=arrows, texts=texts, origin=o, title=ax.title)
    return ax


@checked(ax=AXES)
def update_vectors(ax, vectors):
    """Move the arrows drawn by ``plot_vectors`` to new vectors (same count, shape (K, 2))."""
    func = "update_vectors"
    arts = handles(ax, "vectors", func)
    V = _vectors_2d(func, vectors)
    if len(V) != len(arts["arrows"]):
        raise ValueError(f"{func}: the plot has {len(arts['arrows'])} arrows but {len(V)} vectors.")
    o = arts["origin"]
    for k, v in enumerate(V):
        arts["arrows"][k].set_positions(tuple(o), tuple(o + v))
        if arts["texts"]:
            arts["texts"][k].set_position(tuple(o + v))
    _set_vector_limits(ax, o, o + V)
    return ax


def _matrix_2d(func: str, M) -> np.ndarray:
    A = as_array(func, "M", M, ndim=(1, 2))
    return A.reshape(1, -1) if A.ndim == 1 else A


def _draw_brackets(ax, x0: float, y0: float, rows: int, cols: int, color="black", zorder=3):
    """Square brackets around a rows x cols grid whose top-left corner is (x0, y0)."""
    t = 0.15
    top, bottom, left, right = y0, y0 + rows, x0, x0 + cols
    xs_l = [left + t, left, left, left + t]
    xs_r = [right - t, right, right, right - t]
    ys = [top, top, bottom, bottom]
    for xs in (xs_l, xs_r):
        ax.add_line(Line2D(xs, ys, color=color, lw=1.5, zorder=zorder))


def _highlight_colors(shape, row, col, cell) -> np.ndarray:
    colors = np.full(shape, "white", dtype=object)
    if row is not None:
        colors[row, :] = COLORS["highlight"]
    if col is not None:
        colors[:, col] = COLORS["highlight"]
    if row is not None and col is not None:
        colors[row, col] = COLORS["highlight_strong"]
    if cell is not None:
        colors[cell[0], cell[1]] = COLORS["highlight_strong"]
    return colors


def _check_highlight(func, shape, row, col, cell) -> None:
    R, C = shape
    if row is not None and not -R <= row < R:
        raise ValueError(f"{func}: highlight_row={row} but the matrix has {R} rows (0..{R - 1}).")
    if col is not None and not -C <= col < C:
        raise ValueError(
            f"{func}: highlight_col={col} but the matrix has {C} columns (0..{C - 1})."
        )
    if cell is not None and (len(cell) != 2 or not (-R <= cell[0] < R and -C <= cell[1] < C)):
        raise ValueError(f"{func}: highlight_cell={cell} is not a (row, col) inside shape {shape}.")


@checked(
    ax=optional(AXES),
    highlight_row=optional(INDEX),
    highlight_col=optional(INDEX),
    highlight_cell=optional(array(ndim=1, shape=(2,))),
    title=optional(TEXT),
    fmt=optional(TEXT),
)
def plot_matrix(
    M, ax=None, highlight_row=None, highlight_col=None, highlight_cell=None, title=None, fmt=None
):
    r"""Draw a matrix as a grid of its numbers, optionally lighting up a row, column or cell.

    ``M`` has shape (R, C) (a 1-D array is drawn as one row). Entry :math:`M_{ij}` sits in row i
    (counted from the top) and column j. ``fmt`` is a format string such as ``"{:.2f}"`` or a
    function; by default whole numbers print without decimals. The default title is the shape.
    Returns the Axes; cells and texts are kept for ``update_matrix``.
    """
    func = "plot_matrix"
    A = _matrix_2d(func, M)
    R, C = A.shape
    _check_highlight(func, A.shape, highlight_row, highlight_col, highlight_cell)
    ax = get_ax(ax, (min(0.7 * C + 0.8, 10), min(0.55 * R + 0.8, 8)))
    colors = _highlight_colors(A.shape, highlight_row, highlight_col, highlight_cell)
    cells = np.empty((R, C), dtype=object)
    texts = np.empty((R, C), dtype=object)
    for i in range(R):
        for j in range(C):
            rect = Rectangle((j, i), 1, 1, facecolor=colors[i, j], edgecolor="#DDDDDD", lw=0.8)
            ax.add_patch(rect)
            cells[i, j] = rect
            texts[i, j] = ax.text(
                j + 0.5, i + 0.5, fmt_value(A[i, j], fmt), ha="center", va="center"
            )
    _draw_brackets(ax, 0, 0, R, C)
    ax.set_xlim(-0.3, C + 0.3)
    ax.set_ylim(R + 0.3, -0.3)  # row 0 at the top, as on paper
    ax.set_aspect("equal")
    ax.axis("off")
    title_artist = ax.set_title(title if title is not None else f"shape ({R}, {C})")
    store(ax, "matrix", cells=cells, texts=texts, title=title_artist, fmt=fmt, shape=(R, C))
    return ax


@checked(
    ax=AXES,
    highlight_row=optional(INDEX),
    highlight_col=optional(INDEX),
    highlight_cell=optional(array(ndim=1, shape=(2,))),
    title=optional(TEXT),
)
def update_matrix(
    ax, M=None, highlight_row=None, highlight_col=None, highlight_cell=None, title=None
):
    """Change the numbers (same shape) and/or highlights of a ``plot_matrix`` Axes in place.

    ``M=None`` keeps the numbers; the highlights are set exactly as given (None = none);
    ``title=None`` keeps the title.
    """
    func = "update_matrix"
    arts = handles(ax, "matrix", func)
    shape = arts["shape"]
    _check_highlight(func, shape, highlight_row, highlight_col, highlight_cell)
    if M is not None:
        A = _matrix_2d(func, M)
        if A.shape != shape:
            raise ValueError(f"{func}: M has shape {A.shape} but the plot shows shape {shape}.")
        for (i, j), text in np.ndenumerate(arts["texts"]):
            text.set_text(fmt_value(A[i, j], arts["fmt"]))
    colors = _highlight_colors(shape, highlight_row, highlight_col, highlight_cell)
    for (i, j), rect in np.ndenumerate(arts["cells"]):
        rect.set_facecolor(colors[i, j])
    if title is not None:
        arts["title"].set_text(title)
    return ax


#: Face of a tensor cell: white but see-through, so the entries of the slices behind show.
TENSOR_CELL_FACE = (1.0, 1.0, 1.0, 0.6)


@checked(ax=optional(AXES), fmt=optional(TEXT), title=optional(TEXT))
def plot_tensor(T, ax=None, fmt=None, title=None):
    r"""Draw a 3-D tensor as a stack of matrices, each slice offset behind the one before.

    ``T`` has shape (K, R, C): K slices, each an (R, C) matrix; slice ``T[0]`` is in front.
    (A 2-D array is drawn as one slice.) Slice k is labelled ``[k]``, and its entries are written
    in its colour. Cells are see-through (``TENSOR_CELL_FACE``), so the entries of the slices
    behind stay readable between the front ones. The default title is the shape. Returns the
    Axes; the slices' cells and texts are in ``ax.course_artists``.
    """
    func = "plot_tensor"
    A = as_array(func, "T", T, ndim=(2, 3))
    A = A[None] if A.ndim == 2 else A
    K, R, C = A.shape
    step = 0.6  # offset of each slice, in cells, up and to the right
    ax = get_ax(ax, (min(0.7 * (C + step * K) + 0.8, 10), min(0.55 * (R + step * K) + 0.8, 8)))
    cells, texts = [], []
    for k in reversed(range(K)):  # back to front, so the front slice covers the others
        x0, y0 = k * step, -k * step
        z = 2 * (K - k)
        edge = PALETTE[k % len(PALETTE)]
        slice_cells, slice_texts = [], []
        for i in range(R):
            for j in range(C):
                rect = Rectangle(
                    (x0 + j, y0 + i),
                    1,
                    1,
                    facecolor=TENSOR_CELL_FACE,
                    edgecolor=edge,
                    lw=1.0,
                    zorder=z,
                )
                ax.add_patch(rect)
                slice_cells.append(rect)
                slice_texts.append(
                    ax.text(
                        x0 + j + 0.5,
                        y0 + i + 0.5,
                        fmt_value(A[k, i, j], fmt),
                        ha="center",
                        va="center",
                        color="black" if k == 0 else edge,
                        zorder=z + 1,
                    )
                )
        ax.text(x0 - 0.08, y0 + 0.5, f"[{k}]", color=edge, ha="right", va="center", zorder=z + 1)
        cells.insert(0, slice_cells)
        texts.insert(0, slice_texts)
    ax.set_xlim(-0.8, C + step * (K - 1) + 0.3)
    ax.set_ylim(R + 0.3, -step * (K - 1) - 0.3)
    ax.set_aspect("equal")
    ax.axis("off")
    title_artist = ax.set_title(title if title is not None else f"tensor of shape ({K}, {R}, {C})")
    store(ax, "tensor", cells=cells, texts=texts, title=title_artist, shape=(K, R, C))
    return ax
