r"""Private parts of ``demos.optimizer_race``: the problem record and the least-squares model.

``_Problem`` bundles a data set, a model factory, the loss ``training.train`` minimises and the
full-data yardstick the race plots; ``_LinearModel`` is $\hat y = X w$ in the model interface
``train`` expects; ``_half_mse`` and its gradient are the least-squares training loss.
"""

import numpy as np


class _Problem:
    """A training problem for ``training.train``: data, a fresh model, a loss and a yardstick.

    ``make_model()`` returns a model at the shared starting weights; ``train_loss`` is what
    ``train`` minimises; ``loss(params)`` is the full-data loss the race plots.
    """

    def __init__(self, name, X, y, make_model, train_loss, loss, surface=None):
        self.name, self.X, self.y, self.make_model = name, X, y, make_model
        self.train_loss, self.loss, self.surface = train_loss, loss, surface

    @property
    def num_examples(self) -> int:
        return len(self.X)


class _LinearModel:
    r"""$\hat y = X w$ for the least-squares race, in the model interface ``train`` expects."""

    def __init__(self, theta):
        self.params = {"theta": np.array(theta, float)}

    def forward(self, X):
        self._X = X
        return (X @ self.params["theta"])[:, None]

    def backward(self, d_output):
        return {"theta": self._X.T @ d_output[:, 0]}

    def predict(self, X):
        return (X @ self.params["theta"])[:, None]


def _half_mse(out, y):
    d = (out - y).ravel()
    return float(0.5 * (d @ d) / d.size)


def _half_mse_grad(out, y):
    return (out - y) / len(out)
