"""Live explorers: one-line interactive views for the lessons.

Each explorer is a thin shell over pure compute (``course_lib.demos``: ``widgets/X.py`` draws
what ``demos/X.py`` computes) and a plot helper (in ``course_lib.plotting``): the figure is
built once under ``plt.ioff()`` and every slider event updates its artists in place, then calls
``redraw(fig)`` (``plotting.figure_updates.redraw``: ``canvas.draw()`` once the browser shows
the canvas, which saves a round trip, else ``draw_idle()``).
``ipywidgets`` is imported inside the explorer functions, so the maths imports without it.
Each explorer ``<name>_explorer`` has a static companion ``<name>_static`` returning a
small-multiples figure of its telling settings.

Conventions (the browser tests rely on them, see ``_base.py``): the root widget carries the CSS
classes ``course-explorer`` and ``explorer-<name>``; the slider a person would move first
carries ``course-main-slider``; a Play button carries ``course-play``. The root widget also has
``.figure`` and ``.update(...)`` so tests can drive it without a browser.

Layout (``_layout``): one control panel for every explorer (sliders with a 190 px track and
their value beside it, groups that wrap instead of squeezing, Play beside the slider it
drives) and figures at most ``COLUMN_INCHES`` (5.8 in, 580 px) wide, so everything fits the
notebook column of a 1024×768 window with JupyterLab's file browser open.

In a notebook, run ``%matplotlib widget`` once before calling an explorer.
"""

from course_lib.widgets.descent_animation import descent_animation, descent_animation_static
from course_lib.widgets.digit_predictions import (
    digit_predictions_explorer,
    digit_predictions_static,
)
from course_lib.widgets.forward_pass import forward_pass_explorer, forward_pass_static
from course_lib.widgets.graph_view import graph_animation, graph_static
from course_lib.widgets.learning_rate import learning_rate_explorer, learning_rate_static
from course_lib.widgets.line_fit import line_fit_explorer, line_fit_static
from course_lib.widgets.linear_map import linear_map_explorer, linear_map_static
from course_lib.widgets.loss_curves import (
    loss_race_animation,
    loss_race_explorer,
    loss_race_static,
    loss_shapes_static,
    saturation_explorer,
    saturation_static,
)
from course_lib.widgets.matrix_ops import matrix_ops_explorer, matrix_ops_static
from course_lib.widgets.neuron import neuron_explorer, neuron_static
from course_lib.widgets.optimizer_race import optimizer_race_explorer, optimizer_race_static
from course_lib.widgets.overfitting import overfitting_explorer, overfitting_static
from course_lib.widgets.playground import playground_explorer, playground_static
from course_lib.widgets.tensor_view import (
    color_channels_static,
    tensor_explorer,
    tensor_reduce_static,
)
from course_lib.widgets.training_monitor import training_monitor, training_monitor_static
from course_lib.widgets.welcome import welcome_explorer, welcome_static

__all__ = [
    "color_channels_static",
    "descent_animation",
    "descent_animation_static",
    "digit_predictions_explorer",
    "digit_predictions_static",
    "forward_pass_explorer",
    "forward_pass_static",
    "graph_animation",
    "graph_static",
    "learning_rate_explorer",
    "learning_rate_static",
    "line_fit_explorer",
    "line_fit_static",
    "linear_map_explorer",
    "linear_map_static",
    "loss_race_animation",
    "loss_race_explorer",
    "loss_race_static",
    "loss_shapes_static",
    "matrix_ops_explorer",
    "matrix_ops_static",
    "neuron_explorer",
    "neuron_static",
    "optimizer_race_explorer",
    "optimizer_race_static",
    "overfitting_explorer",
    "overfitting_static",
    "playground_explorer",
    "playground_static",
    "saturation_explorer",
    "saturation_static",
    "tensor_explorer",
    "tensor_reduce_static",
    "training_monitor",
    "training_monitor_static",
    "welcome_explorer",
    "welcome_static",
]
