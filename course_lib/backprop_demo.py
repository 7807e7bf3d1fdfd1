r"""Backpropagation, small enough to see: a tiny computational graph, and a planted gradient bug.

* :func:`tiny_graph` is a two-node network on ONE number, written as a computational graph:

  .. math:: z_1 = w_1 x + b_1,\quad h = \sigma(z_1),\quad \hat y = z_2 = w_2 h + b_2,\quad
            L = (\hat y - y)^2

  Every node gets its value in a forward sweep and its gradient $\partial L/\partial(\text{node})$
  in a backward sweep, each computed from its local derivative and the gradient of the node
  after it (the chain rule). The widgets in ``course_lib.widgets.graph_view`` draw it.
* :func:`demo_problem`, :func:`two_layer_loss`, :func:`two_layer_gradients` and
  :func:`buggy_two_layer_gradients` are a two-layer ReLU network with an MSE loss and its
  gradients, right and with one planted bug, for the gradient-checking exercise.

Shapes: ``X`` (N, D), ``y`` (N, K); parameters in the course layout, ``W1`` (H, D), ``b1``
(H,), ``W2`` (K, H), ``b2`` (K,). Limits: teaching code, float64, no input checks beyond
the public entry points; nothing here plots.
"""

from dataclasses import dataclass

import numpy as np

from course_lib.activations import sigmoid
from course_lib.validation import as_array

__all__ = [
    "GraphNode",
    "tiny_graph",
    "BACKWARD_ORDER",
    "demo_problem",
    "two_layer_loss",
    "two_layer_gradients",
    "buggy_two_layer_gradients",
]


@dataclass
class GraphNode:
    """One node of the tiny graph: its ``value`` (forward) and ``grad`` = dL/d(node) (backward).

    ``formula`` is how the value is computed, ``local`` how the gradient is computed from the
    next node's gradient (text for the picture), ``parents`` the nodes it is computed from, and
    ``pos`` its (column, row) place in the drawing.
    """

    name: str
    formula: str
    value: float
    grad: float
    local: str
    parents: tuple
    pos: tuple


# the order in which the backward sweep fills in the gradients (the loss first)
BACKWARD_ORDER = ("L", "y_hat", "w2", "h", "b2", "z1", "w1", "b1", "x")


def tiny_graph(x=1.5, y=0.5, w1=0.8, b1=-0.5, w2=1.5, b2=0.2) -> dict:
    r"""Values forward and gradients backward through the tiny graph; returns {name: GraphNode}.

    .. math:: z_1 = w_1 x + b_1, \ h = \sigma(z_1), \ \hat y = w_2 h + b_2, \ L = (\hat y - y)^2

    Backward, with $d$ meaning $\partial L/\partial$:
    $d\hat y = 2(\hat y - y)$, $dw_2 = d\hat y\, h$, $db_2 = d\hat y$, $dh = d\hat y\, w_2$,
    $dz_1 = dh\, \sigma(z_1)(1 - \sigma(z_1))$, $dw_1 = dz_1 x$, $db_1 = dz_1$, $dx = dz_1 w_1$.
    All arguments are numbers; the nodes come in forward order (dicts keep insertion order).
    """
    x, y, w1, b1, w2, b2 = (
        float(as_array("tiny_graph", n, v, ndim=0))
        for n, v in zip(("x", "y", "w1", "b1", "w2", "b2"), (x, y, w1, b1, w2, b2), strict=True)
    )
    # forward: each value from its parents
    z1 = w1 * x + b1
    h = float(sigmoid(z1))
    y_hat = w2 * h + b2
    loss = (y_hat - y) ** 2
    # backward: each gradient = (gradient of the node after it) x (local derivative)
    d_y_hat = 2.0 * (y_hat - y)
    dw2, db2, dh = d_y_hat * h, d_y_hat, d_y_hat * w2
    dz1 = dh * h * (1.0 - h)
    dw1, db1, dx = dz1 * x, dz1, dz1 * w1
    nodes = [
        GraphNode("x", "input", x, dx, "dz1 · w1", (), (0, 0)),
        GraphNode("w1", "weight", w1, dw1, "dz1 · x", (), (0, 1)),
        GraphNode("b1", "bias", b1, db1, "dz1 · 1", (), (0, 2)),
        GraphNode("z1", "w1·x + b1", z1, dz1, "dh · σ(z1)(1 − σ(z1))", ("x", "w1", "b1"), (1, 1)),
        GraphNode("h", "σ(z1)", h, dh, "dy_hat · w2", ("z1",), (2, 1)),
        GraphNode("w2", "weight", w2, dw2, "dy_hat · h", (), (2, 0)),
        GraphNode("b2", "bias", b2, db2, "dy_hat · 1", (), (2, 2)),
        GraphNode("y_hat", "w2·h + b2", y_hat, d_y_hat, "2 (y_hat − y)", ("w2", "h", "b2"), (3, 1)),
        GraphNode("L", f"(y_hat − y)², y = {y:g}", loss, 1.0, "dL/dL = 1", ("y_hat",), (4, 1)),
    ]
    return {node.name: node for node in nodes}


# ---- the gradient-checking exercise: a two-layer network with a planted bug -----------------


def demo_problem(rng: np.random.Generator, n: int = 8, d: int = 3, hidden: int = 4, k: int = 2):
    r"""Random parameters and data for a ``d``-``hidden``-``k`` ReLU network with an MSE loss.

    Returns ``(params, X, y)``: params {"W1": (H, D), "b1": (H,), "W2": (K, H), "b2": (K,)},
    X (N, D), y (N, K). The biases are non-zero and some hidden weighted sums are negative, so a
    ReLU mask matters.
    """
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"demo_problem: rng should be a numpy Generator, e.g. np.random.default_rng(0), "
            f"got {type(rng).__name__}."
        )
    params = {
        "W1": rng.normal(size=(hidden, d)),
        "b1": 0.1 * rng.normal(size=hidden),
        "W2": rng.normal(size=(k, hidden)),
        "b2": 0.1 * rng.normal(size=k),
    }
    X = rng.normal(size=(n, d))
    y = rng.normal(size=(n, k))
    return params, X, y


def _forward(params, X):
    Z1 = X @ params["W1"].T + params["b1"]
    A1 = np.maximum(Z1, 0.0)
    return Z1, A1, A1 @ params["W2"].T + params["b2"]


def two_layer_loss(params: dict, X, y) -> float:
    r"""MSE of the two-layer ReLU network: $L = \frac{1}{NK}\sum (\hat Y - Y)^2$.

    .. math:: Z_1 = X W_1^\top + b_1,\ A_1 = \mathrm{relu}(Z_1),\ \hat Y = A_1 W_2^\top + b_2

    params: as from :func:`demo_problem`; X (N, D); y (N, K). Returns a float. It reads the
    parameter arrays at call time, so ``gradcheck.numerical_gradient`` can nudge them in place.
    """
    _, _, y_hat = _forward(params, X)
    return float(np.mean((y_hat - y) ** 2))


def two_layer_gradients(params: dict, X, y) -> dict:
    r"""The right gradients of :func:`two_layer_loss`, by backpropagation.

    .. math:: d\hat Y = \tfrac{2}{NK}(\hat Y - Y),\ dW_2 = d\hat Y^\top A_1,\
              db_2 = \textstyle\sum_n d\hat Y,\ dZ_1 = (d\hat Y W_2) \odot [Z_1 > 0],\
              dW_1 = dZ_1^\top X,\ db_1 = \textstyle\sum_n dZ_1

    Returns {"W1": (H, D), "b1": (H,), "W2": (K, H), "b2": (K,)}.
    """
    Z1, A1, y_hat = _forward(params, X)
    d_y_hat = 2.0 * (y_hat - y) / y_hat.size
    dZ1 = (d_y_hat @ params["W2"]) * (Z1 > 0)
    return {
        "W1": dZ1.T @ X,
        "b1": dZ1.sum(axis=0),
        "W2": d_y_hat.T @ A1,
        "b2": d_y_hat.sum(axis=0),
    }


def buggy_two_layer_gradients(params: dict, X, y) -> dict:
    r"""Like :func:`two_layer_gradients`, but one of the four gradients has a planted bug.

    .. math:: \text{(one of } dW_1, db_1, dW_2, db_2 \text{ is wrong: find it by gradient
              checking)}

    Same arguments and shapes as :func:`two_layer_gradients`. Which one, and why, is written in
    the lesson's collapsed solution (and in the test), not here.
    """
    grads = two_layer_gradients(params, X, y)
    Z1, _, y_hat = _forward(params, X)
    d_y_hat = 2.0 * (y_hat - y) / y_hat.size
    grads["W2"] = d_y_hat.T @ Z1
    return grads
