r"""Pure compute behind the optimizer race (lesson 7): problems, racers, runs and a rate sweep.

:func:`least_squares_problem` builds a data set whose mean squared error IS an ill-conditioned
``surfaces.Quadratic`` plus a constant, so SGD and mini-batches see genuinely noisy gradients (no
artificial noise is added); :func:`network_problem` is a small MLP on a 2-D data set.
``RACERS`` names the optimizers and their batch sizes; :func:`race_run` runs one of them through
``training.train`` and :func:`tune_learning_rates` sweeps learning rates for each;
:func:`make_problem` builds the two race tracks of ``widgets.optimizer_race``. No plotting here.

Shapes: data ``X`` is ``(N, D)``, one example per row; a 2-D parameter point is ``(2,)``; every
recorded curve has one entry per step, start included: ``(K+1,)``.

Limits: the race records the loss on the FULL data set after every step (a fair yardstick, but
it costs one extra pass per step, not counted in ``seconds``), so keep data sets small (hundreds
of rows). ``seconds`` are measured wall-clock times: they vary from run to run and machine to
machine.
"""

from dataclasses import dataclass

import numpy as np

from course_lib._argspec import NONNEGATIVE, TEXT, array, count, has_attrs, number, optional, seed
from course_lib._checked import checked
from course_lib._validation import check_int, check_labels, check_positive, check_rng, check_rows
from course_lib.demos._race_parts import _half_mse, _half_mse_grad, _LinearModel, _Problem
from course_lib.optimizers import Adam, GradientDescent, Momentum
from course_lib.surfaces import Quadratic

__all__ = [
    "least_squares_problem",
    "network_problem",
    "RACERS",
    "race_run",
    "RaceRun",
    "tune_learning_rates",
    "make_problem",
]


@checked(_finite=True, condition_number=NONNEGATIVE, rotation=number())
def least_squares_problem(
    condition_number: float = 10.0,
    rotation: float = np.pi / 6,
    num_points: int = 64,
    noise: float = 0.5,
    rng: np.random.Generator | None = None,
):
    r"""A least-squares data set whose loss surface is ``Quadratic(condition_number, rotation)``.

    .. math:: L(w) = \frac{1}{2N}\lVert X w - y\rVert^2
              = \tfrac12 w^\top H w + \tfrac{1}{2N}\lVert e\rVert^2

    We build $X = \sqrt N\, Q_{:, :2} H^{1/2}$ and $y = e = $ ``noise`` $\sqrt N\, Q_{:, 2}$ from
    a random $N\times 3$ matrix $Q$ with orthonormal columns, so $X^\top X / N = H$ and
    $X^\top e = 0$: the minimum is exactly $w^* = 0$, the full-batch gradient is exactly $H w$,
    while one row's gradient $x_n (x_n^\top w - e_n)$ is noisy (never zero at $w^*$). The noise
    of SGD and mini-batches is therefore real sampling noise; none is added by hand. The race
    plots the *excess* loss $L(w) - L(w^*) = \tfrac12 w^\top H w$.

    Returns a problem with ``X`` ``(N, 2)``, ``y`` ``(N,)``, ``surface`` (the Quadratic),
    ``make_model()`` (a linear model starting at ``surface.default_start``) and ``loss(params)``.
    """
    check_positive("least_squares_problem", "noise", noise, allow_zero=True)
    n = check_int("least_squares_problem", "num_points", num_points, minimum=3)
    check_rng("least_squares_problem", rng)
    surface = Quadratic(condition_number, rotation)
    Q, _ = np.linalg.qr(rng.normal(size=(n, 3)))
    lam, V = np.linalg.eigh(surface.H)
    X = np.sqrt(n) * Q[:, :2] @ (V * np.sqrt(lam)) @ V.T
    y = noise * np.sqrt(n) * Q[:, 2]

    H = surface.H

    def loss(params):
        # surface.value's 1/2 w^T H w without its input checks: the race calls this after
        # every step (most of a run's time); a blown-up w gives inf, read as divergence
        theta = params["theta"]
        return float(0.5 * (theta @ H @ theta))

    return _Problem(
        "surface",
        X,
        y,
        lambda: _LinearModel(surface.default_start),
        (_half_mse, _half_mse_grad),
        loss,
        surface,
    )


@checked(X=array(ndim=2), activation=TEXT)
def network_problem(X, y, hidden=(16,), activation: str = "relu", rng=None):
    r"""A classification problem: an MLP ``[D, *hidden, C]`` with softmax cross-entropy.

    .. math:: L = \frac1N\sum_n -\log \mathrm{softmax}(f(x_n))_{y_n}

    ``X``: ``(N, D)``; ``y``: ``(N,)`` integer labels in ``0..C-1``; ``rng`` draws the initial
    weights once: every ``make_model()`` returns a copy of that same network.
    """
    from course_lib.losses import softmax_cross_entropy
    from course_lib.network import MLP

    X = np.asarray(X, dtype=float)
    y = check_labels("network_problem", "y", y)
    check_rows("network_problem", X, "y", y)
    hidden = list(hidden) if isinstance(hidden, list | tuple) else hidden
    if not isinstance(hidden, list):
        raise TypeError(
            f"network_problem: hidden should be a list of layer sizes such as [16, 16], "
            f"got {hidden!r}."
        )
    model = MLP([X.shape[1], *hidden, int(y.max()) + 1], activation, rng=rng)

    def loss(params):
        # a diverging run overflows the logits: report an infinite loss (the race and the
        # Playground read it as divergence) instead of letting the loss refuse the inf
        model.params = params
        with np.errstate(all="ignore"):
            logits = model._forward(X, keep=False)
        if not np.isfinite(logits).all():
            return float("inf")
        return softmax_cross_entropy(logits, y)

    params0 = {k: v.copy() for k, v in model.params.items()}

    def make_model():
        new = model.copy()
        new.params = {k: v.copy() for k, v in params0.items()}
        return new

    problem = _Problem("network", X, y, make_model, "softmax_cross_entropy", loss)
    problem.model = model
    return problem


_PROBLEM = has_attrs(("X", "y", "make_model", "loss", "num_examples"), "make_problem('surface')")


def _names(func, name, value):
    ok = isinstance(value, list | tuple) and all(isinstance(n, str) for n in value)
    if not ok or not set(value) <= set(RACERS):
        raise ValueError(
            f"{func}: {name} should be a list of racer names from {list(RACERS)}, got {value!r}."
        )


# name -> (optimizer factory taking lr, batch size: None = the whole data set)
RACERS = {
    "GD": (GradientDescent, None),
    "SGD": (GradientDescent, 1),
    "mini-batch": (GradientDescent, 16),
    "momentum": (lambda lr: Momentum(lr, beta=0.9), 16),
    "Adam": (Adam, 16),
}


@dataclass
class RaceRun:
    """One racer's record. Curves have shape ``(K+1,)``, or shorter if it diverged.

    ``losses`` (full-data loss, start then after each step), ``examples`` (examples seen so
    far), ``seconds`` (training time so far, from ``History.elapsed``: the yardstick evaluations
    are not counted), ``path`` (``(K+1, 2)`` on a surface, else None).
    """

    name: str
    lr: float
    batch_size: int
    losses: np.ndarray
    examples: np.ndarray
    seconds: np.ndarray
    path: np.ndarray | None
    diverged_at: int | None


@checked(problem=_PROBLEM, name=TEXT, seed=seed)
def race_run(
    problem, name: str, lr: float, num_steps: int, seed: int = 0, max_loss: float = 1e6
) -> RaceRun:
    r"""Run racer ``name`` (a key of ``RACERS``) on ``problem`` for ``num_steps`` updates.

    Uses ``training.train`` (shuffled with ``default_rng(seed)``, the same seed for every racer,
    all from the same starting weights) and records, after every step
    $\theta \leftarrow \mathrm{opt}(\theta, \nabla L_B)$, the loss on the FULL data set. Stops
    early, without a warning, when a loss is not finite or exceeds ``max_loss``; ``diverged_at``
    is then the step (1, 2, ...) that blew up.
    """
    from course_lib.training import train

    if name not in RACERS:
        raise ValueError(f"race_run: unknown optimizer {name!r}; choose from {list(RACERS)}.")
    lr = check_positive("race_run", "lr", lr)
    num_steps = check_int("race_run", "num_steps", num_steps, minimum=0)
    factory, batch = RACERS[name]
    n = problem.num_examples
    batch = n if batch is None else min(batch, n)
    model = problem.make_model()
    losses = [problem.loss(model.params)]
    path = [model.params["theta"].copy()] if problem.surface is not None else None
    state = {"diverged": None}

    def record(hist, model):  # after every step: kept cheap (runs under np.errstate below)
        ok = all(np.isfinite(p).all() for p in model.params.values())
        loss = problem.loss(model.params) if ok else np.inf
        if not (np.isfinite(loss) and loss <= max_loss):
            state["diverged"] = hist.num_steps
            return False
        losses.append(loss)
        if path is not None:
            path.append(model.params["theta"].copy())
        return hist.num_steps < num_steps

    hist = None
    if num_steps > 0:
        epochs = -(-num_steps // -(-n // batch))
        with np.errstate(over="ignore", invalid="ignore"):  # a loss that blows up is recorded
            hist = train(
                model,
                problem.X,
                problem.y,
                problem.train_loss,
                factory(lr),
                batch,
                epochs,
                np.random.default_rng(seed),
                callback=record,
                callback_every="step",
                max_loss=max_loss,
            )
    k = len(losses) - 1
    diverged = state["diverged"]
    if hist is not None and hist.diverged_at is not None:
        diverged = hist.diverged_at + 1
    examples = np.concatenate([[0], hist.examples_seen[:k]]) if k else np.zeros(1)
    seconds = np.concatenate([[0.0], hist.elapsed[:k]]) if k else np.zeros(1)
    return RaceRun(
        name,
        lr,
        batch,
        np.array(losses),
        examples.astype(float),
        seconds,
        None if path is None else np.array(path),
        diverged,
    )


@checked(
    problem=_PROBLEM,
    lrs=optional(array(ndim=1)),
    num_steps=count(0),
    seed=seed,
    names=optional(_names),
)
def tune_learning_rates(
    problem, lrs=None, num_steps: int = 100, seed: int = 0, names=None
) -> tuple[dict, list]:
    r"""A small learning-rate sweep per optimizer: the fair way to compare optimizers.

    Score of a run: the mean full-data loss over its last 10 % of steps (a noisy racer is judged
    on where it hovers, not on one lucky step); a run that diverged scores $+\infty$. The best
    rate is the one with the lowest score (the smaller rate on a tie).

    ``lrs``: the grid to try (default ``logspace(-3, 0.5, 8)``), the same for every optimizer.
    Returns ``(best, table)``: ``best`` maps name -> best lr; ``table`` is a list of rows
    ``(name, lr, score, diverged_at)``, one per (optimizer, lr) pair.
    """
    grid = np.logspace(-3, 0.5, 8) if lrs is None else np.asarray(lrs, float).ravel()
    if grid.size == 0 or np.any(~np.isfinite(grid)) or np.any(grid <= 0):
        raise ValueError(
            f"tune_learning_rates: lrs should be positive learning rates such as "
            f"np.logspace(-3, 0, 7), got {lrs!r}."
        )
    names = list(RACERS) if names is None else list(names)
    table, best = [], {}
    for name in names:
        scores = []
        for lr in grid:
            run = race_run(problem, name, float(lr), num_steps, seed)
            tail = run.losses[-max(1, num_steps // 10) :]
            score = np.inf if run.diverged_at is not None else float(np.mean(tail))
            table.append((name, float(lr), score, run.diverged_at))
            scores.append(score)
        best[name] = float(grid[int(np.argmin(scores))])
    return best, table


@checked(problem=TEXT)
def make_problem(problem: str):
    """The race track: ``"surface"`` (least squares, condition 10) or ``"network"`` (moons MLP)."""
    if problem == "surface":
        return least_squares_problem(10.0, np.pi / 6, 64, 0.5, rng=np.random.default_rng(0))
    if problem == "network":
        from course_lib.demos.playground import playground_data  # playground imports this module

        X, y = playground_data("moons", 200, seed=0)
        return network_problem(X, y, (16, 16), "relu", rng=np.random.default_rng(0))
    raise ValueError(f"optimizer_race: problem should be 'surface' or 'network', got {problem!r}.")
