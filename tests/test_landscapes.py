"""Landscapes: gradients and Hessians against finite differences, descend, learning-rate bands."""

import numpy as np
import pytest

from course_lib import landscapes as ls
from course_lib import surfaces as sf
from course_lib.gradcheck import numerical_gradient, relative_error
from course_lib.optimizers import Adam, GradientDescent, Momentum

SURFACES = [
    sf.Quadratic(),
    sf.Quadratic(10, 0.7, 2.0),
    sf.Rosenbrock(),
    sf.Rosenbrock(0.5, 20),
    sf.Himmelblau(),
]
FUNCS_1D = [ls.Parabola1D(3.0, 0.5), ls.DoubleWell1D(), ls.DoubleWell1D(-0.2)]


def _points(surface, rng, k=5):
    (x0, x1), (y0, y1) = surface.bounds
    return np.column_stack([rng.uniform(x0, x1, k), rng.uniform(y0, y1, k)])


@pytest.mark.parametrize("surface", SURFACES, ids=repr)
def test_surface_gradient_matches_finite_differences(surface, rng):
    for p in _points(surface, rng):
        num = numerical_gradient(lambda q: surface.value(q), p.copy())
        assert relative_error(surface.gradient(p), num) < 1e-7


@pytest.mark.parametrize("surface", SURFACES, ids=repr)
def test_surface_hessian_matches_finite_differences_of_the_gradient(surface, rng):
    h = 1e-5
    for p in _points(surface, rng):
        cols = [
            (surface.gradient(p + h * e) - surface.gradient(p - h * e)) / (2 * h) for e in np.eye(2)
        ]
        num = np.column_stack(cols)
        assert relative_error(surface.hessian(p), num) < 1e-7
        np.testing.assert_allclose(surface.hessian(p), surface.hessian(p).T)


@pytest.mark.parametrize("surface", SURFACES, ids=repr)
def test_surface_value_is_vectorised_over_grids(surface):
    xs, ys = np.linspace(*surface.bounds[0], 7), np.linspace(*surface.bounds[1], 5)
    XX, YY = np.meshgrid(xs, ys)
    grid = surface.value_grid(XX, YY)
    assert grid.shape == (5, 7)
    assert grid[3, 2] == pytest.approx(float(surface.value(np.array([xs[2], ys[3]]))))


@pytest.mark.parametrize("surface", SURFACES, ids=repr)
def test_surface_minima_have_zero_gradient_and_lie_within_bounds(surface):
    for m in surface.minima:
        assert np.linalg.norm(surface.gradient(m)) < 1e-9
        assert np.all(np.linalg.eigvalsh(surface.hessian(m)) > 0)
    assert surface.default_start.shape == (2,)


@pytest.mark.parametrize("func", FUNCS_1D, ids=repr)
def test_1d_derivatives_match_finite_differences(func, rng):
    x = rng.uniform(*func.bounds, size=6)
    h = 1e-5
    num = (func.value(x + h) - func.value(x - h)) / (2 * h)
    assert relative_error(func.gradient(x), num) < 1e-7
    num2 = (func.gradient(x + h) - func.gradient(x - h)) / (2 * h)
    assert relative_error(func.second_derivative(x), num2) < 1e-7


def test_double_well_has_two_minima_and_the_left_one_is_deeper():
    f = ls.DoubleWell1D(0.3)
    assert len(f.minima) == 2
    assert np.allclose(f.gradient(f.minima), 0, atol=1e-12)
    assert f.value(f.minima[0]) < f.value(f.minima[1])


def test_quadratic_eigenvalues_come_from_the_condition_number():
    q = sf.Quadratic(condition_number=25, rotation=0.3, scale=4.0)
    np.testing.assert_allclose(np.linalg.eigvalsh(q.H), [4.0 / 25, 4.0])
    assert q.value(np.array([1.0, 2.0])) == pytest.approx(0.5 * np.array([1, 2]) @ q.H @ [1, 2])


def test_learning_rate_bounds_of_a_diagonal_hessian():
    b = ls.learning_rate_bounds(np.diag([4.0, 1.0]))
    assert b == pytest.approx(
        {"lambda_max": 4.0, "lambda_min": 1.0, "monotone": 0.25, "converge": 0.5, "optimal": 0.4}
    )


def test_learning_rate_bounds_accepts_a_parabola_and_rejects_a_saddle():
    assert ls.learning_rate_bounds(ls.Parabola1D(5.0))["converge"] == pytest.approx(0.4)
    with pytest.raises(ValueError, match="positive definite"):
        ls.learning_rate_bounds(np.diag([1.0, -1.0]))


@pytest.mark.parametrize(
    "lr, band",
    [
        (0.01, "too small"),
        (0.1, "good"),
        (0.25, "good"),
        (0.3, "oscillating"),
        (0.5, "bouncing"),  # exactly 2 / lambda_max: the walk bounces for ever
        (0.5000001, "diverging"),
        (0.7, "diverging"),
    ],
)
def test_classify_learning_rate_bands(lr, band):
    assert ls.classify_learning_rate(lr, ls.learning_rate_bounds(np.diag([4.0, 1.0]))) == band


def test_gd_converges_just_below_two_over_lambda_max():
    q = sf.Quadratic(condition_number=4, rotation=0.4, scale=2.0)  # lambda_max = 2
    res = ls.descend(q, None, GradientDescent(0.99), 1500)  # slowest factor |1 - 0.99*2| = 0.98
    assert res.diverged_at is None
    assert res.path.shape == (1501, 2)
    assert np.linalg.norm(res.path[-1]) < 1e-9


def test_gd_diverges_just_above_two_over_lambda_max_without_warnings():
    q = sf.Quadratic(condition_number=4, rotation=0.4, scale=2.0)
    res = ls.descend(q, None, GradientDescent(1.01), 100000)
    assert res.diverged_at is not None
    assert len(res.path) == len(res.losses) == res.diverged_at
    assert np.all(np.isfinite(res.path)) and res.losses[-1] <= 1e6


def test_descend_on_a_huge_learning_rate_stops_without_overflow_warnings():
    res = ls.descend(sf.Rosenbrock(), None, GradientDescent(1e6), 50)
    assert res.diverged_at == 1 and res.path.shape == (1, 2)


def test_descend_unpacks_and_resets_the_optimizer():
    opt = Momentum(0.01)
    path1, losses1 = ls.descend(sf.Himmelblau(), None, opt, 30)
    path2, _ = ls.descend(sf.Himmelblau(), None, opt, 30)
    np.testing.assert_array_equal(path1, path2)
    assert losses1[-1] < losses1[0]


def test_descend_in_1d_returns_a_flat_path_ending_in_the_nearest_well():
    f = ls.DoubleWell1D()
    res = ls.descend(f, 2.0, GradientDescent(0.05), 500)
    assert res.path.shape == (501,)
    assert res.path[-1] == pytest.approx(f.minima[1], abs=1e-6)


def test_adam_walks_down_rosenbrock_to_its_minimum():
    res = ls.descend(sf.Rosenbrock(), None, Adam(0.02), 5000)
    assert np.linalg.norm(res.path[-1] - [1.0, 1.0]) < 1e-2


def test_descend_errors_name_the_argument():
    with pytest.raises(ValueError, match="descend: start should have shape"):
        ls.descend(sf.Quadratic(), np.zeros(3), GradientDescent(0.1), 5)
    with pytest.raises(TypeError, match="descend: optimizer"):
        ls.descend(sf.Quadratic(), None, 0.1, 5)
    with pytest.raises(ValueError, match="num_steps"):
        ls.descend(sf.Quadratic(), None, GradientDescent(0.1), -1)
    with pytest.raises(ValueError, match="condition_number"):
        sf.Quadratic(0.5)
