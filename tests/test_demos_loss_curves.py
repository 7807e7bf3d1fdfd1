"""course_lib.demos.loss_curves: the same sigmoid node trained with MSE and with cross-entropy."""

import numpy as np
import pytest

from course_lib.demos.loss_curves import (
    compare_losses,
    logit_gradients,
    saturation_caption,
    train_sigmoid_classifier,
    two_clusters,
)
from course_lib.losses import binary_cross_entropy_with_logits


def test_two_clusters_has_balanced_labels_on_the_right_sides(rng):
    X, y = two_clusters(41, gap=2.0, std=0.0, rng=rng)
    assert X.shape == (41, 1) and y.shape == (41,)
    assert y.sum() == 21
    np.testing.assert_array_equal(X[:, 0], np.where(y == 1, 2.0, -2.0))


def test_two_clusters_refuses_a_missing_rng():
    with pytest.raises(TypeError, match="default_rng"):
        two_clusters(10)


def test_logit_gradients_match_finite_differences():
    z = np.linspace(-6, 6, 25)
    h = 1e-6
    for y in (0.0, 1.0):
        g = logit_gradients(z, y)
        up, down = logit_gradients(z + h, y), logit_gradients(z - h, y)
        for name in ("mse", "bce"):
            numeric = (up[name] - down[name]) / (2 * h)
            np.testing.assert_allclose(g[name + "_dz"], numeric, rtol=1e-6, atol=1e-9)


def test_logit_gradients_bce_value_is_the_stable_logit_cross_entropy():
    z = np.array([-800.0, -3.0, 0.0, 2.0, 800.0])
    y = np.array([1.0, 0.0, 1.0, 1.0, 0.0])
    g = logit_gradients(z, y)
    assert np.all(np.isfinite(g["bce"]))
    assert np.mean(g["bce"]) == pytest.approx(binary_cross_entropy_with_logits(z, y))


def test_mse_slope_vanishes_for_a_saturated_wrong_sigmoid_but_bce_slope_does_not():
    g = logit_gradients(np.array([-8.0]), 1.0)  # p close to 0, target 1: confidently wrong
    assert abs(g["mse_dz"][0]) < 1e-3
    assert g["bce_dz"][0] == pytest.approx(-1.0, abs=1e-3)


def test_logit_gradients_known_values_at_zero():
    g = logit_gradients(0.0, 1.0)
    assert g["p"] == pytest.approx(0.5)
    assert g["mse"] == pytest.approx(0.25)
    assert g["bce"] == pytest.approx(np.log(2))
    assert g["mse_dz"] == pytest.approx(-0.25)
    assert g["bce_dz"] == pytest.approx(-0.5)


def test_train_gradient_matches_finite_differences_of_each_loss(rng):
    X, y = two_clusters(10, rng=rng)
    W0, b0 = np.array([[0.3]]), np.array([-0.2])
    for loss, key in (("mse", "mse"), ("binary_cross_entropy", "bce")):
        lr, h = 1e-7, 1e-5
        one = train_sigmoid_classifier(X, y, loss, lr, 1, W0, b0)
        dW = (one["W"][0, 0] - one["W"][1, 0]) / lr
        plus = train_sigmoid_classifier(X, y, loss, lr, 0, W0 + h, b0)[key][0]
        minus = train_sigmoid_classifier(X, y, loss, lr, 0, W0 - h, b0)[key][0]
        assert dW == pytest.approx((plus - minus) / (2 * h), rel=1e-5)


def test_train_records_one_entry_per_step_and_does_not_change_the_start(rng):
    X, y = two_clusters(12, rng=rng)
    W0, b0 = np.array([[-1.0]]), np.array([0.5])
    hist = train_sigmoid_classifier(X, y, "mse", 0.5, 7, W0, b0)
    assert hist.pop("diverged_at") is None
    assert {k: v.shape for k, v in hist.items()} == {
        "mse": (8,),
        "bce": (8,),
        "accuracy": (8,),
        "grad_norm": (8,),
        "W": (8, 1),
        "b": (8,),
    }
    assert W0[0, 0] == -1.0 and b0[0] == 0.5
    assert hist["W"][0, 0] == -1.0 and hist["b"][0] == 0.5


def test_cross_entropy_escapes_a_saturated_start_long_before_mse(rng):
    X, y = two_clusters(40, rng=rng)
    runs = compare_losses(X, y, lr=2.0, num_steps=150)
    first_good = {k: int(np.argmax(h["accuracy"] >= 0.95)) for k, h in runs.items()}
    assert runs["mse"]["accuracy"][0] == 0.0
    assert first_good["binary_cross_entropy"] <= 5
    assert first_good["mse"] >= 50
    assert runs["mse"]["grad_norm"][0] < 0.01 * runs["binary_cross_entropy"]["grad_norm"][0]


def test_both_losses_agree_on_the_start(rng):
    X, y = two_clusters(20, rng=rng)
    runs = compare_losses(X, y, num_steps=3)
    for key in ("mse", "bce", "accuracy"):
        assert runs["mse"][key][0] == runs["binary_cross_entropy"][key][0]


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"loss": "hinge"}, ValueError, "loss should be one of"),
        ({"W0": np.zeros((2, 1))}, ValueError, "W0 of shape (1, 1)"),
        ({"y": np.array([0.0, 2.0, 1.0, 0.0])}, ValueError, "class numbers 0 or 1"),
        ({"y": np.array([0.0, 1.0])}, ValueError, "one entry per example"),
        ({"lr": -1.0}, ValueError, "lr"),
    ],
)
def test_train_sigmoid_classifier_explains_bad_input(kwargs, error, words):
    args = {
        "X": np.array([[-1.0], [1.0], [2.0], [-2.0]]),
        "y": np.array([0.0, 1.0, 1.0, 0.0]),
        "loss": "mse",
        "lr": 0.1,
        "num_steps": 2,
        "W0": np.zeros((1, 1)),
        "b0": np.zeros(1),
    }
    args.update(kwargs)
    with pytest.raises(error, match=words.replace("(", r"\(").replace(")", r"\)")):
        train_sigmoid_classifier(**args)


# ---- the pictures (course_lib.widgets.loss_curves) ---------------------------------------------


@pytest.fixture
def runs_and_data(rng):
    X, y = two_clusters(20, rng=rng)
    return compare_losses(X, y, num_steps=30), X, y


def test_loss_race_animation_moves_each_curve_to_its_run_s_step(runs_and_data):
    import matplotlib.pyplot as plt

    from course_lib.widgets.loss_curves import loss_race_animation

    runs, X, y = runs_and_data
    fig, update, num_frames = loss_race_animation(runs, X, y)
    try:
        assert num_frames == 31
        update(30)
        for ax, name in zip(fig.axes, ("mse", "binary_cross_entropy"), strict=True):
            line = ax.get_lines()[-1]
            xs, ps = line.get_data()
            w, b = runs[name]["W"][30, 0], runs[name]["b"][30]
            np.testing.assert_allclose(ps, 1 / (1 + np.exp(-(w * xs + b))))
            assert "step 30" in ax.get_title()
    finally:
        plt.close(fig)


def test_loss_race_static_draws_both_runs_on_three_panels(runs_and_data):
    import matplotlib.pyplot as plt

    from course_lib.widgets.loss_curves import loss_race_static

    runs, _, _ = runs_and_data
    fig = loss_race_static(runs)
    try:
        assert len(fig.axes) == 3
        for ax in fig.axes:
            assert len(ax.get_lines()) == 2
            for line in ax.get_lines():
                assert np.all(np.isfinite(line.get_ydata()))
    finally:
        plt.close(fig)


def test_loss_shapes_static_plots_only_finite_values():
    import matplotlib.pyplot as plt

    from course_lib.widgets.loss_curves import loss_shapes_static

    fig = loss_shapes_static()
    try:
        assert len(fig.axes) == 2
        for ax in fig.axes:
            for line in ax.get_lines():
                assert np.all(np.isfinite(np.asarray(line.get_ydata(), dtype=float)))
    finally:
        plt.close(fig)


def test_loss_race_explorer_caption_gives_each_run_s_numbers_at_the_slider_s_step(
    runs_and_data,
):
    import matplotlib.pyplot as plt

    from course_lib.widgets.loss_curves import loss_race_explorer

    runs, X, y = runs_and_data
    box = loss_race_explorer(runs, X, y)
    try:
        assert "explorer-loss_race" in box._dom_classes
        box.course_slider.value = 30
        for name in ("mse", "binary_cross_entropy"):
            hist = runs[name]
            assert f"accuracy {hist['accuracy'][30]:.0%}" in box.caption.value
            assert f"w = {hist['W'][30, 0]:.2f}, b = {hist['b'][30]:.2f}" in box.caption.value
        assert box.caption.value.count("step 30:") == 2
        titles = [ax.get_title() for ax in box.figure.axes]
        assert titles == ["trained with mean squared error", "trained with cross-entropy"]
    finally:
        plt.close("all")


def test_loss_curves_refuse_something_that_is_not_compare_losses_output(rng):
    from course_lib.widgets.loss_curves import loss_race_animation, loss_race_static

    X, y = two_clusters(6, rng=rng)
    with pytest.raises(TypeError, match="compare_losses"):
        loss_race_static({"mse": {}})
    runs = compare_losses(np.hstack([X, X]), y, num_steps=1)
    with pytest.raises(ValueError, match="one-feature"):
        loss_race_animation(runs, np.hstack([X, X]), y)


def test_saturation_explorer_moves_its_points_and_compares_the_pushes():
    import matplotlib.pyplot as plt

    from course_lib.widgets.loss_curves import saturation_explorer

    box = saturation_explorer(z=-4.0)
    try:
        assert "explorer-saturation" in box._dom_classes
        box.update(z=-8.0, y=1)
        g = logit_gradients(np.array([-8.0]), 1.0)
        ratio = abs(g["bce_dz"][0] / g["mse_dz"][0])
        assert f"{ratio:.3g}" in box.caption.value
        box.update(z=2.0, y=0)
        left = box.figure.axes[0]
        ys = [line.get_ydata()[0] for line in left.get_lines() if len(line.get_xdata()) == 1]
        g = logit_gradients(np.array([2.0]), 0.0)
        np.testing.assert_allclose(sorted(ys), sorted([g["bce"][0], g["mse"][0]]))
    finally:
        plt.close(box.figure)


def test_saturation_static_has_one_panel_per_z_and_names_the_push_ratio():
    import matplotlib.pyplot as plt

    from course_lib.widgets.loss_curves import saturation_static

    fig = saturation_static(zs=(-6.0, 1.0), y=1)
    try:
        assert len(fig.axes) == 2
        g = logit_gradients(np.array([-6.0]), 1.0)
        assert f"{abs(g['bce_dz'][0] / g['mse_dz'][0]):.3g}×" in fig.axes[0].get_title()
    finally:
        plt.close(fig)


def test_saturation_caption_gives_the_push_ratio_one_over_2p_1_minus_p():
    z, y = -4.0, 1
    p = 1.0 / (1.0 + np.exp(-z))
    text = saturation_caption(z, y)
    assert f"p = {p:.4f}, target 1" in text
    assert f"slope {p - y:+.4f}" in text
    assert f"<b>{1.0 / (2.0 * p * (1.0 - p)):.3g}</b> times" in text
