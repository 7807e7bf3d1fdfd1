"""The activation dropdown shared by the linear-map, neuron and forward-pass explorers.

The dropdowns show ``"none"`` for the identity (a learner reads "no activation" there); this
module is the one place that label is turned into the activation name ``"identity"`` that
``course_lib.activations`` accepts.
"""

from course_lib.activations import _check_name

__all__ = ["ACTIVATION_CHOICES", "activation_key"]

# Dropdown labels: "none" is shown for the identity.
ACTIVATION_CHOICES = ("none", "relu", "sigmoid", "tanh")


def activation_key(func: str, label) -> str:
    """Map a dropdown label ("none", "relu", ...) to an activation name, or raise."""
    if label == "none":
        return "identity"
    return _check_name(func, label)
