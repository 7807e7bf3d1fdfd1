"""Lesson 9 explorer: what the trained network believes about each test digit.

``digit_predictions_explorer(model, images, labels, mean, std)`` shows one test image (8 x 8)
beside the network's softmax probabilities for the 10 classes. An index slider walks through
the test set; "only mistakes" makes it walk through the wrong answers only. The bar of the true
class is green, the network's answer, when wrong, red; the caption says "true 3, predicted 5
(p = 0.62)". A confident mistake (one tall red bar) and a hesitant one (two similar bars) look
different, and so do a sure right answer and a lucky one.

Shapes: ``images`` (N, 8, 8) or (N, 64) raw pixel values, ``labels`` (N,), ``mean`` and ``std``
(64,) the training statistics of ``datasets.standardize``. The probabilities of all N images are
computed once (``evaluation.class_probabilities``); a slider event only changes the image data
and the bar heights and colours. ``digit_predictions_static`` is the printed companion: a few
test digits (some mistakes) each with its bars.
"""

import numpy as np

from course_lib._argspec import MODEL, array, optional
from course_lib._checked import checked
from course_lib._validation import as_array
from course_lib.evaluation import class_probabilities, mistakes
from course_lib.plotting import COLORS
from course_lib.plotting.classify_plots import (
    plot_class_probabilities,
    update_class_probabilities,
)
from course_lib.plotting.figure_updates import freeze_layout, redraw
from course_lib.widgets._base import explorer_box, mark_main, new_figure
from course_lib.widgets._fast import color_key
from course_lib.widgets._layout import COLUMN_INCHES

__all__ = ["digit_predictions_explorer", "digit_predictions_static", "digit_predictions"]

KEY = color_key(
    [
        (COLORS["right"], "■", "true class"),
        (COLORS["wrong"], "■", "the network's answer, when wrong"),
        (COLORS["grey"], "■", "other classes"),
    ]
)


@checked(model=MODEL, images=array(ndim=(2, 3)), labels=array(ndim=1), mean=array(), std=array())
def digit_predictions(model, images, labels, mean, std) -> dict:
    r"""Everything the explorer shows, computed once for all N test images.

    $$\tilde x_i = (x_i - \mu) / \sigma, \qquad p_i = \mathrm{softmax}(z(\tilde x_i)),
    \qquad \hat y_i = \arg\max_k p_{ik}$$

    ``images``: (N, h, w) or (N, D); ``labels``: (N,); ``mean``, ``std``: (D,) (a zero
    ``std`` counts as 1, as in ``datasets.standardize``). Returns a dict with ``images``
    (N, h, w), ``labels`` (N,) int, ``probs`` (N, K), ``predicted`` (N,) and ``wrong`` (the
    indices of the mistakes, increasing).
    """
    func = "digit_predictions"
    A = as_array(func, "images", images, ndim=(2, 3))
    if A.ndim == 2:
        side = int(round(np.sqrt(A.shape[1])))
        if side * side != A.shape[1]:
            raise ValueError(
                f"{func}: images has shape {A.shape}; each row must be a square image "
                "flattened (64 = 8 x 8), or pass shape (N, 8, 8)."
            )
        A = A.reshape(len(A), side, side)
    X = A.reshape(len(A), -1)
    y = as_array(func, "labels", labels, ndim=1)
    mu = as_array(func, "mean", mean, ndim=1)
    sd = as_array(func, "std", std, ndim=1)
    if len(y) != len(A) or mu.shape != (X.shape[1],) or sd.shape != (X.shape[1],):
        raise ValueError(
            f"{func}: images {A.shape}, labels {y.shape}, mean {mu.shape}, std {sd.shape}; "
            f"expected one label per image and one mean and std per pixel ({X.shape[1]},) "
            "(the training statistics from datasets.standardize)."
        )
    probs = class_probabilities(model, (X - mu) / np.where(sd > 0, sd, 1.0))
    predicted = np.argmax(probs, axis=1)
    y = y.astype(np.int64)
    return {
        "images": A,
        "labels": y,
        "probs": probs,
        "predicted": predicted,
        "wrong": mistakes(y, predicted),
    }


def describe(data: dict, i: int) -> str:
    """'true 3, predicted 5 (p = 0.62)' for image ``i``, from the computed probabilities."""
    y, guess = int(data["labels"][i]), int(data["predicted"][i])
    p = data["probs"][i]
    text = f"true {y}, predicted {guess} (p = {p[guess]:.2f})"
    if guess != y:
        text += f"; the true class got p = {p[y]:.2f}"
    return text


@checked(model=MODEL, images=array(ndim=(2, 3)), labels=array(ndim=1), mean=array(), std=array())
def digit_predictions_explorer(model, images, labels, mean, std):
    """Slide through the test digits and see the network's 10 probabilities for each.

    ``model``: the trained ``network.MLP``; ``images`` (N, 8, 8) or (N, 64) raw test images,
    ``labels`` (N,), ``mean``/``std`` (64,) the training standardisation. The main slider is
    the index (into the test set, or into the mistakes with "only mistakes" ticked).
    ``.update(index=None, only_mistakes=None)`` redraws.
    """
    import ipywidgets as widgets

    data = digit_predictions(model, images, labels, mean, std)
    n, wrong = len(data["labels"]), data["wrong"]
    fig, (ax_img, ax_bar) = new_figure(
        5.8, 2.5, ncols=2, gridspec_kw={"width_ratios": [1, 2.2], "wspace": 0.25}
    )
    lo, hi = float(data["images"].min()), float(data["images"].max())
    image = ax_img.imshow(
        data["images"][0], cmap="gray_r", vmin=lo, vmax=max(hi, lo + 1e-12), interpolation="nearest"
    )
    ax_img.set(xticks=[], yticks=[])
    plot_class_probabilities(data["probs"][0], int(data["labels"][0]), ax=ax_bar)
    ax_bar.set_xlabel("digit")
    fig.subplots_adjust(left=0.03, right=0.98, top=0.95, bottom=0.2)
    freeze_layout(fig)  # no titles or tick labels change: lay out once
    caption = widgets.HTML()
    state = {"index": 0, "only_mistakes": False, "shown": 0, "syncing": False}

    def refresh() -> None:
        k = state["index"]
        i = int(wrong[k]) if state["only_mistakes"] else k
        state["shown"] = i
        image.set_data(data["images"][i])
        update_class_probabilities(ax_bar, data["probs"][i], int(data["labels"][i]))
        where = (
            f"mistake {k + 1} of {len(wrong)} (test digit {i})"
            if state["only_mistakes"]
            else f"test digit {i} of {n} (0 to {n - 1})"
        )
        caption.value = f"{where}: <b>{describe(data, i)}</b>.<br>{KEY}"
        redraw(fig)

    slider = mark_main(
        widgets.IntSlider(value=0, min=0, max=n - 1, description="digit", continuous_update=True)
    )
    only = widgets.Checkbox(
        value=False,
        description=f"only mistakes ({len(wrong)})",
        disabled=len(wrong) == 0,
        indent=False,
    )

    def sync(widget, value) -> None:
        """Set a control to what the state says without its observer calling update again."""
        state["syncing"] = True
        try:
            widget.value = value
        finally:
            state["syncing"] = False

    def update(index=None, only_mistakes=None) -> None:
        if only_mistakes is not None and bool(only_mistakes) != state["only_mistakes"]:
            if only_mistakes and len(wrong) == 0:
                raise ValueError("digit_predictions: the network made no mistakes to show.")
            state["only_mistakes"] = bool(only_mistakes)
            state["index"] = 0 if index is None else index
            sync(slider, 0)  # value first, then the new range (the value must stay inside)
            slider.max = (len(wrong) if state["only_mistakes"] else n) - 1
            sync(only, state["only_mistakes"])
        if index is not None:
            top = (len(wrong) if state["only_mistakes"] else n) - 1
            state["index"] = min(max(int(index), 0), top)
        if slider.value != state["index"]:
            sync(slider, state["index"])
        refresh()

    def on_slider(change) -> None:
        if not state.get("syncing"):
            update(index=change["new"])

    def on_only(change) -> None:
        if not state.get("syncing"):
            update(only_mistakes=change["new"])

    slider.observe(on_slider, names="value")
    only.observe(on_only, names="value")
    update()
    box = explorer_box("digit-predictions", [slider, only], fig, caption)
    box.update = update
    box.caption = caption
    box.state = state
    box.data = data
    box.controls = {"index": slider, "only_mistakes": only}
    box.artists = {"image": image, "bars": ax_bar.course_artists["bars"]}
    return box


def _default_indices(data: dict, count: int = 5) -> list:
    """Up to ``count - 1`` mistakes, then right answers (at least 1), in test-set order."""
    wrong = [int(i) for i in data["wrong"][: count - 1]]
    right = [i for i in range(len(data["labels"])) if i not in set(data["wrong"])]
    return wrong + right[: count - len(wrong)]


@checked(
    model=MODEL,
    images=array(ndim=(2, 3)),
    labels=array(ndim=1),
    mean=array(),
    std=array(),
    indices=optional(array(ndim=1)),
)
def digit_predictions_static(model, images, labels, mean, std, indices=None):
    """A few test digits, each above its bars of class probabilities (titles from the values).

    ``indices``: which test images (default: up to 4 mistakes, then right answers, 5 in all).
    Same arguments and shapes as ``digit_predictions_explorer``. Returns the Figure.
    """
    import matplotlib.pyplot as plt

    data = digit_predictions(model, images, labels, mean, std)
    idx = _default_indices(data) if indices is None else [int(i) for i in np.ravel(indices)]
    n = len(data["labels"])
    if not idx or any(i < 0 or i >= n for i in idx):
        raise ValueError(
            f"digit_predictions_static: indices should be test-image numbers in 0..{n - 1}, "
            f"got {idx}."
        )
    lo, hi = float(data["images"].min()), float(data["images"].max())
    # A pyplot figure, as small_multiples makes: a notebook shows it at the end of the cell.
    fig, axes = plt.subplots(
        2,
        len(idx),
        figsize=(min(1.7 * len(idx), COLUMN_INCHES), 3.8),  # at most the notebook column
        squeeze=False,
        gridspec_kw={"height_ratios": [1.1, 1], "hspace": 0.4, "wspace": 0.12},
    )
    # Fixed margins, not a layout engine: measuring 12 panels' texts would double the draw.
    fig.subplots_adjust(left=max(0.35 / len(idx), 0.09), right=0.99, top=0.72, bottom=0.12)
    for col, i in enumerate(idx):
        y, guess = int(data["labels"][i]), int(data["predicted"][i])
        ax_img, ax_bar = axes[0, col], axes[1, col]
        ax_img.imshow(data["images"][i], cmap="gray_r", vmin=lo, vmax=max(hi, lo + 1e-12))
        ax_img.set(xticks=[], yticks=[])
        p = data["probs"][i][guess]
        ax_img.set_title(
            f"true {y},\npredicted {guess}\n(p = {p:.2f})",
            fontsize=8,
            color=COLORS["wrong"] if guess != y else "black",
        )
        plot_class_probabilities(data["probs"][i], y, ax=ax_bar)
        ax_bar.tick_params(axis="x", labelsize=7)
        ax_bar.set(xlabel="digit", ylabel="p" if col == 0 else "")
        if col:  # one probability scale for the row: fewer ticks to build and draw
            ax_bar.set_yticks([])
    right = sum(int(data["predicted"][i] == data["labels"][i]) for i in idx)
    fig.suptitle(
        f"{len(idx)} test digits, {right} predicted right: the network's probabilities\n"
        "(green: true class, red: a wrong answer)",
        fontsize=9,
    )
    return fig
