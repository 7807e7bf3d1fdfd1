"""course_lib: the small NumPy library behind the "Introduction to Deep Learning" notebooks.

The top level is the network maths, in the order the lessons build it (pure functions and a
few stateful classes; no matplotlib, no ipywidgets):

====  ==============================================================================
 01   ``linalg``: dot product and matrix product as teaching loops, ``matmul_steps``
 03   ``activations`` (each with its derivative beside it), ``layers``
      (``dense_forward``/``dense_backward``, ``activation_forward``/``activation_backward``)
 04   ``losses`` (each with its gradient beside it)
 05   ``surfaces`` (2-D loss surfaces), ``landscapes`` (1-D curves, ``descend``,
      learning-rate bounds), ``optimizers`` (gradient descent; momentum and Adam in 07)
 06   ``network`` (``MLP``, built from the ``layers`` pairs), ``gradcheck``, ``training``
      (``train``, ``accuracy``) and ``training_history`` (its ``History``)
 08   ``regularization`` (L2 weight decay, early stopping, the one-pixel shifts of
      augmentation), ``datasets`` (toy 2-D sets, the shipped UCI digits)
 09   ``evaluation`` (confusion matrix, class probabilities)
====  ==============================================================================

Around it, in subpackages: ``demos`` (the pure compute behind each explorer, one module per
explorer: ``widgets/X.py`` draws what ``demos/X.py`` computes), ``plotting`` (plot helpers,
``animation`` and ``figure_updates``), ``widgets`` (live explorers and their static
companions) and ``checks`` (exercise self-checks). Modules with a leading underscore are
plumbing (``_validation``: the input checks every public function opens with).

Shape convention everywhere: one example per row. ``X`` has shape ``(N, D)``; a dense layer
with ``M`` nodes has ``W`` of shape ``(M, D)`` and ``b`` of shape ``(M,)``, and computes
``Z = X @ W.T + b`` of shape ``(N, M)``.

Importing course_lib changes nothing global: no seeds, no rcParams, no printing.
Import the submodule you need, e.g. ``from course_lib import linalg``.
"""

__version__ = "0.1.0"
