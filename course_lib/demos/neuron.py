"""Pure compute behind ``widgets.neuron`` (lesson 3): one neuron with one input, ``a = f(w x + b)``.

Shapes: ``x`` any shape (the inputs along the curve); ``w`` and ``b`` are numbers. No
matplotlib, no ipywidgets: the explorer only draws what these functions return.
"""

import numpy as np

from course_lib._argspec import NUMBER
from course_lib._checked import checked
from course_lib._validation import as_array
from course_lib.activations import get_activation
from course_lib.demos._choices import activation_key

__all__ = ["neuron_output", "neuron_midpoint"]


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
