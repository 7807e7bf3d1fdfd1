"""The pure compute behind the live explorers: ``widgets/X.py`` draws what ``demos/X.py`` computes.

One module per explorer, named like it: ``matrix_ops`` and ``linear_map`` (lesson 1), ``neuron``
and ``forward_pass`` (3), ``line_fit`` and ``loss_curves`` (4), ``learning_rate`` (5),
``graph_view`` and ``playground`` (6), ``optimizer_race`` (7), ``overfitting`` (8),
``digit_predictions`` (9); ``two_layer``
is the hand-written network of lesson 6's gradient-checking exercise, and ``_choices`` the
activation dropdown that three explorers share. Everything here takes numbers and arrays and
returns numbers, arrays and strings (no matplotlib, no ipywidgets), so what an explorer shows is
unit-tested and timed without a browser: the runs, and also the captions' words and where the
controls stand after a move (e.g. ``learning_rate_caption``, ``playground.new_settings``). The
maths itself comes from the top-level modules of ``course_lib``.
"""
