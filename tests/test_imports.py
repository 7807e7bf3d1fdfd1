"""Every module the course imports must come from a pinned package (or the standard library).

A notebook or course_lib module that imports, say, scipy would work on a machine that happens to
have it and fail on Binder; these tests catch it from the source, without running anything.
"""

import ast
import json
import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging.utils import canonicalize_name

from tests.test_environment import LOCK, TEST_LOCK

ROOT = Path(__file__).resolve().parents[1]
OWN = {"course_lib", "tests", "bench", "tools"}


def imported_modules(source: str) -> set[str]:
    """Top-level module names imported by ``source`` (IPython magics and shell lines skipped)."""
    lines = [ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!"))]
    tree = ast.parse("\n".join(lines))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def notebook_source(path: Path) -> str:
    cells = json.loads(path.read_text())["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


def unprovided(modules: set[str], allowed_dists: set[str]) -> list[str]:
    """Modules that are neither stdlib, the course's own, nor provided by an allowed package."""
    providers = metadata.packages_distributions()
    bad = []
    for mod in sorted(modules):
        if mod in sys.stdlib_module_names or mod in OWN or mod == "__future__":
            continue
        dists = {canonicalize_name(d) for d in providers.get(mod, [])}
        if not dists & allowed_dists:
            bad.append(mod)
    return bad


RUNTIME_DISTS = set(LOCK)
ALL_DISTS = set(LOCK) | set(TEST_LOCK)
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
LIB_FILES = sorted((ROOT / "course_lib").rglob("*.py"))
TEST_FILES = [
    path
    for folder in ("tests", "bench", "tools")
    for path in sorted((ROOT / folder).rglob("*.py"))
    if "node_modules" not in path.parts
]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_imports_only_pinned_packages(path):
    assert unprovided(imported_modules(notebook_source(path)), RUNTIME_DISTS) == []


def test_course_lib_imports_only_pinned_runtime_packages():
    modules = set().union(*(imported_modules(p.read_text()) for p in LIB_FILES))
    assert unprovided(modules, RUNTIME_DISTS) == []


def test_tests_and_benchmarks_import_only_pinned_packages():
    modules = set().union(*(imported_modules(p.read_text()) for p in TEST_FILES))
    assert unprovided(modules, ALL_DISTS) == []


def test_an_unpinned_import_is_reported():
    src = "%matplotlib widget\nimport numpy as np\nimport scipy.linalg\nfrom sklearn import svm\n"
    assert unprovided(imported_modules(src), RUNTIME_DISTS) == ["scipy", "sklearn"]


def test_a_test_tool_is_not_allowed_in_the_runtime_set():
    assert unprovided({"hypothesis"}, RUNTIME_DISTS) == ["hypothesis"]
    assert unprovided({"hypothesis"}, ALL_DISTS) == []
