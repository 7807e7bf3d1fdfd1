"""The lesson-5 descent animation: frames follow the walk, and a diverging walk stays finite."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_lib.landscapes import Parabola1D  # noqa: E402
from course_lib.surfaces import Quadratic  # noqa: E402
from course_lib.widgets.descent_animation import (  # noqa: E402
    descent_animation,
    descent_animation_static,
    descent_run,
    plot_descent,
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_descent_run_matches_the_update_rule_by_hand():
    bowl = Quadratic(condition_number=5.0, rotation=np.pi / 6)
    run = descent_run(bowl, 0.3, 3)
    theta = bowl.default_start.copy()
    for _ in range(3):
        theta = theta - 0.3 * bowl.gradient(theta)
    np.testing.assert_allclose(run.path[-1], theta)


def test_descent_run_stops_a_diverging_walk_before_it_blows_up():
    run = descent_run(Parabola1D(), 2.5, 100)
    assert run.diverged_at is not None
    assert np.all(np.isfinite(run.path)) and np.all(np.isfinite(run.losses))


def test_descent_animation_frame_k_shows_the_first_k_steps():
    bowl = Quadratic(condition_number=5.0, rotation=np.pi / 6)
    box = descent_animation(bowl, 0.3, 10)
    box.update(4)
    ax = box.figure.axes[0]
    xs, ys = ax.course_artists["path"].get_data()
    assert len(xs) == 5
    np.testing.assert_allclose(np.column_stack([xs, ys]), box.run.path[:5])
    assert "step 4" in ax.get_title()


def test_descent_animation_title_says_where_a_walk_diverged():
    box = descent_animation(Parabola1D(), 2.5, 60)
    box.update(60)
    assert f"diverged at step {box.run.diverged_at}" in box.figure.axes[0].get_title()


def test_descent_animation_static_has_one_panel_per_frame():
    fig = descent_animation_static(Parabola1D(), 0.5, 10, frames=[0, 3, 10])
    assert sum(ax.get_visible() for ax in fig.axes) == 3


def test_plot_descent_title_gives_the_loss_reached():
    ax = plot_descent(Parabola1D(), 0.5, 5)
    assert "step 5" in ax.get_title()


def test_descent_run_rejects_a_negative_learning_rate():
    with pytest.raises(ValueError, match="lr"):
        descent_run(Parabola1D(), -0.1, 5)
