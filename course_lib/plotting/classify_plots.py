"""Pictures of classifiers: decision regions over 2-D data, and grids of digit images.

``plot_decision_boundary`` colours a grid of points by the class ``predict_fn`` gives them and
draws it as one image, so ``update_decision_boundary`` only recomputes that grid and calls
``set_data`` (fast enough for a slider). ``plot_digits`` tiles small images into one mosaic
image with one Text per tile; wrong predictions are red and framed. ``plot_class_probabilities``
draws one example's class probabilities as bars (the true class green, a wrong guess red);
``update_class_probabilities`` changes the bar heights and colours in place.
Class colours come from the course palette (at most 8 distinct classes in region plots).
"""

import numpy as np
from matplotlib.colors import ListedColormap, to_rgba
from matplotlib.patches import Rectangle

from course_lib._argspec import AXES, FUNCTION, INDEX, NONNEGATIVE, count, optional
from course_lib._checked import checked

from .._validation import as_array, as_images, check_int, check_labels, check_rows
from .style import COLORS, PALETTE, get_ax, handles, store

__all__ = [
    "plot_decision_boundary",
    "update_decision_boundary",
    "plot_digits",
    "update_digits",
    "plot_class_probabilities",
    "update_class_probabilities",
]


def _classes_from_output(func, out) -> np.ndarray:
    """Turn predict_fn's output into class labels (float, NaN where undefined)."""
    try:
        out = np.asarray(out, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(
            f"{func}: predict_fn should return numbers (class labels or scores), one row per "
            f"point; it returned {type(out).__name__}."
        ) from None
    if out.ndim == 2 and out.shape[1] == 1:
        out = out[:, 0]
    if out.ndim == 2:  # scores or probabilities, one column per class
        labels = np.argmax(np.nan_to_num(out, nan=-np.inf), axis=1).astype(np.float64)
        labels[~np.all(np.isfinite(out), axis=1)] = np.nan
        return labels
    if out.ndim != 1:
        raise ValueError(f"{func}: predict_fn returned shape {out.shape}; expected (G,) or (G, K).")
    finite = np.isfinite(out)
    if np.all(out[finite] == np.round(out[finite])):  # already class labels
        return np.where(finite, out, np.nan)
    return np.where(finite, (out >= 0.5).astype(np.float64), np.nan)  # P(class 1)


def _accuracy_title(func, predict_fn, X, y) -> str:
    pred = _classes_from_output(func, predict_fn(X))
    right = int(np.sum(pred == y))
    # One decimal and the count: 199 of 200 must not read as "100%".
    return f"accuracy {right / len(y):.1%} ({right} of {len(y)} right)"


@checked(predict_fn=FUNCTION, ax=optional(AXES), resolution=count(2), padding=NONNEGATIVE)
def plot_decision_boundary(predict_fn, X, y, ax=None, resolution=150, padding=0.5):
    r"""Colour the plane by predicted class and draw the labelled points on top.

    ``predict_fn`` maps points of shape (G, 2) to class labels (G,), a probability of class 1
    (G,) (thresholded at 0.5), or scores (G, K) (the largest wins: :math:`\arg\max_k`).
    ``X`` has shape (N, 2), ``y`` shape (N,) with labels 0..K-1. The grid covers the data plus
    ``padding`` with ``resolution`` points per side. The title gives the accuracy on X with one
    decimal and the count, e.g. "accuracy 99.5% (199 of 200 right)".
    Returns the Axes; ``update_decision_boundary(ax, predict_fn)`` recolours it in place.
    """
    func = "plot_decision_boundary"
    X = as_array(func, "X", X, ndim=2)
    y = check_labels(func, "y", y)
    check_rows(func, X, "y", y)
    if X.shape[1] != 2:
        raise ValueError(f"{func}: X has shape {X.shape}; decision regions need 2 features (N, 2).")
    res = check_int(func, "resolution", resolution, minimum=2)
    K = max(int(y.max()) + 1, 2)
    lo, hi = X.min(axis=0) - padding, X.max(axis=0) + padding
    g0, g1 = np.meshgrid(np.linspace(lo[0], hi[0], res), np.linspace(lo[1], hi[1], res))
    grid = np.column_stack([g0.ravel(), g1.ravel()])
    colors = [PALETTE[k % len(PALETTE)] for k in range(K)]
    light = ListedColormap([to_rgba(c, 0.35) for c in colors])
    ax = get_ax(ax, (5.0, 4.5))
    image = ax.imshow(
        np.zeros((res, res)),
        origin="lower",
        extent=(lo[0], hi[0], lo[1], hi[1]),
        cmap=light,
        vmin=-0.5,
        vmax=K - 0.5,
        interpolation="nearest",
        aspect="auto",
    )
    # One marker line per class, not a scatter: Agg stamps a line's identical markers from one
    # cached raster, about five times cheaper to redraw than a PathCollection (slider updates).
    points = tuple(
        ax.plot(
            X[y == k, 0],
            X[y == k, 1],
            "o",
            color=colors[k],
            mec="black",
            mew=0.6,
            ms=5.5,
            zorder=3,
        )[0]
        for k in range(K)
    )
    ax.set_xlabel("x₁")
    ax.set_ylabel("x₂")
    store(
        ax,
        "decision_boundary",
        image=image,
        points=points,
        title=ax.set_title(""),
        grid=grid,
        shape=(res, res),
        X=X,
        y=y,
    )
    return update_decision_boundary(ax, predict_fn)


@checked(ax=AXES, predict_fn=FUNCTION)
def update_decision_boundary(ax, predict_fn):
    """Recompute the class regions of a ``plot_decision_boundary`` Axes for a new model."""
    func = "update_decision_boundary"
    arts = handles(ax, "decision_boundary", func)
    labels = _classes_from_output(func, predict_fn(arts["grid"]))
    if labels.shape != (len(arts["grid"]),):
        raise ValueError(
            f"{func}: predict_fn gave {labels.shape[0]} answers for "
            f"{len(arts['grid'])} grid points; it must return one per row."
        )
    arts["image"].set_data(np.ma.masked_invalid(labels.reshape(arts["shape"])))
    arts["title"].set_text(_accuracy_title(func, predict_fn, arts["X"], arts["y"]))
    return ax


# ---- digits ---------------------------------------------------------------------------------


def _tile_origin(k, ncols, h, w):
    """Top-left pixel (row, col) of tile k; 3 rows above each tile are kept for its text."""
    return (k // ncols) * (h + 4) + 3, (k % ncols) * (w + 1)


@checked(ax=optional(AXES), ncols=count(1))
def plot_digits(images, labels=None, predictions=None, ncols=10, ax=None):
    r"""Show small images in a grid with their labels or predictions; wrong ones in red.

    ``images`` has shape (N, h, w), or (N, h*w) for square images such as the 8 x 8 digits
    (N, 64). ``labels`` and ``predictions`` have shape (N,). With both, each tile shows the
    prediction, and a wrong one is red, framed, with the true label in brackets; the title
    counts the right answers. All tiles are one image. ``update_digits`` changes predictions.
    A figure made here (``ax=None``) gives each tile 0.9 inch when there are up to 8 columns,
    shrinking to 0.6 inch for 13 or more, so a handful of digits is readable.
    """
    func = "plot_digits"
    A = as_images(func, images)
    N, h, w = A.shape
    ncols = min(check_int(func, "ncols", ncols), N)
    nrows = -(-N // ncols)
    lo = float(A.min())
    mosaic = np.full((nrows * (h + 4), ncols * (w + 1) - 1), lo)
    for k in range(N):
        r, c = _tile_origin(k, ncols, h, w)
        mosaic[r : r + h, c : c + w] = A[k]
    tile = float(np.clip(8.0 / ncols, 0.6, 0.9))  # inches: 0.9 for a few tiles, 0.6 for many
    ax = get_ax(ax, (tile * ncols + 0.4, 1.25 * tile * nrows + 0.6))
    image = ax.imshow(
        mosaic,
        cmap="gray_r",
        vmin=lo,
        vmax=max(float(A.max()), lo + 1e-12),
        interpolation="nearest",
    )
    texts, frames = [], []
    for k in range(N):
        r, c = _tile_origin(k, ncols, h, w)
        texts.append(ax.text(c + w / 2 - 0.5, r - 1.0, "", ha="center", va="center", fontsize=8))
        frame = Rectangle(
            (c - 0.5, r - 0.5), w, h, fill=False, edgecolor=COLORS["wrong"], lw=1.5, visible=False
        )
        ax.add_patch(frame)
        frames.append(frame)
    ax.axis("off")
    y = None if labels is None else as_array(func, "labels", labels, ndim=1)
    if y is not None and len(y) != N:
        raise ValueError(f"{func}: {N} images but {len(y)} labels.")
    store(ax, "digits", image=image, texts=texts, frames=frames, labels=y, title=ax.set_title(""))
    return update_digits(ax, predictions)


@checked(ax=AXES)
def update_digits(ax, predictions=None):
    """Rewrite the captions of a ``plot_digits`` Axes for new ``predictions`` (shape (N,))."""
    func = "update_digits"
    arts = handles(ax, "digits", func)
    y, N = arts["labels"], len(arts["texts"])
    p = None if predictions is None else as_array(func, "predictions", predictions, ndim=1)
    if p is not None and len(p) != N:
        raise ValueError(f"{func}: {N} images but {len(p)} predictions.")
    for k in range(N):
        wrong = p is not None and y is not None and p[k] != y[k]
        if p is None:
            text = "" if y is None else f"{y[k]:.0f}"
        else:
            text = f"{p[k]:.0f} ({y[k]:.0f})" if wrong else f"{p[k]:.0f}"
        arts["texts"][k].set_text(text)
        arts["texts"][k].set_color(COLORS["wrong"] if wrong else "black")
        arts["frames"][k].set_visible(wrong)
    if p is not None and y is not None:
        right = int(np.sum(p == y))
        # two lines: a few tiles make a narrow figure, and one long line would be cut off
        title = f"{right} of {N} predicted right\n(red: wrong, true label in brackets)"
    elif p is not None:
        title = f"predictions for {N} images"
    else:
        title = f"{N} images with their labels" if y is not None else f"{N} images"
    arts["title"].set_text(title)
    return ax


# ---- class probabilities --------------------------------------------------------------------


@checked(true_class=optional(INDEX), ax=optional(AXES))
def plot_class_probabilities(probs, true_class=None, ax=None):
    r"""Bars of one example's class probabilities; the true class green, a wrong guess red.

    .. math:: \hat y = \arg\max_k p_k

    ``probs`` has shape (K,) (one row of ``evaluation.class_probabilities``); ``true_class`` is
    the label (or None). The true class's bar is green; the predicted class :math:`\hat y`,
    if wrong, is red (without a label, it is blue). The y-axis runs from 0 to 1. Returns the
    Axes; ``update_class_probabilities`` changes heights and colours in place.
    """
    func = "plot_class_probabilities"
    p = as_array(func, "probs", probs, ndim=1)
    ax = get_ax(ax, (4.0, 2.6))
    bars = ax.bar(np.arange(len(p)), np.zeros(len(p)), width=0.7, color=COLORS["grey"])
    ax.set(xlim=(-0.6, len(p) - 0.4), ylim=(0.0, 1.0), xlabel="class", ylabel="probability")
    ax.set_xticks(np.arange(len(p)))
    ax.set_yticks([0.0, 0.5, 1.0])
    store(ax, "class_probabilities", bars=list(bars), title=ax.set_title(""))
    return update_class_probabilities(ax, p, true_class)


@checked(ax=AXES, true_class=optional(INDEX))
def update_class_probabilities(ax, probs, true_class=None):
    """New heights ``probs`` (shape (K,)) and colours for a ``plot_class_probabilities`` Axes."""
    func = "update_class_probabilities"
    arts = handles(ax, "class_probabilities", func)
    p = as_array(func, "probs", probs, ndim=1)
    if len(p) != len(arts["bars"]):
        raise ValueError(f"{func}: {len(arts['bars'])} bars but probs has shape {p.shape}.")
    guess = int(np.argmax(p))
    for k, bar in enumerate(arts["bars"]):
        bar.set_height(p[k])
        color = COLORS["grey"]
        if true_class is None:
            color = COLORS["blue"] if k == guess else color
        elif k == true_class:
            color = COLORS["right"]
        elif k == guess:
            color = COLORS["wrong"]
        bar.set_color(color)
    arts["predicted"] = guess
    return ax
