"""Export an animation (a figure, ``update(k)`` and a number of frames, as for
``animation.animate``) as one self-contained HTML snippet, for a page without a kernel.

``export_html(fig, update, num_frames)`` returns a canvas, a play button and a slider, about 40
lines of JavaScript, with the frames embedded as base64 PNG. It stays small by storing frame 0
whole and, for each later frame, only the rectangles of pixels that changed, all in one shared
palette of about 200 colours (the course colours included exactly). It keeps at most
``max_frames`` frames (subsampled evenly, first and last kept) and lowers the resolution until
the snippet fits in about ``max_kb`` kilobytes.
"""

import base64
import hashlib
import io
import json
from pathlib import Path

import numpy as np

from course_lib._argspec import FIGURE, FUNCTION, PATH, optional
from course_lib._checked import checked

from .._validation import check_positive
from .animation import frame_indices
from .figure_updates import freeze_layout
from .style import PALETTE

__all__ = ["export_html"]


class _AggFrames:
    """Render ``fig`` off-screen at a chosen dpi, with its layout computed once and then frozen.

    Used as a context manager: the figure's canvas, dpi and layout engine are put back at the
    end, so a live (ipympl) canvas is left as it was. Freezing the layout skips constrained
    layout's per-draw work, which otherwise costs more than the drawing itself.
    """

    def __init__(self, fig, dpi: float):
        self.fig, self.dpi = fig, dpi

    def __enter__(self):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        fig = self.fig
        self._saved = (fig.canvas, fig.dpi, fig.get_layout_engine())
        self.canvas = FigureCanvasAgg(fig)  # becomes fig.canvas until __exit__
        fig.set_dpi(self.dpi)
        freeze_layout(fig)
        return self

    def rgb(self) -> np.ndarray:
        """The current state of the figure as an (H, W, 3) uint8 array."""
        self.canvas.draw()
        return np.asarray(self.canvas.buffer_rgba())[..., :3].copy()

    def __exit__(self, *exc) -> None:
        canvas, dpi, engine = self._saved
        self.fig.set_layout_engine(engine)
        self.fig.set_dpi(dpi)
        self.fig.set_canvas(canvas)


def _bands(changed_rows: np.ndarray, gap: int = 6) -> list[tuple[int, int]]:
    """Group the indices of changed rows into (first, last + 1) bands split at larger gaps."""
    rows = np.flatnonzero(changed_rows)
    if rows.size == 0:
        return []
    cuts = np.flatnonzero(np.diff(rows) > gap)
    starts = np.concatenate([[rows[0]], rows[cuts + 1]])
    ends = np.concatenate([rows[cuts], [rows[-1]]]) + 1
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def _encode_frames(images: list[np.ndarray]) -> list[list[list]]:
    """Frame 0 whole, later frames as [x, y, png_base64] patches of what changed."""
    from PIL import Image

    sample = np.concatenate([images[0], images[len(images) // 2], images[-1]], axis=0)
    common = Image.fromarray(sample).quantize(
        colors=200, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    # small markers may miss the sample's palette: add the course colours exactly
    exact = [int(c[i : i + 2], 16) for c in [*PALETTE, "#FFFFFF"] for i in (1, 3, 5)]
    palette = Image.new("P", (1, 1))
    palette.putpalette(exact + common.getpalette()[: 3 * 200])

    def png(block: np.ndarray) -> str:
        q = Image.fromarray(np.ascontiguousarray(block)).quantize(
            palette=palette, dither=Image.Dither.NONE
        )
        buf = io.BytesIO()
        q.save(buf, format="png", optimize=True)
        return base64.b64encode(buf.getvalue()).decode("ascii")

    frames = [[[0, 0, png(images[0])]]]
    for prev, img in zip(images[:-1], images[1:], strict=True):
        if img.shape != prev.shape:  # size changed: store the whole frame
            frames.append([[0, 0, png(img)]])
            continue
        diff = np.any(img != prev, axis=2)
        patches = []
        for r0, r1 in _bands(diff.any(axis=1)):
            cols = np.flatnonzero(diff[r0:r1].any(axis=0))
            c0, c1 = int(cols[0]), int(cols[-1]) + 1
            patches.append([c0, r0, png(img[r0:r1, c0:c1])])
        frames.append(patches)
    return frames


_PLAYER = """<div class="course-animation" id="%(id)s" data-num-frames="%(n)d">
<canvas width="%(w)d" height="%(h)d" style="max-width:100%%;height:auto"></canvas>
<div><button type="button" style="width:3em">&#9654;</button>
<input type="range" min="0" max="%(last)d" value="0" style="width:60%%;vertical-align:middle">
<span></span></div>
<script type="application/json">%(data)s</script>
<script>(function () {
  var root = document.getElementById("%(id)s");
  var data = JSON.parse(root.querySelector("script[type='application/json']").textContent);
  var ctx = root.querySelector("canvas").getContext("2d");
  var button = root.querySelector("button"), slider = root.querySelector("input");
  var label = root.querySelector("span"), shown = -1, timer = null;
  var frames = data.frames.map(function (patches) {
    return patches.map(function (p) {
      var im = new Image(); im.src = "data:image/png;base64," + p[2]; return [p[0], p[1], im];
    });
  });
  function paint(k) {  // frames after the first only hold what changed: replay up to k
    if (k < shown) { shown = -1; }
    for (var i = shown + 1; i <= k; i++) {
      frames[i].forEach(function (p) { ctx.drawImage(p[2], p[0], p[1]); });
    }
    shown = k; slider.value = k;
    label.textContent = " frame " + (k + 1) + " / " + frames.length;
  }
  function stop() { clearInterval(timer); timer = null; button.innerHTML = "&#9654;"; }
  function play() {
    if (shown >= frames.length - 1) { paint(0); }
    button.innerHTML = "&#10074;&#10074;";
    timer = setInterval(function () {
      if (shown < frames.length - 1) { paint(shown + 1); }
      else if (data.loop) { paint(0); } else { stop(); }
    }, data.interval);
  }
  button.onclick = function () { if (timer) { stop(); } else { play(); } };
  slider.oninput = function () { stop(); paint(parseInt(slider.value, 10)); };
  var all = [];
  frames.forEach(function (f) { f.forEach(function (p) { all.push(p[2].decode()); }); });
  Promise.all(all).then(function () { paint(0); });
})();</script>
</div>
"""


def _html(images, interval_ms: float, loop: bool) -> str:
    frames = _encode_frames(images)
    data = json.dumps({"interval": interval_ms, "loop": loop, "frames": frames})
    uid = "course-anim-" + hashlib.sha1(data.encode()).hexdigest()[:12]
    h, w = images[0].shape[:2]
    fields = {"id": uid, "n": len(frames), "w": w, "h": h, "last": len(frames) - 1, "data": data}
    return _PLAYER % fields


@checked(fig=FIGURE, update=FUNCTION, path=optional(PATH))
def export_html(
    fig,
    update,
    num_frames,
    path=None,
    max_frames=40,
    interval_ms=200,
    dpi=None,
    max_kb=300,
    loop=True,
) -> str:
    """Render frames 0..num_frames-1 of ``fig`` into one self-contained HTML animation.

    ``update(k)`` changes the figure's artists to show frame k. At most ``max_frames``
    frames are kept (evenly spaced, first and last included). With ``dpi=None`` the
    resolution starts at the figure's own (at most 100 dpi) and is lowered, not below 40 dpi,
    then frames are dropped (evenly), until the HTML is at most ``max_kb`` kilobytes; a given
    ``dpi`` is used as is (no size limit then). Returns the
    HTML text (a ``<div>`` that works inside a page or alone) and, if ``path`` is given, also
    writes it there. The figure is left showing the last frame.
    """
    func = "export_html"
    frames = frame_indices(num_frames, max_frames)
    interval = check_positive(func, "interval_ms", interval_ms)
    budget = check_positive(func, "max_kb", max_kb) * 1024
    images = []
    use = check_positive(func, "dpi", dpi) if dpi is not None else min(float(fig.dpi), 100.0)
    for _attempt in range(8):
        images = []
        with _AggFrames(fig, use) as agg:
            for k in frames:
                update(k)
                images.append(agg.rgb())
        html = _html(images, interval, loop)
        size = len(html.encode())
        if dpi is not None or size <= budget:
            break
        want = use * 0.95 * float(np.sqrt(budget / size))  # bytes grow like dpi**2
        if want >= 40.0:
            use = want
        elif len(frames) > 2:  # below 40 dpi is unreadable: keep fewer frames instead
            at_floor = size * (40.0 / use) ** 2
            use = 40.0
            frames = frame_indices(num_frames, max(2, int(len(frames) * 0.9 * budget / at_floor)))
        else:
            break
    if path is not None:
        Path(path).write_text(html, encoding="utf-8")
    return html
