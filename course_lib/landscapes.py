r"""Loss landscapes: small 1-D and 2-D functions for watching an optimizer walk downhill.

Each surface is a tiny class with ``value``, ``gradient`` and ``hessian`` (``second_derivative``
for 1-D functions), plus what a picture needs: ``name``, ``default_start``, ``bounds`` and the
known ``minima``. The 1-D functions are defined here; the 2-D surfaces (``Quadratic``,
``Rosenbrock``, ``Himmelblau``) live in :mod:`course_lib.surfaces`.
``descend`` runs any optimizer of :mod:`course_lib.optimizers` on a surface and
returns the path it took; ``learning_rate_bounds`` and ``classify_learning_rate`` turn the
curvature of a quadratic into the learning-rate bands a slider can show.

Shapes: a 2-D point ``p`` has shape ``(2,)``; ``value`` also accepts ``(..., 2)`` and returns
``(...)``, so ``value_grid(XX, YY)`` fills a contour grid in one call. 1-D functions take a float
or an array of any shape and work elementwise.

Limits: these are teaching toys in float64; nothing here is a general optimisation library.
"""

from dataclasses import dataclass

import numpy as np

from course_lib._argspec import OPTIMIZER, POSITIVE, SURFACE, array, keys_of
from course_lib._checked import OverflowValueError, checked
from course_lib._validation import as_array, check_int, check_positive
from course_lib.surfaces import _Surface2D

__all__ = [
    "Parabola1D",
    "DoubleWell1D",
    "DescentResult",
    "descend",
    "learning_rate_bounds",
    "classify_learning_rate",
]


_AT_X = checked(_finite=True, x=array(allow_empty=True))


class Parabola1D:
    r"""$f(x) = \tfrac12 k (x - c)^2$: the 1-D bowl of the learning-rate pictures.

    ``H`` (shape ``(1, 1)``) is its curvature $k$, so ``learning_rate_bounds`` works on it too.
    """

    @checked("Parabola1D", _finite=True)
    def __init__(self, curvature: float = 1.0, center: float = 0.0):
        self.k = check_positive("Parabola1D", "curvature", curvature)
        self.c = float(as_array("Parabola1D", "center", center, ndim=0))
        self.H = np.array([[self.k]])
        self.name = "parabola"
        self.default_start = self.c - 4.0
        self.bounds = (self.c - 5.0, self.c + 5.0)
        self.minima = np.array([self.c])

    @_AT_X
    def value(self, x):
        r"""$\tfrac12 k (x-c)^2$, elementwise."""
        return 0.5 * self.k * (np.asarray(x, float) - self.c) ** 2

    @_AT_X
    def gradient(self, x):
        r"""$f'(x) = k (x - c)$, elementwise."""
        return self.k * (np.asarray(x, float) - self.c)

    @_AT_X
    def second_derivative(self, x):
        r"""$f''(x) = k$, elementwise."""
        return np.full(np.shape(x), self.k)

    def __repr__(self) -> str:
        return f"Parabola1D(curvature={self.k!r}, center={self.c!r})"


class DoubleWell1D:
    r"""A tilted double well $f(x) = \tfrac14 x^4 - x^2 + t\,x$ with two minima.

    With the default tilt $t = 0.3$ the left well is deeper (the global minimum) and the right one
    is a local minimum that traps a start on the right. Two wells exist while
    $|t| < \sqrt{32/27} \approx 1.09$; beyond that ``minima`` holds just one point.
    """

    @checked("DoubleWell1D", _finite=True)
    def __init__(self, tilt: float = 0.3):
        self.t = float(as_array("DoubleWell1D", "tilt", tilt, ndim=0))
        crit = np.roots([1.0, 0.0, -2.0, self.t])  # f'(x) = x^3 - 2x + t
        crit = np.sort(crit[np.abs(crit.imag) < 1e-12].real)
        self.minima = crit[self.second_derivative(crit) > 0]
        self.name = "double well"
        self.default_start = 2.0
        self.bounds = (-2.5, 2.5)

    @_AT_X
    def value(self, x):
        r"""$\tfrac14 x^4 - x^2 + t x$, elementwise."""
        x = np.asarray(x, float)
        return 0.25 * x**4 - x**2 + self.t * x

    @_AT_X
    def gradient(self, x):
        r"""$f'(x) = x^3 - 2x + t$, elementwise."""
        x = np.asarray(x, float)
        return x**3 - 2 * x + self.t

    @_AT_X
    def second_derivative(self, x):
        r"""$f''(x) = 3x^2 - 2$, elementwise."""
        return 3 * np.asarray(x, float) ** 2 - 2

    def __repr__(self) -> str:
        return f"DoubleWell1D(tilt={self.t!r})"


@dataclass
class DescentResult:
    """What ``descend`` returns; unpacks as ``path, losses = descend(...)``.

    ``path``: shape ``(K+1, 2)`` for a surface, ``(K+1,)`` for a 1-D function (start included).
    ``losses``: shape ``(K+1,)``. ``diverged_at``: None, or the index of the first point that
    blew up; that point is *not* in ``path``, so then ``len(path) == diverged_at``.
    """

    path: np.ndarray
    losses: np.ndarray
    diverged_at: int | None = None

    def __iter__(self):
        return iter((self.path, self.losses))


@checked(surface=SURFACE, optimizer=OPTIMIZER)
def descend(surface, start, optimizer, num_steps: int, max_value: float = 1e6) -> DescentResult:
    r"""Run ``optimizer`` on ``surface`` for ``num_steps`` steps from ``start``.

    Each step is $\theta \leftarrow \text{optimizer}(\theta, \nabla f(\theta))$, through
    ``optimizer.step({"theta": theta}, {"theta": grad})``. The optimizer is ``reset()`` first,
    so one optimizer object can draw several paths. If a point is not finite or its value exceeds
    ``max_value``, the walk stops there and ``diverged_at`` says where (no warning is raised).

    ``start``: shape ``(2,)`` for a surface, a float for a 1-D function (None: the surface's
    ``default_start``). Returns a :class:`DescentResult`.
    """
    if not all(hasattr(surface, a) for a in ("value", "gradient")):
        raise TypeError(
            f"descend: surface should be a landscape object with value() and "
            f"gradient(), e.g. Quadratic(), got {type(surface).__name__}."
        )
    if not hasattr(optimizer, "step"):
        raise TypeError(
            f"descend: optimizer should be e.g. optimizers.GradientDescent(lr=0.1), "
            f"got {type(optimizer).__name__}."
        )
    num_steps = check_int("descend", "num_steps", num_steps, minimum=0)
    max_value = check_positive("descend", "max_value", max_value)
    one_d = not isinstance(surface, _Surface2D)
    start = surface.default_start if start is None else start
    theta = as_array("descend", "start", start, ndim=0 if one_d else 1).reshape(-1).copy()
    if not one_d and theta.shape != (2,):
        raise ValueError(
            f"descend: start should have shape (2,) for a 2-D surface, got {theta.shape}."
        )
    f = (lambda t: float(surface.value(t[0]))) if one_d else (lambda t: float(surface.value(t)))
    grad = (lambda t: np.atleast_1d(surface.gradient(t[0]))) if one_d else surface.gradient
    optimizer.reset()
    params = {"theta": theta}
    path, losses = [theta.copy()], [f(theta)]
    diverged_at = None
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for k in range(1, num_steps + 1):
            try:  # a course surface refuses a point so far out that its value overflows
                optimizer.step(params, {"theta": np.asarray(grad(theta), float)})
                loss = f(theta)
            except OverflowValueError:
                loss = np.inf
            if not (np.all(np.isfinite(theta)) and np.isfinite(loss) and loss <= max_value):
                diverged_at = k
                break
            path.append(theta.copy())
            losses.append(loss)
    path = np.array(path)
    return DescentResult(path[:, 0] if one_d else path, np.array(losses), diverged_at)


def learning_rate_bounds(surface_or_hessian) -> dict:
    r"""The learning rates that matter for gradient descent on a quadratic.

    On $f = \tfrac12 p^\top H p$ a GD step multiplies the error along eigenvector $i$ by
    $1 - \eta\lambda_i$. So with $\eta \le 1/\lambda_{\max}$ every direction shrinks without
    changing sign (``monotone``); with $\eta < 2/\lambda_{\max}$ every direction still shrinks but
    the steepest one flips sign each step (``converge`` is the edge); and
    $\eta = 2/(\lambda_{\min} + \lambda_{\max})$ makes the slowest direction as fast as possible
    (``optimal``).

    ``surface_or_hessian``: a ``Quadratic`` or ``Parabola1D`` (its ``H`` is used), a positive
    curvature (float), or a symmetric positive definite matrix of shape ``(d, d)``.
    Returns a dict with ``lambda_max``, ``lambda_min``, ``monotone``, ``converge``, ``optimal``.
    """
    H = getattr(surface_or_hessian, "H", surface_or_hessian)
    H = np.atleast_2d(as_array("learning_rate_bounds", "surface_or_hessian", H, ndim=(0, 2)))
    if H.shape[0] != H.shape[1] or not np.allclose(H, H.T):
        raise ValueError(
            f"learning_rate_bounds: the Hessian must be a symmetric square matrix, "
            f"got shape {H.shape}."
        )
    lam = np.linalg.eigvalsh(H)
    if lam[0] <= 0:
        raise ValueError(
            f"learning_rate_bounds: the Hessian must be positive definite (a bowl); "
            f"its smallest eigenvalue is {lam[0]:.3g}. These bounds only hold for a "
            "convex quadratic."
        )
    lmin, lmax = float(lam[0]), float(lam[-1])
    return {
        "lambda_max": lmax,
        "lambda_min": lmin,
        "monotone": 1 / lmax,
        "converge": 2 / lmax,
        "optimal": 2 / (lmin + lmax),
    }


@checked(lr=POSITIVE, bounds=keys_of("monotone", "converge", values=POSITIVE))
def classify_learning_rate(lr: float, bounds: dict) -> str:
    r"""Name the band ``lr`` falls in, from ``learning_rate_bounds`` output.

    "too small": $\eta < 0.1/\lambda_{\max}$ (each step removes under 10 % of the error along the
    steepest direction, so the walk crawls); "good": up to $1/\lambda_{\max}$ (smooth, monotone);
    "oscillating": below $2/\lambda_{\max}$ (converges while zig-zagging); "bouncing": exactly at
    $2/\lambda_{\max}$ (to within rounding: the steepest direction is multiplied by $-1$ each
    step, so the walk bounces between two points for ever, neither converging nor growing);
    "diverging": above $2/\lambda_{\max}$ (each bounce is larger than the one before).
    """
    lr = check_positive("classify_learning_rate", "lr", lr)
    if not isinstance(bounds, dict) or "monotone" not in bounds or "converge" not in bounds:
        raise TypeError(
            "classify_learning_rate: bounds should be the dict returned by "
            "learning_rate_bounds(...)."
        )
    if lr < 0.1 * bounds["monotone"]:
        return "too small"
    if lr <= bounds["monotone"]:
        return "good"
    if np.isclose(lr, bounds["converge"], rtol=1e-9, atol=0.0):
        return "bouncing"  # a band of width zero: the edge itself
    if lr < bounds["converge"]:
        return "oscillating"
    return "diverging"
