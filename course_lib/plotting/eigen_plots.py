r"""Eigenvectors and eigenvalues of a symmetric 2 x 2 matrix, in two pictures (lesson 5).

``plot_eigenvectors(H, view="map")`` shows what $H$ does to vectors: the unit circle becomes an
ellipse, an ordinary vector $v$ is turned as well as stretched, but each eigenvector $q_i$ stays
on its own line, only scaled by its eigenvalue: $H q_i = \lambda_i q_i$.
``plot_eigenvectors(H, view="bowl")`` draws the contours of the bowl
$L(\theta) = \tfrac12 \theta^\top H \theta$ with the eigenvectors as its axes: along $q_i$ the
bowl is a 1-D parabola of curvature $\lambda_i$.

Shapes: ``H`` is ``(2, 2)``, symmetric. Limits: only 2-D, and ``view="bowl"`` needs positive
eigenvalues (a bowl, not a saddle). Eigenvectors come from ``np.linalg.eigh`` (largest
eigenvalue first here), each with a sign chosen so that it points to the right.
"""

import numpy as np

from course_lib._argspec import AXES, TEXT, number, optional
from course_lib._checked import checked

from .._validation import as_array
from .style import get_ax

__all__ = ["plot_eigenvectors"]

_COLORS = ("crimson", "royalblue")  # q1 (largest eigenvalue), q2


def _eigen(H) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """H checked, its eigenvalues (largest first) and eigenvectors (columns, pointing right)."""
    H = as_array("plot_eigenvectors", "H", H, ndim=2)
    if H.shape != (2, 2) or not np.allclose(H, H.T):
        raise ValueError(
            f"plot_eigenvectors: H should be a symmetric 2 x 2 matrix, got shape {H.shape}"
            + ("" if H.shape != (2, 2) else " (not symmetric: H[0, 1] != H[1, 0])")
            + "."
        )
    lam, Q = np.linalg.eigh(H)
    lam, Q = lam[::-1], Q[:, ::-1]
    Q = Q * np.where(Q[0] < -1e-12, -1.0, 1.0)  # each eigenvector points to the right
    return H, lam, Q


def _arrow(ax, tip, color, lw=2.0, alpha=1.0, zorder=3):
    ax.annotate(
        "",
        xy=tip,
        xytext=(0.0, 0.0),
        arrowprops={"arrowstyle": "-|>", "color": color, "lw": lw, "alpha": alpha},
        zorder=zorder,
    )


def _map_view(ax, H, lam, Q) -> None:
    t = np.linspace(0, 2 * np.pi, 200)
    circle = np.stack([np.cos(t), np.sin(t)])
    ellipse = H @ circle
    ax.plot(*circle, color="0.6", lw=1, ls="--", label="unit circle")
    ax.plot(*ellipse, color="0.3", lw=1, label="H × unit circle")
    v = np.array([np.cos(1.45), np.sin(1.45)])  # an ordinary vector: H turns it
    _arrow(ax, v, "0.55", lw=1.5)
    _arrow(ax, H @ v, "0.2", lw=1.5)
    ax.text(*(1.12 * v), "v", color="0.4", ha="center", va="center")
    ax.text(*(H @ v + 0.12 * v), "Hv", color="0.2", ha="center", va="center")
    for i in range(2):
        q, color = Q[:, i], _COLORS[i]
        ax.axline((0.0, 0.0), tuple(q), color=color, lw=0.8, alpha=0.4)
        _arrow(ax, lam[i] * q, color, lw=6, alpha=0.35, zorder=2)  # H q: wide and pale
        _arrow(ax, q, color, lw=1.8)
        sub = "₁₂"[i]
        ax.text(
            *(np.array([1.05, 1.3][i]) * q + 0.15 * np.array([-q[1], q[0]])),
            f"q{sub}, Hq{sub} = {lam[i]:.3g} q{sub}",
            color=color,
            ha="center",
            va="center",
            fontsize=9,
        )
    reach = 1.35 * max(1.0, float(np.max(np.abs(ellipse))))
    ax.set(xlim=(-reach, reach), ylim=(-reach, reach), aspect="equal")
    ax.set_title("what H does: each eigenvector stays on its line", fontsize=10)
    ax.legend(loc="lower left", fontsize=8, frameon=False)


def _bowl_view(ax, H, lam, Q, bound: float) -> None:
    if lam[-1] <= 0:
        raise ValueError(
            f"plot_eigenvectors: view='bowl' needs a bowl (all eigenvalues positive); H has "
            f"eigenvalue {lam[-1]:.3g}."
        )
    g = np.linspace(-bound, bound, 121)
    T0, T1 = np.meshgrid(g, g)
    L = 0.5 * (H[0, 0] * T0**2 + 2 * H[0, 1] * T0 * T1 + H[1, 1] * T1**2)
    # evenly spaced along the flattest axis, out to the edge of the picture
    levels = 0.5 * lam[-1] * (bound * np.linspace(0.15, 1.0, 7)) ** 2
    ax.contour(T0, T1, L, levels=levels, colors="0.5", linewidths=0.8)
    words = ("steepest", "flattest")
    for i in range(2):
        q, color = Q[:, i], _COLORS[i]
        ax.axline((0.0, 0.0), tuple(q), color=color, lw=2)
        sub = "₁₂"[i]
        ax.text(
            *(0.62 * bound * q + 0.1 * bound * np.array([-q[1], q[0]])),
            f"q{sub}: curvature λ{sub} = {lam[i]:.3g}\n({words[i]})",
            color=color,
            ha="center",
            va="center",
            fontsize=9,
            bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 1},
        )
    ax.plot([0.0], [0.0], "*", color="gold", ms=12, mec="black", zorder=4)
    ax.set(xlim=(-bound, bound), ylim=(-bound, bound), aspect="equal", xlabel="θ₁", ylabel="θ₂")
    ax.set_title("the bowl ½ θᵀHθ: its axes are H's eigenvectors", fontsize=10)


@checked(view=TEXT, ax=optional(AXES), bound=number(lo=1e-6, hi=1e100))
def plot_eigenvectors(H, view: str = "bowl", ax=None, bound: float = 5.0):
    r"""Draw the eigenvectors of a symmetric 2 x 2 matrix ``H``; return the Axes.

    .. math:: H q_i = \lambda_i q_i

    ``view="map"``: the unit circle and its image under $H$ (an ellipse), an ordinary vector
    $v$ and $Hv$ (turned), and each eigenvector $q_i$ (thin arrow) with $Hq_i = \lambda_i q_i$
    (wide pale arrow) on the same line. ``view="bowl"``: contours of
    $\tfrac12\theta^\top H\theta$ on $[-\text{bound}, \text{bound}]^2$ with the eigenvector lines,
    each labelled with its curvature $\lambda_i$. ``H``: shape ``(2, 2)``, symmetric.
    """
    H, lam, Q = _eigen(H)
    ax = get_ax(ax)
    if view == "map":
        _map_view(ax, H, lam, Q)
    elif view == "bowl":
        _bowl_view(ax, H, lam, Q, float(bound))
    else:
        raise ValueError(f"plot_eigenvectors: view should be 'map' or 'bowl', got {view!r}.")
    return ax
