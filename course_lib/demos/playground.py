r"""Pure compute behind ``widgets.playground`` (lesson 6): a small network learning a 2-D data
set live.

:class:`Playground` keeps an MLP, its optimizer and a mini-batch stream on one of the 2-D data
sets of :mod:`course_lib.datasets`, trains a chunk of steps at a time (:meth:`Playground.train`)
and scores a grid for the decision-boundary picture (:meth:`Playground.grid_scores`).
No plotting here.

Shapes: data ``X`` is ``(N, 2)``, labels ``y`` ``(N,)`` integers ``0..C-1``; a grid mesh
``xx``, ``yy`` is ``(H, W)``.

Limits: plain SGD only (the Playground's rule), softmax cross-entropy on ``C`` outputs, small
data sets (the full-data loss is recomputed after every step for the loss curve).
"""

import numpy as np

from course_lib._argspec import BOOL, TEXT, array, count, keys_of, seed
from course_lib._checked import checked
from course_lib._validation import check_int, check_positive
from course_lib.demos.optimizer_race import network_problem
from course_lib.losses import softmax_cross_entropy_grad
from course_lib.optimizers import GradientDescent, minibatches

__all__ = [
    "DATASETS",
    "parse_hidden",
    "playground_data",
    "Playground",
    "new_settings",
    "loss_axis_limits",
]


def _any(func, name, value):
    """Any value (the dict's keys are what is checked)."""


def _changes(func, name, value):
    if not isinstance(value, dict):
        raise TypeError(f"{func}: {name} should be a dict of new settings, got {value!r}.")
    for key in ("lr", "batch_size"):  # a number, or its text from a widget ("0.05")
        v = value.get(key)
        try:
            ok = v is None or (not isinstance(v, bool) and np.isfinite(float(v)) and float(v) > 0)
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise ValueError(f"{func}: {name}[{key!r}] should be a number above 0, got {v!r}.")


def _batch_stream(X, y, batch_size, rng):
    """Endless mini-batches: ``optimizers.minibatches`` epoch after epoch, same ``rng``."""
    while True:
        yield from minibatches(X, y, batch_size, rng)


DATASETS = ("moons", "spirals", "xor", "blobs")


def parse_hidden(text: str) -> list:
    """Hidden layer sizes from text: ``"8-8"`` -> ``[8, 8]``, ``"4"`` -> ``[4]``, ``""`` -> []."""
    if not isinstance(text, str):
        raise TypeError(f"parse_hidden: pass the layer sizes as text such as '8-8', got {text!r}.")
    parts = [p.strip() for p in text.split("-")] if text.strip() else []
    if not all(p.isdigit() and int(p) > 0 for p in parts):
        raise ValueError(
            f"parse_hidden: {text!r} should be positive whole numbers joined by '-', "
            "e.g. '16-16' for two hidden layers of 16 nodes."
        )
    return [int(p) for p in parts]


@checked(name=TEXT, n=count(4), seed=seed)
def playground_data(name: str, n: int = 200, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """One of the 2-D data sets by name (``DATASETS``): ``X`` ``(n, 2)``, labels ``y`` ``(n,)``."""
    from course_lib import datasets

    if name not in DATASETS:
        raise ValueError(f"playground_data: unknown data set {name!r}; choose from {DATASETS}.")
    rng = np.random.default_rng(seed)
    make = {
        "moons": lambda: datasets.make_moons(n, noise=0.15, rng=rng),
        "spirals": lambda: datasets.make_spirals(n, noise=0.15, rng=rng),
        "xor": lambda: datasets.make_xor(n, noise=0.1, rng=rng),
        "blobs": lambda: datasets.make_blobs(n, centers=3, std=1.0, rng=rng),
    }[name]
    X, y = make()
    return X, y.astype(np.int64)


class Playground:
    r"""A small network learning a 2-D data set, trained a chunk of steps at a time.

    Each step draws a mini-batch (``batch_size`` rows, reshuffled every epoch with
    ``default_rng(seed)``) and applies $\theta \leftarrow \theta - \eta\, g$ (plain SGD, the
    Playground's rule) to every weight. ``losses`` lists the full-data loss after every step
    (start included), ``step`` counts the steps; a step whose loss blows up is undone, training
    stops there and ``diverged_at`` says which step it was. ``model`` is the ``network.MLP``.
    """

    @checked("Playground", activation=TEXT)
    def __init__(
        self, dataset="moons", hidden="8", activation="relu", lr=0.1, batch_size=16, n=200, seed=0
    ):
        self.X, self.y = playground_data(dataset, n, seed)
        self.dataset, self.lr, self.seed = dataset, check_positive("Playground", "lr", lr), seed
        self.batch_size = check_int("Playground", "batch_size", batch_size)
        self.hidden, self.activation = parse_hidden(hidden), activation
        self.num_classes = int(self.y.max()) + 1
        self.problem = network_problem(
            self.X, self.y, self.hidden, activation, rng=np.random.default_rng(seed)
        )
        self.reset()

    def reset(self) -> None:
        """Back to the initial weights, step 0."""
        self.model = self.problem.make_model()
        self.opt = GradientDescent(self.lr)
        self._stream = _batch_stream(
            self.X, self.y, min(self.batch_size, len(self.X)), np.random.default_rng(self.seed)
        )
        self.step, self.diverged_at = 0, None
        self.losses = [self.problem.loss(self.model.params)]

    def configure(self, lr=None, batch_size=None) -> None:
        """Change the learning rate or the batch size and carry on training from here."""
        if lr is not None:
            self.lr = self.opt.lr = check_positive("Playground.configure", "lr", lr)
        if batch_size is not None:
            self.batch_size = check_int("Playground.configure", "batch_size", batch_size)
            rng = np.random.default_rng([self.seed, self.step])
            self._stream = _batch_stream(self.X, self.y, min(self.batch_size, len(self.X)), rng)

    def train(self, num_steps: int) -> float:
        """Run ``num_steps`` more steps (none after a divergence); returns the latest loss."""
        num_steps = check_int("Playground.train", "num_steps", num_steps, minimum=0)
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            for _ in range(num_steps if self.diverged_at is None else 0):
                Xb, yb = next(self._stream)
                params = self.model.params
                before = {k: v.copy() for k, v in params.items()}
                out = self.model._forward(Xb, keep=True)  # inf/NaN here: diverged, see below
                self.step += 1
                loss = np.inf  # a batch whose logits overflowed counts as a diverged step
                if np.isfinite(out).all():
                    self.opt.step(params, self.model.backward(softmax_cross_entropy_grad(out, yb)))
                    ok = all(np.all(np.isfinite(p)) for p in params.values())
                    loss = self.problem.loss(params) if ok else np.inf
                if not (np.isfinite(loss) and loss < 1e6):
                    self.diverged_at = self.step
                    for k, v in before.items():  # undo the step: keep the picture finite
                        params[k][...] = v
                    break
                self.losses.append(loss)
        return self.losses[-1]

    def accuracy(self) -> float:
        """Fraction of the training points classified right."""
        return float(np.mean(self.grid_classes(self.X) == self.y))

    @checked(points=array(ndim=2, shape=(None, 2)))
    def grid_classes(self, points) -> np.ndarray:
        """Predicted class of each row of ``points`` ``(M, 2)``; returns ``(M,)`` integers."""
        return np.argmax(self.scores(points), axis=1)

    @checked(_finite=True, xx=array(), yy=array())
    def grid_scores(self, xx, yy) -> np.ndarray:
        r"""What the decision-boundary image shows on a mesh ``xx``, ``yy`` of shape ``(H, W)``.

        Two classes: $P(\text{class }1) = \mathrm{softmax}(z)_1$ in [0, 1]; more classes: the
        predicted class index. Returns shape ``(H, W)``, always finite.
        """
        if np.shape(xx) != np.shape(yy):
            raise ValueError(
                f"Playground.grid_scores: xx has shape {np.shape(xx)} but yy has shape "
                f"{np.shape(yy)}; pass the two arrays of np.meshgrid (same shape)."
            )
        z = self.scores(np.column_stack([np.ravel(xx), np.ravel(yy)]))
        if z.shape[1] == 2:
            out = 1.0 / (1.0 + np.exp(np.clip(z[:, 0] - z[:, 1], -50, 50)))
        else:
            out = np.argmax(z, axis=1).astype(float)
        return out.reshape(np.shape(xx))

    @checked(points=array(ndim=2, shape=(None, 2)))
    def scores(self, points) -> np.ndarray:
        """Class scores (logits) of each row of ``points`` ``(M, 2)``; returns ``(M, C)``."""
        return self.model._forward(np.asarray(points, float), keep=False)


@checked(
    settings=keys_of("dataset", "hidden", "activation", "lr", "batch_size", values=_any),
    changes=_changes,
    reset=BOOL,
)
def new_settings(settings: dict, changes: dict, reset: bool = False) -> tuple[dict, bool]:
    """The explorer's settings after ``changes`` (None means keep), and whether to start over.

    A new ``dataset``, ``hidden`` or ``activation`` (or ``reset``) means a new network; a new
    ``lr`` or ``batch_size`` carries on training. Returns ``(settings, restart)``; the given
    dict is not changed.
    """
    out = dict(settings)
    network = {k: changes.get(k) for k in ("dataset", "hidden", "activation")}
    restart = reset or any(v is not None and v != settings[k] for k, v in network.items())
    if restart:
        out.update({k: v for k, v in network.items() if v is not None})
    if changes.get("lr") is not None:
        out["lr"] = float(changes["lr"])
    if changes.get("batch_size") is not None:
        out["batch_size"] = int(changes["batch_size"])
    return out, restart


@checked(
    xlim=array(ndim=1, shape=(2,)),
    ylim=array(ndim=1, shape=(2,)),
    step=count(0),
    losses=array(ndim=1),
)
def loss_axis_limits(xlim, ylim, step: int, losses) -> tuple[tuple, tuple]:
    """Limits of the loss panel that keep the whole loss curve in view.

    The step range doubles once training passes its end; the loss range widens to half the
    lowest and twice the highest loss when one falls outside it. ``losses``: ``(T,)``. Returns
    ``(xlim, ylim)``, unchanged (the same tuples) when the curve already fits.
    """
    losses = np.asarray(losses, dtype=float)
    if step > xlim[1]:
        xlim = (0, 2 * xlim[1])
    if losses.min() < ylim[0] or losses.max() > ylim[1]:
        ylim = (min(ylim[0], losses.min() / 2), max(ylim[1], losses.max() * 2))
    return xlim, ylim
