"""The ``@checked`` decorator: declared argument checks for public entry points off the hot path.

``@checked(lr=POSITIVE, num_steps=count(0))`` (specs from ``_argspec``) checks each named
argument before the function runs and raises a TypeError or ValueError naming the function, the
argument, what it got and what it expects. Around the call it also

- keeps a course message of a course function called inside under the name the learner called
  (``compare_losses: lr must be ...``, not ``train_sigmoid_classifier: lr must be ...``);
- turns floating-point overflow into :class:`OverflowValueError`, a course ValueError naming
  the largest argument (training loops read it as divergence); with ``_finite=True`` a result
  holding inf or NaN counts as overflow too.

The maths on a training loop's hot path (losses, layers, ``MLP.forward``, ``optimizer.step``)
checks its inputs by hand instead: binding the signature costs a few microseconds per call.
"""

import functools
import inspect
import re

import numpy as np

__all__ = ["checked", "renamed_errors", "OverflowValueError"]


class OverflowValueError(ValueError):
    """A course ValueError for arithmetic that overflowed float64 (training loops read it as
    divergence)."""


_COURSE_PREFIX = re.compile(r"^([A-Za-z_][\w.]*): ")


def renamed_errors(func: str, exc: Exception) -> Exception:
    """``exc`` again, but a course message of an inner function re-labelled with ``func``."""
    msg = str(exc)
    m = _COURSE_PREFIX.match(msg)
    if m and m.group(1) != func and not msg.startswith(f"{func}:"):
        new = type(exc)(f"{func}: {msg[m.end() :]}")
        return new
    return exc


def _magnitude(value) -> float:
    if isinstance(value, bool | str | bytes) or value is None:
        return 0.0
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return 0.0
    return float(np.max(np.abs(arr))) if arr.size else 0.0


def _overflow_message(func: str, arguments: dict) -> str:
    sizes = {name: _magnitude(v) for name, v in arguments.items()}
    name = max(sizes, key=sizes.get) if sizes else None
    got = f"{name} has entries as large as {sizes[name]:.3g}" if name and sizes[name] else ""
    return (
        f"{func}: the arithmetic overflowed float64 ({got or 'values too large'}); "
        "this function works with numbers up to about 1e100 in size. Use smaller values "
        "(a diverged run? lower the learning rate)."
    )


def _nonfinite(x, depth: int = 0) -> bool:
    if isinstance(x, float | np.floating):
        return not np.isfinite(x)
    if isinstance(x, np.ndarray):
        return x.dtype.kind == "f" and not np.isfinite(x).all()
    if depth < 3 and isinstance(x, list | tuple | dict):
        return any(_nonfinite(v, depth + 1) for v in (x.values() if isinstance(x, dict) else x))
    if depth < 3 and hasattr(x, "__dataclass_fields__"):
        return any(_nonfinite(getattr(x, k), depth + 1) for k in x.__dataclass_fields__)
    return False


def checked(_name: str | None = None, _finite: bool = False, **specs):
    """Check the named arguments with their specs before the call; name errors after the
    function (``_name`` overrides, e.g. ``"Playground"`` for a class's ``__init__``).

    Floating-point overflow inside becomes a course ValueError naming the largest argument;
    with ``_finite=True`` so does a result holding inf or NaN.
    """

    def wrap(fn):
        sig = inspect.signature(fn)
        func = _name or fn.__qualname__.replace(".__init__", "")
        unknown = set(specs) - set(sig.parameters)
        if unknown:
            raise TypeError(f"checked({func}): no parameters {sorted(unknown)}")

        @functools.wraps(fn)
        def inner(*args, **kwargs):
            try:
                bound = sig.bind(*args, **kwargs)
            except TypeError as exc:
                raise TypeError(f"{func}: {exc}") from None
            bound.apply_defaults()
            for name, spec in specs.items():
                spec(func, name, bound.arguments[name])
            try:
                with np.errstate(over="raise", invalid="raise", divide="raise"):
                    result = fn(*args, **kwargs)
                if _finite and _nonfinite(result):
                    raise OverflowError
                return result
            except (FloatingPointError, OverflowError):
                raise OverflowValueError(_overflow_message(func, bound.arguments)) from None
            except (TypeError, ValueError) as exc:
                new = renamed_errors(func, exc)
                if new is exc:
                    raise
                raise new from None

        return inner

    return wrap
