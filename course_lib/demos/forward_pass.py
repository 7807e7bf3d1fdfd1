"""Pure compute behind ``widgets.forward_pass`` (lesson 3): every layer's values for one input.

Shapes: parameters in the course layout, ``W_l`` (n_l, n_{l-1}) and ``b_l`` (n_l,); one input
``x`` (D,). Each layer is ``layers.dense_forward`` then ``layers.activation_forward``, the
functions the lesson teaches. No matplotlib, no ipywidgets.

Limits: small networks (a few nodes), one input at a time: the numbers label a diagram.
"""

import numpy as np

from course_lib._argspec import ARRAY_LIST, PARAMS, SIZES, TEXT, seed
from course_lib._checked import checked
from course_lib._validation import as_array
from course_lib.demos._choices import activation_key
from course_lib.layers import activation_forward, dense_forward

__all__ = ["forward_values", "edge_signals", "demo_network_params"]


@checked(params=PARAMS)
def forward_values(params: dict, x, hidden_activation="relu", output_activation="sigmoid"):
    r"""Every layer's activations for one input, for drawing on a network diagram.

    .. math:: A_0 = x, \quad A_l = f_l(A_{l-1} W_l^\top + b_l)

    params: {"W1": (n_1, D), "b1": (n_1,), ...} (e.g. ``MLP.params``); x: (D,) one input.
    Returns a list ``[A0, A1, ..., AL]`` of 1-D arrays, shapes (D,), (n_1,), ..., (n_L,).
    """
    A = as_array("forward_values", "x", x, ndim=1).reshape(1, -1)
    num_layers = len(params) // 2
    values = [A[0]]
    for l in range(1, num_layers + 1):
        Z, _ = dense_forward(A, params[f"W{l}"], params[f"b{l}"])
        act = hidden_activation if l < num_layers else output_activation
        key = activation_key("forward_values", act)
        A = activation_forward(Z, key)[0]
        values.append(A[0])
    return values


@checked(params=PARAMS, values=ARRAY_LIST)
def edge_signals(params: dict, values: list) -> list[np.ndarray]:
    r"""What each edge carries for one input: its weight times the value of its source node.

    .. math:: s^{(l)}_{ij} = W^{(l)}_{ij}\, a^{(l-1)}_j \quad\text{so}\quad
              z^{(l)}_i = \textstyle\sum_j s^{(l)}_{ij} + b^{(l)}_i

    params: {"W1": (n_1, n_0), ...}; values: ``[A0, A1, ...]`` from :func:`forward_values`.
    Returns a list of arrays with the shapes of W1, W2, ...
    """
    if len(values) != len(params) // 2 + 1:
        raise ValueError(
            f"edge_signals: values should hold one array per layer, input included "
            f"({len(params) // 2 + 1} for these params), got {len(values)}; pass the list "
            "returned by forward_values."
        )
    for l in range(1, len(values)):
        if params[f"W{l}"].shape[1] != np.shape(values[l - 1])[0]:
            raise ValueError(
                f"edge_signals: values[{l - 1}] has shape {np.shape(values[l - 1])} but W{l} "
                f"has shape {params[f'W{l}'].shape}; pass the list returned by forward_values."
            )
    return [params[f"W{l}"] * np.asarray(values[l - 1])[None, :] for l in range(1, len(values))]


@checked(layer_sizes=SIZES, hidden_activation=TEXT, seed=seed)
def demo_network_params(layer_sizes=(2, 3, 1), hidden_activation="relu", seed: int = 0) -> dict:
    r"""Fixed weights for the forward-pass pictures: an ``MLP`` built with ``default_rng(seed)``.

    .. math:: W_l \sim \mathcal N(0, \sigma_l^2), \quad b_l \sim \mathcal N(0, 0.5^2)

    The MLP starts with zero biases; here they are then drawn from the same generator, so
    a node can be active at x = 0. Returns {"W1": (n_1, n_0), "b1": (n_1,), ...} (copies).
    """
    from course_lib.network import MLP

    rng = np.random.default_rng(seed)
    net = MLP(list(layer_sizes), hidden_activation, "sigmoid", rng=rng)
    params = {k: v.copy() for k, v in net.params.items()}
    for l in range(1, net.num_layers + 1):
        params[f"b{l}"] = rng.normal(0.0, 0.5, size=params[f"b{l}"].shape)
    return params
