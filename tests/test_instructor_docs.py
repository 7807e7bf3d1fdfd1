"""The instructor path (README, docs/instructors.md, docs/z2jh/config.yaml) agrees with itself.

What a class needs is run for real in tests/hub; here, that the written steps point at things that
exist, install the one pinned set, and quote the limits the Zero to JupyterHub config sets.
"""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()
GUIDE = (ROOT / "docs/instructors.md").read_text()
Z2JH = yaml.safe_load((ROOT / "docs/z2jh/config.yaml").read_text())
UNITS = {"K": 2**10, "M": 2**20, "G": 2**30}


def size(text: str) -> int:
    """Bytes in a Kubernetes-style size such as ``384M`` or ``1G``."""
    number, unit = re.fullmatch(r"(\d+)([KMG])", text).groups()
    return int(number) * UNITS[unit]


def instructor_section() -> str:
    start = README.index("## For instructors")
    return README[start : README.index("\n## ", start + 1)]


def test_readme_has_a_short_instructor_section_that_links_the_guide():
    section = instructor_section()
    assert "docs/instructors.md" in section and "docs/z2jh/config.yaml" in section
    assert len(section.split()) < 350, "keep the README section short; details go in the guide"


@pytest.mark.parametrize("target", ["hub", "student-copy", "bench-class"])
def test_the_make_targets_named_in_the_docs_exist(target):
    assert f"make {target}" in GUIDE
    assert re.search(rf"^{target}:", (ROOT / "Makefile").read_text(), re.MULTILINE)


def test_the_tools_named_in_the_docs_exist():
    for path in re.findall(r"tools/[\w/]+\.py", README + GUIDE):
        assert (ROOT / path).is_file(), path


def test_one_machine_steps_install_the_pinned_set_course_lib_and_settings():
    assert "pip install -r binder/requirements.txt" in GUIDE
    assert "pip install --no-deps ." in GUIDE
    assert "cp binder/overrides.json" in GUIDE
    assert "python --version   # must be 3.11, 3.12 or 3.13" in GUIDE


def test_z2jh_runs_the_binder_image_with_guarantees_below_limits():
    single = Z2JH["singleuser"]
    assert single["image"]["name"] and single["image"]["tag"]
    memory, cpu = single["memory"], single["cpu"]
    assert 0 < size(memory["guarantee"]) <= size(memory["limit"])
    assert 0 < cpu["guarantee"] <= cpu["limit"]
    text = (ROOT / "docs/z2jh/config.yaml").read_text()
    assert "repo2docker" in text  # the image is the Binder image


def test_the_pulled_course_lands_on_the_persistent_volume():
    spawner = Z2JH["hub"]["config"]["KubeSpawner"]
    assert spawner["notebook_dir"] == Z2JH["singleuser"]["storage"]["homeMountPath"]
    assert spawner["notebook_dir"].startswith("/home/jovyan/")  # below the image's own home


def test_readme_and_guide_quote_the_limits_the_config_sets():
    memory, cpu = Z2JH["singleuser"]["memory"], Z2JH["singleuser"]["cpu"]
    section = instructor_section()
    for text in (section, GUIDE):
        assert f"guarantee {memory['guarantee']}" in text
        assert f"limit {memory['limit']}" in text
        assert f"guarantee {cpu['guarantee']}" in text
        assert f"limit {cpu['limit']}" in text
