"""A multi-layer perceptron (MLP) in plain NumPy: parameters, forward pass, backward pass.

Shape convention (one example per row): the input batch ``X`` is (N, D). Layer l has n_l nodes,
weights ``W_l`` of shape (n_l, n_{l-1}) (one row per node) and bias ``b_l`` of shape (n_l,), and
computes ``Z_l = A_{l-1} @ W_l.T + b_l`` and ``A_l = f_l(Z_l)``, with ``A_0 = X``.

It is built from the pieces of lessons 3 and 6: every layer's forward step is
``layers.dense_forward`` then ``layers.activation_forward``, and ``backward`` walks the layers in
reverse calling ``layers.activation_backward`` then ``layers.dense_backward``. It calls their
unchecked kernels (``layers._dense_forward`` ...), the same code without the input checks: the
network checks ``X`` once at its boundary, so per-layer checks would only cost time.

The MLP holds only parameters and the caches of the last forward pass. It knows no loss and no
optimizer: the caller computes ``d_output = loss_grad(output, y)``, calls ``backward(d_output)``
and gets gradients named like the parameters ("W1", "b1", ...), which any optimizer can apply.

Leaves out: regularisation, dropout, batch norm, other layer types.
"""

import numpy as np

from course_lib._checked import OverflowValueError
from course_lib._validation import as_array, check_int, check_rng
from course_lib.activations import _check_name
from course_lib.layers import (
    _activation_backward,
    _activation_forward,
    _dense_backward,
    _dense_forward,
)

__all__ = ["MLP"]


class _NotForwardedError(RuntimeError, ValueError):
    """backward before forward: a RuntimeError (wrong order), and a ValueError like every other
    course error a learner can catch."""


class MLP:
    r"""A fully connected network, e.g. ``MLP([64, 128, 10], rng=np.random.default_rng(0))``.

    .. math:: Z_l = A_{l-1} W_l^\top + b_l, \qquad A_l = f_l(Z_l), \qquad A_0 = X

    layer_sizes: [D, n_1, ..., n_L], the input size then the nodes of each layer.
    hidden_activation: "relu" (default), "sigmoid", "tanh" or "identity", for every hidden layer.
    output_activation: "identity" (default: raw outputs, i.e. logits or regression values),
    "sigmoid" (probabilities for binary targets) or "softmax" (class probabilities).
    rng: a ``numpy.random.Generator`` (required, keyword), used only to initialise weights.

    Initialisation: biases are zero. Weights are drawn from a normal distribution with mean 0
    and standard deviation sqrt(2 / fan_in) for layers followed by ReLU (He initialisation),
    and sqrt(2 / (fan_in + fan_out)) for every other activation (Xavier/Glorot), where fan_in
    = n_{l-1} and fan_out = n_l. This keeps the signal's size roughly constant from layer to layer.

    For classification, the stable path is output_activation="identity" (logits) with
    ``losses.softmax_cross_entropy`` (or ``binary_cross_entropy_with_logits``);
    output_activation="softmax" works too, and backward then applies the softmax Jacobian to
    dL/dA, but cross-entropy on probabilities is less accurate for confident predictions.
    """

    def __init__(
        self, layer_sizes, hidden_activation="relu", output_activation="identity", *, rng=None
    ):
        rng = check_rng("MLP", rng, "MLP([2, 8, 1], rng=np.random.default_rng(0))")
        try:
            raw = None if isinstance(layer_sizes, str | bytes) else list(layer_sizes)
        except TypeError:
            raw = None
        if raw is None:
            raise TypeError(
                "MLP: layer_sizes should be a list of whole numbers such as "
                f"[64, 128, 10] (inputs, hidden nodes, outputs), got {layer_sizes!r}."
            )
        sizes = [check_int("MLP", "each entry of layer_sizes", s, minimum=1) for s in raw]
        if len(sizes) < 2:
            raise ValueError(
                f"MLP: layer_sizes {raw!r} needs at least two entries: "
                "the input size and the output size, e.g. [64, 10]."
            )
        self.layer_sizes = sizes
        self.hidden_activation = _check_name("MLP", hidden_activation)
        out = _check_name("MLP", output_activation, allow_softmax=True)
        if out not in ("identity", "sigmoid", "softmax"):
            raise ValueError(
                f"MLP: output_activation should be 'identity', 'sigmoid' or "
                f"'softmax', got {output_activation!r}."
            )
        self.output_activation = out
        self.num_layers = len(sizes) - 1
        self.params = {}
        for l in range(1, self.num_layers + 1):
            fan_in, fan_out = sizes[l - 1], sizes[l]
            act = self.hidden_activation if l < self.num_layers else out
            std = np.sqrt(2.0 / fan_in) if act == "relu" else np.sqrt(2.0 / (fan_in + fan_out))
            self.params[f"W{l}"] = rng.normal(0.0, std, size=(fan_out, fan_in))
            self.params[f"b{l}"] = np.zeros(fan_out)
        self._acts = [self.hidden_activation] * (self.num_layers - 1) + [out]
        self._caches = None

    # ---- forward ---------------------------------------------------------------------------

    def _check_X(self, func: str, X) -> np.ndarray:
        # Cheap on purpose (hot path): a float64 array skips the conversion; one shape check and
        # one NaN/inf scan of X (a few microseconds for a batch of 32 x 64).
        if not (type(X) is np.ndarray and X.dtype == np.float64):
            X = as_array(func, "X", X, ndim=2, allow_empty=True, finite=False)
        d = self.layer_sizes[0]
        if X.ndim != 2 or X.shape[1] != d or X.shape[0] == 0:
            hint = " For one example, use x.reshape(1, -1)." if X.ndim == 1 else ""
            raise ValueError(
                f"{func}: X has shape {X.shape}, but this network expects "
                f"(N, {d}): one row per example, {d} features (N >= 1).{hint}"
            )
        if not np.isfinite(X).all():
            as_array(func, "X", X)  # raises the NaN/inf message
        return X

    def _forward(self, X, keep: bool) -> np.ndarray:
        # X is checked already: call the layer kernels, not the checked layer functions.
        A = X
        caches = []
        for l, act in enumerate(self._acts, start=1):
            Z, dense_cache = _dense_forward(A, self.params[f"W{l}"], self.params[f"b{l}"])
            A, act_cache = _activation_forward(Z, act)
            caches.append((dense_cache, act_cache))
        if keep:
            self._caches = caches
        return A

    def forward(self, X) -> np.ndarray:
        r"""Run the batch X through every layer and keep what backward needs.

        .. math:: A_0 = X, \quad Z_l = A_{l-1} W_l^\top + b_l, \quad A_l = f_l(Z_l)

        X: (N, D). Returns the output A_L, shape (N, n_L).
        """
        return self._checked_forward("MLP.forward", X, keep=True)

    __call__ = forward

    def _checked_forward(self, func: str, X, keep: bool) -> np.ndarray:
        X = self._check_X(func, X)
        with np.errstate(over="ignore", invalid="ignore"):  # reported below instead
            out = self._forward(X, keep)
        if not np.isfinite(out).all():
            worst = max(float(np.max(np.abs(v))) for v in self.params.values())
            raise OverflowValueError(
                f"{func}: the output is not finite (inf or NaN). The weights reach {worst:.3g} "
                f"and X reaches {float(np.max(np.abs(X))):.3g} in size: a diverged training "
                "run (lower the learning rate and start again) or inputs far too large."
            )
        return out

    # ---- backward --------------------------------------------------------------------------

    def backward(self, d_output) -> dict:
        r"""Backpropagate dL/d(output) through the network from the last forward pass.

        .. math:: dZ_l = dA_l \odot f_l'(Z_l), \quad dW_l = dZ_l^\top A_{l-1}, \quad
                  db_l = \textstyle\sum_n dZ_l, \quad dA_{l-1} = dZ_l W_l

        d_output: (N, n_L), the gradient of the loss with respect to the output A_L (for a
        softmax output this is dL/dA, and the softmax Jacobian is applied here).
        Returns a dict {"W1": dW1, "b1": db1, ...} with the same shapes as ``params``.
        """
        if self._caches is None:
            raise _NotForwardedError(
                "MLP.backward: call forward(X) first; backward uses the values that forward stored."
            )
        dA = d_output
        if not (type(dA) is np.ndarray and dA.dtype == np.float64):
            dA = as_array("MLP.backward", "d_output", dA, ndim=2, finite=False)
        out_shape = self._caches[-1][1][2].shape  # A_L, from the last activation cache
        if dA.shape != out_shape:
            raise ValueError(
                f"MLP.backward: d_output has shape {dA.shape} but the last forward "
                f"pass produced an output of shape {out_shape}; pass "
                "loss_grad(output, y), which has the output's shape."
            )
        if not np.isfinite(dA).all():
            as_array("MLP.backward", "d_output", dA)  # raises the NaN/inf message
        # d_output is checked: call the layer kernels, not the checked layer functions.
        grads = {}
        for l in range(self.num_layers, 0, -1):
            dense_cache, act_cache = self._caches[l - 1]
            dZ = _activation_backward(dA, act_cache)
            dA, grads[f"W{l}"], grads[f"b{l}"] = _dense_backward(dZ, dense_cache, need_dX=l > 1)
        return {k: grads[k] for k in self.params}

    # ---- conveniences ----------------------------------------------------------------------

    def predict(self, X) -> np.ndarray:
        r"""Predictions for X, without touching the caches of the last forward pass.

        .. math:: \hat y_n = \arg\max_k A_{L,nk} \quad\text{or}\quad [A_{L,n} \ge 0.5]

        X: (N, D). Several outputs: class indices (N,) (argmax). One sigmoid output: 0/1 labels
        (N,) (threshold 0.5). One identity output (regression): the raw output (N, 1).
        """
        out = self._checked_forward("MLP.predict", X, keep=False)
        if out.shape[1] > 1:
            return np.argmax(out, axis=1)
        if self.output_activation == "sigmoid":
            return (out[:, 0] >= 0.5).astype(np.int64)
        return out

    @property
    def num_params(self) -> int:
        """Total number of trainable numbers (all weights and biases)."""
        return int(sum(v.size for v in self.params.values()))

    def copy(self) -> "MLP":
        """An independent copy (same architecture, copied parameters, no cached forward pass)."""
        new = object.__new__(MLP)
        new.__dict__.update(self.__dict__)
        new.layer_sizes = list(self.layer_sizes)
        new._acts = list(self._acts)
        new.params = {k: v.copy() for k, v in self.params.items()}
        new._caches = None
        return new

    def __repr__(self) -> str:
        return (
            f"MLP({self.layer_sizes}, hidden_activation={self.hidden_activation!r}, "
            f"output_activation={self.output_activation!r})  # {self.num_params} parameters"
        )
