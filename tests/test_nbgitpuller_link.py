"""tools/nbgitpuller_link.py: the class link that pulls the course and opens a lesson.

The link is also followed for real by three learners in tests/hub; here, its parts.
"""

import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tools.nbgitpuller_link import folder_for, nbgitpuller_link

ROOT = Path(__file__).resolve().parents[1]
REPO = "https://github.com/intro-deep-learning/course"


def query(link: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}


def test_link_goes_through_the_hub_to_git_pull_and_opens_lesson_00_in_lab():
    link = nbgitpuller_link("https://hub.example.org/", REPO)
    assert link.startswith("https://hub.example.org/hub/user-redirect/git-pull?")
    assert query(link) == {
        "repo": REPO,
        "targetpath": "course",
        "urlpath": "lab/tree/course/notebooks/00_welcome.ipynb",
    }


def test_branch_lesson_and_folder_can_be_chosen():
    link = nbgitpuller_link(
        "https://hub.example.org", REPO + ".git", branch="spring", lesson="notebooks/05_x.ipynb",
        folder="dl-course",
    )  # fmt: skip
    assert query(link) == {
        "repo": REPO + ".git",
        "targetpath": "dl-course",
        "urlpath": "lab/tree/dl-course/notebooks/05_x.ipynb",
        "branch": "spring",
    }


@pytest.mark.parametrize(
    ("repo", "folder"),
    [(REPO, "course"), (REPO + ".git", "course"), (REPO + "/", "course"), ("/srv/git/dl", "dl")],
)
def test_the_students_folder_is_named_after_the_repository(repo, folder):
    assert folder_for(repo) == folder


def test_a_hub_url_without_a_scheme_is_refused_with_the_fix():
    with pytest.raises(ValueError, match="must start with https://"):
        nbgitpuller_link("hub.example.org", REPO)


def test_the_command_line_prints_the_link():
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools/nbgitpuller_link.py"), "https://hub.example.org", REPO],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert done.stdout.strip() == nbgitpuller_link("https://hub.example.org", REPO)
