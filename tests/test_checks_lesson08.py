"""Lesson 08 checkers: pass the reference, name typical mistakes, say 'not done' for stubs."""

import numpy as np
import pytest

from course_lib.checks import lesson08 as L


def _stub(*args):
    raise NotImplementedError


@pytest.fixture(autouse=True)
def _quiet(capsys):
    yield


# ---- exercise 1: penalty and gradient ----------------------------------------------------------


def test_penalty_and_grad_passes_the_reference():
    assert L.check_penalty_and_grad(L._penalty_and_grad).status == "passed"


def test_penalty_and_grad_passes_an_equivalent_list_answer():
    def answer(W, lam):
        return [lam / 2 * (W**2).sum(), lam * W]

    assert L.check_penalty_and_grad(answer).status == "passed"


@pytest.mark.parametrize(
    ("fn", "words"),
    [
        (lambda W, lam: (lam * np.sum(W**2), lam * W), "no ½"),
        (lambda W, lam: (lam * np.sum(W**2), 2 * lam * W), "twice too big"),
        (lambda W, lam: (lam / 2 * np.sum(np.abs(W)), lam / 2 * np.sign(W)), "L1"),
        (lambda W, lam: (lam / 2 * np.linalg.norm(W), lam * W), "without squaring"),
        (lambda W, lam: (lam / 2 * np.sum(W), lam * W), "square each weight"),
        (lambda W, lam: (lam / 2 * np.sum(W**2), lam + 0 * W), "gradient is not lam * W"),
    ],
)
def test_penalty_and_grad_names_typical_mistakes(fn, words):
    result = L.check_penalty_and_grad(fn)
    assert result.status == "failed"
    assert words in result.hint


def test_penalty_and_grad_stub_is_not_done_and_a_single_return_is_explained():
    assert L.check_penalty_and_grad(_stub).status == "not done"
    assert L.check_penalty_and_grad(None).status == "not done"
    result = L.check_penalty_and_grad(lambda W, lam: lam / 2 * np.sum(W**2))
    assert result.status == "failed"
    assert "return two things" in result.report()


# ---- exercise 2: early stopping -----------------------------------------------------------------


def test_early_stop_epoch_passes_the_reference():
    assert L.check_early_stop_epoch(L._early_stop_epoch).status == "passed"


@pytest.mark.parametrize(
    ("fn", "words"),
    [
        (L._global_best, "cannot see the future"),
        (L._zero_based, "off by one"),
        (L._stop_epoch, "STOPS"),
        (L._first_rise, "ignores `patience`"),
    ],
)
def test_early_stop_epoch_names_typical_mistakes(fn, words):
    result = L.check_early_stop_epoch(fn)
    assert result.status == "failed"
    assert words in result.hint


def test_early_stop_epoch_stub_is_not_done():
    assert L.check_early_stop_epoch(_stub).status == "not done"


def test_early_stop_reference_agrees_with_the_library_callback():
    from course_lib.regularization import EarlyStopping

    class Fixed:
        """A stand-in model whose 'validation loss' is the next entry of ``losses``."""

        def __init__(self, losses):
            self.losses, self.params, self.k = losses, {"W1": np.zeros((1, 1))}, 0

        def forward(self, X):
            self.k += 1
            return self.losses[self.k - 1]

    for case in L._ES_CASES:
        losses, patience = case.args
        model = Fixed(losses)
        stop = EarlyStopping(np.zeros((1, 1)), [0], patience, (lambda o, y: o, None))
        while model.k < len(losses) and stop(None, model):
            pass
        assert stop.best_epoch == L._early_stop_epoch(losses, patience)


# ---- exercise 3: initial weights -----------------------------------------------------------------


def test_init_std_passes_the_reference_and_matches_the_mlp():
    assert L.check_init_std(L._init_std).status == "passed"
    from course_lib.network import MLP

    model = MLP([400, 300, 200], hidden_activation="relu", rng=np.random.default_rng(0))
    assert model.params["W1"].std() == pytest.approx(L._init_std(400, 300, "relu"), rel=0.01)
    assert model.params["W2"].std() == pytest.approx(L._init_std(300, 200, "tanh"), rel=0.01)


@pytest.mark.parametrize(
    ("fn", "words"),
    [
        (lambda i, o, a: 2 / i if a == "relu" else 2 / (i + o), "VARIANCE"),
        (lambda i, o, a: np.sqrt(2 / o) if a == "relu" else np.sqrt(2 / (i + o)), "fan_out"),
        (lambda i, o, a: np.sqrt(1 / i) if a == "relu" else np.sqrt(2 / (i + o)), "factor 2"),
        (lambda i, o, a: np.sqrt(2 / i), "Xavier (Glorot)"),
        (lambda i, o, a: np.sqrt(2 / (i + o)), "ReLU uses He"),
    ],
)
def test_init_std_names_typical_mistakes(fn, words):
    result = L.check_init_std(fn)
    assert result.status == "failed"
    assert words in result.hint


def test_init_std_stub_is_not_done():
    assert L.check_init_std(_stub).status == "not done"


def test_general_hints_lead_without_giving_the_answer_away():
    """An unrecognised wrong answer gets a hint that points to the lesson, not the solution."""
    odd = L.check_penalty_and_grad(lambda W, lam: (3.0, W * 0 + 7.0))
    assert odd.status == "failed" and "section 3" in odd.hint
    assert "lam * W" not in odd.hint and "np.sum" not in odd.hint
    odd = L.check_init_std(lambda i, o, a: 0.5)
    assert odd.status == "failed" and "section 6" in odd.hint
    assert "np.sqrt(2" not in odd.hint and "2 / fan_in" not in odd.hint
