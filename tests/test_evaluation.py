"""Tests for course_lib.evaluation (confusion matrix, mistakes) and the shifted copies of
course_lib.regularization."""

import numpy as np
import pytest

from course_lib import evaluation
from course_lib.regularization import add_shifted_copies, shift_images


def test_confusion_matrix_counts_known_pairs_rows_true_columns_predicted():
    cm = evaluation.confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], num_classes=3)
    assert cm.tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 2]]
    assert cm.dtype == np.int64


def test_confusion_matrix_counts_repeated_pairs_and_sums_to_n(rng):
    y, p = rng.integers(0, 4, 200), rng.integers(0, 4, 200)
    cm = evaluation.confusion_matrix(y, p)
    assert cm.sum() == 200
    assert np.trace(cm) == np.sum(y == p)
    assert cm[1, 2] == np.sum((y == 1) & (p == 2))


def test_mistakes_lists_the_wrong_indices_in_order():
    assert evaluation.mistakes([3, 1, 4, 1, 5], [3, 7, 4, 2, 5]).tolist() == [1, 3]


def test_most_confused_returns_largest_off_diagonal_cells_first():
    cm = np.array([[9, 4, 0], [1, 8, 0], [0, 2, 7]])
    assert evaluation.most_confused(cm, k=5) == [(0, 1, 4), (2, 1, 2), (1, 0, 1)]


def test_confusion_matrix_rejects_too_few_classes_and_bad_labels():
    with pytest.raises(ValueError, match="num_classes must be at least 3"):
        evaluation.confusion_matrix([0, 2], [0, 1], num_classes=2)
    with pytest.raises(ValueError, match="class numbers"):
        evaluation.confusion_matrix([0, 1.5], [0, 1])
    with pytest.raises(ValueError, match="argmax"):
        evaluation.mistakes([0, 1], np.eye(2))


def test_shift_images_moves_pixels_and_fills_with_zero():
    a = np.arange(9.0).reshape(1, 3, 3)
    assert shift_images(a, 1, 0)[0].tolist() == [[0, 0, 0], [0, 1, 2], [3, 4, 5]]
    assert shift_images(a, 0, -1)[0].tolist() == [[1, 2, 0], [4, 5, 0], [7, 8, 0]]
    assert np.array_equal(shift_images(a, 0, 0), a)


def test_shift_images_rejects_a_shift_out_of_the_frame():
    with pytest.raises(ValueError, match="out of the frame"):
        shift_images(np.zeros((2, 3, 3)), 3, 0)


def test_add_shifted_copies_keeps_originals_first_and_repeats_labels(rng):
    imgs = rng.normal(size=(4, 5, 5))
    out, y = add_shifted_copies(imgs, np.array([0, 1, 2, 3]))
    assert out.shape == (20, 5, 5) and y.tolist() == [0, 1, 2, 3] * 5
    assert np.array_equal(out[:4], imgs)
    assert np.array_equal(out[4:8], shift_images(imgs, 1, 0))
