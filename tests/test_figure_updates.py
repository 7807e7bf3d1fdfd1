"""plotting.figure_updates: blitting only the moving artists gives the full draw's pixels."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from course_lib.plotting.figure_updates import Blitter, freeze_layout  # noqa: E402


def _blit_scene():
    """A figure with a fixed heat map and one moving line, inside the axes: (fig, line, x)."""
    with plt.ioff():
        fig, ax = plt.subplots(figsize=(3.0, 2.0))
    grid = np.linspace(-1.0, 1.0, 40)
    ax.imshow(np.outer(grid, grid), extent=(-3, 3, -3, 3))
    x = np.linspace(-2.0, 2.0, 50)
    (line,) = ax.plot(x, np.tanh(x), color="k")
    ax.set_title("blit")
    freeze_layout(fig)
    return fig, line, x


def test_blitter_update_shows_the_same_pixels_as_a_full_draw():
    """Restoring the kept background and drawing only the moving line gives the picture a full
    draw of the same state gives; the first update, with nothing kept yet, draws in full."""
    fig, line, x = _blit_scene()
    reference, ref_line, _ = _blit_scene()
    blitter = Blitter(fig, [line])
    line.set_ydata(0.5 * np.tanh(x))
    blitter.update()  # nothing kept yet: a full draw, which keeps the background
    assert blitter.background is not None
    for k in (1, 2, 3):
        line.set_ydata(np.tanh(k * x) - 0.5 * k)
        blitter.update()
        ref_line.set_ydata(np.tanh(k * x) - 0.5 * k)
        reference.canvas.draw()
        shown = np.asarray(fig.canvas.buffer_rgba())
        assert np.array_equal(shown, np.asarray(reference.canvas.buffer_rgba()))
    before = np.asarray(fig.canvas.buffer_rgba()).copy()
    line.set_ydata(np.zeros_like(x))
    blitter.update()
    assert not np.array_equal(before, np.asarray(fig.canvas.buffer_rgba()))  # it did move
    plt.close(fig)
    plt.close(reference)
