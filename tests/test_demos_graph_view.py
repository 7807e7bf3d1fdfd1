"""The tiny computational graph and the planted-bug network of lesson 6."""

import numpy as np
import pytest

from course_lib.demos.graph_view import BACKWARD_ORDER, tiny_graph
from course_lib.demos.two_layer import (
    buggy_two_layer_gradients,
    demo_problem,
    two_layer_gradients,
    two_layer_loss,
)
from course_lib.gradcheck import numerical_gradient, relative_error
from course_lib.network import MLP


def _graph_loss(**kw) -> float:
    return tiny_graph(**kw)["L"].value


def test_tiny_graph_values_by_hand():
    g = tiny_graph(x=1.0, y=0.0, w1=0.0, b1=0.0, w2=2.0, b2=1.0)
    assert g["z1"].value == 0.0
    assert g["h"].value == 0.5
    assert g["y_hat"].value == 2.0
    assert g["L"].value == 4.0
    assert g["y_hat"].grad == 4.0  # 2 (y_hat - y)
    assert g["w2"].grad == 2.0  # d_y_hat * h
    assert g["z1"].grad == pytest.approx(4.0 * 2.0 * 0.25)  # d_y_hat * w2 * h (1 - h)


@pytest.mark.parametrize("name", ["x", "w1", "b1", "w2", "b2"])
def test_tiny_graph_leaf_gradients_match_finite_differences(name):
    start = {"x": 1.5, "y": 0.5, "w1": 0.8, "b1": -0.5, "w2": 1.5, "b2": 0.2}
    h = 1e-6
    up, down = dict(start), dict(start)
    up[name] += h
    down[name] -= h
    numeric = (_graph_loss(**up) - _graph_loss(**down)) / (2 * h)
    assert tiny_graph(**start)[name].grad == pytest.approx(numeric, rel=1e-7)


def test_tiny_graph_backward_order_lists_every_node_once_loss_first():
    g = tiny_graph()
    assert sorted(BACKWARD_ORDER) == sorted(g)
    assert BACKWARD_ORDER[0] == "L"
    # every node comes after all the nodes computed from it
    for k, name in enumerate(BACKWARD_ORDER):
        children = [n for n, node in g.items() if name in node.parents]
        assert all(BACKWARD_ORDER.index(c) < k for c in children)


def test_tiny_graph_rejects_an_array_where_a_number_belongs():
    with pytest.raises(ValueError, match="tiny_graph"):
        tiny_graph(x=[1.0, 2.0])


def test_two_layer_gradients_match_finite_differences(rng):
    params, X, y = demo_problem(rng)
    grads = two_layer_gradients(params, X, y)
    for name, p in params.items():
        numeric = numerical_gradient(lambda _: two_layer_loss(params, X, y), p)
        assert relative_error(grads[name], numeric) < 1e-7, name


def test_two_layer_gradients_agree_with_MLP_backward(rng):
    params, X, y = demo_problem(rng)
    net = MLP([3, 4, 2], rng=np.random.default_rng(1))
    for k, v in params.items():
        net.params[k][...] = v
    out = net.forward(X)
    mlp_grads = net.backward(2 * (out - y) / out.size)
    for k, g in two_layer_gradients(params, X, y).items():
        np.testing.assert_allclose(mlp_grads[k], g, atol=1e-12)


def test_buggy_gradients_are_wrong_in_W2_only(rng):
    params, X, y = demo_problem(rng)
    right, buggy = two_layer_gradients(params, X, y), buggy_two_layer_gradients(params, X, y)
    wrong = [k for k in params if relative_error(right[k], buggy[k]) > 1e-4]
    assert wrong == ["W2"]


def test_demo_problem_has_negative_hidden_sums_so_the_bug_shows(rng):
    params, X, _ = demo_problem(rng)
    Z1 = X @ params["W1"].T + params["b1"]
    assert np.any(Z1 < 0) and np.any(Z1 > 0)


def test_demo_problem_needs_a_generator():
    with pytest.raises(TypeError, match="rng"):
        demo_problem(0)
