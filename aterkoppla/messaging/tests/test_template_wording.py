"""The template editor's own words come from the catalogue: the names' descriptions in the
admin's language, sample values in the template's, and problems the admin can read."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse
from django.utils import translation

from aterkoppla.messaging.rendering import TemplateProblem, check_template, sample_context

pytestmark = pytest.mark.django_db

EDIT_URL = reverse("messaging:template", args=["acknowledgement", "sv"])

# sample_context as it was written out per language before its values went through gettext.
SAMPLE_SV = {
    "by_letter": "",
    "outcome": "chosen",
    "assessed": "yes",
    "disclosure_due": "",
    "erase_on": "16 december 2028",
    "erased_now": "",
    "first_name": "Sara",
    "last_name": "Ek",
    "job_title": "Lagerarbetare",
    "reply_by": "16 december 2026",
    "previous_reply_by": "9 december 2026",
    "stage": "Intervju",
    "portal_url": "https://example.se/ansokan/abc123/",
    "confirm_url": "https://example.se/jobb/bekrafta/abc123/",
    "talent_pool_url": "https://example.se/ansokan/abc123/talangbank/",
    "talent_pool_wanted": "yes",
    "talent_pool_until": "16 december 2027",
    "job_url": "https://example.se/jobb/12/",
    "survey_url": "https://example.se/ansokan/abc123/enkat/",
    "organisation": "Exempel AB",
    "organisation_phone": "036-12 34 56",
    "organisation_email": "rekrytering@example.se",
    "privacy_notice": "Så hanterar vi dina personuppgifter …",
    "reason": "Tjänsten kräver truckkort A+B, och det framgick inte av din ansökan.",
    "summary": "Det som avgjorde var framför allt erfarenhet av lagerarbete …",
    "interview_time": "tisdag 8 december 2026 kl. 10.00",
    "previous_interview_time": "måndag 7 december 2026 kl. 14.00",
    "interview_length": "1 timme",
    "interview_place": "Storgatan 1, Jönköping, receptionen",
    "video_url": "https://meet.example.se/intervju",
    "interviewers": "Johan Ström (rekryterande chef) och Leila Haddad",
    "bring": "Ta med id-handling och ditt truckkort.",
    "contact": "Rebecka Lind, rebecka.lind@example.se",
}
SAMPLE_EN = SAMPLE_SV | {
    "job_title": "Warehouse worker",
    "reply_by": "16 December 2026",
    "erase_on": "16 December 2028",
    "talent_pool_until": "16 December 2027",
    "previous_reply_by": "9 December 2026",
    "stage": "Interview",
    "privacy_notice": "How we handle your personal data …",
    "reason": "The job requires a forklift licence (A+B), which your application did not show.",
    "summary": "What decided it was above all experience of warehouse work …",
    "interview_time": "Tuesday 8 December 2026 at 10:00",
    "previous_interview_time": "Monday 7 December 2026 at 14:00",
    "interview_length": "1 hour",
    "interview_place": "Storgatan 1, Jönköping, reception",
    "interviewers": "Johan Ström (hiring manager) and Leila Haddad",
    "bring": "Bring ID and your forklift licence.",
}


def _page(client) -> str:
    return html.unescape(client.get(EDIT_URL).content.decode())


def test_the_editor_describes_the_names_in_the_admins_language(client_for, site_admin):
    client = client_for(site_admin)
    swedish = _page(client)
    assert "Kandidatens förnamn" in swedish
    assert "Den privata länken till kandidatens sida" in swedish
    assert "The candidate's first name" not in swedish

    client.post(reverse("set_language"), {"language": "en", "next": EDIT_URL})
    english = _page(client)
    assert "The candidate's first name" in english
    assert "Kandidatens förnamn" not in english


@pytest.mark.parametrize("active", ["sv", "en"])
def test_sample_values_are_in_the_templates_language_whatever_is_active(active):
    with translation.override(active):
        assert sample_context("sv") == SAMPLE_SV
        assert sample_context("en") == SAMPLE_EN


def test_an_empty_subject_is_explained_in_the_admins_language(client_for, site_admin):
    subject = "{% if false %}Hej{% endif %}"
    response = client_for(site_admin).post(EDIT_URL, {"subject": subject, "body": "Hej"})
    assert response.status_code == 400
    assert "Mallen kan inte användas: ämnet är tomt" in response.content.decode()
    with translation.override("en"), pytest.raises(TemplateProblem, match="the subject is empty"):
        check_template(subject, "Hi", "en")
