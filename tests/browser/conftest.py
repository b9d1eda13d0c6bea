"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright against Django's live server.

Playwright never downloads a browser here: it starts the system Chromium by path. Without it the
tests skip on a laptop and fail in CI (tests.utils.require_service).
"""

import time
from pathlib import Path

import pytest

from tests.utils import require_service

CHROMIUM = Path("/usr/bin/chromium")
# Headless, as root in CI, on a machine with no outside network: no sandbox, and none of
# Chromium's background connections (they would be refused, many at a time).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    require_service(CHROMIUM.exists(), f"Chromium ({CHROMIUM})")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, which makes Django refuse
    # ORM calls from the test body unless told the loop is not serving async code.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(locale="cs-CZ")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    # The admin's page editor pings its editing session while open and releases it as it is left, both
    # written by the live server: one still writing when the test database is flushed fails the flush.
    page.goto("about:blank")
    if "live_server" in request.fixturenames:
        wait_for_editing_sessions_released()
    context.close()


def wait_for_editing_sessions_released(timeout=5.0):
    from wagtail.admin.models import EditingSession

    deadline = time.monotonic() + timeout
    while EditingSession.objects.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
