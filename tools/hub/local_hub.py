"""A JupyterHub for a class on this machine: ``make hub`` (try the class path before a server).

    python -m tools.hub.local_hub [--port 8000] [--learners 3]

Starts JupyterHub with configurable-http-proxy (both from the project's pinned set; the proxy
from npm, tools/hub) on 127.0.0.1, with learners ``learner1``, ``learner2``, ... whose passwords
it prints, and prints the nbgitpuller link that pulls this clone's committed course into each
learner's home and opens lesson 00. Everything lives in a temporary folder, removed on Ctrl-C.
The tests in tests/hub start the same hub (``Hub``) with their own learners.
"""

import argparse
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
import urllib.error
import urllib.request
from pathlib import Path

from tools.nbgitpuller_link import nbgitpuller_link

ROOT = Path(__file__).resolve().parents[2]
CONFIG = Path(__file__).with_name("jupyterhub_config.py")
PROXY = Path(__file__).with_name("node_modules") / ".bin" / "configurable-http-proxy"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def missing_tools() -> str | None:
    """Why the hub cannot start on this machine (with the fix), or None when it can."""
    if shutil.which("node") is None:
        return "node is not installed (apt-get install nodejs npm)"
    if not PROXY.exists():
        return "configurable-http-proxy is not installed: run `make setup` (needs npm)"
    if shutil.which("git") is None:
        return "git is not installed (apt-get install git); nbgitpuller needs it"
    if not Path(sys.executable).with_name("jupyterhub").exists():
        return "jupyterhub is not installed in this environment: run `make setup`"
    return None


class Hub:
    """``jupyterhub`` on 127.0.0.1 with the given learners, in its own folder."""

    def __init__(self, folder: Path, passwords: dict[str, str], port: int | None = None):
        self.folder = Path(folder)
        self.passwords = passwords
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = self.folder / "jupyterhub.log"
        self.proc: subprocess.Popen | None = None

    def home(self, name: str) -> Path:
        return self.folder / "homes" / name

    def log_tail(self, chars: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-chars:] if self.log.exists() else ""

    def start(self, timeout: float = 60.0) -> "Hub":
        env = {
            **os.environ,
            "COURSE_HUB_DIR": str(self.folder),
            "COURSE_HUB_PORT": str(self.port),
            "COURSE_HUB_API_PORT": str(free_port()),
            "COURSE_HUB_PROXY_API_PORT": str(free_port()),
            "COURSE_HUB_PASSWORDS": json.dumps(self.passwords),
            "COURSE_HUB_PROXY": str(PROXY),
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        }
        env.pop("JUPYTER_TOKEN", None)
        (self.folder / "homes").mkdir(parents=True, exist_ok=True)
        with open(self.log, "wb") as out:
            self.proc = subprocess.Popen(
                [str(Path(sys.executable).with_name("jupyterhub")), "-f", str(CONFIG)],
                cwd=self.folder, env=env, stdout=out, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, start_new_session=True,
            )  # fmt: skip
        try:
            self._wait_until_up(timeout)
        except BaseException:  # not up, or Ctrl-C while starting: leave nothing running
            self.stop()
            raise
        return self

    def _wait_until_up(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"jupyterhub exited ({self.proc.returncode}):\n{self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(f"{self.url}/hub/api/", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError):
                pass
            time.sleep(0.3)
        raise RuntimeError(f"jupyterhub did not answer in {timeout:.0f} s:\n{self.log_tail()}")

    def stop(self, timeout: float = 30.0) -> None:
        """Stop the hub (it stops the proxy and the learners' servers), then anything left."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout)
        try:  # a proxy or server left behind shares the hub's process group
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.proc = None

    def __enter__(self) -> "Hub":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (8000)")
    parser.add_argument("--learners", type=int, default=3, help="how many learners (3)")
    args = parser.parse_args(argv)
    reason = missing_tools()
    if reason:
        print(f"cannot start the hub: {reason}", file=sys.stderr)
        return 1
    passwords = {f"learner{i}": secrets.token_urlsafe(6) for i in range(1, args.learners + 1)}
    # make passes SIGTERM on (kill, a closed terminal): stop the hub as Ctrl-C does
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.default_int_handler)
    folder = Path(tempfile.mkdtemp(prefix="course-hub-"))
    try:
        with Hub(folder, passwords, args.port) as hub:
            print(f"JupyterHub for a trial class at {hub.url}/ (Ctrl-C stops it; nothing is kept)")
            for name, password in passwords.items():
                print(f"  {name:10} password {password}")
            print("Class link (pulls this clone's committed course, opens lesson 00):")
            print(f"  {nbgitpuller_link(hub.url, str(ROOT), folder='course')}", flush=True)
            try:
                hub.proc.wait()
            except KeyboardInterrupt:
                print("\nstopping the hub")
            if hub.proc.poll() not in (None, 0, -signal.SIGTERM):
                print(hub.log_tail(), file=sys.stderr)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
