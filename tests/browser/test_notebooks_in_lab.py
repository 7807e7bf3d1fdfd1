"""Every lesson, opened in JupyterLab in Chromium, run, and played with as a learner would.

For each notebook in ``notebooks/``, in a 1280×800 window with the file browser open (as a
learner on a laptop has it): Run > Run All Cells, then no error, no stderr, no cell left
unexecuted, every widget rendered; every explorer's main slider redraws its figure when moved
with the keyboard and survives being pushed to both ends of its range (Home, End), and Play
(where there is one) makes the figure advance. Then, at 1280×800
and at 1024×768 (the same run, the window resized): no figure sticks out of its output area,
every visible slider has a track of at least 150 px, and a mouse drag of each explorer's main
slider changes its figure's pixels. A screenshot of each notebook at 1280×800 after its run goes
to ``artifacts/screenshots/<notebook>.png``.

Each notebook is a test class (``TestNotebook_<name>``, select one with ``-k 04_loss``), whose
tests share one run of it: ``--dist loadscope`` gives each class to one xdist worker, so the
notebooks spread over the workers instead of all landing on the one that got this module.
"""

import pytest

from tests.browser import lab_notebook as nb
from tests.browser.conftest import SIZES, VIEWPORT
from tests.browser.lab_server import REPO

NOTEBOOKS = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "notebooks").glob("*.ipynb"))
SCREENSHOTS = REPO / "artifacts" / "screenshots"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="class")
def ran_notebook(request, chromium, lab_server):
    """(page, cells): the class's notebook opened and run once; its tests share the run."""
    path = request.cls.path
    context = chromium.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        nb.open_notebook(page, lab_server, path)
        nb.show_file_browser(page)
        nb.run_all_cells(page, path)
        nb.wait_widgets_settled(page)
        nb.save_notebook_screenshot(page, SCREENSHOTS / f"{path.split('/')[-1][:-6]}.png")
        yield page, nb.cell_report(page, path)
    finally:
        nb.shut_down_kernel(page, path)
        context.close()


def explorer_ids(page) -> list[str]:
    ids = nb.explorer_ids(page)
    assert ids, "every lesson has at least one explorer (CSS class course-explorer)"
    return ids


class NotebookInLab:
    """The browser tests of one notebook (``path``); one subclass per notebook below."""

    path = ""

    def test_every_cell_runs_without_error_or_stderr(self, ran_notebook):
        _, cells = ran_notebook
        problems = [p for p in nb.notebook_problems(cells) if "widget" not in p]
        assert not problems, "\n".join(problems)

    def test_every_widget_renders(self, ran_notebook):
        _, cells = ran_notebook
        problems = [p for p in nb.notebook_problems(cells) if "widget" in p]
        assert not problems, "\n".join(problems)

    def test_explorers_answer_their_main_slider_and_play_button(self, ran_notebook):
        """Each explorer's main slider, moved with the keyboard, changes the figure's pixels;
        where the explorer has a Play button, pressing it shows at least two new frames."""
        page, _ = ran_notebook
        failures, sliders = [], 0
        for explorer_id in explorer_ids(page):
            root = nb.explorer(page, explorer_id)
            problem = nb.figure_problem(root)
            if problem:
                failures.append(f"{explorer_id}: {problem}")
                continue
            if nb.has_main_slider(root):
                sliders += 1
                canvas = nb.figure_canvas(root)
                nb.wait_quiet(canvas)
                before = canvas.screenshot()
                key, old, new = nb.press_slider(page, root)
                if old == new:
                    failures.append(f"{explorer_id}: {key} did not move the main slider ({old})")
                elif nb.wait_for_new_pixels(canvas, before) is None:
                    failures.append(
                        f"{explorer_id}: slider moved {old} -> {new} but the figure froze"
                    )
            if root.locator(".course-play").count():
                frames = nb.play_frames(page, root)
                if frames < 2:
                    failures.append(
                        f"{explorer_id}: Play showed {frames} new frame(s), expected 2+"
                    )
        assert sliders, "no explorer here has a main slider (class course-main-slider)"
        assert not failures, "\n".join(failures)

    def test_explorers_survive_both_ends_of_their_main_slider(self, ran_notebook):
        """Each explorer's main slider sent to its minimum (Home) and then its maximum (End), as
        a learner pushing it all the way: the figure redraws each time it moves, still has
        pixels, and no cell shows an error or stderr (a diverging learning rate included)."""
        page, _ = ran_notebook
        failures = []
        for explorer_id in explorer_ids(page):
            root = nb.explorer(page, explorer_id)
            if not nb.has_main_slider(root) or nb.figure_problem(root):
                continue  # no slider, or no figure: test_explorers_answer_... reports it
            canvas, values = nb.figure_canvas(root), []
            for key in ("Home", "End"):
                nb.wait_quiet(canvas)
                before = canvas.screenshot()
                _, old, new = nb.press_slider(page, root, key)
                values.append(new)
                if old != new and nb.wait_for_new_pixels(canvas, before) is None:
                    failures.append(f"{explorer_id}: {key} moved {old} -> {new}; figure froze")
                problem = nb.figure_problem(root)
                if problem:
                    failures.append(f"{explorer_id} after {key}: {problem}")
            if values[0] == values[1]:
                failures.append(f"{explorer_id}: Home and End left the main slider at {values[0]}")
        failures += nb.notebook_problems(nb.cell_report(page, self.path))
        assert not failures, "\n".join(failures)

    @pytest.mark.parametrize("size", SIZES)
    def test_figures_fit_and_main_sliders_can_be_dragged(self, ran_notebook, size):
        """At a learner's window size with the file browser open: every figure inside its output
        area, every visible slider track at least 150 px, and each explorer's main slider, dragged
        with the mouse, changes its figure's pixels."""
        page, _ = ran_notebook
        try:
            nb.resize_window(page, *SIZES[size])
            assert nb.show_file_browser(page) > 0
            failures = nb.figure_overflows(page) + nb.short_slider_tracks(page, minimum=150)
            for explorer_id in explorer_ids(page):
                root = nb.explorer(page, explorer_id)
                if not nb.has_main_slider(root) or nb.figure_problem(root):
                    continue  # no slider to drag, or no figure: the test above reports it
                canvas = nb.figure_canvas(root)
                nb.wait_quiet(canvas)
                before = canvas.screenshot()
                old, new = nb.drag_slider(page, root)
                if old == new:
                    failures.append(
                        f"{explorer_id}: a mouse drag did not move the main slider ({old})"
                    )
                elif nb.wait_for_new_pixels(canvas, before) is None:
                    failures.append(f"{explorer_id}: dragged {old} -> {new} but the figure froze")
            assert not failures, f"at {size}:\n" + "\n".join(failures)
        finally:
            nb.resize_window(page, VIEWPORT["width"], VIEWPORT["height"])


# One test class per notebook: ``--dist loadscope`` sends each class (a notebook, run once and
# shared by its tests) to a worker of its own, so the notebooks spread over the xdist workers
# instead of all landing on the one that got this module. Select one with -k 04_loss_functions.
for _path in NOTEBOOKS:
    _stem = _path.split("/")[-1][:-6]
    globals()[f"TestNotebook_{_stem}"] = type(
        f"TestNotebook_{_stem}", (NotebookInLab,), {"path": _path}
    )
