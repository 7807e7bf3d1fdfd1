"""The capstone benchmark measures what lesson 09 does: same splits and sizes, the lesson's
recipe among its candidates, and a choice rule that looks at validation accuracy only."""

import json
import re
from pathlib import Path

import numpy as np

from bench import bench_capstone as B

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "09_capstone_digits.ipynb"


def test_bench_data_has_the_lessons_split_sizes():
    X_tr, y_tr, X_val, y_val, X_te, y_te = B.capstone_data(shifts=True)
    assert (X_tr.shape, X_val.shape, X_te.shape) == ((6110, 64), (216, 64), (359, 64))
    assert len(y_tr) == 6110 and len(y_val) == 216 and len(y_te) == 359
    np.testing.assert_allclose(X_tr.mean(axis=0), 0.0, atol=1e-9)  # training statistics


def test_choice_rule_uses_median_then_minimum_then_cost():
    names = [c[0] for c in B.CANDIDATES]
    epochs = {c[0]: c[3] for c in B.CANDIDATES}
    val = {n: np.full(10, 0.97) for n in names}
    val[names[2]] = np.array([0.99] * 5 + [0.98] * 5)  # median 0.985, min 0.98
    val[names[3]] = np.array([0.99] * 5 + [0.97] * 5)  # same median, lower minimum
    results = {n: {"val": v} for n, v in val.items()}
    assert B.choose(results) == names[2]
    results[names[1]]["val"] = val[names[2]].copy()  # a full tie: the cheaper recipe wins
    assert epochs[names[1]] < epochs[names[2]]
    assert B.choose(results) == names[1]


def test_the_lessons_recipe_is_a_bench_candidate():
    cells = json.loads(NOTEBOOK.read_text())["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert "MLP([64, 128, 10]" in code and "Adam(lr=0.003)" in code
    assert re.search(r"num_epochs=20", code)
    assert ("h128_lr3e-3_e20_shifts", 128, 3e-3, 20, 0.0, True) in B.CANDIDATES


def test_no_lesson_cell_looks_at_the_test_set_before_the_final_check():
    cells = [c for c in json.loads(NOTEBOOK.read_text())["cells"] if c["cell_type"] == "code"]
    src = ["".join(c["source"]) for c in cells]
    final = [k for k, s in enumerate(src) if "test_accuracy = training.accuracy(" in s]
    looks = [k for k, s in enumerate(src) if "X_test_std" in s and "X_test_std = " not in s]
    assert len(final) == 1 and looks and min(looks) == final[0]
