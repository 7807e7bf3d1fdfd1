"""course_lib: the small NumPy library behind the "Introduction to Deep Learning" notebooks.

Maths (pure functions and a few stateful classes; no matplotlib, no ipywidgets):

- ``linalg`` (teaching loops, ``matmul_steps``), ``activations``, ``losses``, ``layers``
  (``dense_forward``/``dense_backward``), ``network`` (``MLP``), ``optimizers``, ``training``
  (``train``; its ``History`` lives in ``training_history``), ``regularization`` (L2 weight
  decay, early stopping), ``gradcheck``;
- ``surfaces`` and ``landscapes`` (2-D and 1-D loss surfaces, ``descend``, learning-rate
  bounds), ``datasets`` (toy 2-D sets and the shipped UCI digits), ``augment``, ``evaluation``;
- the pure compute behind the explorers: ``matrix_steps``, ``explore_compute``,
  ``descent_compute``, ``race_compute``, ``playground_compute``, ``loss_compare``,
  ``backprop_demo``, and ``demos`` (``demos.overfitting``); input checks shared by all in
  ``validation``.

Pictures in ``plotting`` and ``animation`` (frames shown by ``figure_updates``); live
explorers and their static companions in ``widgets``; exercise self-checks in ``checks``.

Shape convention everywhere: one example per row. ``X`` has shape ``(N, D)``; a dense layer
with ``M`` nodes has ``W`` of shape ``(M, D)`` and ``b`` of shape ``(M,)``, and computes
``Z = X @ W.T + b`` of shape ``(N, M)``.

Importing course_lib changes nothing global: no seeds, no rcParams, no printing.
Import the submodule you need, e.g. ``from course_lib import linalg``.
"""

__version__ = "0.1.0"
