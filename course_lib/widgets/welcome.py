"""The welcome lesson's explorer: one slider, one curve, to show that widgets work."""

import numpy as np

from course_lib._argspec import NUMBER, array
from course_lib._checked import checked
from course_lib.plotting.figure_updates import Blitter, freeze_layout
from course_lib.widgets._base import explorer_box, mark_main, new_figure
from course_lib.widgets._layout import column_grid


@checked(_finite=True, w=NUMBER, z=array())
def steepness_curve(w: float, z: np.ndarray) -> np.ndarray:
    r"""The curve the welcome slider moves: :math:`\sigma(w z)`, shape of ``z``."""
    from course_lib.activations import sigmoid

    return sigmoid(w * np.asarray(z, dtype=float))


@checked(w=NUMBER)
def welcome_explorer(w: float = 1.0):
    """A slider for ``w`` redraws :math:`\\sigma(w z)` in place: if it moves, widgets work."""
    import ipywidgets as widgets

    z = np.linspace(-6.0, 6.0, 241)
    fig, ax = new_figure(5.5, 3.0)
    # above the spines (zorder 2.5): the curve ends on them, and a blitted curve is drawn on top
    (line,) = ax.plot(z, steepness_curve(w, z), lw=2.5, zorder=2.6)
    ax.set(xlim=(-6, 6), ylim=(-0.05, 1.05), xlabel="z", ylabel="output")
    ax.grid(alpha=0.3)
    # lay out with a title of the right size, or tight_layout leaves it no room and it is clipped
    title = ax.set_title(f"sigmoid(w·z) with w = {w:+.2f}")
    fig.tight_layout()
    freeze_layout(fig)
    # a move redraws only the curve and the title over a kept picture of the rest
    blitter = Blitter(fig, [line, title])

    slider = mark_main(
        widgets.FloatSlider(
            value=w, min=-3.0, max=3.0, step=0.25, description="w", continuous_update=True
        )
    )

    def update(value: float) -> None:
        line.set_ydata(steepness_curve(value, z))
        title.set_text(f"sigmoid(w·z) with w = {value:+.2f}")
        blitter.update()

    slider.observe(lambda change: update(change["new"]), names="value")
    update(w)
    box = explorer_box("welcome", [slider], fig)
    box.update = update
    return box


@checked(weights=array(ndim=1))
def welcome_static(weights=(-2.0, 0.5, 1.0, 3.0)):
    """The welcome explorer's static companion: the curve for a few ``w``, side by side."""
    import matplotlib.pyplot as plt

    z = np.linspace(-6.0, 6.0, 241)
    with plt.ioff():
        fig, axes = column_grid(len(weights), 1.9, 2.4, sharey=True)
    for ax, w in zip(np.atleast_1d(axes), weights, strict=True):
        ax.plot(z, steepness_curve(w, z), lw=2.5)
        ax.set(title=f"w = {w:g}", xlabel="z", ylim=(-0.05, 1.05))
        ax.grid(alpha=0.3)
    np.atleast_1d(axes)[0].set_ylabel("sigmoid(w·z)")
    fig.tight_layout()
    return fig
