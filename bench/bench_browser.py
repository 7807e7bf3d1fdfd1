"""Slider to new pixels, measured in a real browser: JupyterLab in Debian's Chromium.

For every explorer of every notebook: the time from a key press on its main slider to the
first animation frame with changed pixels on its figure canvas (both ends stamped with
``performance.now()`` in the page), median of 20 moves after one warm-up move, in a 1280×800
window (the browser tests' laptop size). Each median is also given as a ratio to the *floor*
timed in the same run: a bare widget round trip (a slider whose kernel callback changes a
``Label``, no plot; key press to the first frame showing the new text), timed before and after
the notebooks, all its samples pooled. The ratio holds on a loaded machine when the ms do not.

Play pacing: for every explorer with a Play button (``plotting.animation.animate``), the
median time between changed frames while it plays, against the interval its Play widget sets
(read from the button's ``course-interval-<ms>`` class); the target is within 20 %.

Drag: the main slider's handle is dragged with the mouse for about half a second (a move every
16 ms); the bench counts the values the slider passed through and the new pictures the canvas
showed, and times mouse-up to the last new picture (``drag_settle``). ipywidgets sends a
model's next state only once the kernel has answered the last one, keeping the newest value
meanwhile, so moves that come faster than frames are coalesced: the settle time stays about one
update however fast the drag.

Also the time to open a notebook and run all its cells. Lines go to ``make bench``; every
sample goes to ``artifacts/browser_bench.json``. ``BENCH_NOTEBOOKS=04,05`` limits the run to
notebooks whose names start with those prefixes. Uses the browser tests' machinery
(``tests/browser``). Without Chromium it prints why and returns no lines.
"""

import json
import os
import time

from tests.browser import lab_notebook as nb
from tests.browser.lab_server import REPO, LabServer, browser_missing_reason, launch_chromium

MOVES = 20
VIEWPORT = {"width": 1280, "height": 800}  # the browser tests' laptop window (conftest)
PLAY_SECONDS = 4.0
JSON_PATH = REPO / "artifacts" / "browser_bench.json"
FLOOR_PATH = REPO / "artifacts" / "bench_floor.ipynb"
FLOOR_CELL = """\
import ipywidgets as widgets

slider = widgets.IntSlider(value=0, min=0, max=100, description="n")
slider.add_class("course-main-slider")
label = widgets.Label("n = 0")
label.add_class("course-floor-label")
slider.observe(lambda change: setattr(label, "value", f"n = {change['new']}"), names="value")
box = widgets.VBox([slider, label])
box.add_class("course-explorer")
box.add_class("explorer-floor")
box"""
# Arms a probe on an element: the first keydown stamps t0, the first animation frame whose
# text differs from the armed text stamps t1 (both performance.now() in the page).
ARM_TEXT_PROBE = """(el) => {
  const probe = {t0: null, t1: null, base: el.textContent};
  window.__courseTextProbe = probe;
  document.addEventListener('keydown', () => { probe.t0 = performance.now(); },
                            {capture: true, once: true});
  const tick = () => {
    if (probe.t0 !== null && el.textContent !== probe.base) {
      probe.t1 = performance.now();
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""
# Records the time of every animation frame whose pixels differ from the frame before, for
# `ms` milliseconds after it is armed; resolves with the list of times.
RECORD_FRAMES = (
    "(canvas, ms) => new Promise((resolve) => {"
    + nb.GRAB
    + """
  const times = [];
  let last = grab(canvas);
  const end = performance.now() + ms;
  const tick = (now) => {
    const cur = grab(canvas);
    if (differs(cur, last)) { times.push(now); last = cur; }
    if (now < end) requestAnimationFrame(tick); else resolve(times);
  };
  requestAnimationFrame(tick);
})"""
)


# Starts recording the times of changed frames of a canvas into window.__courseFrames (until
# window.__courseStop is set); used around a mouse drag, which must not wait for a promise.
START_FRAMES = (
    "(canvas) => {"
    + nb.GRAB
    + """
  const times = window.__courseFrames = [];
  window.__courseStop = false;
  let last = grab(canvas);
  const tick = (now) => {
    const cur = grab(canvas);
    if (differs(cur, last)) { times.push(now); last = cur; }
    if (!window.__courseStop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""
)
DRAG_MOVES = 30
DRAG_PX = 150


def write_floor_notebook() -> str:
    """Write the floor notebook (one cell, no plot) under ``artifacts/``; its repo path."""
    import nbformat

    FLOOR_PATH.parent.mkdir(parents=True, exist_ok=True)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_CELL)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(notebook, FLOOR_PATH)
    return FLOOR_PATH.relative_to(REPO).as_posix()


def slider_to_text_ms(page, root, moves: int = MOVES, timeout: float = 10.0) -> list[float]:
    """Milliseconds from each key press on the main slider to the first frame with new text
    in the explorer's ``course-floor-label`` (one step right, then left, and so on)."""
    label = root.locator(".course-floor-label").first
    handle = nb.slider_handle(root)
    times = []
    for i in range(moves):
        page.wait_for_timeout(150)  # the last answer is in: nothing left in flight
        label.evaluate(ARM_TEXT_PROBE)
        handle.focus()
        page.keyboard.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
        page.wait_for_function(
            "() => window.__courseTextProbe.t1 !== null", timeout=timeout * 1000, polling="raf"
        )
        probe = page.evaluate("() => [window.__courseTextProbe.t0, window.__courseTextProbe.t1]")
        times.append(probe[1] - probe[0])
    return times


def measure_floor(browser, server, path: str, moves: int = MOVES) -> list[float]:
    """The bare round trip's samples (ms), after one warm-up move."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        nb.open_notebook(page, server, path)
        nb.run_all_cells(page, path)
        nb.wait_widgets_settled(page)
        return slider_to_text_ms(page, nb.explorer(page, "floor"), moves + 1)[1:]
    finally:
        nb.shut_down_kernel(page, path)
        context.close()


def play_interval_ms(root) -> float | None:
    """The interval the explorer's Play widget sets (class ``course-interval-<ms>``), or None."""
    classes = root.locator(".course-play").first.get_attribute("class") or ""
    found = [c for c in classes.split() if c.startswith("course-interval-")]
    return float(found[0].removeprefix("course-interval-")) if found else None


def play_pacing(page, root, seconds: float = PLAY_SECONDS) -> dict:
    """Press Play, record the changed frames for ``seconds``, pause.

    Returns the interval set, the median and 90th percentile time between changed frames,
    their ratio to the interval and the number of frames seen.
    """
    canvas = nb.figure_canvas(root)
    nb.wait_quiet(canvas)
    play = root.locator(".course-play")
    play.locator("button:has(.fa-play), button").first.click()
    times = canvas.evaluate(RECORD_FRAMES, seconds * 1000)
    pause = play.locator("button:has(.fa-pause)")
    if pause.count():
        pause.first.click()
    gaps = sorted(b - a for a, b in zip(times, times[1:], strict=False))
    interval = play_interval_ms(root)
    if len(gaps) < 2 or interval is None:
        return {"error": f"{len(times)} frames seen while playing; interval {interval}"}
    median = nb.median(gaps)
    return {
        "interval_ms": interval,
        "median_gap_ms": median,
        "p90_gap_ms": gaps[int(0.9 * (len(gaps) - 1))],
        "ratio": median / interval,
        "frames": len(times),
        "gaps_ms": gaps,
    }


def drag_settle(page, root) -> dict:
    """Drag the main slider's handle DRAG_PX px in DRAG_MOVES mouse moves, 16 ms apart.

    Returns the distinct values the slider showed during the drag, the new pictures the canvas
    showed (during the drag and until it is still again), and the ms from mouse-up to the last
    new picture.
    """
    canvas = nb.figure_canvas(root)
    handle = root.locator(".course-main-slider .noUi-handle").first
    track = root.locator(".course-main-slider .noUi-target").first
    handle.scroll_into_view_if_needed()
    nb.wait_quiet(canvas)
    h, t = handle.bounding_box(), track.bounding_box()
    x, y = h["x"] + h["width"] / 2, h["y"] + h["height"] / 2
    dx = DRAG_PX if t["x"] + t["width"] - x >= x - t["x"] else -DRAG_PX
    canvas.evaluate(START_FRAMES)
    values = set()
    page.mouse.move(x, y)
    page.mouse.down()
    for k in range(1, DRAG_MOVES + 1):
        page.mouse.move(x + dx * k / DRAG_MOVES, y)
        values.add(handle.get_attribute("aria-valuetext"))
        page.wait_for_timeout(16)
    page.mouse.up()
    released = page.evaluate("() => performance.now()")
    nb.wait_quiet(canvas, frames=30)  # still for 30 frames (about half a second)
    times = page.evaluate("() => { window.__courseStop = true; return window.__courseFrames; }")
    after = [t for t in times if t >= released]
    return {
        "values": len(values),
        "frames": len(times),
        "settle_ms": (max(after) - released) if after else 0.0,
    }


def measure_notebook(browser, server, path: str, moves: int = MOVES) -> dict:
    """Open and run one notebook, then time every explorer's slider (and Play pacing)."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(30_000)
    result = {"notebook": path, "explorers": {}, "play": {}, "drag": {}}
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
                result["explorers"][explorer_id] = {
                    "median_ms": nb.median(samples),
                    "max_ms": max(samples),
                    "samples_ms": samples,
                }
            except Exception as exc:  # report and go on with the other explorers
                result["explorers"][explorer_id] = {"error": f"{type(exc).__name__}: {exc}"}
            try:
                result["drag"][explorer_id] = drag_settle(page, root)
            except Exception as exc:
                result["drag"][explorer_id] = {"error": f"{type(exc).__name__}: {exc}"}
            if root.locator(".course-play").count():
                try:
                    result["play"][explorer_id] = play_pacing(page, root)
                except Exception as exc:
                    result["play"][explorer_id] = {"error": f"{type(exc).__name__}: {exc}"}
    finally:
        nb.shut_down_kernel(page, path)
        context.close()
    return result


def selected_notebooks() -> list[str]:
    """Every lesson, or those whose names start with a prefix in ``$BENCH_NOTEBOOKS``."""
    paths = sorted(p.relative_to(REPO).as_posix() for p in REPO.glob("notebooks/*.ipynb"))
    prefixes = [p for p in os.environ.get("BENCH_NOTEBOOKS", "").split(",") if p]
    if prefixes:
        paths = [p for p in paths if any(p.split("/")[-1].startswith(x) for x in prefixes)]
    return paths


def result_lines(results: list[dict], floor: list[float]) -> list[tuple[str, float, str]]:
    """The ``make bench`` lines: the floor, then per notebook and explorer ms and ratios."""
    floor_ms = nb.median(floor)
    lines = [("browser_floor_label_round_trip", floor_ms, "ms")]
    for res in results:
        stem = res["notebook"].split("/")[-1].removesuffix(".ipynb")
        lines.append((f"browser_{stem}_open_and_run", res["open_and_run_s"], "s"))
        for explorer_id, figures in res["explorers"].items():
            name = f"browser_{stem}_{explorer_id.replace('#', '_')}"
            if "median_ms" in figures:
                lines.append((f"{name}_slider_to_pixels", figures["median_ms"], "ms"))
                lines.append((f"{name}_floor_ratio", figures["median_ms"] / floor_ms, "x"))
            else:
                print(f"# bench_browser: {stem} {explorer_id}: {figures['error']}")
        for explorer_id, drag in res["drag"].items():
            name = f"browser_{stem}_{explorer_id.replace('#', '_')}"
            if "error" in drag:
                print(f"# bench_browser: {stem} {explorer_id} drag: {drag['error']}")
                continue
            lines.append((f"{name}_drag_values_passed", drag["values"], "values"))
            lines.append((f"{name}_drag_frames_shown", drag["frames"], "frames"))
            lines.append((f"{name}_drag_settle", drag["settle_ms"], "ms"))
        for explorer_id, pace in res["play"].items():
            name = f"browser_{stem}_{explorer_id.replace('#', '_')}"
            if "ratio" in pace:
                lines.append((f"{name}_play_interval_set", pace["interval_ms"], "ms"))
                lines.append((f"{name}_play_frame_gap", pace["median_gap_ms"], "ms"))
                lines.append((f"{name}_play_pace_ratio", pace["ratio"], "x"))
            else:
                print(f"# bench_browser: {stem} {explorer_id} Play: {pace['error']}")
    return lines


def run() -> list[tuple[str, float, str]]:
    reason = browser_missing_reason()
    if reason is not None:
        print(f"# bench_browser: skipped, {reason}")
        return []
    from playwright.sync_api import sync_playwright

    floor_path = write_floor_notebook()
    results, floor = [], []
    with sync_playwright() as playwright, LabServer() as server:
        browser = launch_chromium(playwright)
        try:
            floor += measure_floor(browser, server, floor_path)
            for path in selected_notebooks():
                results.append(measure_notebook(browser, server, path))
            floor += measure_floor(browser, server, floor_path)  # the machine may have changed
        finally:
            browser.close()
    JSON_PATH.parent.mkdir(parents=True, exist_ok=True)
    record = {"moves": MOVES, "viewport": VIEWPORT, "floor_samples_ms": floor}
    JSON_PATH.write_text(json.dumps(record | {"notebooks": results}, indent=1))
    lines = result_lines(results, floor)
    print(f"# bench_browser: every sample in {JSON_PATH.relative_to(REPO)}")
    return lines
