"""Self-checks for lesson 02 (tensors).

Exercises: the shapes after a chain of tensor operations (``check_tensor_shapes``), flattening
a batch of images (N, h, w) into a design matrix (N, h*w) (``check_flatten_batch``), one mean
per image (``check_per_image_mean``) and subtracting the mean image by broadcasting
(``check_subtract_mean_image``). Typical mistakes get their own hint: the batch axis flattened
away, one column per image instead of one row, the wrong axis averaged, a missing 1/(h*w),
the mean taken over the wrong axis before broadcasting, the subtraction the wrong way round.
"""

import numpy as np

from course_lib.checks.answers import check_answers
from course_lib.checks.core import Case, WrongAnswer, check_function
from course_lib.checks.result import CheckResult

__all__ = [
    "check_tensor_shapes",
    "check_flatten_batch",
    "check_per_image_mean",
    "check_subtract_mean_image",
]


def _images(n: int, h: int, w: int) -> np.ndarray:
    """A fixed, non-symmetric batch of 'images' (N, h, w) with whole-number pixels 0..16."""
    return np.round(8 + 8 * np.sin(np.arange(n * h * w, dtype=np.float64) * 0.7)).reshape(n, h, w)


# ---- shapes after a chain of operations -------------------------------------------------------

_SHAPES = {
    "T[0]": (8, 8),
    "T[:, 0, :]": (10, 8),
    "T.reshape(10, 64)": (10, 64),
    "T.sum(axis=0)": (8, 8),
    "T.mean(axis=(1, 2))": (10,),
    "T.reshape(10, -1) @ W.T": (10, 16),
}
_SHAPES_WRONG = {
    "T[0]": {(10, 8): "T[0] picks ONE entry along axis 0, a whole image: which axes are left?"},
    "T[:, 0, :]": {
        (8, 8): "the `:` keeps axis 0 (all 10 images); the 0 picks one row of each image.",
        (10, 1, 8): "an integer index removes its axis; only a slice such as 0:1 keeps it.",
    },
    "T.sum(axis=0)": {
        (10,): "the axis you sum over is the one that DISAPPEARS: here axis 0, the images.",
        (1, 8, 8): "without keepdims=True the summed axis is removed, not kept as length 1.",
    },
    "T.mean(axis=(1, 2))": {
        (10, 1, 1): "without keepdims=True both averaged axes disappear.",
        (8, 8): "axes 1 and 2 (the rows and columns of each image) disappear; axis 0 stays.",
    },
    "T.reshape(10, -1) @ W.T": {
        (10, 64): "that is the shape before the product: what is the shape of W.T, and what does "
        "(m, n) @ (n, p) give?",
        (16, 10): "rows and columns swapped: the product keeps one row per image.",
    },
}


def check_tensor_shapes(shapes, reveal: bool = False, verbose: bool = True) -> CheckResult:
    """Check predicted shapes, with T of shape (10, 8, 8) and W of shape (16, 64).

    ``shapes`` maps each expression to a shape tuple (``(10,)`` for one axis of length 10).
    """
    return check_answers(
        "tensor shapes",
        shapes,
        _SHAPES,
        _SHAPES_WRONG,
        hint="an integer index or a reduction removes its axis; a slice keeps it; reshape "
        "keeps the total number of entries.",
        reveal=reveal,
        verbose=verbose,
    )


# ---- flatten a batch --------------------------------------------------------------------------

_FLAT_CASES = [
    Case("flatten_batch(images), images (3, 8, 8)", (_images(3, 8, 8),)),
    Case("flatten_batch(images), images (1, 8, 8)", (_images(1, 8, 8),)),
    Case("flatten_batch(images), images (4, 2, 3)", (_images(4, 2, 3),)),
]

_FLAT_WRONG = [
    WrongAnswer(
        "you flattened the whole batch into one long vector: keep the batch axis, one row per "
        "image, shape (N, h*w): images.reshape(len(images), -1).",
        lambda im: im.reshape(-1),
    ),
    WrongAnswer(
        "you made one COLUMN per image, shape (h*w, N): the course keeps one example per ROW, "
        "(N, h*w).",
        lambda im: im.reshape(len(im), -1).T,
    ),
    WrongAnswer(
        "shape (h*w, N) with the pixels in the wrong places: reshape re-cuts the numbers in "
        "reading order, so reshape(h*w, N) mixes images. Use images.reshape(N, h*w).",
        lambda im: im.reshape(im.shape[1] * im.shape[2], len(im)),
    ),
    WrongAnswer(
        "you read each image column by column: reshape reads row by row, pixel (i, j) going to "
        "position i*w + j. Do not transpose before reshaping.",
        lambda im: im.transpose(0, 2, 1).reshape(len(im), -1),
    ),
]


def check_flatten_batch(flatten_batch, reveal: bool = False, verbose: bool = True) -> CheckResult:
    r"""Check ``flatten_batch(images)``: (N, h, w) → (N, h*w), row i*w + j of pixel (i, j).

    .. math:: X_{n,\, i w + j} = \text{images}_{n, i, j}
    """
    return check_function(
        "flatten_batch",
        flatten_batch,
        lambda im: im.reshape(len(im), -1),
        _FLAT_CASES,
        wrong=_FLAT_WRONG,
        hint=(
            "keep axis 0 (one row per image) and merge the two pixel axes into one; `-1` lets "
            "reshape work out a length.",
            "keep axis 0 (the images) and merge the other two: images.reshape(N, -1).",
        ),
        verbose=verbose,
        reveal=reveal,
    )


# ---- one mean per image -----------------------------------------------------------------------

_MEAN_CASES = [
    Case("per_image_mean(images), images (3, 8, 8)", (_images(3, 8, 8),)),
    Case("per_image_mean(images), images (5, 4, 4)", (_images(5, 4, 4),)),
]

_MEAN_WRONG = [
    WrongAnswer(
        "you returned one number for the whole batch: average each image over its own pixels, "
        "axis=(1, 2), to get one mean per image, shape (N,).",
        lambda im: float(im.mean()),
    ),
    WrongAnswer(
        "that is the mean IMAGE (averaged over axis 0, the batch), shape (h, w); you want the "
        "mean of each image, averaged over axes 1 and 2.",
        lambda im: im.mean(axis=0),
    ),
    WrongAnswer(
        "you averaged over axis 1 only (the rows), which leaves shape (N, w): average over "
        "axes 1 AND 2, axis=(1, 2).",
        lambda im: im.mean(axis=1),
    ),
    WrongAnswer(
        "you averaged over axis 2 only (the columns), which leaves shape (N, h): average over "
        "axes 1 AND 2, axis=(1, 2).",
        lambda im: im.mean(axis=2),
    ),
    WrongAnswer(
        "you summed the pixels: divide by the number of pixels h*w (the 1/(h*w) of a mean).",
        lambda im: im.sum(axis=(1, 2)),
    ),
    WrongAnswer(
        "you used `//`, which rounds the mean DOWN to a whole number: divide with `/`.",
        lambda im: im.sum(axis=(1, 2)) // (im.shape[1] * im.shape[2]),
    ),
]


def check_per_image_mean(per_image_mean, reveal: bool = False, verbose: bool = True) -> CheckResult:
    r"""Check ``per_image_mean(images)``: (N, h, w) → (N,), the average pixel of each image.

    .. math:: m_n = \frac{1}{h w} \sum_{i, j} \text{images}_{n, i, j}
    """
    return check_function(
        "per_image_mean",
        per_image_mean,
        lambda im: im.mean(axis=(1, 2)),
        _MEAN_CASES,
        wrong=_MEAN_WRONG,
        hint=(
            "one mean per image: average over the two pixel axes and keep the batch axis "
            "(`axis=` takes a tuple of axes).",
            "average over the two pixel axes and keep the batch axis: images.mean(axis=(1, 2)).",
        ),
        verbose=verbose,
        reveal=reveal,
    )


# ---- subtract the mean image (broadcasting) ---------------------------------------------------

_CENTER_CASES = [
    Case("subtract_mean_image(X), X (3, 64)", (_images(3, 8, 8).reshape(3, 64),)),
    Case("subtract_mean_image(X), X (5, 4)", (_images(5, 2, 2).reshape(5, 4),)),
]

_CENTER_WRONG = [
    WrongAnswer(
        "you subtracted one number, the mean of ALL pixels: subtract the mean of each column "
        "(each pixel over the images), X.mean(axis=0), shape (D,).",
        lambda X: X - X.mean(),
    ),
    WrongAnswer(
        "you centred each image (each row) on its own mean: the mean image averages over the "
        "examples, axis 0, giving one value per pixel, shape (D,).",
        lambda X: X - X.mean(axis=1, keepdims=True),
    ),
    WrongAnswer(
        "the subtraction is the wrong way round (mean − X): compute X − mean.",
        lambda X: X.mean(axis=0) - X,
    ),
]


def check_subtract_mean_image(
    subtract_mean_image, reveal: bool = False, verbose: bool = True
) -> CheckResult:
    r"""Check ``subtract_mean_image(X)``: X (N, D) minus its mean row, by broadcasting.

    .. math:: X'_{nd} = X_{nd} - \frac{1}{N} \sum_{n'} X_{n'd}
    """
    return check_function(
        "subtract_mean_image",
        subtract_mean_image,
        lambda X: X - X.mean(axis=0),
        _CENTER_CASES,
        wrong=_CENTER_WRONG,
        hint=(
            "the mean image has one value per column (pixel), shape (D,); broadcasting "
            "subtracts a (D,) row from every row of X.",
            "X.mean(axis=0) has shape (D,); X - X.mean(axis=0) subtracts it from every row.",
        ),
        verbose=verbose,
        reveal=reveal,
    )
