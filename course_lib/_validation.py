"""Input checks shared by every public function of course_lib.

A learner who passes the wrong thing should get an error that names the argument, says what
was expected and what arrived (shape, dtype), and suggests the likely fix, raised at the
public entry point, never a NumPy traceback from deep inside.

Every helper takes ``func`` (the public function's name) and ``name`` (the argument's name)
so the message reads ``dense_forward: X has shape (4, 3) but ...``.
"""

import numpy as np

__all__ = ["as_array", "check_ndim", "check_same_shape", "check_positive", "check_int"]


def _shape(x) -> str:
    return str(tuple(np.shape(x)))


def as_array(
    func: str, name: str, x, ndim=None, allow_empty: bool = False, finite: bool = True
) -> np.ndarray:
    """Convert ``x`` to a float64 array, or raise an error a beginner can act on.

    ``ndim`` may be an int or a tuple of allowed ranks. Booleans and integers are accepted and
    converted; strings, objects and complex numbers are refused with a TypeError.
    """
    if isinstance(x, str | bytes):
        raise TypeError(f"{func}: {name} is a string ({x!r}); pass numbers, e.g. np.array([...]).")
    try:
        arr = np.asarray(x)
    except ValueError as exc:  # ragged nested lists
        raise ValueError(
            f"{func}: {name} could not be turned into an array ({exc}). Every row of a matrix "
            "must have the same length, e.g. np.array([[1, 2], [3, 4]])."
        ) from None
    if arr.dtype.kind not in "biuf":
        raise TypeError(
            f"{func}: {name} has dtype {arr.dtype}; expected real numbers (int or float). "
            "Check that you passed numbers, not strings or a list of arrays of different sizes."
        )
    arr = arr.astype(np.float64, copy=False)
    if ndim is not None:
        check_ndim(func, name, arr, ndim)
    if arr.size == 0 and not allow_empty:
        raise ValueError(
            f"{func}: {name} is empty (shape {_shape(arr)}); it needs at least one number."
        )
    if finite and not np.all(np.isfinite(arr)):
        bad = "NaN" if np.any(np.isnan(arr)) else "inf"
        raise ValueError(
            f"{func}: {name} contains {bad} (shape {_shape(arr)}). A NaN or inf usually comes "
            "from an earlier step that diverged: lower the learning rate or check the data."
        )
    return arr


def check_ndim(func: str, name: str, arr: np.ndarray, ndim) -> None:
    """Raise ValueError unless ``arr.ndim`` is ``ndim`` (an int or a tuple of ints)."""
    allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
    if arr.ndim not in allowed:
        words = {0: "a scalar", 1: "a vector (1-D)", 2: "a matrix (2-D)", 3: "a 3-D tensor"}
        want = " or ".join(words.get(k, f"{k}-D") for k in allowed)
        hint = ""
        if 2 in allowed and arr.ndim == 1:
            hint = " For one example, use x.reshape(1, -1) to make it a (1, D) row."
        raise ValueError(f"{func}: {name} should be {want}, but it has shape {_shape(arr)}.{hint}")


def check_same_shape(func: str, name_a: str, a: np.ndarray, name_b: str, b: np.ndarray) -> None:
    """Raise ValueError unless ``a`` and ``b`` have the same shape."""
    if np.shape(a) != np.shape(b):
        raise ValueError(
            f"{func}: {name_a} has shape {_shape(a)} but {name_b} has shape {_shape(b)}; they "
            "must have the same shape (one entry of each per example and output)."
        )


def check_positive(func: str, name: str, value, allow_zero: bool = False) -> float:
    """Return ``value`` as a float, or raise if it is not a finite positive number."""
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise TypeError(f"{func}: {name} should be a number, got {type(value).__name__}.")
    v = float(value)
    if not np.isfinite(v) or v < 0 or (v == 0 and not allow_zero):
        need = "zero or more" if allow_zero else "greater than zero"
        raise ValueError(f"{func}: {name} must be a finite number {need}, got {value!r}.")
    return v


def check_int(func: str, name: str, value, minimum: int = 1) -> int:
    """Return ``value`` as an int, or raise if it is not an integer >= ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(f"{func}: {name} should be a whole number, got {value!r}.")
    if value < minimum:
        raise ValueError(f"{func}: {name} must be at least {minimum}, got {value}.")
    return int(value)
