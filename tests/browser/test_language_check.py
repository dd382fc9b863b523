"""The language check while typing, in a real browser: the finding is highlighted in the
text with its explanation and suggestion beside it, and the text cannot be saved without an
edit or a recorded reason."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

AGE = "Hon är nog för gammal för vårt unga team"
FINE = "Du saknade erfarenhet av äldre versioner av SAP"


def test_a_rejection_reason_is_checked_while_typing(
    page: Page, log_in_as, transactional_db: None, owner, application, artifacts: Path
):
    log_in_as(owner)
    page.goto(reverse("assessment:screening", args=[application.pk]))
    page.select_option("#id_advance_to", "reject")
    field = page.locator("#id_rejection_reason")
    field.press_sequentially(AGE, delay=5)

    mark = page.locator(".lc__mark--block").first
    expect(mark).to_have_text("för gammal")
    findings = page.locator("#id_rejection_reason_language .lc__finding")
    expect(findings.first).to_contain_text("för gammal")
    expect(findings.first).to_contain_text("ålder")
    expect(findings.first.locator(".lc__suggestion")).to_contain_text("I stället:")
    # The highlight sits where the words are in the text.
    box, field_box = mark.bounding_box(), field.bounding_box()
    assert field_box["x"] <= box["x"] <= field_box["x"] + field_box["width"]
    assert field_box["y"] <= box["y"] <= field_box["y"] + field_box["height"]
    page.screenshot(path=artifacts / "language-check-typing.png", full_page=True)

    # Saving is refused until the text is edited or a reason is given.
    page.locator("main form[method=post] button.button").click()
    expect(page.locator(".error-summary")).to_be_visible()
    application.refresh_from_db()
    assert not application.marked_for_rejection
    page.fill("#id_language_override_reason", "Kandidatens egna ord, citerade")
    page.locator("main form[method=post] button.button").click()
    expect(page).to_have_url(re.compile(rf"/applications/{application.pk}/$"))
    expect(page.locator("main")).to_contain_text("Kandidatens egna ord, citerade")
    assert application.timeline.filter(kind="language_override").exists()


def test_ordinary_job_language_passes_without_a_word(
    page: Page, log_in_as, transactional_db: None, owner, application
):
    log_in_as(owner)
    page.goto(reverse("assessment:screening", args=[application.pk]))
    page.select_option("#id_advance_to", "reject")
    page.locator("#id_rejection_reason").press_sequentially(FINE, delay=5)
    # Let the debounced check answer, then see that it found nothing.
    with page.expect_response(lambda r: r.url.endswith("/language/check/")):
        page.locator("#id_rejection_reason").press("End")
        page.locator("#id_rejection_reason").type(".")
    expect(page.locator(".lc__mark")).to_have_count(0)
    expect(page.locator(".lc__finding")).to_have_count(0)
    page.locator("main form[method=post] button.button").click()
    expect(page).to_have_url(re.compile(rf"/applications/{application.pk}/$"))
    application.refresh_from_db()
    assert application.marked_for_rejection and application.rejection_reason == FINE + "."


# No pattern of the lexicon matches this sentence; the second reader (model.py) does.
UNKNOWN_PHRASING = (
    "Vi behöver någon som kan stanna länge, inte någon som snart ska gå hem och vila."
)


def test_a_phrasing_no_rule_knows_is_a_warning_that_does_not_stop_saving(
    page: Page, log_in_as, transactional_db: None, owner, application
):
    log_in_as(owner)
    page.goto(reverse("assessment:screening", args=[application.pk]))
    page.select_option("#id_advance_to", "reject")
    page.locator("#id_rejection_reason").press_sequentially(UNKNOWN_PHRASING, delay=3)

    expect(page.locator(".lc__mark--warn").first).to_have_text(UNKNOWN_PHRASING)
    expect(page.locator(".lc__mark--block")).to_have_count(0)
    finding = page.locator("#id_rejection_reason_language .lc__finding").first
    expect(finding).to_contain_text("ålder")
    expect(finding).to_contain_text("orden som vägde tyngst: ”")
    # A warning is advice: the reason is saved without an override.
    page.locator("main form[method=post] button.button").click()
    expect(page).to_have_url(re.compile(rf"/applications/{application.pk}/$"))
    application.refresh_from_db()
    assert application.marked_for_rejection
    assert application.rejection_reason == UNKNOWN_PHRASING
    assert not application.timeline.filter(kind="language_override").exists()
