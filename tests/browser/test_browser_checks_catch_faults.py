"""The browser checks themselves: each one fails on the fault it exists to catch.

A scratch notebook (written to a temporary folder, served by its own JupyterLab) raises an
error, writes to stderr, shows a widget whose model does not exist (it stays "Loading
widget..."), leaves a cell unexecuted (Run All stops at the error), holds an explorer whose
slider moves but whose figure never redraws (to the keyboard or to a mouse drag), and one whose
figure is wider than the notebook column and whose slider is squeezed to a stub. The
pure-Python part, ``notebook_problems``, is checked on hand-made cell reports.
"""

import json

import pytest

from tests.browser import lab_notebook as nb
from tests.browser.conftest import SIZES, VIEWPORT
from tests.browser.lab_server import LabServer


def code(index, outputs=(), count=1, tags=(), rendered=0, shown=""):
    return {
        "index": index,
        "type": "code",
        "tags": list(tags),
        "source": f"cell {index}",
        "count": count,
        "outputs": list(outputs),
        "renderedWidgets": rendered,
        "shownText": shown,
    }


def out(kind, name=None, ename=None, text="", widget=False):
    return {
        "type": kind,
        "name": name,
        "ename": ename,
        "evalue": "boom",
        "text": text,
        "widget": widget,
    }


def test_notebook_problems_is_empty_for_clean_cells():
    cells = [
        code(0, [out("stream", name="stdout", text="hi")]),
        code(1, [out("x", widget=True)], rendered=1),
        {"index": 2, "type": "markdown", "tags": [], "source": "# t"},
    ]
    assert nb.notebook_problems(cells) == []


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (code(3, count=None), "was not executed"),
        (code(3, [out("error", ename="ZeroDivisionError")]), "raised ZeroDivisionError"),
        (code(3, [out("stream", name="stderr", text="UserWarning")]), "wrote to stderr"),
        (code(3, [out("display_data", widget=True)], rendered=0), "0 of 1 widgets rendered"),
        (code(3, shown="Error displaying widget: model not found"), "Error displaying widget"),
    ],
)
def test_notebook_problems_names_the_cell_and_the_fault(cell, expected):
    problems = nb.notebook_problems([cell])
    assert len(problems) == 1 and "cell 3" in problems[0] and expected in problems[0]


def test_notebook_problems_allows_errors_in_cells_tagged_raises_exception():
    cell = code(0, [out("error", ename="ValueError")], tags=["raises-exception"])
    assert nb.notebook_problems([cell]) == []


FAULTY_CELLS = [
    "%matplotlib widget\nimport sys\nimport ipywidgets as w\nimport matplotlib.pyplot as plt",
    "print('a warning a learner would see', file=sys.stderr)",
    "display({'application/vnd.jupyter.widget-view+json':"
    " {'model_id': 'no-such-model', 'version_major': 2, 'version_minor': 0}}, raw=True)",
    "with plt.ioff():\n    fig, ax = plt.subplots(figsize=(4, 2))\nax.plot([0, 1], [0, 1])\n"
    "s = w.FloatSlider(min=0, max=1, step=0.1)\ns.add_class('course-main-slider')\n"
    "box = w.VBox([s, fig.canvas])\nbox.add_class('course-explorer')\n"
    "box.add_class('explorer-frozen')\nbox",
    "with plt.ioff():\n    wide, ax2 = plt.subplots(figsize=(12, 2))\nax2.plot([0, 1], [1, 0])\n"
    "stub = w.FloatSlider(description='stub', layout=w.Layout(width='160px'))\n"
    "box2 = w.VBox([stub, wide.canvas])\nbox2.add_class('course-explorer')\n"
    "box2.add_class('explorer-cramped')\nbox2",
    "1 / 0",
    "print('never reached')",
]


@pytest.fixture(scope="module")
def faulty_page(chromium, tmp_path_factory):
    root = tmp_path_factory.mktemp("faulty-lab")
    cells = [
        {"cell_type": "code", "metadata": {}, "source": src, "outputs": [], "execution_count": None}
        for src in FAULTY_CELLS
    ]
    notebook = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (root / "faulty.ipynb").write_text(json.dumps(notebook))
    with LabServer(root=root) as server:
        context = chromium.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.set_default_timeout(30_000)
        nb.open_notebook(page, server, "faulty.ipynb")
        nb.show_file_browser(page)
        nb.run_all_cells(page, "faulty.ipynb")
        nb.wait_widgets_settled(page, timeout=5)
        yield page, nb.cell_report(page, "faulty.ipynb")
        nb.shut_down_kernel(page, "faulty.ipynb")
        context.close()


@pytest.mark.browser
def test_browser_run_reports_every_planted_fault(faulty_page):
    _, cells = faulty_page
    problems = "\n".join(nb.notebook_problems(cells))
    for expected in (
        "cell 1 ",
        "wrote to stderr",
        "cell 2 ",
        "Error displaying widget",
        "cell 5 ",
        "raised ZeroDivisionError",
        "cell 6 ",
        "was not executed",
    ):
        assert expected in problems, f"{expected!r} missing from:\n{problems}"
    for fine in ("cell 0 ", "cell 3 ", "cell 4 "):
        assert fine not in problems


@pytest.mark.browser
def test_browser_slider_check_sees_a_frozen_figure(faulty_page):
    page, _ = faulty_page
    assert nb.explorer_ids(page) == ["frozen", "cramped"]
    root = nb.explorer(page, "frozen")
    canvas = nb.figure_canvas(root)
    nb.wait_quiet(canvas)
    before = canvas.screenshot()
    _, old, new = nb.press_slider(page, root)
    assert old != new, "the key press should move the slider"
    assert nb.wait_for_new_pixels(canvas, before, timeout=3.0) is None


@pytest.mark.browser
@pytest.mark.parametrize("size", SIZES)
def test_browser_layout_checks_see_a_wide_figure_and_a_stub_slider(faulty_page, size):
    """The 12-inch figure (cell 4) sticks out and its 160 px slider has no usable track; the
    frozen explorer's 4-inch figure and full slider (cell 3) pass both checks."""
    page, _ = faulty_page
    try:
        nb.resize_window(page, *SIZES[size])
        overflows = nb.figure_overflows(page)
        assert any(line.startswith("cell 4:") for line in overflows), overflows
        assert not any(line.startswith("cell 3:") for line in overflows), overflows
        short = nb.short_slider_tracks(page, minimum=150)
        assert len(short) == 1 and "'stub'" in short[0], short
        tracks = {t["label"]: t["track"] for t in nb.slider_tracks(page)}
        assert tracks["stub"] < 150 <= tracks[""], tracks  # the frozen one has no label
    finally:
        nb.resize_window(page, VIEWPORT["width"], VIEWPORT["height"])


@pytest.mark.browser
def test_browser_drag_check_sees_a_frozen_figure(faulty_page):
    page, _ = faulty_page
    root = nb.explorer(page, "frozen")
    canvas = nb.figure_canvas(root)
    nb.wait_quiet(canvas)
    before = canvas.screenshot()
    old, new = nb.drag_slider(page, root)
    assert old != new, "the mouse drag should move the slider"
    assert nb.wait_for_new_pixels(canvas, before, timeout=3.0) is None
