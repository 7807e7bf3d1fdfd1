r"""Data augmentation for small images: more training examples by moving the ones we have.

A handwritten 3 moved one pixel to the right is still a 3. Adding such shifted copies to the
training set teaches the network that the label does not depend on the exact position, which
helps it on new images (lessons 8 and 9).

Shapes: images are ``(N, h, w)``, labels ``(N,)``. Pixels that move in from outside the image
are filled with 0 (blank paper for the digits, whose pixels count ink). Shift only the TRAINING
set: the test set must stay the images the model will be judged on.
Limits: whole-pixel shifts only (no rotations, no scaling, no interpolation).
"""

import numpy as np

from course_lib.validation import as_array, check_int

__all__ = ["shift_images", "add_shifted_copies", "ONE_PIXEL_SHIFTS"]

# (dy, dx): down, up, right, left by one pixel
ONE_PIXEL_SHIFTS = ((1, 0), (-1, 0), (0, 1), (0, -1))


def _images(func: str, images) -> np.ndarray:
    return as_array(func, "images", images, ndim=3)


def shift_images(images, dy: int, dx: int) -> np.ndarray:
    r"""Move every image ``dy`` pixels down and ``dx`` pixels right, filling with zeros.

    $$\text{out}[n, r, c] = \text{images}[n, r - dy, c - dx]\ \text{(0 where that is outside)}$$

    ``images``: ``(N, h, w)``; negative ``dy``/``dx`` move up/left. Returns ``(N, h, w)``.
    """
    A = _images("shift_images", images)
    _, h, w = A.shape
    for name, d, size in (("dy", dy, h), ("dx", dx, w)):
        check_int("shift_images", name, abs(d) if isinstance(d, int | np.integer) else d, 0)
        if abs(d) >= size:
            raise ValueError(
                f"shift_images: {name}={d} moves the image ({size} pixels) out of the frame; "
                f"use |{name}| < {size}, e.g. 1."
            )
    out = np.zeros_like(A)
    rows_to, rows_from = slice(max(dy, 0), h + min(dy, 0)), slice(max(-dy, 0), h - max(dy, 0))
    cols_to, cols_from = slice(max(dx, 0), w + min(dx, 0)), slice(max(-dx, 0), w - max(dx, 0))
    out[:, rows_to, cols_to] = A[:, rows_from, cols_from]
    return out


def add_shifted_copies(images, labels, shifts=ONE_PIXEL_SHIFTS) -> tuple[np.ndarray, np.ndarray]:
    r"""The images followed by one shifted copy per ``(dy, dx)`` in ``shifts``; labels repeated.

    ``images``: ``(N, h, w)``; ``labels``: ``(N,)``. Returns ``(images_aug, labels_aug)`` of
    shapes ``((1 + S) N, h, w)`` and ``((1 + S) N,)`` with S = ``len(shifts)``: first the
    originals, then all images shifted by ``shifts[0]``, and so on.
    """
    A = _images("add_shifted_copies", images)
    y = np.asarray(labels)
    if y.ndim != 1 or len(y) != len(A):
        raise ValueError(
            f"add_shifted_copies: images has shape {A.shape} but labels has shape {y.shape}; "
            "pass one label per image, shape (N,)."
        )
    copies = [A] + [shift_images(A, int(dy), int(dx)) for dy, dx in shifts]
    return np.concatenate(copies), np.tile(y, len(copies))
