"""Lesson 9 explorer: what the trained network believes about each test digit.

``digit_predictions_explorer(model, images, labels, mean, std)`` shows one test image (8 x 8)
beside the network's softmax probabilities for the 10 classes. An index slider walks through
the test set; "only mistakes" makes it walk through the wrong answers only. The bar of the true
class is green, the network's answer, when wrong, red; the caption says "true 3, predicted 5
(p = 0.62)". A confident mistake (one tall red bar) and a hesitant one (two similar bars) look
different, and so do a sure right answer and a lucky one.

Shapes: ``images`` (N, 8, 8) or (N, 64) raw pixel values, ``labels`` (N,), ``mean`` and ``std``
(64,) the training statistics of ``datasets.standardize``. The probabilities of all N images are
computed once (``demos.digit_predictions``, which also holds the caption's words and the pure
slider logic); a slider event only changes the image data and the bar heights and colours,
and redraws only those over a kept picture of the rest (a ``Blitter``).
``digit_predictions_static`` is the printed companion: a few test digits (some mistakes) each
with its bars.
"""

import numpy as np

from course_lib._argspec import MODEL, array, optional
from course_lib._checked import checked
from course_lib.demos.digit_predictions import browse, describe, digit_predictions, position_text
from course_lib.plotting import COLORS
from course_lib.plotting.classify_plots import (
    plot_class_probabilities,
    update_class_probabilities,
)
from course_lib.plotting.figure_updates import Blitter, freeze_layout
from course_lib.widgets._base import explorer_box, mark_main, new_figure
from course_lib.widgets._fast import color_key
from course_lib.widgets._layout import COLUMN_INCHES

__all__ = ["digit_predictions_explorer", "digit_predictions_static"]

KEY = color_key(
    [
        (COLORS["right"], "■", "true class"),
        (COLORS["wrong"], "■", "the network's answer, when wrong"),
        (COLORS["grey"], "■", "other classes"),
    ]
)


def _digit_figure(data: dict):
    """Plot helper: the first test image beside its 10 probability bars, laid out once.

    Returns ``(fig, image, ax_bar)``; move them with ``image.set_data`` and
    ``plotting.classify_plots.update_class_probabilities(ax_bar, ...)``.
    """
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
    return fig, image, ax_bar


def _moving_artists(image, ax_bar) -> list:
    """What a slider move changes (the image, the bars), then the frames drawn over them in a
    full draw (spines: zorder 2.5, above images and bars): the order a ``Blitter`` draws in."""
    frames = [*image.axes.spines.values(), *ax_bar.spines.values()]
    return [image, *ax_bar.course_artists["bars"], *frames]


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
    fig, image, ax_bar = _digit_figure(data)
    blitter = Blitter(fig, _moving_artists(image, ax_bar))  # nothing else changes on a move
    caption = widgets.HTML()
    state = {"index": 0, "only_mistakes": False, "shown": 0, "syncing": False}
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
        now = (state["index"], state["only_mistakes"])
        k, only_now = browse(*now, n, len(wrong), index, only_mistakes)
        state.update(index=k, only_mistakes=only_now)
        if only_now != now[1]:
            sync(slider, 0)  # value first, then the new range (the value must stay inside)
            slider.max = (len(wrong) if only_now else n) - 1
            sync(only, only_now)
        if slider.value != k:
            sync(slider, k)
        i = state["shown"] = int(wrong[k]) if only_now else k
        image.set_data(data["images"][i])
        update_class_probabilities(ax_bar, data["probs"][i], int(data["labels"][i]))
        where = position_text(k, i, n, len(wrong), only_now)
        blitter.update()
        caption.value = f"{where}: <b>{describe(data, i)}</b>.<br>{KEY}"  # after the frame

    slider.observe(lambda c: state["syncing"] or update(index=c["new"]), names="value")
    only.observe(lambda c: state["syncing"] or update(only_mistakes=c["new"]), names="value")
    update()
    box = explorer_box("digit-predictions", [slider, only], fig, caption)
    box.update, box.caption, box.state, box.data = update, caption, state, data
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
