"""Lesson 09 checkers: pass the reference, name typical mistakes, say 'not done' for stubs."""

import numpy as np
import pytest

from course_lib.checks import lesson09 as L


def _stub(*args):
    raise NotImplementedError


@pytest.fixture(autouse=True)
def _quiet(capsys):
    yield


def test_scale_test_passes_reference_solution():
    assert L.check_scale_test(L._scale_test).status == "passed"


@pytest.mark.parametrize(
    ("fn", "words"),
    [
        (L._own_stats, "TEST set's own"),
        (L._global, "one mean and one std"),
        (L._no_centre, "did not subtract"),
        (lambda a, b: (b - a.mean(axis=0)) / a.std(axis=0), "NaN or inf"),
    ],
)
def test_scale_test_names_typical_mistakes(fn, words):
    result = L.check_scale_test(fn)
    assert result.status == "failed"
    assert words in result.hint


def test_scale_test_stub_is_not_done():
    assert L.check_scale_test(_stub).status == "not done"


def test_num_params_passes_9610_and_names_weights_only():
    assert L.check_digits_num_params(9610).status == "passed"
    result = L.check_digits_num_params(64 * 128 + 128 * 10)
    assert result.status == "failed" and "bias" in result.hint
    assert L.check_digits_num_params(None).status == "not done"


def test_num_params_not_done_message_names_the_notebook_variable(capsys):
    L.check_digits_num_params(None)
    assert "set num_params to your answer" in capsys.readouterr().out


def test_accuracy_from_confusion_passes_reference_and_names_mistakes():
    assert L.check_accuracy_from_confusion(L._acc_from_cm).status == "passed"
    trace = L.check_accuracy_from_confusion(lambda cm: float(np.trace(cm)))
    assert "number of right answers" in trace.hint
    balanced = L.check_accuracy_from_confusion(
        lambda cm: float(np.mean(np.diag(cm) / np.sum(cm, axis=1)))
    )
    assert "balanced accuracy" in balanced.hint
    assert L.check_accuracy_from_confusion(_stub).status == "not done"
