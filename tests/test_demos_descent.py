"""Pure compute of the descent explorers: learning-rate bands and runs, the optimizer race,
learning-rate tuning and the playground (course_lib.demos.learning_rate, optimizer_race,
playground)."""

import numpy as np
import pytest

from course_lib.demos.learning_rate import (
    BANDS,
    learning_rate_bands,
    learning_rate_caption,
    learning_rate_run,
    outcome_text,
    slider_exponents,
    until_out_of_view,
)
from course_lib.demos.optimizer_race import (
    RACERS,
    least_squares_problem,
    network_problem,
    race_run,
    tune_learning_rates,
)
from course_lib.demos.playground import (
    DATASETS,
    Playground,
    loss_axis_limits,
    new_settings,
    parse_hidden,
    playground_data,
)
from course_lib.landscapes import Parabola1D, classify_learning_rate, learning_rate_bounds
from course_lib.surfaces import Quadratic


@pytest.fixture
def bowl():
    return Quadratic(condition_number=5.0, rotation=np.pi / 6)


@pytest.fixture(scope="module")
def lsq():
    return least_squares_problem(10.0, np.pi / 6, 64, 0.5, rng=np.random.default_rng(0))


# ---- learning-rate bands and runs -----------------------------------------------------------


def test_learning_rate_bands_agree_with_classify_learning_rate(bowl):
    bounds = learning_rate_bounds(bowl)
    bands = learning_rate_bands(bounds, 1e-3, 5.0)
    assert [b[0] for b in bands] == list(BANDS)
    for name, lo, hi in bands:
        for lr in np.geomspace(lo, hi, 7)[1:-1]:
            assert classify_learning_rate(lr, bounds) == name


def test_learning_rate_bands_are_contiguous_and_clipped_to_the_range(bowl):
    bands = learning_rate_bands(learning_rate_bounds(bowl), 0.5, 1.5)
    assert [b[0] for b in bands] == ["good", "oscillating"]
    assert bands[0][1] == 0.5 and bands[-1][2] == 1.5
    assert bands[0][2] == bands[1][1] == pytest.approx(1.0)


def test_learning_rate_bands_rejects_an_empty_range(bowl):
    with pytest.raises(ValueError, match="lr_max"):
        learning_rate_bands(learning_rate_bounds(bowl), 1.0, 0.5)


def test_learning_rate_run_on_parabola_matches_hand_computation():
    # x_k = (1 - lr * k) x_{k-1}: with curvature 1 and lr 0.5 the error halves every step
    run = learning_rate_run(Parabola1D(curvature=1.0), 0.5, 5)
    np.testing.assert_allclose(run.path, -4.0 * 0.5 ** np.arange(6))
    np.testing.assert_allclose(run.losses, 0.5 * run.path**2)
    assert run.band == "good" and run.diverged_at is None


@pytest.mark.parametrize(
    ("factor", "band"), [(0.05, "too small"), (0.5, "good"), (1.8, "oscillating")]
)
def test_learning_rate_run_names_the_band_and_converging_rates_do_not_diverge(bowl, factor, band):
    run = learning_rate_run(bowl, factor, 40)
    assert run.band == band
    assert run.diverged_at is None
    assert run.losses[-1] < run.losses[0]


def test_learning_rate_run_stops_a_diverging_walk_before_any_inf(bowl):
    run = learning_rate_run(bowl, 2.5, 50)
    assert run.band == "diverging"
    assert run.diverged_at is not None and run.diverged_at <= 50
    assert len(run.path) == len(run.losses) == run.diverged_at
    assert np.all(np.isfinite(run.path)) and np.all(np.isfinite(run.losses))
    assert run.losses.max() <= 1e3 * run.losses[0]


def test_learning_rate_run_rejects_a_negative_rate(bowl):
    with pytest.raises(ValueError, match="lr"):
        learning_rate_run(bowl, -0.1, 10)


# ---- the race problems ----------------------------------------------------------------------


def test_least_squares_problem_has_the_quadratic_as_its_loss_surface(lsq):
    X, y, H = lsq.X, lsq.y, lsq.surface.H
    np.testing.assert_allclose(X.T @ X / len(X), H, atol=1e-12)
    np.testing.assert_allclose(X.T @ y, 0.0, atol=1e-10)
    w = np.array([0.7, -1.3])
    full = 0.5 * np.mean((X @ w - y) ** 2)
    assert full - 0.5 * np.mean(y**2) == pytest.approx(lsq.loss({"theta": w}), rel=1e-12)
    np.testing.assert_allclose(X.T @ (X @ w - y) / len(X), lsq.surface.gradient(w), atol=1e-12)


def test_least_squares_single_example_gradients_are_noisy_at_the_minimum(lsq):
    per_row = lsq.X * (lsq.X @ np.zeros(2) - lsq.y)[:, None]  # x_n (x_n.w - y_n) at w* = 0
    np.testing.assert_allclose(per_row.mean(axis=0), 0.0, atol=1e-12)
    assert np.linalg.norm(per_row, axis=1).max() > 0.1


def test_least_squares_problem_needs_an_rng():
    with pytest.raises(TypeError, match="rng"):
        least_squares_problem()


def test_race_run_is_reproducible_with_the_same_seed(lsq):
    a = race_run(lsq, "SGD", 0.1, 30, seed=3)
    b = race_run(lsq, "SGD", 0.1, 30, seed=3)
    c = race_run(lsq, "SGD", 0.1, 30, seed=4)
    np.testing.assert_array_equal(a.losses, b.losses)
    assert not np.array_equal(a.losses, c.losses)


@pytest.mark.parametrize("name", list(RACERS))
def test_race_run_counts_examples_and_records_one_point_per_step(lsq, name):
    run = race_run(lsq, name, 0.05, 20)
    n = len(lsq.X)
    batch = n if RACERS[name][1] is None else RACERS[name][1]
    assert run.batch_size == batch
    assert run.losses.shape == run.examples.shape == run.seconds.shape == (21,)
    assert run.path.shape == (21, 2)
    np.testing.assert_array_equal(np.diff(run.examples), np.full(20, batch))
    assert np.all(np.diff(run.seconds) >= 0)
    np.testing.assert_allclose(run.path[0], lsq.surface.default_start)
    assert run.losses[-1] < run.losses[0]


def test_race_run_gd_follows_the_quadratic_exactly(lsq):
    run = race_run(lsq, "GD", 0.5, 10)
    path = [lsq.surface.default_start]
    for _ in range(10):
        path.append(path[-1] - 0.5 * lsq.surface.gradient(path[-1]))
    np.testing.assert_allclose(run.path, np.array(path), atol=1e-12)


def test_race_run_stops_a_diverging_optimizer_with_finite_records(lsq):
    run = race_run(lsq, "GD", 3.0, 100)
    assert run.diverged_at is not None
    assert len(run.losses) == run.diverged_at
    assert np.all(np.isfinite(run.losses)) and np.all(np.isfinite(run.path))


def test_race_run_rejects_an_unknown_optimizer(lsq):
    with pytest.raises(ValueError, match="choose from"):
        race_run(lsq, "Adagrad", 0.1, 10)


def test_tune_learning_rates_picks_the_lowest_score_per_optimizer(lsq):
    grid = [0.01, 0.1, 1.0, 3.0]
    best, table = tune_learning_rates(lsq, grid, num_steps=40, names=["GD", "Adam"])
    assert len(table) == 8
    for name in ("GD", "Adam"):
        rows = [r for r in table if r[0] == name]
        assert [r[1] for r in rows] == grid
        assert best[name] == min(rows, key=lambda r: r[2])[1]
    gd3 = next(r for r in table if r[0] == "GD" and r[1] == 3.0)
    assert gd3[2] == np.inf and gd3[3] is not None  # 3 > 2/lambda_max: GD diverges
    assert best["GD"] == 1.0


def test_tune_learning_rates_rejects_non_positive_rates(lsq):
    with pytest.raises(ValueError, match="positive"):
        tune_learning_rates(lsq, [0.1, 0.0])


def test_network_problem_races_start_from_the_same_weights():
    X, y = playground_data("moons", 60, seed=1)
    prob = network_problem(X, y, (4,), rng=np.random.default_rng(0))
    a, b = prob.make_model(), prob.make_model()
    for k in a.params:
        np.testing.assert_array_equal(a.params[k], b.params[k])
    run = race_run(prob, "Adam", 0.05, 30)
    assert run.path is None and run.losses[-1] < run.losses[0]


# ---- the playground -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "sizes"), [("4", [4]), ("8-8", [8, 8]), ("16-16", [16, 16])])
def test_parse_hidden_reads_layer_sizes(text, sizes):
    assert parse_hidden(text) == sizes


@pytest.mark.parametrize("text", ["8x8", "0", "-3", "a-b"])
def test_parse_hidden_rejects_bad_text_with_an_example(text):
    with pytest.raises(ValueError, match="16-16"):
        parse_hidden(text)


@pytest.mark.parametrize("name", DATASETS)
def test_playground_data_shapes(name):
    X, y = playground_data(name, 90)
    assert X.shape == (90, 2) and y.shape == (90,) and y.dtype.kind == "i"


def test_playground_data_rejects_unknown_names():
    with pytest.raises(ValueError, match="moons"):
        playground_data("circles")


def test_playground_training_lowers_the_loss_and_reset_restores_the_start():
    pg = Playground("moons", "8", "tanh", lr=0.3, batch_size=16)
    start = pg.losses[0]
    pg.train(100)
    assert pg.step == 100 and len(pg.losses) == 101
    assert pg.losses[-1] < 0.7 * start
    pg.reset()
    assert pg.step == 0 and pg.losses == [start]


def test_playground_chunks_add_up_to_one_long_run():
    a, b = Playground("xor", "8", lr=0.2), Playground("xor", "8", lr=0.2)
    a.train(30)
    for _ in range(3):
        b.train(10)
    np.testing.assert_allclose(a.losses, b.losses)


def test_playground_grid_scores_are_probabilities_or_class_indices():
    xx, yy = np.meshgrid(np.linspace(-2, 2, 7), np.linspace(-2, 2, 5))
    two = Playground("moons", "4").grid_scores(xx, yy)
    assert two.shape == (5, 7) and np.all((two >= 0) & (two <= 1))
    three = Playground("blobs", "4").grid_scores(xx, yy)
    assert set(np.unique(three)) <= {0.0, 1.0, 2.0}


def test_playground_divergence_is_undone_and_reported():
    pg = Playground("moons", "8-8", "relu", lr=1000.0)
    pg.train(20)
    assert pg.diverged_at is not None
    assert all(np.all(np.isfinite(p)) for p in pg.model.params.values())
    assert np.all(np.isfinite(pg.losses))
    pg.train(5)  # nothing more happens after a divergence
    assert pg.step == pg.diverged_at


def test_playground_configure_changes_the_rate_of_the_optimizer():
    pg = Playground("moons", "4", lr=0.1)
    pg.configure(lr=0.02, batch_size=4)
    assert pg.opt.lr == 0.02 and pg.batch_size == 4
    with pytest.raises(ValueError, match="lr"):
        pg.configure(lr=-1.0)


def test_slider_exponents_put_both_band_edges_on_the_slider_grid(bowl):
    bounds = learning_rate_bounds(bowl)
    lo_exp, hi_exp, log_step = slider_exponents(bounds)
    grid = 10 ** (lo_exp + log_step * np.arange(round((hi_exp - lo_exp) / log_step) + 1))
    for edge in (bounds["monotone"], bounds["converge"]):
        assert np.min(np.abs(grid / edge - 1)) < 1e-9
    assert np.isclose(10 ** (6 * log_step), 2.0)


def test_outcome_text_names_the_diverging_step_or_the_loss_reached(bowl):
    bounds = learning_rate_bounds(bowl)
    run = learning_rate_run(bowl, 3.0 * bounds["monotone"], 30)
    assert run.diverged_at is not None
    assert outcome_text(run, 30) == f"diverged at step {run.diverged_at}"
    assert outcome_text(run, 0) == f"loss {run.losses[0]:.3g} after 0 steps"


def test_learning_rate_caption_gives_rate_band_outcome_and_band_edges(bowl):
    bounds = learning_rate_bounds(bowl)
    run = learning_rate_run(bowl, 0.5 * bounds["monotone"], 10)
    text = learning_rate_caption(run, 3, 10, bounds)
    assert f"η = {run.lr:.3g} (<b>good</b>)" in text
    assert f"loss {run.losses[3]:.3g} after 3 steps" in text
    assert f"After all 10 steps: loss {run.losses[10]:.3g}" in text
    assert f"{bounds['converge']:.3g}" in text
    assert "After all" not in learning_rate_caption(run, 10, 10, bounds)


def test_until_out_of_view_keeps_the_first_point_outside_and_nothing_after():
    path = np.array([[0.0, 0.0], [1.0, 1.0], [5.0, 0.0], [9.0, 9.0]])
    bounds = ((-2.0, 2.0), (-2.0, 2.0))
    assert np.array_equal(until_out_of_view(path, bounds), path[:3])
    assert np.array_equal(until_out_of_view(path[:2], bounds), path[:2])


SETTINGS = {"dataset": "moons", "hidden": "8", "activation": "relu", "lr": 0.3, "batch_size": 16}


@pytest.mark.parametrize(
    "key, value", [("dataset", "xor"), ("hidden", "4"), ("activation", "tanh")]
)
def test_new_settings_starts_over_for_a_new_network(key, value):
    new, restart = new_settings(SETTINGS, {key: value, "lr": None})
    assert restart and new == dict(SETTINGS, **{key: value})


def test_new_settings_carries_on_for_a_new_rate_or_batch_and_keeps_the_input():
    before = dict(SETTINGS)
    new, restart = new_settings(SETTINGS, {"lr": "0.05", "batch_size": 8.0, "dataset": "moons"})
    assert not restart
    assert new == dict(SETTINGS, lr=0.05, batch_size=8)
    assert SETTINGS == before
    assert new_settings(SETTINGS, {}, reset=True) == (SETTINGS, True)


def test_loss_axis_limits_grow_only_when_the_curve_leaves_them():
    xlim, ylim = (0, 100), (0.01, 10.0)
    assert loss_axis_limits(xlim, ylim, 50, [2.0, 0.5]) == (xlim, ylim)
    assert loss_axis_limits(xlim, ylim, 120, [2.0, 0.5]) == ((0, 200), ylim)
    assert loss_axis_limits(xlim, ylim, 50, [40.0, 0.001]) == (xlim, (0.0005, 80.0))
