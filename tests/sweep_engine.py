"""The machinery of the bad-input sweep (tests/test_bad_input_sweep.py).

:func:`public_callables` finds every public callable of course_lib by introspection: each
module's ``__all__`` (or, without one, its public top-level functions and classes), each class
and its public methods. :func:`bad_values` makes the input families for one argument from its
valid baseline value; :func:`run_one` calls the function with that one argument replaced and
says whether the answer is a leak:

- a raw exception (anything but a TypeError/ValueError whose message starts with the name of
  the function called), e.g. a NumPy traceback, or a course message naming another function;
- a warning (warnings are errors here);
- NaN or inf in the result, unless the result reports the divergence (``diverged_at``);
- a bad value (None, a string, a class instead of an instance, NaN ...) silently accepted,
  unless the baseline table says that argument takes it; for a checker, a wrong-typed answer
  that passes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import inspect
import io
import pkgutil
import traceback
import types
import warnings

import numpy as np

import course_lib

SKIP_MODULE_PARTS = ("_",)  # private modules: plumbing, reached through the public ones


def _is_private(modname: str) -> bool:
    return any(part.startswith("_") for part in modname.split(".")[1:])


def public_callables() -> dict[str, object]:
    """``{"module:name": obj, "module:Class.method": function}`` for all of course_lib."""
    found = {}
    for info in pkgutil.walk_packages(course_lib.__path__, "course_lib."):
        if _is_private(info.name):
            continue
        mod = importlib.import_module(info.name)
        names = getattr(mod, "__all__", None)
        if names is None:
            names = [
                k
                for k, v in vars(mod).items()
                if not k.startswith("_")
                and (inspect.isfunction(v) or inspect.isclass(v))
                and getattr(v, "__module__", None) == mod.__name__
            ]
        for name in names:
            obj = getattr(mod, name)
            if getattr(obj, "__module__", mod.__name__) != mod.__name__:
                continue  # a re-export (package __init__): swept where it is defined
            if inspect.isclass(obj):
                found[f"{mod.__name__}:{name}"] = obj
                for attr, member in vars(obj).items():
                    if attr.startswith("_") or not inspect.isfunction(member):
                        continue
                    found[f"{mod.__name__}:{name}.{attr}"] = member
            elif callable(obj):
                found[f"{mod.__name__}:{name}"] = obj
    return found


# ---- input families ---------------------------------------------------------------------------


def _raises(*args, **kwargs):
    raise ZeroDivisionError("a learner's function that fails")


def _returns_none(*args, **kwargs):
    return None


def _returns_text(*args, **kwargs):
    return "abc"


def _returns_nan(*args, **kwargs):
    return np.full(3, np.nan)


def _returns_wrong_shape(*args, **kwargs):
    return np.zeros((7, 5))


#: callables handed to an argument that expects a function; their own errors are the learner's
LEARNER_FNS = (_raises, _returns_none, _returns_text, _returns_nan, _returns_wrong_shape)
_LEARNER_CODES = {f.__code__ for f in LEARNER_FNS}


@dataclasses.dataclass(frozen=True)
class Bad:
    family: str
    value: object
    must_refuse: bool  # accepting it silently is a leak (unless the table allows it)


def _common(v) -> list[Bad]:
    out = [
        Bad("None", None, True),
        Bad("string", "abc", True),
        Bad("complex", 1 + 2j, True),
        Bad("object", object(), True),
        Bad("ragged", [[1.0, 2.0], [3.0]], True),
    ]
    if v is not None:
        out.append(Bad("class", type(v), True))
    return out


def _is_number(v) -> bool:
    return isinstance(v, int | float | np.integer | np.floating) and not isinstance(v, bool)


def bad_values(v) -> list[Bad]:
    """Input families for an argument whose valid baseline value is ``v``."""
    if isinstance(v, bool | np.bool_):
        return [Bad("None", None, False), Bad("string", "yes", False)]
    if _is_number(v):
        out = _common(v) + [
            Bad("nan", float("nan"), True),
            Bad("inf", float("inf"), True),
            Bad("-inf", float("-inf"), True),
            Bad("zero", 0, False),
            Bad("negative", -1, False),
            Bad("array", np.array([1.0, 2.0]), True),
            Bad("numeric string", str(v), True),
        ]
        if isinstance(v, int | np.integer):
            out += [Bad("fraction", 2.5, True), Bad("bool", True, True)]
        else:
            out += [
                Bad("huge", 1e308, False),
                Bad("-huge", -1e308, False),
                Bad("tiny", 1e-308, False),
            ]
        return out
    if isinstance(v, np.ndarray | list | tuple) and _numeric_array(v) is not None:
        a = _numeric_array(v)
        out = _common(v) + [
            Bad("complex array", a + 1j, True),
            Bad("string array", a.astype(str), True),
            Bad("empty", np.zeros((0,) * max(a.ndim, 1)), False),
            Bad("nested list", a.tolist(), False),
            Bad("extra axis", a[..., None], False),
            Bad("huge", a * 1e300 + 1e300, False),
            Bad("tiny", a * 1e-300 + 1e-300, False),
        ]
        if a.size:
            for fam, x in (("nan", np.nan), ("inf", np.inf)):
                b = a.copy()
                b.flat[0] = x
                out.append(Bad(fam, b, True))
        if a.ndim >= 1:
            out.append(Bad("scalar", float(a.flat[0]) if a.size else 1.0, False))
        if a.ndim == 2:
            out.append(Bad("transposed", a.T.copy(), False))
        return out
    if isinstance(v, str):
        return [
            Bad("None", None, True),
            Bad("unknown name", "no-such-option", True),
            Bad("number", 3, True),
            Bad("class", str, True),
            Bad("list of strings", [v], True),
        ]
    if isinstance(v, dict):
        return _common(v) + [
            Bad("empty dict", {}, True),
            Bad("list", list(v.values()), True),
            Bad("array", np.arange(3.0), True),
            Bad("array values", {k: np.arange(2.0) for k in v}, True),
            Bad("string values", {k: str(x) for k, x in v.items()}, True),
            Bad("None values", dict.fromkeys(v), True),
        ]
    if isinstance(v, np.random.Generator):
        return [
            Bad("None", None, True),
            Bad("int seed", 0, True),
            Bad("RandomState", np.random.RandomState(0), True),
            Bad("class", np.random.Generator, True),
            Bad("function not called", np.random.default_rng, True),
            Bad("string", "abc", True),
        ]
    if callable(v) and not inspect.isclass(v):
        return [Bad("None", None, True), Bad("string", "abc", True), Bad("number", 3, True)] + [
            Bad(f.__name__.lstrip("_"), f, False) for f in LEARNER_FNS
        ]
    if v is None:  # an optional argument left out: anything a learner might put there
        return [
            Bad("string", "abc", True),
            Bad("complex", 1 + 2j, True),
            Bad("object", object(), True),
            Bad("nan", float("nan"), True),
        ]
    return _common(v)  # an instance: an optimizer, a model, a surface, a problem ...


def _numeric_array(v):
    try:
        a = np.asarray(v)
    except ValueError:
        return None
    if a.dtype.kind not in "biuf" or a.dtype.kind == "b":
        return None
    return a.astype(float)


# ---- one call ---------------------------------------------------------------------------------


def _nonfinite(x, depth: int = 0) -> bool:
    """True if ``x`` (a number, array, or container of them) holds NaN or inf."""
    if depth > 4:
        return False
    if isinstance(x, float | np.floating | complex):
        return not np.isfinite(x)
    if isinstance(x, np.ndarray):
        return x.dtype.kind in "fc" and not np.all(np.isfinite(x))
    if isinstance(x, list | tuple):
        return any(_nonfinite(e, depth + 1) for e in x[:1000])
    if isinstance(x, dict):
        return any(_nonfinite(e, depth + 1) for e in list(x.values())[:1000])
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return any(_nonfinite(getattr(x, f.name), depth + 1) for f in dataclasses.fields(x))
    return False


def _reports_divergence(x, depth: int = 0) -> bool:
    if depth > 3:
        return False
    if getattr(x, "diverged_at", None) is not None:
        return True
    if isinstance(x, dict):
        if x.get("diverged_at") is not None:
            return True
        return any(_reports_divergence(e, depth + 1) for e in x.values())
    if isinstance(x, list | tuple):
        return any(_reports_divergence(e, depth + 1) for e in x[:100])
    return False


def _raised_by_learner_fn(exc: BaseException) -> bool:
    return any(frame.f_code in _LEARNER_CODES for frame, _ in traceback.walk_tb(exc.__traceback__))


def _raised_in_course_lib(exc: BaseException) -> bool:
    frames = list(traceback.walk_tb(exc.__traceback__))
    return bool(frames) and "course_lib" in frames[-1][0].f_code.co_filename


#: free-text arguments: any string is a valid title or label
TEXT_ARGS = {"title", "label", "suptitle", "description", "name", "fmt", "hint", "labels"}
TEXT_FAMILIES = {"string", "unknown name"}


def run_one(fn, args, kwargs, names, arg, bad: Bad, accepts=(), mode="normal"):
    """Call ``fn(*args, **kwargs)`` (``arg`` already holds ``bad.value``); return None if the
    answer is a proper one, else a one-line description of the leak.

    ``mode``: "normal"; "record" (a record type: stores anything, only crashes count);
    "answer" (a checker's answer argument: it must not pass); "checker" (another argument of a
    checker: only crashes and warnings count; a CheckResult holds NaN errors by design).
    """
    out = io.StringIO()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with contextlib.redirect_stdout(out):
                result = fn(*args, **kwargs)
    except (TypeError, ValueError) as exc:
        msg = str(exc)
        if _raised_by_learner_fn(exc):
            return None
        if not _raised_in_course_lib(exc):
            return f"raw {type(exc).__name__} from outside course_lib: {msg[:120]}"
        if not any(msg.startswith(f"{n}:") or msg.startswith(f"{n} ") for n in names):
            return f"message does not start with {names[0]!r}: {msg[:120]}"
        return None
    except Warning as w:
        return f"warning {type(w).__name__}: {str(w)[:120]}"
    except Exception as exc:
        if _raised_by_learner_fn(exc):
            return None
        return f"raw {type(exc).__name__}: {str(exc)[:120]}"
    if mode == "answer":
        if getattr(result, "passed", False) and bad.family not in accepts:
            return "checker passed a wrong-typed answer"
        return None
    if mode in ("record", "checker"):
        return None
    if arg in TEXT_ARGS and bad.family in TEXT_FAMILIES:
        return None
    if bad.must_refuse and bad.family not in accepts and "*" not in accepts:
        return f"accepted {bad.family} {_short(bad.value)} without complaint"
    if mode != "inf_ok" and _nonfinite(result) and not _reports_divergence(result):
        return "NaN/inf in the result without a report"
    return None


def _short(v) -> str:
    text = repr(v) if not isinstance(v, types.FunctionType) else v.__name__
    text = " ".join(text.split())
    return text if len(text) < 40 else text[:37] + "..."


def bind(fn, args, kwargs):
    """The bound arguments of a baseline call, defaults filled in, or None if no signature."""
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return None
    ba = sig.bind(*args, **kwargs)
    ba.apply_defaults()
    return ba, sig
