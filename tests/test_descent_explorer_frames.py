"""The descent explorers' other controls (lessons 05 and 07) send frames equal to a full draw.

``test_explorer_frames`` moves each explorer's main slider; the learning-rate explorer and the
optimizer race blit their moves over pictures they keep (``figure_updates.Blitter``), so every
other control is checked here too: the step slider (Play), the number of steps, the race's
x-axis and the other racers' rates. Each move must send a frame equal to a plain full draw of
the same state, and moves that change only the moving artists must not draw the whole figure.
"""

import numpy as np
import pytest

from course_lib.widgets.learning_rate import learning_rate_explorer
from course_lib.widgets.optimizer_race import optimizer_race_explorer
from tests.test_explorer_frames import _full_draw_pixels, _shown_canvas, ipympl_backend

__all__ = ["ipympl_backend"]  # the fixture, used by name below

pytestmark = pytest.mark.filterwarnings(  # ipympl 0.10's Toolbar (see test_explorer_frames)
    "ignore:Passing unrecognized arguments to super:DeprecationWarning"
)


def _shown(box):
    """The explorer's canvas acting as JupyterLab shows it; returns (canvas, frames, draws)."""
    canvas, _slider, frames = _shown_canvas(box)
    draws = []
    canvas.mpl_connect("draw_event", draws.append)
    return canvas, frames, draws


def _move(canvas, frames, widget, value, what: str) -> None:
    """Set ``widget`` to ``value``: a frame is sent and it equals a full draw of the state."""
    before = len(frames)
    widget.value = value
    assert len(frames) > before, f"{what} = {value!r} sent no frame"
    shown = np.asarray(canvas.buffer_rgba()).copy()
    plain = _full_draw_pixels(canvas.figure)
    different = np.any(shown != plain, axis=-1).mean()
    assert different == 0, f"{what} = {value!r}: {different:.2%} of the frame differs"


@pytest.mark.parametrize("surface", ["1d", "bowl"])
def test_learning_rate_steps_and_play_frames_equal_full_draws(surface, ipympl_backend):
    box = learning_rate_explorer(surface, num_steps=12)
    canvas, frames, _ = _shown(box)
    c = box.controls
    for lr in (c["lr"].value * 1.9, c["lr"].value * 3.9):  # oscillating, then diverging
        _move(canvas, frames, c["lr"], lr, "η")
        for step in (0, 3, 7, 12):
            _move(canvas, frames, c["step"], step, "step")
    for num_steps in (30, 5, 12):  # a new loss x-axis, then back to the first one
        _move(canvas, frames, c["num_steps"], num_steps, "steps")
        _move(canvas, frames, c["step"], 2, "step")


@pytest.mark.parametrize("surface", ["1d", "bowl"])
def test_learning_rate_moves_redraw_only_what_moves(surface, ipympl_backend):
    box = learning_rate_explorer(surface, num_steps=12)
    canvas, frames, draws = _shown(box)
    c = box.controls
    for lr in (c["lr"].value * 1.5, c["lr"].value * 4.0):
        c["lr"].value = lr
        c["step"].value = 4
    assert not draws, "a new rate or step drew the whole figure instead of blitting"
    c["num_steps"].value = 20  # the loss x-axis changes: one full draw
    assert len(draws) == 1
    c["num_steps"].value = 12  # its picture is kept: no draw
    assert len(draws) == 1


def test_race_other_controls_frames_equal_full_draws(ipympl_backend):
    box = optimizer_race_explorer("surface", num_steps=30)
    canvas, frames, _ = _shown(box)
    c = box.controls
    for step in (0, 5, 30):
        _move(canvas, frames, c["step"], step, "step")
    _move(canvas, frames, c["lrs"]["SGD"], 0.003, "η SGD")
    _move(canvas, frames, c["lrs"]["momentum"], 3.0, "η momentum")  # diverges
    for x_axis, adam in (("examples seen", 0.01), ("seconds", 0.03), ("steps", 2.0)):
        _move(canvas, frames, c["x_axis"], x_axis, "x-axis")
        _move(canvas, frames, c["step"], 10, "step")
        _move(canvas, frames, c["lrs"]["Adam"], adam, "η Adam")
        _move(canvas, frames, c["step"], 20, "step")


def test_race_step_and_nearby_rates_redraw_only_what_moves(ipympl_backend):
    box = optimizer_race_explorer("surface", num_steps=30)
    canvas, frames, draws = _shown(box)
    c = box.controls
    for step in (0, 12, 30):
        c["step"].value = step
    assert not draws, "a step drew the whole figure instead of blitting"
    adam = c["lrs"]["Adam"]
    for exponent in (-1.55, -1.5, -1.45):  # nearby rates: GD still leads, the axis stays
        adam.value = 10**exponent
    assert not draws, "a nearby Adam rate drew the whole figure instead of blitting"
