r"""Pure compute behind ``widgets.digit_predictions`` (lesson 9): what the trained network
believes about each test digit. No plotting here.

:func:`digit_predictions` computes, once for all N test images, the softmax probabilities, the
predicted classes and the indices of the mistakes; :func:`describe` and :func:`position_text`
are the caption's words; :func:`browse` is where the explorer's index slider and "only
mistakes" box stand after a move.

Shapes: ``images`` (N, 8, 8) or (N, 64) raw pixel values, ``labels`` (N,), ``mean`` and ``std``
(64,) the training statistics of ``datasets.standardize``; ``probs`` (N, 10).
"""

import numpy as np

from course_lib._argspec import BOOL, INDEX, MODEL, WHOLE, array, count, keys_of, optional
from course_lib._checked import checked
from course_lib._validation import as_array, as_images
from course_lib.evaluation import class_probabilities, mistakes

__all__ = ["digit_predictions", "describe", "position_text", "browse"]


@checked(model=MODEL)
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
    A = as_images(func, images)
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


@checked(data=keys_of("labels", "predicted", "probs", values=array(ndim=(1, 2))), i=INDEX)
def describe(data: dict, i: int) -> str:
    """'true 3, predicted 5 (p = 0.62)' for image ``i``, from the computed probabilities."""
    y, guess = int(data["labels"][i]), int(data["predicted"][i])
    p = np.asarray(data["probs"])
    if p.ndim != 2 or not i < len(p):
        raise ValueError(
            f"describe: data should be the dict of digit_predictions(...) and i an image index "
            f"below {len(p)}; got probs of shape {p.shape} and i = {i}."
        )
    p = p[i]
    text = f"true {y}, predicted {guess} (p = {p[guess]:.2f})"
    if guess != y:
        text += f"; the true class got p = {p[y]:.2f}"
    return text


@checked(k=INDEX, i=INDEX, n=count(1), num_wrong=count(0), only_mistakes=BOOL)
def position_text(k: int, i: int, n: int, num_wrong: int, only_mistakes: bool) -> str:
    """Where the explorer stands: 'mistake k+1 of m (test digit i)' or 'test digit i of n'."""
    if only_mistakes:
        return f"mistake {k + 1} of {num_wrong} (test digit {i})"
    return f"test digit {i} of {n} (0 to {n - 1})"


@checked(
    index=INDEX,
    only_mistakes=BOOL,
    n=count(1),
    num_wrong=count(0),
    new_index=optional(WHOLE),
    new_only=optional(BOOL),
)
def browse(
    index: int,
    only_mistakes: bool,
    n: int,
    num_wrong: int,
    new_index: int | None = None,
    new_only: bool | None = None,
) -> tuple[int, bool]:
    """The explorer's ``(index, only_mistakes)`` after a move (None keeps a setting).

    ``index`` counts test digits (0..n-1), or mistakes (0..num_wrong-1) when ``only_mistakes``;
    switching between the two starts again at 0 unless ``new_index`` is given. A new index is
    clipped into its range. Asking for only mistakes when there are none is an error.
    """
    if new_only is not None and bool(new_only) != only_mistakes:
        if new_only and num_wrong == 0:
            raise ValueError("digit_predictions: the network made no mistakes to show.")
        only_mistakes = bool(new_only)
        index = 0 if new_index is None else new_index
    if new_index is not None:
        top = (num_wrong if only_mistakes else n) - 1
        index = min(max(int(new_index), 0), top)
    return int(index), only_mistakes
