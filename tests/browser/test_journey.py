"""A newcomer's first recruitment, end to end in a real browser, in Swedish.

Elements are found by ids, names, hrefs and roles, so wording can change freely; Swedish text
is asserted only for a few key strings that show the catalogue is in use.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from aterkoppla.accounts.models import User

pytestmark = pytest.mark.browser

SWEDISH_MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]

CRITERIA = [
    # name, kind, category, weight
    ("Truckkort A+B", "must", "education", "5"),
    ("Erfarenhet av lagerarbete", "must", "experience", "4"),
    ("Noggrannhet", "merit", "personal", "2"),
    ("Svenska i tal och skrift", "must", "skill", "3"),
    ("B-körkort", "merit", "other", "1"),
]


def swedish_date(day: dt.date) -> str:
    return f"{day.day} {SWEDISH_MONTHS[day.month - 1]} {day.year}"


def submit(page: Page) -> None:
    """Press the main form's button (the header has forms of its own)."""
    page.locator("main form[method=post] button").last.click()


def log_in(page: Page, username: str, password: str) -> None:
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    submit(page)


def create_recruitment(page: Page, title: str, deadline: dt.date, reply_by: dt.date) -> None:
    page.click("main a[href='/recruitments/new/']")
    page.fill("#id_title", title)
    page.fill("#id_description", "Plock och pack på vårt lager i Jönköping.")
    page.fill("#id_application_deadline", deadline.isoformat())
    page.fill("#id_first_reply_by", reply_by.isoformat())
    page.select_option("#id_status", "open")
    for i, (name, kind, category, weight) in enumerate(CRITERIA):
        page.fill(f"#id_criteria-{i}-name", name)
        page.select_option(f"#id_criteria-{i}-kind", kind)
        page.select_option(f"#id_criteria-{i}-category", category)
        page.fill(f"#id_criteria-{i}-weight", weight)
    submit(page)


def add_application(page: Page) -> None:
    add = page.locator("main a[href*='/applications/recruitment/'][href$='/new/']")
    expect(add).to_have_text("Lägg till ansökan")
    add.click()
    page.fill("#id_first_name", "Sara")
    page.fill("#id_last_name", "Ek")
    page.fill("#id_email", "sara.ek@example.se")
    page.fill("#id_phone", "070-123 45 67")
    page.fill("#id_education", "Truckkort A+B, 2021")
    page.fill("#id_experience", "Lagerarbetare, 3 år\nTruckförare, 1 år")
    submit(page)


def test_newcomer_creates_a_recruitment_and_adds_an_application(
    page: Page, artifacts: Path, transactional_db: None
) -> None:
    User.objects.create_user(
        username="nora",
        password="Nora-lösenord-1",
        first_name="Nora",
        last_name="Nilsson",
        is_recruiter=True,
    )
    today = timezone.localdate()
    deadline, reply_by = today + dt.timedelta(days=30), today + dt.timedelta(days=45)
    names = [name for name, *_ in CRITERIA]

    log_in(page, "nora", "Nora-lösenord-1")
    expect(page.locator("header form[action='/account/logout/'] button")).to_have_text("Logga ut")
    nav = page.locator("header nav a[href='/applications/']")
    expect(nav).to_have_text("Rekryteringar")
    nav.click()
    expect(page.locator("h1")).to_have_text("Rekryteringar")

    # A recruitment with a five-requirement profile.
    create_recruitment(page, "Lagerarbetare", deadline, reply_by)
    expect(page).to_have_url(re.compile(r"/applications/recruitment/\d+/$"))
    recruitment_url = page.url
    recruitment_path = urlsplit(recruitment_url).path
    expect(page.locator("h1")).to_have_text("Lagerarbetare")
    expect(page.locator("#profile-title")).to_have_text("Kravprofil")
    summary = page.locator("ol.profile-summary > li")
    expect(summary).to_have_count(5)
    for item, name in zip(summary.all(), names, strict=True):
        expect(item).to_contain_text(name)
    page.click("header nav a[href='/applications/']")
    expect(page.locator(f"main table a[href='{recruitment_path}']")).to_have_text("Lagerarbetare")
    page.goto(recruitment_url)

    # The profile: move the third requirement up.
    page.click("nav.tabs a[href$='/profile/']")
    expect(page.locator("main h2").first).to_have_text("Kravprofil")
    rows = page.locator("main table tbody tr th[scope=row]")
    expect(rows).to_have_text(names)
    page.locator("main table tbody tr").nth(2).locator("button[value=up]").click()
    expect(rows).to_have_text([names[0], names[2], names[1], *names[3:]])

    # An application that came by post.
    page.goto(recruitment_url)
    add_application(page)
    expect(page).to_have_url(recruitment_url)
    row = page.locator("table#applications tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator("th a")).to_have_text("Sara Ek")
    expect(row).to_contain_text(swedish_date(reply_by))
    page.screenshot(path=artifacts / "recruitment.png", full_page=True)

    # The application: the candidate, the merits as given, and the timeline.
    row.locator("th a").click()
    expect(page).to_have_url(re.compile(r"/applications/\d+/$"))
    expect(page.locator("h1")).to_have_text("Sara Ek")
    candidate = page.locator("section[aria-labelledby=candidate-title]")
    expect(candidate.locator("a[href='mailto:sara.ek@example.se']")).to_be_visible()
    expect(candidate.locator("a[href^='tel:+46']")).to_be_visible()
    merits = page.locator("section[aria-labelledby=merits-title]")
    # As others would be told them, with the year that only staff see.
    expect(merits).to_contain_text("truckkort A+B")
    expect(merits).to_contain_text("Bara för personalen: 2021")
    expect(merits).to_contain_text("ett års erfarenhet som truckförare")
    received = page.locator("ol.timeline > li").filter(has_text=swedish_date(reply_by))
    expect(received).to_have_count(1)

    # English from the header button, kept from page to page.
    page.goto(recruitment_url)
    page.click("header button[name=language][value=en]")
    expect(page).to_have_url(recruitment_url)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("header nav a[href='/applications/']")).to_have_text("Recruitments")
    page.click("nav.tabs a[href$='/profile/']")
    expect(page.locator("nav.tabs a[aria-current=page]")).to_have_text("Requirement profile")

    # A form sent with mistakes: an error summary that links to each field, never a 500.
    page.goto("/recruitments/new/")
    page.fill("#id_criteria-0-name", "Truckkort A+B")
    page.fill("#id_criteria-0-weight", "-3")
    with page.expect_response(re.compile(r"/recruitments/new/$")) as response:
        submit(page)
    assert response.value.status == 400
    summary = page.locator(".error-summary[role=alert]")
    expect(summary).to_be_visible()
    expect(summary.locator("a[href='#id_title']")).to_be_visible()
    expect(summary.locator("a[href='#id_criteria-0-weight']")).to_be_visible()
