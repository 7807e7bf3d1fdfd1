"""Pure compute behind ``widgets.line_fit`` (lessons 4-5): a line's predictions, its mean squared
error, and the least-squares line.

Shapes: ``x`` and ``y`` are (N,), one point per entry. No matplotlib, no ipywidgets.
"""

import numpy as np

from course_lib._argspec import NUMBER, array
from course_lib._checked import checked
from course_lib._validation import as_array
from course_lib.losses import mse

__all__ = ["line_predictions", "best_fit_line"]


@checked(_finite=True, x=array(ndim=1), y=array(ndim=1), slope=NUMBER, intercept=NUMBER)
def line_predictions(x, y, slope: float, intercept: float) -> tuple[np.ndarray, float]:
    r"""Predictions of the line and their mean squared error on the data.

    .. math:: \hat y_i = m x_i + c, \qquad \mathrm{MSE} = \frac1N \sum_i (\hat y_i - y_i)^2

    x, y: (N,). Returns ``(y_hat, mse)`` with y_hat of shape (N,).
    """
    x = as_array("line_predictions", "x", x, ndim=1)
    y_hat = float(slope) * x + float(intercept)
    return y_hat, mse(y_hat, y)


@checked(_finite=True)
def best_fit_line(x, y) -> tuple[float, float, float]:
    r"""The least-squares line through the data: the slope and intercept with the lowest MSE.

    .. math:: (m^*, c^*) = \arg\min_{m, c} \frac1N \sum_i (m x_i + c - y_i)^2

    Solved with ``np.linalg.lstsq`` on the design matrix [x, 1] of shape (N, 2).
    x, y: (N,), N >= 2 with at least two different x. Returns ``(slope, intercept, mse)``.
    """
    x = as_array("best_fit_line", "x", x, ndim=1)
    y = as_array("best_fit_line", "y", y, ndim=1)
    if x.shape != y.shape:
        raise ValueError(
            f"best_fit_line: x has shape {x.shape} but y has shape {y.shape}; "
            "they need one entry per point each."
        )
    if np.ptp(x) == 0:
        raise ValueError(
            "best_fit_line: all x are equal, so no single line fits best; "
            "use points with at least two different x values."
        )
    design = np.column_stack([x, np.ones_like(x)])
    (slope, intercept), *_ = np.linalg.lstsq(design, y, rcond=None)
    _, err = line_predictions(x, y, slope, intercept)
    return float(slope), float(intercept), err
