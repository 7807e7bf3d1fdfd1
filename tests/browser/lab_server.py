"""Start JupyterLab the way ``make lab`` does, and Chromium through Playwright, for browser tests.

Plain functions and one small class, shared by ``tests/browser/conftest.py`` (pytest fixtures)
and ``bench/bench_browser.py`` (timings). The server:

- runs ``jupyter lab --ip=127.0.0.1 --port=<free port> --ServerApp.root_dir=<repo>`` from the
  same environment as ``sys.executable`` (the ``make lab`` command line), so it binds
  127.0.0.1 only;
- gets its own config, runtime, data, IPython, user-settings and workspace folders in a
  temporary directory, so nothing on the developer's machine leaks in or is written to;
- keeps the app-level settings overrides that ``make setup`` installs (no news prompt), and adds
  two user settings for the test: no autosave (a run must never write outputs into the
  committed notebooks) and no notebook windowing (every cell stays rendered, so every output
  and widget can be checked).

Chromium is Debian's (``/usr/bin/chromium``): Playwright's own browser download does not work
on the course's closed network.
"""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
INSTALL_HINT = "sudo apt-get install chromium  (or: sudo bash .ci/install-browser.sh)"
# Flags for Chromium on a closed network, without GPU or sandbox (containers, CI).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# User settings for the server under test (JUPYTERLAB_SETTINGS_DIR): plugin id -> values.
TEST_USER_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
}


def chromium_path() -> str | None:
    """Path of the Chromium to drive (``$COURSE_CHROMIUM`` overrides), or None if missing."""
    candidate = os.environ.get("COURSE_CHROMIUM", CHROMIUM)
    if os.access(candidate, os.X_OK):
        return candidate
    return shutil.which("chromium")


def browser_missing_reason() -> str | None:
    """Why the browser tests cannot run here (None when they can)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Python Playwright is not installed in this environment (run `make setup`)."
    if chromium_path() is None:
        return f"Chromium not found at {CHROMIUM}. Install it with: {INSTALL_HINT}"
    return None


def in_ci() -> bool:
    """True when running in CI (``CI`` set to a true value), where browser tests never skip."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def listening_addresses(port: int) -> set[str]:
    """The local addresses with a TCP socket listening on ``port`` (Linux ``/proc/net``).

    Returns strings such as ``"127.0.0.1"`` or ``"0.0.0.0"``; an empty set where
    ``/proc/net/tcp`` is not available.
    """
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            addr_hex, port_hex = local.split(":")
            if state != "0A" or int(port_hex, 16) != port:  # 0A = LISTEN
                continue
            if len(addr_hex) == 8:  # IPv4, little-endian bytes
                found.add(socket.inet_ntop(socket.AF_INET, bytes.fromhex(addr_hex)[::-1]))
            else:
                words = [bytes.fromhex(addr_hex[i : i + 8])[::-1] for i in range(0, 32, 8)]
                found.add(socket.inet_ntop(socket.AF_INET6, b"".join(words)))
    return found


def isolated_jupyter_env(home: Path) -> dict[str, str]:
    """Environment with every Jupyter/IPython folder under ``home`` and the test user settings."""
    folders = {
        "JUPYTER_CONFIG_DIR": "config",
        "JUPYTER_RUNTIME_DIR": "runtime",
        "JUPYTER_DATA_DIR": "data",  # lab extensions live in sys.prefix/share/jupyter
        "IPYTHONDIR": "ipython",
        "JUPYTERLAB_SETTINGS_DIR": "user-settings",
        "JUPYTERLAB_WORKSPACES_DIR": "workspaces",
    }
    env = dict(os.environ)
    for var, name in folders.items():
        (home / name).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / name)
    for plugin, values in TEST_USER_SETTINGS.items():
        package, _, name = plugin.rpartition("/")
        target = home / "user-settings" / package / f"{name}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values))
    env.pop("JUPYTER_TOKEN", None)
    return env


def wait_for_status(base_url: str, token: str, proc: subprocess.Popen, log: Path, timeout=90.0):
    """Poll ``/api/status`` until the server answers; raise with the log tail if it never does."""
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(
        f"{base_url}/api/status", headers={"Authorization": f"token {token}"}
    )
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with code {proc.returncode}:\n{tail(log)}")
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise RuntimeError(
        f"JupyterLab did not answer {base_url}/api/status in {timeout:.0f} s:\n{tail(log)}"
    )


def tail(path: Path, chars: int = 3000) -> str:
    """The last ``chars`` characters of a log file (empty if missing)."""
    try:
        return path.read_text(errors="replace")[-chars:]
    except OSError:
        return ""


def stop_process_group(proc: subprocess.Popen, timeout: float = 15.0) -> None:
    """Stop a process started with ``start_new_session=True`` and its children (kernels)."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout)
    try:  # kernels left behind by a crashed server share its process group
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


class LabServer:
    """A JupyterLab server for tests: ``start()``, ``url(path)``, ``stop()``; or use ``with``."""

    def __init__(self, root: Path = REPO, port: int | None = None):
        self.root = Path(root)
        self.port = port or free_port()
        self.token = secrets.token_hex(16)
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self._home = Path(tempfile.mkdtemp(prefix="course-lab-"))
        self.log = self._home / "jupyterlab.log"

    def command(self) -> list[str]:
        """The ``make lab`` command line plus the test-only flags (token, no browser)."""
        jupyter = Path(sys.executable).parent / "jupyter"
        cmd = [
            str(jupyter), "lab", "--ip=127.0.0.1", f"--port={self.port}",
            "--ServerApp.port_retries=0", f"--ServerApp.root_dir={self.root}",
            "--no-browser", f"--IdentityProvider.token={self.token}",
            # lets the tests read cell models (outputs, tags) instead of scraping the DOM
            "--LabApp.expose_app_in_browser=True",
        ]  # fmt: skip
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")  # containers and CI run as root
        return cmd

    def start(self, timeout: float = 90.0) -> "LabServer":
        env = isolated_jupyter_env(self._home)
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                self.command(), cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
            )  # fmt: skip
        try:
            wait_for_status(self.base_url, self.token, self.proc, self.log, timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def url(self, path: str) -> str:
        """Address of ``path`` (e.g. ``lab/tree/notebooks/00_welcome.ipynb``) with the token."""
        sep = "&" if "?" in path else "?"
        return f"{self.base_url}/{path.lstrip('/')}{sep}token={self.token}"

    def stop(self) -> None:
        if self.proc is not None:
            stop_process_group(self.proc)
            self.proc = None
        shutil.rmtree(self._home, ignore_errors=True)

    def __enter__(self) -> "LabServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def launch_chromium(playwright):
    """Launch Debian's Chromium headless through a started ``sync_playwright()`` object."""
    path = chromium_path()
    if path is None:
        raise RuntimeError(f"Chromium not found. Install it with: {INSTALL_HINT}")
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
