"""Slider to new pixels, measured in a real browser: JupyterLab in Debian's Chromium.

For every explorer of every notebook: the time from a key press on its main slider to the
first animation frame with changed pixels on its figure canvas (both ends stamped with
``performance.now()`` in the page), median of 20 moves after one warm-up move. Also the time
to open a notebook and run all its cells. Lines go to ``make bench``; every sample goes to
``artifacts/browser_bench.json``. Uses the browser tests' machinery (``tests/browser``).
Without Chromium it prints why and returns no lines.
"""

import json
import time

from tests.browser import lab_notebook as nb
from tests.browser.lab_server import REPO, LabServer, browser_missing_reason, launch_chromium

MOVES = 20
VIEWPORT = {"width": 1280, "height": 900}
JSON_PATH = REPO / "artifacts" / "browser_bench.json"


def measure_notebook(browser, server, path: str, moves: int = MOVES) -> dict:
    """Open and run one notebook, then time every explorer's slider; returns the figures."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(30_000)
    result = {"notebook": path, "explorers": {}}
    try:
        start = time.perf_counter()
        nb.open_notebook(page, server, path)
        nb.run_all_cells(page, path)
        nb.wait_widgets_settled(page)
        result["open_and_run_s"] = time.perf_counter() - start
        result["problems"] = nb.notebook_problems(nb.cell_report(page, path))
        for explorer_id in nb.explorer_ids(page):
            root = nb.explorer(page, explorer_id)
            problem = nb.figure_problem(root)
            if problem or not nb.has_main_slider(root):
                result["explorers"][explorer_id] = {"error": problem or "no main slider"}
                continue
            try:
                samples = nb.slider_to_pixels_ms(page, root, moves=moves + 1)[1:]
            except Exception as exc:  # report and go on with the other explorers
                result["explorers"][explorer_id] = {"error": f"{type(exc).__name__}: {exc}"}
                continue
            result["explorers"][explorer_id] = {
                "median_ms": nb.median(samples),
                "max_ms": max(samples),
                "samples_ms": samples,
            }
    finally:
        nb.shut_down_kernel(page, path)
        context.close()
    return result


def run() -> list[tuple[str, float, str]]:
    reason = browser_missing_reason()
    if reason is not None:
        print(f"# bench_browser: skipped, {reason}")
        return []
    from playwright.sync_api import sync_playwright

    notebooks = sorted(p.relative_to(REPO).as_posix() for p in REPO.glob("notebooks/*.ipynb"))
    results = []
    with sync_playwright() as playwright, LabServer() as server:
        browser = launch_chromium(playwright)
        try:
            for path in notebooks:
                results.append(measure_notebook(browser, server, path))
        finally:
            browser.close()
    JSON_PATH.parent.mkdir(parents=True, exist_ok=True)
    JSON_PATH.write_text(json.dumps({"moves": MOVES, "notebooks": results}, indent=1))
    lines = []
    for res in results:
        stem = res["notebook"].split("/")[-1].removesuffix(".ipynb")
        lines.append((f"browser_{stem}_open_and_run", res["open_and_run_s"], "s"))
        for explorer_id, figures in res["explorers"].items():
            if "median_ms" in figures:
                name = f"browser_{stem}_{explorer_id.replace('#', '_')}_slider_to_pixels"
                lines.append((name, figures["median_ms"], "ms"))
            else:
                print(f"# bench_browser: {stem} {explorer_id}: {figures['error']}")
    print(f"# bench_browser: every sample in {JSON_PATH.relative_to(REPO)}")
    return lines
