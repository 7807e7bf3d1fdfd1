r"""Judging a trained classifier from its predictions: confusion matrix, mistakes, probabilities.

Everything here but :func:`class_probabilities` works on label arrays only (no model, no
plotting): ``y_true`` and ``y_pred`` are whole numbers ``0..K-1`` of shape ``(N,)``, one per
example. :func:`class_probabilities` turns a trained network's outputs for ``X`` (N, D) into
its probability for every class, ``(N, K)``. Accuracy has one home, ``training.accuracy(model,
X, y)`` (the trace of the confusion matrix over its total); ``plotting.plot_confusion_matrix``
draws what :func:`confusion_matrix` counts.

Limits: single-label classification only; no per-class precision/recall tables.
"""

import numpy as np

from course_lib._argspec import MODEL
from course_lib._checked import checked
from course_lib._validation import as_array, check_int, check_labels, check_same_shape
from course_lib.activations import softmax

__all__ = ["class_probabilities", "confusion_matrix", "mistakes", "most_confused"]


def _labels(func: str, y_true, y_pred) -> tuple[np.ndarray, np.ndarray]:
    yt = check_labels(func, "y_true", y_true)
    yp = check_labels(func, "y_pred", y_pred)
    check_same_shape(func, "y_true", yt, "y_pred", yp)
    return yt, yp


def confusion_matrix(y_true, y_pred, num_classes: int | None = None) -> np.ndarray:
    r"""Count every (true class, predicted class) pair.

    $$C_{jk} = \#\{i : y_i = j,\ \hat y_i = k\}$$

    Row $j$ = true class, column $k$ = predicted class, so the diagonal holds the right answers
    and $\mathrm{accuracy} = \mathrm{tr}(C) / \sum_{jk} C_{jk}$. ``y_true``, ``y_pred``: shape
    ``(N,)``; ``num_classes`` K (default: the largest label + 1). Returns int64 ``(K, K)``.
    """
    yt, yp = _labels("confusion_matrix", y_true, y_pred)
    top = int(max(yt.max(), yp.max())) + 1
    if num_classes is None:
        k = top
    else:
        k = check_int("confusion_matrix", "num_classes", num_classes)
        if k < top:
            raise ValueError(
                f"confusion_matrix: num_classes is {k} but the labels go up to {top - 1}; "
                f"num_classes must be at least {top}."
            )
    counts = np.zeros((k, k), dtype=np.int64)
    np.add.at(counts, (yt, yp), 1)  # add.at counts repeated pairs (fancy += would not)
    return counts


def mistakes(y_true, y_pred) -> np.ndarray:
    r"""Indices of the misclassified examples, $\{i : \hat y_i \ne y_i\}$, in increasing order.

    ``y_true``, ``y_pred``: shape ``(N,)``. Returns int64 of shape ``(number of mistakes,)``,
    ready for ``images[idx]``.
    """
    yt, yp = _labels("mistakes", y_true, y_pred)
    return np.flatnonzero(yt != yp)


def most_confused(cm, k: int = 3) -> list:
    r"""The ``k`` largest off-diagonal counts of a confusion matrix, largest first.

    ``cm``: ``(K, K)`` counts (rows true, columns predicted). Returns a list of
    ``(true class, predicted class, count)`` with count > 0 (so possibly fewer than ``k``).
    """
    counts = as_array("most_confused", "cm", cm, ndim=2)
    if counts.shape[0] != counts.shape[1]:
        raise ValueError(
            f"most_confused: cm has shape {counts.shape}; a confusion matrix is square (K, K)."
        )
    k = check_int("most_confused", "k", k)
    off = counts.copy()
    np.fill_diagonal(off, 0)
    order = np.argsort(-off, axis=None, kind="stable")[:k]
    pairs = [
        (int(i), int(j), int(off[i, j]))
        for i, j in zip(*np.unravel_index(order, off.shape), strict=True)
    ]
    return [p for p in pairs if p[2] > 0]


@checked(model=MODEL)
def class_probabilities(model, X) -> np.ndarray:
    r"""The network's probability for every class, for every row of ``X``.

    $$p_{ik} = \mathrm{softmax}(z_i)_k = \frac{e^{z_{ik}}}{\sum_j e^{z_{ij}}}$$

    where $z_i$ are the network's $K$ outputs (logits) for example $i$; a network whose output
    layer is already a softmax gives its output as it is. ``model``: a ``network.MLP`` with
    $K \ge 2$ outputs; ``X``: ``(N, D)``. Returns ``(N, K)``; each row sums to 1 and its
    argmax is ``model.predict(X)``. Runs ``model.forward``, so it replaces the caches of the
    last forward pass (call it after training, not between forward and backward).
    """
    X = as_array("class_probabilities", "X", X, ndim=2)
    out = model.forward(X)
    if out.ndim != 2 or out.shape[1] < 2:
        raise ValueError(
            f"class_probabilities: the model gives outputs of shape {out.shape}; class "
            "probabilities need one output per class (N, K) with K >= 2. (One sigmoid output? "
            "Its value is already the probability of class 1.)"
        )
    if getattr(model, "output_activation", None) == "softmax":
        return out
    return softmax(out)
