"""Lesson 1 explorer: matrix operations (scalar multiple, sum, product, transpose) step by step.

The figure shows the operands and the result as grids of numbers (``plotting.plot_matrix``).
A step slider (with a Play button) walks through the result one entry at a time (transpose:
one row at a time), lighting up the entries used in that step; the caption writes the step's
arithmetic, e.g. ``1·7 + 2·9 + 3·11 = 7 + 18 + 33 = 58`` and the running sums ``7 → 25 → 58``.
The steps come from the pure function ``demos.matrix_ops.matrix_op_steps`` (which uses
``linalg.matmul_steps``); the slider only restyles the cells and rewrites texts in place,
and each (operation, step) picture, once drawn, is kept and put back when the step returns
(``figure_updates.Blitter``). Changing the operation redraws the grids (their shapes change).
"""

import numpy as np

from course_lib._argspec import NUMBER, choice
from course_lib._checked import checked
from course_lib._validation import as_array
from course_lib.demos.matrix_ops import OPERATIONS, default_matrices, fmt, matrix_op_steps
from course_lib.plotting import plot_matrix, update_matrix
from course_lib.plotting.figure_updates import Blitter, freeze_layout
from course_lib.widgets._base import explorer_box, mark_main, mark_play, new_figure

__all__ = ["matrix_ops_explorer", "matrix_ops_static", "operands"]

_SYMBOLS = {"scalar": ("×", "="), "add": ("+", "="), "multiply": ("·", "="), "transpose": ("→", "")}
_NAMES = {"scalar": "cA", "add": "A + B", "multiply": "AB", "transpose": "Aᵀ"}
_LABELS = {
    "scalar": "scalar × matrix",
    "add": "matrix + matrix",
    "multiply": "matrix × matrix",
    "transpose": "transpose",
}


@checked(operation=choice("scalar", "add", "multiply", "transpose"))
def operands(operation: str, A=None, B=None) -> tuple[np.ndarray, np.ndarray | None]:
    """The matrices an operation uses: the given ones, else the source sheet's example.

    A None A or B falls back to the sheet's example for that operation; when only A is given,
    B falls back to the example if its shape fits, else to ``A.T`` (multiply) or a matrix of
    ones (add), so every operation can be shown. Explicit A and B are used as given.
    """
    dA, dB = default_matrices(operation)
    A = dA if A is None else as_array("matrix_ops_explorer", "A", A, ndim=2)
    if operation in ("scalar", "transpose"):
        return A, None
    if B is not None:
        return A, as_array("matrix_ops_explorer", "B", B, ndim=2)
    if operation == "multiply":
        return A, dB if dB.shape[0] == A.shape[1] else A.T.copy()
    return A, dB if dB.shape == A.shape else np.ones_like(A)


# The explorer's figure: the step's arithmetic is in the caption, not above the panels.
_HEIGHT, _TOP = 2.2, 0.84


def _key(h: dict, k: int) -> tuple:
    """All the explorer's picture depends on (its matrices are fixed): operation and step."""
    n = len(h["steps"])
    return (h["op"], int(np.clip(k, 0, n - 1)) if n else None)


def _shape(M) -> str:
    return f"{M.shape[0]}×{M.shape[1]}"


def _draw(fig, operation: str, A, B, c, top: float = 0.72, title: bool = True) -> dict:
    """Clear ``fig`` and draw the operands and result of ``operation``; returns the handles.

    ``top``: the top of the panels (figure fraction); ``title``: a title above the panels for
    the step's arithmetic (the static figure's; the explorer writes it in its caption).
    """
    fig.clear()
    left = np.array([[c]]) if operation == "scalar" else A
    right = None if operation == "transpose" else (A if operation == "scalar" else B)
    try:
        steps = matrix_op_steps(operation, A, B, c)
        error = None
        result = steps[0].result
    except ValueError as exc:
        steps, error, result = [], str(exc), None
    panels = [left, None, right, None, result]
    widths = [p.shape[1] if p is not None else 0.9 for p in panels]
    if right is None:
        widths[2] = widths[3] = 0.05
    grid = {"width_ratios": widths, "wspace": 0.05, "top": top, "bottom": 0.04}
    axes = fig.subplots(1, 5, gridspec_kw=grid)
    sym1, sym2 = _SYMBOLS[operation]
    names = {"scalar": ("c", "A"), "transpose": ("A", "")}.get(operation, ("A", "B"))
    for ax, panel, name in zip(axes[::2], panels[::2], (*names, _NAMES[operation]), strict=True):
        if panel is None:
            ax.axis("off")
            continue
        plot_matrix(panel, ax=ax, title=f"{name}  ({_shape(panel)})" if name != "c" else "c")
    for ax, sym in ((axes[1], sym1), (axes[3], sym2)):
        ax.axis("off")
        ax.text(0.5, 0.5, sym, ha="center", va="center", fontsize=20, transform=ax.transAxes)
    title = fig.suptitle("", fontsize=12) if title else None
    return {"axes": axes, "steps": steps, "error": error, "title": title, "op": operation}


def _show_step(h: dict, k: int) -> str:
    """Light up step ``k`` of the drawn operation; returns the caption's HTML."""
    steps, op = h["steps"], h["op"]
    if not steps:
        if h["title"] is not None:
            h["title"].set_text("shapes do not fit")
        return f"<b style='color:#D55E00'>{h['error']}</b>"
    k = int(np.clip(k, 0, len(steps) - 1))
    s = steps[k]
    ax_a, _, ax_b, _, ax_c = h["axes"]
    ax_left = ax_b if op == "scalar" else ax_a  # c x A: A sits in the right-hand panel
    a_rows = {i for i, _ in s.a_cells}
    if op == "multiply":
        update_matrix(ax_a, highlight_row=s.out_cells[0][0])
        update_matrix(ax_b, highlight_col=s.out_cells[0][1])
    elif op == "transpose":
        update_matrix(ax_a, highlight_row=a_rows.pop())
    else:
        update_matrix(ax_left, highlight_cell=s.a_cells[0])
        if op == "scalar":
            update_matrix(ax_a, highlight_cell=(0, 0))
        if op == "add":
            update_matrix(ax_b, highlight_cell=s.b_cells[0])
    if op == "transpose":
        update_matrix(ax_c, highlight_col=s.out_cells[0][1])
    else:
        update_matrix(ax_c, highlight_cell=s.out_cells[0])
    texts = ax_c.course_artists["texts"]
    for (i, j), text in np.ndenumerate(texts):
        text.set_text(fmt(s.result[i, j]) if s.filled[i, j] else "")
    # rows, columns and entries are numbered from 0, as NumPy does (the course's one convention
    # for every explorer): entry (0, 0) is (A @ B)[0, 0]
    where = f"entry ({s.out_cells[0][0]}, {s.out_cells[0][1]})"
    step = f"step {k + 1} of {len(steps)}"
    if h["title"] is not None:
        h["title"].set_text(
            f"{step}: {s.text}" if op == "transpose" else f"{step}, {where}: {s.text}"
        )
    extra = ""
    if op == "multiply":
        (a_shape, b_shape) = (
            h["axes"][0].course_artists["shape"],
            h["axes"][2].course_artists["shape"],
        )
        run = " → ".join(fmt(v) for v in s.running)
        extra = (
            f"<br>running sum: {run}. Row {s.out_cells[0][0]} of A times column "
            f"{s.out_cells[0][1]} of B (counted from 0). Shapes: ({a_shape[0]}×{a_shape[1]})"
            f"({b_shape[0]}×{b_shape[1]}) → ({a_shape[0]}×{b_shape[1]}): the columns of A "
            "must equal the rows of B."
        )
    elif op == "transpose":
        m, n = h["axes"][0].course_artists["shape"]
        extra = f"<br>A is {m}×{n}, so its transpose Aᵀ is {n}×{m}: rows become columns."
    where = where if op != "transpose" else "row by row"
    return f"<b>{_LABELS[op]}</b>, {step}, {where}: {s.text}{extra}"


@checked(operation=choice("scalar", "add", "multiply", "transpose"), c=NUMBER)
def matrix_ops_explorer(A=None, B=None, c=2, operation: str = "multiply"):
    r"""Step through a matrix operation entry by entry: scalar multiple, sum, product, transpose.

    .. math:: (cA)_{ij} = c A_{ij}, \quad (A+B)_{ij} = A_{ij} + B_{ij}, \quad
              (AB)_{ij} = \textstyle\sum_k A_{ik} B_{kj}, \quad (A^\top)_{ji} = A_{ij}

    A: (m, n); B: (m, n) to add, (n, p) to multiply; c: the scalar. Missing matrices default to
    the source sheet's examples (see :func:`operands`). Mismatched shapes for the first operation
    raise ValueError (columns of A must equal rows of B); for an operation picked later from the
    dropdown the same message appears in the caption. ``box.update(step)`` shows a step.
    """
    import ipywidgets as widgets

    if operation not in OPERATIONS:
        raise ValueError(
            f"matrix_ops_explorer: operation should be one of "
            f"{', '.join(map(repr, OPERATIONS))}, got {operation!r}."
        )
    c = float(as_array("matrix_ops_explorer", "c", c, ndim=0))
    a0, b0 = operands(operation, A, B)
    matrix_op_steps(operation, a0, b0, c)  # raise the maths module's message on bad shapes

    fig, _ = new_figure(5.8, _HEIGHT)
    state = {"h": _draw(fig, operation, a0, b0, c, top=_TOP, title=False)}
    freeze_layout(fig)  # step events then re-measure nothing to place the panel titles
    # A step only restyles cells and fills in numbers: each (operation, step) is one picture,
    # drawn in full on its first visit, then put back from a kept copy (``_key``).
    blitter = Blitter(fig, [])
    caption = widgets.HTML()
    dropdown = widgets.Dropdown(
        options=[(_LABELS[o], o) for o in OPERATIONS], value=operation, description="operation"
    )
    n0 = max(len(state["h"]["steps"]), 1)
    slider = mark_main(widgets.IntSlider(value=0, min=0, max=n0 - 1, description="step"))
    play = mark_play(widgets.Play(value=0, min=0, max=n0 - 1, interval=900, description="play"))
    widgets.jslink((play, "value"), (slider, "value"))

    def update(step: int = 0) -> None:
        text = _show_step(state["h"], step)
        blitter.update(_key(state["h"], step))  # the picture first: it is what the eye follows
        caption.value = text

    def set_operation(op: str) -> None:
        a, b = operands(op, A, B)
        state["h"] = _draw(fig, op, a, b, c, top=_TOP, title=False)
        freeze_layout(fig)
        # freeze_layout's layout pass is a draw event: the Blitter would file what it saw (not
        # a finished picture) under the last step's key; drop every kept picture instead
        blitter.forget()
        n = max(len(state["h"]["steps"]), 1)
        slider.value = min(slider.value, n - 1)
        slider.max = play.max = n - 1
        update(slider.value)

    slider.observe(lambda ch: update(ch["new"]), names="value")
    dropdown.observe(lambda ch: set_operation(ch["new"]), names="value")
    update(0)
    box = explorer_box("matrix_ops", [dropdown, [play, slider]], fig, caption)
    box.update = update
    box.set_operation = set_operation
    box.caption = caption
    box.controls = {"operation": dropdown, "step": slider, "play": play}
    box.state = state
    return box


@checked(operation=choice("scalar", "add", "multiply", "transpose"), c=NUMBER)
def matrix_ops_static(operation: str = "multiply", A=None, B=None, c=2):
    r"""Every step of one operation side by side (default: the product whose first entry is 58).

    .. math:: (AB)_{11} = 1\cdot7 + 2\cdot9 + 3\cdot11 = 58

    One row of panels per step: the operands with the used entries lit up and the result
    filled in so far. Returns a matplotlib Figure.
    """
    import matplotlib.pyplot as plt

    a, b = operands(operation, A, B)
    c = float(as_array("matrix_ops_static", "c", c, ndim=0))
    steps = matrix_op_steps(operation, a, b, c)
    with plt.ioff():
        fig = plt.figure(figsize=(5.8, 1.8 * len(steps)))
    subfigs = np.atleast_1d(fig.subfigures(len(steps), 1))
    for k, sub in enumerate(subfigs):
        h = _draw(sub, operation, a, b, c)
        _show_step(h, k)
        h["title"].set_fontsize(11)
    return fig
