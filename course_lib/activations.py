"""Activation functions and their derivatives, each derivative written beside its function.

An activation ``A = f(Z)`` is applied entry by entry to the weighted sums ``Z`` of a layer,
shape ``(N, M)`` (N examples, M nodes), but every function here accepts an array of any shape.
Each ``*_grad(z)`` is the derivative ``f'(z)`` with respect to the input, evaluated at ``z``,
entry by entry; backpropagation multiplies it by the incoming gradient: ``dZ = dA * f'(Z)``.

``softmax`` is different: it mixes the entries of the last axis, so its derivative is a matrix
(a Jacobian) per example. ``softmax_backward(dA, A)`` applies that Jacobian for you.

Limits: inputs must be real and finite (NaN and inf are refused with a ValueError). The stable
forms below never warn about overflow for inputs up to about ±1e300 (softmax: ±1e4 and far beyond).
"""

import numpy as np

from course_lib._validation import as_array, check_same_shape

__all__ = [
    "sigmoid",
    "sigmoid_grad",
    "relu",
    "relu_grad",
    "tanh",
    "tanh_grad",
    "identity",
    "identity_grad",
    "softmax",
    "softmax_backward",
    "get_activation",
    "ACTIVATIONS",
]


def _out(a: np.ndarray):
    """Return a NumPy float for 0-d results, the array otherwise."""
    return a[()]


def _z(func: str, z) -> np.ndarray:
    """The input check every elementwise activation opens with: real, finite, any shape."""
    return as_array(func, "z", z, allow_empty=True)


# ---- the kernels: each activation with its derivative right beside it -------------------------
# No input checks here: the public functions below check once and call these, and so do
# ``layers`` and ``network.MLP`` on arrays they have already checked (the hot path).
# Each derivative takes ``z`` and ``a = f(z)``: sigmoid and tanh are cheapest written with ``a``.


def _sigmoid(z: np.ndarray) -> np.ndarray:
    # Stable: exp(-|z|) lies in (0, 1], so it never overflows (1 / (1 + exp(-z)) overflows for
    # z below about -709). For z >= 0 use 1 / (1 + e); for z < 0 use e / (1 + e), e = exp(-|z|).
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _sigmoid_grad(z: np.ndarray, a: np.ndarray) -> np.ndarray:
    return a * (1.0 - a)  # sigma'(z) = sigma(z) (1 - sigma(z))


def _relu(z: np.ndarray) -> np.ndarray:
    return np.maximum(z, 0.0)


def _relu_grad(z: np.ndarray, a: np.ndarray) -> np.ndarray:
    return (z > 0).astype(np.float64)  # 0 at the kink z = 0 (the usual convention)


def _tanh(z: np.ndarray) -> np.ndarray:
    return np.tanh(z)


def _tanh_grad(z: np.ndarray, a: np.ndarray) -> np.ndarray:
    return 1.0 - a * a  # tanh'(z) = 1 - tanh(z)^2


def _identity(z: np.ndarray) -> np.ndarray:
    return z


def _identity_grad(z: np.ndarray, a: np.ndarray) -> np.ndarray:
    return np.ones_like(z)


def _softmax(z: np.ndarray) -> np.ndarray:
    # Stable: subtracting the row maximum leaves softmax unchanged and keeps every exp(.) <= 1.
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    e /= np.sum(e, axis=-1, keepdims=True)
    return e


def _softmax_backward(dA: np.ndarray, A: np.ndarray) -> np.ndarray:
    # Jacobian-vector product of softmax: dZ_k = A_k (dA_k - sum_j dA_j A_j).
    return A * (dA - np.sum(dA * A, axis=-1, keepdims=True))


# name -> (f, f') kernels, read by layers.activation_forward/backward (and so by MLP)
_KERNELS = {
    "sigmoid": (_sigmoid, _sigmoid_grad),
    "relu": (_relu, _relu_grad),
    "tanh": (_tanh, _tanh_grad),
    "identity": (_identity, _identity_grad),
}


# ---- public functions: check the input, then call the kernel ----------------------------------


def sigmoid(z):
    r"""Logistic sigmoid, squashing any real number into (0, 1).

    .. math:: \sigma(z) = \frac{1}{1 + e^{-z}}

    z: array of any shape. Returns an array of the same shape (a float for a scalar).
    """
    return _out(_sigmoid(_z("sigmoid", z)))


def sigmoid_grad(z):
    r"""Derivative of the sigmoid with respect to its input, at z.

    .. math:: \sigma'(z) = \sigma(z)\,(1 - \sigma(z))

    z: array of any shape. Returns an array of the same shape. Largest value 0.25 at z = 0.
    """
    z = _z("sigmoid_grad", z)
    return _out(_sigmoid_grad(z, _sigmoid(z)))


def relu(z):
    r"""Rectified linear unit: keep positive inputs, replace negative ones by zero.

    .. math:: \mathrm{relu}(z) = \max(0, z)

    z: array of any shape. Returns an array of the same shape.
    """
    return _out(_relu(_z("relu", z)))


def relu_grad(z):
    r"""Derivative of ReLU with respect to its input, at z (1 where z > 0, else 0).

    .. math:: \mathrm{relu}'(z) = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}

    At the kink z = 0 the derivative does not exist; we use 0 there (the usual convention).
    z: array of any shape. Returns an array of the same shape.
    """
    z = _z("relu_grad", z)
    return _out(_relu_grad(z, _relu(z)))


def tanh(z):
    r"""Hyperbolic tangent, squashing any real number into (-1, 1).

    .. math:: \tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}

    z: array of any shape. Returns an array of the same shape.
    """
    return _out(_tanh(_z("tanh", z)))


def tanh_grad(z):
    r"""Derivative of tanh with respect to its input, at z.

    .. math:: \tanh'(z) = 1 - \tanh^2(z)

    z: array of any shape. Returns an array of the same shape. Largest value 1 at z = 0.
    """
    z = _z("tanh_grad", z)
    return _out(_tanh_grad(z, _tanh(z)))


def identity(z):
    r"""The identity 'activation' (no squashing), used for regression outputs and logits.

    .. math:: f(z) = z

    z: array of any shape. Returns a float64 copy of the same shape.
    """
    return _out(_identity(_z("identity", z)).copy())


def identity_grad(z):
    r"""Derivative of the identity: 1 everywhere.

    .. math:: f'(z) = 1

    z: array of any shape. Returns an array of ones of the same shape.
    """
    z = _z("identity_grad", z)
    return _out(_identity_grad(z, z))


def softmax(z):
    r"""Softmax over the last axis: turns a row of scores (logits) into probabilities.

    .. math:: \mathrm{softmax}(z)_k = \frac{e^{z_k}}{\sum_j e^{z_j}}
              = \frac{e^{z_k - \max_j z_j}}{\sum_j e^{z_j - \max_j z_j}}

    z: shape (C,) for one example or (N, C) for a batch (any leading axes work).
    Returns the same shape; every row is positive and sums to 1.
    """
    z = as_array("softmax", "z", z, allow_empty=True)
    if z.ndim == 0 or z.shape[-1] == 0:
        raise ValueError(
            f"softmax: z has shape {z.shape}; it needs at least one score along its last axis, "
            "e.g. shape (C,) for one example or (N, C) for a batch."
        )
    return _softmax(z)


def softmax_backward(dA, A):
    r"""Backpropagate through softmax: turn dL/dA into dL/dZ, where A = softmax(Z).

    .. math:: \frac{\partial L}{\partial z_k} = a_k\Big(\frac{\partial L}{\partial a_k}
              - \sum_j \frac{\partial L}{\partial a_j}\, a_j\Big)

    dA, A: same shape (N, C) (or (C,)); A is the softmax output from the forward pass.
    Returns dZ with that shape. (Paired with cross-entropy, dZ simplifies to (A - onehot) / N:
    see ``losses.softmax_cross_entropy_grad``, the stable path from logits.)
    """
    dA = as_array("softmax_backward", "dA", dA, ndim=(1, 2))
    A = as_array("softmax_backward", "A", A, ndim=(1, 2))
    check_same_shape("softmax_backward", "dA", dA, "A", A)
    if np.any(A < 0) or np.any(A > 1):
        raise ValueError(
            "softmax_backward: A should be the softmax output (probabilities in [0, 1]), "
            f"but it ranges from {A.min():.3g} to {A.max():.3g}. Pass softmax(Z), not Z."
        )
    if np.abs(dA).max() > 1e150:
        raise ValueError(
            f"softmax_backward: dA reaches {np.abs(dA).max():.3g} in size; products that large "
            "overflow float64. A diverged run? Lower the learning rate."
        )
    return _softmax_backward(dA, A)


# name -> (f, f_grad): the public, checked functions
ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_grad),
    "relu": (relu, relu_grad),
    "tanh": (tanh, tanh_grad),
    "identity": (identity, identity_grad),
}


def _check_name(func: str, name, allow_softmax: bool = False) -> str:
    """Return the activation name in lower case, or raise an error naming the valid ones.

    ``"identity"`` is the one spelling of "no activation": ``None``, ``"none"`` and
    ``"linear"`` are refused with a message that says so.
    """
    valid = sorted(ACTIVATIONS) + (["softmax"] if allow_softmax else [])
    if name is None or (isinstance(name, str) and name.lower() in ("none", "linear")):
        raise ValueError(
            f"{func}: activation {name!r}: write 'identity' for no activation (the one "
            f"spelling the course uses). Valid names: {', '.join(valid)}."
        )
    if not isinstance(name, str):
        raise TypeError(
            f"{func}: the activation name should be a string such as 'relu', got "
            f"{type(name).__name__}. Valid names: {', '.join(valid)}."
        )
    key = name.lower()
    if key in ACTIVATIONS or (allow_softmax and key == "softmax"):
        return key
    hint = ""
    if key == "softmax":
        hint = (
            " softmax mixes a whole row, so it has no elementwise derivative: use softmax() "
            "and softmax_backward(), or an output layer with output_activation='softmax'."
        )
    raise ValueError(f"{func}: unknown activation {name!r}. Valid names: {', '.join(valid)}.{hint}")


def get_activation(name):
    r"""Look up an elementwise activation by name: returns the pair ``(f, f_grad)``.

    .. math:: A = f(Z), \qquad dZ = dA \odot f'(Z)

    name: "sigmoid", "relu", "tanh" or "identity".
    Example: ``f, f_grad = get_activation("relu")``.
    """
    return ACTIVATIONS[_check_name("get_activation", name)]
