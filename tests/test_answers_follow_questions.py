"""Every "Check your understanding" is followed at once by collapsed answers to every question.

A learner working alone must be able to check themselves: right after the numbered questions
comes a markdown block ``<details><summary>Answers</summary> … </details>`` with one numbered
answer per question (conventions of issue 13).
"""

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

HEADING = re.compile(r"^#+ Check your understanding\s*$", re.M | re.I)
ANSWERS = re.compile(
    r"<details>\s*<summary>(?:<b>)?\s*Answers\s*(?:</b>)?</summary>(.*?)</details>", re.S
)
NUMBERED = re.compile(r"^ ?(\d+)\.\s", re.M)  # continuation lines are indented further


def questions_and_answers(nb) -> tuple[list[str], list[str] | None]:
    """The numbers of the questions, and of the answers in the block right after them."""
    cells = nb.cells
    for k, cell in enumerate(cells):
        if cell.cell_type != "markdown" or not (match := HEADING.search(cell.source)):
            continue
        after = cell.source[match.end() :]
        answers = ANSWERS.search(after)
        questions_text = after[: answers.start()] if answers else after
        if answers is None and k + 1 < len(cells) and cells[k + 1].cell_type == "markdown":
            answers = ANSWERS.match(cells[k + 1].source.strip())
        questions = NUMBERED.findall(questions_text)
        return questions, (NUMBERED.findall(answers.group(1)) if answers else None)
    return [], None


def test_the_parser_finds_questions_and_answers_in_the_next_cell():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("### Check your understanding\n\n1. Why?\n2. How?"),
        nbformat.v4.new_markdown_cell(
            "<details><summary>Answers</summary>\n\n1. Because.\n2. So.\n</details>"
        ),
    ]
    assert questions_and_answers(nb) == (["1", "2"], ["1", "2"])
    nb.cells.pop()
    assert questions_and_answers(nb) == (["1", "2"], None)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_check_your_understanding_is_followed_by_answers_to_every_question(path):
    questions, answers = questions_and_answers(nbformat.read(path, as_version=4))
    assert questions, f"{path.name}: no numbered 'Check your understanding' questions"
    assert answers is not None, (
        f"{path.name}: the questions need a '<details><summary>Answers</summary> … </details>' "
        "block right after them"
    )
    assert answers == questions, (
        f"{path.name}: questions {questions} but answers {answers}: answer every question, "
        "numbered as the questions are"
    )
