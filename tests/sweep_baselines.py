"""One valid baseline call per public callable of course_lib, for the bad-input sweep.

``BASELINES["module:name"]`` is a :class:`Base`: ``make()`` returns ``(fn, args, kwargs)``, a
fresh valid call (built anew for every sweep call, so in-place updates cannot leak from one call
into the next). ``accepts`` maps an argument to the input families it legitimately takes (for
example ``ax`` takes None). ``light``: only a few families (widget constructors, whose every
call builds a figure). ``record``: a plain record type (a dataclass of results), which stores
what it is given; only raw crashes count. ``checker``: a checker; an answer that passes with a
wrong-typed value is a leak.

A public callable without an entry here fails the sweep: add its baseline with the function.
"""

from __future__ import annotations

import dataclasses
import importlib

import matplotlib.pyplot as plt
import numpy as np

from course_lib import (
    activations,
    datasets,
    evaluation,
    gradcheck,
    landscapes,
    layers,
    linalg,
    losses,
    network,
    optimizers,
    regularization,
    surfaces,
    training,
    training_history,
)
from course_lib.checks import answers as checks_answers
from course_lib.checks import core as checks_core
from course_lib.checks import feedback as checks_feedback
from course_lib.checks import (
    lesson00,
    lesson01,
    lesson02,
    lesson03,
    lesson04,
    lesson05,
    lesson06,
    lesson07,
    lesson08,
    lesson09,
)
from course_lib.checks import result as checks_result
from course_lib.plotting import (
    animation,
    animation_html,
    classify_plots,
    eigen_plots,
    figure_updates,
    fit_plots,
    linalg_plots,
    multiples,
    network_plots,
    progress_plots,
    style,
    training_plots,
)

d_forward = importlib.import_module("course_lib.demos.forward_pass")
d_graph = importlib.import_module("course_lib.demos.graph_view")
d_lr = importlib.import_module("course_lib.demos.learning_rate")
d_line = importlib.import_module("course_lib.demos.line_fit")
d_map = importlib.import_module("course_lib.demos.linear_map")
d_loss = importlib.import_module("course_lib.demos.loss_curves")
d_ops = importlib.import_module("course_lib.demos.matrix_ops")
d_neuron = importlib.import_module("course_lib.demos.neuron")
d_race = importlib.import_module("course_lib.demos.optimizer_race")
d_play = importlib.import_module("course_lib.demos.playground")
d_two = importlib.import_module("course_lib.demos.two_layer")

w_desc = importlib.import_module("course_lib.widgets.descent_animation")
w_digits = importlib.import_module("course_lib.widgets.digit_predictions")
w_forward = importlib.import_module("course_lib.widgets.forward_pass")
w_graph = importlib.import_module("course_lib.widgets.graph_view")
w_lr = importlib.import_module("course_lib.widgets.learning_rate")
w_line = importlib.import_module("course_lib.widgets.line_fit")
w_map = importlib.import_module("course_lib.widgets.linear_map")
w_loss = importlib.import_module("course_lib.widgets.loss_curves")
w_ops = importlib.import_module("course_lib.widgets.matrix_ops")
w_neuron = importlib.import_module("course_lib.widgets.neuron")
w_race = importlib.import_module("course_lib.widgets.optimizer_race")
w_play = importlib.import_module("course_lib.widgets.playground")
w_tensor = importlib.import_module("course_lib.widgets.tensor_view")
w_monitor = importlib.import_module("course_lib.widgets.training_monitor")
w_welcome = importlib.import_module("course_lib.widgets.welcome")


@dataclasses.dataclass
class Base:
    make: object
    accepts: dict = dataclasses.field(default_factory=dict)
    light: bool = False
    record: bool = False
    checker: bool = False
    names: tuple = ()  # extra names a message may start with (besides the callable's own)
    inf_ok: bool = False  # inf in the result is the documented report (a diverged run's score)
    answer: str = ""  # a checker's argument that holds the learner's answer (default: first)


def call(fn, *args, **kwargs):
    return lambda: (fn, args, kwargs)


def rng():
    return np.random.default_rng(0)


def X23():
    return np.array([[1.0, 2.0, 3.0], [0.5, -1.0, 2.0]])


def W43():
    return np.arange(12.0).reshape(4, 3) / 10


def small_mlp():
    return network.MLP([3, 4, 2], rng=rng())


def after_forward():
    m = small_mlp()
    m.forward(X23())
    return m


def quad():
    return surfaces.Quadratic(4.0, 0.3)


def history():
    m = network.MLP([2, 3, 2], rng=rng())
    X, y = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]), np.array([0, 1, 1])
    return training.train(m, X, y, "softmax_cross_entropy", optimizers.Adam(0.01), 3, 2, rng())


def ax():
    return plt.subplots()[1]


def playground():
    return d_play.Playground(n=40, hidden="4")


def pgtrained():
    pg = playground()
    pg.train(2)
    return pg


def race_problem():
    return d_race.least_squares_problem(4.0, 0.3, 16, 0.5, rng=rng())


def _digits_model():
    return network.MLP([4, 3, 10], rng=rng())


def _digits():
    images = np.arange(32.0).reshape(2, 4, 4) / 32
    images = images[:, :2, :2]
    return _digits_model(), images, np.array([1, 3]), np.zeros(4), np.ones(4)


def pg_method(name, *args, make=pgtrained):
    return lambda: (getattr(make(), name), args, {})


def method(factory, name, *args, **kwargs):
    return lambda: (getattr(factory(), name), args, kwargs)


def blit_scene():
    """(figure, [its one line]): what ``Blitter`` takes."""
    fig, ax = plt.subplots()
    (line,) = ax.plot([0.0, 1.0], [0.0, 1.0])
    return fig, [line]


def plot_then(plotter, updater, plot_args, *args, **kwargs):
    """An update_* call: draw with ``plotter(*plot_args)`` first, pass its Axes."""

    def make():
        axis = plotter(*plot_args)
        return updater, (axis, *args), kwargs

    return make


STUB = lambda *a, **k: 0.0  # noqa: E731  (a learner's stub that returns a number)

AX = {"ax": {"None"}}
STYLE = {"fmt": {"None"}, "title": {"None"}, "label": {"None"}}

BASELINES: dict[str, Base] = {
    # ---- activations, layers, losses, linalg -------------------------------------------------
    **{
        f"course_lib.activations:{n}": Base(call(getattr(activations, n), np.array([-1.0, 2.0])))
        for n in ("sigmoid", "sigmoid_grad", "relu", "relu_grad", "tanh", "tanh_grad")
        + ("identity", "identity_grad", "softmax")
    },
    "course_lib.activations:softmax_backward": Base(
        call(activations.softmax_backward, np.ones((2, 3)), np.full((2, 3), 1 / 3))
    ),
    "course_lib.activations:get_activation": Base(call(activations.get_activation, "relu")),
    "course_lib.layers:dense_forward": Base(call(layers.dense_forward, X23(), W43(), np.ones(4))),
    "course_lib.layers:dense_backward": Base(
        lambda: (
            layers.dense_backward,
            (np.ones((2, 4)), layers.dense_forward(X23(), W43(), np.ones(4))[1]),
            {},
        )
    ),
    "course_lib.layers:activation_forward": Base(call(layers.activation_forward, X23(), "tanh")),
    "course_lib.layers:activation_backward": Base(
        lambda: (
            layers.activation_backward,
            (np.ones((2, 3)), layers.activation_forward(X23(), "tanh")[1]),
            {},
        )
    ),
    **{
        f"course_lib.losses:{n}": Base(
            call(getattr(losses, n), np.array([0.2, 0.7]), np.array([0.0, 1.0]))
        )
        for n in ("mse", "mse_grad", "binary_cross_entropy", "binary_cross_entropy_grad")
        + ("binary_cross_entropy_with_logits", "binary_cross_entropy_with_logits_grad")
    },
    "course_lib.losses:softmax_cross_entropy": Base(
        call(losses.softmax_cross_entropy, X23(), np.array([0, 2]))
    ),
    "course_lib.losses:softmax_cross_entropy_grad": Base(
        call(losses.softmax_cross_entropy_grad, X23(), np.array([0, 2]))
    ),
    "course_lib.losses:get_loss": Base(call(losses.get_loss, "mse")),
    "course_lib.linalg:scalar_multiply": Base(call(linalg.scalar_multiply, 2.0, X23())),
    "course_lib.linalg:add": Base(call(linalg.add, X23(), X23())),
    "course_lib.linalg:dot": Base(call(linalg.dot, np.array([1.0, 2.0]), np.array([3.0, 4.0]))),
    "course_lib.linalg:matmul": Base(call(linalg.matmul, X23(), W43().T)),
    "course_lib.linalg:transpose": Base(call(linalg.transpose, X23())),
    "course_lib.linalg:matmul_steps": Base(call(linalg.matmul_steps, X23(), W43().T)),
    "course_lib.linalg:MatmulStep": Base(
        call(linalg.MatmulStep, 0, 0, (1.0,), (2.0,), (2.0,), 2.0), record=True
    ),
    # ---- augment, datasets, evaluation, gradcheck --------------------------------------------
    "course_lib.regularization:shift_images": Base(
        call(regularization.shift_images, np.ones((2, 4, 4)), 1, 0)
    ),
    "course_lib.regularization:add_shifted_copies": Base(
        call(regularization.add_shifted_copies, np.ones((2, 4, 4)), np.array([0, 1]))
    ),
    "course_lib.datasets:make_line": Base(lambda: (datasets.make_line, (10,), {"rng": rng()})),
    "course_lib.datasets:make_blobs": Base(lambda: (datasets.make_blobs, (12,), {"rng": rng()})),
    "course_lib.datasets:make_moons": Base(lambda: (datasets.make_moons, (10,), {"rng": rng()})),
    "course_lib.datasets:make_spirals": Base(
        lambda: (datasets.make_spirals, (10,), {"rng": rng()})
    ),
    "course_lib.datasets:make_xor": Base(lambda: (datasets.make_xor, (12,), {"rng": rng()})),
    "course_lib.datasets:train_test_split": Base(
        lambda: (
            datasets.train_test_split,
            (np.arange(20.0).reshape(10, 2), np.arange(10) % 2),
            {"rng": rng()},
        )
    ),
    "course_lib.datasets:one_hot": Base(call(datasets.one_hot, np.array([0, 2, 1]))),
    "course_lib.datasets:standardize": Base(
        call(datasets.standardize, X23()), accepts={"X_other": {"None"}}
    ),
    "course_lib.datasets:load_digits": Base(call(datasets.load_digits), accepts={"path": {"None"}}),
    "course_lib.evaluation:class_probabilities": Base(
        lambda: (evaluation.class_probabilities, (small_mlp(), X23()), {})
    ),
    "course_lib.evaluation:confusion_matrix": Base(
        call(evaluation.confusion_matrix, np.array([0, 1, 1]), np.array([0, 1, 0])),
        accepts={"num_classes": {"None"}},
    ),
    "course_lib.evaluation:mistakes": Base(
        call(evaluation.mistakes, np.array([0, 1, 1]), np.array([0, 1, 0]))
    ),
    "course_lib.evaluation:most_confused": Base(
        call(evaluation.most_confused, np.array([[3, 1], [2, 4]]))
    ),
    "course_lib.gradcheck:numerical_gradient": Base(
        call(gradcheck.numerical_gradient, lambda x: float(np.sum(x * x)), np.array([1.0, 2.0]))
    ),
    "course_lib.gradcheck:relative_error": Base(
        call(gradcheck.relative_error, np.array([1.0, 2.0]), np.array([1.0, 2.1]))
    ),
    "course_lib.gradcheck:check_model_gradients": Base(
        lambda: (
            gradcheck.check_model_gradients,
            (small_mlp(), X23(), np.array([0, 1]), "softmax_cross_entropy"),
            {},
        ),
        accepts={"names": {"None"}},
    ),
    # ---- surfaces, landscapes, optimizers, network, training ---------------------------------
    "course_lib.surfaces:Quadratic": Base(call(surfaces.Quadratic, 4.0, 0.3, 1.0)),
    "course_lib.surfaces:Rosenbrock": Base(call(surfaces.Rosenbrock, 1.0, 100.0)),
    "course_lib.surfaces:Himmelblau": Base(call(surfaces.Himmelblau)),
    **{
        f"course_lib.surfaces:{cls}.{m}": Base(
            method(getattr(surfaces, cls), m, np.array([0.5, -1.0]))
        )
        for cls in ("Quadratic", "Rosenbrock", "Himmelblau")
        for m in ("value", "gradient", "hessian")
    },
    "course_lib.landscapes:Parabola1D": Base(call(landscapes.Parabola1D, 2.0, 0.5)),
    "course_lib.landscapes:DoubleWell1D": Base(call(landscapes.DoubleWell1D, 0.3)),
    **{
        f"course_lib.landscapes:{cls}.{m}": Base(
            method(getattr(landscapes, cls), m, np.array([0.5, -1.0]))
        )
        for cls in ("Parabola1D", "DoubleWell1D")
        for m in ("value", "gradient", "second_derivative")
    },
    "course_lib.landscapes:DescentResult": Base(
        call(landscapes.DescentResult, np.zeros((2, 2)), np.zeros(2)), record=True
    ),
    "course_lib.landscapes:descend": Base(
        lambda: (
            landscapes.descend,
            (quad(), np.array([1.0, 1.0]), optimizers.GradientDescent(0.1), 5),
            {},
        ),
        accepts={"start": {"None"}},
    ),
    "course_lib.landscapes:learning_rate_bounds": Base(
        lambda: (landscapes.learning_rate_bounds, (quad(),), {})
    ),
    "course_lib.landscapes:classify_learning_rate": Base(
        lambda: (
            landscapes.classify_learning_rate,
            (0.1, landscapes.learning_rate_bounds(quad())),
            {},
        )
    ),
    "course_lib.optimizers:GradientDescent": Base(call(optimizers.GradientDescent, 0.1)),
    "course_lib.optimizers:Momentum": Base(call(optimizers.Momentum, 0.1, 0.9)),
    "course_lib.optimizers:RMSProp": Base(call(optimizers.RMSProp, 0.1)),
    "course_lib.optimizers:Adam": Base(call(optimizers.Adam, 0.1)),
    "course_lib.optimizers:Adam.step": Base(
        lambda: (
            optimizers.Adam(0.1).step,
            ({"w": np.ones(3)}, {"w": np.array([1.0, -2.0, 0.5])}),
            {},
        )
    ),
    "course_lib.optimizers:minibatches": Base(
        lambda: (optimizers.minibatches, (X23(), np.array([0, 1]), 1, rng()), {})
    ),
    "course_lib.network:MLP": Base(lambda: (network.MLP, ([3, 4, 2],), {"rng": rng()})),
    "course_lib.network:MLP.forward": Base(method(small_mlp, "forward", X23())),
    "course_lib.network:MLP.predict": Base(method(small_mlp, "predict", X23())),
    "course_lib.network:MLP.backward": Base(method(after_forward, "backward", np.ones((2, 2)))),
    "course_lib.network:MLP.copy": Base(method(small_mlp, "copy")),
    "course_lib.training:train": Base(
        lambda: (
            training.train,
            (
                small_mlp(),
                X23(),
                np.array([0, 1]),
                "softmax_cross_entropy",
                optimizers.Adam(0.01),
                2,
                2,
                rng(),
            ),
            {},
        ),
        accepts={"X_val": {"None"}, "y_val": {"None"}, "callback": {"None"}},
    ),
    "course_lib.training:accuracy": Base(
        lambda: (training.accuracy, (small_mlp(), X23(), np.array([0, 1])), {})
    ),
    "course_lib.training:evaluate": Base(
        lambda: (
            training.evaluate,
            (small_mlp(), X23(), np.array([0, 1]), "softmax_cross_entropy"),
            {},
        ),
        accepts={"loss": {"None"}},
    ),
    "course_lib.training_history:History": Base(call(training_history.History, 2), record=True),
    "course_lib.training_history:History.x": Base(method(history, "x", "epoch", "step")),
}


def _two_layer_params():
    return d_two.demo_problem(rng())[0]


def _two_layer_args():
    params, X, y = d_two.demo_problem(rng())[:3]
    return params, X, y


def _fwd_params():
    return d_forward.demo_network_params()


def _runs():
    X, y = d_loss.two_clusters(8, rng=rng())
    return d_loss.compare_losses(X, y, lr=1.0, num_steps=3), X, y


def _record():
    rec = w_monitor.MonitorRecord()
    rec.add(history())
    return rec.as_dict()


def _lr_run():
    return d_lr.learning_rate_run(quad(), 0.1, 5)


BASELINES.update(
    {
        # ---- checkers: the learner's answer varies; a wrong-typed answer must not pass ---------
        "course_lib.checks.core:Case": Base(call(checks_core.Case, "x", (1,)), record=True),
        "course_lib.checks.core:WrongAnswer": Base(
            call(checks_core.WrongAnswer, "hint", STUB), record=True
        ),
        "course_lib.checks.result:CheckLine": Base(
            call(checks_result.CheckLine, "x", True), record=True
        ),
        "course_lib.checks.result:CheckLine.text": Base(
            method(lambda: checks_result.CheckLine("x", False, 1.0, 2.0), "text")
        ),
        "course_lib.checks.result:CheckResult": Base(
            call(checks_result.CheckResult, "x", "failed"), record=True
        ),
        "course_lib.checks.result:CheckResult.report": Base(
            method(lambda: checks_result.CheckResult("x", "failed"), "report")
        ),
        "course_lib.checks.result:CheckResult.show": Base(
            method(lambda: checks_result.CheckResult("x", "failed"), "show")
        ),
        "course_lib.checks.core:check_function": Base(
            call(
                checks_core.check_function,
                "f",
                STUB,
                lambda x: 2.0 * x,
                [checks_core.Case("x=1", (1.0,))],
            ),
            checker=True,
            answer="learner_fn",
        ),
        "course_lib.checks.core:check_value": Base(
            call(checks_core.check_value, "v", 0.5, 0.5), checker=True, answer="value"
        ),
        # feedback helpers describe whatever a learner passed: only crashes and warnings count
        "course_lib.checks.feedback:attempt": Base(
            call(checks_feedback.attempt, "sweep", False), record=True
        ),
        "course_lib.checks.feedback:wrong_tries": Base(
            call(checks_feedback.wrong_tries, "sweep"), record=True
        ),
        "course_lib.checks.feedback:reset_tries": Base(
            call(checks_feedback.reset_tries, "sweep"), record=True
        ),
        "course_lib.checks.feedback:pick_hint": Base(
            call(checks_feedback.pick_hint, ("lead", "tell"), 1), record=True
        ),
        "course_lib.checks.feedback:reveal_note": Base(
            call(checks_feedback.reveal_note, 1), record=True
        ),
        "course_lib.checks.feedback:describe": Base(
            call(checks_feedback.describe, 0.5), record=True
        ),
        "course_lib.checks.feedback:type_problem": Base(
            call(checks_feedback.type_problem, "0.5", 0.5), record=True
        ),
        "course_lib.checks.feedback:generic_slip": Base(
            call(checks_feedback.generic_slip, [1.0], [2.0], [checks_core.Case("x", (1.0,))], [""]),
            record=True,
        ),
        "course_lib.checks.lesson00:check_average": Base(
            call(lesson00.check_average, STUB), checker=True
        ),
        "course_lib.checks.lesson01:check_dot": Base(call(lesson01.check_dot, STUB), checker=True),
        "course_lib.checks.lesson01:check_matmul": Base(
            call(lesson01.check_matmul, STUB), checker=True
        ),
        "course_lib.checks.lesson01:check_transpose": Base(
            call(lesson01.check_transpose, STUB), checker=True
        ),
        "course_lib.checks.lesson01:check_shapes": Base(
            call(lesson01.check_shapes, dict(lesson01._SHAPES)), checker=True
        ),
        "course_lib.checks.answers:check_answers": Base(
            call(
                checks_answers.check_answers, "q", {"a": (2, 3), "b": 4.0}, {"a": (2, 3), "b": 4.0}
            ),
            checker=True,
            answer="answers",
        ),
        "course_lib.checks.lesson02:check_tensor_shapes": Base(
            call(lesson02.check_tensor_shapes, dict(lesson02._SHAPES)), checker=True
        ),
        **{
            f"course_lib.checks.lesson02:{n}": Base(call(getattr(lesson02, n), STUB), checker=True)
            for n in ("check_flatten_batch", "check_per_image_mean", "check_subtract_mean_image")
        },
        **{
            f"course_lib.checks.lesson03:{n}": Base(call(getattr(lesson03, n), STUB), checker=True)
            for n in ("check_neuron", "check_dense_layer", "check_forward_two_layers")
        },
        "course_lib.checks.lesson03:check_num_params": Base(
            call(lesson03.check_num_params, 43), checker=True
        ),
        "course_lib.checks.lesson04:check_mse": Base(call(lesson04.check_mse, STUB), checker=True),
        "course_lib.checks.lesson04:check_binary_cross_entropy": Base(
            call(lesson04.check_binary_cross_entropy, STUB), checker=True
        ),
        "course_lib.checks.lesson04:check_categorical_cross_entropy": Base(
            call(
                lesson04.check_categorical_cross_entropy,
                float(
                    -np.mean(
                        np.log(
                            lesson04.CCE_PROBS[
                                np.arange(len(lesson04.CCE_LABELS)), lesson04.CCE_LABELS
                            ]
                        )
                    )
                ),
            ),
            checker=True,
        ),
        "course_lib.checks.lesson04:check_loss_choice": Base(
            call(lesson04.check_loss_choice, dict(lesson04.LOSS_TASKS)),
            checker=True,
            accepts={"choices": {"string values"}},
        ),
        "course_lib.checks.lesson05:check_descent_step": Base(
            call(lesson05.check_descent_step, STUB), checker=True
        ),
        "course_lib.checks.lesson05:check_max_learning_rate": Base(
            call(lesson05.check_max_learning_rate, 0.4), checker=True
        ),
        "course_lib.checks.lesson05:check_line_gradient": Base(
            call(lesson05.check_line_gradient, STUB), checker=True
        ),
        "course_lib.checks.lesson06:check_sigmoid_backward": Base(
            call(lesson06.check_sigmoid_backward, STUB), checker=True
        ),
        "course_lib.checks.lesson06:check_dense_backward": Base(
            call(lesson06.check_dense_backward, STUB), checker=True
        ),
        "course_lib.checks.lesson06:check_buggy_param": Base(
            call(lesson06.check_buggy_param, "W1"), checker=True
        ),
        "course_lib.checks.lesson07:check_momentum_step": Base(
            call(lesson07.check_momentum_step, STUB), checker=True
        ),
        "course_lib.checks.lesson07:check_adam_step": Base(
            call(lesson07.check_adam_step, STUB), checker=True
        ),
        "course_lib.checks.lesson07:check_batch_size": Base(
            call(lesson07.check_batch_size, 32), checker=True
        ),
        "course_lib.checks.lesson09:check_scale_test": Base(
            call(lesson09.check_scale_test, STUB), checker=True
        ),
        "course_lib.checks.lesson09:check_digits_num_params": Base(
            call(lesson09.check_digits_num_params, 9610), checker=True
        ),
        "course_lib.checks.lesson09:check_accuracy_from_confusion": Base(
            call(lesson09.check_accuracy_from_confusion, STUB), checker=True
        ),
        # ---- demos: the compute behind the explorers ---------------------------------------------
        "course_lib.demos.forward_pass:forward_values": Base(
            lambda: (d_forward.forward_values, (_fwd_params(), np.array([1.0, -0.5])), {})
        ),
        "course_lib.demos.forward_pass:edge_signals": Base(
            lambda: (
                d_forward.edge_signals,
                (_fwd_params(), d_forward.forward_values(_fwd_params(), np.array([1.0, -0.5]))),
                {},
            )
        ),
        "course_lib.demos.forward_pass:demo_network_params": Base(
            call(d_forward.demo_network_params)
        ),
        "course_lib.demos.graph_view:GraphNode": Base(
            call(d_graph.GraphNode, "z", "w x", 1.0, 0.5, "x", (), (0, 0)), record=True
        ),
        "course_lib.demos.graph_view:tiny_graph": Base(call(d_graph.tiny_graph)),
        "course_lib.demos.learning_rate:learning_rate_bands": Base(
            lambda: (
                d_lr.learning_rate_bands,
                (landscapes.learning_rate_bounds(quad()), 0.01, 1.0),
                {},
            )
        ),
        "course_lib.demos.learning_rate:learning_rate_run": Base(
            lambda: (d_lr.learning_rate_run, (quad(), 0.1, 5), {}), accepts={"start": {"None"}}
        ),
        "course_lib.demos.learning_rate:LearningRateRun": Base(
            call(d_lr.LearningRateRun, np.zeros((2, 2)), np.zeros(2), None, "good", 0.1),
            record=True,
        ),
        "course_lib.demos.line_fit:line_predictions": Base(
            call(
                d_line.line_predictions,
                np.array([0.0, 1.0, 2.0]),
                np.array([1.0, 3.0, 4.0]),
                1.5,
                1.0,
            )
        ),
        "course_lib.demos.line_fit:best_fit_line": Base(
            call(d_line.best_fit_line, np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 4.0]))
        ),
        "course_lib.demos.linear_map:grid_lines": Base(call(d_map.grid_lines, 2.0, 5, 7)),
        "course_lib.demos.linear_map:warp_points": Base(
            call(d_map.warp_points, np.array([[0.0, 1.0], [1.0, 1.0]]), np.eye(2), np.zeros(2))
        ),
        "course_lib.demos.linear_map:determinant": Base(
            call(d_map.determinant, np.array([[1.0, 2.0], [3.0, 4.0]]))
        ),
        "course_lib.demos.loss_curves:two_clusters": Base(
            lambda: (d_loss.two_clusters, (8,), {"rng": rng()})
        ),
        "course_lib.demos.loss_curves:logit_gradients": Base(
            call(d_loss.logit_gradients, np.array([-2.0, 0.0, 3.0]), 1), accepts={"y": {"bool"}}
        ),
        "course_lib.demos.loss_curves:train_sigmoid_classifier": Base(
            lambda: (
                d_loss.train_sigmoid_classifier,
                (*d_loss.two_clusters(8, rng=rng()), "mse", 1.0, 4, np.zeros((1, 1)), np.zeros(1)),
                {},
            )
        ),
        "course_lib.demos.loss_curves:compare_losses": Base(
            lambda: (
                d_loss.compare_losses,
                d_loss.two_clusters(8, rng=rng()),
                {"lr": 1.0, "num_steps": 4},
            ),
            accepts={"W0": {"None"}, "b0": {"None"}},
        ),
        "course_lib.demos.matrix_ops:OpStep": Base(
            call(
                d_ops.OpStep, ((0, 0),), ((0, 0),), ((0, 0),), np.ones((1, 1)), np.ones((1, 1)), "1"
            ),
            record=True,
        ),
        "course_lib.demos.matrix_ops:default_matrices": Base(
            call(d_ops.default_matrices, "multiply")
        ),
        "course_lib.demos.matrix_ops:matrix_op_steps": Base(
            call(
                d_ops.matrix_op_steps,
                "multiply",
                np.array([[1.0, 2.0], [3.0, 4.0]]),
                np.array([[0.0, 1.0], [1.0, 0.0]]),
            ),
        ),
        "course_lib.demos.matrix_ops:fmt": Base(call(d_ops.fmt, 2.5)),
        "course_lib.demos.neuron:neuron_output": Base(
            call(d_neuron.neuron_output, np.array([-1.0, 0.0, 2.0]), 1.5, -0.5)
        ),
        "course_lib.demos.neuron:neuron_midpoint": Base(call(d_neuron.neuron_midpoint, 1.5, -0.5)),
        "course_lib.demos.optimizer_race:least_squares_problem": Base(
            lambda: (d_race.least_squares_problem, (4.0, 0.3, 16, 0.5), {"rng": rng()})
        ),
        "course_lib.demos.optimizer_race:network_problem": Base(
            lambda: (d_race.network_problem, (X23(), np.array([0, 1]), (3,)), {"rng": rng()})
        ),
        "course_lib.demos.optimizer_race:race_run": Base(
            lambda: (d_race.race_run, (race_problem(), "Adam", 0.1, 4), {})
        ),
        "course_lib.demos.optimizer_race:RaceRun": Base(
            call(d_race.RaceRun, "GD", 0.1, 4, np.zeros(2), np.zeros(2), np.zeros(2), None, None),
            record=True,
        ),
        "course_lib.demos.optimizer_race:tune_learning_rates": Base(
            lambda: (
                d_race.tune_learning_rates,
                (race_problem(), [0.01, 0.1]),
                {"num_steps": 3, "names": ["GD"]},
            ),
            inf_ok=True,
            accepts={"lrs": {"None"}, "names": {"None"}},
        ),
        "course_lib.demos.optimizer_race:make_problem": Base(call(d_race.make_problem, "surface")),
        "course_lib.demos.playground:parse_hidden": Base(call(d_play.parse_hidden, "4-4")),
        "course_lib.demos.playground:playground_data": Base(
            call(d_play.playground_data, "xor", 20, 0)
        ),
        "course_lib.demos.playground:Playground": Base(
            call(d_play.Playground, "xor", "4", "relu", 0.1, 8, 20, 0)
        ),
        "course_lib.demos.playground:Playground.reset": Base(pg_method("reset")),
        "course_lib.demos.playground:Playground.configure": Base(
            lambda: (pgtrained().configure, (0.5, 4), {}),
            accepts={"lr": {"None"}, "batch_size": {"None"}},
        ),
        "course_lib.demos.playground:Playground.train": Base(
            pg_method("train", 3, make=playground)
        ),
        "course_lib.demos.playground:Playground.accuracy": Base(pg_method("accuracy")),
        "course_lib.demos.playground:Playground.grid_classes": Base(
            pg_method("grid_classes", np.array([[0.0, 1.0], [1.0, -1.0]]))
        ),
        "course_lib.demos.playground:Playground.grid_scores": Base(
            pg_method(
                "grid_scores",
                np.array([[0.0, 1.0], [1.0, 2.0]]),
                np.array([[0.0, 0.0], [1.0, 1.0]]),
            )
        ),
        "course_lib.demos.playground:Playground.scores": Base(
            pg_method("scores", np.array([[0.0, 1.0], [1.0, -1.0]]))
        ),
        "course_lib.demos.two_layer:demo_problem": Base(lambda: (d_two.demo_problem, (rng(),), {})),
        **{
            f"course_lib.demos.two_layer:{n}": Base(
                lambda n=n: (getattr(d_two, n), _two_layer_args(), {})
            )
            for n in ("two_layer_loss", "two_layer_gradients", "buggy_two_layer_gradients")
        },
    }
)


def _fig_line():
    fig, axis = plt.subplots()
    (line,) = axis.plot([0.0, 1.0], [0.0, 1.0])
    return fig, lambda k: line.set_ydata([0.0, float(k)])


def _animate_call(fn, **kwargs):
    def make():
        fig, update = _fig_line()
        return fn, (fig, update, 3), kwargs

    return make


PREDICT = lambda P: (np.asarray(P)[:, 0] > 0).astype(int)  # noqa: E731
IMAGES = np.arange(32.0).reshape(2, 4, 4) / 32
BOWL = lambda w0, w1: w0**2 + 3 * w1**2  # noqa: E731
CM = np.array([[3, 1], [2, 4]])
LIGHT = dict(light=True)

BASELINES.update(
    {
        # ---- plotting helpers: swept on their data arguments ------------------------------------
        "course_lib.plotting.animation:frame_indices": Base(call(animation.frame_indices, 10, 4)),
        "course_lib.plotting.animation:animate": Base(_animate_call(animation.animate), **LIGHT),
        "course_lib.plotting.animation_html:export_html": Base(
            _animate_call(animation_html.export_html, max_frames=2, dpi=20),
            accepts={"path": {"None", "string", "unknown name"}, "dpi": {"None"}},
            **LIGHT,
        ),
        "course_lib.plotting.classify_plots:plot_decision_boundary": Base(
            call(
                classify_plots.plot_decision_boundary,
                PREDICT,
                X23()[:, :2],
                np.array([0, 1]),
                resolution=10,
            ),
            accepts=AX,
        ),
        "course_lib.plotting.classify_plots:update_decision_boundary": Base(
            plot_then(
                lambda: classify_plots.plot_decision_boundary(
                    PREDICT, X23()[:, :2], np.array([0, 1]), resolution=10
                ),
                classify_plots.update_decision_boundary,
                (),
                PREDICT,
            )
        ),
        "course_lib.plotting.classify_plots:plot_digits": Base(
            call(classify_plots.plot_digits, IMAGES, np.array([0, 1])),
            accepts={**AX, "labels": {"None"}, "predictions": {"None"}},
        ),
        "course_lib.plotting.classify_plots:update_digits": Base(
            plot_then(
                lambda: classify_plots.plot_digits(IMAGES, np.array([0, 1])),
                classify_plots.update_digits,
                (),
                np.array([1, 1]),
            ),
            accepts={"predictions": {"None"}},
        ),
        "course_lib.plotting.classify_plots:plot_class_probabilities": Base(
            call(classify_plots.plot_class_probabilities, np.array([0.2, 0.5, 0.3]), 1),
            accepts={**AX, "true_class": {"None"}},
        ),
        "course_lib.plotting.classify_plots:update_class_probabilities": Base(
            plot_then(
                lambda: classify_plots.plot_class_probabilities(np.array([0.2, 0.5, 0.3])),
                classify_plots.update_class_probabilities,
                (),
                np.array([0.1, 0.1, 0.8]),
                2,
            ),
            accepts={"true_class": {"None"}},
        ),
        "course_lib.plotting.eigen_plots:plot_eigenvectors": Base(
            call(eigen_plots.plot_eigenvectors, np.array([[3.0, 1.0], [1.0, 2.0]])), accepts=AX
        ),
        "course_lib.plotting.figure_updates:freeze_layout": Base(
            lambda: (figure_updates.freeze_layout, (plt.figure(),), {})
        ),
        "course_lib.plotting.figure_updates:redraw": Base(
            lambda: (figure_updates.redraw, (plt.figure(),), {})
        ),
        "course_lib.plotting.figure_updates:Blitter": Base(
            lambda: (figure_updates.Blitter, blit_scene(), {})
        ),
        "course_lib.plotting.figure_updates:Blitter.update": Base(
            method(lambda: figure_updates.Blitter(*blit_scene()), "update"),
            accepts={"key": {"*"}},  # any hashable value names a kept picture
        ),
        "course_lib.plotting.figure_updates:Blitter.forget": Base(
            method(lambda: figure_updates.Blitter(*blit_scene()), "forget")
        ),
        "course_lib.plotting.fit_plots:plot_line_fit": Base(
            call(
                fit_plots.plot_line_fit,
                np.array([0.0, 1.0, 2.0]),
                np.array([1.0, 3.0, 4.0]),
                1.5,
                1.0,
            ),
            accepts=AX,
        ),
        "course_lib.plotting.fit_plots:update_line_fit": Base(
            plot_then(
                lambda: fit_plots.plot_line_fit(
                    np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 4.0]), 1.5, 1.0
                ),
                fit_plots.update_line_fit,
                (),
                2.0,
                0.5,
            )
        ),
        "course_lib.plotting.fit_plots:plot_loss_surface": Base(
            lambda: (
                fit_plots.plot_loss_surface,
                (BOWL,),
                {"resolution": 12, "path": np.zeros((3, 2))},
            ),
            accepts={**AX, "path": {"None", "nan", "inf"}, "lr": {"None"}, "log_levels": {"None"}},
        ),
        "course_lib.plotting.fit_plots:update_loss_surface": Base(
            plot_then(
                lambda: fit_plots.plot_loss_surface(BOWL, path=np.zeros((3, 2)), resolution=12),
                fit_plots.update_loss_surface,
                (),
                np.ones((4, 2)),
                0.1,
                "t",
            ),
            accepts={"path": {"None", "nan", "inf"}, "lr": {"None"}, "title": {"None"}},
        ),
        "course_lib.plotting.linalg_plots:plot_vectors": Base(
            call(linalg_plots.plot_vectors, np.array([[1.0, 0.5], [-1.0, 2.0]])),
            accepts={**AX, "labels": {"None"}, "colors": {"None"}},
        ),
        "course_lib.plotting.linalg_plots:update_vectors": Base(
            plot_then(
                lambda: linalg_plots.plot_vectors(np.array([[1.0, 0.5], [-1.0, 2.0]])),
                linalg_plots.update_vectors,
                (),
                np.array([[0.0, 1.0], [2.0, 1.0]]),
            )
        ),
        "course_lib.plotting.linalg_plots:plot_matrix": Base(
            call(linalg_plots.plot_matrix, X23()),
            accepts={
                **AX,
                **STYLE,
                "highlight_row": {"None"},
                "highlight_col": {"None"},
                "highlight_cell": {"None"},
            },
        ),
        "course_lib.plotting.linalg_plots:update_matrix": Base(
            plot_then(
                lambda: linalg_plots.plot_matrix(X23()), linalg_plots.update_matrix, (), X23() * 2
            ),
            accepts={
                "M": {"None"},
                **STYLE,
                "highlight_row": {"None"},
                "highlight_col": {"None"},
                "highlight_cell": {"None"},
            },
        ),
        "course_lib.plotting.linalg_plots:plot_tensor": Base(
            call(linalg_plots.plot_tensor, np.ones((2, 2, 3))), accepts={**AX, **STYLE}
        ),
        "course_lib.plotting.multiples:small_multiples": Base(
            call(
                multiples.small_multiples, lambda a, ax: ax.plot([0, a]), [{"a": 1.0}, {"a": 2.0}]
            ),
            accepts={"titles": {"None"}, "suptitle": {"None"}},
            **LIGHT,
        ),
        "course_lib.plotting.network_plots:plot_network": Base(
            call(network_plots.plot_network, [2, 3, 1]),
            accepts={**AX, "weights": {"None"}, "values": {"None"}},
        ),
        "course_lib.plotting.network_plots:update_network": Base(
            plot_then(
                lambda: network_plots.plot_network([2, 3, 1]), network_plots.update_network, ()
            ),
            accepts={"weights": {"None"}, "values": {"None"}},
        ),
        "course_lib.plotting.network_plots:plot_activation": Base(
            call(network_plots.plot_activation, "tanh", num=21),
            accepts={**AX, "f_grad": {"None"}, "z": {"None"}},
        ),
        "course_lib.plotting.network_plots:update_activation": Base(
            plot_then(
                lambda: network_plots.plot_activation("tanh", num=21, z=0.5),
                network_plots.update_activation,
                (),
                1.0,
            )
        ),
        "course_lib.plotting.progress_plots:plot_training_progress": Base(
            lambda: (progress_plots.plot_training_progress, (_record(),), {}),
            accepts={
                "axes": {"None"},
                "target": {"None"},
                "record": {"empty dict", "array values"},
            },
        ),
        "course_lib.plotting.progress_plots:update_training_progress": Base(
            lambda: (
                progress_plots.update_training_progress,
                (progress_plots.plot_training_progress(_record()), _record()),
                {},
            ),
            accepts={"record": {"empty dict", "array values"}},
        ),
        "course_lib.plotting.style:use_course_style": Base(call(style.use_course_style)),
        "course_lib.plotting.training_plots:plot_history": Base(
            lambda: (training_plots.plot_history, (history(),), {}),
            accepts={**AX, "label": {"None"}, "log_y": {"None"}},
        ),
        "course_lib.plotting.training_plots:update_history": Base(
            lambda: (
                training_plots.update_history,
                (training_plots.plot_history(history()), history()),
                {},
            ),
            accepts={"x": {"None"}},
        ),
        "course_lib.plotting.training_plots:plot_confusion_matrix": Base(
            call(training_plots.plot_confusion_matrix, CM),
            accepts={**AX, "class_names": {"None"}, "num_classes": {"None"}},
        ),
        "course_lib.plotting.training_plots:update_confusion_matrix": Base(
            plot_then(
                lambda: training_plots.plot_confusion_matrix(CM),
                training_plots.update_confusion_matrix,
                (),
                CM * 2,
            )
        ),
        # ---- widgets: explorers and their static companions -------------------------------------
        "course_lib.widgets.descent_animation:descent_run": Base(
            lambda: (w_desc.descent_run, (quad(), 0.1, 5), {}), accepts={"start": {"None"}}
        ),
        "course_lib.widgets.descent_animation:plot_descent": Base(
            lambda: (w_desc.plot_descent, (quad(), 0.1, 5), {}),
            accepts={**AX, "start": {"None"}},
            **LIGHT,
        ),
        "course_lib.widgets.descent_animation:descent_animation": Base(
            lambda: (w_desc.descent_animation, (quad(), 0.1, 5), {}),
            accepts={"start": {"None"}},
            **LIGHT,
        ),
        "course_lib.widgets.descent_animation:descent_animation_static": Base(
            lambda: (w_desc.descent_animation_static, (quad(), 0.1, 5), {}),
            accepts={"start": {"None"}, "frames": {"None"}},
            **LIGHT,
        ),
        **{
            f"course_lib.widgets.digit_predictions:{n}": Base(
                lambda n=n: (getattr(w_digits, n), _digits(), {}), **LIGHT
            )
            for n in ("digit_predictions_explorer", "digit_predictions_static")
        },
        "course_lib.widgets.forward_pass:forward_pass_explorer": Base(
            call(w_forward.forward_pass_explorer), accepts={"net": {"None"}}, **LIGHT
        ),
        "course_lib.widgets.forward_pass:forward_pass_static": Base(
            call(w_forward.forward_pass_static), accepts={"net": {"None"}}, **LIGHT
        ),
        "course_lib.widgets.graph_view:plot_graph": Base(
            lambda: (w_graph.plot_graph, (d_graph.tiny_graph(),), {}), accepts=AX, **LIGHT
        ),
        "course_lib.widgets.graph_view:update_graph": Base(
            plot_then(
                lambda: w_graph.plot_graph(d_graph.tiny_graph()), w_graph.update_graph, (), 2
            ),
            **LIGHT,
        ),
        "course_lib.widgets.graph_view:graph_animation": Base(
            lambda: (w_graph.graph_animation, (d_graph.tiny_graph(),), {}), **LIGHT
        ),
        "course_lib.widgets.graph_view:graph_static": Base(
            lambda: (w_graph.graph_static, (d_graph.tiny_graph(),), {}), **LIGHT
        ),
        "course_lib.widgets.learning_rate:make_surface": Base(call(w_lr.make_surface, "bowl")),
        "course_lib.widgets.learning_rate:learning_rate_explorer": Base(
            call(w_lr.learning_rate_explorer, "bowl", 0.1, 5), accepts={"lr": {"None"}}, **LIGHT
        ),
        "course_lib.widgets.learning_rate:learning_rate_static": Base(
            call(w_lr.learning_rate_static, "bowl", 5), **LIGHT
        ),
        "course_lib.widgets.line_fit:line_fit_explorer": Base(
            call(w_line.line_fit_explorer), accepts={"x": {"None"}, "y": {"None"}}, **LIGHT
        ),
        "course_lib.widgets.line_fit:line_fit_static": Base(
            call(w_line.line_fit_static), accepts={"x": {"None"}, "y": {"None"}}, **LIGHT
        ),
        "course_lib.widgets.line_fit:line_data": Base(
            call(w_line.line_data, np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 4.0]))
        ),
        "course_lib.widgets.linear_map:linear_map_explorer": Base(
            call(w_map.linear_map_explorer), **LIGHT
        ),
        "course_lib.widgets.linear_map:linear_map_static": Base(
            call(w_map.linear_map_static), **LIGHT
        ),
        "course_lib.widgets.loss_curves:loss_shapes_static": Base(
            call(w_loss.loss_shapes_static), **LIGHT
        ),
        "course_lib.widgets.loss_curves:saturation_explorer": Base(
            call(w_loss.saturation_explorer), **LIGHT
        ),
        "course_lib.widgets.loss_curves:saturation_static": Base(
            call(w_loss.saturation_static), **LIGHT
        ),
        "course_lib.widgets.loss_curves:loss_race_static": Base(
            lambda: (w_loss.loss_race_static, (_runs()[0],), {}), **LIGHT
        ),
        "course_lib.widgets.loss_curves:loss_race_animation": Base(
            lambda: (w_loss.loss_race_animation, _runs(), {}), **LIGHT
        ),
        "course_lib.widgets.matrix_ops:matrix_ops_explorer": Base(
            call(w_ops.matrix_ops_explorer), accepts={"A": {"None"}, "B": {"None"}}, **LIGHT
        ),
        "course_lib.widgets.matrix_ops:matrix_ops_static": Base(
            call(w_ops.matrix_ops_static), accepts={"A": {"None"}, "B": {"None"}}, **LIGHT
        ),
        "course_lib.widgets.matrix_ops:operands": Base(
            call(w_ops.operands, "add"), accepts={"A": {"None"}, "B": {"None"}}
        ),
        "course_lib.widgets.neuron:neuron_explorer": Base(call(w_neuron.neuron_explorer), **LIGHT),
        "course_lib.widgets.neuron:neuron_static": Base(call(w_neuron.neuron_static), **LIGHT),
        "course_lib.widgets.optimizer_race:optimizer_race_explorer": Base(
            call(w_race.optimizer_race_explorer, "surface", 5),
            accepts={"num_steps": {"None"}},
            **LIGHT,
        ),
        "course_lib.widgets.optimizer_race:optimizer_race_static": Base(
            call(w_race.optimizer_race_static, "surface", 5, dict.fromkeys(d_race.RACERS, 0.05)),
            accepts={"num_steps": {"None"}, "lrs": {"None"}},
            **LIGHT,
        ),
        "course_lib.widgets.playground:draw_boundary": Base(
            lambda: (w_play.draw_boundary, (ax(), pgtrained(), 8), {}), **LIGHT
        ),
        "course_lib.widgets.playground:describe": Base(
            lambda: (w_play.describe, (pgtrained(),), {})
        ),
        "course_lib.widgets.playground:playground_explorer": Base(
            call(w_play.playground_explorer, "xor", "4"), **LIGHT
        ),
        "course_lib.widgets.playground:playground_static": Base(
            call(w_play.playground_static, "4", 3), **LIGHT
        ),
        "course_lib.widgets.tensor_view:reduce_entry": Base(
            call(w_tensor.reduce_entry, np.ones((2, 3, 4)), 1)
        ),
        "course_lib.widgets.tensor_view:tensor_explorer": Base(
            call(w_tensor.tensor_explorer), accepts={"T": {"None"}}, **LIGHT
        ),
        "course_lib.widgets.tensor_view:tensor_reduce_static": Base(
            call(w_tensor.tensor_reduce_static), accepts={"T": {"None"}}, **LIGHT
        ),
        "course_lib.widgets.tensor_view:color_channels_static": Base(
            call(w_tensor.color_channels_static, np.ones((4, 4, 3)) / 2), **LIGHT
        ),
        "course_lib.widgets.training_monitor:training_monitor": Base(
            call(w_monitor.training_monitor, 3), accepts={"target": {"None"}}, **LIGHT
        ),
        "course_lib.widgets.training_monitor:training_monitor_static": Base(
            lambda: (w_monitor.training_monitor_static, (_record(),), {}),
            accepts={"target": {"None"}, "record": {"empty dict", "array values"}},
            **LIGHT,
        ),
        "course_lib.widgets.training_monitor:MonitorRecord": Base(call(w_monitor.MonitorRecord)),
        "course_lib.widgets.training_monitor:MonitorRecord.add": Base(
            lambda: (w_monitor.MonitorRecord().add, (history(),), {})
        ),
        "course_lib.widgets.training_monitor:MonitorRecord.as_dict": Base(
            method(w_monitor.MonitorRecord, "as_dict")
        ),
        "course_lib.widgets.welcome:steepness_curve": Base(
            call(w_welcome.steepness_curve, 2.0, np.linspace(-1, 1, 5))
        ),
        "course_lib.widgets.welcome:welcome_explorer": Base(
            call(w_welcome.welcome_explorer), **LIGHT
        ),
        "course_lib.widgets.welcome:welcome_static": Base(call(w_welcome.welcome_static), **LIGHT),
    }
)


d_over = importlib.import_module("course_lib.demos.overfitting")
w_over = importlib.import_module("course_lib.widgets.overfitting")


def _over_data():
    return d_over.overfit_data(8, 8)


def _over_run():
    return d_over.overfit_run(_over_data(), hidden=4, num_epochs=3, every=1)


def _stopper():
    X = np.array([[0.0, 1.0], [1.0, 0.0]])
    stop = regularization.EarlyStopping(X, np.array([0, 1]), patience=2)
    model = network.MLP([2, 3, 2], rng=rng())
    stop(None, model)
    return stop


_PARAMS = {"W1": np.ones((2, 3)), "b1": np.zeros(2)}

BASELINES.update(
    {
        "course_lib.regularization:is_weight": Base(call(regularization.is_weight, "W1")),
        "course_lib.regularization:l2_penalty": Base(
            call(regularization.l2_penalty, _PARAMS, 0.1), accepts={"params": {"array values"}}
        ),
        "course_lib.regularization:l2_penalty_grad": Base(
            call(regularization.l2_penalty_grad, _PARAMS, 0.1),
            accepts={"params": {"array values"}},
        ),
        "course_lib.regularization:EarlyStopping": Base(
            call(regularization.EarlyStopping, np.ones((2, 2)), np.array([0, 1]), 3)
        ),
        "course_lib.regularization:EarlyStopping.restore": Base(
            lambda: (_stopper().restore, (network.MLP([2, 3, 2], rng=rng()),), {})
        ),
        "course_lib.checks.lesson08:check_penalty_and_grad": Base(
            call(lesson08.check_penalty_and_grad, STUB), checker=True
        ),
        "course_lib.checks.lesson08:check_early_stop_epoch": Base(
            call(lesson08.check_early_stop_epoch, STUB), checker=True
        ),
        "course_lib.checks.lesson08:check_init_std": Base(
            call(lesson08.check_init_std, STUB), checker=True
        ),
        "course_lib.demos.overfitting:overfit_data": Base(call(d_over.overfit_data, 8, 8)),
        "course_lib.demos.overfitting:overfit_run": Base(
            lambda: (
                d_over.overfit_run,
                (_over_data(),),
                {"hidden": 4, "num_epochs": 3, "every": 1},
            )
        ),
        "course_lib.demos.overfitting:OverfitRun": Base(
            call(d_over.OverfitRun, 4, 0.0, *[np.zeros(1)] * 5, [{}]), record=True
        ),
        "course_lib.demos.overfitting:OverfitRun.index": Base(method(_over_run, "index", 2)),
        "course_lib.demos.overfitting:snapshot_model": Base(
            lambda: (d_over.snapshot_model, (_over_run(), 1), {})
        ),
        "course_lib.widgets.overfitting:cached_run": Base(
            call(w_over.cached_run, 64, 0.0), **LIGHT
        ),
        "course_lib.widgets.overfitting:plot_overfit_boundary": Base(
            lambda: (w_over.plot_overfit_boundary, (_over_run(), 2), {"grid": 8}), accepts=AX
        ),
        "course_lib.widgets.overfitting:overfitting_explorer": Base(
            call(w_over.overfitting_explorer), **LIGHT
        ),
        "course_lib.widgets.overfitting:overfitting_static": Base(
            call(w_over.overfitting_static, 64, (0.0,), (10,)), **LIGHT
        ),
    }
)


d_digits = importlib.import_module("course_lib.demos.digit_predictions")


def _digit_data():
    return d_digits.digit_predictions(*_digits())


def _bounds():
    return landscapes.learning_rate_bounds(quad())


_SETTINGS = {"dataset": "moons", "hidden": "8", "activation": "relu", "lr": 0.1, "batch_size": 16}

BASELINES.update(
    {
        "course_lib.demos.digit_predictions:digit_predictions": Base(
            lambda: (d_digits.digit_predictions, _digits(), {})
        ),
        "course_lib.demos.digit_predictions:describe": Base(
            lambda: (d_digits.describe, (_digit_data(), 1), {})
        ),
        "course_lib.demos.digit_predictions:position_text": Base(
            call(d_digits.position_text, 0, 1, 2, 1, False)
        ),
        "course_lib.demos.digit_predictions:browse": Base(
            call(d_digits.browse, 0, False, 2, 1, 1, None),
            accepts={"new_only": {"None"}, "new_index": {"None"}},
        ),
        "course_lib.demos.learning_rate:slider_exponents": Base(
            lambda: (d_lr.slider_exponents, (_bounds(),), {})
        ),
        "course_lib.demos.learning_rate:outcome_text": Base(
            lambda: (d_lr.outcome_text, (_lr_run(), 2), {})
        ),
        "course_lib.demos.learning_rate:learning_rate_caption": Base(
            lambda: (d_lr.learning_rate_caption, (_lr_run(), 2, 5, _bounds()), {})
        ),
        "course_lib.demos.learning_rate:until_out_of_view": Base(
            call(
                d_lr.until_out_of_view,
                np.array([[0.0, 0.0], [1.0, 1.0], [9.0, 9.0]]),
                ((-5.0, 5.0), (-5.0, 5.0)),
            ),
            accepts={"path": {"nan", "inf"}},
        ),
        "course_lib.demos.loss_curves:saturation_caption": Base(
            call(d_loss.saturation_caption, -4.0, 1)
        ),
        "course_lib.demos.neuron:neuron_title": Base(
            call(d_neuron.neuron_title, 2.0, -1.0, "sigmoid")
        ),
        "course_lib.demos.neuron:neuron_caption": Base(
            call(d_neuron.neuron_caption, 2.0, -1.0, 1.0, "sigmoid")
        ),
        "course_lib.demos.playground:new_settings": Base(
            call(d_play.new_settings, _SETTINGS, {"lr": 0.3}, False),
            accepts={  # an explorer's own bookkeeping: None means "keep", values are its own
                "settings": {"array values", "string values", "None values"},
                "changes": {"empty dict", "None values", "string values"},  # "0.05" from a widget
            },
        ),
        "course_lib.demos.playground:loss_axis_limits": Base(
            call(d_play.loss_axis_limits, (0, 100), (0.01, 10.0), 5, np.array([1.0, 0.5]))
        ),
    }
)
