"""Runs inside a lesson's kernel (its source is sent as a cell by ``bench_explorers``).

Finds every explorer the lesson built (live widgets with the CSS class ``course-explorer``),
makes its ipympl canvas behave as one a browser shows (``syncing_data_url = False``: draws are
sent at once, as ``figure_updates.redraw`` and ``Blitter`` do in JupyterLab), and times what a
key press on its main slider costs in the kernel: setting the slider's value runs the
explorer's callback, its draw (full or blit) and the PNG encoding of the frame that is sent.
Every move must send at least one frame, or the move is reported as an error.

Two sweeps per explorer: ``step`` = one warm-up move, then MOVES moves of one step right, left,
right... (as ``bench_browser`` presses the keys), and ``sweep`` = MOVES values spread over the
slider's whole range (every value new, so a cached picture helps only when a value repeats).
The reference is a plain one-line plot of 241 points in a ``new_figure(5.8, 3.2)`` figure,
changed by ``set_ydata`` and sent with ``redraw`` (a full draw), timed the same way.
"""

import json
import time

import numpy as np

MOVES = 20


def _children(widget):
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from _children(child)


def _with_class(root, name):
    return [w for w in _children(root) if name in getattr(w, "_dom_classes", ())]


def _explorers():
    """(id, root, canvas, main slider) of every live explorer, in creation order."""
    from ipympl.backend_nbagg import Canvas
    from ipywidgets.widgets.widget import _instances

    found = []
    for widget in list(_instances.values()):
        classes = getattr(widget, "_dom_classes", ())
        if "course-explorer" not in classes:
            continue
        name = next(c.removeprefix("explorer-") for c in classes if c.startswith("explorer-"))
        canvases = [w for w in _children(widget) if isinstance(w, Canvas)]
        sliders = _with_class(widget, "course-main-slider")
        if canvases and sliders:
            found.append((name, widget, canvases[0], sliders[0]))
    return found


def _next_value(slider, direction: int):
    """The value one keyboard step from the slider's value in ``direction`` (+1 or -1)."""
    if hasattr(slider, "options"):
        index = slider.index + direction
        return slider.options[min(max(index, 0), len(slider.options) - 1)]
    if type(slider).__name__ == "FloatLogSlider":
        exponent = np.log(slider.value) / np.log(slider.base) + direction * slider.step
        exponent = min(max(exponent, slider.min), slider.max)
        return slider.base**exponent
    return min(max(slider.value + direction * slider.step, slider.min), slider.max)


def _spread(slider, n: int) -> list:
    if hasattr(slider, "options"):
        return [slider.options[k % len(slider.options)] for k in range(n)]
    if type(slider).__name__ == "FloatLogSlider":
        return list(slider.base ** np.linspace(slider.min, slider.max, n))
    if isinstance(slider.value, int):
        return [slider.min + k % (slider.max - slider.min + 1) for k in range(n)]
    return list(np.linspace(slider.min, slider.max, n))


def _time_moves(canvas, set_value, values) -> dict:
    """Wall and CPU ms of each ``set_value(v)``, and the frames each sent."""
    wall, cpu, frames = [], [], []
    for value in values:
        before = canvas._course_frames
        t0, c0 = time.perf_counter(), time.process_time()
        set_value(value)
        wall.append(1000 * (time.perf_counter() - t0))
        cpu.append(1000 * (time.process_time() - c0))
        frames.append(canvas._course_frames - before)
    return {
        "median_ms": float(np.median(wall)),
        "median_cpu_ms": float(np.median(cpu)),
        "max_ms": float(max(wall)),
        "moves_without_frame": sum(1 for f in frames if f == 0),
        "frames": int(sum(frames)),
    }


def _as_shown(canvas) -> None:
    """Make ``canvas`` send its frames as it does once JupyterLab shows it; count them."""
    if getattr(canvas, "_course_frames", None) is None:
        send = canvas.send_binary
        canvas._course_frames = 0

        def counted(data):
            canvas._course_frames += 1
            send(data)

        canvas.send_binary = counted
    canvas.syncing_data_url = False
    canvas.draw()  # the first picture the browser asks for


def measure_explorer(canvas, slider) -> dict:
    _as_shown(canvas)
    start = slider.value
    first = -1 if slider.value == getattr(slider, "max", None) else 1

    def step(direction):
        slider.value = _next_value(slider, direction)

    step(first)  # the warm-up move, not timed
    directions = [-first if k % 2 == 0 else first for k in range(MOVES)]
    result = {"step": _time_moves(canvas, step, directions)}
    slider.value = start

    def assign(value):
        slider.value = value

    values = [v for v in _spread(slider, MOVES + 1) if v != start][:MOVES]  # each one a move
    result["sweep"] = _time_moves(canvas, assign, values)
    slider.value = start
    return result


def measure_reference() -> dict:
    import matplotlib.pyplot as plt

    from course_lib.plotting.figure_updates import redraw
    from course_lib.widgets._base import new_figure

    fig, ax = new_figure(5.8, 3.2)
    x = np.linspace(0.0, 1.0, 241)
    (line,) = ax.plot(x, x)
    _as_shown(fig.canvas)

    def change(slope):
        line.set_ydata(slope * x)
        redraw(fig)

    result = _time_moves(fig.canvas, change, np.linspace(0.2, 1.0, MOVES))
    plt.close(fig)
    return result


def measure_all() -> dict:
    out = {"reference": measure_reference(), "explorers": {}}
    for name, _root, canvas, slider in _explorers():
        try:
            out["explorers"][name] = measure_explorer(canvas, slider)
        except Exception as exc:  # report and go on with the other explorers
            out["explorers"][name] = {"error": f"{type(exc).__name__}: {exc}"}
    out["reference_after"] = measure_reference()  # the machine may have changed meanwhile
    return out


if __name__ == "__main__":  # a kernel cell runs as __main__; tests import the helpers above
    print("PROBE" + json.dumps(measure_all()))
