"""Binder builds the environment we test: the pinned set, Python 3.11, then postBuild.

``repo2docker --no-build`` prints the Dockerfile Binder would build, without a Docker daemon.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BINDER = ROOT / "binder"
WELCOME = "notebooks/00_welcome.ipynb"


@pytest.fixture(scope="module")
def dockerfile(tmp_path_factory) -> str:
    repo2docker = Path(sys.executable).with_name("repo2docker")
    env = {**os.environ, "HOME": str(tmp_path_factory.mktemp("home"))}
    done = subprocess.run(
        [str(repo2docker), "--no-build", "--no-run", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout + "\n" + done.stderr  # repo2docker logs its choice of Python on stderr


def test_binder_installs_the_pinned_set_with_python_311(dockerfile):
    assert 'pip install --no-cache-dir -r "binder/requirements.txt"' in dockerfile
    assert "conda environment for python=3.11" in dockerfile
    # the server and the kernel share one environment, so the widget extensions are ours
    assert "KERNEL_PYTHON_PREFIX=${NB_PYTHON_PREFIX}" in dockerfile


def test_binder_runs_post_build_after_copying_the_repo(dockerfile):
    assert "./binder/postBuild" in dockerfile
    assert dockerfile.index("binder/requirements.txt") < dockerfile.index("./binder/postBuild")


def test_post_build_is_strict_and_installs_course_lib():
    script = BINDER / "postBuild"
    text = script.read_text()
    assert os.access(script, os.X_OK)
    assert "set -euo pipefail" in text
    assert re.search(r"pip install .*--no-deps -e \.", text)
    assert "overrides.json" in text


def test_settings_override_turns_off_the_news_prompt():
    import json

    overrides = json.loads((BINDER / "overrides.json").read_text())
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"


def test_readme_binder_badge_opens_the_welcome_lesson():
    readme = (ROOT / "README.md").read_text()
    links = re.findall(r"\(https://mybinder\.org/v2/gh/[^)]+\)", readme)
    assert links, "README needs a Binder badge"
    assert all(f"urlpath=lab/tree/{WELCOME}" in link for link in links)
    assert (ROOT / WELCOME).exists()
