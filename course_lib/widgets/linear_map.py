"""Lesson 1 explorer: a 2x2 matrix (plus a bias and an activation) bends the plane.

Sliders set the weights ``W`` (2, 2), one row per output, and the bias ``b`` (2,); a dropdown
picks the activation. Every point ``x`` of a square grid, and one highlighted vector, is moved
to ``f(x Wᵀ + b)`` (``demos.linear_map.warp_points``, i.e. ``layers.dense_forward`` then the
activation). The original grid stays faint behind the warped one, and the image of the unit
square is filled, so the determinant (area scale and orientation) can be seen. This is the
bridge from "matrix times vector" to "a layer of two neurons".
Slider events move the same LineCollections, polygon and arrows in place, and redraw only what
lies on the plane over a kept picture of the ticks and the formula (``figure_updates.Blitter``,
one picture per activation).
"""

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.patches import Polygon

from course_lib._argspec import array, choice
from course_lib._checked import checked
from course_lib.demos._choices import ACTIVATION_CHOICES
from course_lib.demos.linear_map import determinant, grid_lines, warp_points
from course_lib.demos.matrix_ops import fmt
from course_lib.plotting import COLORS, plot_vectors
from course_lib.plotting.figure_updates import Blitter, freeze_layout
from course_lib.widgets._base import explorer_box, float_slider, mark_main, new_figure
from course_lib.widgets._fast import fixed_ticks
from course_lib.widgets._layout import column_grid

__all__ = ["linear_map_explorer", "linear_map_static"]

_VECTOR = np.array([1.0, 0.5])
_GRID = grid_lines(2.0, 9, 25)  # (18, 25, 2): 9 vertical and 9 horizontal lines
_t = np.linspace(0.0, 1.0, 12)
_UNIT_SQUARE = np.concatenate(
    [  # its boundary, counter-clockwise from the origin: (44, 2)
        np.column_stack([_t, 0 * _t]),
        np.column_stack([1 + 0 * _t, _t]),
        np.column_stack([1 - _t, 1 + 0 * _t]),
        np.column_stack([0 * _t, 1 - _t]),
    ]
)
# every point a move maps, in one array (one dense-layer call per move): grid, square, x
_POINTS = np.concatenate([_GRID.reshape(-1, 2), _UNIT_SQUARE, _VECTOR[None, :]])
_LIMITS = {"none": 4.5, "relu": 4.5, "sigmoid": 2.2, "tanh": 2.2}
# Five labelled ticks per axis: each tick label costs about as much to draw as the whole grid.
_TICKS = {4.5: (-4, -2, 0, 2, 4), 2.2: (-2, -1, 0, 1, 2)}


def _draw_map(ax) -> dict:
    """Draw the faint grid, the warped grid, the unit square's image and the vector arrows."""
    ax.add_collection(LineCollection(_GRID, colors=COLORS["grey"], linewidths=0.6, alpha=0.35))
    warped = LineCollection(
        _GRID, linewidths=1.0, colors=[COLORS["blue"]] * 9 + [COLORS["purple"]] * 9
    )
    ax.add_collection(warped)
    square = Polygon(
        _UNIT_SQUARE,
        closed=True,
        facecolor=COLORS["orange"],
        alpha=0.35,
        edgecolor=COLORS["orange"],
        zorder=2,
    )
    ax.add_patch(square)
    plot_vectors(
        np.vstack([_VECTOR, _VECTOR]),
        ax=ax,
        labels=["x", "f(xWᵀ+b)"],
        colors=[COLORS["grey"], COLORS["vermillion"]],
    )
    # the two tip labels: x below its tip, the image above its own, each on a light patch, so
    # they never sit on top of each other (identity) or on the grid lines
    x_label, image_label = ax.texts[-2], ax.texts[-1]
    x_label.set(va="top", ha="right", text="x ")
    for label in (x_label, image_label):
        label.set(bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 1.0})
        label.set_zorder(6)
    ax.grid(False)  # the faint original grid is the reference; a second grid would confuse
    return {"warped": warped, "square": square, "title": ax.set_title("")}


def _moving_artists(ax, h: dict) -> list:
    """What a slider move redraws, in the order a full draw paints it (zorder, then age).

    The warped grid, the square, the image arrow, its label and det W (the title on the
    right) move. The arrows
    are drawn first (zorder 1) and everything in the Axes after them may cover a moving part
    (the faint grid, x's arrow and label, the axis lines, the spines), so all of it is redrawn
    (else a blitted frame would paint a moving part over them). Only the Axes' background,
    ticks, axis labels and the formula (the title on the left) are kept as a picture: they
    are also what costs most to draw.
    """
    moving = [h["warped"], h["square"], h["title"], *ax.course_artists["arrows"]]
    lowest = min(a.get_zorder() for a in moving)
    kept = (ax.patch, ax.xaxis, ax.yaxis, ax.title, h["formula"])
    children = [a for a in ax.get_children() if all(a is not k for k in kept)]
    return sorted(
        (a for a in children if a.get_visible() and a.get_zorder() >= lowest),
        key=lambda a: a.get_zorder(),
    )


def _show_map(ax, h: dict, W: np.ndarray, b: np.ndarray, activation: str) -> dict:
    """Move the warped grid, square and vector for ``W``, ``b``, ``activation``; return numbers."""
    moved = warp_points(_POINTS, W, b, activation)
    h["warped"].set_segments(moved[: _GRID.size // 2].reshape(_GRID.shape))
    h["square"].set_xy(moved[_GRID.size // 2 : -1])
    image = moved[-1]
    # the image arrow and its label move; x's arrow and the limits stay (``update_vectors``
    # would also refit the limits, a change of the background on every move)
    vectors = ax.course_artists
    vectors["arrows"][1].set_positions(tuple(vectors["origin"]), tuple(vectors["origin"] + image))
    vectors["texts"][1].set_position(tuple(vectors["origin"] + image))
    lim = _LIMITS[activation]
    if ax.get_xlim() != (-lim, lim):
        ax.set_xlim(-lim, lim)
        ax.set_ylim(-lim, lim)
        fixed_ticks(ax, x=_TICKS[lim], y=_TICKS[lim])
    det = determinant(W)
    f = "" if activation == "none" else f"{activation} "
    if "formula" in h:  # the explorer: the formula on the left, det W on the right
        h["formula"].set_text(f"x ↦ {f}(xWᵀ + b)")
    h["title"].set_text(f"det W = {fmt(round(det, 2))}")
    return {"det": det, "image": image}


def _read_W(w11, w12, w21, w22) -> np.ndarray:
    return np.array([[w11, w12], [w21, w22]], dtype=np.float64)


def _caption(W, b, activation, det, image) -> str:
    rows = "<br>".join("[" + ", ".join(f"{v:+.2f}" for v in row) + "]" for row in W)
    if abs(det) < 1e-9:
        meaning = "det W = 0: the plane is flattened onto a line (or a point)."
    else:
        flip = " and flips it over (negative)" if det < 0 else ""
        meaning = f"the linear part scales every area by |det W| = {abs(det):.2f}{flip}."
    act = "no activation" if activation == "none" else f"then {activation}, entry by entry"
    return (
        f"<b>W</b> =<br><code>{rows}</code><br><b>b</b> = ({b[0]:+.2f}, {b[1]:+.2f}); "
        f"{act}.<br><b>det W</b> = {det:.2f}: {meaning}<br>"
        f"x = ({_VECTOR[0]:g}, {_VECTOR[1]:g}) ↦ ({image[0]:.2f}, {image[1]:.2f})"
    )


@checked(
    W=array(ndim=2, shape=(2, 2)),
    b=array(ndim=1, shape=(2,)),
    activation=choice(*ACTIVATION_CHOICES),
)
def linear_map_explorer(W=((1.0, 0.5), (0.0, 1.0)), b=(0.0, 0.0), activation: str = "none"):
    r"""Sliders for a 2x2 weight matrix and a bias warp a grid of points: one dense layer.

    .. math:: x \mapsto f(x W^\top + b), \qquad \det W = w_{11} w_{22} - w_{12} w_{21}

    W: (2, 2), one row per output (starting values); b: (2,); activation: "none", "relu",
    "sigmoid" or "tanh". ``box.update(w11, w12=None, ..., activation=None)`` redraws (None keeps
    the slider's value).
    """
    import ipywidgets as widgets

    W0 = _read_W(*np.asarray(W, dtype=np.float64).ravel())
    warp_points(_VECTOR[None, :], W0, b, activation)  # checks W, b and the activation name
    fig, ax = new_figure(4.0, 4.0)
    ax.set_aspect("equal")
    h = _draw_map(ax)
    # two titles: the formula changes only with the activation (it is kept with the background
    # picture); det W changes with every move and is redrawn (fewer letters to draw per move)
    h["formula"] = ax.set_title("", loc="left")
    h["title"] = ax.set_title("", loc="right")
    caption = widgets.HTML()

    controls = {
        f"w{i + 1}{j + 1}": float_slider(f"w{i + 1}{j + 1}", W0[i, j])
        for i in range(2)
        for j in range(2)
    }
    controls["b1"], controls["b2"] = (
        float_slider("b1", float(b[0])),
        float_slider("b2", float(b[1])),
    )
    controls["activation"] = widgets.Dropdown(
        options=list(ACTIVATION_CHOICES), value=activation, description="activation"
    )
    mark_main(controls["w11"])

    def update(w11=None, w12=None, w21=None, w22=None, b1=None, b2=None, activation=None):
        given = {
            "w11": w11,
            "w12": w12,
            "w21": w21,
            "w22": w22,
            "b1": b1,
            "b2": b2,
            "activation": activation,
        }
        v = {k: controls[k].value if given[k] is None else given[k] for k in given}
        Wv = _read_W(v["w11"], v["w12"], v["w21"], v["w22"])
        bv = np.array([v["b1"], v["b2"]], dtype=np.float64)
        shown = _show_map(ax, h, Wv, bv, v["activation"])
        if blitter is not None:  # None while the figure is being built (nothing shown yet)
            blitter.update(v["activation"])  # one kept background per activation
        # the caption after the picture: the frame leaves first, it is what the eye follows
        caption.value = _caption(Wv, bv, v["activation"], shown["det"], shown["image"])

    blitter = None

    for widget in controls.values():
        widget.observe(lambda _change: update(), names="value")
    update()
    fig.tight_layout()  # after the first update, so the title has its text and fits
    freeze_layout(fig)  # later draws do not re-measure tick labels to place title and labels
    blitter = Blitter(fig, _moving_artists(ax, h))
    # one group each: two to a line in a wide column (the layout of W), one in a narrow one
    rows = [controls[k] for k in ("w11", "w12", "w21", "w22", "b1", "b2", "activation")]
    box = explorer_box("linear_map", rows, fig, caption)
    box.update = update
    box.caption = caption
    box.controls = controls
    box.axes = ax
    box.artists = h
    return box


@checked()
def linear_map_static():
    r"""Five maps side by side: identity, scale, shear, rotation, and rotation then ReLU.

    .. math:: x \mapsto f(x W^\top + b)

    Each panel's title gives W's kind and det W. Returns a matplotlib Figure.
    """
    import matplotlib.pyplot as plt

    c, s = np.cos(np.pi / 6), np.sin(np.pi / 6)
    cases = [
        ("identity", np.eye(2), "none"),
        ("scale", np.array([[1.5, 0.0], [0.0, 0.5]]), "none"),
        ("shear", np.array([[1.0, 1.0], [0.0, 1.0]]), "none"),
        ("rotation 30°", np.array([[c, -s], [s, c]]), "none"),
        ("rotation 30°, then relu", np.array([[c, -s], [s, c]]), "relu"),
    ]
    with plt.ioff():
        fig, axes = column_grid(len(cases), 3.0, 3.4)
    for ax, (name, W, act) in zip(axes, cases, strict=True):
        ax.set_aspect("equal")
        h = _draw_map(ax)
        shown = _show_map(ax, h, W, np.zeros(2), act)
        ax.set_xlim(-3, 3)
        ax.set_ylim(-3, 3)
        h["title"].set_text(f"{name}\ndet W = {shown['det']:.2f}")
    fig.tight_layout()
    return fig
