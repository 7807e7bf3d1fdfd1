"""course_lib: the small NumPy library behind the "Introduction to Deep Learning" notebooks.

The maths lives in pure-function modules (``linalg``, ``activations``, ``losses``,
``layers``, ``network``, ``optimizers``, ``training``, ``gradcheck``, ``landscapes``,
``datasets``); pictures in ``plotting`` and ``animation``; live explorers in ``widgets``;
exercise self-checks in ``checks``.

Shape convention everywhere: one example per row. ``X`` has shape ``(N, D)``; a dense layer
with ``M`` nodes has ``W`` of shape ``(M, D)`` and ``b`` of shape ``(M,)``, and computes
``Z = X @ W.T + b`` of shape ``(N, M)``.

Importing course_lib changes nothing global: no seeds, no rcParams, no printing.
Import the submodule you need, e.g. ``from course_lib import linalg``.
"""

__version__ = "0.1.0"
