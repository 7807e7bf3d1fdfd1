r"""Small data sets for the lessons: toy 2-D problems, splitting/scaling helpers, and digits.

Toy generators return ``X`` of shape ``(N, 2)`` (float64) and integer labels ``y`` of shape
``(N,)``, rows in random order; ``make_line`` returns ``x`` of shape ``(N, 1)`` and real targets
``y`` of shape ``(N,)``. All randomness comes from the ``rng`` argument (a
``numpy.random.Generator``), which is required: the same seed gives the same data.

``load_digits`` reads the UCI "Optical Recognition of Handwritten Digits" 8x8 images shipped in
``course_lib/data`` (CC BY 4.0; see ``course_lib/data/README.md``). Nothing here downloads.

Limits: these generators make small teaching sets (thousands of points), not benchmarks.
"""

import gzip
import hashlib
import io
from pathlib import Path

import numpy as np

from course_lib._argspec import PATH, optional
from course_lib._checked import checked
from course_lib._validation import (
    as_array,
    check_int,
    check_labels,
    check_positive,
    check_rng,
    check_rows,
)

__all__ = [
    "make_line",
    "make_blobs",
    "make_moons",
    "make_spirals",
    "make_xor",
    "train_test_split",
    "one_hot",
    "standardize",
    "load_digits",
    "DIGITS_PATH",
    "DIGITS_SHA256",
]

DIGITS_PATH = Path(__file__).resolve().parent / "data" / "digits.npy.gz"
DIGITS_SHA256 = "f4e27a03f09b8134ac57d6eae3848073c1ba4d3bfd04b80fb0a85ed83089f649"


def _counts(n: int, k: int) -> np.ndarray:
    """Split n examples over k classes as evenly as possible (the first ones get the extra)."""
    return n // k + (np.arange(k) < n % k)


def _shuffled(X: np.ndarray, y: np.ndarray, rng) -> tuple[np.ndarray, np.ndarray]:
    order = rng.permutation(len(X))
    return X[order], y[order]


@checked(_finite=True)
def make_line(
    n: int, slope: float = 2.0, intercept: float = 1.0, noise: float = 0.1, rng=None
) -> tuple[np.ndarray, np.ndarray]:
    r"""Points near a line: $y = \text{slope}\cdot x + \text{intercept} + \varepsilon$.

    $x \sim \mathcal U(-1, 1)$ and $\varepsilon \sim \mathcal N(0, \text{noise}^2)$.
    Returns ``x`` of shape ``(N, 1)`` and ``y`` of shape ``(N,)``.
    """
    n = check_int("make_line", "n", n)
    slope = float(as_array("make_line", "slope", slope, ndim=0))
    intercept = float(as_array("make_line", "intercept", intercept, ndim=0))
    noise = check_positive("make_line", "noise", noise, allow_zero=True)
    rng = check_rng("make_line", rng)
    x = rng.uniform(-1.0, 1.0, size=(n, 1))
    return x, slope * x[:, 0] + intercept + noise * rng.standard_normal(n)


@checked(_finite=True)
def make_blobs(n: int, centers=3, std: float = 1.0, rng=None) -> tuple[np.ndarray, np.ndarray]:
    r"""Gaussian clouds, one per class: $x \sim \mathcal N(c_k, \text{std}^2 I)$ for class $k$.

    ``centers``: an int K (the centres are then spread on a circle of radius 4) or an array of
    shape ``(K, 2)``. The N points are shared out as evenly as possible.
    Returns ``X`` of shape ``(N, 2)`` and ``y`` of shape ``(N,)`` with labels ``0..K-1``.
    """
    n = check_int("make_blobs", "n", n)
    if isinstance(centers, int | np.integer) and not isinstance(centers, bool):
        k = check_int("make_blobs", "centers", centers)
        angle = 2 * np.pi * np.arange(k) / k
        centers = 4.0 * np.column_stack([np.cos(angle), np.sin(angle)])
    centers = as_array("make_blobs", "centers", centers, ndim=2)
    if centers.shape[1] != 2:
        raise ValueError(
            f"make_blobs: centers should have shape (K, 2), one 2-D point per class, "
            f"got {centers.shape}."
        )
    std = check_positive("make_blobs", "std", std, allow_zero=True)
    rng = check_rng("make_blobs", rng)
    y = np.repeat(np.arange(len(centers)), _counts(n, len(centers)))
    X = centers[y] + std * rng.standard_normal((n, 2))
    return _shuffled(X, y, rng)


@checked(_finite=True)
def make_moons(n: int, noise: float = 0.1, rng=None) -> tuple[np.ndarray, np.ndarray]:
    r"""Two interleaving half circles (class 0 on top, class 1 below), plus Gaussian noise.

    Class 0: $(\cos t, \sin t)$; class 1: $(1 - \cos t, \tfrac12 - \sin t)$, $t \sim
    \mathcal U(0, \pi)$; then $\mathcal N(0, \text{noise}^2)$ is added to each coordinate.
    Returns ``X`` of shape ``(N, 2)`` and ``y`` of shape ``(N,)``.
    """
    n = check_int("make_moons", "n", n)
    noise = check_positive("make_moons", "noise", noise, allow_zero=True)
    rng = check_rng("make_moons", rng)
    y = np.repeat([0, 1], _counts(n, 2))
    t = rng.uniform(0.0, np.pi, size=n)
    X = np.where(
        y[:, None] == 0,
        np.column_stack([np.cos(t), np.sin(t)]),
        np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)]),
    )
    return _shuffled(X + noise * rng.standard_normal((n, 2)), y, rng)


@checked(_finite=True)
def make_spirals(
    n: int, num_classes: int = 2, noise: float = 0.2, rng=None
) -> tuple[np.ndarray, np.ndarray]:
    r"""Interleaved spiral arms, one per class: a problem no straight line can separate.

    Arm $k$: radius $r \sim \mathcal U(0, 1)$, angle $\phi = 4r + 2\pi k/K + \text{noise}\cdot
    \mathcal N(0, 1)$, point $(r\cos\phi, r\sin\phi)$.
    Returns ``X`` of shape ``(N, 2)`` and ``y`` of shape ``(N,)`` with labels ``0..K-1``.
    """
    n = check_int("make_spirals", "n", n)
    k = check_int("make_spirals", "num_classes", num_classes, minimum=2)
    noise = check_positive("make_spirals", "noise", noise, allow_zero=True)
    rng = check_rng("make_spirals", rng)
    y = np.repeat(np.arange(k), _counts(n, k))
    r = rng.uniform(0.0, 1.0, size=n)
    phi = 4.0 * r + 2 * np.pi * y / k + noise * rng.standard_normal(n)
    return _shuffled(np.column_stack([r * np.cos(phi), r * np.sin(phi)]), y, rng)


@checked(_finite=True)
def make_xor(n: int, noise: float = 0.1, rng=None) -> tuple[np.ndarray, np.ndarray]:
    r"""The XOR pattern: label 1 where exactly one coordinate is positive.

    $x \sim \mathcal U([-1, 1]^2)$, $y = [x_1 > 0] \oplus [x_2 > 0]$; then
    $\mathcal N(0, \text{noise}^2)$ jitter is added to the points (so a few cross the axes).
    Returns ``X`` of shape ``(N, 2)`` and ``y`` of shape ``(N,)``.
    """
    n = check_int("make_xor", "n", n)
    noise = check_positive("make_xor", "noise", noise, allow_zero=True)
    rng = check_rng("make_xor", rng)
    X = rng.uniform(-1.0, 1.0, size=(n, 2))
    y = ((X[:, 0] > 0) ^ (X[:, 1] > 0)).astype(np.int64)
    return X + noise * rng.standard_normal((n, 2)), y


def train_test_split(X, y, test_fraction: float = 0.2, rng=None, stratify: bool = True):
    r"""Split examples at random into a training and a test set.

    With ``stratify=True`` (for class labels) each class is split on its own, so both parts keep
    the class proportions; each class gives ``round(test_fraction * n_k)`` examples to the test
    set. ``X``: shape ``(N, ...)``; ``y``: shape ``(N,)``. Returns
    ``(X_train, X_test, y_train, y_test)``, rows in random order, ``y`` keeping its dtype.
    """
    X = as_array("train_test_split", "X", X, ndim=(1, 2, 3))
    as_array("train_test_split", "y", y, ndim=(1, 2))
    y_in = np.asarray(y)
    frac = check_positive("train_test_split", "test_fraction", test_fraction)
    if frac >= 1:
        raise ValueError(
            f"train_test_split: test_fraction must be between 0 and 1, got {test_fraction!r}."
        )
    rng = check_rng("train_test_split", rng)
    if stratify:
        labels = check_labels("train_test_split", "y", y_in)
        groups = [np.flatnonzero(labels == c) for c in np.unique(labels)]
    else:
        labels = as_array("train_test_split", "y", y_in, ndim=(1, 2))
        groups = [np.arange(len(X))]
    check_rows("train_test_split", X, "y", labels)
    test, train = [], []
    for idx in groups:
        idx = rng.permutation(idx)
        k = int(round(frac * len(idx)))
        test.append(idx[:k])
        train.append(idx[k:])
    test, train = rng.permutation(np.concatenate(test)), rng.permutation(np.concatenate(train))
    if len(test) == 0 or len(train) == 0:
        raise ValueError(
            f"train_test_split: with {len(X)} examples and test_fraction={frac} one "
            "of the two parts would be empty; use more data or another fraction."
        )
    return X[train], X[test], y_in[train], y_in[test]


def one_hot(labels, num_classes: int | None = None) -> np.ndarray:
    r"""Turn class numbers into one-hot rows: $Y_{ik} = 1$ if $y_i = k$ else $0$.

    ``labels``: shape ``(N,)`` of ints in ``0..K-1``; ``num_classes``: K (default: largest label
    + 1). Returns float64 of shape ``(N, K)``.
    """
    y = check_labels("one_hot", "labels", labels)
    if y.size == 0 and num_classes is None:
        raise ValueError("one_hot: labels is empty; pass num_classes too, or at least one label.")
    k = (
        int(y.max()) + 1
        if num_classes is None
        else check_int("one_hot", "num_classes", num_classes)
    )
    if y.max() >= k:
        raise ValueError(
            f"one_hot: labels go up to {int(y.max())} but num_classes is {k}; labels "
            f"must be 0..{k - 1}."
        )
    out = np.zeros((len(y), k))
    out[np.arange(len(y)), y] = 1.0
    return out


@checked(_finite=True)
def standardize(X_train, X_other=None):
    r"""Scale every feature to mean 0 and standard deviation 1, using training statistics only.

    $\tilde x_{ij} = (x_{ij} - \mu_j) / \sigma_j$ with $\mu, \sigma$ from ``X_train``. A constant
    feature ($\sigma_j = 0$, e.g. a digits pixel that is always blank) is only centred: its
    $\sigma_j$ is replaced by 1, so no division by zero. ``X_other`` (e.g. the test set) is scaled
    with the *training* $\mu, \sigma$, so no test information leaks into training.

    ``X_train``: shape ``(N, D)``; ``X_other``: shape ``(M, D)``. Returns
    ``(X_train_std, mean, std)`` or, with ``X_other``, ``(X_train_std, mean, std, X_other_std)``;
    ``mean`` and ``std`` have shape ``(D,)``.
    """
    X = as_array("standardize", "X_train", X_train, ndim=2)
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    std = np.where(std > 0, std, 1.0)
    out = ((X - mean) / std, mean, std)
    if X_other is None:
        return out
    other = as_array("standardize", "X_other", X_other, ndim=2)
    if other.shape[1] != X.shape[1]:
        raise ValueError(
            f"standardize: X_train has {X.shape[1]} features (shape {X.shape}) but "
            f"X_other has shape {other.shape}; both need the same columns."
        )
    return (*out, (other - mean) / std)


@checked(path=optional(PATH))
def load_digits(path=None) -> tuple[np.ndarray, np.ndarray]:
    r"""The 1797 UCI 8x8 handwritten digits, read from the copy shipped in course_lib.

    Each pixel counts the ink in a 4x4 block of a 32x32 scan, so values are whole numbers 0..16.
    The file's SHA-256 is checked first, so a damaged copy is caught, not silently used.
    Returns ``images`` float64 of shape ``(1797, 8, 8)`` and ``labels`` int64 of shape ``(1797,)``
    (digits 0..9). Use ``images.reshape(len(images), 64)`` for an ``(N, 64)`` design matrix.
    """
    path = DIGITS_PATH if path is None else Path(path)
    fix = (
        "Restore the shipped copy with `git checkout -- course_lib/data/digits.npy.gz` (or "
        "reinstall course_lib); tools/make_digits.py can rebuild it from scikit-learn's "
        "digits.csv.gz."
    )
    try:
        blob = path.read_bytes()
    except OSError as exc:
        raise ValueError(
            f"load_digits: cannot read the digits file {path} ({exc}). {fix}"
        ) from None
    digest = hashlib.sha256(blob).hexdigest()
    if digest != DIGITS_SHA256:
        raise ValueError(
            f"load_digits: the digits file {path} is corrupt: its SHA-256 is "
            f"{digest}, expected {DIGITS_SHA256}. {fix}"
        )
    data = np.load(io.BytesIO(gzip.decompress(blob)), allow_pickle=False)
    return data[:, :64].reshape(-1, 8, 8).astype(np.float64), data[:, 64].astype(np.int64)
