"""Self-checks for lesson 08, generalization: L2 weight decay, early stopping, initial weights.

Exercises: the L2 penalty of one weight matrix and its gradient, returned together; the epoch
whose weights early stopping keeps (with patience, looking only at the past); the standard
deviation of the initial weights (He for ReLU, Xavier otherwise). Each checker runs the
learner's function on several cases and names the usual slips: a missing 1/2, L1 instead of L2,
a norm not squared; the best epoch of the whole run (which early stopping cannot know), counting
from 0; a variance instead of a standard deviation, fan_out for fan_in.
"""

import numpy as np

from course_lib.checks.core import Case, WrongAnswer, check_function
from course_lib.checks.result import CheckResult

__all__ = ["check_penalty_and_grad", "check_early_stop_epoch", "check_init_std"]


# ---- exercise 1: the L2 penalty of one weight matrix and its gradient -------------------------


def _flat(value, grad) -> np.ndarray:
    """(penalty, gradient) as one vector: the penalty first, then the gradient's entries."""
    return np.concatenate([[float(value)], np.asarray(grad, dtype=float).ravel()])


def _penalty_and_grad(W, lam):
    return 0.5 * lam * np.sum(W * W), lam * W


def _as_flat(fn):
    def run(W, lam):
        out = fn(W, lam)
        if out is None:
            return None
        if not isinstance(out, tuple | list) or len(out) != 2:
            raise TypeError("return two things: (penalty, dW), e.g. `return penalty, dW`")
        return _flat(*out)

    return run


_W_CASES = [
    Case("W = [[1, 2], [0, -2]], lam = 0.1", (np.array([[1.0, 2.0], [0.0, -2.0]]), 0.1)),
    Case(
        "W = [[0.5, -1, 3]], lam = 0.01",
        (np.array([[0.5, -1.0, 3.0]]), 0.01),
    ),
    Case(
        "W (3, 2) of mixed signs, lam = 1",
        (np.array([[0.2, -0.4], [1.5, 0.0], [-2.0, 0.3]]), 1.0),
    ),
]
_W_WRONG = [
    WrongAnswer(
        "your penalty has no ½: with lam * sum(W**2) the gradient would be 2 * lam * W. The "
        "course writes the penalty as lam / 2 * sum(W**2), so its gradient is simply lam * W.",
        lambda W, lam: _flat(lam * np.sum(W * W), lam * W),
    ),
    WrongAnswer(
        "the penalty and the gradient are both twice too big: you left out the ½ and took the "
        "derivative of lam * W**2 (2 * lam * W). Use lam / 2 * sum(W**2) and lam * W.",
        lambda W, lam: _flat(lam * np.sum(W * W), 2 * lam * W),
    ),
    WrongAnswer(
        "you summed absolute values (that is L1, np.abs): L2 squares each weight, W**2.",
        lambda W, lam: _flat(0.5 * lam * np.sum(np.abs(W)), 0.5 * lam * np.sign(W)),
    ),
    WrongAnswer(
        "you used the length of W, sqrt(sum(W**2)) (np.linalg.norm), without squaring it: the "
        "penalty is lam / 2 times the SUM OF SQUARES.",
        lambda W, lam: _flat(0.5 * lam * np.sqrt(np.sum(W * W)), lam * W),
    ),
    WrongAnswer(
        "you summed the weights themselves (sum(W)); square each weight first (W**2), so "
        "negative weights count as much as positive ones.",
        lambda W, lam: _flat(0.5 * lam * np.sum(W), lam * W),
    ),
    WrongAnswer(
        "the penalty is right but the gradient is not lam * W: the derivative of "
        "lam / 2 * w**2 with respect to w is lam * w (one entry per weight, same shape as W).",
        lambda W, lam: _flat(0.5 * lam * np.sum(W * W), np.full_like(W, lam)),
    ),
]


def check_penalty_and_grad(penalty_and_grad) -> CheckResult:
    """Check ``penalty_and_grad(W, lam) -> (lam / 2 * sum(W**2), lam * W)``."""
    fn = _as_flat(penalty_and_grad) if callable(penalty_and_grad) else penalty_and_grad
    return check_function(
        "penalty_and_grad (penalty first, then the gradient's entries)",
        fn,
        lambda W, lam: _flat(*_penalty_and_grad(W, lam)),
        _W_CASES,
        wrong=_W_WRONG,
        hint="go back to the formula of section 3: the penalty squares EVERY entry of W, adds "
        "them up and multiplies by lam / 2; the gradient has one entry per weight (W's shape), "
        "the derivative of lam / 2 * w**2. Return both: `return penalty, dW`.",
    )


# ---- exercise 2: which epoch does early stopping keep? -----------------------------------------


def _early_stop_epoch(val_losses, patience):
    best, best_epoch = np.inf, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < best:
            best, best_epoch = loss, epoch
        elif epoch - best_epoch >= patience:
            break
    return best_epoch


def _global_best(val_losses, patience):
    return int(np.argmin(val_losses)) + 1


def _zero_based(val_losses, patience):
    return _early_stop_epoch(val_losses, patience) - 1


def _stop_epoch(val_losses, patience):
    best, best_epoch = np.inf, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < best:
            best, best_epoch = loss, epoch
        elif epoch - best_epoch >= patience:
            return epoch
    return len(val_losses)


def _first_rise(val_losses, patience):
    for epoch in range(2, len(val_losses) + 1):
        if val_losses[epoch - 1] > val_losses[epoch - 2]:
            return epoch - 1
    return len(val_losses)


_ES_CASES = [
    Case(
        "losses [0.9, 0.7, 0.6, 0.65, 0.7, 0.8, 0.9], patience 3",
        ([0.9, 0.7, 0.6, 0.65, 0.7, 0.8, 0.9], 3),
    ),
    Case(
        "losses [1.0, 0.8, 0.85, 0.7, 0.75, 0.8, 0.9, 0.5], patience 3",
        ([1.0, 0.8, 0.85, 0.7, 0.75, 0.8, 0.9, 0.5], 3),
    ),
    Case(
        "losses [0.5, 0.6, 0.4, 0.45, 0.3, 0.35], patience 2",
        ([0.5, 0.6, 0.4, 0.45, 0.3, 0.35], 2),
    ),
    Case("losses [0.9, 0.8, 0.7, 0.6], patience 2 (never stops early)", ([0.9, 0.8, 0.7, 0.6], 2)),
]
_ES_WRONG = [
    WrongAnswer(
        "you returned the lowest loss of the WHOLE list (np.argmin over everything). Early "
        "stopping cannot see the future: it stops `patience` epochs after the last new "
        "minimum, so a dip that comes later is never reached.",
        _global_best,
    ),
    WrongAnswer(
        "off by one: epochs are counted from 1 (the first loss is epoch 1), but you returned "
        "a 0-based list index. Add 1.",
        _zero_based,
    ),
    WrongAnswer(
        "you returned the epoch where training STOPS; the question is which epoch's weights "
        "are kept, the one with the lowest validation loss so far.",
        _stop_epoch,
    ),
    WrongAnswer(
        "you stopped at the first rise of the loss: that ignores `patience`. Wait `patience` "
        "epochs without a new minimum before giving up; the loss may fall again.",
        _first_rise,
    ),
]


def check_early_stop_epoch(early_stop_epoch) -> CheckResult:
    """Check ``early_stop_epoch(val_losses, patience)``: the epoch (from 1) whose weights stay."""
    return check_function(
        "early_stop_epoch",
        early_stop_epoch,
        _early_stop_epoch,
        _ES_CASES,
        tol=0,
        wrong=_ES_WRONG,
        hint="walk through the losses in order (epoch 1, 2, ...), remember the best loss and "
        "its epoch, and stop once `patience` epochs in a row brought no new best.",
    )


# ---- exercise 3: the scale of the initial weights ----------------------------------------------


def _init_std(fan_in, fan_out, activation):
    if activation == "relu":
        return float(np.sqrt(2.0 / fan_in))
    return float(np.sqrt(2.0 / (fan_in + fan_out)))


_INIT_CASES = [
    Case("fan_in=64, fan_out=128, 'relu'", (64, 128, "relu")),
    Case("fan_in=128, fan_out=10, 'tanh'", (128, 10, "tanh")),
    Case("fan_in=2, fan_out=8, 'relu'", (2, 8, "relu")),
    Case("fan_in=100, fan_out=300, 'sigmoid'", (100, 300, "sigmoid")),
]
_INIT_WRONG = [
    WrongAnswer(
        "you returned the VARIANCE (2 / fan_in, ...): rng.normal wants the standard deviation, "
        "its square root (np.sqrt).",
        lambda i, o, a: 2.0 / i if a == "relu" else 2.0 / (i + o),
    ),
    WrongAnswer(
        "for ReLU you used fan_out: He initialisation keeps the size of the signal going "
        "FORWARD, so it divides by the number of inputs of each node, fan_in.",
        lambda i, o, a: float(np.sqrt(2.0 / o)) if a == "relu" else float(np.sqrt(2.0 / (i + o))),
    ),
    WrongAnswer(
        "you used sqrt(1 / fan_in) for ReLU: ReLU sets about half of its inputs to 0, which "
        "halves the signal's power, and He's factor 2 makes up for it: sqrt(2 / fan_in).",
        lambda i, o, a: float(np.sqrt(1.0 / i)) if a == "relu" else float(np.sqrt(2.0 / (i + o))),
    ),
    WrongAnswer(
        "you gave every activation the ReLU rule: tanh and sigmoid use Xavier (Glorot), "
        "sqrt(2 / (fan_in + fan_out)).",
        lambda i, o, a: float(np.sqrt(2.0 / i)),
    ),
    WrongAnswer(
        "you gave every activation the Xavier rule: ReLU uses He, sqrt(2 / fan_in).",
        lambda i, o, a: float(np.sqrt(2.0 / (i + o))),
    ),
]


def check_init_std(init_std) -> CheckResult:
    """Check ``init_std(fan_in, fan_out, activation)``: He for 'relu', Xavier otherwise."""
    return check_function(
        "init_std",
        init_std,
        _init_std,
        _INIT_CASES,
        tol=1e-9,
        wrong=_INIT_WRONG,
        hint="go back to section 6: a ReLU layer uses He's rule, which depends on fan_in only; "
        "any other activation uses Xavier's, which averages fan_in and fan_out. Both give a "
        "variance; return its square root, the standard deviation.",
    )
