"""Property tests (hypothesis): bad input to the training side gives course_lib's own errors.

Every case must raise ValueError or TypeError whose message starts with the public function's
name and names the bad argument: never a NumPy traceback, never a warning (pytest turns
warnings into failures).
"""

import re

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from course_lib import datasets, landscapes, optimizers, surfaces, training
from course_lib.network import MLP

FAST = settings(max_examples=40, deadline=None)

bad_numbers = st.one_of(
    st.floats(max_value=0.0, allow_nan=False),
    st.just(float("nan")),
    st.just(float("inf")),
    st.just(-float("inf")),
)
not_numbers = st.one_of(st.text(max_size=3), st.none(), st.booleans(), st.lists(st.floats()))
bad_counts = st.one_of(st.integers(max_value=0), st.floats(allow_nan=True), st.text(max_size=2))


def _raises_named(func_name: str, arg: str, call) -> None:
    with pytest.raises((ValueError, TypeError)) as info:
        call()
    msg = str(info.value)
    assert msg.startswith(func_name), msg
    assert re.search(rf"\b{re.escape(arg)}\b", msg), msg


def _poisoned(draw_shape, value):
    X = np.zeros(draw_shape)
    X.flat[len(X.flat) // 2] = value
    return X


@FAST
@given(
    lr=st.one_of(bad_numbers, not_numbers),
    cls=st.sampled_from(
        [optimizers.GradientDescent, optimizers.Momentum, optimizers.RMSProp, optimizers.Adam]
    ),
)
def test_bad_learning_rates_are_refused_by_name(lr, cls):
    _raises_named(cls.__name__, "lr", lambda: cls(lr))


@FAST
@given(beta=st.one_of(st.floats(min_value=1.0), st.floats(max_value=-1e-9), st.just(np.nan)))
def test_decay_rates_outside_zero_one_are_refused(beta):
    _raises_named("Adam", "beta1", lambda: optimizers.Adam(beta1=beta))
    _raises_named("Momentum", "beta", lambda: optimizers.Momentum(0.1, beta=beta))


@FAST
@given(
    shape=hnp.array_shapes(min_dims=1, max_dims=3, max_side=4),
    other=hnp.array_shapes(min_dims=1, max_dims=3, max_side=4),
)
def test_step_with_a_mismatched_gradient_names_the_key(shape, other):
    assume(shape != other)
    opt = optimizers.Adam()
    _raises_named(
        "Adam.step", "W1", lambda: opt.step({"W1": np.zeros(shape)}, {"W1": np.zeros(other)})
    )


@FAST
@given(batch_size=bad_counts)
def test_minibatches_refuses_bad_batch_sizes(batch_size):
    rng = np.random.default_rng(0)
    _raises_named(
        "minibatches",
        "batch_size",
        lambda: optimizers.minibatches(np.ones((4, 2)), np.arange(4), batch_size, rng),
    )


@FAST
@given(
    value=st.sampled_from([np.nan, np.inf, -np.inf]),
    shape=hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=5),
)
def test_minibatches_refuses_non_finite_X(value, shape):
    X = _poisoned(shape, value)
    _raises_named(
        "minibatches",
        "X",
        lambda: optimizers.minibatches(X, np.arange(len(X)), 2, np.random.default_rng(0)),
    )


@FAST
@given(n=st.integers(1, 60), batch_size=st.integers(1, 70), seed=st.integers(0, 2**32 - 1))
def test_minibatches_partition_the_examples_for_any_sizes(n, batch_size, seed):
    X, y = np.arange(n, dtype=float).reshape(n, 1), np.arange(n)
    batches = list(optimizers.minibatches(X, y, batch_size, np.random.default_rng(seed)))
    sizes = [len(b) for _, b in batches]
    assert sum(sizes) == n and max(sizes) == min(batch_size, n)
    assert all(s == batch_size for s in sizes[:-1])
    assert sorted(np.concatenate([b for _, b in batches])) == list(range(n))


GENERATORS = {
    "make_blobs": lambda n, noise, rng: datasets.make_blobs(n, 3, noise, rng),
    "make_moons": datasets.make_moons,
    "make_xor": datasets.make_xor,
    "make_spirals": lambda n, noise, rng: datasets.make_spirals(n, 2, noise, rng),
    "make_line": lambda n, noise, rng: datasets.make_line(n, 1.0, 0.0, noise, rng),
}


@FAST
@given(name=st.sampled_from(sorted(GENERATORS)), n=bad_counts)
def test_generators_refuse_bad_sizes(name, n):
    _raises_named(name, "n", lambda: GENERATORS[name](n, 0.1, np.random.default_rng(0)))


@FAST
@given(
    name=st.sampled_from(sorted(GENERATORS)),
    noise=st.one_of(st.floats(max_value=-1e-12), st.just(np.nan), st.just(np.inf), not_numbers),
)
def test_generators_refuse_bad_noise(name, noise):
    noise_arg = "std" if name == "make_blobs" else "noise"
    _raises_named(name, noise_arg, lambda: GENERATORS[name](10, noise, np.random.default_rng(0)))


@FAST
@given(
    X=st.one_of(
        hnp.arrays(
            np.float64,
            hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=4),
            elements=st.sampled_from([np.nan, np.inf, 1.0]),
        ).filter(lambda a: not np.all(np.isfinite(a))),
        hnp.arrays(np.float64, st.sampled_from([(0, 3), (3,), (2, 2, 2)])),
        st.just([["a", "b"]]),
    )
)
def test_standardize_refuses_bad_matrices_by_name(X):
    _raises_named("standardize", "X_train", lambda: datasets.standardize(X))


@FAST
@given(frac=st.one_of(st.floats(min_value=1.0), st.floats(max_value=0.0), st.just(np.nan)))
def test_split_refuses_bad_test_fractions(frac):
    X, y = np.ones((10, 2)), np.arange(10) % 2
    _raises_named(
        "train_test_split",
        "test_fraction",
        lambda: datasets.train_test_split(X, y, frac, np.random.default_rng(0)),
    )


@FAST
@given(
    labels=st.one_of(
        st.lists(st.integers(max_value=-1), min_size=1, max_size=4),
        st.lists(st.floats(0.1, 0.9), min_size=1, max_size=4),
    )
)
def test_one_hot_refuses_labels_that_are_not_class_numbers(labels):
    _raises_named("one_hot", "labels", lambda: datasets.one_hot(labels, 5))


def _model():
    return MLP([2, 3, 2], rng=np.random.default_rng(0))


def _train(**changes):
    args = dict(
        model=_model(),
        X=np.ones((6, 2)),
        y=np.arange(6) % 2,
        loss="softmax_cross_entropy",
        optimizer=optimizers.Adam(),
        batch_size=2,
        num_epochs=1,
        rng=np.random.default_rng(0),
    )
    args.update(changes)
    return training.train(**args)


@FAST
@given(
    value=st.sampled_from([np.nan, np.inf, -np.inf]),
    shape=hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=5).map(lambda s: (s[0], 2)),
)
def test_train_refuses_non_finite_X(value, shape):
    X = _poisoned(shape, value)
    _raises_named("train", "X", lambda: _train(X=X, y=np.arange(len(X)) % 2))


@FAST
@given(
    X=st.one_of(
        st.just(np.ones((0, 2))),
        st.just(np.ones(6)),
        st.just("data"),
        st.just(np.ones((6, 2), dtype=complex)),
    )
)
def test_train_refuses_empty_flat_or_non_numeric_X(X):
    _raises_named("train", "X", lambda: _train(X=X))


@FAST
@given(arg=st.sampled_from(["batch_size", "num_epochs"]), value=bad_counts)
def test_train_refuses_bad_counts(arg, value):
    _raises_named("train", arg, lambda: _train(**{arg: value}))


@FAST
@given(max_loss=st.one_of(bad_numbers, not_numbers))
def test_train_refuses_bad_max_loss(max_loss):
    _raises_named("train", "max_loss", lambda: _train(max_loss=max_loss))


@FAST
@given(
    y=st.one_of(
        st.just(np.array([0, 1, 2, 0, 1, 2])),
        st.just(np.arange(6) - 1.0),
        st.just(np.full(6, np.nan)),
    )
)
def test_train_refuses_labels_the_loss_cannot_use(y):
    _raises_named("train", "y", lambda: _train(y=y))


@FAST
@given(
    start=st.one_of(
        st.just([np.nan, 0.0]), st.just([np.inf, 1.0]), st.just([1.0, 2.0, 3.0]), st.just("here")
    )
)
def test_descend_refuses_bad_starts(start):
    _raises_named(
        "descend",
        "start",
        lambda: landscapes.descend(surfaces.Quadratic(), start, optimizers.GradientDescent(0.1), 3),
    )


@FAST
@given(lr=st.one_of(bad_numbers, not_numbers))
def test_classify_learning_rate_refuses_bad_lr(lr):
    bounds = landscapes.learning_rate_bounds(np.eye(2))
    _raises_named(
        "classify_learning_rate", "lr", lambda: landscapes.classify_learning_rate(lr, bounds)
    )


@FAST
@given(lr=st.floats(1e-6, 1e6), kappa=st.floats(1.0, 1e4), angle=st.floats(-3.2, 3.2))
def test_descend_on_any_quadratic_never_warns_and_never_leaves_non_finite_points(lr, kappa, angle):
    res = landscapes.descend(
        surfaces.Quadratic(kappa, angle), None, optimizers.GradientDescent(lr), 200
    )
    assert np.all(np.isfinite(res.path)) and np.all(np.isfinite(res.losses))
    if lr < 2.0:  # lambda_max = 1: below 2 / lambda_max GD converges
        assert res.diverged_at is None
    if lr > 2.2:  # the error grows by |1 - lr| >= 1.2 per step: past 1e6 well within 200 steps
        assert res.diverged_at is not None
