"""tools/student_copy.py (``make student-copy``): the course without solutions, for graded work."""

import re
import subprocess
from pathlib import Path

import nbformat
import pytest

from tools.student_copy import MARKER, NOTE, make_student_copy, strip_solutions, tracked_files

ROOT = Path(__file__).resolve().parents[1]
SOLUTION_BLOCK = re.compile(
    r"<details>\s*<summary>[^\n]*?(solution|answer)[^\n]*?</summary>.*?</details>",
    re.IGNORECASE | re.DOTALL,
)


def test_a_solution_block_is_replaced_by_a_note_and_the_prose_around_it_stays():
    text = (
        "Try it first.\n\n<details><summary><b>Show a solution</b></summary>\n\n"
        "```python\nZ = X @ W.T + b\n```\n</details>\nThen run the check."
    )
    stripped, removed = strip_solutions(text)
    assert removed == 1
    assert stripped == f"Try it first.\n\n{NOTE}Then run the check."


def test_answers_go_and_other_details_blocks_stay():
    aside = "<details><summary>Why float64?</summary>\nRounding.\n</details>"
    answers = "<details><summary>Answers</summary>\n1. (N, M)\n2. dW\n</details>"
    stripped, removed = strip_solutions(f"Questions.\n\n{answers}\n\n{aside}")
    assert removed == 1
    assert "(N, M)" not in stripped and aside in stripped


def test_two_blocks_in_one_cell_are_both_removed():
    block = "<details><summary>Show a solution</summary>\nsecret\n</details>\n"
    stripped, removed = strip_solutions(block + "middle\n" + block)
    assert removed == 2 and "secret" not in stripped and "middle" in stripped


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    target = tmp_path_factory.mktemp("student") / "course"
    return target, make_student_copy(target)


def test_the_copy_has_every_lesson_with_no_solution_left(copy):
    target, removed = copy
    lessons = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert sorted(removed) == [p.stem for p in lessons if p.name in tracked_names()]
    for original in lessons:
        if original.name not in tracked_names():
            continue
        before = nbformat.read(original, as_version=4)
        after = nbformat.read(target / "notebooks" / original.name, as_version=4)
        expected = sum(
            len(SOLUTION_BLOCK.findall(c.source)) for c in before.cells if c.cell_type == "markdown"
        )
        assert removed[original.stem] == expected, original.name
        assert not any(SOLUTION_BLOCK.search(c.source) for c in after.cells), original.name
        assert len(after.cells) == len(before.cells)
        code = [(c.source, c.get("id")) for c in before.cells if c.cell_type == "code"]
        assert code == [(c.source, c.get("id")) for c in after.cells if c.cell_type == "code"]
    assert sum(removed.values()) > 0, "the lessons have solutions; none were found"


def tracked_names() -> set[str]:
    return {Path(n).name for n in tracked_files(ROOT) if n.startswith("notebooks/")}


def test_everything_else_is_copied_unchanged_and_nothing_untracked(copy):
    target, _ = copy
    for name in tracked_files(ROOT):
        if (ROOT / name).is_file() and not name.endswith(".ipynb"):
            assert (target / name).read_bytes() == (ROOT / name).read_bytes(), name
    assert not (target / ".venv").exists() and not (target / ".git").exists()


def test_it_refuses_to_replace_the_course_or_a_folder_it_did_not_make(tmp_path):
    with pytest.raises(ValueError, match="holds the course itself"):
        make_student_copy(ROOT)
    with pytest.raises(ValueError, match="holds the course itself"):
        make_student_copy(ROOT.parent)
    other = tmp_path / "thesis"
    other.mkdir()
    (other / "chapter1.tex").write_text("keep me")
    with pytest.raises(ValueError, match="is not a student copy"):
        make_student_copy(other)
    assert (other / "chapter1.tex").read_text() == "keep me"


def test_running_it_again_replaces_the_previous_copy(tmp_path):
    target = tmp_path / "copy"
    make_student_copy(target)
    (target / "stale.txt").write_text("from an older copy")
    make_student_copy(target)
    assert (target / MARKER).exists() and not (target / "stale.txt").exists()


def test_make_student_copy_runs_the_tool():
    done = subprocess.run(
        ["make", "-n", "--no-print-directory", "student-copy", "STUDENT_COPY=/tmp/x"],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert "tools/student_copy.py /tmp/x" in done.stdout
