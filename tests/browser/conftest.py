"""Headless Debian Chromium, driven by Playwright, against pytest-django's live server.

Playwright cannot download its own browser here, so the tests use Debian's ``chromium``
package at /usr/bin/chromium. Without it they skip, except under CI, where they fail.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS

# Playwright's sync API keeps an event loop running in the test's thread; without this Django
# refuses the ORM calls that tests and fixtures make next to it.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = (
        f"Debian's Chromium is not installed at {CHROMIUM}: `apt-get install chromium` "
        "(`make test` does it when run as root)."
    )
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} CI must run the browser tests.", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def artifacts() -> Path:
    """test-artifacts/ (gitignored): screenshots for people to look at after a run."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    report = yield
    # Lets the page fixture know, at teardown, whether the test itself failed.
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def page(request: pytest.FixtureRequest, browser: Browser, live_server) -> Iterator[Page]:
    """A fresh browser tab, in Swedish like the site, with the live server as base URL."""
    context = browser.new_context(
        base_url=live_server.url,
        locale="sv-SE",
        timezone_id="Europe/Stockholm",
        viewport={"width": 1280, "height": 900},
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    call_report = getattr(request.node, "report_call", None)
    if call_report is not None and call_report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"failed-{request.node.name}.png", full_page=True)
    context.close()


@pytest.fixture
def log_in_as(page: Page):
    """``log_in_as(user)`` signs the page in as that user (a test password is set)."""
    import re

    from django.urls import reverse
    from playwright.sync_api import expect

    def log_in(user) -> None:
        user.set_password("lösenord-för-test")
        user.save()
        page.goto(reverse("accounts:login"))
        page.fill("#id_username", user.username)
        page.fill("#id_password", "lösenord-för-test")
        page.locator("main form[method=post] button").last.click()
        expect(page).not_to_have_url(re.compile(r"/login/"))

    return log_in
