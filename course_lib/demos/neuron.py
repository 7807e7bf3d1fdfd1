"""Pure compute behind ``widgets.neuron`` (lesson 3): one neuron with one input, ``a = f(w x + b)``.

Shapes: ``x`` any shape (the inputs along the curve); ``w`` and ``b`` are numbers. No
matplotlib, no ipywidgets: the explorer only draws what these functions return.
"""

import numpy as np

from course_lib._argspec import NUMBER, choice
from course_lib._checked import checked
from course_lib._validation import as_array
from course_lib.activations import get_activation
from course_lib.demos._choices import ACTIVATION_CHOICES, activation_key

__all__ = ["neuron_output", "neuron_midpoint", "neuron_title", "neuron_caption"]


@checked(_finite=True, w=NUMBER, b=NUMBER)
def neuron_output(x, w: float, b: float, activation="sigmoid") -> np.ndarray:
    r"""Output of one neuron with one input: weighted sum plus bias, then the activation.

    .. math:: a = f(w x + b)

    x: array of any shape (inputs); w, b: numbers. Returns an array of x's shape.
    """
    x = as_array("neuron_output", "x", x, allow_empty=True)
    key = activation_key("neuron_output", activation)
    return get_activation(key)[0](float(w) * x + float(b))


@checked(_finite=True, w=NUMBER, b=NUMBER)
def neuron_midpoint(w: float, b: float) -> float | None:
    r"""The input where the weighted sum is zero: where the curve crosses its midpoint.

    .. math:: w x + b = 0 \iff x = -b / w

    Sigmoid is 0.5 there, tanh 0, ReLU has its kink there. Returns None when w = 0 (flat).
    """
    w, b = float(w), float(b)
    return None if w == 0 else -b / w


def _signed(b: float) -> str:
    """``+ 1.0`` or ``− 1.0``: a bias written after the weighted input."""
    return f"{'+' if b >= 0 else '−'} {abs(b):.1f}"


@checked(w=NUMBER, b=NUMBER, activation=choice(*ACTIVATION_CHOICES))
def neuron_title(w: float, b: float, activation: str) -> str:
    """The formula with the numbers in it, e.g. ``a = sigmoid(2.0·x − 1.0)`` (no name for
    the identity ``"none"``)."""
    f = "" if activation == "none" else activation
    return f"a = {f}({w:.1f}·x {_signed(b)})"


@checked(w=NUMBER, b=NUMBER, x0=NUMBER, activation=choice(*ACTIVATION_CHOICES))
def neuron_caption(w: float, b: float, x0: float, activation: str) -> str:
    r"""The explorer's caption (HTML): the neuron worked out for ``x0``, and where its curve
    crosses its midpoint.

    .. math:: z_0 = w x_0 + b, \quad a_0 = f(z_0), \quad x = -b/w \text{ where } z = 0
    """
    a0 = float(neuron_output(np.array([x0]), w, b, activation)[0])
    mid = neuron_midpoint(w, b)
    if mid is None:
        where = "w = 0: the output does not depend on x (a flat line)"
    else:
        side = "left" if w > 0 else "right"
        where = (
            f"the weighted sum is 0 at x = −b/w = −({b:.1f})/({w:.1f}) = "
            f"{mid + 0.0:.2f} (dashed line): with w {'>' if w > 0 else '<'} 0 a "
            f"bigger bias slides the curve {side}"
        )
    f = "f" if activation == "none" else activation
    return (
        f"For x0 = {x0:.1f}: z = w·x0 + b = {w:.1f}·{x0:.1f} {_signed(b)} = {w * x0 + b:.2f}, "
        f"a = {f}(z) = <b>{a0:.3f}</b>.<br>{where}."
    )
