"""Plot helpers for the course: one function per picture, each usable static or live.

Every helper follows one pattern:

* ``plot_x(..., ax=None)`` draws on ``ax`` (or on a new figure when ``ax`` is None) and
  returns the Axes. It never calls ``plt.show()``.
* Titles and captions are computed from the values shown (MSE, learning rate, steps, loss,
  accuracy), so a picture cannot contradict its caption.
* Nothing non-finite is handed to matplotlib: paths and curves stop at their last finite
  point (and the title or legend says so); surfaces mask NaN/inf.
* For live use, the helper keeps the artists it will change in a dict on the Axes,
  ``ax.course_artists`` (with ``"kind"`` naming the helper), and a paired
  ``update_x(ax, ...)`` changes those same artists in place (``set_data``, ``set_offsets``,
  ``set_text``). A widget calls ``plot_x`` once, then ``update_x`` per slider event followed
  by ``fig.canvas.draw_idle()``; it never re-plots.

Keys of ``ax.course_artists`` (besides ``"kind"`` and ``"title"``, the title Text), by helper:

=========================  =================================================================
plot_vectors               arrows (FancyArrowPatch list), texts, origin
plot_matrix                cells, texts ((R, C) object arrays of Rectangle / Text), shape
plot_tensor                cells, texts (per slice k: lists of R*C artists), shape (K, R, C)
plot_network               edges (one LineCollection), nodes (PathCollection), texts (per
                           layer, empty for layers without values), sizes
plot_activation            f_line, grad_line, marker (Line2D)
plot_line_fit              points, line, squares (Rectangle per point), x, y, mse
plot_loss_surface          filled, lines (contour sets), path, start, end (Line2D), value_fn
plot_history               lines (one Line2D per curve), x
plot_decision_boundary     image (AxesImage of the class grid), points (one marker Line2D per
                           class), grid, shape, X, y
plot_digits                image (one mosaic), texts, frames (Rectangle per tile), labels
plot_confusion_matrix      image, texts ((K, K) object array)
=========================  =================================================================

Importing this package changes nothing global; ``use_course_style()`` is opt-in.
Helpers take plain NumPy arrays; only ``plot_activation`` given a name reads the function and
its derivative from ``course_lib.activations`` (their one home).
"""

from .classify_plots import (
    plot_decision_boundary,
    plot_digits,
    update_decision_boundary,
    update_digits,
)
from .fit_plots import plot_line_fit, plot_loss_surface, update_line_fit, update_loss_surface
from .linalg_plots import plot_matrix, plot_tensor, plot_vectors, update_matrix, update_vectors
from .multiples import small_multiples
from .network_plots import plot_activation, plot_network, update_activation, update_network
from .progress_plots import plot_training_progress, update_training_progress
from .style import COLORS, DIVERGING_CMAP, PALETTE, SEQUENTIAL_CMAP, use_course_style
from .training_plots import (
    plot_confusion_matrix,
    plot_history,
    update_confusion_matrix,
    update_history,
)

__all__ = [
    "COLORS",
    "DIVERGING_CMAP",
    "PALETTE",
    "SEQUENTIAL_CMAP",
    "use_course_style",
    "plot_vectors",
    "update_vectors",
    "plot_matrix",
    "update_matrix",
    "plot_tensor",
    "plot_network",
    "update_network",
    "plot_activation",
    "update_activation",
    "plot_line_fit",
    "update_line_fit",
    "plot_loss_surface",
    "update_loss_surface",
    "plot_history",
    "update_history",
    "plot_decision_boundary",
    "update_decision_boundary",
    "plot_digits",
    "update_digits",
    "plot_confusion_matrix",
    "update_confusion_matrix",
    "small_multiples",
    "plot_training_progress",
    "update_training_progress",
]
