"""Run every benchmark and print one line per figure: ``name: value unit``.

Each ``bench/bench_<topic>.py`` exposes ``run() -> list[tuple[str, float, str]]``.
``python -m bench`` runs them all; ``python -m bench training lessons`` runs only those topics.
Timings are printed here, never asserted in tests.
"""

import importlib
import pkgutil
import sys
import time
from pathlib import Path


def main(selected: list[str]) -> int:
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    if selected:
        names = [n for n in names if n.removeprefix("bench_") in selected]
    failed = 0
    for name in names:
        start = time.perf_counter()
        try:
            lines = importlib.import_module(f"bench.{name}").run()
        except Exception as exc:  # one broken benchmark must not hide the others
            print(f"# {name} failed: {type(exc).__name__}: {exc}", flush=True)
            failed += 1
            continue
        for label, value, unit in lines:
            print(f"{label}: {value:.4g} {unit}", flush=True)
        print(f"# {name} took {time.perf_counter() - start:.1f} s", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
