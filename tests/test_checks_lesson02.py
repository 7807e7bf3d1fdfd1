"""The lesson 02 checkers pass the reference solutions, name the typical mistakes, and say
"not done" for an untouched stub."""

import numpy as np
import pytest

from course_lib.checks import lesson02


def _stub(*args):
    raise NotImplementedError


# ---- reference solutions (as in the notebook's collapsed blocks) -----------------------------


def flatten_batch(images):
    return images.reshape(len(images), -1)


def per_image_mean(images):
    return images.mean(axis=(1, 2))


def subtract_mean_image(X):
    return X - X.mean(axis=0)


SHAPES = {
    "T[0]": (8, 8),
    "T[:, 0, :]": (10, 8),
    "T.reshape(10, 64)": (10, 64),
    "T.sum(axis=0)": (8, 8),
    "T.mean(axis=(1, 2))": (10,),
    "T.reshape(10, -1) @ W.T": (10, 16),
}

CHECKERS = {
    "flatten": (lesson02.check_flatten_batch, flatten_batch),
    "mean": (lesson02.check_per_image_mean, per_image_mean),
    "center": (lesson02.check_subtract_mean_image, subtract_mean_image),
    "shapes": (lesson02.check_tensor_shapes, SHAPES),
}


@pytest.mark.parametrize("name", CHECKERS)
def test_reference_solution_passes(name, capsys):
    checker, solution = CHECKERS[name]
    assert checker(solution).status == "passed"
    assert "All correct" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["flatten", "mean", "center"])
def test_not_implemented_stub_is_reported_not_done(name, capsys):
    checker, _ = CHECKERS[name]
    assert checker(_stub).status == "not done"
    assert "not done yet" in capsys.readouterr().out


def test_shapes_left_as_none_is_not_done():
    assert lesson02.check_tensor_shapes(dict.fromkeys(SHAPES)).status == "not done"


def test_an_explicit_loop_solution_also_passes():
    def flatten_loop(images):
        n, h, w = images.shape
        out = np.zeros((n, h * w))
        for i in range(h):
            for j in range(w):
                out[:, i * w + j] = images[:, i, j]
        return out

    assert lesson02.check_flatten_batch(flatten_loop).status == "passed"


@pytest.mark.parametrize(
    ("wrong", "hint_part"),
    [
        (lambda im: im.reshape(-1), "one long vector"),
        (lambda im: im.reshape(len(im), -1).T, "one COLUMN per image"),
        (lambda im: im.reshape(im.shape[1] * im.shape[2], len(im)), "mixes images"),
        (lambda im: im.transpose(0, 2, 1).reshape(len(im), -1), "column by column"),
    ],
    ids=["batch-flattened", "columns", "reshape-swapped", "column-order"],
)
def test_flatten_names_the_typical_mistake(wrong, hint_part):
    result = lesson02.check_flatten_batch(wrong)
    assert result.status == "failed"
    assert hint_part in result.hint


@pytest.mark.parametrize(
    ("wrong", "hint_part"),
    [
        (lambda im: float(im.mean()), "one number for the whole batch"),
        (lambda im: im.mean(axis=0), "mean IMAGE"),
        (lambda im: im.mean(axis=1), "axis 1 only"),
        (lambda im: im.mean(axis=2), "axis 2 only"),
        (lambda im: im.sum(axis=(1, 2)), "1/(h*w)"),
    ],
    ids=["all", "axis0", "axis1", "axis2", "sum"],
)
def test_per_image_mean_names_the_typical_mistake(wrong, hint_part):
    result = lesson02.check_per_image_mean(wrong)
    assert result.status == "failed"
    assert hint_part in result.hint


@pytest.mark.parametrize(
    ("wrong", "hint_part"),
    [
        (lambda X: X - X.mean(), "one number"),
        (lambda X: X - X.mean(axis=1, keepdims=True), "each image (each row)"),
        (lambda X: X.mean(axis=0) - X, "wrong way round"),
    ],
    ids=["global-mean", "row-mean", "sign"],
)
def test_subtract_mean_image_names_the_typical_mistake(wrong, hint_part):
    result = lesson02.check_subtract_mean_image(wrong)
    assert result.status == "failed"
    assert hint_part in result.hint


def test_subtract_mean_image_row_mean_without_keepdims_shows_the_broadcast_error(capsys):
    result = lesson02.check_subtract_mean_image(lambda X: X - X.mean(axis=1))
    assert result.status == "failed"
    assert "your function raised ValueError" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("key", "wrong", "hint_part"),
    [
        ("T[0]", (10, 8), "a whole image"),
        ("T[:, 0, :]", (8, 8), "keeps axis 0"),
        ("T.sum(axis=0)", (10,), "DISAPPEARS"),
        ("T.mean(axis=(1, 2))", (10, 1, 1), "keepdims"),
        ("T.reshape(10, -1) @ W.T", (10, 64), "shape of W.T"),
    ],
)
def test_tensor_shapes_give_a_specific_hint(key, wrong, hint_part):
    answers = dict(SHAPES)
    answers[key] = wrong
    result = lesson02.check_tensor_shapes(answers)
    assert result.status == "failed"
    (line,) = [line for line in result.lines if line.label == key]
    assert hint_part in line.note and not line.passed


def test_a_one_axis_shape_written_as_a_bare_number_fails_with_the_comma_hint():
    answers = dict(SHAPES, **{"T.mean(axis=(1, 2))": 10})
    result = lesson02.check_tensor_shapes(answers)
    (line,) = [line for line in result.lines if line.label == "T.mean(axis=(1, 2))"]
    assert result.status == "failed" and "(10,)" in line.note
