"""Lesson 05 checkers: pass the reference, fail typical mistakes with a hint, "not done" stubs."""

import numpy as np
import pytest

from course_lib.checks import lesson05 as L
from course_lib.landscapes import learning_rate_bounds


def _stub(*args):
    raise NotImplementedError


# ---- exercise 1: one descent step ------------------------------------------------------------


def test_check_descent_step_passes_the_reference_solution():
    assert L.check_descent_step(lambda t, g, lr: t - lr * g, verbose=False).status == "passed"


def test_check_descent_step_passes_an_in_place_update_and_its_cases_survive_it():
    def in_place(theta, grad, lr):
        theta = np.asarray(theta, dtype=float)
        theta -= lr * np.asarray(grad, dtype=float)
        return theta

    assert L.check_descent_step(in_place, verbose=False).status == "passed"
    assert L.check_descent_step(in_place, verbose=False).status == "passed"


def test_check_descent_step_says_not_done_for_the_stub():
    assert L.check_descent_step(_stub, verbose=False).status == "not done"


@pytest.mark.parametrize(
    ("mistake", "words"),
    [
        (lambda t, g, lr: t + lr * g, "stepped UP"),
        (lambda t, g, lr: t - g, "learning rate is missing"),
        (lambda t, g, lr: -lr * g, "returned the step itself"),
        (lambda t, g, lr: t - g / lr, "divided by the learning rate"),
        (lambda t, g, lr: t - lr * t, "η times θ"),
    ],
    ids=["plus_sign", "no_lr", "step_only", "divided", "theta_not_grad"],
)
def test_check_descent_step_fails_a_typical_mistake_with_its_hint(mistake, words):
    result = L.check_descent_step(mistake, verbose=False)
    assert result.status == "failed"
    assert words in result.hint


def test_check_descent_step_prints_one_line_per_case(capsys):
    L.check_descent_step(lambda t, g, lr: t + lr * g)
    out = capsys.readouterr().out
    assert out.count("✗") == 3
    assert "Hint: you stepped UP" in out


# ---- exercise 2: the largest stable learning rate -------------------------------------------


def test_check_max_learning_rate_passes_two_over_lambda_max():
    expected = learning_rate_bounds(L.BOWL_H)["converge"]
    assert expected == pytest.approx(0.4)
    assert L.check_max_learning_rate(expected, verbose=False).status == "passed"


def test_check_max_learning_rate_accepts_an_experimental_value_close_to_the_edge():
    assert L.check_max_learning_rate(0.395, verbose=False).status == "passed"


def test_check_max_learning_rate_says_not_done_for_none():
    assert L.check_max_learning_rate(None, verbose=False).status == "not done"


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (0.2, "1/λmax"),
        (2.0, "2/λmin"),
        (1.0, "1/λmin"),
        (1 / 3, "SLOWEST direction"),
        (2 / 3, "diagonal entry"),
    ],
)
def test_check_max_learning_rate_fails_a_typical_mistake_with_its_hint(answer, words):
    result = L.check_max_learning_rate(answer, verbose=False)
    assert result.status == "failed"
    assert words in result.hint


def test_check_max_learning_rate_gives_the_general_hint_for_other_numbers():
    result = L.check_max_learning_rate(0.7, verbose=False)
    assert result.status == "failed"
    assert "eigenvalues of H" in result.hint and "2/λmax" not in result.hint
    assert "eigvalsh" in L.check_max_learning_rate(0.7, verbose=False, reveal=True).hint


# ---- exercise 3: the gradient of the line's MSE ----------------------------------------------


def line_gradient_ref(x, y, m, c):
    y_hat = m * x + c
    return 2 * np.mean((y_hat - y) * x), 2 * np.mean(y_hat - y)


def test_check_line_gradient_passes_the_reference_solution():
    assert L.check_line_gradient(line_gradient_ref, verbose=False).status == "passed"


def test_check_line_gradient_passes_the_version_built_on_mse_grad():
    from course_lib.losses import mse_grad

    def via_mse_grad(x, y, m, c):
        d = mse_grad(m * x + c, y)
        return np.sum(d * x), np.sum(d)

    assert L.check_line_gradient(via_mse_grad, verbose=False).status == "passed"


def test_check_line_gradient_reference_matches_finite_differences(rng):
    from course_lib.gradcheck import numerical_gradient, relative_error

    x, y = rng.normal(size=10), rng.normal(size=10)
    theta = np.array([0.7, -0.3])

    def loss(t):
        return np.mean((t[0] * x + t[1] - y) ** 2)

    numeric = numerical_gradient(loss, theta)
    assert relative_error(np.array(line_gradient_ref(x, y, *theta)), numeric) < 1e-8


def test_check_line_gradient_says_not_done_for_the_stub():
    assert L.check_line_gradient(_stub, verbose=False).status == "not done"


@pytest.mark.parametrize(
    ("mistake", "words"),
    [
        (
            lambda x, y, m, c: (2 * np.mean((y - m * x - c) * x), 2 * np.mean(y - m * x - c)),
            "signs",
        ),
        (lambda x, y, m, c: (2 * np.sum((m * x + c - y) * x), 2 * np.sum(m * x + c - y)), "1/N"),
        (lambda x, y, m, c: (np.mean((m * x + c - y) * x), np.mean(m * x + c - y)), "factor 2"),
        (
            lambda x, y, m, c: (2 * np.mean(m * x + c - y), 2 * np.mean((m * x + c - y) * x)),
            "swapped",
        ),
        (lambda x, y, m, c: (2 * np.mean(m * x + c - y),) * 2, "factor x"),
    ],
    ids=["sign", "sum", "no_two", "swapped", "no_x"],
)
def test_check_line_gradient_fails_a_typical_mistake_with_its_hint(mistake, words):
    result = L.check_line_gradient(mistake, verbose=False)
    assert result.status == "failed"
    assert words in result.hint


def test_check_line_gradient_reports_a_learner_exception_without_raising():
    def broken(x, y, m, c):
        return x @ np.ones(3)

    result = L.check_line_gradient(broken, verbose=False)
    assert result.status == "failed"
    assert any("raised" in line.note for line in result.lines)
