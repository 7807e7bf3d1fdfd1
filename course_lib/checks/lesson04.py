"""Self-checks for lesson 04: mean squared error, binary and categorical cross-entropy, choosing
a loss.

Shapes: ``y_hat`` and ``y`` (N,) for MSE; probabilities ``p`` and 0/1 targets ``y`` (N,) for
binary cross-entropy; class probabilities ``P`` (N, C) with integer labels (N,) for the
categorical one. The checkers recognise the usual slips: a missing 1/N, the average taken before
squaring (the source sheet's cut-off formula), absolute instead of squared errors, a lost minus
sign, a missing (1 − y) term, log base 10.
"""

import numpy as np

from course_lib.checks.answers import check_answers
from course_lib.checks.core import Case, WrongAnswer, check_function, check_value
from course_lib.checks.feedback import describe
from course_lib.checks.result import CheckResult
from course_lib.losses import binary_cross_entropy, mse

__all__ = [
    "check_mse",
    "check_binary_cross_entropy",
    "check_categorical_cross_entropy",
    "check_loss_choice",
    "CCE_PROBS",
    "CCE_LABELS",
    "LOSS_TASKS",
]


def _f(x) -> np.ndarray:
    return np.asarray(x, dtype=np.float64)


# ---- exercise 1: MSE ----------------------------------------------------------------------------

_MSE_CASES = [
    Case(
        "y_hat = [2, 3, 5], y = [1, 3, 7]", (np.array([2.0, 3.0, 5.0]), np.array([1.0, 3.0, 7.0]))
    ),
    Case(
        "y_hat = [0.5, -1, 2, 4], y = [1, 1, 1, 1]", (np.array([0.5, -1.0, 2.0, 4.0]), np.ones(4))
    ),
    Case("y_hat = [3], y = [1]", (np.array([3.0]), np.array([1.0]))),
]

_MSE_WRONG = [
    WrongAnswer(
        "you averaged the differences first and squared afterwards, (mean(y_hat − y))²: "
        "square each difference first, then average. Positive and negative errors must not "
        "cancel.",
        lambda a, b: float(np.mean(_f(a) - _f(b)) ** 2),
    ),
    WrongAnswer(
        "you added up the squared errors without dividing: multiply by 1/N (use np.mean).",
        lambda a, b: float(np.sum((_f(a) - _f(b)) ** 2)),
    ),
    WrongAnswer(
        "you averaged the absolute errors |y_hat − y| (that is the mean absolute error): square "
        "each difference instead.",
        lambda a, b: float(np.mean(np.abs(_f(a) - _f(b)))),
    ),
    WrongAnswer(
        "you took a square root at the end (that is the RMSE): the mean squared error stops "
        "after the average.",
        lambda a, b: float(np.sqrt(np.mean((_f(a) - _f(b)) ** 2))),
    ),
    WrongAnswer(
        "you averaged the differences without squaring them: square each one, (y_hat − y)**2.",
        lambda a, b: float(np.mean(_f(a) - _f(b))),
    ),
    WrongAnswer(
        "you divided by 2N: some books use ½·MSE to simplify the derivative, but the MSE itself "
        "divides by N.",
        lambda a, b: float(np.mean((_f(a) - _f(b)) ** 2) / 2),
    ),
    WrongAnswer(
        "you used `//`, which rounds the average DOWN to a whole number: divide with `/` (or "
        "use np.mean).",
        lambda a, b: float(np.sum((_f(a) - _f(b)) ** 2) // len(_f(a))),
    ),
]


def check_mse(my_mse, verbose: bool = True, reveal: bool = False) -> CheckResult:
    r"""Check ``my_mse(y_hat, y)``: :math:`\frac1N \sum_i (\hat y_i - y_i)^2` for arrays (N,)."""
    return check_function(
        "my_mse",
        my_mse,
        mse,
        _MSE_CASES,
        wrong=_MSE_WRONG,
        hint=(
            "three steps, in this order: the differences, each one squared, then their average.",
            "subtract, square each difference, then average: np.mean((y_hat - y) ** 2).",
        ),
        verbose=verbose,
        reveal=reveal,
    )


# ---- exercise 2: binary cross-entropy -----------------------------------------------------------

_BCE_CASES = [
    Case(
        "p = [0.9, 0.2, 0.6], y = [1, 0, 1]", (np.array([0.9, 0.2, 0.6]), np.array([1.0, 0.0, 1.0]))
    ),
    Case("p = [0.3, 0.8], y = [1, 1]", (np.array([0.3, 0.8]), np.array([1.0, 1.0]))),
    Case(
        "p = [0.5, 0.1, 0.7, 0.4], y = [0, 0, 1, 0]",
        (np.array([0.5, 0.1, 0.7, 0.4]), np.array([0.0, 0.0, 1.0, 0.0])),
    ),
]


def _bce_terms(p, y):
    p, y = _f(p), _f(y)
    return y * np.log(p) + (1 - y) * np.log(1 - p)


_BCE_WRONG = [
    WrongAnswer(
        "your loss is negative: the logs of probabilities are negative, so the formula starts "
        "with a minus sign, −mean(...).",
        lambda p, y: float(np.mean(_bce_terms(p, y))),
    ),
    WrongAnswer(
        "the (1 − y)·log(1 − p) term is missing: examples of class 0 must count too.",
        lambda p, y: float(-np.mean(_f(y) * np.log(_f(p)))),
    ),
    WrongAnswer(
        "you added up the terms without dividing: take the mean over the N examples.",
        lambda p, y: float(-np.sum(_bce_terms(p, y))),
    ),
    WrongAnswer(
        "you used log base 10: cross-entropy uses the natural log, np.log.",
        lambda p, y: float(-np.mean(_f(y) * np.log10(_f(p)) + (1 - _f(y)) * np.log10(1 - _f(p)))),
    ),
    WrongAnswer(
        "the second term should be log(1 − p), the probability of class 0; you used log(p) twice.",
        lambda p, y: float(-np.mean(_f(y) * np.log(_f(p)) + (1 - _f(y)) * np.log(_f(p)))),
    ),
]


def check_binary_cross_entropy(my_bce, verbose: bool = True, reveal: bool = False) -> CheckResult:
    r"""Check ``my_bce(p, y)``: :math:`-\frac1N \sum_i [y_i \log p_i + (1 - y_i)\log(1 - p_i)]`.

    p: probabilities (N,), strictly between 0 and 1 in the cases; y: 0/1 targets (N,).
    """
    return check_function(
        "my_bce",
        my_bce,
        binary_cross_entropy,
        _BCE_CASES,
        wrong=_BCE_WRONG,
        hint=(
            "each example costs −log of the probability it gave its TRUE class: p when y = 1, "
            "1 − p when y = 0. The loss is the mean of those costs.",
            "-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)).",
        ),
        verbose=verbose,
        reveal=reveal,
    )


# ---- exercise 3: categorical cross-entropy (a value) -------------------------------------------

#: The probabilities of exercise 3: 3 examples, 3 classes (each row sums to 1).
CCE_PROBS = np.array([[0.7, 0.2, 0.1], [0.1, 0.5, 0.4], [0.3, 0.3, 0.4]])
#: The true classes of exercise 3.
CCE_LABELS = np.array([0, 2, 1])


def _picked() -> np.ndarray:
    return CCE_PROBS[np.arange(3), CCE_LABELS]


def check_categorical_cross_entropy(
    answer, verbose: bool = True, reveal: bool = False
) -> CheckResult:
    r"""Check the value of :math:`-\frac1N \sum_n \log P_{n, y_n}` for ``CCE_PROBS`` and
    ``CCE_LABELS`` (ln 0.7, ln 0.4, ln 0.3 averaged and negated: about 0.8256)."""
    picked = _picked()
    expected = float(-np.mean(np.log(picked)))
    predicted = CCE_PROBS.max(axis=1)
    wrong = {
        float(-np.sum(np.log(picked))): "that is the sum over the examples: divide by N = 3.",
        float(np.mean(np.log(picked))): "the sign is flipped: the loss is −mean(log p), positive.",
        float(-np.mean(np.log10(picked))): "that used log base 10: use the natural log, np.log.",
        float(-np.mean(np.log(predicted))): (
            "you took each row's largest probability (the model's guess): take the probability "
            "of the TRUE class, P[n, labels[n]], i.e. P[np.arange(3), labels]."
        ),
        float(-np.mean(np.log(CCE_PROBS))): (
            "you averaged −log over every entry of P: only the true class's entry of each row "
            "counts, P[np.arange(3), labels]."
        ),
    }
    return check_value(
        "cce",
        answer,
        expected,
        tol=1e-6,
        wrong=wrong,
        hint=(
            "only the probability of each row's TRUE class counts: pick those three numbers, "
            "take −log of each, then the mean.",
            "pick each row's true-class probability, P[np.arange(3), labels], take −log of "
            "each, then the mean.",
        ),
        label="cce",
        verbose=verbose,
        reveal=reveal,
    )


# ---- exercise 4: choosing a loss -----------------------------------------------------------------

#: Task -> the right loss, as named in course_lib.losses.
LOSS_TASKS = {
    "price of a house in euros": "mse",
    "is an email spam or not": "binary_cross_entropy",
    "which digit 0-9 is in an image": "softmax_cross_entropy",
    "tomorrow's temperature": "mse",
    "does a photo contain a cat (yes/no)": "binary_cross_entropy",
}

_ALIASES = {
    "mse": "mse",
    "mean squared error": "mse",
    "squared error": "mse",
    "binary cross entropy": "binary_cross_entropy",
    "bce": "binary_cross_entropy",
    "binary cross entropy with logits": "binary_cross_entropy",
    "softmax cross entropy": "softmax_cross_entropy",
    "categorical cross entropy": "softmax_cross_entropy",
    "cce": "softmax_cross_entropy",
}


def _normalise(name) -> str | None:
    if not isinstance(name, str):
        return None
    key = " ".join(name.lower().replace("_", " ").replace("-", " ").split())
    key = key.replace("crossentropy", "cross entropy")
    return _ALIASES.get(key, key)


def _why(right: str, raw, given: str | None) -> str:
    """A note that leads towards the right loss without naming it."""
    if given is None:
        return f"you gave {describe(raw)}; expected a loss name as a string in quotes"
    if given == "cross entropy":
        return "which cross-entropy: binary (two classes) or softmax (several classes)?"
    if given not in ("mse", "binary_cross_entropy", "softmax_cross_entropy"):
        return "use one of 'mse', 'binary_cross_entropy', 'softmax_cross_entropy'"
    if right == "mse":
        return "the answer is a number on a scale, not a class: regression or classification?"
    if given == "mse":
        return "the answer is a class: squared error on probabilities learns slowly (section 8)"
    if right == "binary_cross_entropy":
        return "how many classes are there, and how many outputs does that need?"
    return "how many classes are there? Binary cross-entropy is for two."


def _same_loss(raw, right: str) -> tuple[bool, float, str]:
    given = _normalise(raw)
    return given == right, float("nan"), "" if given == right else _why(right, raw, given)


def check_loss_choice(choices, verbose: bool = True, reveal: bool = False) -> CheckResult:
    """Check ``choices``, a dict {task: loss name} for the tasks of ``LOSS_TASKS``.

    Loss names: "mse", "binary_cross_entropy" or "softmax_cross_entropy" (common spellings such
    as "mean squared error" or "categorical cross-entropy" are accepted too). The right names
    are shown only after a few wrong tries, or with ``reveal=True``.
    """
    hint = (
        "ask of each task: is the answer a number on a scale, one of two classes, or one of "
        "several classes?",
        "a number on a scale → mse; yes/no → binary_cross_entropy; one of several classes → "
        "softmax_cross_entropy.",
    )
    return check_answers(
        "loss choice",
        choices,
        LOSS_TASKS,
        hint=hint,
        reveal=reveal,
        verbose=verbose,
        compare=_same_loss,
    )
