"""Capacity of a class: K learners at once, each running lessons 01 to the capstone, as nbval does.

For K = 1, 2, 4, 8, 16 (``BENCH_CLASS_SIZES=1,2,4`` to choose), K learner processes start
together; each runs every lesson after 00 top to bottom, each lesson in a fresh kernel (the way
nbval re-executes a notebook). Printed per K:

- ``class_K<k>_kernel_peak_per_learner``: the largest peak resident memory of one learner's
  kernel over all lessons (MB; ``ru_maxrss`` read inside the kernel at the end of each lesson);
- ``class_K<k>_total_kernel_memory``: the peak of the summed resident memory of all kernels
  running at that moment (MB, sampled every 0.2 s);
- ``class_K<k>_lesson_time_median`` / ``_worst``: seconds to run one lesson, over every
  (learner, lesson) pair;
- ``class_K<k>_cpu_per_lesson_median``: CPU seconds a lesson's kernel used (user + system).

And once: ``class_server_memory``, the resident memory of one idle JupyterLab server with the
lab page loaded (each learner on a hub has one, beside its kernel). The figures are what
docs/instructors.md turns into learners per core and per GB. Everything runs on this machine;
timings depend on what else it is doing.
"""

import json
import os
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil

from bench.bench_lessons import run_notebook

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SIZES = (1, 2, 4, 8, 16)


def lessons() -> list[Path]:
    """Every numbered lesson after the welcome (01 to the capstone)."""
    return [p for p in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")) if not p.name.startswith("00")]


def run_lesson(path: Path) -> dict:
    """Run one lesson in a fresh kernel; return its seconds, kernel peak MB and CPU seconds."""
    return run_notebook(path, timeout=900)


def learner(out: Path) -> None:
    """One learner's session: every lesson in order; the results go to ``out`` as JSON."""
    out.write_text(json.dumps([run_lesson(path) for path in lessons()]))


def kernels_rss_mb(workers: list[psutil.Popen]) -> float:
    """Summed resident memory of the kernels the learner processes have started."""
    total = 0
    for worker in workers:
        try:
            children = worker.children(recursive=True)
        except psutil.NoSuchProcess:
            continue
        for child in children:
            try:
                total += child.memory_info().rss
            except psutil.NoSuchProcess:
                pass
    return total / 2**20


def run_class(size: int, folder: Path) -> dict:
    """K learners at once; returns every lesson record and the peak of the kernels' memory."""
    outs = [folder / f"learner{size}-{i}.json" for i in range(size)]
    workers = [
        psutil.Popen([sys.executable, "-m", "bench.bench_class", "--learner", str(out)], cwd=ROOT)
        for out in outs
    ]
    peak = 0.0
    while any(w.poll() is None for w in workers):
        peak = max(peak, kernels_rss_mb(workers))
        time.sleep(0.2)
    failed = [w.args for w in workers if w.returncode != 0]
    if failed:
        raise RuntimeError(f"{len(failed)} of {size} learners failed")
    records = [record for out in outs for record in json.loads(out.read_text())]
    return {"records": records, "total_kernel_mb": peak}


def server_memory_mb() -> float:
    """Resident memory of one idle JupyterLab server after serving the lab page."""
    from tests.browser.lab_server import LabServer

    with LabServer() as server:
        urllib.request.urlopen(server.url("lab"), timeout=60).read()
        time.sleep(1.0)
        proc = psutil.Process(server.proc.pid)
        return sum(p.memory_info().rss for p in [proc, *proc.children(True)]) / 2**20


def sizes() -> list[int]:
    chosen = os.environ.get("BENCH_CLASS_SIZES", "")
    return [int(k) for k in chosen.split(",")] if chosen else list(SIZES)


def run() -> list[tuple[str, float, str]]:
    lines = [("class_server_memory", server_memory_mb(), "MB")]
    with tempfile.TemporaryDirectory(prefix="bench-class-") as tmp:
        for size in sizes():
            start = time.perf_counter()
            result = run_class(size, Path(tmp))
            wall = time.perf_counter() - start
            records = result["records"]
            seconds = [r["seconds"] for r in records]
            prefix = f"class_K{size}"
            summary = [
                (f"{prefix}_kernel_peak_per_learner", max(r["peak_mb"] for r in records), "MB"),
                (f"{prefix}_total_kernel_memory", result["total_kernel_mb"], "MB"),
                (f"{prefix}_lesson_time_median", statistics.median(seconds), "s"),
                (f"{prefix}_lesson_time_worst", max(seconds), "s"),
                (f"{prefix}_cpu_per_lesson_median", statistics.median(r["cpu_s"] for r in records),
                 "s"),
                (f"{prefix}_wall_time", wall, "s"),
            ]  # fmt: skip
            for label, value, unit in summary:  # progress while the larger classes run
                print(f"# {label}: {value:.4g} {unit}", file=sys.stderr, flush=True)
            lines += summary
            if size == 1:
                lines += [(f"class_K1_{r['lesson']}_run_time", r["seconds"], "s") for r in records]
                lines += [(f"class_K1_{r['lesson']}_peak", r["peak_mb"], "MB") for r in records]
    return lines


if __name__ == "__main__":
    if sys.argv[1:2] == ["--learner"]:
        learner(Path(sys.argv[2]))
    else:
        for label, value, unit in run():
            print(f"{label}: {value:.4g} {unit}")
