"""Lesson 6 picture: a computational graph with values going forward and gradients coming back.

``plot_graph(graph, ax=None, num_grads=0)`` draws the nodes of ``demos.graph_view.tiny_graph``
as boxes (name, formula, value in black) joined by arrows in the forward direction; the first
``num_grads`` nodes of ``demos.graph_view.BACKWARD_ORDER`` also show their gradient dL/d(node) and
how it was computed (in red). ``update_graph(ax, num_grads)`` changes only those texts.
``graph_animation`` plays the backward sweep one node per frame (``animation.animate``), and
``graph_static`` shows it at three moments side by side.

Speed: text is what costs here (each glyph is rendered on every draw: a full draw of the graph
takes 30-50 ms), so the animation draws each frame's text once. ``_SweepFrames`` keeps the graph
without gradients and title, and every frame once drawn: frame k is frame k - 1 plus one gradient
and a new title, and a frame seen before is one copy of pixels.

Layout: each node's ``pos`` = (column, row) of the drawing; no input checks beyond the graph.
"""

from course_lib._argspec import AXES, POSITIVE, count, optional
from course_lib._checked import checked
from course_lib.demos.graph_view import BACKWARD_ORDER
from course_lib.plotting import small_multiples
from course_lib.plotting.animation import animate
from course_lib.plotting.figure_updates import Blitter
from course_lib.widgets._base import new_figure

__all__ = ["plot_graph", "update_graph", "graph_animation", "graph_static"]

_DX, _DY = 2.3, 1.45  # spacing between columns and rows, in data units
GRAD_COLOR = "crimson"


def _graph(func, name, value):
    if not isinstance(value, dict) or not value:
        raise TypeError(
            f"{func}: {name} should be the dict returned by demos.graph_view.tiny_graph(), "
            f"got {type(value).__name__}."
        )


def _xy(node) -> tuple[float, float]:
    col, row = node.pos
    return col * _DX, -row * _DY


def _grad_text(node) -> str:
    return f"dL/d{node.name} = {node.grad:.3g}\n= {node.local}"


@checked(graph=_graph, ax=optional(AXES), num_grads=count(0))
def plot_graph(graph: dict, ax=None, num_grads: int = 0):
    """Draw the graph; the first ``num_grads`` nodes of the backward sweep show their gradient.

    ``graph``: {name: GraphNode} from ``demos.graph_view.tiny_graph``. Returns the Axes, with
    ``ax.course_artists`` holding the gradient texts for ``update_graph``.
    """
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(9.0, 4.2), layout="constrained")
    for node in graph.values():
        x1, y1 = _xy(node)
        for parent in node.parents:
            x0, y0 = _xy(graph[parent])
            ax.annotate(
                "",
                xy=(x1 - 0.55, y1),
                xytext=(x0 + 0.55, y0),
                arrowprops={"arrowstyle": "->", "color": "0.5", "lw": 1.2},
            )
    grads = {}
    for node in graph.values():
        x, y = _xy(node)
        ax.text(
            x,
            y + 0.12,
            f"{node.name}\n{node.formula}\n= {node.value:.3g}",
            ha="center",
            va="bottom",
            fontsize=8,
            bbox={"boxstyle": "round", "fc": "#f2f2f2", "ec": "0.4"},
        )
        grads[node.name] = ax.text(
            x, y + 0.02, "", ha="center", va="top", fontsize=7.5, color=GRAD_COLOR
        )
    cols = [n.pos[0] for n in graph.values()]
    rows = [n.pos[1] for n in graph.values()]
    ax.set_xlim(min(cols) * _DX - 1.2, max(cols) * _DX + 1.2)
    ax.set_ylim(-max(rows) * _DY - 0.75, 1.05)
    ax.set_axis_off()
    title = ax.set_title("", fontsize=10)
    ax.course_artists = {"kind": "graph", "graph": graph, "grads": grads, "title": title}
    return update_graph(ax, num_grads)


@checked(ax=AXES, num_grads=count(0))
def update_graph(ax, num_grads: int):
    """Show the gradients of the first ``num_grads`` nodes of ``BACKWARD_ORDER``; returns ax."""
    arts = ax.course_artists
    graph = arts["graph"]
    order = [name for name in BACKWARD_ORDER if name in graph]
    k = max(0, min(int(num_grads), len(order)))
    for i, name in enumerate(order):
        arts["grads"][name].set_text(_grad_text(graph[name]) if i < k else "")
    if k == 0:
        text = f"forward pass: every value computed, loss L = {graph['L'].value:.3g}"
    elif k < len(order):
        text = f"backward pass: {k} of {len(order)} gradients (last: dL/d{order[k - 1]})"
    else:
        text = "backward pass complete: a gradient for every node"
    arts["title"].set_text(text)
    arts["num_grads"] = k
    return ax


class _SweepFrames(Blitter):
    """A ``Blitter`` for a ``plot_graph`` Axes that keeps each frame of the sweep once drawn.

    Its animated artists are the gradient texts and the title, so the picture it keeps after a
    full draw is the graph without them. ``update()`` shows the state ``update_graph`` left
    (``num_grads`` = k): a frame drawn before is put back as it was; a new one starts from the
    nearest kept frame j < k (its title strip wiped back to the graph), draws the gradients
    j..k-1 and the title, and is kept. Any full draw (a new kept graph) drops the frames.
    """

    def __init__(self, fig, ax):
        arts = ax.course_artists
        self.ax, self.title = ax, arts["title"]
        self.grads = [arts["grads"][name] for name in BACKWARD_ORDER if name in arts["graph"]]
        super().__init__(fig, [*self.grads, self.title])
        self.frames, self._graph, self._strip = {}, None, None

    def _can_blit(self) -> bool:
        canvas = self.fig.canvas
        return (
            self.background is not None
            and self._bounds == tuple(self.fig.bbox.bounds)
            and getattr(canvas, "syncing_data_url", False) is False  # ipympl: browser ready
            and hasattr(canvas, "restore_region")
        )

    def _start_from(self, k: int) -> int:
        """Put the nearest kept frame before ``k`` on the canvas; returns its number."""
        canvas, graph = self.fig.canvas, self.background
        if graph is not self._graph:  # a full draw since: a new picture of the graph
            canvas.restore_region(graph)
            strip = self.fig.bbox.frozen()
            strip.y0 = self.ax.bbox.y1  # everything above the Axes: where the title goes
            self._graph, self._strip, self.frames = graph, canvas.copy_from_bbox(strip), {}
        j = max((i for i in self.frames if i < k), default=None)
        if j is None:
            canvas.restore_region(graph)
            return 0
        canvas.restore_region(self.frames[j])
        canvas.restore_region(self._strip)
        return j

    def update(self, key=None) -> None:
        """Show frame ``num_grads`` (see the class notes); a full draw when it cannot blit."""
        if not self._can_blit():
            return super().update(key)
        canvas, k = self.fig.canvas, self.ax.course_artists["num_grads"]
        if k in self.frames and self.background is self._graph:
            canvas.restore_region(self.frames[k])
        else:
            for text in self.grads[self._start_from(k) : k]:
                self.fig.draw_artist(text)
            self.fig.draw_artist(self.title)
            self.frames[k] = canvas.copy_from_bbox(self.fig.bbox)
        canvas.blit(self.fig.bbox)


@checked(graph=_graph, interval_ms=POSITIVE)
def graph_animation(graph: dict, interval_ms: int = 700):
    """Play the backward sweep: frame 0 is the forward pass, frame k adds the k-th gradient.

    Returns the ``animation.animate`` box, with ``.update(k)`` and ``.figure``.
    """
    fig, ax = new_figure(5.8, 3.0)
    plot_graph(graph, ax=ax)
    fig.subplots_adjust(left=0.01, right=0.99, top=0.92, bottom=0.01)
    n = len([name for name in BACKWARD_ORDER if name in graph])

    def update(k: int) -> None:
        update_graph(ax, k)

    box = animate(
        fig,
        update,
        n + 1,
        interval_ms=interval_ms,
        description="gradients",
        name="backprop_graph",
        blit=lambda: _SweepFrames(fig, ax),
    )
    box.update, box.figure = update, fig
    return box


@checked(graph=_graph)
def graph_static(graph: dict):
    """The graph after the forward pass, halfway back, and with every gradient (one row each).

    Returns the Figure (``plotting.small_multiples``).
    """
    n = len([name for name in BACKWARD_ORDER if name in graph])
    settings = [{"graph": graph, "num_grads": k} for k in (0, 4, n)]
    return small_multiples(plot_graph, settings, ncols=1, panel_size=(9.0, 3.6))
