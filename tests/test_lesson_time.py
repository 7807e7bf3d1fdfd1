"""Every lesson states an honest time: never below the course's written time model.

The model (lesson 00, "How long a lesson takes", and the README):

    minutes = words of markdown prose / 150      (text inside <details> blocks not counted)
            + 1 per code cell
            + 5 per exercise

The first cell says ``**Time:** about A–B minutes``; A must be at least the model rounded to the
nearest 5 minutes, and B at least A. Notebooks are found by glob, so a new lesson is covered.
"""

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

WORDS_PER_MINUTE = 150
MINUTES_PER_CODE_CELL = 1
MINUTES_PER_EXERCISE = 5

DETAILS = re.compile(r"<details>.*?</details>", re.S | re.I)
EXERCISE = re.compile(r"\*\*Exercise (\d+)")
STATED = re.compile(r"\*\*Time:\*\*\s*about\s+(\d+)\s*[–-]\s*(\d+)\s+minutes")


def time_model(nb) -> dict:
    """The parts of the time model for one notebook, and the total in minutes."""
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    words = len(DETAILS.sub(" ", markdown).split())
    code_cells = sum(c.cell_type == "code" for c in nb.cells)
    exercises = len(set(EXERCISE.findall(markdown)))
    minutes = (
        words / WORDS_PER_MINUTE
        + MINUTES_PER_CODE_CELL * code_cells
        + MINUTES_PER_EXERCISE * exercises
    )
    return {"words": words, "code_cells": code_cells, "exercises": exercises, "minutes": minutes}


def round_to_5(minutes: float) -> int:
    return 5 * int(minutes / 5 + 0.5)


def test_the_time_model_counts_prose_code_and_exercises_but_not_hidden_solutions():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell(" ".join(["word"] * 300) + "\n**Exercise 1.** Do it."),
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("check(x)"),
        nbformat.v4.new_markdown_cell("<details><summary>S</summary>" + "w " * 900 + "</details>"),
    ]
    parts = time_model(nb)
    assert parts["words"] == 300 + 4  # "**Exercise 1.** Do it." is four more words
    assert (parts["code_cells"], parts["exercises"]) == (2, 1)
    assert parts["minutes"] == pytest.approx(304 / 150 + 2 + 5)
    assert (round_to_5(12.4), round_to_5(12.5), round_to_5(7.6)) == (10, 15, 10)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stated_time_is_not_below_the_time_model(path):
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0].source
    stated = STATED.search(first)
    assert stated, (
        f"{path.name}: the first cell must state '**Time:** about A–B minutes' "
        "(see 'How long a lesson takes' in 00_welcome.ipynb)"
    )
    low, high = int(stated.group(1)), int(stated.group(2))
    parts = time_model(nb)
    needed = round_to_5(parts["minutes"])
    assert low >= needed and high >= low, (
        f"{path.name} states {low}–{high} minutes, but the time model gives "
        f"{parts['minutes']:.1f} minutes (rounded: {needed}): "
        f"{parts['words']} words / {WORDS_PER_MINUTE} = "
        f"{parts['words'] / WORDS_PER_MINUTE:.1f}, {parts['code_cells']} code cells × "
        f"{MINUTES_PER_CODE_CELL}, {parts['exercises']} exercises × {MINUTES_PER_EXERCISE}. "
        f"State at least 'about {needed}–{needed + 20} minutes'."
    )
