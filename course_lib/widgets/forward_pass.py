"""Lesson 3 explorer: forward propagation through a small 2-3-1 network.

Two input sliders (x1 is the main one) feed a network with fixed weights: the learner's own
2-3-1 ``MLP`` when one is passed as ``net`` (the lesson passes the ``net`` it built), otherwise
an ``MLP`` seeded with ``np.random.default_rng(0)``, biases drawn from the same generator (see
``demos.forward_pass.demo_network_params``). Switching the hidden activation keeps the weights:
only the function applied to the hidden weighted sums changes. Each node shows its
activation, and each edge is coloured by the signal it carries, weight times the value of its
source node (red positive, blue negative, width by size), so moving an input shows which paths
light up. The caption
writes the output and the weighted sums of the hidden layer. The picture is
``plotting.plot_network``; a slider event only calls ``update_network`` on the same artists.
"""

import numpy as np

from course_lib._argspec import NUMBER, array, choice
from course_lib._checked import checked
from course_lib.demos.forward_pass import demo_network_params, edge_signals, forward_values
from course_lib.plotting import plot_network, update_network
from course_lib.plotting.figure_updates import Blitter, freeze_layout
from course_lib.widgets._base import explorer_box, float_slider, mark_main, new_figure
from course_lib.widgets._layout import column_grid

__all__ = ["forward_pass_explorer", "forward_pass_static"]

_SIZES = (2, 3, 1)
_HIDDEN = ("relu", "sigmoid", "tanh")


def _network_params(func: str, net) -> dict:
    """Copies of ``net``'s parameters (an ``MLP`` or its ``params`` dict), or the demo network's.

    The explorer has two input sliders and writes one output, so the network must be 2-…-1.
    """
    if net is None:
        return demo_network_params(_SIZES, "relu", seed=0)
    params = getattr(net, "params", net)
    if not isinstance(params, dict) or "W1" not in params:
        raise TypeError(
            f"{func}: net should be an MLP (such as MLP([2, 3, 1], rng=rng)) or its params "
            f"dict, got {type(net).__name__}."
        )
    params = {k: np.array(v, dtype=np.float64) for k, v in params.items()}
    last = len(params) // 2
    if params["W1"].shape[1] != 2 or params[f"W{last}"].shape[0] != 1:
        raise ValueError(
            f"{func}: the explorer has two inputs and one output, so net should be a 2-…-1 "
            f"network; got W1 of shape {params['W1'].shape} and W{last} of shape "
            f"{params[f'W{last}'].shape}."
        )
    return params


def _sizes(params: dict) -> list[int]:
    last = len(params) // 2
    return [params["W1"].shape[1]] + [params[f"W{l}"].shape[0] for l in range(1, last + 1)]


def _show(ax, params, x, hidden) -> list[np.ndarray]:
    """Write the activations for input ``x`` on the nodes and restyle the edges."""
    values = forward_values(params, x, hidden, "sigmoid")
    update_network(ax, weights=edge_signals(params, values), values=values)
    return values


def _moving(ax) -> list:
    """What an input move redraws (``Blitter``), in the order a full draw paints it: the
    edges, the nodes over them (an edge ends at a node's centre), the values on the nodes.
    The title and the layer names stay in the picture kept per hidden activation; ŷ is the
    output node's value (and the caption's), not in the title: a changing title costs as
    much to draw as all the node values together."""
    arts = ax.course_artists
    texts = [text for layer in arts["texts"] for text in layer]
    return [arts["edges"], arts["nodes"], *texts]


def _describe(params, values, hidden) -> str:
    z1 = values[0] @ params["W1"].T + params["b1"]
    sums = ", ".join(f"{z:.2f}" for z in z1)
    acts = ", ".join(f"{a:.2f}" for a in values[1])
    return (
        f"input x = ({values[0][0]:.1f}, {values[0][1]:.1f})<br>hidden: z₁ = x W₁ᵀ + b₁ = "
        f"({sums}), a₁ = {hidden}(z₁) = ({acts})<br>"
        f"output: ŷ = sigmoid(a₁ W₂ᵀ + b₂) = <b>{values[-1][0]:.3f}</b>"
    )


@checked(x1=NUMBER, x2=NUMBER, hidden_activation=choice(*_HIDDEN))
def forward_pass_explorer(
    x1: float = 1.0, x2: float = -0.5, hidden_activation: str = "relu", net=None
):
    r"""Input sliders drive a forward pass through a 2-3-1 network, shown on its diagram.

    .. math:: A_0 = x, \quad A_1 = f(A_0 W_1^\top + b_1), \quad
              \hat y = \sigma(A_1 W_2^\top + b_2)

    x1, x2: starting inputs; hidden_activation: "relu", "sigmoid" or "tanh"; net: the network
    to show (an ``MLP`` with 2 inputs and 1 output, or its params), by default a seeded demo
    network. The weights stay the same whichever hidden activation is picked.
    ``box.update(x1, x2=None, activation=None)`` redraws (None keeps the control's value).
    """
    import ipywidgets as widgets

    if hidden_activation not in _HIDDEN:
        raise ValueError(
            f"forward_pass_explorer: hidden_activation should be one of "
            f"{', '.join(_HIDDEN)}, got {hidden_activation!r}."
        )
    params = _network_params("forward_pass_explorer", net)
    fig, ax = new_figure(5.6, 3.0)
    weights = [params[f"W{l}"] for l in range(1, len(params) // 2 + 1)]
    plot_network(_sizes(params), weights=weights, ax=ax)
    title = ax.set_title("")
    caption = widgets.HTML()

    controls = {
        "x1": mark_main(float_slider("x1", x1)),
        "x2": float_slider("x2", x2),
        "activation": widgets.Dropdown(
            options=list(_HIDDEN), value=hidden_activation, description="hidden f"
        ),
    }

    def show(v: dict) -> str:
        """Write the forward pass for the controls' values ``v`` on the diagram; returns the
        caption that goes with it."""
        x = np.array([v["x1"], v["x2"]], dtype=np.float64)
        values = _show(ax, params, x, v["activation"])
        title.set_text(f"forward pass ({v['activation']} hidden layer)")
        box_values["last"] = values
        return _describe(params, values, v["activation"])

    def update(x1=None, x2=None, activation=None):
        given = {"x1": x1, "x2": x2, "activation": activation}
        v = {k: controls[k].value if given[k] is None else given[k] for k in given}
        text = show(v)
        blitter.update(v["activation"])  # the title names the activation
        caption.value = text  # after the picture, so the browser can decode it sooner

    box_values = {}
    show({k: widget.value for k, widget in controls.items()})
    fig.tight_layout()  # after the first values, so the title has its text and fits
    freeze_layout(fig)  # later draws do not re-measure anything to place the title
    blitter = Blitter(fig, _moving(ax))
    for widget in controls.values():
        widget.observe(lambda _change: update(), names="value")
    update()
    box = explorer_box("forward_pass", list(controls.values()), fig, caption)
    box.update = update
    box.caption = caption
    box.controls = controls
    box.params = params
    box.values = box_values
    box.axes = ax
    return box


@checked(
    inputs=array(ndim=2, shape=(None, 2), max_abs=1e6),
    hidden_activation=choice(*_HIDDEN),
)
def forward_pass_static(
    inputs=((1.0, -0.5), (-1.5, 1.0)), hidden_activation: str = "relu", net=None
):
    r"""The same network for two inputs side by side: different paths light up.

    .. math:: \hat y = \sigma(f(x W_1^\top + b_1) W_2^\top + b_2)

    inputs: a few (x1, x2) pairs, one panel each; net: as for the explorer. Returns a Figure.
    """
    import matplotlib.pyplot as plt

    params = _network_params("forward_pass_static", net)
    with plt.ioff():
        fig, axes = column_grid(len(inputs), 2.9, 3.0)  # two side by side
    for ax, x in zip(np.atleast_1d(axes), inputs, strict=True):
        weights = [params[f"W{l}"] for l in range(1, len(params) // 2 + 1)]
        plot_network(_sizes(params), weights=weights, ax=ax)
        values = _show(ax, params, np.asarray(x, dtype=np.float64), hidden_activation)
        ax.set_title(f"x = ({x[0]:g}, {x[1]:g})  →  ŷ = {values[-1][0]:.3f}")
    fig.tight_layout()
    return fig
