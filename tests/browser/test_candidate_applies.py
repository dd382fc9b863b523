"""A candidate applies from a phone; the recruiter reads the CV; an outsider cannot reach it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Document
from aterkoppla.lib.tests import samples
from aterkoppla.recruitment.services import CriterionSpec, recruitment_create

pytestmark = pytest.mark.browser

CONTEXT = {"locale": "sv-SE", "timezone_id": "Europe/Stockholm"}


def test_candidate_applies_on_a_phone_and_only_the_team_reaches_the_cv(
    browser: Browser, live_server, transactional_db: None, tmp_path: Path, artifacts: Path
) -> None:
    recruiter = User.objects.create_user("rebecka", password="Rebecka-lösen-1", is_recruiter=True)
    User.objects.create_user("otto", password="Otto-lösen-1")
    today = timezone.localdate()
    job = recruitment_create(
        owner=recruiter,
        title="Lagerarbetare",
        description="Plock och pack.",
        status="open",
        location="Jönköping",
        application_deadline=today + dt.timedelta(days=14),
        first_reply_by=today + dt.timedelta(days=28),
        criteria=[CriterionSpec(name="Truckkort A+B")],
    )
    cv = tmp_path / "Mitt CV.pdf"
    cv.write_bytes(samples.pdf_bytes())

    phone = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        **CONTEXT,
    )
    page = phone.new_page()
    page.goto("/jobb/")
    page.click(f"a[href='/jobb/{job.pk}/']")
    expect(page.locator("h1")).to_have_text("Lagerarbetare")
    expect(page.locator("script[type='application/ld+json']")).to_have_count(1)
    page.click(f"a[href='/jobb/{job.pk}/ansok/']")
    # The form's page has loaded (evaluating during the navigation finds no document).
    page.wait_for_url(f"**/jobb/{job.pk}/ansok/")
    expect(page.locator("#id_first_name")).to_be_visible()
    # Nothing is wider than the phone's screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.fill("#id_first_name", "Sara")
    page.fill("#id_last_name", "Ek")
    page.fill("#id_email", "sara.ek@example.se")
    page.fill("#id_phone", "070-123 45 67")
    page.set_input_files("#id_cv", str(cv))
    page.fill("#id_education", "Truckkort A+B, 2021")
    page.locator("[data-rows] button").first.click()
    page.locator("input[name=education]").last.fill("Gymnasiet")
    page.locator("form.apply-form button.button--large").click()
    expect(page.locator("h1")).to_have_text("Tack för din ansökan, Sara!")
    expect(page.locator(".promise")).to_contain_text(str((today + dt.timedelta(days=28)).year))
    page.screenshot(path=artifacts / "candidate-thanks.png", full_page=True)
    phone.close()

    document = Document.objects.get()
    # As the candidate wrote them, split into their parts: the year is for staff only.
    assert [(m.field, m.level, m.to_year) for m in document.application.merits.all()] == [
        ("truckkort A+B", "", 2021),
        ("", "upper_secondary", None),
    ]
    document_url = document.get_absolute_url()

    desk = browser.new_context(base_url=live_server.url, **CONTEXT)
    page = desk.new_page()
    page.goto("/login/")
    page.fill("#id_username", "rebecka")
    page.fill("#id_password", "Rebecka-lösen-1")
    page.locator("main form button").click()
    page.goto(f"/recruitments/{job.pk}/")
    page.click("table#applications a:has-text('Sara Ek')")
    link = page.locator(f"a[href='{document_url}']")
    expect(link).to_be_visible()
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "Mitt CV.pdf"
    assert Path(download.value.path()).read_bytes() == samples.pdf_bytes()
    desk.close()

    outsider = browser.new_context(base_url=live_server.url, **CONTEXT)
    page = outsider.new_page()
    anonymous = page.request.get(document_url)
    assert anonymous.url.endswith(f"/login/?next={document_url}")
    assert b"%PDF" not in anonymous.body()
    page.goto("/login/")
    page.fill("#id_username", "otto")
    page.fill("#id_password", "Otto-lösen-1")
    page.locator("main form button").click()
    assert page.request.get(document_url).status == 404
    assert page.request.get("/media/" + document.file.name).status == 404
    expect(page.locator("body")).not_to_contain_text(re.compile("Sara"))
    outsider.close()
