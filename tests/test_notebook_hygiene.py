"""Notebooks are committed clean: no outputs, no execution counts, no saved widget state.

The one exception is a cell kept on purpose for nbval to compare: its source contains
``# NBVAL_CHECK_OUTPUT`` and its metadata has ``keep_output: true``; it keeps its outputs and
execution count. ``make strip`` (nbstripout) cleans everything else and respects that marker.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
KEEP = "# NBVAL_CHECK_OUTPUT"


def hygiene_problems(nb: dict) -> list[str]:
    """Everything that should have been stripped from a notebook before committing it."""
    problems = []
    if nb.get("metadata", {}).get("widgets"):
        problems.append("saved widget state in the notebook metadata")
    for k, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        kept = cell.get("metadata", {}).get("keep_output") and KEEP in "".join(cell["source"])
        if kept:
            continue
        if cell.get("outputs"):
            problems.append(f"cell {k} has outputs")
        if cell.get("execution_count") is not None:
            problems.append(f"cell {k} has an execution count")
    return problems


def test_there_are_notebooks():
    assert any(p.name.startswith("00_") for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs_or_widget_state(path):
    nb = json.loads(path.read_text())
    assert hygiene_problems(nb) == [], f"run `make strip` ({path.name})"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_valid_and_uses_the_python3_kernel(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_does_not_depend_on_the_working_directory(path):
    """No relative file paths: data comes from course_lib, so any kernel folder works."""
    nb = nbformat.read(path, as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    paths = re.findall(r"""["']([\w./-]+\.(?:npz|npy|csv|txt|png|json|gz|pkl))["']""", code)
    assert paths == [], f"{path.name} reads files by relative path: {paths}"
    assert "os.chdir" not in code and "%cd" not in code


def test_an_output_left_in_a_notebook_is_detected():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("1 + 1", execution_count=3)
    cell.outputs = [
        nbformat.v4.new_output("execute_result", {"text/plain": "2"}, execution_count=3)
    ]
    nb.cells = [cell]
    assert hygiene_problems(nb) == ["cell 0 has outputs", "cell 0 has an execution count"]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}
    assert "saved widget state in the notebook metadata" in hygiene_problems(nb)


def test_a_cell_kept_for_comparison_may_keep_its_output():
    cell = nbformat.v4.new_code_cell(f"{KEEP}\n1 + 1", execution_count=1)
    cell.metadata["keep_output"] = True
    cell.outputs = [
        nbformat.v4.new_output("execute_result", {"text/plain": "2"}, execution_count=1)
    ]
    nb = nbformat.v4.new_notebook(cells=[cell])
    assert hygiene_problems(nb) == []


def test_make_strip_cleans_a_notebook_but_keeps_marked_cells(tmp_path):
    plain = nbformat.v4.new_code_cell("1 + 1", execution_count=2)
    plain.outputs = [nbformat.v4.new_output("stream", text="2\n")]
    kept = nbformat.v4.new_code_cell(f"{KEEP}\n2 + 2", execution_count=3)
    kept.metadata["keep_output"] = True
    kept.outputs = [
        nbformat.v4.new_output("execute_result", {"text/plain": "4"}, execution_count=3)
    ]
    nb = nbformat.v4.new_notebook(cells=[plain, kept])
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    path = tmp_path / "dirty.ipynb"
    nbformat.write(nb, path)
    nbstripout = Path(sys.executable).with_name("nbstripout")
    subprocess.run([str(nbstripout), "--keep-id", str(path)], check=True)
    cleaned = json.loads(path.read_text())
    assert hygiene_problems(cleaned) == []
    assert cleaned["cells"][1]["outputs"], "the marked cell must keep its output"
