"""plotting.figure_updates: blitting only the moving artists gives the full draw's pixels."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

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


def test_blitter_keeps_one_picture_per_key_and_restores_it_without_a_full_draw():
    """A background with two states (a title that says which): after one full draw per key,
    going back to a key blits over its own kept picture: no full draw, the same pixels."""
    fig, line, x = _blit_scene()
    reference, ref_line, _ = _blit_scene()
    blitter = Blitter(fig, [line])
    full_draws = []
    fig.canvas.mpl_connect("draw_event", full_draws.append)
    for key in ("a", "b"):  # first visits: a full draw each
        fig.axes[0].set_title(f"state {key}")
        blitter.update(key)
    assert len(full_draws) == 2
    for k, key in enumerate(("a", "b", "a")):
        fig.axes[0].set_title(f"state {key}")
        line.set_ydata(np.tanh(x) * k)
        blitter.update(key)
        reference.axes[0].set_title(f"state {key}")
        ref_line.set_ydata(np.tanh(x) * k)
        reference.canvas.draw()
        assert np.array_equal(
            np.asarray(fig.canvas.buffer_rgba()), np.asarray(reference.canvas.buffer_rgba())
        )
    assert len(full_draws) == 2  # every later update was a blit
    blitter.forget()
    blitter.update("a")
    assert len(full_draws) == 3
    with pytest.raises(TypeError, match="Blitter.update: key must be hashable"):
        blitter.update(["a"])
    plt.close(fig)
    plt.close(reference)
