"""Fixtures for the real-browser tests: one JupyterLab server and one Chromium per process.

Under pytest-xdist each worker builds its own (session scope is per worker), on its own free
port. Where Chromium is missing the tests skip with the install command; in CI (``CI=true``)
they fail instead, so a CI run never passes without having looked at the course in a browser.
"""

import pytest

from tests.browser.lab_server import LabServer, browser_missing_reason, in_ci, launch_chromium

VIEWPORT = {"width": 1280, "height": 800}  # a common laptop screen
# The learner's window sizes the layout checks run at (both with the file browser open).
SIZES = {"1280x800": (1280, 800), "1024x768": (1024, 768)}


def require_browser() -> None:
    """Skip (developer machine) or fail (CI) when Chromium or Playwright is missing."""
    reason = browser_missing_reason()
    if reason is None:
        return
    if in_ci():
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium():
    """A headless Debian Chromium driven by Playwright (one per worker)."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def lab_server(chromium):
    """JupyterLab started like ``make lab``, on a free port of 127.0.0.1, isolated folders."""
    with LabServer() as server:
        yield server


@pytest.fixture
def lab_page(chromium):
    """A fresh browser context and page (no shared storage between tests)."""
    context = chromium.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()
