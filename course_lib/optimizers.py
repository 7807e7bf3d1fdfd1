r"""Optimizers: the rules that turn gradients into parameter updates, plus mini-batching.

Every optimizer works on a dict of parameters (``{"W1": array, "b1": array, ...}``, or
``{"theta": array}`` for a single flat vector in the landscape pictures) and a dict of gradients
with the same keys and shapes. ``step(params, grads)`` changes the parameter arrays IN PLACE, so a
model holding those arrays sees the new values at once. State (velocities, moment estimates,
the step count ``t``) is kept in plain dicts you can inspect, and ``reset()`` forgets it.

Symbols: $\theta$ a parameter, $g = \nabla_\theta L$ its gradient, $\eta$ = ``lr``.

Limits: no weight decay, no learning-rate schedules, no gradient clipping, except that RMSProp
and Adam cap each gradient entry at +-1e150 before squaring it (a larger $g^2$ would overflow
to inf and the step would collapse to 0; gradients that large never occur in a working run, so
the cap only keeps a diverging run's step sensible). ``step`` does not look for NaN in the
gradients (that would cost a pass over every array); ``training.train`` and
``landscapes.descend`` watch the loss instead.
"""

import numpy as np

from course_lib._validation import as_array, check_int, check_positive, check_rng

__all__ = ["GradientDescent", "Momentum", "RMSProp", "Adam", "minibatches"]


# |g| above this would overflow g**2 (float64 max is ~1.8e308); RMSProp and Adam cap g here.
_G_MAX = 1e150


def _capped(g: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """g with every entry held within +-_G_MAX, so that g * g cannot overflow.

    Two ufuncs rather than ``np.clip``: the same result with less call overhead, which counts in
    a training step over small arrays.
    """
    out = np.minimum(g, _G_MAX, out=out)
    return np.maximum(out, -_G_MAX, out=out)


def _check_beta(cls: str, name: str, value) -> float:
    v = check_positive(cls, name, value, allow_zero=True)
    if v >= 1:
        raise ValueError(
            f"{cls}: {name} is a decay rate and must be in [0, 1), got {value!r}; "
            "typical values are 0.9 or 0.999."
        )
    return v


class _Optimizer:
    """Shared parts: input checks, step counting, reset and repr."""

    _state_names: tuple[str, ...] = ()

    def __init__(self, lr: float):
        self.lr = check_positive(type(self).__name__, "lr", lr)
        self.reset()

    def reset(self) -> None:
        """Forget all state: step count back to 0 and every moment/velocity dict emptied."""
        self.t = 0
        for name in self._state_names:
            setattr(self, name, {})

    def step(self, params: dict, grads: dict) -> None:
        r"""Update every array in ``params`` in place from ``grads`` (same keys, same shapes)."""
        self._check(params, grads)
        self.t += 1
        for key, p in params.items():
            self._update(key, p, grads[key])

    def _check(self, params, grads) -> None:
        cls = type(self).__name__
        if not isinstance(params, dict) or not isinstance(grads, dict):
            raise TypeError(
                f"{cls}.step: params and grads should be dicts name -> array, got "
                f"{type(params).__name__} and {type(grads).__name__}. For one "
                "array x, pass {'theta': x} and {'theta': dx}."
            )
        if params.keys() != grads.keys():
            missing = sorted(set(params) - set(grads))
            extra = sorted(set(grads) - set(params))
            raise ValueError(
                f"{cls}.step: grads has no entry for {missing} and extra entries "
                f"{extra}; grads needs exactly the keys of params."
            )
        for key, p in params.items():
            g = grads[key]
            if not isinstance(p, np.ndarray) or p.dtype.kind != "f":
                raise TypeError(
                    f"{cls}.step: params[{key!r}] must be a float numpy array (it is "
                    f"updated in place), got {type(p).__name__}"
                    f"{' of dtype ' + str(p.dtype) if isinstance(p, np.ndarray) else ''}."
                )
            if not isinstance(g, np.ndarray):
                raise TypeError(
                    f"{cls}.step: grads[{key!r}] must be a numpy array, got {type(g).__name__}."
                )
            if g.shape != p.shape:
                raise ValueError(
                    f"{cls}.step: grads[{key!r}] has shape {np.shape(g)} but "
                    f"params[{key!r}] has shape {p.shape}; each gradient must have "
                    "the shape of its parameter."
                )

    def _slot(self, name: str, key: str, p: np.ndarray) -> np.ndarray:
        """The state array ``name[key]``, created as zeros shaped like ``p`` on first use."""
        store = getattr(self, name)
        if key not in store:
            store[key] = np.zeros_like(p)
        return store[key]

    def _hyper(self) -> str:
        return f"lr={self.lr!r}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._hyper()}) after {self.t} steps"


class GradientDescent(_Optimizer):
    r"""Plain (stochastic) gradient descent: $\theta \leftarrow \theta - \eta\, g$.

    Note the minus sign: we step *against* the gradient, downhill. (A ``+`` would climb.)
    Whether this is full-batch GD, mini-batch GD or SGD depends only on the batch the gradient
    came from (see ``minibatches``).
    """

    def _update(self, key, p, g) -> None:
        p -= self.lr * g


class Momentum(_Optimizer):
    r"""Gradient descent with momentum (heavy ball).

    $v \leftarrow \beta v + g$, then $\theta \leftarrow \theta - \eta v$, with $v = 0$ at the
    start. The velocity $v$ is a running sum of past gradients that decays by $\beta$ per step, so
    steady directions speed up (up to $1/(1-\beta)$ times) and zig-zags cancel out.
    State: ``velocity`` (dict of arrays shaped like the parameters), ``t``.
    """

    _state_names = ("velocity",)

    def __init__(self, lr: float, beta: float = 0.9):
        self.beta = _check_beta("Momentum", "beta", beta)
        super().__init__(lr)

    def _update(self, key, p, g) -> None:
        v = self._slot("velocity", key, p)
        v *= self.beta
        v += g
        p -= self.lr * v

    def _hyper(self) -> str:
        return f"lr={self.lr!r}, beta={self.beta!r}"


class RMSProp(_Optimizer):
    r"""RMSProp: divide each step by a running root-mean-square of that parameter's gradients.

    $s \leftarrow \beta s + (1-\beta) g^2$, then $\theta \leftarrow \theta - \eta\,
    g / (\sqrt{s} + \epsilon)$, elementwise, with $s = 0$ at the start. Steep directions get
    smaller steps, flat ones bigger. State: ``square_avg`` (dict), ``t``.
    """

    _state_names = ("square_avg",)

    def __init__(self, lr: float, beta: float = 0.9, eps: float = 1e-8):
        self.beta = _check_beta("RMSProp", "beta", beta)
        self.eps = check_positive("RMSProp", "eps", eps)
        super().__init__(lr)

    def _update(self, key, p, g) -> None:
        s = self._slot("square_avg", key, p)
        g = _capped(g)  # g * g must not overflow (see the module docstring)
        s *= self.beta
        s += (1 - self.beta) * g * g
        p -= self.lr * g / (np.sqrt(s) + self.eps)

    def _hyper(self) -> str:
        return f"lr={self.lr!r}, beta={self.beta!r}, eps={self.eps!r}"


class Adam(_Optimizer):
    r"""Adam (Kingma & Ba, 2015): momentum and RMSProp together, with bias correction.

    At step $t = 1, 2, \dots$ (with $m = v = 0$ at the start):

    $$m \leftarrow \beta_1 m + (1-\beta_1) g, \qquad v \leftarrow \beta_2 v + (1-\beta_2) g^2,$$
    $$\hat m = \frac{m}{1-\beta_1^t}, \qquad \hat v = \frac{v}{1-\beta_2^t}, \qquad
    \theta \leftarrow \theta - \eta\, \frac{\hat m}{\sqrt{\hat v} + \epsilon}.$$

    The corrections undo the pull towards the zero start, so the first step moves every parameter
    by almost exactly $\eta$ against the sign of its gradient. State: ``m``, ``v`` (dicts), ``t``.
    """

    _state_names = ("m", "v", "_buf", "_g")

    def __init__(
        self, lr: float = 0.001, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8
    ):
        self.beta1 = _check_beta("Adam", "beta1", beta1)
        self.beta2 = _check_beta("Adam", "beta2", beta2)
        self.eps = check_positive("Adam", "eps", eps)
        super().__init__(lr)

    def step(self, params: dict, grads: dict) -> None:
        r"""Update every array in ``params`` in place from ``grads`` (same keys, same shapes)."""
        self._check(params, grads)
        self.t += 1
        # the two bias corrections depend only on t, so compute them once per step
        self._c1 = self.lr / (1 - self.beta1**self.t)
        self._c2 = 1 / (1 - self.beta2**self.t)
        for key, p in params.items():
            self._update(key, p, grads[key])

    def _update(self, key, p, g) -> None:
        m, v = self._slot("m", key, p), self._slot("v", key, p)
        buf = self._slot("_buf", key, p)  # scratch space: no new arrays each step
        g = _capped(g, out=self._slot("_g", key, p))  # g * g must not overflow
        m *= self.beta1
        np.multiply(g, 1 - self.beta1, out=buf)
        m += buf
        v *= self.beta2
        np.multiply(g, g, out=buf)
        buf *= 1 - self.beta2
        v += buf
        np.multiply(v, self._c2, out=buf)  # v_hat
        np.sqrt(buf, out=buf)
        buf += self.eps
        np.divide(m, buf, out=buf)  # m / (sqrt(v_hat) + eps); lr / (1 - beta1^t) comes next
        buf *= self._c1
        p -= buf

    def _hyper(self) -> str:
        return f"lr={self.lr!r}, beta1={self.beta1!r}, beta2={self.beta2!r}, eps={self.eps!r}"


def minibatches(X, y, batch_size: int, rng: np.random.Generator):
    r"""Yield ``(X_batch, y_batch)`` for one pass over the data in a random order.

    The rows are shuffled once with ``rng`` and cut into consecutive batches of ``batch_size``
    rows; the last batch is smaller when ``batch_size`` does not divide N. Every example appears
    exactly once per pass. ``batch_size = len(X)`` gives full-batch gradient descent (one batch
    holding everything, so the order is irrelevant and no shuffle is done); ``batch_size = 1`` is
    stochastic gradient descent.

    ``X``: shape ``(N, ...)``; ``y``: shape ``(N, ...)`` (same first dimension).
    Yields arrays of shape ``(B, ...)`` with $B \le$ ``batch_size``.
    """
    X = as_array("minibatches", "X", X, ndim=(1, 2, 3))
    as_array("minibatches", "y", y, ndim=(1, 2, 3))  # numbers only; labels keep their dtype
    y_arr = np.asarray(y)
    if y_arr.ndim == 0 or len(y_arr) != len(X):
        raise ValueError(
            f"minibatches: X has {len(X)} examples (shape {X.shape}) but y has shape "
            f"{y_arr.shape}; they need the same number of rows."
        )
    batch_size = check_int("minibatches", "batch_size", batch_size, minimum=1)
    check_rng("minibatches", rng)
    return _batches(X, y_arr, batch_size, rng)


def _batches(X, y, batch_size, rng):
    n = len(X)
    if batch_size >= n:
        yield X, y
        return
    order = rng.permutation(n)
    for start in range(0, n, batch_size):
        idx = order[start : start + batch_size]
        yield X[idx], y[idx]
