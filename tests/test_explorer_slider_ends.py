"""Every explorer survives both ends of every slider and the first and last choice of every
menu: found by walking each explorer's widget tree, so a new control cannot be missed. After
each change nothing non-finite is drawn and no warning is raised (warnings are errors)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_lib import network  # noqa: E402
from course_lib.widgets import (  # noqa: E402
    digit_predictions,
    forward_pass,
    graph_view,
    learning_rate,
    line_fit,
    linear_map,
    loss_curves,
    matrix_ops,
    neuron,
    optimizer_race,
    overfitting,
    playground,
    tensor_view,
    welcome,
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _digits_explorer():
    rng = np.random.default_rng(0)
    images, labels = rng.uniform(0, 16, size=(6, 8, 8)), np.arange(6) % 10
    model = network.MLP([64, 8, 10], rng=rng)
    return digit_predictions.digit_predictions_explorer(
        model, images, labels, np.zeros(64), np.ones(64)
    )


def _graph_explorer():
    from course_lib.demos.graph_view import tiny_graph

    return graph_view.graph_animation(tiny_graph())


def _descent_explorer():
    import importlib

    from course_lib.surfaces import Quadratic

    # the package re-exports a function of the same name, so import the module by its path
    module = importlib.import_module("course_lib.widgets.descent_animation")
    return module.descent_animation(Quadratic(5.0, 0.5), 0.3, 10)


def _loss_race_explorer():
    from course_lib.demos.loss_curves import compare_losses, two_clusters

    X, y = two_clusters(40, rng=np.random.default_rng(0))
    return loss_curves.loss_race_explorer(compare_losses(X, y, num_steps=30), X, y)


EXPLORERS = {
    "welcome": welcome.welcome_explorer,
    "line_fit": line_fit.line_fit_explorer,
    "matrix_ops": matrix_ops.matrix_ops_explorer,
    "tensor": tensor_view.tensor_explorer,
    "neuron": neuron.neuron_explorer,
    "linear_map": linear_map.linear_map_explorer,
    "forward_pass": forward_pass.forward_pass_explorer,
    "saturation": loss_curves.saturation_explorer,
    "loss_race": _loss_race_explorer,
    "learning_rate_bowl": lambda: learning_rate.learning_rate_explorer("bowl"),
    "learning_rate_1d": lambda: learning_rate.learning_rate_explorer("1d"),
    "descent": _descent_explorer,
    "graph": _graph_explorer,
    "race_surface": lambda: optimizer_race.optimizer_race_explorer("surface", num_steps=30),
    "race_network": lambda: optimizer_race.optimizer_race_explorer("network", num_steps=20),
    "playground": playground.playground_explorer,
    "overfitting": overfitting.overfitting_explorer,
    "digits": _digits_explorer,
}


def _controls(widget):
    """Every slider and menu under ``widget`` (depth first)."""
    found = []
    for child in getattr(widget, "children", ()):
        if hasattr(child, "options") and len(getattr(child, "options", ())) > 0:
            found.append(child)
        elif hasattr(child, "min") and hasattr(child, "max") and hasattr(child, "value"):
            found.append(child)
        found += _controls(child)
    return found


def _ends(control) -> list:
    if hasattr(control, "options"):
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return [values[0], values[-1]]
    if type(control).__name__ == "FloatLogSlider":
        return [control.base**control.min, control.base**control.max]
    return [control.min, control.max]


def _assert_drawn_finite(fig) -> None:
    fig.canvas.draw()
    for ax in fig.axes:
        for line in ax.get_lines():
            xy = np.asarray(line.get_xydata(), dtype=float)
            assert np.all(np.isfinite(xy)), line


@pytest.mark.parametrize("name", list(EXPLORERS))
def test_every_control_of_the_explorer_at_both_ends(name):
    box = EXPLORERS[name]()
    controls = _controls(box)
    assert controls, f"{name}: no slider or menu found"
    for control in controls:
        start = control.value
        for value in _ends(control):
            control.value = value
            if getattr(box, "figure", None) is not None:
                _assert_drawn_finite(box.figure)
            caption = getattr(box, "caption", None)
            if caption is not None:
                assert "nan" not in caption.value.lower().replace("nano", "")
        control.value = start
