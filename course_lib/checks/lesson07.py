"""Self-checks for lesson 07: a momentum step, an Adam step, a batch size for a budget.

The step checkers compare the learner's one-step function with ``course_lib.optimizers``
(``Momentum``, ``Adam``) applied to the same parameter and gradient, and recognise the usual
slips: ``+`` instead of ``-``, the velocity not decayed, Adam without bias correction, the
square root forgotten, the step count starting at 0.
"""

import numpy as np

from course_lib.checks.core import Case, WrongAnswer, check_function, check_value
from course_lib.checks.feedback import describe, type_problem
from course_lib.checks.result import CheckResult
from course_lib.optimizers import Adam, Momentum

__all__ = ["check_momentum_step", "check_adam_step", "check_batch_size"]


# ---- exercise 1: one momentum step ------------------------------------------------------------


def _momentum_ref(theta, v, g, lr, beta):
    """One ``optimizers.Momentum`` step from velocity ``v``; returns stacked (theta, v)."""
    opt = Momentum(lr, beta=beta)
    opt.t = 1
    params = {"theta": np.array(theta, dtype=float)}
    opt.velocity = {"theta": np.array(v, dtype=float)}
    opt.step(params, {"theta": np.array(g, dtype=float)})
    return np.stack([params["theta"], opt.velocity["theta"]])


def _stacked(fn):
    """The learner's tuple of results as one array (rows: theta_new, then the moments).

    A wrong type (a string, a complex number, not a tuple) raises a TypeError that says so; the
    checker shows it as the line of that case.
    """

    def run(*args):
        out = fn(*args)
        if out is None:
            return None
        if not isinstance(out, tuple | list):
            raise TypeError(f"return a tuple of arrays, got {describe(out)}")
        for o in out:
            if problem := type_problem(o, np.zeros(np.shape(args[0]))):
                raise TypeError(problem.replace("you gave", "your function returned"))
        return np.stack([np.asarray(o, dtype=float) for o in out])

    return run


_M_CASES = [
    Case(
        "theta=[1, -2], v=[0, 0], g=[0.5, 1], lr=0.1, beta=0.9",
        (np.array([1.0, -2.0]), np.zeros(2), np.array([0.5, 1.0]), 0.1, 0.9),
    ),
    Case(
        "theta=[1, -2], v=[0.2, -0.4], g=[0.5, 1], lr=0.1, beta=0.9",
        (np.array([1.0, -2.0]), np.array([0.2, -0.4]), np.array([0.5, 1.0]), 0.1, 0.9),
    ),
    Case(
        "theta=[0, 3, 1], v=[1, 1, -1], g=[2, 0, 1], lr=0.05, beta=0.5",
        (np.array([0.0, 3.0, 1.0]), np.array([1.0, 1.0, -1.0]), np.array([2.0, 0, 1]), 0.05, 0.5),
    ),
]
_M_WRONG = [
    WrongAnswer(
        "you stepped uphill (+): the update is theta - lr * v, against the gradient.",
        lambda th, v, g, lr, b: np.stack([th + lr * (b * v + g), b * v + g]),
    ),
    WrongAnswer(
        "the old velocity is not decayed: v_new = beta * v + g (multiply the old v by beta).",
        lambda th, v, g, lr, b: np.stack([th - lr * (v + g), v + g]),
    ),
    WrongAnswer(
        "you moved theta with the OLD velocity: first update v = beta * v + g, then move "
        "theta - lr * v with the new v.",
        lambda th, v, g, lr, b: np.stack([th - lr * v, b * v + g]),
    ),
    WrongAnswer(
        "you wrote the velocity as an average, beta * v + (1 - beta) * g: the course's "
        "momentum adds the whole gradient, v = beta * v + g (as optimizers.Momentum does).",
        lambda th, v, g, lr, b: np.stack([th - lr * (b * v + (1 - b) * g), b * v + (1 - b) * g]),
    ),
    WrongAnswer(
        "you ignored the velocity (that is plain gradient descent): keep v = beta * v + g and "
        "step with it.",
        lambda th, v, g, lr, b: np.stack([th - lr * g, g]),
    ),
]


def check_momentum_step(momentum_step, reveal: bool = False, verbose: bool = True) -> CheckResult:
    """Check ``momentum_step(theta, v, g, lr, beta) -> (theta_new, v_new)``."""
    return check_function(
        "momentum_step (rows: theta_new, v_new)",
        _stacked(momentum_step) if callable(momentum_step) else momentum_step,
        _momentum_ref,
        _M_CASES,
        wrong=_M_WRONG,
        hint=(
            "two updates in order: the velocity first (the old one, decayed by beta, plus the "
            "gradient), then a descent step with the NEW velocity; return both.",
            "v_new = beta * v + g, then theta_new = theta - lr * v_new; return both.",
        ),
        verbose=verbose,
        reveal=reveal,
    )


# ---- exercise 2: one Adam step -----------------------------------------------------------------


def _adam_ref(theta, m, v, g, t, lr, beta1, beta2, eps):
    """Step ``t`` of ``optimizers.Adam`` from moments m, v; returns stacked (theta, m, v)."""
    opt = Adam(lr, beta1=beta1, beta2=beta2, eps=eps)
    opt.t = t - 1
    params = {"theta": np.array(theta, dtype=float)}
    opt.m = {"theta": np.array(m, dtype=float)}
    opt.v = {"theta": np.array(v, dtype=float)}
    opt.step(params, {"theta": np.array(g, dtype=float)})
    return np.stack([params["theta"], opt.m["theta"], opt.v["theta"]])


def _adam_variant(correct=True, sqrt=True, sign=-1.0, t_shift=0):
    def fn(th, m, v, g, t, lr, b1, b2, eps):
        m2 = b1 * m + (1 - b1) * g
        v2 = b2 * v + (1 - b2) * g * g
        tt = t + t_shift
        mh = m2 / (1 - b1**tt) if correct else m2
        vh = v2 / (1 - b2**tt) if correct else v2
        den = (np.sqrt(vh) if sqrt else vh) + eps
        return np.stack([th + sign * lr * mh / den, m2, v2])

    return fn


_A_CASES = [
    Case(
        "first step t=1: theta=[1, -2], m=v=0, g=[0.5, -3], lr=0.1",
        (
            np.array([1.0, -2.0]),
            np.zeros(2),
            np.zeros(2),
            np.array([0.5, -3.0]),
            1,
            0.1,
            0.9,
            0.999,
            1e-8,
        ),
    ),  # fmt: skip
    Case(
        "step t=3: theta=[1, -2], m=[0.1, -0.2], v=[0.01, 0.05], g=[0.5, -3], lr=0.1",
        (
            np.array([1.0, -2.0]),
            np.array([0.1, -0.2]),
            np.array([0.01, 0.05]),
            np.array([0.5, -3.0]),
            3,
            0.1,
            0.9,
            0.999,
            1e-8,
        ),
    ),  # fmt: skip
    Case(
        "step t=10, beta1=0.8, beta2=0.99: theta=[0, 4, -1], g=[1, 0.01, -2]",
        (
            np.array([0.0, 4.0, -1.0]),
            np.array([0.3, 0.0, -0.5]),
            np.array([0.2, 1e-4, 1.0]),
            np.array([1.0, 0.01, -2.0]),
            10,
            0.01,
            0.8,
            0.99,
            1e-8,
        ),
    ),  # fmt: skip
]
_A_WRONG = [
    WrongAnswer(
        "no bias correction: divide m by (1 - beta1**t) and v by (1 - beta2**t) before the "
        "step. Without it the first steps have the wrong size: m and v start at 0, so early on "
        "both are pulled towards 0 (here the first step is about 3 times too large).",
        _adam_variant(correct=False),
    ),
    WrongAnswer(
        "you stepped uphill (+): theta_new = theta - lr * m_hat / (sqrt(v_hat) + eps).",
        _adam_variant(sign=1.0),
    ),
    WrongAnswer(
        "the square root is missing: divide by sqrt(v_hat) + eps (v estimates the squared "
        "gradient, its root has the gradient's size).",
        _adam_variant(sqrt=False),
    ),
    WrongAnswer(
        "your bias correction uses t + 1: the step number t counts from 1 and is passed in "
        "already; use 1 - beta1**t.",
        _adam_variant(t_shift=1),
    ),
    WrongAnswer(
        "your bias correction uses t - 1: at t = 1 that divides by 1 - beta**0 = 0. Use "
        "1 - beta1**t with the t you were given.",
        _adam_variant(t_shift=-1),
    ),
]


def check_adam_step(adam_step, reveal: bool = False, verbose: bool = True) -> CheckResult:
    """Check ``adam_step(theta, m, v, g, t, lr, beta1, beta2, eps) -> (theta, m, v)``."""
    return check_function(
        "adam_step (rows: theta_new, m_new, v_new)",
        _stacked(adam_step) if callable(adam_step) else adam_step,
        _adam_ref,
        _A_CASES,
        tol=1e-9,
        wrong=_A_WRONG,
        hint=(
            "five lines, in the order of the lesson's formulas: the two moving averages (of g "
            "and of g squared), their bias corrections with step t, then the step.",
            "m = beta1*m + (1-beta1)*g; v = beta2*v + (1-beta2)*g**2; m_hat = m/(1-beta1**t); "
            "v_hat = v/(1-beta2**t); theta - lr*m_hat/(sqrt(v_hat)+eps).",
        ),
        verbose=verbose,
        reveal=reveal,
    )


# ---- exercise 3: a batch size for a budget of examples ---------------------------------------


def check_batch_size(batch_size, reveal: bool = False, verbose: bool = True) -> CheckResult:
    """Largest batch size with at least 200 updates from a budget of 6400 examples: 32."""
    return check_value(
        "batch size",
        batch_size,
        32,
        tol=0,
        wrong={
            200: "200 is the number of updates you want, not the batch size: each update "
            "costs batch_size examples, so steps = budget / batch_size.",
            6400: "one batch of 6400 is full-batch gradient descent: a single update, not 200.",
            1: "batch size 1 gives 6400 updates (SGD): it works, but it is not the LARGEST "
            "batch that still gives 200.",
            64: "64 examples per step give only 6400 / 64 = 100 updates.",
            33: "33 per step gives 6400 / 33 ≈ 193 updates: just short of 200.",
        },
        hint=(
            "each update costs batch_size examples, so a budget of examples buys "
            "budget / batch_size updates.",
            "updates = budget / batch_size; solve 6400 / batch_size >= 200.",
        ),
        label="batch_size",
        verbose=verbose,
        reveal=reveal,
    )
