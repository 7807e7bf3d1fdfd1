"""JupyterHub configuration for a class on this machine (make hub, tests/hub): 127.0.0.1 only.

Started by ``tools/hub/local_hub.py`` (``make hub``, and tests/hub) as
``jupyterhub -f tools/hub/jupyterhub_config.py``
with these environment variables (all required):

- ``COURSE_HUB_DIR``: a temporary folder for the hub's database, cookie secret and the learners'
  homes (``<dir>/homes/<name>``);
- ``COURSE_HUB_PORT``, ``COURSE_HUB_API_PORT``, ``COURSE_HUB_PROXY_API_PORT``: free ports for
  the public proxy, the hub itself and the proxy's REST API;
- ``COURSE_HUB_PASSWORDS``: JSON ``{"learner": "password", ...}``; only these learners exist;
- ``COURSE_HUB_PROXY``: the configurable-http-proxy executable (``make`` installs it with npm
  into tools/hub/node_modules).

Authentication: each learner has a password (``LearnerPasswordAuthenticator`` below).
Spawning: JupyterHub's ``SimpleLocalProcessSpawner``, each learner's server rooted in its own
home. Every process runs as the same operating-system user here, so the isolation these tests
check is the hub's (URLs, cookies, tokens); on The Littlest JupyterHub each learner is also a
separate Unix user.
"""

import hmac
import json
import os
import sys
from pathlib import Path

from jupyterhub.auth import Authenticator
from jupyterhub.spawner import SimpleLocalProcessSpawner
from traitlets import Dict

c = get_config()  # noqa: F821 (provided by JupyterHub when it loads this file)

HUB_DIR = Path(os.environ["COURSE_HUB_DIR"])
PASSWORDS = json.loads(os.environ["COURSE_HUB_PASSWORDS"])


class LearnerPasswordAuthenticator(Authenticator):
    """Log in a known learner with that learner's own password; refuse everything else."""

    passwords = Dict(config=True, help="learner name -> password")

    async def authenticate(self, handler, data):
        expected = self.passwords.get(data.get("username", ""))
        given = data.get("password", "")
        if expected and hmac.compare_digest(expected.encode(), given.encode()):
            return data["username"]
        return None


c.JupyterHub.authenticator_class = LearnerPasswordAuthenticator
c.LearnerPasswordAuthenticator.passwords = PASSWORDS
c.Authenticator.allowed_users = set(PASSWORDS)

# everything on the loopback interface: the public proxy, the hub, the proxy's API, the servers
c.JupyterHub.bind_url = f"http://127.0.0.1:{os.environ['COURSE_HUB_PORT']}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{os.environ['COURSE_HUB_API_PORT']}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ['COURSE_HUB_PROXY_API_PORT']}"
c.ConfigurableHTTPProxy.command = [os.environ["COURSE_HUB_PROXY"]]
c.ConfigurableHTTPProxy.pid_file = str(HUB_DIR / "proxy.pid")
c.Spawner.ip = "127.0.0.1"

c.JupyterHub.db_url = f"sqlite:///{HUB_DIR / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(HUB_DIR / "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = True

c.JupyterHub.spawner_class = SimpleLocalProcessSpawner
c.SimpleLocalProcessSpawner.home_dir_template = str(HUB_DIR / "homes" / "{username}")
c.Spawner.notebook_dir = str(HUB_DIR / "homes" / "{username}")
# the single-user server from the same environment as the hub (the course's .venv)
c.Spawner.cmd = [str(Path(sys.executable).with_name("jupyterhub-singleuser"))]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
if os.geteuid() == 0:  # containers and CI run as root; Jupyter refuses that unless told
    c.Spawner.args = ["--allow-root"]
