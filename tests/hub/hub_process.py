"""A learner that talks to a real JupyterHub over HTTP, for the class tests.

``Hub`` (tools/hub/local_hub.py, also behind ``make hub``) starts ``jupyterhub`` from the
course's environment with tools/hub/jupyterhub_config.py and the configurable-http-proxy that
``make`` installs from npm (tools/hub). ``Learner`` does what a student's browser does: log in
with a password, start a server, open an nbgitpuller link, open a notebook; and runs a notebook's
code cells through the kernel's websocket, the way JupyterLab does when the student presses
Run All.
"""

import json
import time
import uuid
from urllib.parse import urlencode

import requests
import websocket

from tools.hub.local_hub import ROOT as REPO
from tools.hub.local_hub import Hub, missing_tools

__all__ = ["REPO", "Hub", "Learner", "missing_tools", "execute"]


class Learner:
    """One student: a cookie session (the browser) and, once logged in, an API token."""

    def __init__(self, hub: Hub, name: str):
        self.hub = hub
        self.name = name
        self.browser = requests.Session()
        self.token: str | None = None

    # --- the hub -------------------------------------------------------------------------
    def login(self, password: str) -> requests.Response:
        """Submit the login form as a browser does; returns the final response."""
        form = self.browser.get(f"{self.hub.url}/hub/login", timeout=30)
        form.raise_for_status()
        return self.browser.post(
            f"{self.hub.url}/hub/login",
            data={"username": self.name, "password": password,
                  "_xsrf": self.browser.cookies.get("_xsrf", path="/hub/")},
            timeout=30,
        )  # fmt: skip

    def new_token(self) -> str:
        """An API token for this learner, asked for with the login cookie (as the token page)."""
        answer = self.browser.post(
            f"{self.hub.url}/hub/api/users/{self.name}/tokens",
            json={"note": "class test", "expires_in": 3600},
            headers={"X-XSRFToken": self.browser.cookies.get("_xsrf", path="/hub/")},
            timeout=30,
        )
        answer.raise_for_status()
        self.token = answer.json()["token"]
        return self.token

    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        """A request with this learner's token (``path`` starts with /hub/ or /user/)."""
        headers = {"Authorization": f"token {self.token}", **kwargs.pop("headers", {})}
        return requests.request(
            method, f"{self.hub.url}{path}", headers=headers, timeout=60, **kwargs
        )

    def start_server(self, timeout: float = 120.0) -> None:
        started = self.api("POST", f"/hub/api/users/{self.name}/server")
        assert started.status_code in (201, 202), started.text
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            model = self.api("GET", f"/hub/api/users/{self.name}").json()
            if model["servers"].get("", {}).get("ready"):
                return
            time.sleep(0.5)
        raise RuntimeError(f"{self.name}'s server was not ready in {timeout:.0f} s")

    # --- nbgitpuller ---------------------------------------------------------------------
    def open_link(self, link: str) -> requests.Response:
        """Follow a link in the browser session (redirects and the server's OAuth included)."""
        return self.browser.get(link, timeout=60)

    def pull(self, query: dict[str, str]) -> list[dict]:
        """What the nbgitpuller page's script does: stream ``git-pull/api`` until it finishes."""
        events = []
        url = f"{self.hub.url}/user/{self.name}/git-pull/api?{urlencode(query)}"
        with self.browser.get(url, stream=True, timeout=120) as stream:
            stream.raise_for_status()
            for line in stream.iter_lines(decode_unicode=True):
                if line and line.startswith("data: "):
                    events.append(json.loads(line[len("data: ") :]))
                    if events[-1].get("phase") in ("finished", "error"):
                        break
        return events

    # --- running a notebook --------------------------------------------------------------
    def run_notebook(self, path: str, timeout: float = 240.0) -> list[dict]:
        """Run every code cell of ``path`` (relative to the learner's home) in a new kernel.

        Opens a notebook session as JupyterLab does, executes the cells in order over the kernel
        websocket, and returns the outputs as notebook-format dicts (stream, display_data,
        execute_result, error), each with the index of its cell.
        """
        base = f"/user/{self.name}/api"
        notebook = self.api("GET", f"{base}/contents/{path}").json()["content"]
        session = self.api(
            "POST", f"{base}/sessions",
            json={"path": path, "type": "notebook", "name": "", "kernel": {"name": "python3"}},
        )  # fmt: skip
        assert session.status_code == 201, session.text
        session = session.json()
        ws_url = self.hub.url.replace("http", "ws", 1)
        channel = websocket.create_connection(
            f"{ws_url}{base}/kernels/{session['kernel']['id']}/channels",
            header=[f"Authorization: token {self.token}"], timeout=timeout,
        )  # fmt: skip
        outputs = []
        try:
            for index, cell in enumerate(notebook["cells"]):
                if cell["cell_type"] == "code" and cell["source"].strip():
                    outputs += [
                        {**out, "cell": index} for out in execute(channel, cell["source"], timeout)
                    ]
        finally:
            channel.close()
            self.api("DELETE", f"{base}/sessions/{session['id']}")
        return outputs


def execute(channel, code: str, timeout: float) -> list[dict]:
    """Send one execute_request on a kernel websocket; collect its outputs until it is idle."""
    msg_id = uuid.uuid4().hex
    channel.send(
        json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": "learner",
                       "session": uuid.uuid4().hex, "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
        })
    )  # fmt: skip
    outputs, idle, replied = [], False, False
    deadline = time.monotonic() + timeout
    while not (idle and replied):
        if time.monotonic() > deadline:
            raise TimeoutError(f"no answer from the kernel in {timeout:.0f} s to:\n{code}")
        frame = channel.recv()
        if not isinstance(frame, str):  # binary frames carry widget buffers; not outputs
            continue
        msg = json.loads(frame)
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "status" and content["execution_state"] == "idle":
            idle = True
        elif kind == "execute_reply":
            replied = True
            if content["status"] == "error" and not any(
                o["output_type"] == "error" for o in outputs
            ):
                outputs.append({"output_type": "error", **content})
        elif kind in ("stream", "display_data", "execute_result", "error"):
            outputs.append({"output_type": kind, **content})
    return outputs
