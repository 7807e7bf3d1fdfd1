"""The bad-input sweep: every public callable of course_lib, one argument varied at a time.

Callables are found by introspection (tests/sweep_engine.py), each needs a valid baseline call
in tests/sweep_baselines.py, and every argument of that call is replaced in turn by each value
of its input families (None, strings, complex numbers, classes instead of instances, ragged
lists, NaN/inf, huge and tiny magnitudes, wrong shapes, empty arrays ...). A leak is a raw
exception, a course error naming another function, a warning, an unreported NaN/inf, or a bad
value silently accepted (for a checker: a wrong-typed answer that passes). The sweep prints
how many calls it made and fails on any leak.
"""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from tests.sweep_baselines import BASELINES  # noqa: E402
from tests.sweep_engine import bad_values, bind, public_callables, run_one  # noqa: E402

LIGHT_FAMILIES = {"None", "string", "nan", "inf", "class", "unknown name", "huge", "object"}
MIN_CALLS = 5000
FOUND = public_callables()


def _names(key: str, base) -> tuple:
    qual = key.split(":", 1)[1]
    return (qual, *base.names)


def sweep_callable(key: str) -> tuple[int, list[str]]:
    """Run every bad value of every argument of ``key``'s baseline; (number of calls, leaks)."""
    base = BASELINES[key]
    names = _names(key, base)
    fn, args, kwargs = base.make()
    bound = bind(fn, args, kwargs)
    if bound is None:
        return 0, [f"{key}: no signature to vary"]
    ba, sig = bound
    params = [
        n for n, p in sig.parameters.items() if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    plotting = ".plotting." in key or ".widgets." in key
    calls, leaks = 0, []
    first = params[0] if params else None
    for arg in params:
        families = bad_values(ba.arguments[arg])
        if base.light:
            families = [b for b in families if b.family in LIGHT_FAMILIES]
        for bad in families:
            fn, args, kwargs = base.make()
            ba2, _ = bind(fn, args, kwargs)
            ba2.arguments[arg] = bad.value
            accepts = base.accepts.get(arg, set())
            mode = "record" if base.record else "inf_ok" if base.inf_ok else "normal"
            if base.checker:
                mode = "answer" if arg == (base.answer or first) else "checker"
                if mode == "answer":  # the right answer written as a list still is right
                    accepts = {"nested list", *accepts}
            leak = run_one(fn, ba2.args, ba2.kwargs, names, arg, bad, accepts, mode)
            calls += 1
            if plotting:
                plt.close("all")
            if leak:
                leaks.append(f"{key}({arg}={bad.family}): {leak}")
    return calls, leaks


def test_every_public_callable_has_a_baseline_call():
    missing = sorted(set(FOUND) - set(BASELINES))
    stale = sorted(set(BASELINES) - set(FOUND))
    assert not missing, (
        f"public callables without a baseline in tests/sweep_baselines.py: {missing}"
    )
    assert not stale, f"baselines for names that are no longer public: {stale}"


def test_a_new_public_function_without_a_baseline_is_caught(monkeypatch):
    import course_lib.linalg as linalg

    def brand_new(x):
        return x

    brand_new.__module__ = linalg.__name__
    monkeypatch.setattr(linalg, "brand_new", brand_new, raising=False)
    monkeypatch.setattr(linalg, "__all__", [*linalg.__all__, "brand_new"])
    assert "course_lib.linalg:brand_new" in set(public_callables()) - set(BASELINES)


@pytest.mark.parametrize("key", sorted(BASELINES))
def test_baseline_call_is_valid(key):
    fn, args, kwargs = BASELINES[key].make()
    fn(*args, **kwargs)
    plt.close("all")


def test_bad_input_sweep_finds_no_leak(tmp_path, monkeypatch, record_property):
    monkeypatch.chdir(tmp_path)  # a path argument given "abc" writes there, not into the repo
    total, leaks = 0, []
    for key in sorted(BASELINES):
        calls, found = sweep_callable(key)
        total += calls
        leaks += found
    line = f"bad-input sweep: {total} calls over {len(BASELINES)} callables, {len(leaks)} leaks"
    record_property("bad_input_sweep", line)  # printed in the run's summary (tests/conftest.py)
    print(line)
    assert total >= MIN_CALLS
    assert not leaks, f"{len(leaks)} leaks:\n" + "\n".join(leaks)


def test_the_sweep_reports_a_raw_numpy_error_as_a_leak():
    from tests.sweep_engine import Bad

    def careless(x):
        return np.ones(2) @ np.asarray(x)  # a matmul ValueError from NumPy

    leak = run_one(careless, (np.ones(3),), {}, ("careless",), "x", Bad("shape", None, False))
    assert leak and leak.startswith("raw ValueError")


def test_the_sweep_reports_an_accepted_none_and_an_unreported_nan():
    from tests.sweep_engine import Bad

    leak = run_one(lambda x: 1.0, (None,), {}, ("f",), "x", Bad("None", None, True))
    assert leak and "accepted None" in leak
    leak = run_one(lambda x: float("nan"), (0,), {}, ("f",), "x", Bad("zero", 0, False))
    assert leak == "NaN/inf in the result without a report"
