"""Argument specs for ``_checked.checked``: each is ``spec(func, name, value)`` and raises a
TypeError or ValueError that names the function, the argument, what it got and what it expects.

Built on the ``_validation`` helpers (``as_array``, ``check_int``, ``check_positive``,
``check_rng``). ``has_attrs`` also catches the forgotten instantiation: passing the class
``Adam`` where ``Adam(lr=…)`` belongs.
"""

import inspect
import os

import numpy as np

from course_lib._validation import as_array, check_int, check_positive, check_rng, describe

__all__ = [
    "number",
    "count",
    "seed",
    "POSITIVE",
    "NONNEGATIVE",
    "NUMBER",
    "RNG",
    "TEXT",
    "FUNCTION",
    "array",
    "choice",
    "instance_of",
    "optional",
    "PARAMS",
    "SIZES",
    "ARRAY_LIST",
    "has_attrs",
    "keys_of",
    "OPTIMIZER",
    "SURFACE",
    "MODEL",
    "AXES",
    "FIGURE",
    "INDEX",
    "TEXTS",
    "WHOLE",
    "SEQUENCE",
    "BOOL",
    "PATH",
]


# ---- argument specs: each is f(func, name, value) and raises if value is wrong ------------------


def number(finite: bool = True, lo=None, hi=None):
    """A real number (not a bool, string or array); finite, and within [lo, hi] if given."""

    def check(func, name, value):
        if isinstance(value, list | tuple | np.ndarray):
            raise ValueError(f"{func}: {name} should be one number, got {describe(value)}.")
        if isinstance(value, bool | np.bool_) or not isinstance(
            value, int | float | np.integer | np.floating
        ):
            raise TypeError(f"{func}: {name} should be a number, got {describe(value)}.")
        v = float(value)
        if (finite and not np.isfinite(v)) or np.isnan(v):
            raise ValueError(f"{func}: {name} should be a finite number, got {value!r}.")
        if (lo is not None and v < lo) or (hi is not None and v > hi):
            raise ValueError(
                f"{func}: {name} should be between {lo} and {hi}, got {value!r}.".replace(
                    "between None and", "at most"
                ).replace(" and None", " or more")
            )

    return check


def count(minimum: int = 1):
    """A whole number >= ``minimum``."""
    return lambda func, name, value: check_int(func, name, value, minimum)


def seed(func, name, value):
    """A random seed: a whole number >= 0."""
    check_int(func, name, value, minimum=0)


def _positive(func, name, value):
    check_positive(func, name, value)


def _nonnegative(func, name, value):
    check_positive(func, name, value, allow_zero=True)


def _rng(func, name, value):
    check_rng(func, value)


def _text(func, name, value):
    if not isinstance(value, str):
        raise TypeError(f"{func}: {name} should be text (a string), got {describe(value)}.")


def _function(func, name, value):
    if not callable(value) or inspect.isclass(value):
        raise TypeError(f"{func}: {name} should be a function, got {describe(value)}.")


def _index(func, name, value):
    check_int(func, name, value, minimum=0)


def _whole(func, name, value):  # any whole number, e.g. a Python index such as -1
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(f"{func}: {name} should be a whole number such as -1, got {value!r}.")


def _texts(func, name, value):
    if not isinstance(value, list | tuple) or not all(isinstance(t, str) for t in value):
        raise TypeError(f"{func}: {name} should be a list of strings, got {describe(value)}.")


def _sequence(func, name, value):
    if not isinstance(value, list | tuple | np.ndarray):
        raise TypeError(f"{func}: {name} should be a list, got {describe(value)}.")


def _bool(func, name, value):
    if not isinstance(value, bool | np.bool_):
        raise TypeError(f"{func}: {name} should be True or False, got {describe(value)}.")


def _path(func, name, value):
    if not isinstance(value, str | os.PathLike):
        raise TypeError(f"{func}: {name} should be a file path (text), got {describe(value)}.")


POSITIVE, NONNEGATIVE, NUMBER = _positive, _nonnegative, number()
PATH = _path
SEQUENCE, BOOL = _sequence, _bool
INDEX, TEXTS, WHOLE = _index, _texts, _whole
RNG, TEXT, FUNCTION = _rng, _text, _function


def array(ndim=None, allow_empty=False, finite=True, shape=None, max_abs=None):
    """An array of real numbers (see ``_validation.as_array``); ``shape`` may use None as 'any';
    ``max_abs``: the largest size an entry may have (e.g. the range of a picture's axes)."""

    def check(func, name, value):
        arr = as_array(func, name, value, ndim=ndim, allow_empty=allow_empty, finite=finite)
        if max_abs is not None and arr.size and np.abs(arr).max() > max_abs:
            raise ValueError(
                f"{func}: {name} has entries up to {np.abs(arr).max():.3g} in size; this picture "
                f"is drawn for values within ±{max_abs:g}."
            )
        if shape is not None and (
            arr.ndim != len(shape)
            or any(s is not None and s != k for s, k in zip(shape, arr.shape, strict=True))
        ):
            want = "(" + ", ".join("N" if s is None else str(s) for s in shape) + ")"
            raise ValueError(f"{func}: {name} should have shape {want}, got shape {arr.shape}.")

    return check


def choice(*options):
    """One of the given options (strings, usually)."""

    def check(func, name, value):
        try:
            ok = isinstance(value, str | int | float | np.number) and value in options
        except TypeError:
            ok = False
        same_kind = isinstance(value, str) == isinstance(options[0], str)
        if not ok or not same_kind or isinstance(value, bool | np.bool_):
            raise ValueError(
                f"{func}: {name} should be one of {', '.join(map(repr, options))}; "
                f"got {describe(value)}."
            )

    return check


def instance_of(cls, example: str):
    """An object of class ``cls`` (a class or a tuple). Passing the class itself is the
    forgotten-instantiation slip: the message says how to create one (``example``)."""

    def check(func, name, value):
        if isinstance(value, cls):
            return
        if inspect.isclass(value) and issubclass(value, cls):
            raise TypeError(
                f"{func}: {name} should be an instance: pass `{value.__name__}(...)` "
                f"(e.g. `{example}`), not the class `{value.__name__}` itself."
            )
        raise TypeError(f"{func}: {name} should be e.g. `{example}`, got {describe(value)}.")

    return check


def optional(spec):
    """None, or what ``spec`` accepts."""

    def check(func, name, value):
        if value is not None:
            spec(func, name, value)

    return check


def _params(func, name, value):
    """Network parameters {"W1": (n_1, n_0), "b1": (n_1,), ...}, layers numbered from 1."""
    if not isinstance(value, dict) or not value:
        raise TypeError(
            f"{func}: {name} should be a dict of weights such as MLP(...).params, "
            f'{{"W1": array, "b1": array, ...}}; got {describe(value)}.'
        )
    num_layers = len(value) // 2
    want = {f"{p}{l}" for l in range(1, num_layers + 1) for p in "Wb"}
    if set(value) != want:
        raise ValueError(
            f"{func}: {name} should have the keys {sorted(want)} (W1, b1, W2, b2, ...), "
            f"got {sorted(map(str, value))}."
        )
    for key, v in value.items():
        as_array(func, f"{name}[{key!r}]", v, ndim=2 if key[0] == "W" else 1)


def _sizes(func, name, value):
    """Layer sizes: a list of at least two whole numbers >= 1."""
    if not isinstance(value, list | tuple) or len(value) < 2:
        raise TypeError(
            f"{func}: {name} should be a list of at least two whole numbers such as "
            f"[2, 3, 1] (inputs, hidden nodes, outputs), got {describe(value)}."
        )
    for v in value:
        check_int(func, f"each entry of {name}", v, minimum=1)


def _array_list(func, name, value):
    """A list of 1-D arrays (the values of each layer)."""
    if not isinstance(value, list | tuple) or not value:
        raise TypeError(f"{func}: {name} should be a list of arrays, got {describe(value)}.")
    for i, v in enumerate(value):
        as_array(func, f"{name}[{i}]", v, ndim=1)


PARAMS, SIZES, ARRAY_LIST = _params, _sizes, _array_list


def has_attrs(attrs: tuple, example: str, call: str = "…", what: str = ""):
    """An object with the given attributes (a surface, a model, a problem ...). The class
    itself is the forgotten-instantiation slip, and the message says so: "pass `Adam(lr=…)`,
    not the class `Adam`" (``call`` is what goes in the brackets)."""

    def check(func, name, value):
        if inspect.isclass(value):
            raise TypeError(
                f"{func}: {name} should be an instance: pass `{value.__name__}({call})`, "
                f"not the class `{value.__name__}` itself (e.g. `{example}`)."
            )
        missing = [a for a in attrs if not hasattr(value, a)]
        if missing:
            raise TypeError(
                f"{func}: {name} should be {what or 'e.g.'} `{example}`; {describe(value)} "
                f"has no {missing[0]!r}."
            )

    return check


OPTIMIZER = has_attrs(("step", "reset"), "optimizers.Adam(lr=0.01)", "lr=…")
MODEL = has_attrs(
    ("params", "forward", "predict"),
    "network.MLP([2, 8, 2], rng=rng)",
    what="an MLP (or a model with params, forward and predict), e.g.",
)
SURFACE = has_attrs(("value", "gradient"), "surfaces.Quadratic(10.0)")


AXES = has_attrs(("plot", "add_patch"), "fig, ax = plt.subplots()")
FIGURE = has_attrs(("canvas",), "fig = plt.figure()")


def keys_of(*keys, values=NUMBER):
    """A dict with (at least) the given keys, each value accepted by ``values``."""

    def check(func, name, value):
        if not isinstance(value, dict) or any(k not in value for k in keys):
            raise TypeError(
                f"{func}: {name} should be a dict with the keys {list(keys)}, got "
                f"{describe(value)}."
            )
        for k in keys:
            values(func, f"{name}[{k!r}]", value[k])

    return check
