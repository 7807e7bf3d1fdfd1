"""Drive one notebook in JupyterLab as a learner would, and say what went wrong.

Used by the browser tests and by ``bench/bench_browser.py``. ``page`` is a Playwright
``Page``; ``server`` a :class:`tests.browser.lab_server.LabServer`. Cells are run from the
menu (Run > Run All Cells), sliders are moved with the keyboard on their focused handle and
dragged with the mouse, Play is clicked; figures are measured against their output areas. The
cell models (outputs, tags, execution counts) are read through
``window.jupyterapp``, which the test server exposes.

Explorers follow the conventions of ``course_lib/widgets/_base.py``: root CSS classes
``course-explorer`` and ``explorer-<name>``, main slider ``course-main-slider``, Play button
``course-play``; the figure is the first ``<canvas>`` of the ipympl widget inside the root.
"""

import statistics
import time
from pathlib import Path

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
SHOWN_PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"  # the notebook tab in front
# Finds the notebook panel for a path among the main-area widgets (a JS statement).
FIND_PANEL = """
  const findPanel = (path) => !window.jupyterapp ? undefined
    : Array.from(window.jupyterapp.shell.widgets('main'))
    .find((w) => w.context && w.context.path === path && w.content && w.content.widgets);
  const p = findPanel(path);
"""


def on_panel(body: str) -> str:
    """JS function source ``(path) => {...}`` whose ``body`` sees the notebook panel as ``p``."""
    return "(path) => {" + FIND_PANEL + body + "}"


KERNEL_READY = on_panel("""
  if (!p || !p.context.isReady) return false;
  const s = p.sessionContext.session;
  return !!(s && s.kernel && s.kernel.status === 'idle'
            && s.kernel.connectionStatus === 'connected');
""")
RUN_STATE = on_panel("""
  const cells = p.content.widgets.filter((c) => c.model.type === 'code');
  const busy = cells.some((c) => c.model.executionState === 'running'
    || /\\[\\*\\]/.test((c.node.querySelector('.jp-InputArea-prompt') || {}).textContent || ''));
  const k = p.sessionContext.session && p.sessionContext.session.kernel;
  const ran = cells.filter((c) => c.model.executionCount !== null).length;
  return {busy, kernel: k ? k.status : 'none', ran, code: cells.length};
""")
REPORT = on_panel("""
  return p.content.widgets.map((c, index) => {
    const m = c.model;
    const cell = {index, type: m.type, tags: m.getMetadata('tags') || [],
                  source: m.sharedModel.getSource().slice(0, 100)};
    if (m.type !== 'code') return cell;
    const area = c.node.querySelector('.jp-OutputArea');
    const shown = area ? [...area.querySelectorAll('.jp-OutputArea-output')] : [];
    const text = (o) => Array.isArray(o.text) ? o.text.join('') : (o.text || '');
    cell.count = m.executionCount;
    cell.outputs = m.outputs.toJSON().map((o) => ({type: o.output_type, name: o.name || null,
      ename: o.ename || null, evalue: o.evalue || null, text: text(o).slice(0, 400),
      widget: !!(o.data && o.data['WIDGET_MIME'])}));
    cell.renderedWidgets = shown.filter((e) => (e.matches('.jupyter-widgets')
      || e.querySelector('.jupyter-widgets')) && e.getBoundingClientRect().height > 0).length;
    cell.shownText = area ? area.innerText.slice(0, 2000) : '';
    return cell;
  });
""").replace("WIDGET_MIME", WIDGET_MIME)
SHUT_DOWN = on_panel("return p ? p.sessionContext.shutdown() : null;")
# Reads a canvas's pixels; a canvas with no area reads as empty (getImageData would throw).
GRAB = """
  const grab = (canvas) => {
    const w = canvas.width, h = canvas.height;
    const ctx = canvas.getContext('2d');
    const px = w && h ? ctx.getImageData(0, 0, w, h).data : new Uint8ClampedArray(0);
    return {w, h, px: new Uint32Array(px.buffer)};
  };
  const differs = (a, b) => {
    if (a.w !== b.w || a.h !== b.h) return true;
    for (let i = 0; i < a.px.length; i++) if (a.px[i] !== b.px[i]) return true;
    return false;
  };
"""
# Arms a probe on a canvas: the first keydown stamps t0, the first animation frame whose
# pixels differ from the armed picture stamps t1 (both performance.now() in the page).
ARM_PROBE = (
    "(canvas) => {"
    + GRAB
    + """
  const probe = {t0: null, t1: null, base: grab(canvas)};
  window.__coursePixelProbe = probe;
  document.addEventListener('keydown', () => { probe.t0 = performance.now(); },
                            {capture: true, once: true});
  const tick = () => {
    if (probe.t0 !== null && differs(grab(canvas), probe.base)) {
      probe.t1 = performance.now();
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""
)
# Resolves true once the canvas has kept the same pixels for `frames` animation frames,
# false after 5 s (also if animation frames stop coming).
WAIT_QUIET = (
    "(canvas, frames) => new Promise((resolve) => {"
    + GRAB
    + """
  let last = null, still = 0;
  const timer = setTimeout(() => resolve(false), 5000);
  const tick = () => {
    try {
      const now = grab(canvas);
      still = last !== null && !differs(now, last) ? still + 1 : 0;
      last = now;
    } catch (err) {
      still = 0;
    }
    if (still >= frames) { clearTimeout(timer); resolve(true); } else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})"""
)


def wait_widgets_settled(page, timeout: float = 20.0) -> None:
    """Give "Loading widget..." placeholders up to ``timeout`` s to turn into widgets."""
    try:
        page.wait_for_function(
            f"""() => !Array.from(document.querySelectorAll('{SHOWN_PANEL} .jp-OutputArea'))
                  .some((a) => a.innerText.includes('Loading widget'))""",
            timeout=timeout * 1000,
            polling=250,
        )
    except Exception:  # still loading: notebook_problems reports it
        pass


def open_notebook(page, server, rel_path: str, timeout: float = 120.0) -> None:
    """Open ``rel_path`` (relative to the repo) in JupyterLab and wait for an idle kernel."""
    # ?reset: start from an empty workspace, not from the notebooks a previous test left open
    page.goto(server.url(f"lab/tree/{rel_path}?reset"), wait_until="domcontentloaded")
    page.wait_for_function(KERNEL_READY, arg=rel_path, timeout=timeout * 1000, polling=250)


def click_run_all(page) -> None:
    """Run > Run All Cells from the menu bar, with the notebook focused."""
    page.locator(f"{SHOWN_PANEL} .jp-Cell").first.click()
    page.locator(".lm-MenuBar-item", has_text="Run").first.click()
    page.locator(".lm-Menu-item:has(.lm-Menu-itemLabel:text-is('Run All Cells'))").click()


def run_all_cells(page, rel_path: str, timeout: float = 300.0) -> dict:
    """Click Run > Run All Cells and wait until nothing is running; returns the last state.

    A click that lands while JupyterLab is still settling can run nothing; when no cell has
    started after 10 s the click is repeated (at most three times).
    """
    state = page.evaluate(RUN_STATE, rel_path)
    if state["code"] == 0:
        return state
    for _attempt in range(3):
        click_run_all(page)
        started = time.monotonic()
        while time.monotonic() - started < 10:
            state = page.evaluate(RUN_STATE, rel_path)
            if state["busy"] or state["ran"] > 0:
                break
            time.sleep(0.2)
        if state["busy"] or state["ran"] > 0:
            break
    deadline = time.monotonic() + timeout
    quiet = 0
    while time.monotonic() < deadline:
        state = page.evaluate(RUN_STATE, rel_path)
        done = not state["busy"] and state["kernel"] == "idle" and state["ran"] > 0
        quiet = quiet + 1 if done else 0
        if quiet >= 3:
            return state
        time.sleep(0.3)
    raise TimeoutError(f"{rel_path}: cells still running after {timeout:.0f} s: {state}")


def cell_report(page, rel_path: str) -> list[dict]:
    """One dict per cell: type, tags, source head; for code cells count, outputs, widgets."""
    return page.evaluate(REPORT, rel_path)


def notebook_problems(cells: list[dict]) -> list[str]:
    """What a learner would see go wrong, one line per problem (empty when all is well).

    A cell tagged ``raises-exception`` (nbval's tag) may show an error on purpose.
    """
    problems = []
    for cell in cells:
        if cell["type"] != "code":
            continue
        where = f"cell {cell['index']} ({cell['source'][:60]!r})"
        if cell["count"] is None:
            problems.append(f"{where} was not executed (its prompt is still [ ] or [*])")
        for out in cell["outputs"]:
            if out["type"] == "error" and "raises-exception" not in cell["tags"]:
                problems.append(f"{where} raised {out['ename']}: {out['evalue']}")
            elif out["type"] == "stream" and out["name"] == "stderr":
                problems.append(f"{where} wrote to stderr: {out['text'][:300]!r}")
        wanted = sum(out["widget"] for out in cell["outputs"])
        if cell["renderedWidgets"] < wanted:
            problems.append(f"{where}: only {cell['renderedWidgets']} of {wanted} widgets rendered")
        for marker in ("Error displaying widget", "Loading widget"):
            if marker in cell["shownText"]:
                problems.append(f"{where} shows {marker!r}: {cell['shownText'][:300]!r}")
    return problems


def explorer_ids(page) -> list[str]:
    """Name of every explorer on the page, in page order (``name``, ``name#2`` for a repeat).

    The name comes from the root's ``explorer-<name>`` class (``unnamed`` without one).
    """
    names = page.evaluate(
        """() => [...document.querySelectorAll('.course-explorer')].map((e) =>
             ([...e.classList].find((c) => c.startsWith('explorer-')) || 'explorer-unnamed')
             .slice('explorer-'.length))"""
    )
    ids, seen = [], {}
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        ids.append(name if seen[name] == 1 else f"{name}#{seen[name]}")
    return ids


def explorer(page, explorer_id: str):
    """Locator of the explorer root for an id from :func:`explorer_ids`, scrolled into view."""
    root = page.locator(".course-explorer").nth(explorer_ids(page).index(explorer_id))
    root.scroll_into_view_if_needed()
    return root


def has_main_slider(root) -> bool:
    """True when the explorer has a control marked ``course-main-slider``."""
    return root.locator(".course-main-slider").count() > 0


def figure_canvas(root):
    """The element that shows the picture: the ipympl canvas, else a canvas or an image."""
    canvas = root.locator(".jupyter-matplotlib-canvas-div canvas").first
    if canvas.count() == 0:  # a canvas, or a PNG in an Image widget (the training monitor)
        canvas = root.locator("canvas, img").first
    return canvas


def figure_problem(root) -> str | None:
    """Why the explorer shows no figure (no canvas, or a canvas of zero size), else None."""
    canvas = figure_canvas(root)
    if canvas.count() == 0:
        return "no figure canvas inside the explorer"
    width, height = canvas.evaluate(
        "(c) => c.tagName === 'IMG' ? [c.naturalWidth, c.naturalHeight] : [c.width, c.height]"
    )
    if not width or not height:
        return f"its figure canvas is {width}x{height} pixels: nothing is drawn"
    return None


def slider_handle(root):
    """The keyboard-focusable handle of the explorer's main slider."""
    handle = root.locator(".course-main-slider .noUi-handle, .course-main-slider input").first
    if handle.count() == 0:
        raise AssertionError("no element with class course-main-slider and a slider handle")
    return handle


def press_slider(page, root, key: str = "") -> tuple[str, str, str]:
    """Focus the main slider's handle and press an arrow key, as a person would.

    Without ``key``, goes right unless the slider sits at its maximum. Returns
    ``(key, value_before, value_after)`` from the handle's ``aria-valuetext`` (its
    ``aria-valuenow`` is rounded to 0.1, so a 0.05 step can look like no move).
    """
    handle = slider_handle(root)

    def value():  # aria-valuetext has full precision; aria-valuenow is rounded to 0.1
        return (
            handle.get_attribute("aria-valuetext")
            or handle.get_attribute("aria-valuenow")
            or handle.input_value()
        )

    before = value()
    if not key:
        top = handle.get_attribute("aria-valuemax")
        key = "ArrowLeft" if top is not None and float(before) >= float(top) else "ArrowRight"
    handle.focus()
    page.keyboard.press(key)
    after = before
    for _ in range(20):  # the handle's value may follow a moment later
        page.wait_for_timeout(100)
        after = value()
        if after != before:
            break
    return key, before, after


def wait_for_new_pixels(canvas, before: bytes, timeout: float = 15.0) -> bytes | None:
    """Screenshot ``canvas`` until it differs from ``before``; None if it never does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = canvas.screenshot()
        if now != before:
            return now
        time.sleep(0.1)
    return None


def wait_quiet(canvas, frames: int = 10) -> bool:
    """Wait until the canvas keeps its pixels for ``frames`` animation frames (max 5 s)."""
    return canvas.evaluate(WAIT_QUIET, frames)


def slider_to_pixels_ms(page, root, moves: int = 20, timeout: float = 10.0) -> list[float]:
    """Milliseconds from each key press on the main slider to the first changed frame.

    The slider goes one step right, then left, and so on (staying in range); before each press
    the canvas must be still for 10 frames, so a late frame is never credited to the next move.
    """
    canvas = figure_canvas(root)
    handle = slider_handle(root)
    top = handle.get_attribute("aria-valuemax")
    value = handle.get_attribute("aria-valuenow")
    first = "ArrowLeft" if top is not None and value == top else "ArrowRight"
    other = {"ArrowLeft": "ArrowRight", "ArrowRight": "ArrowLeft"}[first]
    times = []
    for i in range(moves):
        wait_quiet(canvas)
        canvas.evaluate(ARM_PROBE)
        handle.focus()
        page.keyboard.press(first if i % 2 == 0 else other)
        page.wait_for_function(
            "() => window.__coursePixelProbe.t1 !== null", timeout=timeout * 1000, polling="raf"
        )
        probe = page.evaluate("() => [window.__coursePixelProbe.t0, window.__coursePixelProbe.t1]")
        times.append(probe[1] - probe[0])
    return times


def play_frames(page, root, seconds: float = 6.0) -> int:
    """Click the explorer's Play button, count distinct pictures shown, then pause it."""
    play = root.locator(".course-play")
    canvas = figure_canvas(root)
    seen = {canvas.screenshot()}
    play.locator("button:has(.fa-play), button").first.click()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and len(seen) < 4:
        page.wait_for_timeout(150)
        seen.add(canvas.screenshot())
    pause = play.locator("button:has(.fa-pause)")
    if pause.count():
        pause.first.click()
    return len(seen) - 1


# Every figure (ipympl canvas, picture) in the shown notebook's outputs that sticks out of its
# output area: a learner sees it cut off, or scrolls the output sideways.
FIGURE_OVERFLOWS = """() => {
  const cells = [...document.querySelectorAll('SHOWN .jp-Cell')];
  const found = [];
  cells.forEach((cell, index) => {
    for (const area of cell.querySelectorAll('.jp-OutputArea-output')) {
      const box = area.getBoundingClientRect();
      if (!box.width) continue;
      const figs = area.querySelectorAll('.jupyter-matplotlib-canvas-div, img, canvas');
      for (const fig of figs) {
        const r = fig.getBoundingClientRect();
        if (!r.width || !r.height) continue;
        const over = Math.max(r.right - box.right, box.left - r.left);
        if (over > 1) found.push({cell: index, width: Math.round(r.width),
                                  area: Math.round(box.width), over: Math.round(over)});
      }
    }
  });
  return found;
}""".replace("SHOWN", SHOWN_PANEL)
# Every visible slider in the shown notebook: its label and the width of its track.
SLIDER_TRACKS = """() => {
  const cells = [...document.querySelectorAll('SHOWN .jp-Cell')];
  const found = [];
  cells.forEach((cell, index) => {
    for (const s of cell.querySelectorAll('.jp-OutputArea-output .widget-hslider')) {
      const r = s.getBoundingClientRect();
      if (!r.width || !r.height || !s.checkVisibility()) continue;  // folded away: not seen
      const track = s.querySelector('.noUi-target') || s.querySelector('.slider-container');
      const label = s.querySelector('.widget-label');
      found.push({cell: index, label: label ? label.textContent : '',
                  track: track ? Math.round(track.getBoundingClientRect().width) : 0});
    }
  });
  return found;
}""".replace("SHOWN", SHOWN_PANEL)


def show_file_browser(page) -> float:
    """Open JupyterLab's file browser in the left sidebar, as a learner has it; its width."""
    page.evaluate("() => window.jupyterapp.commands.execute('filebrowser:activate')")
    page.wait_for_function(
        "() => { const f = document.querySelector('#filebrowser');"
        " return !!f && f.getBoundingClientRect().width > 0; }",
        timeout=10_000,
    )
    return page.evaluate(
        "() => document.querySelector('#filebrowser').getBoundingClientRect().width"
    )


def resize_window(page, width: int, height: int) -> None:
    """Resize the browser window and give JupyterLab a moment to lay itself out again."""
    page.set_viewport_size({"width": width, "height": height})
    page.wait_for_timeout(800)


def figure_overflows(page) -> list[str]:
    """One line per figure wider than (or sticking out of) its cell's output area."""
    return [
        f"cell {f['cell']}: a figure {f['width']} px wide sticks out of its "
        f"{f['area']} px output area by {f['over']} px"
        for f in page.evaluate(FIGURE_OVERFLOWS)
    ]


def short_slider_tracks(page, minimum: int = 150) -> list[str]:
    """One line per visible slider whose track is narrower than ``minimum`` px."""
    return [
        f"cell {s['cell']}: slider {s['label']!r} has a {s['track']} px track (< {minimum} px)"
        for s in page.evaluate(SLIDER_TRACKS)
        if s["track"] < minimum
    ]


def slider_tracks(page) -> list[dict]:
    """Every visible slider: ``{'cell', 'label', 'track'}`` (track width in CSS px)."""
    return page.evaluate(SLIDER_TRACKS)


def drag_slider(page, root, distance: float = 60.0) -> tuple[str, str]:
    """Drag the main slider's handle with the mouse (down, move, up), as a learner would.

    Drags ``distance`` px toward the side of the track with more room. Returns the slider's
    ``(value_before, value_after)`` (its ``aria-valuetext``).
    """
    handle = root.locator(".course-main-slider .noUi-handle").first
    track = root.locator(".course-main-slider .noUi-target").first
    if handle.count() == 0 or track.count() == 0:
        raise AssertionError("the main slider has no draggable handle (.noUi-handle)")
    handle.scroll_into_view_if_needed()
    h, t = handle.bounding_box(), track.bounding_box()
    x, y = h["x"] + h["width"] / 2, h["y"] + h["height"] / 2
    room_right = t["x"] + t["width"] - x
    dx = distance if room_right >= x - t["x"] else -distance
    before = handle.get_attribute("aria-valuetext") or handle.get_attribute("aria-valuenow")
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx, y, steps=8)
    page.mouse.up()
    after = before
    for _ in range(20):  # the handle's value may follow a moment later
        page.wait_for_timeout(100)
        after = handle.get_attribute("aria-valuetext") or handle.get_attribute("aria-valuenow")
        if after != before:
            break
    return before, after


def save_notebook_screenshot(page, path: Path, max_height: int = 12000) -> None:
    """Screenshot the whole notebook (the window grows to its height, then shrinks back)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    outer = (
        f"document.querySelector('{SHOWN_PANEL} .jp-WindowedPanel-outer')"
        f" || document.querySelector('{SHOWN_PANEL} .jp-Notebook')"
    )
    height = page.evaluate(f"() => {{ const n = {outer}; return n ? n.scrollHeight : 0; }}")
    page.set_viewport_size({"width": size["width"], "height": min(max_height, height + 200)})
    page.wait_for_timeout(500)
    page.evaluate(f"() => {{ const n = {outer}; if (n) n.scrollTop = 0; }}")
    page.wait_for_timeout(200)
    page.screenshot(path=str(path))
    page.set_viewport_size(size)


def median(values: list[float]) -> float:
    """Median of a non-empty list."""
    return float(statistics.median(values))


def shut_down_kernel(page, rel_path: str) -> None:
    """Shut the notebook's kernel down (a closed tab would leave it running on the server)."""
    try:
        page.evaluate(SHUT_DOWN, rel_path)
    except Exception:  # the page may already be broken; the server's teardown ends kernels too
        pass
