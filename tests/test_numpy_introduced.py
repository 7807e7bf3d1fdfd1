"""The course teaches the NumPy it uses: no NumPy name in code before the prose introduced it.

The notebooks are read in course order (00, 01, ...). A NumPy name counts as introduced when a
markdown cell at or before the code cell that uses it, in that lesson or an earlier one, mentions
it in backticks, or when the "NumPy toolbox" section of lesson 01 lists it.

What counts as a NumPy name (found by walking each code cell's syntax tree):

- ``np.X`` attributes, with their full path (``np.linspace``, ``np.random.default_rng``);
- methods and attributes of arrays (``.argmax``, ``.reshape``, ``.T``, ``.dtype``: every public
  name of ``np.ndarray``), on whatever object they are called;
- methods of the random generator ``rng`` (``rng.normal``);
- keyword arguments of those calls (``axis=``, ``keepdims=``, ``dtype=``, ``size=``);
- indexing idioms: a new axis ``[:, None]``, a slice with a step ``[::-1]``, indexing with a
  list ``[[i, j]]`` or with an array of indices, and a boolean mask ``[x > 0]``.

In prose, a backticked ``np.argmax`` introduces ``np.argmax``; ``.argmax``, ``x.argmax()`` or a
bare ``argmax`` introduce the method (a bare name also the ``np.`` function of that name);
``axis=…`` introduces the keyword; any ``None]``/``np.newaxis``, ``::``, ``[[`` or an index
built with ``np.arange`` introduce their idioms.
"""

import ast
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
TOOLBOX_LESSON = "01_"

ARRAY_NAMES = {n for n in dir(np.ndarray) if not n.startswith("_")}
RNG_NAMES = {n for n in dir(np.random.Generator) if not n.startswith("_")}

NEW_AXIS = "[:, None] (a new axis)"
STEP = "[::-1] (a slice with a step)"
LIST_INDEX = "[[i, j]] (indexing with a list or an array of indices)"
MASK = "[x > 0] (a boolean mask)"

SPAN = re.compile(r"`([^`\n]+)`")
NP_PATH = re.compile(r"\bnp(?:\.\w+)+")
METHOD = re.compile(r"\.(\w+)")
KEYWORD = re.compile(r"\b(\w+)\s*=(?!=)")
BARE = re.compile(r"^\s*(\w+)(?:\(\))?\s*$")
HEADING = re.compile(r"^(#+)\s+(.*)$", re.M)


# ---- what code uses ---------------------------------------------------------------------------


def dotted(node) -> str | None:
    """``np.random.default_rng`` for the attribute chain, None if it does not start at a name."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        return ".".join([node.id, *reversed(parts)])
    return None


def _is_numpy_callee(func) -> bool:
    if not isinstance(func, ast.Attribute):
        return False
    path = dotted(func)
    if path and (path.startswith("np.") or path.split(".")[0] == "rng"):
        return True
    return func.attr in ARRAY_NAMES


def _index_idioms(index) -> set[str]:
    elements = index.elts if isinstance(index, ast.Tuple) else [index]
    found = set()
    for el in elements:
        if isinstance(el, ast.Constant) and el.value is None:
            found.add(NEW_AXIS)
        elif isinstance(el, ast.Attribute) and dotted(el) == "np.newaxis":
            found.add(NEW_AXIS)
        elif isinstance(el, ast.Slice) and el.step is not None:
            found.add(STEP)
        elif isinstance(el, ast.List):
            found.add(LIST_INDEX)
        elif isinstance(el, ast.Call) and dotted(el.func) in ("np.arange", "np.array"):
            found.add(LIST_INDEX)
        elif isinstance(el, ast.Compare):
            found.add(MASK)
    return found


def numpy_names_in_code(source: str) -> set[str]:
    """The NumPy names a code cell uses (IPython magics and shell lines are skipped)."""
    lines = [ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!"))]
    tree = ast.parse("\n".join(lines))
    found: set[str] = set()

    def visit(node):
        if isinstance(node, ast.Attribute):
            path = dotted(node)
            if path and path.startswith("np."):
                found.add(path)
                return  # the whole path is one name: do not count np.random on its own
            if path and path.split(".")[0] == "rng" and node.attr in RNG_NAMES:
                found.add(f"rng.{node.attr}")
            elif node.attr in ARRAY_NAMES:
                found.add(f".{node.attr}")
        if isinstance(node, ast.Call) and _is_numpy_callee(node.func):
            found.update(f"{kw.arg}=" for kw in node.keywords if kw.arg)
        if isinstance(node, ast.Subscript):
            found.update(_index_idioms(node.slice))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


# ---- what prose introduces --------------------------------------------------------------------


def names_in_prose(text: str) -> set[str]:
    """The NumPy names that backticked spans of a markdown text introduce."""
    found: set[str] = set()
    for span in SPAN.findall(text):
        for path in NP_PATH.findall(span):
            found.add(path)
            found.add("." + path.rsplit(".", 1)[1])  # np.argmax introduces .argmax too
        for name in METHOD.findall(NP_PATH.sub("", span)):
            found.add(f".{name}")
            found.add(f"rng.{name}")
        found.update(f"{kw}=" for kw in KEYWORD.findall(span))
        if bare := BARE.match(span):
            name = bare.group(1)
            found.update({f".{name}", f"np.{name}", f"{name}=", f"rng.{name}"})
        if "None]" in span or "np.newaxis" in span:
            found.add(NEW_AXIS)
        if "::" in span:
            found.add(STEP)
        if "[[" in span or "[np.arange" in span:
            found.add(LIST_INDEX)
        if re.search(r"\[[^\]]*[<>]=?[^\]]*\]", span):
            found.add(MASK)
    return found


def toolbox_names(nb) -> set[str]:
    """Names listed in the "NumPy toolbox" section (from its heading to the next one as high)."""
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    headings = list(HEADING.finditer(text))
    for k, head in enumerate(headings):
        if "numpy toolbox" in head.group(2).lower():
            level = len(head.group(1))
            end = next(
                (h.start() for h in headings[k + 1 :] if len(h.group(1)) <= level), len(text)
            )
            return names_in_prose(text[head.start() : end])
    return set()


# ---- the test ---------------------------------------------------------------------------------


def unintroduced(notebooks: list[Path]) -> dict[str, list[str]]:
    """For each notebook, 'cell k: name' for every NumPy name used before its introduction."""
    toolbox = set()
    for path in notebooks:
        if path.name.startswith(TOOLBOX_LESSON):
            toolbox = toolbox_names(nbformat.read(path, as_version=4))
    introduced = set(toolbox)
    problems: dict[str, list[str]] = {}
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        problems[path.name] = []
        for k, cell in enumerate(nb.cells):
            if cell.cell_type == "markdown":
                introduced |= names_in_prose(cell.source)
                continue
            if cell.cell_type != "code":
                continue
            for name in sorted(numpy_names_in_code(cell.source) - introduced):
                problems[path.name].append(f"cell {k}: {name}")
    return problems


def test_code_walker_finds_paths_methods_keywords_and_idioms():
    src = (
        "%matplotlib widget\n"
        "x = np.random.default_rng(0)\n"
        "z = rng.normal(size=3)\n"
        "y = x.argmax() + x[:, None] + x[::-1] + x[[0, 2]] + x[x > 0]\n"
        "rng.uniform(-1, 1)\n"
        "d = {}.items()\n"
    )
    assert numpy_names_in_code(src) == {
        "np.random.default_rng",
        "rng.normal",
        "size=",
        ".argmax",
        NEW_AXIS,
        STEP,
        LIST_INDEX,
        MASK,
        "rng.uniform",
    }


def test_prose_introduces_backticked_names_only():
    text = (
        "Use `np.linspace(0, 1, 5)` and `means.argmax()`, with `axis=0`; `img[::-1]` flips it, "
        "`v[:, None]` adds an axis. The word argmin outside backticks introduces nothing."
    )
    found = names_in_prose(text)
    assert {"np.linspace", ".argmax", "axis=", STEP, NEW_AXIS} <= found
    assert ".argmin" not in found


def test_a_name_used_before_its_prose_is_reported_with_lesson_and_cell(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("v = np.zeros(3)"),
        nbformat.v4.new_markdown_cell("`np.ones(3)` is a row of ones."),
        nbformat.v4.new_code_cell("np.ones(3), np.zeros(3)"),
    ]
    path = tmp_path / "01_demo.ipynb"
    nbformat.write(nb, path)
    assert unintroduced([path]) == {"01_demo.ipynb": ["cell 0: np.zeros", "cell 2: np.zeros"]}


@pytest.fixture(scope="module")
def course_problems():
    return unintroduced(NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_numpy_names_are_introduced_before_use(path, course_problems):
    problems = course_problems[path.name]
    assert problems == [], (
        f"{path.name} uses NumPy names before the prose introduces them (mention each in "
        "backticks in a markdown cell before its first use, or list it in lesson 01's "
        "'NumPy toolbox'): " + "; ".join(problems)
    )
