"""The computational-graph picture: gradients appear in backward order, titles follow."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from course_lib.demos.graph_view import BACKWARD_ORDER, tiny_graph  # noqa: E402
from course_lib.widgets.graph_view import (  # noqa: E402
    graph_animation,
    graph_static,
    plot_graph,
    update_graph,
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_plot_graph_shows_no_gradient_after_the_forward_pass():
    ax = plot_graph(tiny_graph())
    assert all(t.get_text() == "" for t in ax.course_artists["grads"].values())
    assert "forward pass" in ax.get_title()


def test_update_graph_reveals_gradients_in_backward_order():
    g = tiny_graph()
    ax = update_graph(plot_graph(g), 3)
    shown = [n for n, t in ax.course_artists["grads"].items() if t.get_text()]
    assert sorted(shown) == sorted(BACKWARD_ORDER[:3])
    assert f"{g['w2'].grad:.3g}" in ax.course_artists["grads"]["w2"].get_text()


def test_graph_animation_last_frame_is_complete():
    box = graph_animation(tiny_graph())
    box.update(len(BACKWARD_ORDER))
    assert "complete" in box.figure.axes[0].get_title()


def test_graph_static_has_three_panels():
    fig = graph_static(tiny_graph())
    assert len([ax for ax in fig.axes if ax.get_visible()]) == 3
