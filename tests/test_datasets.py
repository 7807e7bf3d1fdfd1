"""Data sets: shapes, reproducibility, splitting, scaling, and the shipped digits file."""

import gzip
import hashlib
import importlib.util
import shutil
from pathlib import Path

import numpy as np
import pytest

from course_lib import datasets as ds

TOYS = {
    "blobs": lambda rng: ds.make_blobs(101, 3, 0.5, rng),
    "moons": lambda rng: ds.make_moons(101, 0.1, rng),
    "spirals": lambda rng: ds.make_spirals(101, 3, 0.2, rng),
    "xor": lambda rng: ds.make_xor(101, 0.1, rng),
}


@pytest.mark.parametrize("name", TOYS)
def test_toy_sets_have_the_right_shapes_and_integer_labels(name, rng):
    X, y = TOYS[name](rng)
    assert X.shape == (101, 2) and X.dtype == np.float64
    assert y.shape == (101,) and y.dtype.kind == "i"
    assert np.all(np.isfinite(X))


@pytest.mark.parametrize("name", TOYS)
def test_toy_sets_are_reproducible_from_the_seed(name):
    X1, y1 = TOYS[name](np.random.default_rng(3))
    X2, y2 = TOYS[name](np.random.default_rng(3))
    X3, _ = TOYS[name](np.random.default_rng(4))
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.array_equal(X1, X3)


def test_classes_are_balanced(rng):
    _, y = ds.make_spirals(100, 3, 0.1, rng)
    assert np.bincount(y).tolist() == [34, 33, 33]
    _, y = ds.make_moons(10, 0.0, rng)
    assert np.bincount(y).tolist() == [5, 5]


def test_blobs_sit_around_the_given_centres(rng):
    centers = np.array([[10.0, 0.0], [-10.0, 5.0]])
    X, y = ds.make_blobs(400, centers, 0.5, rng)
    for k in range(2):
        np.testing.assert_allclose(X[y == k].mean(axis=0), centers[k], atol=0.15)


def test_noiseless_xor_labels_follow_the_quadrants(rng):
    X, y = ds.make_xor(200, 0.0, rng)
    np.testing.assert_array_equal(y, (X[:, 0] * X[:, 1] < 0).astype(int))


def test_make_line_without_noise_lies_on_the_line(rng):
    x, y = ds.make_line(50, slope=-3.0, intercept=0.5, noise=0.0, rng=rng)
    assert x.shape == (50, 1) and y.shape == (50,)
    np.testing.assert_allclose(y, -3.0 * x[:, 0] + 0.5)


def test_stratified_split_keeps_class_proportions_and_uses_every_row_once(rng):
    X = np.arange(200.0).reshape(100, 2)
    y = np.repeat([0, 1, 2, 3], [40, 30, 20, 10])
    X_tr, X_te, y_tr, y_te = ds.train_test_split(X, y, 0.2, rng)
    assert np.bincount(y_te).tolist() == [8, 6, 4, 2]
    assert len(X_tr) == 80 and len(X_te) == 20
    rows = np.concatenate([X_tr[:, 0], X_te[:, 0]]) / 2
    assert sorted(rows) == list(range(100))
    np.testing.assert_array_equal(y[(X_te[:, 0] / 2).astype(int)], y_te)


def test_unstratified_split_accepts_real_targets(rng):
    x, t = ds.make_line(30, rng=rng)
    x_tr, x_te, t_tr, t_te = ds.train_test_split(x, t, 0.5, rng, stratify=False)
    assert x_tr.shape == (15, 1) and t_te.shape == (15,)


def test_one_hot_by_hand():
    np.testing.assert_array_equal(
        ds.one_hot([2, 0, 1], 4), [[0, 0, 1, 0], [1, 0, 0, 0], [0, 1, 0, 0]]
    )
    with pytest.raises(ValueError, match="num_classes is 2"):
        ds.one_hot([0, 2], 2)


def test_standardize_uses_training_statistics_and_survives_constant_features():
    X = np.array([[1.0, 5.0, 0.0], [3.0, 5.0, 2.0]])
    Z, mean, std, other = ds.standardize(X, np.array([[5.0, 6.0, 1.0]]))
    np.testing.assert_allclose(Z, [[-1, 0, -1], [1, 0, 1]])
    np.testing.assert_allclose(mean, [2, 5, 1])
    np.testing.assert_allclose(std, [1, 1, 1])
    np.testing.assert_allclose(other, [[3, 1, 0]])


def test_load_digits_has_1797_images_of_ten_classes():
    images, labels = ds.load_digits()
    assert images.shape == (1797, 8, 8) and images.dtype == np.float64
    assert labels.shape == (1797,) and labels.dtype == np.int64
    assert set(labels.tolist()) == set(range(10))
    assert images.min() == 0 and images.max() == 16
    np.testing.assert_array_equal(images, np.round(images))
    assert labels[:10].tolist() == list(range(10))  # the file starts with one of each digit


def test_load_digits_reports_a_corrupted_copy_and_how_to_restore_it(tmp_path):
    bad = tmp_path / "digits.npy.gz"
    shutil.copy(ds.DIGITS_PATH, bad)
    blob = bytearray(bad.read_bytes())
    blob[1000] ^= 0xFF
    bad.write_bytes(bytes(blob))
    with pytest.raises(ValueError, match="corrupt.*git checkout -- course_lib/data/digits.npy.gz"):
        ds.load_digits(bad)


def test_load_digits_reports_a_missing_file(tmp_path):
    with pytest.raises(ValueError, match="cannot read the digits file"):
        ds.load_digits(tmp_path / "nope.npy.gz")


def test_generators_need_an_explicit_rng():
    with pytest.raises(TypeError, match="make_moons: rng should be a numpy.random.Generator"):
        ds.make_moons(10, 0.1)


def _make_digits_module():
    path = Path(__file__).resolve().parents[1] / "tools" / "make_digits.py"
    spec = importlib.util.spec_from_file_location("make_digits", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_make_digits_rebuilds_the_shipped_file_byte_for_byte(tmp_path, capsys):
    images, labels = ds.load_digits()
    table = np.column_stack([images.reshape(-1, 64), labels]).astype(int)
    csv = tmp_path / "digits.csv.gz"
    with gzip.open(csv, "wt") as fh:  # the layout of scikit-learn's digits.csv.gz
        np.savetxt(fh, table, fmt="%d", delimiter=",")
    blob = _make_digits_module().convert(csv)
    assert blob == ds.DIGITS_PATH.read_bytes()
    assert hashlib.sha256(blob).hexdigest() == ds.DIGITS_SHA256
