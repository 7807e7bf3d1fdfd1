"""``make lab PORT=...`` serves JupyterLab on 127.0.0.1 only, opened at a welcome lesson that runs.

Runs the real ``make lab`` (its set-up step is a no-op when ``.venv`` is current) with isolated
Jupyter folders, a known token (``JUPYTER_TOKEN``) and no browser opening, then opens the
server's front page in Chromium as a learner would.
"""

import json
import os
import secrets
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.browser import lab_notebook as nb
from tests.browser.lab_server import (
    REPO,
    free_port,
    in_ci,
    isolated_jupyter_env,
    listening_addresses,
    stop_process_group,
    tail,
    wait_for_status,
)

WELCOME = "notebooks/00_welcome.ipynb"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def make_lab(chromium):
    """``make lab PORT=<free port>`` running in the background: yields (base_url, token, log)."""
    if shutil.which("make") is None:
        message = "`make` is not installed (apt-get install make)"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    home = Path(tempfile.mkdtemp(prefix="course-make-lab-"))
    env = isolated_jupyter_env(home)
    (home / "config" / "jupyter_server_config.json").write_text(
        json.dumps({"ServerApp": {"open_browser": False}})  # headless machine: no browser
    )
    # the test reads cell states through window.jupyterapp (config only; the command is make's)
    (home / "config" / "jupyter_lab_config.json").write_text(
        json.dumps({"LabApp": {"expose_app_in_browser": True}})
    )
    token = secrets.token_hex(16)
    env["JUPYTER_TOKEN"] = token
    port = free_port()
    log = home / "make-lab.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            ["make", "--no-print-directory", "lab", f"PORT={port}"],
            cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
    try:
        try:
            wait_for_status(f"http://127.0.0.1:{port}", token, proc, log, timeout=300)
        except RuntimeError as exc:
            if "Running as root is not recommended" in str(exc) and os.geteuid() == 0:
                pytest.fail(
                    "`make lab` refuses to start as root (as in a container or CI): the Makefile "
                    "should pass --allow-root when `id -u` is 0.\n" + str(exc)
                )
            raise
        yield port, token, log
    finally:
        stop_process_group(proc)
        shutil.rmtree(home, ignore_errors=True)


def test_make_lab_listens_on_127_0_0_1_only(make_lab):
    port, _, _ = make_lab
    addresses = listening_addresses(port)
    if not addresses and not Path("/proc/net/tcp").exists():
        pytest.skip("no /proc/net/tcp here to read listening sockets from")
    assert addresses == {"127.0.0.1"}, f"make lab listens on {sorted(addresses)}"


def test_make_lab_prints_the_welcome_url(make_lab):
    port, _, log = make_lab
    url = f"http://127.0.0.1:{port}/lab/tree/{WELCOME}"
    assert url in tail(log, 20000), f"{url} not printed; make lab printed:\n{tail(log)}"


def test_make_lab_front_page_opens_the_welcome_lesson_which_runs_cleanly(make_lab, lab_page):
    port, token, _ = make_lab
    lab_page.goto(f"http://127.0.0.1:{port}/?token={token}", wait_until="domcontentloaded")
    lab_page.wait_for_function(nb.KERNEL_READY, arg=WELCOME, timeout=120_000, polling=250)
    try:
        nb.run_all_cells(lab_page, WELCOME)
        problems = nb.notebook_problems(nb.cell_report(lab_page, WELCOME))
        assert not problems, "\n".join(problems)
        root = nb.explorer(lab_page, nb.explorer_ids(lab_page)[0])
        canvas = nb.figure_canvas(root)
        nb.wait_quiet(canvas)
        before = canvas.screenshot()
        nb.press_slider(lab_page, root)
        assert nb.wait_for_new_pixels(canvas, before) is not None, "the welcome figure froze"
    finally:
        nb.shut_down_kernel(lab_page, WELCOME)
