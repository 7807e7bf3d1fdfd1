"""The shape of course_lib itself: one home per name, modules short enough to read."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LIB = ROOT / "course_lib"
MODULES = sorted(p for p in LIB.rglob("*.py") if p.name != "__init__.py")
MAX_LINES = 300


def _top_level_definitions(tree: ast.Module) -> set[str]:
    """Names a module defines itself: functions, classes and assignments at its top level."""
    names = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
    return names


def _all_names(tree: ast.Module) -> list[str]:
    """The strings listed in ``__all__`` (an error if it is not a plain list of strings)."""
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return [ast.literal_eval(elt) for elt in node.value.elts]
    return []


def foreign_exports(source: str) -> list[str]:
    """Names in ``__all__`` that the module does not define itself (i.e. re-exports)."""
    tree = ast.parse(source)
    return sorted(set(_all_names(tree)) - _top_level_definitions(tree))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(LIB)))
def test_no_module_but_a_package_init_exports_a_name_defined_elsewhere(path):
    assert foreign_exports(path.read_text()) == []


def test_a_reexport_in_all_is_caught():
    src = "from course_lib.layers import dense_forward\ndef f(): ...\n"
    src += "__all__ = ['f', 'dense_forward']\n"
    assert foreign_exports(src) == ["dense_forward"]
    assert foreign_exports("X = 1\n__all__ = ['X']\n") == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(LIB)))
def test_no_course_lib_module_is_longer_than_300_lines(path):
    num_lines = len(path.read_text().splitlines())
    assert num_lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {num_lines} lines"


def test_top_level_is_the_network_maths_plus_private_plumbing():
    public = sorted(p.stem for p in LIB.glob("*.py") if not p.stem.startswith("_"))
    assert len(public) <= 14, public
    assert {"linalg", "activations", "layers", "losses", "network", "gradcheck"} <= set(public)


def test_every_demos_module_is_named_like_the_widget_it_serves():
    widgets = {p.stem for p in (LIB / "widgets").glob("*.py")}
    demos = {p.stem for p in (LIB / "demos").glob("*.py") if not p.stem.startswith("_")}
    assert demos - widgets == {"two_layer"}  # the lesson-6 exercise network serves no widget
