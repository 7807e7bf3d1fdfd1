r"""Pure compute behind ``widgets.learning_rate`` (lesson 5): no plotting here.

:func:`learning_rate_bands` cuts a learning-rate range into the bands of
``landscapes.classify_learning_rate``; :func:`learning_rate_run` walks gradient descent and says
which band the rate is in and whether (and when) the walk diverged. :func:`slider_exponents`,
:func:`outcome_text`, :func:`learning_rate_caption` and :func:`until_out_of_view` are the
numbers and words the explorer shows, kept here so they can be tested without a browser.

Shapes: a 2-D parameter point is ``(2,)`` (a 1-D function's is a float); a run's ``path`` is
``(K+1, 2)`` or ``(K+1,)`` and its ``losses`` ``(K+1,)``, start included (shorter if it diverged).

Limits: the bands come from the curvature of a quadratic (``landscapes.learning_rate_bounds``),
so they are exact for ``Quadratic`` and ``Parabola1D`` and only a guide anywhere else.
"""

from dataclasses import dataclass

import numpy as np

from course_lib._argspec import POSITIVE, array, count, has_attrs, keys_of, optional
from course_lib._checked import checked
from course_lib._validation import check_int, check_positive
from course_lib.landscapes import classify_learning_rate, descend, learning_rate_bounds
from course_lib.optimizers import GradientDescent

__all__ = [
    "BANDS",
    "learning_rate_bands",
    "learning_rate_run",
    "LearningRateRun",
    "learning_rate_caption",
    "outcome_text",
    "slider_exponents",
    "until_out_of_view",
]

BANDS = ("too small", "good", "oscillating", "diverging")


@checked(bounds=keys_of("monotone", "converge", values=POSITIVE))
def learning_rate_bands(bounds: dict, lr_min: float, lr_max: float) -> list:
    r"""The learning-rate bands of gradient descent on a quadratic, clipped to ``[lr_min, lr_max]``.

    Edges: $0.1/\lambda_{\max}$ (below: too small), $1/\lambda_{\max}$ (up to it: good, monotone),
    $2/\lambda_{\max}$ (below: oscillating but converging; above: diverging), the same
    thresholds as ``landscapes.classify_learning_rate``. The edge $2/\lambda_{\max}$ itself, where
    the walk bounces for ever, is a band of width zero ("bouncing"), so it is not in the list.
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


@checked(
    surface=has_attrs(("H", "value", "gradient", "default_start"), "surfaces.Quadratic(10.0)"),
    start=optional(array(ndim=(0, 1))),
)
def learning_rate_run(
    surface, lr: float, num_steps: int, start=None, blowup: float = 1e3
) -> LearningRateRun:
    r"""Gradient descent $\theta \leftarrow \theta - \eta\nabla f(\theta)$ for ``num_steps`` steps.

    ``surface``: a ``surfaces.Quadratic`` or ``Parabola1D`` (anything with ``H``); ``start``:
    None (the surface's default) or a point. The walk counts as diverged, and stops there without
    a warning, once the loss exceeds ``blowup`` times the starting loss (or stops being finite);
    ``diverged_at`` then says at which step, and that point is not in ``path``.
    """
    lr = check_positive("learning_rate_run", "lr", lr)
    num_steps = check_int("learning_rate_run", "num_steps", num_steps, minimum=0)
    blowup = check_positive("learning_rate_run", "blowup", blowup)
    start = surface.default_start if start is None else start
    f0 = float(surface.value(start))
    res = descend(
        surface,
        start,
        GradientDescent(lr),
        num_steps,
        max_value=min(max(blowup * f0, 1e-12), 1e300),
    )
    band = classify_learning_rate(lr, learning_rate_bounds(surface))
    return LearningRateRun(res.path, res.losses, res.diverged_at, band, lr)


@checked(bounds=keys_of("monotone", "converge", values=POSITIVE))
def slider_exponents(bounds: dict) -> tuple[float, float, float]:
    r"""``(lo_exp, hi_exp, log_step)`` of the explorer's log-scale slider, in powers of ten.

    Six slider steps double the rate ($\log_{10} 2 / 6$ each), so the grid passes exactly through
    both band edges $1/\lambda_{\max}$ and $2/\lambda_{\max}$: the learner can stand on the edge
    and see the walk bounce, and no rate just past an edge reads as the edge at three digits.
    The range is 50 steps below $1/\lambda_{\max}$ and 10 above it.
    """
    log_step = float(np.log10(2.0) / 6)
    centre = float(np.log10(1.0 / bounds["lambda_max"]))
    return centre - 50 * log_step, centre + 10 * log_step, log_step


@checked(
    run=has_attrs(("path", "losses", "diverged_at", "band", "lr"), "learning_rate_run(...)"),
    step=count(0),
)
def outcome_text(run: LearningRateRun, step: int) -> str:
    """'diverged at step k', or the loss reached at ``step``; computed from the run itself."""
    if run.diverged_at is not None and step >= run.diverged_at:
        return f"diverged at step {run.diverged_at}"
    return f"loss {run.losses[min(step, len(run.losses) - 1)]:.3g} after {step} steps"


@checked(
    run=has_attrs(("path", "losses", "diverged_at", "band", "lr"), "learning_rate_run(...)"),
    step=count(0),
    num_steps=count(0),
    bounds=keys_of("monotone", "converge", values=POSITIVE),
)
def learning_rate_caption(run: LearningRateRun, step: int, num_steps: int, bounds: dict) -> str:
    """The HTML caption under the explorer: the rate, its band, the outcome at ``step`` and,
    while the walk is not at its end, the outcome after all ``num_steps``; then the band edges."""
    later = ""
    if step < num_steps:
        later = f"After all {num_steps} steps: {outcome_text(run, num_steps)}. "
    return (
        f"η = {run.lr:.3g} (<b>{run.band}</b>): {outcome_text(run, step)}. {later}"
        f"Band edges: 1/λ<sub>max</sub> = {bounds['monotone']:.3g}, "
        f"2/λ<sub>max</sub> = {bounds['converge']:.3g}. Loss on a log scale."
    )


@checked(_finite=True, path=array(ndim=2, finite=False), bounds=array(ndim=2, shape=(2, 2)))
def until_out_of_view(path: np.ndarray, bounds) -> np.ndarray:
    """The rows of ``path`` (T, 2) up to and including the first one outside ``bounds``.

    ``bounds``: ``((x0, x1), (y0, y1))``. A diverging walk's later segments are long lines across
    the whole panel; one segment leaving the frame says where the walk goes without hiding the
    bounces before it.
    """
    (x0, x1), (y0, y1) = bounds
    path = np.asarray(path, dtype=float)
    outside = (path[:, 0] < x0) | (path[:, 0] > x1) | (path[:, 1] < y0) | (path[:, 1] > y1)
    return path if not outside.any() else path[: int(np.argmax(outside)) + 1]
