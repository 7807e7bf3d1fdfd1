"""Every lesson, opened in JupyterLab in Chromium, run, and played with as a learner would.

For each notebook in ``notebooks/``: Run > Run All Cells, then no error, no stderr, no cell
left unexecuted, every widget rendered; every explorer's main slider redraws its figure when
moved with the keyboard, and Play (where there is one) makes the figure advance. A screenshot
of each notebook after its run goes to ``artifacts/screenshots/<notebook>.png``.
"""

import pytest

from tests.browser import lab_notebook as nb
from tests.browser.conftest import VIEWPORT
from tests.browser.lab_server import REPO

NOTEBOOKS = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "notebooks").glob("*.ipynb"))
SCREENSHOTS = REPO / "artifacts" / "screenshots"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=lambda path: path.split("/")[-1][:-6])
def ran_notebook(request, chromium, lab_server):
    """(page, cells): the notebook opened and run once; the tests below share the run."""
    path = request.param
    context = chromium.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        nb.open_notebook(page, lab_server, path)
        nb.run_all_cells(page, path)
        nb.wait_widgets_settled(page)
        nb.save_notebook_screenshot(page, SCREENSHOTS / f"{path.split('/')[-1][:-6]}.png")
        yield page, nb.cell_report(page, path)
    finally:
        nb.shut_down_kernel(page, path)
        context.close()


def explorers_or_skip(page) -> list[str]:
    ids = nb.explorer_ids(page)
    if not ids:
        pytest.skip("this notebook has no explorer")
    return ids


def test_every_cell_runs_without_error_or_stderr(ran_notebook):
    _, cells = ran_notebook
    problems = [p for p in nb.notebook_problems(cells) if "widget" not in p]
    assert not problems, "\n".join(problems)


def test_every_widget_renders(ran_notebook):
    _, cells = ran_notebook
    problems = [p for p in nb.notebook_problems(cells) if "widget" in p]
    assert not problems, "\n".join(problems)


def test_main_slider_moved_by_keyboard_changes_the_figure_pixels(ran_notebook):
    page, _ = ran_notebook
    failures = []
    with_slider = [e for e in explorers_or_skip(page) if nb.has_main_slider(nb.explorer(page, e))]
    if not with_slider:
        pytest.skip("no explorer here has a main slider (class course-main-slider)")
    for explorer_id in with_slider:
        root = nb.explorer(page, explorer_id)
        canvas = nb.figure_canvas(root)
        problem = nb.figure_problem(root)
        if problem:
            failures.append(f"{explorer_id}: {problem}")
            continue
        nb.wait_quiet(canvas)
        before = canvas.screenshot()
        key, old, new = nb.press_slider(page, root)
        if old == new:
            failures.append(f"{explorer_id}: {key} did not move the main slider (value {old})")
        elif nb.wait_for_new_pixels(canvas, before) is None:
            failures.append(f"{explorer_id}: slider moved {old} -> {new} but the figure froze")
    assert not failures, "\n".join(failures)


def test_play_makes_the_figure_advance(ran_notebook):
    page, _ = ran_notebook
    with_play = [
        e for e in explorers_or_skip(page) if nb.explorer(page, e).locator(".course-play").count()
    ]
    if not with_play:
        pytest.skip("no explorer here has a Play button")
    failures = []
    for explorer_id in with_play:
        problem = nb.figure_problem(nb.explorer(page, explorer_id))
        if problem:
            failures.append(f"{explorer_id}: {problem}")
            continue
        frames = nb.play_frames(page, nb.explorer(page, explorer_id))
        if frames < 2:
            failures.append(
                f"{explorer_id}: Play showed {frames} new frame(s), expected at least 2"
            )
    assert not failures, "\n".join(failures)
