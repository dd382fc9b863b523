"""The Content-Security-Policy holds on the main pages in a real browser: no inline script or
style is refused (which would break the page) and every page answers with the policy."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from playwright.sync_api import ConsoleMessage, Page, expect

from aterkoppla.messaging.links import portal_url_create

pytestmark = pytest.mark.browser


def test_no_page_breaks_the_content_security_policy(
    page: Page, log_in_as, transactional_db: None, site_admin, recruitment, interviewed
):
    sara = interviewed[0]
    refused: list[str] = []

    def watch(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            refused.append(f"{page.url}: {message.text}")

    page.on("console", watch)
    public = [
        reverse("careers:list"),
        reverse("careers:job", args=[recruitment.pk]),
        reverse("careers:apply", args=[recruitment.pk]),
        urlsplit(portal_url_create(sara)).path,
        "/api/v1/docs",
    ]
    for url in public:
        response = page.goto(url)
        assert response is not None and response.ok, url
        policy = response.headers["content-security-policy"]
        assert "unsafe-inline" not in policy and "script-src 'self'" in policy
    log_in_as(site_admin)
    staff = [
        reverse("dashboard:home"),
        reverse("applications:recruitments"),
        reverse("applications:pipeline", args=[recruitment.pk]),
        reverse("applications:detail", args=[sara.pk]),
        reverse("assessment:screening", args=[sara.pk]),
        reverse("decisions:decision", args=[recruitment.pk]),
        reverse("recruitment:edit", args=[recruitment.pk]),
        reverse("recruitment:profile", args=[recruitment.pk]),
        reverse("messaging:templates"),
        reverse("messaging:template", args=["rejection", "sv"]),
        reverse("experience:metrics"),
        reverse("experience:active_measures"),
        reverse("organisation:settings"),
        reverse("recruitment:create"),
    ]
    for url in staff:
        response = page.goto(url)
        assert response is not None and response.ok, url
        assert (
            response.headers["cache-control"] == "no-store"
            or "no-store" in (response.headers["cache-control"])
        ), url
        page.wait_for_load_state("networkidle")
    assert refused == []
    # A message's HTML, as sent, in the outbox: its own page inside a sandboxed frame, where
    # the mail's inline styles apply.
    page.goto(reverse("applications:outbox", args=[sara.pk]))
    page.locator("details.message-part summary").nth(1).click()
    frame = page.frame_locator("iframe.message-html").first
    first = frame.locator("p").first
    expect(first).to_contain_text("Sara")
    assert first.evaluate("p => getComputedStyle(p).marginBottom") == "16px"
    assert refused == []
    # The watch does see a refusal: an inline style attribute, as a page would write it.
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color:red\">x</p>')")
    page.wait_for_timeout(200)
    assert len(refused) == 1 and "inline style" in refused[0]
