"""Pictures of a network: nodes in layers with weighted edges, and activation functions.

Weights follow the course convention: layer l has ``W`` of shape ``(n_l, n_{l-1})``, one row
per node, so ``W[i, j]`` is the edge from node j of the previous layer to node i. An edge's
width shows ``|W[i, j]|`` and its colour the sign (blue negative, red positive, scaled by the
largest weight in the picture). All edges are one LineCollection, so ``update_network`` can
restyle thousands of them in one call. Values on nodes are written only for layers of at most
``max_text_nodes`` nodes (and only when no layer has more than twice that, so nodes have room).
"""

import numpy as np
from matplotlib import colormaps
from matplotlib.collections import LineCollection
from matplotlib.colors import Normalize

from course_lib._argspec import (
    AXES,
    FUNCTION,
    NUMBER,
    POSITIVE,
    SEQUENCE,
    SIZES,
    array,
    count,
    optional,
)
from course_lib._checked import checked

from .._validation import as_array, check_int
from ..activations import _check_name, get_activation
from .style import COLORS, DIVERGING_CMAP, get_ax, handles, store

__all__ = ["plot_network", "update_network", "plot_activation", "update_activation"]


def _node_positions(layer_sizes):
    """x = layer index, y centred, spacing 1; returns a list of (n_l, 2) arrays."""
    return [
        np.column_stack([np.full(n, float(l)), (n - 1) / 2.0 - np.arange(n)])
        for l, n in enumerate(layer_sizes)
    ]


def _check_weights(func, layer_sizes, weights):
    if len(weights) != len(layer_sizes) - 1:
        raise ValueError(
            f"{func}: {len(layer_sizes)} layers need {len(layer_sizes) - 1} weight matrices, "
            f"got {len(weights)}."
        )
    out = []
    for l, W in enumerate(weights, start=1):
        W = as_array(func, f"weights[{l - 1}]", W, ndim=2)
        want = (layer_sizes[l], layer_sizes[l - 1])
        if W.shape != want:
            hint = " Did you pass W transposed?" if W.shape == want[::-1] else ""
            raise ValueError(
                f"{func}: weights[{l - 1}] has shape {W.shape} but layer sizes "
                f"{layer_sizes[l - 1]} -> {layer_sizes[l]} need {want}: one row per node of "
                f"layer {l}, one column per node of layer {l - 1}.{hint}"
            )
        out.append(W)
    return out


def _check_values(func, layer_sizes, values):
    if len(values) != len(layer_sizes):
        raise ValueError(
            f"{func}: values needs one vector per layer ({len(layer_sizes)}), got {len(values)}."
        )
    out = []
    for l, v in enumerate(values):
        v = as_array(func, f"values[{l}]", v, ndim=(1, 2)).ravel()
        if v.size != layer_sizes[l]:
            raise ValueError(
                f"{func}: values[{l}] has {v.size} numbers but layer {l} has "
                f"{layer_sizes[l]} nodes."
            )
        out.append(v)
    return out


def _edge_style(weights, max_width):
    w = np.concatenate([W.ravel() for W in weights])
    vmax = float(np.max(np.abs(w))) or 1.0
    colors = colormaps[DIVERGING_CMAP](Normalize(-vmax, vmax)(w))
    widths = 0.3 + max_width * np.abs(w) / vmax
    return colors, widths


@checked(layer_sizes=SIZES, ax=optional(AXES), max_width=POSITIVE, max_text_nodes=count(1))
def plot_network(layer_sizes, weights=None, values=None, ax=None, max_width=4.0, max_text_nodes=12):
    r"""Draw a fully connected network: nodes in columns, one edge per weight.

    ``layer_sizes`` = [n_0, n_1, ..., n_L] (inputs first). ``weights`` is a list of L arrays,
    ``weights[l-1]`` of shape (n_l, n_{l-1}); edge j -> i has width :math:`\propto |W_{ij}|`
    and colour by sign. ``values`` is a list of L+1 vectors (shape (n_l,)), e.g. the
    activations :math:`A_0 = x, A_1, \dots, A_L` of one example, written on the nodes.
    The title counts the parameters, :math:`\sum_l n_l (n_{l-1} + 1)` (weights and biases).
    Returns the Axes; ``update_network`` restyles the same artists.
    """
    func = "plot_network"
    if len(layer_sizes) < 2:
        raise ValueError(f"{func}: layer_sizes needs at least 2 layers (inputs, outputs).")
    sizes = [check_int(func, f"layer_sizes[{l}]", n) for l, n in enumerate(layer_sizes)]
    pos = _node_positions(sizes)
    ax = get_ax(ax, (1.6 * len(sizes) + 1.0, min(0.6 * max(sizes) + 1.2, 8)))
    segments = [
        [pos[l - 1][j], pos[l][i]]
        for l in range(1, len(sizes))
        for i in range(sizes[l])
        for j in range(sizes[l - 1])
    ]
    edges = LineCollection(segments, colors=COLORS["grey"], linewidths=1.0, zorder=1)
    ax.add_collection(edges)
    # values are written on a layer's nodes only if it is small and the nodes have room
    roomy = max(sizes) <= 2 * max_text_nodes
    with_text = [roomy and n <= max_text_nodes for n in sizes]
    all_pos = np.vstack(pos)
    node_size = np.concatenate(
        [np.full(n, 700 if t else 120) for n, t in zip(sizes, with_text, strict=True)]
    )
    nodes = ax.scatter(
        all_pos[:, 0],
        all_pos[:, 1],
        s=node_size,
        c="white",
        edgecolors="black",
        linewidths=1.2,
        zorder=2,
    )
    texts = [
        [ax.text(x, y, "", ha="center", va="center", fontsize=8, zorder=3) for x, y in p]
        if t
        else []
        for p, t in zip(pos, with_text, strict=True)
    ]
    bottom = -max(sizes) / 2.0 - 0.2
    names = ["input"] + [f"hidden {l}" for l in range(1, len(sizes) - 1)] + ["output"]
    for l, (name, n) in enumerate(zip(names, sizes, strict=True)):
        ax.text(l, bottom, f"{name}\n({n})", ha="center", va="top", fontsize=9)
    n_params = sum(sizes[l] * (sizes[l - 1] + 1) for l in range(1, len(sizes)))
    arch = "-".join(str(n) for n in sizes)
    title = ax.set_title(f"{arch} network: {n_params} parameters (weights + biases)")
    ax.set_xlim(-0.5, len(sizes) - 0.5)
    ax.set_ylim(bottom - 0.8, max(sizes) / 2.0)
    ax.axis("off")
    store(
        ax,
        "network",
        edges=edges,
        nodes=nodes,
        texts=texts,
        title=title,
        sizes=sizes,
        max_width=max_width,
    )
    update_network(ax, weights=weights, values=values)
    return ax


@checked(ax=AXES, weights=optional(SEQUENCE), values=optional(SEQUENCE))
def update_network(ax, weights=None, values=None):
    """Restyle the edges for new ``weights`` and/or rewrite the node ``values`` in place.

    Same shapes as ``plot_network``; an argument left as None leaves that part unchanged.
    """
    func = "update_network"
    arts = handles(ax, "network", func)
    sizes = arts["sizes"]
    if weights is not None:
        colors, widths = _edge_style(_check_weights(func, sizes, weights), arts["max_width"])
        arts["edges"].set_color(colors)
        arts["edges"].set_linewidth(widths)
    if values is not None:
        for layer_texts, v in zip(arts["texts"], _check_values(func, sizes, values), strict=True):
            for text, value in zip(layer_texts, v, strict=False):
                text.set_text(f"{value:.2f}")
    return ax


# ---- activation functions -------------------------------------------------------------------


def _resolve_activation(func, name_or_f, f_grad):
    """Return (f, f_grad, name, grad_label)."""
    if isinstance(name_or_f, str):
        name = _check_name(func, name_or_f)  # refuses unknown names, listing the valid ones
        f, g = get_activation(name)  # each derivative has one home: course_lib.activations
        return f, (f_grad or g), name, f"{name}′(z)"
    if not callable(name_or_f) or isinstance(name_or_f, type):
        raise TypeError(f"{func}: name_or_f should be a name such as 'relu' or a function.")
    name = getattr(name_or_f, "__name__", "f")
    if f_grad is not None:
        return name_or_f, f_grad, name, f"{name}′(z)"

    def numerical(z, h=1e-5):  # central difference, error of order h**2
        return (name_or_f(z + h) - name_or_f(z - h)) / (2 * h)

    return name_or_f, numerical, name, f"{name}′(z) (numerical)"


@checked(
    f_grad=optional(FUNCTION),
    ax=optional(AXES),
    z_range=array(ndim=1, shape=(2,)),
    z=optional(NUMBER),
    num=count(2),
)
def plot_activation(name_or_f, f_grad=None, ax=None, z_range=(-6.0, 6.0), z=None, num=401):
    r"""Plot an activation :math:`f(z)` and its derivative :math:`f'(z)` over ``z_range``.

    ``name_or_f`` is a name of ``course_lib.activations`` ('sigmoid', 'tanh', 'relu',
    'identity'), drawn with the derivative written there, or a function of a 1-D array; without
    ``f_grad`` the derivative is the central difference :math:`(f(z+h) - f(z-h)) / 2h`.
    Points where either is not finite are left out.
    ``z`` (a number) adds a marker at :math:`(z, f(z))`; ``update_activation`` moves it.
    """
    func = "plot_activation"
    f, g, name, glabel = _resolve_activation(func, name_or_f, f_grad)
    lo, hi = as_array(func, "z_range", z_range, ndim=1)
    zs = np.linspace(lo, hi, num)
    with np.errstate(all="ignore"):  # overflow becomes inf, which is left out below
        fz, gz = np.asarray(f(zs), dtype=np.float64), np.asarray(g(zs), dtype=np.float64)
    ok = np.isfinite(fz) & np.isfinite(gz)
    ax = get_ax(ax, (5.0, 3.5))
    ax.axhline(0, color=COLORS["grey"], lw=0.8)
    ax.axvline(0, color=COLORS["grey"], lw=0.8)
    f_line = ax.plot(zs[ok], fz[ok], color=COLORS["blue"], label=f"{name}(z)")[0]
    g_line = ax.plot(zs[ok], gz[ok], color=COLORS["orange"], ls="--", label=glabel)[0]
    marker = ax.plot([], [], "o", color=COLORS["vermillion"], zorder=3)[0]
    ax.set_xlabel("z")
    ax.grid(True)
    ax.legend(loc="upper left")
    title = ax.set_title(name)
    store(
        ax,
        "activation",
        f_line=f_line,
        grad_line=g_line,
        marker=marker,
        title=title,
        f=f,
        grad=g,
        name=name,
    )
    if z is not None:
        update_activation(ax, z)
    return ax


@checked(ax=AXES, z=NUMBER)
def update_activation(ax, z):
    """Move the marker of a ``plot_activation`` Axes to ``z``; the title shows f(z) and f′(z)."""
    func = "update_activation"
    arts = handles(ax, "activation", func)
    zz = as_array(func, "z", z, ndim=0)
    with np.errstate(all="ignore"):
        fz = float(np.asarray(arts["f"](zz.reshape(1)))[0])
        gz = float(np.asarray(arts["grad"](zz.reshape(1)))[0])
    if np.isfinite(fz):
        arts["marker"].set_data([float(zz)], [fz])
    else:
        arts["marker"].set_data([], [])
    name = arts["name"]
    zs = f"{float(zz):.2g}"
    arts["title"].set_text(f"{name}({zs}) = {fz:.3g},  {name}′({zs}) = {gz:.3g}")
    return ax
