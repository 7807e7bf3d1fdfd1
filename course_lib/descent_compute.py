r"""Pure compute behind the gradient-descent explorers (lessons 5-8): no plotting here.

* Learning rate: :func:`learning_rate_bands` cuts a learning-rate range into the bands of
  ``landscapes.classify_learning_rate``; :func:`learning_rate_run` walks gradient descent and says
  which band the rate is in and whether (and when) the walk diverged.
* Optimizer race: the problems, ``RACERS``, :func:`race_run` and :func:`tune_learning_rates`
  live in :mod:`course_lib.race_compute` and are re-exported here.
* Playground (lesson 6): see :mod:`course_lib.playground_compute`.

Shapes: a 2-D parameter point is ``(2,)`` (a 1-D function's is a float); a run's ``path`` is
``(K+1, 2)`` or ``(K+1,)`` and its ``losses`` ``(K+1,)``, start included (shorter if it diverged).

Limits: the bands come from the curvature of a quadratic (``landscapes.learning_rate_bounds``),
so they are exact for ``Quadratic`` and ``Parabola1D`` and only a guide anywhere else.
"""

from dataclasses import dataclass

import numpy as np

from course_lib import race_compute
from course_lib.landscapes import classify_learning_rate, descend, learning_rate_bounds
from course_lib.optimizers import GradientDescent
from course_lib.race_compute import (  # noqa: F401 (re-exported from their new home)
    RACERS,
    RaceRun,
    least_squares_problem,
    network_problem,
    race_run,
    tune_learning_rates,
)
from course_lib.validation import check_int, check_positive

__all__ = [
    "BANDS",
    "learning_rate_bands",
    "learning_rate_run",
    "LearningRateRun",
    *race_compute.__all__,  # re-exported
]

BANDS = ("too small", "good", "oscillating", "diverging")


def learning_rate_bands(bounds: dict, lr_min: float, lr_max: float) -> list:
    r"""The learning-rate bands of gradient descent on a quadratic, clipped to ``[lr_min, lr_max]``.

    Edges: $0.1/\lambda_{\max}$ (below: too small), $1/\lambda_{\max}$ (up to it: good, monotone),
    $2/\lambda_{\max}$ (below: oscillating but converging; from it on: diverging), the same
    thresholds as ``landscapes.classify_learning_rate``.
    ``bounds``: the dict of ``landscapes.learning_rate_bounds``. Returns a list of
    ``(name, lo, hi)`` with ``lo < hi``, in increasing order; bands outside the range are left out.
    """
    lr_min = check_positive("learning_rate_bands", "lr_min", lr_min)
    lr_max = check_positive("learning_rate_bands", "lr_max", lr_max)
    if lr_max <= lr_min:
        raise ValueError(
            f"learning_rate_bands: lr_max ({lr_max}) must be larger than lr_min ({lr_min})."
        )
    edges = [0.0, 0.1 * bounds["monotone"], bounds["monotone"], bounds["converge"], np.inf]
    out = []
    for name, lo, hi in zip(BANDS, edges[:-1], edges[1:], strict=True):
        lo, hi = max(lo, lr_min), min(hi, lr_max)
        if lo < hi:
            out.append((name, float(lo), float(hi)))
    return out


@dataclass
class LearningRateRun:
    """What :func:`learning_rate_run` returns.

    ``path``: ``(K+1,)`` (1-D function) or ``(K+1, 2)`` (surface), cut before the first point that
    blew up; ``losses``: ``(len(path),)``; ``diverged_at``: None or the step that blew up;
    ``band``: the name from ``classify_learning_rate``; ``lr``: the rate used.
    """

    path: np.ndarray
    losses: np.ndarray
    diverged_at: int | None
    band: str
    lr: float


def learning_rate_run(
    surface, lr: float, num_steps: int, start=None, blowup: float = 1e3
) -> LearningRateRun:
    r"""Gradient descent $\theta \leftarrow \theta - \eta\nabla f(\theta)$ for ``num_steps`` steps.

    ``surface``: a ``landscapes.Quadratic`` or ``Parabola1D`` (anything with ``H``); ``start``:
    None (the surface's default) or a point. The walk counts as diverged, and stops there without
    a warning, once the loss exceeds ``blowup`` times the starting loss (or stops being finite);
    ``diverged_at`` then says at which step, and that point is not in ``path``.
    """
    lr = check_positive("learning_rate_run", "lr", lr)
    num_steps = check_int("learning_rate_run", "num_steps", num_steps, minimum=0)
    blowup = check_positive("learning_rate_run", "blowup", blowup)
    start = surface.default_start if start is None else start
    f0 = float(surface.value(start))
    res = descend(surface, start, GradientDescent(lr), num_steps, max_value=max(blowup * f0, 1e-12))
    band = classify_learning_rate(lr, learning_rate_bounds(surface))
    return LearningRateRun(res.path, res.losses, res.diverged_at, band, lr)
