"""Hypothesis: every public function of the maths core survives bad input gracefully.

For inputs of wrong shapes, wrong dtypes (strings, complex, object, bool, int), NaN, inf, empty
arrays, None and ragged lists, each function must either return a finite result or raise
course_lib's own ValueError/TypeError whose message starts with the function's name, never a
NumPy error from inside and never a warning. Finite values are drawn with |x| <= 1e6.
Run with ``--hypothesis-show-statistics`` to see the number of cases and the ok/error split.
"""

import subprocess
import sys
import warnings
from dataclasses import astuple

import numpy as np
from hypothesis import event, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

from course_lib import activations, gradcheck, layers, linalg, losses
from course_lib.network import MLP

N_EXAMPLES = 150
OUTPUTS = ["identity", "sigmoid", "softmax"]

# ---- strategies -------------------------------------------------------------------------------

finite = st.floats(-1e6, 1e6, allow_nan=False)
special = st.sampled_from([np.nan, np.inf, -np.inf])
floats = st.one_of(finite, finite, finite, finite, special)
shapes = array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=3)

float_arrays = arrays(np.float64, shapes, elements=floats)
unit_arrays = arrays(np.float64, shapes, elements=st.floats(0, 1))
int_arrays = arrays(np.int64, shapes, elements=st.integers(-2, 4))
bad_arrays = st.one_of(
    arrays(np.bool_, shapes),
    arrays(np.complex128, shapes, elements=st.complex_numbers(max_magnitude=10)),
    arrays(np.str_, shapes, elements=st.text("ab1", max_size=2)),
    float_arrays.map(lambda a: a.astype(object)),
)
junk = st.one_of(
    st.none(),
    st.text(max_size=3),
    st.integers(-3, 3),
    floats,
    st.lists(st.lists(finite, max_size=3), max_size=3),  # often ragged
)
anything = st.one_of(float_arrays, float_arrays, unit_arrays, int_arrays, bad_arrays, junk)


@st.composite
def same_shape_pair(draw, first=float_arrays, second=float_arrays):
    shape = draw(shapes)
    a = draw(arrays(np.float64, shape, elements=draw(st.sampled_from([floats, st.floats(0, 1)]))))
    b = draw(arrays(np.float64, shape, elements=draw(st.sampled_from([floats, st.integers(0, 1)]))))
    return a, b


pairs = st.one_of(st.tuples(anything, anything), same_shape_pair(), same_shape_pair())


@st.composite
def matmul_pair(draw):
    m, n, p = draw(st.tuples(*[st.integers(0, 3)] * 3))
    return draw(arrays(np.float64, (m, n), elements=floats)), draw(
        arrays(np.float64, (n, p), elements=floats)
    )


@st.composite
def logits_labels(draw):
    n, c = draw(st.integers(0, 4)), draw(st.integers(0, 4))
    logits = draw(arrays(np.float64, (n, c), elements=floats))
    labels = draw(st.one_of(arrays(np.int64, (n,), elements=st.integers(-1, c)), anything))
    return logits, labels


@st.composite
def dense_args(draw):
    n, d, m = draw(st.tuples(*[st.integers(0, 3)] * 3))
    el = floats
    return (
        draw(st.one_of(arrays(np.float64, (n, d), elements=el), anything)),
        draw(st.one_of(arrays(np.float64, (m, d), elements=el), anything)),
        draw(st.one_of(arrays(np.float64, (m,), elements=el), anything)),
    )


names = st.one_of(st.sampled_from(["relu", "sigmoid", "tanh", "identity", "softmax", "RELU"]), junk)
loss_names = st.one_of(st.sampled_from(sorted(losses.LOSSES)), junk)

# ---- the judge --------------------------------------------------------------------------------


def _assert_finite(out) -> None:
    if callable(out) or isinstance(out, str):
        return
    if isinstance(out, linalg.MatmulStep):
        out = astuple(out)
    if isinstance(out, dict):
        out = list(out.values())
    if isinstance(out, tuple | list):
        for item in out:
            _assert_finite(item)
        return
    arr = np.asarray(out)
    assert arr.dtype.kind in "biuf", f"result has dtype {arr.dtype}"
    assert np.all(np.isfinite(arr)), f"non-finite result {out!r}"


def judge(prefixes, call) -> None:
    """Run call(); accept a finite result or our own ValueError/TypeError naming the function."""
    prefixes = (prefixes,) if isinstance(prefixes, str) else tuple(prefixes)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            out = call()
        except (ValueError, TypeError) as exc:
            msg = str(exc)
            assert msg.startswith(tuple(p + ":" for p in prefixes)), f"foreign error: {msg!r}"
            event(f"{type(exc).__name__}")
            return
    _assert_finite(out)
    event("finite result")


# ---- one property per public function ---------------------------------------------------------

ONE_ARG = [
    activations.sigmoid,
    activations.sigmoid_grad,
    activations.relu,
    activations.relu_grad,
    activations.tanh,
    activations.tanh_grad,
    activations.identity,
    activations.identity_grad,
    activations.softmax,
    linalg.transpose,
]


@settings(max_examples=2 * N_EXAMPLES, deadline=None)
@given(x=anything)
def test_one_argument_functions_never_leak_numpy_errors(x):
    for f in ONE_ARG:
        judge(f.__name__, lambda f=f: f(x))


TWO_ARGS = [
    losses.mse,
    losses.mse_grad,
    losses.binary_cross_entropy,
    losses.binary_cross_entropy_grad,
    losses.binary_cross_entropy_with_logits,
    losses.binary_cross_entropy_with_logits_grad,
    activations.softmax_backward,
    linalg.add,
    linalg.dot,
    gradcheck.relative_error,
]


@settings(max_examples=2 * N_EXAMPLES, deadline=None)
@given(ab=pairs)
def test_two_argument_functions_never_leak_numpy_errors(ab):
    for f in TWO_ARGS:
        judge(f.__name__, lambda f=f: f(*ab))


@settings(max_examples=N_EXAMPLES, deadline=None)
@given(ab=st.one_of(matmul_pair(), st.tuples(anything, anything)), c=st.one_of(floats, anything))
def test_matmul_and_scalar_multiply_never_leak_numpy_errors(ab, c):
    judge("matmul", lambda: linalg.matmul(*ab))
    judge("matmul_steps", lambda: linalg.matmul_steps(*ab))
    judge("scalar_multiply", lambda: linalg.scalar_multiply(c, ab[0]))


@settings(max_examples=N_EXAMPLES, deadline=None)
@given(args=st.one_of(logits_labels(), st.tuples(anything, anything)))
def test_softmax_cross_entropy_never_leaks_numpy_errors(args):
    judge("softmax_cross_entropy", lambda: losses.softmax_cross_entropy(*args))
    judge("softmax_cross_entropy_grad", lambda: losses.softmax_cross_entropy_grad(*args))


@settings(max_examples=N_EXAMPLES, deadline=None)
@given(name=st.one_of(names, loss_names))
def test_lookups_never_leak_errors(name):
    judge("get_activation", lambda: activations.get_activation(name))
    judge("get_loss", lambda: losses.get_loss(name))


@settings(max_examples=N_EXAMPLES, deadline=None)
@given(args=dense_args(), dZ=anything, junk_cache=st.one_of(junk, st.tuples(anything, anything)))
def test_dense_layer_never_leaks_numpy_errors(args, dZ, junk_cache):
    judge("dense_forward", lambda: layers.dense_forward(*args))
    try:
        _, cache = layers.dense_forward(*args)
    except (ValueError, TypeError):
        cache = junk_cache
    judge("dense_backward", lambda: layers.dense_backward(dZ, cache))


@settings(max_examples=N_EXAMPLES, deadline=None)
@given(Z=anything, name=names, dA=anything)
def test_activation_layer_never_leaks_numpy_errors(Z, name, dA):
    judge("activation_forward", lambda: layers.activation_forward(Z, name))
    try:
        A, cache = layers.activation_forward(Z, name)
    except (ValueError, TypeError):
        A, cache = Z, (name, Z)
    judge("activation_backward", lambda: layers.activation_backward(dA, cache))
    if isinstance(A, np.ndarray):
        judge("activation_backward", lambda: layers.activation_backward(np.ones_like(A), cache))


@settings(max_examples=N_EXAMPLES, deadline=None)
@given(
    sizes=st.one_of(st.lists(st.integers(-1, 4), max_size=4), anything),
    hidden=names,
    output=st.one_of(st.none(), names),
    rng=st.one_of(st.just("generator"), st.none(), st.integers(0, 3)),
)
def test_mlp_constructor_never_leaks_errors(sizes, hidden, output, rng):
    rng = np.random.default_rng(0) if rng == "generator" else rng
    judge("MLP", lambda: MLP(sizes, hidden, output, rng=rng))


MODELS = [MLP([3, 4, 2], "tanh", out, rng=np.random.default_rng(0)) for out in OUTPUTS]


@settings(max_examples=N_EXAMPLES, deadline=None)
@given(
    X=st.one_of(
        arrays(np.float64, st.tuples(st.integers(0, 4), st.just(3)), elements=floats), anything
    ),
    d_output=st.one_of(arrays(np.float64, (2, 2), elements=floats), anything),
)
def test_mlp_methods_never_leak_numpy_errors(X, d_output):
    for model in MODELS:
        judge("MLP.forward", lambda m=model: m.forward(X))
        judge("MLP.predict", lambda m=model: m.predict(X))
        model.forward(np.ones((2, 3)))
        judge("MLP.backward", lambda m=model: m.backward(d_output))


FS = [
    lambda v: float(np.sum(v * v)),
    lambda v: np.sum(v),
    lambda v: "loss",
    lambda v: np.ones(2),
    None,
]


@settings(max_examples=N_EXAMPLES, deadline=None)
@given(f=st.sampled_from(FS), x=anything, h=st.one_of(st.just(1e-5), junk))
def test_numerical_gradient_never_leaks_numpy_errors(f, x, h):
    judge("numerical_gradient", lambda: gradcheck.numerical_gradient(f, x, h))


@settings(max_examples=N_EXAMPLES // 3, deadline=None)
@given(
    X=st.one_of(arrays(np.float64, (2, 3), elements=st.floats(-10, 10)), anything),
    y=st.one_of(
        arrays(np.float64, (2, 2), elements=st.floats(0, 1)),
        arrays(np.int64, (2,), elements=st.integers(0, 1)),
        anything,
    ),
    loss=loss_names,
)
def test_check_model_gradients_never_leaks_numpy_errors(X, y, loss):
    model = MLP([3, 2, 2], "tanh", rng=np.random.default_rng(1))
    allowed = ["check_model_gradients", "get_loss", "MLP.forward"] + [
        name + suffix for name in losses.LOSSES for suffix in ("", "_grad")
    ]
    judge(allowed, lambda: gradcheck.check_model_gradients(model, X, y, loss))


def test_maths_modules_change_nothing_global_and_skip_plotting_libraries():
    code = (
        "import sys, numpy as np\n"
        "before = np.random.get_state()[1].copy()\n"
        "import course_lib.linalg, course_lib.activations, course_lib.losses\n"
        "import course_lib.layers, course_lib.network, course_lib.gradcheck\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'ipywidgets')]\n"
        "assert (np.random.get_state()[1] == before).all(), 'global seed changed'\n"
        "print(','.join(bad), end='')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == ""
    assert out.stderr == ""
