"""What a slider move costs in the kernel, for every explorer of every lesson.

Each lesson runs top to bottom in a fresh kernel (as nbval runs it, with ipympl); then
``bench/_explorer_probe.py`` runs in the same kernel: it finds every explorer the lesson built
(by its ``course-explorer`` CSS class, as the browser bench does), makes its canvas send frames
as a canvas shown in JupyterLab does, and times moves of its main slider: the callback, the draw
(full or blit) and the PNG encoding of the frame sent. The bar: each explorer's median at or
under a plain one-line plot redrawn the same way in the same kernel (``*_plain_plot_ratio`` <=
1.0). ``step`` moves go one step right and left as a key press does (after one warm-up move);
``sweep`` moves visit MOVES values spread over the whole range (``_max``: the slowest move, e.g.
a first visit that a kept picture cannot serve). CPU milliseconds are also given:
on a shared machine they are less inflated than wall time.
``BENCH_NOTEBOOKS=04,05`` limits the run to lessons whose names start with those prefixes.
"""

import json
import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
PROBE = Path(__file__).with_name("_explorer_probe.py")


def probe_notebook(path: Path, timeout: int = 300) -> dict:
    """Run the lesson at ``path`` in a fresh kernel, then the probe; the probe's figures."""
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PROBE.read_text()))
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.get("name") == "stdout")
    return json.loads(text.split("PROBE", 1)[1])


def selected_notebooks() -> list[Path]:
    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    prefixes = [p for p in os.environ.get("BENCH_NOTEBOOKS", "").split(",") if p]
    return [p for p in paths if not prefixes or any(p.name.startswith(x) for x in prefixes)]


def notebook_lines(stem: str, result: dict) -> list[tuple[str, float, str]]:
    reference = min(result["reference"]["median_ms"], result["reference_after"]["median_ms"])
    lines = [
        (f"explorer_{stem}_plain_plot_update", reference, "ms"),
        (f"explorer_{stem}_plain_plot_update_cpu", result["reference"]["median_cpu_ms"], "ms"),
    ]
    for name, figures in result["explorers"].items():
        key = f"explorer_{stem}_{name.replace('-', '_')}"
        if "error" in figures:
            print(f"# bench_explorers: {stem} {name}: {figures['error']}")
            continue
        for kind in ("step", "sweep"):
            f = figures[kind]
            lines += [
                (f"{key}_{kind}_update", f["median_ms"], "ms"),
                (f"{key}_{kind}_update_max", f["max_ms"], "ms"),
                (f"{key}_{kind}_update_cpu", f["median_cpu_ms"], "ms"),
                (f"{key}_{kind}_plain_plot_ratio", f["median_ms"] / reference, "x"),
            ]
            if f["moves_without_frame"]:
                print(f"# bench_explorers: {stem} {name} {kind}: "
                      f"{f['moves_without_frame']} moves sent no frame")  # fmt: skip
    return lines


def run() -> list[tuple[str, float, str]]:
    lines = []
    for path in selected_notebooks():
        lines += notebook_lines(path.stem, probe_notebook(path))
    return lines
