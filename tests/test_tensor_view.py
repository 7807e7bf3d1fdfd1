"""The lesson 2 tensor pictures: reduce_entry agrees with NumPy, the explorer and the static
figures build and respond, and bad input gets a message that names the fix."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_lib.widgets.tensor_view import (  # noqa: E402
    REDUCTIONS,
    color_channels_static,
    reduce_entry,
    tensor_explorer,
    tensor_reduce_static,
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.mark.parametrize("op", REDUCTIONS)
@pytest.mark.parametrize("axis", [0, 1, 2])
def test_reduce_entry_matches_numpy_for_every_entry(rng, axis, op):
    T = rng.normal(size=(2, 3, 4))
    expected = getattr(np, op)(T, axis=axis)
    for entry in range(expected.size):
        step = reduce_entry(T, axis, entry, op)
        np.testing.assert_allclose(step["result"], expected)
        members = np.array([T[m] for m in step["members"]])
        assert len(members) == T.shape[axis]
        assert getattr(np, op)(members) == pytest.approx(expected[step["cell"]])


def test_reduce_entry_members_vary_only_along_the_reduced_axis():
    step = reduce_entry(np.arange(24.0).reshape(2, 3, 4), axis=1, entry=5)
    assert step["cell"] == (1, 1)
    assert step["members"] == [(1, 0, 1), (1, 1, 1), (1, 2, 1)]
    assert step["text"] == "13 + 17 + 21 = 51"


def test_reduce_entry_writes_mean_and_max_arithmetic():
    T = np.arange(24.0).reshape(2, 3, 4)
    assert reduce_entry(T, 0, 0, "mean")["text"] == "(0 + 12) / 2 = 6"
    assert reduce_entry(T, 2, 0, "max")["text"] == "max(0, 1, 2, 3) = 3"


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"axis": 3}, ValueError, "axes are 0, 1 and 2"),
        ({"axis": 0, "entry": 12}, ValueError, r"only 12 entries"),
        ({"axis": 0, "op": "median"}, ValueError, "op should be one of"),
        ({"axis": 1.0}, TypeError, "axis should be a whole number"),
    ],
)
def test_reduce_entry_rejects_bad_arguments_with_a_helpful_message(kwargs, error, match):
    with pytest.raises(error, match=match):
        reduce_entry(np.zeros((2, 3, 4)), **kwargs)


def test_reduce_entry_needs_a_3d_tensor():
    with pytest.raises(ValueError, match="reduce_entry"):
        reduce_entry(np.zeros((3, 4)), 0)


def test_explorer_lights_the_combined_entries_and_updates_the_caption():
    box = tensor_explorer()
    assert "course-explorer" in box._dom_classes and "explorer-tensor" in box._dom_classes
    assert "T.sum(axis=0)" in box.caption.value and "0 + 12 = 12" in box.caption.value
    box.update(axis=2, entry=1)
    assert "shape (2, 3)" in box.caption.value and "4 + 5 + 6 + 7 = 22" in box.caption.value
    ax_t = box.figure.axes[0]
    lit = [
        (k, n)
        for k, cells in enumerate(ax_t.course_artists["cells"])
        for n, rect in enumerate(cells)
        if rect.get_facecolor()[:3] != (1.0, 1.0, 1.0)
    ]
    assert lit == [(0, 4), (0, 5), (0, 6), (0, 7)]


def test_explorer_controls_move_the_view():
    box = tensor_explorer(op="mean")
    box.controls["axis"].value = 1
    assert box.controls["entry"].max == 7  # the (2, 4) result has 8 entries
    box.controls["entry"].value = 3
    assert "(3 + 7 + 11) / 3 = 7" in box.caption.value
    box.controls["op"].value = "max"  # same result shape: the entry stays
    assert "max(3, 7, 11) = 11" in box.caption.value
    box.controls["axis"].value = 0  # a new shape: back to entry 0
    assert box.controls["entry"].value == 0 and box.controls["entry"].max == 11
    assert "max(0, 12) = 12" in box.caption.value


def test_static_companion_has_one_row_per_axis():
    fig = tensor_reduce_static(np.arange(24.0).reshape(2, 3, 4), op="sum")
    titles = [ax.get_title() for ax in fig.axes]
    assert titles[1::2] == [
        "T.sum(axis=0): shape (3, 4)",
        "T.sum(axis=1): shape (2, 4)",
        "T.sum(axis=2): shape (2, 3)",
    ]


def test_color_channels_shows_the_image_and_three_channels():
    img = np.zeros((4, 5, 3))
    img[:, :, 0] = 1.0
    fig = color_channels_static(img)
    assert len(fig.axes) == 4
    np.testing.assert_array_equal(fig.axes[1].images[0].get_array(), np.ones((4, 5)))


def test_color_channels_rejects_channels_first_and_unscaled_values():
    with pytest.raises(ValueError, match="moveaxis"):
        color_channels_static(np.zeros((3, 4, 5)))
    with pytest.raises(ValueError, match="divide by 255"):
        color_channels_static(np.full((4, 5, 3), 255.0))
