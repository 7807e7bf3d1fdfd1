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


MAX_CODE_LINES = 60


def _docstring_lines(node) -> set[int]:
    """Line numbers of the docstring of ``node`` (a function or class), if it has one."""
    body = getattr(node, "body", None)
    if not body or not isinstance(body[0], ast.Expr):
        return set()
    value = body[0].value
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return set(range(body[0].lineno, body[0].end_lineno + 1))
    return set()


def code_line_counts(source: str) -> dict[str, int]:
    """Code lines of every function in ``source`` (nested ones count in their parent too).

    A code line is a line of the function that is not blank, not only a comment and not part
    of a docstring (its own or that of a function or class nested in it).
    """
    tree = ast.parse(source)
    lines = source.splitlines()
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            docs |= _docstring_lines(node)
    counts = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            span = range(node.lineno, node.end_lineno + 1)
            code = [i for i in span if i not in docs and lines[i - 1].strip()]
            code = [i for i in code if not lines[i - 1].strip().startswith("#")]
            counts[node.name] = max(counts.get(node.name, 0), len(code))
    return counts


def _long_functions() -> dict[str, int]:
    found = {}
    for path in sorted(LIB.rglob("*.py")):
        for name, n in code_line_counts(path.read_text()).items():
            if n > MAX_CODE_LINES:
                found[f"{path.relative_to(LIB).as_posix()}:{name}"] = n
    return found


def test_code_lines_skip_docstrings_blank_lines_and_comments():
    src = 'def f(x):\n    """Doc\n    more."""\n\n    # a comment\n    y = x  # kept\n'
    src += '    def g():\n        """Inner doc."""\n        return y\n    return g\n'
    assert code_line_counts(src) == {"f": 5, "g": 2}


def test_no_course_lib_function_is_longer_than_60_code_lines():
    too_long = _long_functions()
    assert too_long == {}, f"over {MAX_CODE_LINES} code lines (docstring not counted): {too_long}"


def test_a_function_over_60_code_lines_is_caught():
    body = "".join(f"    x{i} = {i}\n" for i in range(61))
    assert code_line_counts(f'def f():\n    """Doc."""\n{body}') == {"f": 62}
