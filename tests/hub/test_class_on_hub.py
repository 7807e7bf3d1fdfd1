"""A class on a real JupyterHub: three learners at once, each with their own copy of the course.

One hub (jupyterhub + configurable-http-proxy, 127.0.0.1 only) serves the whole module. The
learners log in with their passwords, start their servers and click the same nbgitpuller link,
which points at a bare clone of this repository, all at the same time; then each runs lesson 00
through its kernel. The other tests check what a class needs besides: edits stay with their
author, nobody reaches another learner's files or server, the API wants a token, a wrong password
is refused, and nothing listens beyond 127.0.0.1.

Needs node, git and ``make setup`` (which installs configurable-http-proxy from npm). Missing,
the tests skip and say which; in CI (``CI=true``) they fail instead.
"""

import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import psutil
import pytest

from tests.browser.lab_server import in_ci, listening_addresses
from tests.hub.hub_process import REPO, Hub, Learner, missing_tools
from tools.nbgitpuller_link import nbgitpuller_link

pytestmark = pytest.mark.hub

WELCOME = "notebooks/00_welcome.ipynb"
PASSWORDS = {"ada": "analytical-engine-1843", "alan": "bombe-1940", "grace": "cobol-1959"}


@pytest.fixture(scope="module")
def course_repo(tmp_path_factory) -> Path:
    """A bare clone of this repository's committed HEAD: the 'GitHub' of the test."""
    bare = tmp_path_factory.mktemp("origin") / "course"
    subprocess.run(
        ["git", "clone", "--quiet", "--bare", "--no-local", str(REPO), str(bare)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return bare


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    reason = missing_tools()
    if reason:
        if in_ci():
            pytest.fail(f"the hub tests cannot run in CI: {reason}", pytrace=False)
        pytest.skip(reason)
    with Hub(tmp_path_factory.mktemp("hub"), PASSWORDS) as running:
        yield running


def pull_course(hub: Hub, name: str, link: str) -> tuple[Learner, dict]:
    """One learner's first minutes: log in, start a server, click the link (page + pull)."""
    learner = Learner(hub, name)
    answer = learner.login(PASSWORDS[name])
    report = {"login": (answer.status_code, "jupyterhub-hub-login" in learner.browser.cookies)}
    learner.new_token()
    learner.start_server()
    page = learner.open_link(link)
    report["page"] = (page.status_code, page.url)
    report["events"] = learner.pull(dict(parse_qsl(urlsplit(page.url).query)))
    return learner, report


@pytest.fixture(scope="module")
def link(hub, course_repo) -> str:
    return nbgitpuller_link(hub.url, str(course_repo), lesson=WELCOME)


@pytest.fixture(scope="module")
def learners(hub, link) -> dict[str, tuple[Learner, dict]]:
    """The three learners, who did everything at the same moment."""
    with ThreadPoolExecutor(len(PASSWORDS)) as pool:
        done = pool.map(lambda name: pull_course(hub, name, link), PASSWORDS)
        return {learner.name: (learner, report) for learner, report in done}


def test_three_learners_pull_the_course_through_the_link_at_once(hub, learners):
    for name, (_, report) in learners.items():
        assert report["login"] == (200, True), f"{name} could not log in: {report['login']}"
        status, url = report["page"]
        assert status == 200, f"{name}: the link ended at {url} with {status}"
        assert urlsplit(url).path == f"/user/{name}/git-pull", url
        phases = [event.get("phase") for event in report["events"]]
        assert phases[-1] == "finished", f"{name}: nbgitpuller said {report['events'][-1]}"
        assert (hub.home(name) / "course" / WELCOME).is_file()
        assert (hub.home(name) / "course" / ".git").is_dir()


def test_three_learners_run_lesson_00_at_once_without_errors(hub, learners):
    def open_and_run(learner: Learner) -> tuple[int, list[dict]]:
        page = learner.open_link(f"{hub.url}/user/{learner.name}/lab/tree/course/{WELCOME}")
        return page.status_code, learner.run_notebook(f"course/{WELCOME}")

    with ThreadPoolExecutor(len(learners)) as pool:
        results = dict(zip(learners, pool.map(open_and_run, [lr for lr, _ in learners.values()])))
    for name, (status, outputs) in results.items():
        assert status == 200, f"{name} could not open lesson 00 in JupyterLab"
        errors = [o for o in outputs if o["output_type"] == "error"]
        stderr = [o for o in outputs if o["output_type"] == "stream" and o["name"] == "stderr"]
        assert not errors, f"{name}: {errors[0].get('ename')}: {errors[0].get('evalue')}"
        assert not stderr, f"{name}: lesson 00 wrote to stderr: {stderr[0]['text'][:500]}"
        assert outputs, f"{name}: lesson 00 produced no output at all"


def test_the_kernel_runner_reports_an_error_in_a_cell(learners):
    """A planted fault: the runner used above sees a traceback, so 'no errors' means something."""
    grace, _ = learners["grace"]
    broken = {
        "cells": [
            {"cell_type": "code", "source": "print('before')", "metadata": {}, "outputs": [],
             "execution_count": None},
            {"cell_type": "code", "source": "1 / 0", "metadata": {}, "outputs": [],
             "execution_count": None},
        ],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5,
    }  # fmt: skip
    saved = grace.api(
        "PUT", "/user/grace/api/contents/broken.ipynb",
        json={"type": "notebook", "format": "json", "content": broken},
    )  # fmt: skip
    assert saved.status_code in (200, 201), saved.text
    outputs = grace.run_notebook("broken.ipynb")
    assert [o["output_type"] for o in outputs] == ["stream", "error"]
    assert outputs[0]["text"] == "before\n"
    assert outputs[1]["ename"] == "ZeroDivisionError" and outputs[1]["cell"] == 1


def test_edits_stay_in_the_learners_own_folder_and_survive_a_new_pull(
    hub, learners, link, course_repo
):
    ada, _ = learners["ada"]
    path = f"course/{WELCOME}"
    model = ada.api("GET", f"/user/ada/api/contents/{path}").json()
    model["content"]["cells"][0]["source"] += "\n\nAda's note: read the notation page twice."
    saved = ada.api(
        "PUT", f"/user/ada/api/contents/{path}",
        json={"type": "notebook", "format": "json", "content": model["content"]},
    )  # fmt: skip
    assert saved.status_code == 200, saved.text
    note = "Ada's note"
    assert note in (hub.home("ada") / path).read_text()
    origin = subprocess.run(
        ["git", "-C", str(course_repo), "show", f"HEAD:{WELCOME}"],
        check=True, capture_output=True, timeout=60,
    ).stdout  # fmt: skip
    for other in ("alan", "grace"):
        assert (hub.home(other) / path).read_bytes() == origin, f"{other}'s lesson 00 changed"
    again = ada.pull(dict(parse_qsl(urlsplit(ada.open_link(link).url).query)))
    assert again[-1].get("phase") == "finished", again[-1]
    assert note in (hub.home("ada") / path).read_text(), "a new pull overwrote the learner's edit"


@pytest.mark.parametrize(
    "path",
    [f"/user/alan/api/contents/course/{WELCOME}", "/user/alan/api/kernels", "/user/alan/lab"],
)
def test_a_learner_cannot_reach_another_learners_server_or_files(learners, path):
    ada, _ = learners["ada"]
    alan, _ = learners["alan"]
    assert alan.api("GET", path).status_code == 200, "the owner should reach it (control)"
    with_token = ada.api("GET", path, allow_redirects=True)
    with_cookies = ada.open_link(f"{ada.hub.url}{path}")
    assert with_token.status_code in (403, 404), (path, with_token.status_code)
    assert with_cookies.status_code in (403, 404), (
        path,
        with_cookies.status_code,
        with_cookies.url,
    )
    assert "Ada's note" not in with_cookies.text and '"cells"' not in with_cookies.text


def test_a_learner_cannot_use_the_hub_api_for_another_learner(learners):
    ada, _ = learners["ada"]
    assert ada.api("GET", "/hub/api/users/alan").status_code in (403, 404)
    assert ada.api("POST", "/hub/api/users/alan/tokens", json={}).status_code in (403, 404)
    assert ada.api("DELETE", "/hub/api/users/alan/server").status_code in (403, 404)
    assert ada.api("GET", "/hub/api/users/ada").status_code == 200  # the token itself works


@pytest.mark.parametrize(
    "path",
    ["/hub/api/user", "/hub/api/users/ada", "/user/ada/api/contents", "/user/ada/api/kernels"],
)
def test_the_api_without_a_token_is_refused(hub, learners, path):
    import requests

    answer = requests.get(f"{hub.url}{path}", timeout=30, allow_redirects=False)
    assert answer.status_code in (401, 403), (path, answer.status_code)
    ada, _ = learners["ada"]
    assert ada.api("GET", path).status_code == 200, "with ada's token it works (control)"


@pytest.mark.parametrize(
    ("name", "password"),
    [("ada", "bombe-1940"), ("ada", ""), ("mallory", "analytical-engine-1843")],
)
def test_a_wrong_password_is_refused(hub, name, password):
    intruder = Learner(hub, name)
    answer = intruder.login(password)
    assert answer.status_code == 403, answer.status_code
    assert "Invalid username or password" in answer.text
    assert not any(c.name.startswith("jupyterhub-hub-login") for c in intruder.browser.cookies)
    assert intruder.browser.get(f"{hub.url}/hub/api/user", timeout=30).status_code == 403


def test_hub_proxy_and_servers_listen_on_127_0_0_1_only(hub, learners):
    processes = [psutil.Process(hub.proc.pid), *psutil.Process(hub.proc.pid).children(True)]
    assert any("configurable-http-proxy" in " ".join(p.cmdline()) for p in processes)
    ports = {
        conn.laddr.port
        for proc in processes
        for conn in proc.net_connections(kind="inet")
        if conn.status == psutil.CONN_LISTEN
    }
    # the public proxy, the proxy's API, the hub and one server per learner (at least)
    assert len(ports) >= 3 + len(learners), sorted(ports)
    for port in ports:
        assert listening_addresses(port) == {"127.0.0.1"}, (port, listening_addresses(port))


def test_make_hub_prints_learners_and_a_link_then_stops_everything_when_told(hub):
    """``make hub``'s program: a trial hub for an instructor, with passwords and the class link."""
    import signal
    import sys

    from tools.hub.local_hub import free_port

    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tools.hub.local_hub", "--port", str(port), "--learners", "2"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        lines = [proc.stdout.readline() for _ in range(5)]
        assert lines[0].startswith(f"JupyterHub for a trial class at http://127.0.0.1:{port}/")
        passwords = dict(line.split()[::2] for line in lines[1:3])
        assert sorted(passwords) == ["learner1", "learner2"]
        link = lines[4].strip()
        assert link.startswith(f"http://127.0.0.1:{port}/hub/user-redirect/git-pull?")
        assert dict(parse_qsl(urlsplit(link).query))["repo"] == str(REPO)
        trial = Hub(REPO, {}, port)  # only its URL: the learner talks to the running hub
        learner = Learner(trial, "learner2")
        assert learner.login("not-the-password").status_code == 403
        assert learner.login(passwords["learner2"]).status_code == 200
        assert "jupyterhub-hub-login" in learner.browser.cookies
        started = psutil.Process(proc.pid).children(recursive=True)
        assert any("jupyterhub" in " ".join(p.cmdline()) for p in started)
    finally:
        proc.send_signal(signal.SIGTERM)  # what make passes on; Ctrl-C takes the same path
        out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0, out
    assert "stopping the hub" in out
    assert not [p for p in started if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
