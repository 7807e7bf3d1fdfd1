"""plot_eigenvectors (lesson 5): the lines it draws are H's eigenvectors, labelled with their
eigenvalues, and a matrix it cannot picture is refused with a message naming the problem."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.lines import AxLine  # noqa: E402

from course_lib.plotting.eigen_plots import plot_eigenvectors  # noqa: E402
from course_lib.surfaces import Quadratic  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _eigen_lines(ax) -> list[np.ndarray]:
    """The unit direction of every infinite line (axline) through the origin on ax."""
    out = []
    for line in ax.get_lines():
        if isinstance(line, AxLine):
            d = np.asarray(line.get_xy2(), float) - np.asarray(line.get_xy1(), float)
            out.append(d / np.linalg.norm(d))
    return out


@pytest.mark.parametrize("view", ["map", "bowl"])
def test_the_drawn_axes_are_eigenvectors_labelled_with_their_eigenvalues(view):
    H = Quadratic(condition_number=5.0, rotation=np.pi / 6).H  # eigenvalues 1 and 0.2
    ax = plot_eigenvectors(H, view=view)
    directions = _eigen_lines(ax)
    assert len(directions) == 2
    for q, lam in zip(directions, (1.0, 0.2), strict=True):
        np.testing.assert_allclose(H @ q, lam * q, atol=1e-12)  # H q = lambda q
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "1" in texts and "0.2" in texts


def test_map_view_turns_an_ordinary_vector_but_not_the_eigenvectors():
    H = np.array([[2.0, 1.0], [1.0, 2.0]])  # eigenvalues 3 and 1
    ax = plot_eigenvectors(H, view="map")
    texts = [t.get_text() for t in ax.texts]
    assert "q₁, Hq₁ = 3 q₁" in texts and "q₂, Hq₂ = 1 q₂" in texts
    assert "v" in texts and "Hv" in texts


@pytest.mark.parametrize(
    ("H", "view", "pattern"),
    [
        (np.eye(3), "bowl", r"symmetric 2 x 2 matrix, got shape \(3, 3\)"),
        (np.array([[1.0, 2.0], [0.0, 1.0]]), "bowl", "not symmetric"),
        (np.diag([1.0, -1.0]), "bowl", "needs a bowl"),
        (np.eye(2), "side", "view should be 'map' or 'bowl'"),
    ],
)
def test_plot_eigenvectors_refuses_what_it_cannot_draw(H, view, pattern):
    with pytest.raises(ValueError, match=pattern):
        plot_eigenvectors(H, view=view)
