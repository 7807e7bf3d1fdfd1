r"""Self-checks for lesson 05: one gradient-descent step, the largest stable learning rate, and
the gradient of the mean squared error of a line.

Symbols as in the lesson: a parameter vector $\theta$, its gradient $\nabla L$, the learning rate
$\eta$ (``lr``); a line $\hat y = m x + c$ fitted to points ``x``, ``y`` of shape (N,). Each
checker recognises the typical slips (``+`` instead of ``−`` in the update, as on the source
sheet; the learning rate forgotten; a missing ``1/N`` or factor 2; the eigenvalues mixed up) and
names them in its hint.
"""

import numpy as np

from course_lib.checks.core import Case, WrongAnswer, check_function, check_value
from course_lib.checks.result import CheckResult

__all__ = ["check_descent_step", "check_max_learning_rate", "check_line_gradient", "BOWL_H"]


def _copying(fn):
    """Call ``fn`` on copies of its array arguments, so an in-place update cannot spoil a case."""
    if not callable(fn):
        return fn

    def wrapped(*args):
        return fn(*[np.array(a, copy=True) if isinstance(a, np.ndarray) else a for a in args])

    return wrapped


# ---- exercise 1: one descent step ----------------------------------------------------------

_PLUS = (
    "you stepped UP the hill: θ + η ∇L is the source sheet's slip. The gradient points uphill, so "
    "gradient descent subtracts it: θ − η ∇L."
)


def _step(theta, grad, lr):
    return np.asarray(theta, dtype=np.float64) - lr * np.asarray(grad, dtype=np.float64)


def _step_cases() -> list[Case]:
    return [
        Case(
            "theta = [1, 2], grad = [0.5, -1], lr = 0.1",
            (np.array([1.0, 2.0]), np.array([0.5, -1.0]), 0.1),
        ),
        Case("theta = 3.0, grad = 6.0, lr = 0.25", (3.0, 6.0, 0.25)),
        Case(
            "theta = [-4, 3, 0.5], grad = [-2, 1.5, 4], lr = 0.5",
            (np.array([-4.0, 3.0, 0.5]), np.array([-2.0, 1.5, 4.0]), 0.5),
        ),
    ]


_STEP_WRONG = [
    WrongAnswer(_PLUS, lambda t, g, lr: np.asarray(t) + lr * np.asarray(g)),
    WrongAnswer(
        "the learning rate is missing: the step is η times the gradient, θ − lr * grad.",
        lambda t, g, lr: np.asarray(t) - np.asarray(g),
    ),
    WrongAnswer(
        "you returned the step itself, −η ∇L; the new parameters are the old ones plus that "
        "step: theta − lr * grad.",
        lambda t, g, lr: -lr * np.asarray(g),
    ),
    WrongAnswer(
        "you divided by the learning rate: multiply, theta − lr * grad.",
        lambda t, g, lr: np.asarray(t) - np.asarray(g) / lr,
    ),
    WrongAnswer(
        "you subtracted η times θ, not η times the gradient: theta − lr * grad.",
        lambda t, g, lr: np.asarray(t) - lr * np.asarray(t),
    ),
]


def check_descent_step(descent_step, verbose: bool = True, reveal: bool = False) -> CheckResult:
    r"""Check ``descent_step(theta, grad, lr)``: one step of gradient descent.

    .. math:: \theta_{\text{new}} = \theta - \eta\,\nabla L(\theta)

    theta, grad: same shape (a number or any array); lr: a positive number. Returns the new
    theta, same shape.
    """
    return check_function(
        "descent_step",
        _copying(descent_step),
        _step,
        _step_cases(),
        wrong=_STEP_WRONG,
        hint=(
            "the gradient points uphill; the new parameters are the old ones moved a step of "
            "size lr times the gradient the other way.",
            "one line: return theta - lr * grad.",
        ),
        verbose=verbose,
        reveal=reveal,
    )


# ---- exercise 2: the largest learning rate that still converges ------------------------------

BOWL_H = np.array([[3.0, 2.0], [2.0, 3.0]])  # eigenvalues 1 and 5: the edge is 2 / 5 = 0.4


def check_max_learning_rate(answer, verbose: bool = True, reveal: bool = False) -> CheckResult:
    r"""Check the largest learning rate for which GD converges on $L = \tfrac12\theta^\top H\theta$.

    With ``H = BOWL_H`` = [[3, 2], [2, 3]] the eigenvalues are 1 and 5, so the edge is
    :math:`\eta = 2/\lambda_{\max} = 0.4`. Answers within 0.01 of it pass (an experiment with
    the explorer lands close to the edge, not exactly on it).
    """
    return check_value(
        "max_lr",
        answer,
        0.4,
        tol=0.01,
        wrong={
            0.2: "that is 1/λmax, where the steps stop being smooth and start to zig-zag. They "
            "still converge above it: the edge where they stop converging is 2/λmax.",
            2.0: "that is 2/λmin: the flattest direction would be fine, but the steepest one "
            "(λmax = 5) already blows up there. The steepest direction sets the limit.",
            1.0: "that is 1/λmin: use the largest eigenvalue, the steepest direction, and the "
            "factor 2: 2/λmax.",
            1 / 3: "that is 2/(λmin + λmax), the learning rate that makes the SLOWEST direction "
            "as fast as possible (it is also 2/trace(H) here). Larger rates still converge, up to "
            "2/λmax.",
            2 / 3: "you used a diagonal entry of H (3) as the curvature. The curvatures of a "
            "rotated bowl are the eigenvalues of H: np.linalg.eigvalsh(H) gives 1 and 5.",
        },
        hint=(
            "the bowl's curvatures are the eigenvalues of H; the steepest direction is the first "
            "to blow up, and the lesson's rule for one direction gives its edge.",
            "the edge is η = 2/λmax, with λmax the largest eigenvalue of H "
            "(np.linalg.eigvalsh(H)).",
        ),
        label="max_lr",
        verbose=verbose,
        reveal=reveal,
    )


# ---- exercise 3: the gradient of the line's mean squared error --------------------------------


def _line_grad(x, y, m, c):
    x = np.asarray(x, dtype=np.float64)
    r = m * x + c - np.asarray(y, dtype=np.float64)
    return np.array([2 * np.mean(r * x), 2 * np.mean(r)])


def _line_cases() -> list[Case]:
    rng = np.random.default_rng(5)
    x2 = rng.uniform(-1, 1, size=12)
    y2 = 2 * x2 + 1 + 0.3 * rng.normal(size=12)
    return [
        Case(
            "x = [0, 1, 2], y = [1, 3, 2], m = 1, c = 0",
            (np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 2.0]), 1.0, 0.0),
        ),
        Case(
            "x = [1, -1], y = [0, 0], m = 2, c = 0.5",
            (np.array([1.0, -1.0]), np.array([0.0, 0.0]), 2.0, 0.5),
        ),
        Case("12 points near y = 2x + 1, m = 0, c = 0", (x2, y2, 0.0, 0.0)),
    ]


def _g(fn):
    """A wrong-answer formula from the residual r = m x + c − y."""

    def wrong(x, y, m, c):
        return fn(np.asarray(x), m * np.asarray(x) + c - np.asarray(y))

    return wrong


_LINE_WRONG = [
    WrongAnswer(
        "the signs are flipped: you used (y − ŷ). The gradient of (ŷ − y)² is 2(ŷ − y) times "
        "the derivative of ŷ; stepping against it then moves the line towards the points.",
        _g(lambda x, r: np.array([-2 * np.mean(r * x), -2 * np.mean(r)])),
    ),
    WrongAnswer(
        "a missing 1/N: the MSE is an average, so its gradient is an average too "
        "(np.mean, not np.sum).",
        _g(lambda x, r: np.array([2 * np.sum(r * x), 2 * np.sum(r)])),
    ),
    WrongAnswer(
        "the factor 2 is missing: d/dŷ (ŷ − y)² = 2(ŷ − y).",
        _g(lambda x, r: np.array([np.mean(r * x), np.mean(r)])),
    ),
    WrongAnswer(
        "dm and dc are swapped: return (dm, dc), and only dm has the extra factor x.",
        _g(lambda x, r: np.array([2 * np.mean(r), 2 * np.mean(r * x)])),
    ),
    WrongAnswer(
        "dm needs the factor x: ŷ = m x + c changes by x when m grows by 1, so "
        "dm = 2·mean((ŷ − y)·x).",
        _g(lambda x, r: np.array([2 * np.mean(r), 2 * np.mean(r)])),
    ),
    WrongAnswer(
        "you divided by N twice (np.mean of something already divided by N, e.g. of "
        "losses.mse_grad). mse_grad already contains the 1/N: sum its products instead.",
        _g(lambda x, r: np.array([2 * np.mean(r * x), 2 * np.mean(r)]) / len(x)),
    ),
]


def check_line_gradient(line_gradient, verbose: bool = True, reveal: bool = False) -> CheckResult:
    r"""Check ``line_gradient(x, y, m, c)``: the gradient of the line's MSE, ``(dm, dc)``.

    .. math:: L = \frac1N\sum_i (m x_i + c - y_i)^2, \quad
              \frac{\partial L}{\partial m} = \frac2N\sum_i (\hat y_i - y_i)\,x_i, \quad
              \frac{\partial L}{\partial c} = \frac2N\sum_i (\hat y_i - y_i)

    x, y: (N,); m, c: numbers. Returns the pair (dm, dc).
    """
    return check_function(
        "line_gradient",
        _copying(line_gradient),
        _line_grad,
        _line_cases(),
        wrong=_LINE_WRONG,
        hint=(
            "each squared error (ŷ − y)² changes by 2(ŷ − y) per unit of ŷ, and ŷ = m x + c "
            "changes by x per unit of m and by 1 per unit of c; average over the points.",
            "with y_hat = m * x + c: dm = 2 * np.mean((y_hat - y) * x), "
            "dc = 2 * np.mean(y_hat - y); return dm, dc.",
        ),
        verbose=verbose,
        reveal=reveal,
    )
