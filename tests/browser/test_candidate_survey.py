"""A rejected candidate opens their page on a phone, sees where the application ended,
answers the survey and is thanked, joins the talent pool and leaves it again; nothing is
wider than the screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import TalentPoolConsent
from aterkoppla.applications.services import application_receive
from aterkoppla.decisions.services import RejectionInput, decision_record
from aterkoppla.experience.models import SurveyResponse
from aterkoppla.messaging.models import Kind
from aterkoppla.recruitment.services import CriterionSpec, recruitment_create

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _no_sideways_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def _survey_link(application) -> str:
    message = application.messages.get(kind=Kind.REJECTION)
    url = next(word for word in message.body_text.split() if word.endswith("/enkat/"))
    return urlsplit(url).path


@pytest.mark.parametrize("language", ["en", "sv"])
def test_a_rejected_candidate_answers_the_survey_on_a_phone(
    browser: Browser, live_server, transactional_db: None, artifacts: Path, language: str
) -> None:
    owner = User.objects.create_user("rebecka", password="Rebecka-lösen-1", is_recruiter=True)
    today = timezone.localdate()
    job = recruitment_create(
        owner=owner,
        title="Lagerarbetare",
        description="Plock och pack.",
        status="open",
        application_deadline=today + dt.timedelta(days=14),
        first_reply_by=today + dt.timedelta(days=28),
        criteria=[CriterionSpec(name="Truckkort A+B")],
    )
    application = application_receive(
        recruitment=job,
        first_name="Tom",
        last_name="Baker",
        email="tom.baker@example.com",
        language=language,
    )
    # Not interviewed: the written rejection, with the survey's link, is the final answer.
    decision_record(recruitment=job, by=owner, rejections=[RejectionInput(application.pk)])
    survey_path = _survey_link(application)
    page_path = survey_path.removesuffix("enkat/")

    phone = browser.new_context(
        base_url=live_server.url,
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        locale="sv-SE" if language == "sv" else "en-GB",
        timezone_id="Europe/Stockholm",
    )
    page = phone.new_page()
    page.set_default_timeout(15_000)
    page.goto(page_path)

    # The steps at the top: an ordered list, the answer step current and the outcome said.
    steps = page.locator("ol.progress > li")
    expect(steps).to_have_count(4)
    expect(page.locator("ol.progress > li[aria-current='step']")).to_have_count(1)
    expect(steps.nth(3)).to_have_attribute("aria-current", "step")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator(".progress__note")).to_be_visible()
    # The language switch is in sight at the top.
    switch = page.locator(".site-header button[name=language]")
    expect(switch).to_be_visible()
    assert switch.bounding_box()["y"] < 100
    _no_sideways_scroll(page)
    page.screenshot(path=artifacts / f"candidate-page-rejected-{language}.png", full_page=True)

    # What you can do: the survey first.
    page.locator("#survey a.button").click()
    page.wait_for_url(f"**{survey_path}")
    expect(page.locator("fieldset")).to_have_count(3)
    _no_sideways_scroll(page)
    # Every answer box can be tapped with a thumb.
    for box in page.locator(".choice-box__face").all():
        size = box.bounding_box()
        assert size["height"] >= 44 and size["width"] >= 44
    # Sent without answering: the errors say what is missing, at the top and at the question.
    page.locator("form.survey-form button.button").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_recommend .error-message")).to_be_visible()
    _no_sideways_scroll(page)

    page.locator("label[for=id_recommend_8]").click()
    page.locator("label[for=id_clear_reason_0]").click()
    page.locator("label[for=id_respectful_1]").click()
    page.fill("#id_comment", "Tydligt besked, tack.")
    page.screenshot(path=artifacts / f"candidate-survey-{language}.png", full_page=True)
    page.locator("form.survey-form button.button").click()

    page.wait_for_url(f"**{page_path}")
    expect(page.locator(".notice--success")).to_be_visible()
    expect(page.locator("#survey")).not_to_contain_text("enkat")
    expect(page.locator("#survey a")).to_have_count(0)
    _no_sideways_scroll(page)
    page.screenshot(path=artifacts / f"candidate-page-answered-{language}.png", full_page=True)

    # The talent pool: joined on the page with a tick and the kinds of jobs, left again.
    pool = page.locator("#talent-pool")
    pool.locator("label[for=id_consent]").click()
    pool.locator("input[name=scope]").fill("Lager och logistik")
    with page.expect_navigation():
        pool.locator("form button.button").click()
    expect(page.locator(".notice--success")).to_be_visible()
    expect(pool).to_contain_text("Lager och logistik")
    _no_sideways_scroll(page)
    assert TalentPoolConsent.objects.get().withdrawn_at is None
    with page.expect_navigation():
        pool.locator("form[action$='lamna/'] button").click()
    expect(page.locator("input[name=consent]")).to_have_count(1)
    _no_sideways_scroll(page)
    assert TalentPoolConsent.objects.get().withdrawn_at is not None
    phone.close()

    answer = SurveyResponse.objects.get()
    assert (answer.recommend, answer.clear_reason, answer.respectful) == (8, "yes", "partly")
    assert answer.comment == "Tydligt besked, tack."
    assert answer.language == language
