"""Lesson 9's digit-predictions explorer and its compute: the probabilities are the network's
softmax, the explorer shows exactly them (image, bars, colours, caption) at every slider end and
in "only mistakes" mode, and the static companion titles its panels from the same values."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_lib import datasets, training  # noqa: E402
from course_lib.activations import softmax  # noqa: E402
from course_lib.demos.digit_predictions import browse, digit_predictions, position_text  # noqa: E402
from course_lib.evaluation import class_probabilities  # noqa: E402
from course_lib.network import MLP  # noqa: E402
from course_lib.optimizers import Adam  # noqa: E402
from course_lib.plotting import COLORS  # noqa: E402
from course_lib.widgets.digit_predictions import (  # noqa: E402
    digit_predictions_explorer,
    digit_predictions_static,
)
from tests.test_explorer_frames import (  # noqa: E402, F401
    _full_draw_pixels,
    _shown_canvas,
    ipympl_backend,
)

pytest.importorskip("ipywidgets")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def lesson():
    """A small digits network trained briefly: good, but with some test mistakes."""
    images, labels = datasets.load_digits()
    X = images.reshape(len(images), 64)
    X_train, X_test, y_train, y_test = datasets.train_test_split(
        X, labels, 0.2, np.random.default_rng(0), stratify=True
    )
    X_train_std, mean, std = datasets.standardize(X_train)
    model = MLP([64, 16, 10], rng=np.random.default_rng(0))
    training.train(
        model,
        X_train_std,
        y_train,
        "softmax_cross_entropy",
        Adam(lr=0.003),
        32,
        2,
        np.random.default_rng(1),
    )
    return model, X_test, y_test, mean, std


# ---- the compute ----------------------------------------------------------------------------


def test_class_probabilities_is_the_softmax_of_the_logits_and_agrees_with_predict(rng):
    model = MLP([5, 4, 3], rng=rng)
    X = rng.normal(size=(7, 5))
    p = class_probabilities(model, X)
    assert p.shape == (7, 3)
    logits = model.forward(X).copy()
    np.testing.assert_allclose(p, softmax(logits), rtol=1e-12)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=1e-12)
    np.testing.assert_array_equal(p.argmax(axis=1), model.predict(X))


def test_class_probabilities_takes_a_softmax_output_layer_as_it_is(rng):
    model = MLP([3, 4], hidden_activation="relu", output_activation="softmax", rng=rng)
    X = rng.normal(size=(6, 3))
    np.testing.assert_allclose(class_probabilities(model, X), model.forward(X), rtol=1e-12)


def test_class_probabilities_refuses_a_single_output_and_names_the_function(rng):
    model = MLP([3, 1], output_activation="sigmoid", rng=rng)
    with pytest.raises(ValueError, match="class_probabilities: the model gives outputs of shape"):
        class_probabilities(model, rng.normal(size=(4, 3)))


def test_digit_predictions_standardises_with_the_training_statistics(lesson):
    model, X_test, y_test, mean, std = lesson
    data = digit_predictions(model, X_test.reshape(-1, 8, 8), y_test, mean, std)
    expected = class_probabilities(model, (X_test - mean) / std)
    np.testing.assert_allclose(data["probs"], expected, rtol=1e-12)
    np.testing.assert_array_equal(data["predicted"], expected.argmax(axis=1))
    np.testing.assert_array_equal(data["wrong"], np.flatnonzero(data["predicted"] != y_test))
    assert data["images"].shape == (len(y_test), 8, 8)


def test_digit_predictions_refuses_statistics_of_the_wrong_length(lesson):
    model, X_test, y_test, mean, std = lesson
    with pytest.raises(ValueError, match="digit_predictions: images .* one mean and std per pixel"):
        digit_predictions(model, X_test, y_test, mean[:10], std)


# ---- the explorer ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def box(lesson):
    return digit_predictions_explorer(*lesson)


def _shown_matches(box, i):
    data = box.data
    assert box.state["shown"] == i
    np.testing.assert_array_equal(box.artists["image"].get_array(), data["images"][i])
    heights = [bar.get_height() for bar in box.artists["bars"]]
    np.testing.assert_allclose(heights, data["probs"][i])
    assert np.all(np.isfinite(heights))
    y, guess = int(data["labels"][i]), int(data["predicted"][i])
    colors = [bar.get_facecolor() for bar in box.artists["bars"]]
    assert matplotlib.colors.same_color(colors[y], COLORS["right"])
    if guess != y:
        assert matplotlib.colors.same_color(colors[guess], COLORS["wrong"])
    others = [c for k, c in enumerate(colors) if k not in (y, guess)]
    assert all(matplotlib.colors.same_color(c, COLORS["grey"]) for c in others)
    p = data["probs"][i][guess]
    assert f"true {y}, predicted {guess} (p = {p:.2f})" in box.caption.value


def test_digit_predictions_explorer_builds_with_the_course_classes(box):
    assert "course-explorer" in box._dom_classes
    assert "explorer-digit-predictions" in box._dom_classes
    assert "course-main-slider" in box.controls["index"]._dom_classes
    assert box.controls["index"].max == len(box.data["labels"]) - 1


def test_digit_predictions_slider_ends_show_those_images_and_their_probabilities(box):
    slider = box.controls["index"]
    for value in (slider.max, slider.min):
        slider.value = value
        _shown_matches(box, value)
        assert f"test digit {value} of {len(box.data['labels'])}" in box.caption.value


def test_digit_predictions_only_mistakes_walks_through_the_wrong_answers(box):
    wrong = box.data["wrong"]
    assert len(wrong) > 0  # the briefly trained network makes some mistakes
    box.controls["only_mistakes"].value = True
    slider = box.controls["index"]
    assert slider.max == len(wrong) - 1 and slider.value == 0
    for k in (0, slider.max):
        slider.value = k
        _shown_matches(box, int(wrong[k]))
        assert f"mistake {k + 1} of {len(wrong)}" in box.caption.value
        assert "the true class got p = " in box.caption.value
    box.update(only_mistakes=False, index=5)
    assert box.controls["only_mistakes"].value is False and slider.value == 5
    _shown_matches(box, 5)


def test_digit_predictions_changes_no_text_in_the_figure(box):
    from matplotlib.text import Text

    def texts():
        box.figure.canvas.draw()
        found = box.figure.findobj(lambda a: isinstance(a, Text) and a.get_visible())
        return sorted(t.get_text() for t in found if t.get_text())

    box.update(index=3)
    before = texts()
    box.update(index=40)
    assert texts() == before


def test_digit_predictions_without_mistakes_disables_the_checkbox(lesson):
    model, X_test, y_test, mean, std = lesson
    data = digit_predictions(*lesson)
    right = np.setdiff1d(np.arange(len(y_test)), data["wrong"])[:20]
    box = digit_predictions_explorer(model, X_test[right], y_test[right], mean, std)
    assert box.controls["only_mistakes"].disabled
    with pytest.raises(ValueError, match="no mistakes"):
        box.update(only_mistakes=True)


def test_digit_predictions_static_titles_come_from_the_values(lesson):
    fig = digit_predictions_static(*lesson)
    data = digit_predictions(*lesson)
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert len(titles) == 5
    wrong = [int(i) for i in data["wrong"][:4]]
    for title, i in zip(titles, wrong, strict=False):
        guess = int(data["predicted"][i])
        assert title.startswith(f"true {int(data['labels'][i])},\npredicted {guess}\n")
    with pytest.raises(ValueError, match="indices should be test-image numbers"):
        digit_predictions_static(*lesson, indices=[len(data["labels"])])


def test_browse_clips_the_index_and_restarts_at_zero_when_switching_lists():
    assert browse(3, False, n=10, num_wrong=4, new_index=25) == (9, False)
    assert browse(3, False, n=10, num_wrong=4, new_index=-2) == (0, False)
    assert browse(7, False, n=10, num_wrong=4, new_only=True) == (0, True)
    assert browse(2, True, n=10, num_wrong=4, new_index=9, new_only=True) == (3, True)
    assert browse(2, True, n=10, num_wrong=4, new_only=False) == (0, False)
    assert browse(5, False, n=10, num_wrong=0) == (5, False)


def test_browse_refuses_only_mistakes_when_there_are_none():
    with pytest.raises(ValueError, match="no mistakes to show"):
        browse(0, False, n=10, num_wrong=0, new_only=True)


def test_position_text_counts_mistakes_or_test_digits():
    assert position_text(1, 7, 10, 4, True) == "mistake 2 of 4 (test digit 7)"
    assert position_text(7, 7, 10, 4, False) == "test digit 7 of 10 (0 to 9)"


# ipympl 0.10's Toolbar passes its canvas on to traitlets, which warns (harmless, ipympl's own)
@pytest.mark.filterwarnings("ignore:Passing unrecognized arguments to super:DeprecationWarning")
@pytest.mark.usefixtures("ipympl_backend")
def test_digit_predictions_frames_are_full_draws_with_only_mistakes_too(lesson):
    """Each move (index slider, "only mistakes" box) sends a frame equal to a full draw."""
    box = digit_predictions_explorer(*lesson)
    canvas, _slider, sent = _shown_canvas(box)
    moves = [{"index": 7}, {"only_mistakes": True}, {"index": 1}, {"only_mistakes": False}]
    for move in moves + [{"index": box.controls["index"].max}]:
        before = len(sent)
        box.update(**move)
        assert len(sent) > before, f"{move}: no frame sent"
        shown = np.asarray(canvas.buffer_rgba()).copy()
        assert np.array_equal(shown, _full_draw_pixels(box.figure)), move
