"""Tests for course_lib.plotting.animation: the Play + slider box redraws frame k in place, and the
exported HTML keeps at most 40 frames, stays under its size budget and replays the figure."""

import base64
import io
import json
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from course_lib import plotting as P  # noqa: E402
from course_lib.plotting import animation as A  # noqa: E402
from course_lib.plotting import animation_html as H  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def descent_path(lr=0.04, steps=200):
    """Gradient descent on L = w0^2 + 10 w1^2 from (2.5, 1.5); shape (steps + 1, 2)."""
    p, path = np.array([2.5, 1.5]), []
    for _ in range(steps + 1):
        path.append(p.copy())
        p = p - lr * np.array([2 * p[0], 20 * p[1]])
    return np.array(path)


def descent_animation(steps=200):
    path = descent_path(steps=steps)
    ax = P.plot_loss_surface(lambda a, b: a**2 + 10 * b**2, path[:1], lr=0.04)
    return ax, path, (lambda k: P.update_loss_surface(ax, path[: k + 1], lr=0.04))


def frames_of(html):
    payload = re.search(r'<script type="application/json">(.*?)</script>', html, re.S).group(1)
    return json.loads(payload)["frames"]


def replay(frames, upto):
    """Rebuild frame ``upto`` from the patches, as the page's JavaScript does."""
    from PIL import Image

    def decode(b64):
        return np.asarray(Image.open(io.BytesIO(base64.b64decode(b64))).convert("RGB"))

    canvas = decode(frames[0][0][2]).copy()
    for patches in frames[1 : upto + 1]:
        for x, y, b64 in patches:
            block = decode(b64)
            canvas[y : y + block.shape[0], x : x + block.shape[1]] = block
    return canvas


@given(st.integers(1, 500), st.integers(2, 60))
def test_frame_indices_keep_the_ends_and_at_most_max_frames(n, m):
    idx = A.frame_indices(n, m)
    assert idx[0] == 0 and idx[-1] == n - 1
    assert len(idx) == min(n, m) and idx == sorted(set(idx))


def test_export_html_keeps_40_frames_under_300_kb_for_a_long_descent():
    ax, path, update = descent_animation(steps=200)
    html = H.export_html(ax.figure, update, len(path))
    assert len(html.encode()) <= 300 * 1024
    assert len(frames_of(html)) == 40
    assert 'data-num-frames="40"' in html
    assert ax.get_title().startswith("η = 0.04: 200 steps")  # left at the last frame


def test_export_html_keeps_every_frame_of_a_short_sequence_and_writes_the_file(tmp_path):
    ax, path, update = descent_animation(steps=5)
    out = tmp_path / "descent.html"
    html = H.export_html(ax.figure, update, len(path), path=out, dpi=40)
    assert len(frames_of(html)) == 6
    assert out.read_text(encoding="utf-8") == html


def test_export_html_frames_replay_to_the_figure_they_show():
    ax, path, update = descent_animation(steps=30)
    html = H.export_html(ax.figure, update, len(path), max_frames=10, dpi=50)
    frames = frames_of(html)
    with H._AggFrames(ax.figure, 50) as agg:
        update(30)
        want = agg.rgb().astype(float)
    got = replay(frames, len(frames) - 1).astype(float)
    assert got.shape == want.shape
    assert np.mean(np.abs(got - want)) < 2.0  # palette rounding only
    assert len(frames[5]) < 4  # a later frame stores a few changed rectangles, not a picture


def test_export_html_lowers_the_resolution_to_fit_a_smaller_budget():
    x = np.linspace(0.0, 5.0, 12)
    ax = P.plot_line_fit(x, 2 * x + 1 + np.sin(3 * x), 0.0, 1.0)
    html = H.export_html(ax.figure, lambda k: P.update_line_fit(ax, k / 6, 1.0), 20, max_kb=30)
    assert len(html.encode()) <= 30 * 1024
    assert 2 <= len(frames_of(html)) < 20  # at 40 dpi it had to drop frames too


def test_export_html_leaves_the_figure_canvas_dpi_and_layout_as_they_were():
    ax, path, update = descent_animation(steps=3)
    fig = ax.figure
    before = (fig.canvas, fig.dpi, fig.get_layout_engine(), tuple(fig.get_size_inches()))
    H.export_html(fig, update, len(path), dpi=30)
    assert (fig.canvas, fig.dpi, fig.get_layout_engine(), tuple(fig.get_size_inches())) == before


def test_animate_box_has_the_css_classes_the_browser_tests_look_for():
    ax, path, update = descent_animation(steps=10)
    box = A.animate(ax.figure, update, len(path))
    assert "course-explorer" in box._dom_classes
    assert "course-main-slider" in box.course_slider._dom_classes
    assert "course-play" in box.course_play._dom_classes
    assert box.course_slider.max == box.course_play.max == 10


def test_animate_slider_draws_frame_k_in_place():
    ax, path, update = descent_animation(steps=10)
    line = ax.course_artists["path"]
    box = A.animate(ax.figure, update, len(path))
    picture = box.children[1]
    first = picture.value
    box.course_slider.value = 7
    assert ax.course_artists["path"] is line and len(line.get_xdata()) == 8
    assert ax.get_title().startswith("η = 0.04: 7 steps")
    assert picture.value != first  # the snapshot was redrawn


def test_animate_refuses_a_start_frame_past_the_end():
    ax, path, update = descent_animation(steps=3)
    with pytest.raises(ValueError, match="animate: start=9 but there are only 4 frames"):
        A.animate(ax.figure, update, len(path), start=9)


def test_freeze_layout_keeps_the_axes_where_the_layout_engine_put_them():
    ax, path, update = descent_animation(steps=3)
    fig = ax.figure
    fig.canvas.draw()
    where = ax.get_position().bounds
    A.freeze_layout(fig)
    update(3)
    fig.canvas.draw()
    assert ax.get_position().bounds == pytest.approx(where)
    assert not isinstance(fig.get_layout_engine(), matplotlib.layout_engine.ConstrainedLayoutEngine)
