"""Print the nbgitpuller link that pulls the course into each student's home and opens a lesson.

    python tools/nbgitpuller_link.py https://hub.example.org https://github.com/intro-deep-learning/course

A student who clicks the link logs in to the hub, gets (or keeps) their own copy of the repository
in ``~/<folder>`` (nbgitpuller merges new commits without overwriting the student's edits) and
lands in JupyterLab at the lesson. Share one link for the whole class; it works again after the
course is updated. Pure string work: nothing is fetched.
"""

import argparse
from urllib.parse import urlencode, urlsplit

WELCOME = "notebooks/00_welcome.ipynb"


def folder_for(repo_url: str) -> str:
    """The folder a repository lands in: its last path part without ``.git`` (``course``)."""
    name = urlsplit(repo_url).path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
    if not name:
        raise ValueError(f"cannot name a folder after the repository URL {repo_url!r}")
    return name


def nbgitpuller_link(
    hub_url: str,
    repo_url: str,
    branch: str | None = None,
    lesson: str = WELCOME,
    folder: str | None = None,
) -> str:
    """The link ``<hub>/hub/user-redirect/git-pull?...`` that opens ``lesson`` in JupyterLab.

    ``branch`` None lets nbgitpuller use the repository's default branch; ``folder`` None
    names the student's copy after the repository.
    """
    if urlsplit(hub_url).scheme not in ("http", "https"):
        raise ValueError(f"hub URL must start with https:// (or http://), got {hub_url!r}")
    folder = folder or folder_for(repo_url)
    query = {"repo": repo_url, "targetpath": folder, "urlpath": f"lab/tree/{folder}/{lesson}"}
    if branch:
        query["branch"] = branch
    return f"{hub_url.rstrip('/')}/hub/user-redirect/git-pull?{urlencode(query)}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("hub_url", help="the hub's address, e.g. https://hub.example.org")
    parser.add_argument("repo_url", help="the course repository (or the student copy's)")
    parser.add_argument("--branch", help="branch to pull (default: the repository's default)")
    parser.add_argument("--lesson", default=WELCOME, help=f"notebook to open (default {WELCOME})")
    parser.add_argument("--folder", help="folder in each home (default: the repository's name)")
    args = parser.parse_args(argv)
    print(nbgitpuller_link(args.hub_url, args.repo_url, args.branch, args.lesson, args.folder))


if __name__ == "__main__":
    main()
