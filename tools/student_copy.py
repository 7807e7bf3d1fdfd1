"""Make a student copy of the course for graded work: the same repository without the solutions.

    python tools/student_copy.py build/student-copy     (or: make student-copy)

Copies every file git tracks into the target folder and, in each notebook, removes the
``<details>`` blocks whose summary says "solution" or "answer" (the worked solutions and the
check-your-understanding answers), leaving a one-line note in their place. Other ``<details>``
blocks (asides, longer explanations) stay. Code cells, exercise stubs and checkers are unchanged,
so the copy runs like the original. Push the folder to its own repository and give students an
nbgitpuller link to it (tools/nbgitpuller_link.py).
"""

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
SOLUTION_SUMMARY = re.compile(r"solution|answer", re.IGNORECASE)
DETAILS = re.compile(r"<details\b.*?</details>[ \t]*\n?", re.IGNORECASE | re.DOTALL)
SUMMARY = re.compile(r"<summary\b.*?</summary>", re.IGNORECASE | re.DOTALL)
MARKER = ".student-copy"
NOTE = "*(The worked solution is not part of the student copy.)*\n"


def strip_solutions(text: str) -> tuple[str, int]:
    """Remove solution ``<details>`` blocks from one markdown text; return it and their count."""
    removed = 0

    def replace(block: re.Match) -> str:
        nonlocal removed
        summary = SUMMARY.search(block.group(0))
        if summary and SOLUTION_SUMMARY.search(summary.group(0)):
            removed += 1
            return NOTE
        return block.group(0)

    return DETAILS.sub(replace, text), removed


def strip_notebook(path: Path) -> int:
    """Strip the solutions of the notebook at ``path`` in place; return how many were removed."""
    nb = nbformat.read(path, as_version=4)
    total = 0
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source, removed = strip_solutions(cell.source)
            total += removed
    if total:
        nbformat.write(nb, path)
    return total


def tracked_files(root: Path) -> list[str]:
    """The files git tracks in ``root`` (the copy never picks up .venv, outputs or secrets)."""
    done = subprocess.run(
        ["git", "-C", str(root), "ls-files", "-z"], capture_output=True, check=True, timeout=60
    )
    return [name for name in done.stdout.decode().split("\0") if name]


def make_student_copy(target: Path, root: Path = ROOT) -> dict[str, int]:
    """Copy ``root``'s tracked files to ``target`` without solutions; return removals per lesson."""
    target, root = Path(target), Path(root)
    if target.resolve() == root.resolve() or target.resolve() in root.resolve().parents:
        raise ValueError(f"{target} holds the course itself; choose another folder")
    if target.exists() and any(target.iterdir()):
        if not (target / MARKER).exists():
            raise ValueError(f"{target} exists and is not a student copy; choose another folder")
        shutil.rmtree(target)
    target.mkdir(parents=True, exist_ok=True)
    (target / MARKER).write_text("made by tools/student_copy.py; replaced when run again\n")
    removed = {}
    for name in tracked_files(root):
        source = Path(root) / name
        if not source.is_file():
            continue  # deleted in the work tree but not yet in git
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
        if name.startswith("notebooks/") and name.endswith(".ipynb"):
            removed[Path(name).stem] = strip_notebook(destination)
    return removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "target", type=Path, help="folder to create (a previous student copy there is replaced)"
    )
    args = parser.parse_args(argv)
    removed = make_student_copy(args.target)
    for lesson, count in removed.items():
        print(f"{lesson}: {count} solution block(s) removed")
    print(f"student copy in {args.target}: {sum(removed.values())} solution blocks removed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
