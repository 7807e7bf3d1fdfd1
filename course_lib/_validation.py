"""Input checks shared by every public function of course_lib.

A learner who passes the wrong thing should get an error that names the argument, says what
was expected and what arrived (shape, dtype), and suggests the likely fix, raised at the
public entry point, never a NumPy traceback from deep inside.

Every helper takes ``func`` (the public function's name) and ``name`` (the argument's name)
so the message reads ``dense_forward: X has shape (4, 3) but ...``.
"""

import inspect

import numpy as np

__all__ = [
    "as_array",
    "as_images",
    "check_ndim",
    "check_same_shape",
    "check_positive",
    "check_int",
    "check_rng",
    "check_labels",
    "check_rows",
    "check_dense_inputs",
    "describe",
]


def describe(value) -> str:
    """A few words for what was passed: 'None', "the string 'abc'", 'an array of shape (3,)'."""
    if value is None:
        return "None"
    if inspect.isclass(value):
        return f"the class {value.__name__} itself"
    if isinstance(value, str):
        return f"the string {value[:30]!r}"
    if isinstance(value, bool | np.bool_):
        return f"the truth value {value}"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} (dtype {value.dtype})"
    if isinstance(value, list | tuple):
        return f"a {type(value).__name__} of {len(value)} items"
    if isinstance(value, int | float | complex | np.number):
        return f"{type(value).__name__} {value!r}"
    if callable(value):
        return f"the function {getattr(value, '__name__', '?')}"
    return f"a {type(value).__name__}"


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
    """Raise ValueError unless ``a`` and ``b`` have the same shape; explain the common (N,)
    against (N, 1) slip, which NumPy would silently broadcast to (N, N)."""
    if np.shape(a) == np.shape(b):
        return
    hint = "they must have the same shape (one entry of each per example and output)."
    if np.size(a) == np.size(b):
        hint = (
            f"they hold the same number of entries, so reshape one to match, e.g. "
            f"{name_b}.reshape({name_a}.shape). (Subtracting (N,) from (N, 1) would "
            "silently broadcast to (N, N).)"
        )
    raise ValueError(
        f"{func}: {name_a} has shape {_shape(a)} but {name_b} has shape {_shape(b)}; {hint}"
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


def check_rng(func: str, rng, example: str = "rng=np.random.default_rng(0)") -> np.random.Generator:
    """Return ``rng`` if it is a ``numpy.random.Generator``, else raise a TypeError that shows
    how to pass one (``example``). The course never uses NumPy's global seed, so every random
    draw can be repeated."""
    if not isinstance(rng, np.random.Generator):
        got = "nothing (None)" if rng is None else type(rng).__name__
        raise TypeError(
            f"{func}: rng should be a numpy.random.Generator, e.g. {example}; got {got}. "
            "(The course never uses NumPy's global seed, so runs can be repeated.)"
        )
    return rng


def check_labels(func: str, name: str, y, num_classes: int | None = None) -> np.ndarray:
    """Return class labels ``y`` as an int64 vector (N,) of whole numbers 0, 1, ..., K-1.

    With ``num_classes`` the labels must also be below it (``num_classes=2``: 0 or 1).
    """
    y = as_array(func, name, y, allow_empty=True)
    if y.ndim != 1:
        raise ValueError(
            f"{func}: {name} has shape {y.shape}; pass one class number per example, shape "
            "(N,). (One-hot rows? use Y.argmax(axis=1); a column? use y.ravel().)"
        )
    bad = (y < 0) | (y != np.round(y)) | (y > 1e9)  # 1e9 classes: surely not a class number
    if num_classes is not None:
        bad |= y >= num_classes
    if np.any(bad):
        if num_classes is None:
            allowed = "0, 1, 2, ..."
        else:
            allowed = "0 or 1" if num_classes == 2 else f"0 to {num_classes - 1}"
        raise ValueError(
            f"{func}: {name} should hold class numbers {allowed}, one per example; "
            f"got e.g. {y[bad][0]!r}."
        )
    return y.astype(np.int64)


def check_rows(func: str, X: np.ndarray, name: str, y: np.ndarray, x_name: str = "X") -> None:
    """Raise ValueError unless ``y`` has one entry (row) per row of ``X``."""
    if len(y) != len(X):
        raise ValueError(
            f"{func}: {x_name} has {len(X)} rows but {name} has shape {_shape(y)}; {name} needs "
            f"one entry per example (one per row of {x_name})."
        )


def check_dense_inputs(func: str, X, W, b) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Check the three inputs of a dense layer: X (N, D), W (M, D) one row per node, b (M,)."""
    X = as_array(func, "X", X, ndim=2)
    W = as_array(func, "W", W, ndim=2)
    b = as_array(func, "b", b)
    d = X.shape[1]
    if W.shape[1] != d:
        hint = " Did you pass W transposed?" if W.shape[0] == d else ""
        raise ValueError(
            f"{func}: X has shape {X.shape} but W has shape {W.shape}; W needs one row per "
            f"node and one column per input feature (M, {d}).{hint}"
        )
    if b.shape != (W.shape[0],):
        raise ValueError(
            f"{func}: b has shape {b.shape} but W has shape {W.shape}; b needs one entry "
            f"per node, shape ({W.shape[0]},). (A column (M, 1)? use b.ravel().)"
        )
    return X, W, b


def as_images(func: str, images) -> np.ndarray:
    """``images`` as (N, h, w): a (N, h, w) array as it is, or (N, h*w) rows of square images
    (such as the 8 x 8 digits flattened to 64) reshaped."""
    A = as_array(func, "images", images, ndim=(2, 3))
    if A.ndim == 2:
        side = int(round(np.sqrt(A.shape[1])))
        if side * side != A.shape[1]:
            raise ValueError(
                f"{func}: images has shape {A.shape}; each row must be a square "
                "image flattened (e.g. 64 = 8 x 8), or pass shape (N, h, w)."
            )
        A = A.reshape(len(A), side, side)
    return A


def check_artists(func: str, artists) -> list:
    """``artists`` (one matplotlib artist, or a list or tuple of them) as a list; a clear
    error naming ``func`` for anything else."""
    found = list(artists) if isinstance(artists, list | tuple) else [artists]
    for artist in found:
        if not hasattr(artist, "set_animated") or not hasattr(artist, "draw"):
            raise TypeError(
                f"{func}: the artists to redraw must be matplotlib artists of the figure (a "
                f"Line2D, a PathCollection, ...), got {type(artist).__name__}; pass e.g. "
                f"[line] with the line from `(line,) = ax.plot(...)`."
            )
    return found
