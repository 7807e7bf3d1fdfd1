"""Tests for the pure compute behind the lesson 1-4 explorers (course_lib.demos: matrix_ops,
linear_map, neuron, forward_pass, line_fit)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course_lib.activations import sigmoid
from course_lib.demos import forward_pass, line_fit, linear_map, matrix_ops, neuron

SHEET_A = [[1, 2, 3], [4, 5, 6]]
SHEET_B = [[7, 8], [9, 10], [11, 12]]


def test_matrix_op_steps_multiply_first_entry_is_the_sheets_58():
    steps = matrix_ops.matrix_op_steps("multiply", SHEET_A, SHEET_B)
    first = steps[0]
    assert len(steps) == 4
    assert first.out_cells == ((0, 0),)
    assert first.a_cells == ((0, 0), (0, 1), (0, 2))
    assert first.b_cells == ((0, 0), (1, 0), (2, 0))
    assert first.text == "1·7 + 2·9 + 3·11 = 7 + 18 + 33 = 58"
    assert first.running == (7.0, 25.0, 58.0)
    assert first.filled.sum() == 1 and first.filled[0, 0]


def test_matrix_op_steps_multiply_result_equals_numpy_matmul():
    steps = matrix_ops.matrix_op_steps("multiply", SHEET_A, SHEET_B)
    np.testing.assert_array_equal(steps[-1].result, np.array(SHEET_A) @ np.array(SHEET_B))
    assert steps[-1].filled.all()


def test_matrix_op_steps_multiply_mismatch_gives_linalg_message():
    with pytest.raises(ValueError, match="columns of A .* must equal the number of rows of B"):
        matrix_ops.matrix_op_steps("multiply", SHEET_A, SHEET_A)


def test_matrix_op_steps_scalar_top_left_4_becomes_8():
    A, _ = matrix_ops.default_matrices("scalar")
    steps = matrix_ops.matrix_op_steps("scalar", A, c=2)
    assert A[0, 0] == 4 and steps[0].result[0, 0] == 8
    assert steps[0].text == "2 × 4 = 8"
    np.testing.assert_array_equal(steps[-1].result, 2 * A)


def test_matrix_op_steps_add_top_left_3_plus_4_is_7():
    A, B = matrix_ops.default_matrices("add")
    steps = matrix_ops.matrix_op_steps("add", A, B)
    assert steps[0].text == "3 + 4 = 7"
    np.testing.assert_array_equal(steps[-1].result, A + B)


def test_matrix_op_steps_add_writes_negative_terms_in_brackets():
    steps = matrix_ops.matrix_op_steps("add", [[1.0]], [[-2.0]])
    assert steps[0].text == "1 + (-2) = -1"


def test_matrix_op_steps_add_mismatch_names_both_shapes():
    with pytest.raises(ValueError, match=r"\(2, 3\) but B has shape \(3, 2\)"):
        matrix_ops.matrix_op_steps("add", SHEET_A, SHEET_B)


def test_matrix_op_steps_transpose_first_row_becomes_first_column_of_3x2():
    A, _ = matrix_ops.default_matrices("transpose")
    steps = matrix_ops.matrix_op_steps("transpose", A)
    assert A.shape == (2, 3)  # sheet error 5: the original is 2x3, its transpose 3x2
    assert steps[0].result.shape == (3, 2)
    np.testing.assert_array_equal(steps[0].result[:, 0], [6, 4, 24])
    assert steps[0].filled[:, 0].all() and not steps[0].filled[:, 1].any()
    assert "(6, 4, 24)" in steps[0].text


def test_matrix_op_steps_unknown_operation_lists_choices():
    with pytest.raises(ValueError, match="'multiply'"):
        matrix_ops.matrix_op_steps("divide", SHEET_A)


@settings(max_examples=30, deadline=None)
@given(m=st.integers(1, 4), n=st.integers(1, 4), p=st.integers(1, 4), seed=st.integers(0, 99))
def test_matrix_op_steps_multiply_one_step_per_entry_and_running_sum_ends_at_entry(m, n, p, seed):
    rng = np.random.default_rng(seed)
    A, B = rng.integers(-5, 6, (m, n)), rng.integers(-5, 6, (n, p))
    steps = matrix_ops.matrix_op_steps("multiply", A, B)
    assert len(steps) == m * p
    for s in steps:
        ((i, j),) = s.out_cells
        assert s.running[-1] == pytest.approx((A @ B)[i, j])


def test_grid_lines_shape_and_extent():
    g = linear_map.grid_lines(2.0, 5, 7)
    assert g.shape == (10, 7, 2)
    assert g.min() == -2.0 and g.max() == 2.0


def test_warp_points_identity_map_leaves_points_in_place(rng):
    P = rng.normal(size=(6, 2))
    np.testing.assert_allclose(linear_map.warp_points(P, np.eye(2), np.zeros(2)), P)


def test_warp_points_matches_f_of_x_W_transpose_plus_b(rng):
    P = rng.normal(size=(3, 4, 2))
    W, b = np.array([[1.0, 2.0], [-0.5, 0.3]]), np.array([0.1, -0.2])
    expected = sigmoid(P @ W.T + b)
    np.testing.assert_allclose(linear_map.warp_points(P, W, b, "sigmoid"), expected)


def test_warp_points_relu_never_negative(rng):
    out = linear_map.warp_points(
        rng.normal(size=(50, 2)), [[1.0, -1.0], [2.0, 0.5]], [0.0, -1.0], "relu"
    )
    assert out.min() >= 0.0


def test_warp_points_bad_activation_lists_names():
    with pytest.raises(ValueError, match="unknown activation"):
        linear_map.warp_points(np.zeros((1, 2)), np.eye(2), np.zeros(2), "swish")


def test_determinant_known_values():
    assert linear_map.determinant([[2.0, 1.0], [1.0, 3.0]]) == 5.0
    assert linear_map.determinant([[1.0, 2.0], [2.0, 4.0]]) == 0.0
    assert linear_map.determinant([[0.0, 1.0], [1.0, 0.0]]) == -1.0


def test_determinant_refuses_3x3():
    with pytest.raises(ValueError, match="2x2"):
        linear_map.determinant(np.eye(3))


def test_neuron_output_sigmoid_is_one_half_at_minus_b_over_w():
    w, b = 2.0, 3.0
    x_mid = neuron.neuron_midpoint(w, b)
    assert x_mid == -1.5
    assert neuron.neuron_output(np.array([x_mid]), w, b, "sigmoid")[0] == pytest.approx(0.5)


def test_neuron_output_none_is_the_weighted_sum():
    x = np.array([-1.0, 0.0, 2.0])
    np.testing.assert_allclose(neuron.neuron_output(x, 3.0, -1.0, "none"), 3.0 * x - 1.0)


def test_neuron_midpoint_is_none_for_zero_weight():
    assert neuron.neuron_midpoint(0.0, 1.0) is None


def test_forward_values_matches_hand_computation():
    params = {
        "W1": np.array([[1.0, -1.0], [0.5, 2.0]]),
        "b1": np.array([0.0, -1.0]),
        "W2": np.array([[1.0, 1.0]]),
        "b2": np.array([0.5]),
    }
    values = forward_pass.forward_values(params, [2.0, 1.0], "relu", "sigmoid")
    np.testing.assert_allclose(values[1], [1.0, 2.0])  # relu([1, 2])
    np.testing.assert_allclose(values[2], [sigmoid(3.5)])
    assert [v.shape for v in values] == [(2,), (2,), (1,)]


def test_edge_signals_sum_plus_bias_is_the_weighted_sum():
    params = forward_pass.demo_network_params((2, 3, 1), "relu")
    values = forward_pass.forward_values(params, [0.7, -1.2], "relu", "sigmoid")
    signals = forward_pass.edge_signals(params, values)
    z1 = signals[0].sum(axis=1) + params["b1"]
    np.testing.assert_allclose(np.maximum(z1, 0.0), values[1])
    assert [s.shape for s in signals] == [(3, 2), (1, 3)]


def test_demo_network_params_are_reproducible_and_have_nonzero_biases():
    a, b = forward_pass.demo_network_params(), forward_pass.demo_network_params()
    for k in a:
        np.testing.assert_array_equal(a[k], b[k])
    assert np.all(a["b1"] != 0)


def test_best_fit_line_recovers_exact_line():
    x = np.array([-1.0, 0.0, 1.0, 2.0])
    slope, intercept, err = line_fit.best_fit_line(x, 3.0 * x - 2.0)
    assert slope == pytest.approx(3.0) and intercept == pytest.approx(-2.0)
    assert err == pytest.approx(0.0, abs=1e-20)


def test_best_fit_line_beats_nearby_lines(rng):
    x = rng.uniform(-1, 1, 30)
    y = 2 * x + 1 + 0.3 * rng.normal(size=30)
    m, c, best = line_fit.best_fit_line(x, y)
    for dm, dc in [(0.01, 0), (-0.01, 0), (0, 0.01), (0, -0.01)]:
        assert line_fit.line_predictions(x, y, m + dm, c + dc)[1] > best


def test_line_predictions_mse_by_hand():
    y_hat, err = line_fit.line_predictions([0.0, 1.0], [1.0, 1.0], 2.0, 0.0)
    np.testing.assert_array_equal(y_hat, [0.0, 2.0])
    assert err == 1.0  # ((0-1)^2 + (2-1)^2) / 2


def test_best_fit_line_constant_x_explains():
    with pytest.raises(ValueError, match="all x are equal"):
        line_fit.best_fit_line([1.0, 1.0], [0.0, 2.0])


def test_neuron_title_writes_the_formula_with_its_numbers():
    assert neuron.neuron_title(2.0, -1.0, "sigmoid") == "a = sigmoid(2.0·x − 1.0)"
    assert neuron.neuron_title(0.5, 0.0, "none") == "a = (0.5·x + 0.0)"


def test_neuron_caption_works_the_neuron_out_for_x0():
    text = neuron.neuron_caption(2.0, -1.0, 1.5, "sigmoid")
    assert "z = w·x0 + b = 2.0·1.5 − 1.0 = 2.00" in text
    assert f"a = sigmoid(z) = <b>{sigmoid(2.0):.3f}</b>" in text
    assert "x = −b/w = −(-1.0)/(2.0) = 0.50" in text
    assert "slides the curve left" in text
    assert "slides the curve right" in neuron.neuron_caption(-1.0, 1.0, 0.0, "tanh")


def test_neuron_caption_says_a_zero_weight_gives_a_flat_line():
    text = neuron.neuron_caption(0.0, 1.0, 2.0, "none")
    assert "a flat line" in text and "a = f(z) = <b>1.000</b>" in text
