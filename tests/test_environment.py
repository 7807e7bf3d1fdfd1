"""The one pinned package set: Binder, make test and conda users all get the same versions.

binder/requirements.txt is the single source of truth (a full lock of the runtime set).
These tests fail when a version changes in only one place, or when the installed environment
drifts from the lock.
"""

import sys
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
RUNTIME = ["numpy", "matplotlib", "jupyterlab", "ipywidgets", "ipympl", "nbgitpuller"]
TEST_TOOLS = [
    "pytest",
    "nbval",
    "pytest-xdist",
    "hypothesis",
    "ruff",
    "nbstripout",
    "playwright",
    "jupyter-repo2docker",
    "jupyterhub",
]


def read_pins(path: Path) -> dict[str, str]:
    """Parse a pip requirements file of ``name==version`` lines (``-r`` lines are skipped)."""
    pins = {}
    for raw in path.read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        name, sep, version = line.partition("==")
        assert sep, f"{path.name}: '{raw}' is not pinned with =="
        pins[canonicalize_name(name)] = version.strip()
    return pins


def conda_pins(env: dict) -> tuple[str, dict[str, str]]:
    """Return (python spec, pip pins) from a parsed environment.yml."""
    python = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python"))
    pip_list = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    pins = {}
    for item in pip_list:
        name, _, version = item.partition("==")
        pins[canonicalize_name(name)] = version
    return python, pins


def mismatches(lock: dict[str, str], other: dict[str, str]) -> list[str]:
    """Names pinned in ``other`` at a version different from the lock, or missing from it."""
    return sorted(f"{n}: {v} vs lock {lock.get(n)}" for n, v in other.items() if lock.get(n) != v)


LOCK = read_pins(ROOT / "binder/requirements.txt")
TEST_LOCK = read_pins(ROOT / "requirements-test.txt")


def test_runtime_packages_are_in_the_binder_lock():
    missing = [p for p in RUNTIME if canonicalize_name(p) not in LOCK]
    assert not missing, f"binder/requirements.txt lacks {missing}"


def test_test_tools_are_pinned_and_do_not_repin_runtime_packages():
    assert all(canonicalize_name(t) in TEST_LOCK for t in TEST_TOOLS)
    assert not set(LOCK) & set(TEST_LOCK), "requirements-test.txt re-pins a runtime package"
    assert "-r binder/requirements.txt" in (ROOT / "requirements-test.txt").read_text()


def test_environment_yml_pins_the_same_runtime_versions():
    python, pins = conda_pins(yaml.safe_load((ROOT / "environment.yml").read_text()))
    assert python == "python>=3.11,<3.14"  # the versions pyproject's requires-python accepts
    assert sorted(pins) == sorted(canonicalize_name(p) for p in RUNTIME)
    assert mismatches(LOCK, pins) == []


def test_a_pin_changed_in_one_place_only_is_detected():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    _, pins = conda_pins(env)
    pins["numpy"] = "1.26.4"
    assert mismatches(LOCK, pins) == ["numpy: 1.26.4 vs lock " + LOCK["numpy"]]


SUPPORTED = ["3.11", "3.12", "3.13"]  # CPython versions the one pinned set installs on


def test_binder_runs_python_311_the_oldest_supported_version():
    assert (ROOT / "binder/runtime.txt").read_text().strip() == f"python-{SUPPORTED[0]}"


def test_the_tests_run_on_a_supported_cpython():
    import platform

    assert platform.python_implementation() == "CPython"
    assert f"{sys.version_info.major}.{sys.version_info.minor}" in SUPPORTED


def test_requires_python_accepts_exactly_the_supported_versions():
    import tomllib

    from packaging.specifiers import SpecifierSet

    spec = SpecifierSet(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    )
    for minor in range(8, 16):
        version = f"3.{minor}"
        assert spec.contains(f"{version}.0") == (version in SUPPORTED), version


def test_makefile_and_readme_name_the_supported_versions():
    script = (ROOT / "tools/python.sh").read_text()
    assert f'SUPPORTED="{" ".join(SUPPORTED)}"' in script
    assert "python3.13 python3.12 python3.11 python3" in script
    readme = (ROOT / "README.md").read_text()
    assert "Python 3.11, 3.12 or 3.13" in readme


@pytest.mark.parametrize("lock_file", ["binder/requirements.txt", "requirements-test.txt"])
def test_installed_versions_are_exactly_the_pinned_ones(lock_file):
    pins = read_pins(ROOT / lock_file)
    wrong = []
    for name, version in pins.items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = "not installed"
        if installed != version:
            wrong.append(f"{name}: installed {installed}, pinned {version}")
    assert not wrong, "environment drifted from the lock (run make setup): " + "; ".join(wrong)


def test_pyproject_dependencies_are_satisfied_by_the_lock():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for spec in project["dependencies"]:
        req = Requirement(spec)
        name = canonicalize_name(req.name)
        assert name in LOCK, f"pyproject needs {name}, which the lock does not pin"
        assert req.specifier.contains(LOCK[name]), f"lock pins {name}=={LOCK[name]}, not {spec}"
