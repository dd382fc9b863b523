"""Sensitive personal data (GDPR art. 9) in a staff note: stopped, with the reminder that it
must not be stored in a recruitment, on the page and through the API, in sv and en."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from aterkoppla.language.gate import LanguageBlocked, Text, language_gate
from aterkoppla.language.models import Policy, Where

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

POLITICS = "Han berättade att han är politiskt aktiv i Moderaterna."
REMINDER_SV = (
    "Hälsa, etniskt ursprung, religion eller annan övertygelse, politiska åsikter, medlemskap "
    "i fackförening, sexualliv eller sexuell läggning samt genetiska och biometriska uppgifter "
    "är känsliga personuppgifter (dataskyddsförordningen artikel 9). De får inte sparas i en "
    "rekrytering: ta bort dem ur texten."
)
REMINDER_EN = (
    "Health, ethnic origin, religion or other beliefs, political opinions, union membership, "
    "sex life or sexual orientation, and genetic or biometric data are special categories of "
    "personal data (GDPR article 9). They must not be stored in a recruitment: remove them "
    "from the text."
)


def _reject(client, application, reason):
    return client.post(
        reverse("assessment:screening", args=[application.pk]),
        {"advance_to": "reject", "rejection_reason": reason},
    )


def test_a_screening_note_with_political_opinions_is_stopped_with_the_reminder(
    client_for, owner, application
):
    response = _reject(client_for(owner), application, POLITICS)
    assert response.status_code == 400
    page = response.content.decode()
    assert REMINDER_SV in page
    application.refresh_from_db()
    assert application.rejection_reason == ""
    assert not application.marked_for_rejection


def test_the_reminder_is_in_english_for_an_english_user(client_for, owner, application):
    client = client_for(owner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = _reject(client, application, POLITICS)
    assert response.status_code == 400
    assert REMINDER_EN in response.content.decode()


def test_under_a_warning_policy_it_is_saved_with_the_reminder_as_a_warning(
    client_for, owner, application
):
    recruitment = application.recruitment
    recruitment.language_policy = Policy.WARN
    recruitment.save(update_fields=["language_policy"])
    client = client_for(owner)
    response = _reject(client, application, POLITICS)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert REMINDER_SV in page


@pytest.mark.parametrize("where", [Where.SCREENING, Where.SCORECARD, Where.CALL, Where.MERITS])
def test_every_staff_note_stops_it(where, owner):
    with pytest.raises(LanguageBlocked) as stopped:
        language_gate(
            [Text(name="notes", text=POLITICS, where=where)], policy=Policy.BLOCK, by=owner
        )
    assert REMINDER_SV in stopped.value.messages[0]


def test_a_template_only_gets_the_warning(owner):
    found = language_gate(
        [Text(name="body", text=POLITICS, where=Where.TEMPLATE)], policy=Policy.BLOCK, by=owner
    )
    assert not found.blocked
    assert {f.category for f in found.advice()} == {"special_category"}


def test_other_findings_get_no_reminder(client_for, owner, application):
    response = _reject(client_for(owner), application, "Hon är nog för gammal för vårt team")
    assert response.status_code == 400
    assert "artikel 9" not in response.content.decode()
