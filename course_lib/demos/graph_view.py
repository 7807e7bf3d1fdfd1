r"""Pure compute behind ``widgets.graph_view`` (lesson 6): backpropagation on a graph small
enough to see.

:func:`tiny_graph` is a two-node network on ONE number, written as a computational graph:

  .. math:: z_1 = w_1 x + b_1,\quad h = \sigma(z_1),\quad \hat y = z_2 = w_2 h + b_2,\quad
            L = (\hat y - y)^2

  Every node gets its value in a forward sweep and its gradient $\partial L/\partial(\text{node})$
  in a backward sweep, each computed from its local derivative and the gradient of the node
after it (the chain rule). The widgets in ``course_lib.widgets.graph_view`` draw it.

Limits: one number flows through the graph (no batches); nothing here plots.
"""

from dataclasses import dataclass

from course_lib._argspec import NUMBER
from course_lib._checked import checked
from course_lib.activations import sigmoid

__all__ = ["GraphNode", "tiny_graph", "BACKWARD_ORDER"]


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


@checked(_finite=True, x=NUMBER, y=NUMBER, w1=NUMBER, b1=NUMBER, w2=NUMBER, b2=NUMBER)
def tiny_graph(x=1.5, y=0.5, w1=0.8, b1=-0.5, w2=1.5, b2=0.2) -> dict:
    r"""Values forward and gradients backward through the tiny graph; returns {name: GraphNode}.

    .. math:: z_1 = w_1 x + b_1, \ h = \sigma(z_1), \ \hat y = w_2 h + b_2, \ L = (\hat y - y)^2

    Backward, with $d$ meaning $\partial L/\partial$:
    $d\hat y = 2(\hat y - y)$, $dw_2 = d\hat y\, h$, $db_2 = d\hat y$, $dh = d\hat y\, w_2$,
    $dz_1 = dh\, \sigma(z_1)(1 - \sigma(z_1))$, $dw_1 = dz_1 x$, $db_1 = dz_1$, $dx = dz_1 w_1$.
    All arguments are numbers; the nodes come in forward order (dicts keep insertion order).
    """
    x, y, w1, b1, w2, b2 = (float(v) for v in (x, y, w1, b1, w2, b2))
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
