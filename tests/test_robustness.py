"""What a learner meets at the extremes: forgotten instantiation, huge gradients, diverging
learning rates. Every training loop reports divergence (``diverged_at``) instead of raising or
returning NaN, and the explorers that run one say so in the figure or caption."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_lib import landscapes, network, optimizers, surfaces, training  # noqa: E402
from course_lib.demos.loss_curves import (  # noqa: E402
    compare_losses,
    train_sigmoid_classifier,
    two_clusters,
)
from course_lib.demos.optimizer_race import RACERS, make_problem, race_run  # noqa: E402
from course_lib.demos.playground import DATASETS, Playground  # noqa: E402
from course_lib.widgets.loss_curves import loss_race_static  # noqa: E402
from course_lib.widgets.optimizer_race import optimizer_race_explorer  # noqa: E402
from course_lib.widgets.playground import describe  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _all_finite(params: dict) -> bool:
    return all(np.all(np.isfinite(v)) for v in params.values())


# ---- forgotten instantiation -----------------------------------------------------------------


def test_train_with_the_optimizer_class_says_to_create_one(rng):
    model = network.MLP([2, 3, 2], rng=rng)
    X, y = np.ones((4, 2)), np.array([0, 1, 0, 1])
    with pytest.raises(TypeError, match=r"train: optimizer .*pass `Adam\(lr=…\)`, not the class"):
        training.train(model, X, y, "softmax_cross_entropy", optimizers.Adam, 2, 1, rng)


def test_descend_with_the_surface_class_says_to_create_one():
    opt = optimizers.GradientDescent(0.1)
    with pytest.raises(TypeError, match=r"descend: surface .*not the class `Quadratic`"):
        landscapes.descend(surfaces.Quadratic, np.ones(2), opt, 5)


# ---- huge but finite gradients ---------------------------------------------------------------


@pytest.mark.parametrize("make", [lambda: optimizers.Adam(0.01), lambda: optimizers.RMSProp(0.01)])
def test_adaptive_optimizers_take_a_finite_step_of_about_lr_at_a_gradient_of_1e200(make):
    opt = make()
    params = {"w": np.array([1.0, -1.0])}
    opt.step(params, {"w": np.array([1e200, -1e200])})  # warnings are errors in the tests
    step = np.array([1.0, -1.0]) - params["w"]
    assert np.all(np.isfinite(params["w"]))
    assert np.all(np.sign(step) == [1, -1])  # against the gradient
    assert np.all(np.abs(step) < 0.1)  # about lr (RMSProp: lr / sqrt(1 - beta)), not 0, not huge
    assert np.all(np.abs(step) > 0.001)


def test_adam_below_the_cap_is_unchanged_by_it():
    a, b = optimizers.Adam(0.01), optimizers.Adam(0.01)
    pa, pb = {"w": np.array([2.0])}, {"w": np.array([2.0])}
    a.step(pa, {"w": np.array([3e149])})
    b.step(pb, {"w": np.array([1.0])})  # Adam's first step is lr * sign(g) either way
    assert pa["w"] == pytest.approx(pb["w"])


def test_mse_on_values_whose_squares_overflow_is_a_course_error_not_inf():
    from course_lib.losses import mse

    with pytest.raises(ValueError, match=r"mse: y_hat or y reaches 1e\+200"):
        mse(np.array([1e200]), np.array([0.0]))


# ---- every training loop reports divergence --------------------------------------------------


@pytest.mark.parametrize("dataset", DATASETS)
def test_playground_at_a_huge_rate_reports_divergence_and_keeps_finite_weights(dataset):
    pg = Playground(dataset, "8", lr=1e6, batch_size=16, n=60)
    pg.train(50)
    assert pg.diverged_at is not None
    assert _all_finite(pg.model.params) and np.all(np.isfinite(pg.losses))
    assert np.all(np.isfinite(pg.grid_scores(*np.meshgrid([0.0, 1.0], [0.0, 1.0]))))
    assert f"diverged at step {pg.diverged_at}" in describe(pg)
    pg.train(5)  # nothing more after a divergence, and no error
    assert pg.step == pg.diverged_at


def test_playground_configure_to_a_huge_rate_mid_run_reports_divergence():
    pg = Playground("moons", "8-8", lr=0.1, n=60)
    pg.train(5)
    pg.configure(lr=1e6)
    pg.train(50)
    assert pg.diverged_at is not None and pg.diverged_at > 5
    assert _all_finite(pg.model.params)


@pytest.mark.parametrize("name", list(RACERS))
def test_race_on_the_network_problem_at_huge_rates_reports_divergence(name):
    problem = make_problem("network")
    run = race_run(problem, name, 1e6, 30)
    assert run.diverged_at is not None, name
    assert np.all(np.isfinite(run.losses)) and len(run.losses) == run.diverged_at


@pytest.mark.parametrize("loss", ["mse", "binary_cross_entropy"])
def test_sigmoid_classifier_at_an_absurd_rate_reports_divergence(rng, loss):
    X, y = two_clusters(20, rng=rng)
    hist = train_sigmoid_classifier(X * 1e150, y, loss, 1e300, 20, np.zeros((1, 1)), np.zeros(1))
    assert hist["diverged_at"] is not None
    for key in ("mse", "bce", "accuracy", "grad_norm", "W", "b"):
        assert np.all(np.isfinite(hist[key])), key
        assert len(hist[key]) == hist["diverged_at"]


def test_compare_losses_at_an_absurd_rate_and_its_figure_say_what_happened(rng):
    X, y = two_clusters(20, rng=rng)
    start = {"W0": np.zeros((1, 1)), "b0": np.zeros(1)}
    runs = compare_losses(X * 1e150, y, lr=1e300, num_steps=20, **start)
    assert all(run["diverged_at"] is not None for run in runs.values())
    fig = loss_race_static(runs)
    labels = [t.get_text() for legend in fig.legends for t in legend.get_texts()]
    labels += [
        t.get_text() for ax in fig.axes if ax.get_legend() for t in ax.get_legend().get_texts()
    ]
    assert all("diverged at step" in label for label in labels)


# ---- the optimizer race explorer on the network track, both ends of every slider -------------


def test_network_race_explorer_survives_both_ends_of_every_slider_and_says_who_diverged():
    box = optimizer_race_explorer("network", num_steps=20)
    for name, slider in box.controls["lrs"].items():
        for value in (slider.min, slider.max):
            slider.value = 10**value
            run = box.state["runs"][name]
            assert np.all(np.isfinite(run.losses))
            for ax in box.figure.axes:
                for line in ax.get_lines():
                    assert np.all(np.isfinite(np.asarray(line.get_xydata(), float)))
            box.update(step=20)
            if run.diverged_at is not None:
                assert f"diverged at step {run.diverged_at}" in box.caption.value
