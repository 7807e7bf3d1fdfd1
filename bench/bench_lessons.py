"""Per-lesson figures: wall time to run a notebook top to bottom in a fresh kernel, and the
kernel's peak memory. The bar for a lesson is 15 s (under nbval on 2 cores) and, for a lesson
that uses every explorer, 250 MB.
"""

import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
USAGE_CELL = (
    "import resource as _r; _u = _r.getrusage(_r.RUSAGE_SELF); "
    "print('USAGE', _u.ru_maxrss, _u.ru_utime + _u.ru_stime)"
)


def run_notebook(path: Path, timeout: int = 300) -> dict:
    """Run ``path`` in a fresh kernel as nbval does: its seconds, kernel peak MB and CPU seconds."""
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(USAGE_CELL))
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    with client.setup_kernel():
        start = time.perf_counter()
        for index, cell in enumerate(nb.cells[:-1]):
            client.execute_cell(cell, index)
        seconds = time.perf_counter() - start
        client.execute_cell(nb.cells[-1], len(nb.cells) - 1)
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    peak_kb, cpu = text.split("USAGE")[1].split()[:2]
    return {"lesson": path.stem, "seconds": seconds, "peak_mb": float(peak_kb) / 1024,
            "cpu_s": float(cpu)}  # fmt: skip


def run() -> list[tuple[str, float, str]]:
    lines = []
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        result = run_notebook(path)
        stem = path.stem
        lines += [
            (f"lesson_{stem}_run_time", result["seconds"], "s"),
            (f"lesson_{stem}_peak_memory", result["peak_mb"], "MB"),
        ]
    return lines
