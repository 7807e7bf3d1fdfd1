"""The Makefile picks the Python that builds .venv (tools/python.sh), without installing anything.

Each test runs the real ``make`` with a PATH holding only fake ``python3.x`` scripts (they report
a version, and ``-m venv`` copies the fake into the new venv) and the few system tools the
recipes call, so the selection, the refusal and the rebuild run in well under a second each.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ["sh", "make", "id", "rm", "cp", "mkdir", "touch", "cat"]

FAKE = """\
#!/bin/sh
# a stand-in for {name}: answers the version probe; -m venv makes a venv holding this fake;
# -m pip does nothing (nothing is installed by these tests)
case "$1" in
  -c) echo "{impl} {version}" ;;
  -m) if [ "$2" = venv ]; then mkdir -p "$3/bin" && cp "$0" "$3/bin/python"; fi ;;
esac
"""

pytestmark = pytest.mark.skipif(
    shutil.which("make") is None, reason="`make` is not installed (apt-get install make)"
)


@pytest.fixture
def fake_path(tmp_path):
    """Return add(name, version) that puts a fake interpreter on a PATH with no real Python."""
    fakes = tmp_path / "fakes"
    system = tmp_path / "system"
    fakes.mkdir()
    system.mkdir()
    for tool in TOOLS:
        (system / tool).symlink_to(shutil.which(tool))

    def add(name: str, version: str, impl: str = "CPython") -> Path:
        path = fakes / name
        path.write_text(FAKE.format(name=name, impl=impl, version=version))
        path.chmod(0o755)
        return path

    add.path = f"{fakes}:{system}"
    add.fakes = fakes
    return add


def make(fake_path, tmp_path, *args: str) -> subprocess.CompletedProcess:
    """Run make in the repository with the fake PATH and a throw-away VENV."""
    env = {"PATH": fake_path.path, "HOME": str(tmp_path)}
    return subprocess.run(
        ["make", "--no-print-directory", f"VENV={tmp_path / 'venv'}", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def test_picks_the_newest_supported_python(fake_path, tmp_path):
    fake_path("python3", "3.11")
    fake_path("python3.11", "3.11")
    fake_path("python3.12", "3.12")
    newest = fake_path("python3.13", "3.13")
    done = make(fake_path, tmp_path, "python")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{newest} (Python 3.13)"


def test_a_broken_python313_is_passed_over(fake_path, tmp_path):
    # a pyenv shim for a version that is not enabled exists on PATH but fails to run
    shim = fake_path.fakes / "python3.13"
    shim.write_text("#!/bin/sh\necho 'pyenv: python3.13: command not found' >&2\nexit 127\n")
    shim.chmod(0o755)
    python312 = fake_path("python3.12", "3.12")
    done = make(fake_path, tmp_path, "python")
    assert done.stdout.strip() == f"{python312} (Python 3.12)", done.stderr


def test_python3_is_used_when_its_version_is_supported(fake_path, tmp_path):
    python3 = fake_path("python3", "3.12")
    done = make(fake_path, tmp_path, "python")
    assert done.stdout.strip() == f"{python3} (Python 3.12)", done.stderr


@pytest.mark.parametrize(
    ("version", "impl"), [("3.10", "CPython"), ("3.14", "CPython"), ("3.11", "PyPy")]
)
def test_an_unsupported_python_stops_setup_before_installing(fake_path, tmp_path, version, impl):
    fake_path("python3", version, impl)
    done = make(fake_path, tmp_path, "setup")
    assert done.returncode != 0
    assert "the course runs on CPython 3.11, 3.12 or 3.13" in done.stderr
    assert f"python3 is {impl} {version}" in done.stderr
    assert "apt install" in done.stderr and "conda create" in done.stderr
    assert not (tmp_path / "venv").exists(), "a venv was created before the check"


def test_no_python_at_all_stops_with_the_message(fake_path, tmp_path):
    done = make(fake_path, tmp_path, "lab")
    assert done.returncode != 0
    assert "No supported Python" in done.stderr
    assert not (tmp_path / "venv").exists()


def test_python_given_on_the_command_line_wins(fake_path, tmp_path):
    fake_path("python3.13", "3.13")
    chosen = fake_path("python3.11", "3.11")
    done = make(fake_path, tmp_path, "python", f"PYTHON={chosen}")
    assert done.stdout.strip() == f"{chosen} (Python 3.11)", done.stderr


def test_an_unsupported_python_given_on_the_command_line_is_refused(fake_path, tmp_path):
    fake_path("python3.13", "3.13")
    old = fake_path("python3.10", "3.10")
    done = make(fake_path, tmp_path, "setup", f"PYTHON={old}")
    assert done.returncode != 0
    assert f"{old} is CPython 3.10" in done.stderr
    assert not (tmp_path / "venv").exists()


def venv_version(tmp_path) -> str:
    probe = subprocess.run(
        [tmp_path / "venv/bin/python", "-c", ""], capture_output=True, text=True, check=True
    )
    return probe.stdout.split()[1]


def test_a_venv_made_by_another_python_is_rebuilt(fake_path, tmp_path):
    fake_path("python3.12", "3.12")
    first = make(fake_path, tmp_path, "setup")
    assert first.returncode == 0, first.stderr
    assert venv_version(tmp_path) == "3.12"
    assert (tmp_path / "venv/.installed-python3.12").exists()

    again = make(fake_path, tmp_path, "setup")
    assert "setting up" not in again.stdout, "an up-to-date venv was set up again"

    fake_path("python3.13", "3.13")  # a newer Python appears
    rebuilt = make(fake_path, tmp_path, "setup")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "was not made by Python 3.13: removing it to rebuild" in rebuilt.stdout
    assert venv_version(tmp_path) == "3.13"
    assert sorted(p.name for p in (tmp_path / "venv").glob(".installed*")) == [
        ".installed-python3.13"
    ]
