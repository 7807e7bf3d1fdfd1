"""Lesson 1's explorers keep pictures (one per state) and blit every control, not only the main
slider: each frame they send, after any control moves, is the picture a full draw gives.

``test_explorer_frames`` checks the main slider, with a fresh full draw between moves (which
drops the kept pictures). Here one explorer runs a sequence of moves that comes back to states
it has shown (so kept pictures are put back) and changes its other controls (an activation,
an operation), and a second explorer of the same set-up runs the same sequence with a plain
full draw after each move; the frames must be the same pixels.
"""

import numpy as np
import pytest

from course_lib.widgets.linear_map import linear_map_explorer
from course_lib.widgets.matrix_ops import matrix_ops_explorer
from tests.test_explorer_frames import (  # noqa: F401 (ipympl_backend is a fixture)
    _full_draw_pixels,
    _shown_canvas,
    ipympl_backend,
)


def _shown(box):
    canvas, _slider, sent = _shown_canvas(box)
    return canvas, sent


def _sent_frames(make, moves) -> list[np.ndarray]:
    """The canvas's picture after each ``(control, value)`` move; each change must send a frame."""
    box = make()
    canvas, sent = _shown(box)
    frames = []
    for name, value in moves:
        before, changed = len(sent), box.controls[name].value != value
        box.controls[name].value = value
        assert len(sent) > before or not changed, f"moving {name} to {value!r} sent no frame"
        frames.append(np.asarray(canvas.buffer_rgba()).copy())
    return frames


def _plain_frames(make, moves) -> list[np.ndarray]:
    """The same moves on a fresh explorer, each followed by a plain full draw."""
    box = make()
    canvas, _ = _shown(box)
    frames = []
    for name, value in moves:
        box.controls[name].value = value
        frames.append(_full_draw_pixels(canvas.figure))
    return frames


def _assert_same(make, moves) -> None:
    sent, plain = _sent_frames(make, moves), _plain_frames(make, moves)
    for (name, value), a, b in zip(moves, sent, plain, strict=True):
        different = np.any(a != b, axis=-1).mean()
        assert different == 0.0, f"after {name}={value!r}: {different:.2%} differs"


# ipympl 0.10's Toolbar passes its canvas on to traitlets, which warns (harmless, ipympl's own)
pytestmark = pytest.mark.filterwarnings(
    "ignore:Passing unrecognized arguments to super:DeprecationWarning"
)


@pytest.mark.usefixtures("ipympl_backend")
@pytest.mark.parametrize("operation", ["multiply", "scalar", "add", "transpose"])
def test_matrix_ops_steps_shown_again_are_the_full_draw(operation):
    steps = {"multiply": 4, "scalar": 4, "add": 4, "transpose": 2}[operation]
    moves = [("operation", operation)] + [("step", k) for k in [*range(steps), *range(steps)]]
    moves += [("operation", "multiply"), ("step", 1), ("operation", operation), ("step", 0)]
    _assert_same(matrix_ops_explorer, moves)


@pytest.mark.usefixtures("ipympl_backend")
def test_linear_map_every_control_and_activation_sends_the_full_draw():
    moves = [("w11", -1.5), ("w12", 1.0), ("w21", -0.5), ("w22", 2.0), ("b1", 0.7), ("b2", -1.2)]
    for activation in ["relu", "sigmoid", "tanh", "none", "sigmoid"]:
        moves += [("activation", activation), ("w11", 0.5), ("w11", 1.8), ("b2", 0.3)]
    _assert_same(linear_map_explorer, moves)
