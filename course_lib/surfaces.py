r"""Two-dimensional loss surfaces: a tilted bowl and two classic test functions.

``Quadratic`` is the bowl $\tfrac12 p^\top H p$ (condition number and rotation set by the
caller), ``Rosenbrock`` the curved banana valley and ``Himmelblau`` the function with four
minima. Each has ``value``, ``gradient`` and ``hessian``, plus what a picture needs: ``name``,
``default_start``, ``bounds`` and the known ``minima``. ``landscapes`` re-exports them beside
the 1-D functions, ``descend`` and the learning-rate bounds.

Shapes: a point ``p`` has shape ``(2,)``; ``value`` also accepts ``(..., 2)`` and returns
``(...)``, so ``value_grid(XX, YY)`` fills a contour grid of shape ``(H, W)`` in one call.

Limits: teaching toys in float64; nothing here is a general optimisation library.
"""

import numpy as np

from course_lib._checked import checked
from course_lib._validation import as_array, check_positive

__all__ = ["Quadratic", "Rosenbrock", "Himmelblau"]


def _points(func, name, value):
    """Points (x, y): shape (2,) or (..., 2), finite."""
    arr = as_array(func, name, value, ndim=(1, 2, 3))
    if arr.shape[-1] != 2:
        raise ValueError(
            f"{func}: {name} has shape {arr.shape}; it should hold points (x, y): shape (2,) "
            "for one point, (..., 2) for several."
        )


def _point(func, name, value):
    """One point (x, y): shape (2,), finite."""
    _points(func, name, value)
    if np.shape(value) != (2,):
        raise ValueError(
            f"{func}: {name} should be one point (x, y), shape (2,), got {np.shape(value)}."
        )


_VALUE = checked(_finite=True, p=_points)
_AT_POINT = checked(_finite=True, p=_point)


class _Surface2D:
    """Shared plumbing: grid evaluation and a readable repr."""

    name = "surface"

    def value_grid(self, XX: np.ndarray, YY: np.ndarray) -> np.ndarray:
        """Evaluate on a mesh: ``XX`` and ``YY`` of shape ``(H, W)`` -> values ``(H, W)``."""
        return self.value(np.stack([np.asarray(XX, float), np.asarray(YY, float)], axis=-1))

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self._args.items())
        return f"{type(self).__name__}({args})"


class Quadratic(_Surface2D):
    r"""A bowl $f(p) = \tfrac12 p^\top H p$ with minimum at the origin.

    $H = R(\phi)\,\mathrm{diag}(\lambda_{\max}, \lambda_{\min})\,R(\phi)^\top$ with
    $\lambda_{\max} = $ ``scale`` and $\lambda_{\min} = $ ``scale / condition_number``; $R(\phi)$
    rotates by ``rotation`` radians. Keeping $\lambda_{\max}$ fixed means the stable learning
    rates stay the same while the valley gets longer and flatter as the condition number grows.
    """

    def __init__(self, condition_number: float = 1.0, rotation: float = 0.0, scale: float = 1.0):
        kappa = check_positive("Quadratic", "condition_number", condition_number)
        if kappa < 1:
            raise ValueError(
                f"Quadratic: condition_number is lambda_max / lambda_min, so it must "
                f"be at least 1, got {condition_number!r}."
            )
        scale = check_positive("Quadratic", "scale", scale)
        phi = float(as_array("Quadratic", "rotation", rotation, ndim=0))
        self._args = {"condition_number": kappa, "rotation": phi, "scale": scale}
        c, s = np.cos(phi), np.sin(phi)
        R = np.array([[c, -s], [s, c]])
        self.eigenvalues = np.array([scale, scale / kappa])
        self.H = R @ np.diag(self.eigenvalues) @ R.T
        self.name = f"quadratic (condition number {kappa:g})"
        self.default_start = np.array([-4.0, 3.0])
        self.bounds = ((-5.0, 5.0), (-5.0, 5.0))
        self.minima = np.zeros((1, 2))

    @_VALUE
    def value(self, p) -> np.ndarray:
        r"""$\tfrac12 p^\top H p$ for ``p`` of shape ``(..., 2)``; returns shape ``(...)``."""
        p = np.asarray(p, float)
        return 0.5 * np.einsum("...i,ij,...j->...", p, self.H, p)

    @_AT_POINT
    def gradient(self, p) -> np.ndarray:
        r"""$\nabla f = H p$, shape ``(2,)``."""
        return self.H @ np.asarray(p, float)

    @_AT_POINT
    def hessian(self, p) -> np.ndarray:
        r"""$\nabla^2 f = H$ (the same everywhere), shape ``(2, 2)``."""
        return self.H.copy()


class Rosenbrock(_Surface2D):
    r"""The banana valley $f(x, y) = (a - x)^2 + b\,(y - x^2)^2$, minimum at $(a, a^2)$.

    The valley floor is easy to find and very slow to follow: plain gradient descent zig-zags.
    """

    @checked("Rosenbrock", _finite=True)
    def __init__(self, a: float = 1.0, b: float = 100.0):
        self.a = float(as_array("Rosenbrock", "a", a, ndim=0))
        self.b = check_positive("Rosenbrock", "b", b)
        self._args = {"a": self.a, "b": self.b}
        self.name = "Rosenbrock"
        self.default_start = np.array([-1.2, 1.0])
        self.bounds = ((-2.0, 2.0), (-1.0, 3.0))
        self.minima = np.array([[self.a, self.a**2]])

    @_VALUE
    def value(self, p) -> np.ndarray:
        """Value for ``p`` of shape ``(..., 2)``; returns shape ``(...)``."""
        p = np.asarray(p, float)
        x, y = p[..., 0], p[..., 1]
        return (self.a - x) ** 2 + self.b * (y - x**2) ** 2

    @_AT_POINT
    def gradient(self, p) -> np.ndarray:
        r"""$\bigl(-2(a-x) - 4bx(y-x^2),\; 2b(y-x^2)\bigr)$, shape ``(2,)``."""
        x, y = np.asarray(p, float)
        return np.array([-2 * (self.a - x) - 4 * self.b * x * (y - x**2), 2 * self.b * (y - x**2)])

    @_AT_POINT
    def hessian(self, p) -> np.ndarray:
        r"""$\begin{pmatrix}2 - 4by + 12bx^2 & -4bx\\ -4bx & 2b\end{pmatrix}$, shape ``(2, 2)``."""
        x, y = np.asarray(p, float)
        b = self.b
        return np.array([[2 - 4 * b * y + 12 * b * x**2, -4 * b * x], [-4 * b * x, 2 * b]])


class Himmelblau(_Surface2D):
    r"""Himmelblau's function $f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2$.

    Non-convex, with four minima (all with $f = 0$) and a local maximum near $(-0.27, -0.92)$:
    which minimum gradient descent finds depends on where it starts.
    """

    def __init__(self):
        self._args = {}
        self.name = "Himmelblau"
        self.default_start = np.array([-0.5, -0.5])
        self.bounds = ((-5.0, 5.0), (-5.0, 5.0))
        self.minima = np.array(
            [
                [3.0, 2.0],
                [-2.805118086952745, 3.131312518250573],
                [-3.779310253377747, -3.283185991286170],
                [3.584428340330492, -1.848126526964404],
            ]
        )

    @_VALUE
    def value(self, p) -> np.ndarray:
        """Value for ``p`` of shape ``(..., 2)``; returns shape ``(...)``."""
        p = np.asarray(p, float)
        x, y = p[..., 0], p[..., 1]
        return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2

    @_AT_POINT
    def gradient(self, p) -> np.ndarray:
        r"""With $u = x^2 + y - 11$, $v = x + y^2 - 7$: $(4xu + 2v,\; 2u + 4yv)$, shape ``(2,)``."""
        x, y = np.asarray(p, float)
        u, v = x**2 + y - 11, x + y**2 - 7
        return np.array([4 * x * u + 2 * v, 2 * u + 4 * y * v])

    @_AT_POINT
    def hessian(self, p) -> np.ndarray:
        r"""Hessian, shape ``(2, 2)``.

        $\begin{pmatrix}4u + 8x^2 + 2 & 4(x+y)\\ 4(x+y) & 4v + 8y^2 + 2\end{pmatrix}$
        """
        x, y = np.asarray(p, float)
        u, v = x**2 + y - 11, x + y**2 - 7
        return np.array([[4 * u + 8 * x**2 + 2, 4 * (x + y)], [4 * (x + y), 4 * v + 8 * y**2 + 2]])
