"""Checked texts on the pages: stopped until edited or kept with a reason on the timeline."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from aterkoppla.applications.models import Application
from aterkoppla.assessment.models import Scorecard
from aterkoppla.language.models import LanguageOverride, Policy, Where
from aterkoppla.messaging.models import MessageTemplate
from aterkoppla.organisation.models import Organisation
from aterkoppla.recruitment.models import Recruitment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

AGE = "Hon är nog för gammal för vårt unga team"
FINE = "Du saknade erfarenhet av äldre versioner av SAP"


def _reject(client, application, reason, override=""):
    return client.post(
        reverse("assessment:screening", args=[application.pk]),
        {
            "advance_to": "reject",
            "rejection_reason": reason,
            "language_override_reason": override,
        },
    )


def _overrides(application):
    return application.timeline.filter(kind="language_override")


def test_a_rejection_reason_with_an_age_reference_is_stopped(client_for, owner, application):
    response = _reject(client_for(owner), application, AGE)
    assert response.status_code == 400
    page = response.content.decode()
    assert "för gammal" in page
    assert 'name="language_override_reason"' in page
    application.refresh_from_db()
    assert not application.marked_for_rejection
    assert application.rejection_reason == ""
    assert not _overrides(application).exists()
    assert not LanguageOverride.objects.exists()


def test_a_reason_keeps_the_text_and_goes_on_the_timeline(client_for, owner, application):
    response = _reject(client_for(owner), application, AGE, override="Kandidaten citeras ordagrant")
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.marked_for_rejection
    assert application.rejection_reason == AGE
    event = _overrides(application).get()
    assert event.actor_user == owner
    assert event.data["reason"] == "Kandidaten citeras ordagrant"
    assert event.data["where"] == Where.REJECTION
    assert {f["category"] for f in event.data["findings"]} == {"age"}
    assert "Kandidaten citeras ordagrant" in event.summary()
    override = LanguageOverride.objects.get()
    assert (override.application, override.user, override.policy) == (
        application,
        owner,
        Policy.BLOCK,
    )
    timeline = client_for(owner).get(application.get_absolute_url()).content.decode()
    assert "Kandidaten citeras ordagrant" in timeline


def test_ordinary_job_language_passes_without_a_word(client_for, owner, application):
    client = client_for(owner)
    response = _reject(client, application, FINE)
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.rejection_reason == FINE
    page = client.get(response["Location"]).content.decode()
    assert "Språkgranskning" not in page
    assert not LanguageOverride.objects.exists()


def test_under_a_warning_policy_the_text_passes_and_is_recorded(client_for, owner, application):
    Recruitment.objects.filter(pk=application.recruitment_id).update(language_policy=Policy.WARN)
    client = client_for(owner)
    response = _reject(client, application, AGE)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Språkgranskning" in page and "för gammal" in page
    event = _overrides(application).get()
    assert event.data["policy"] == Policy.WARN
    assert event.data["where"] == Where.REJECTION
    assert "bara varna" in event.summary()


def test_a_reason_needs_the_rejection_mark(client_for, owner, application):
    response = client_for(owner).post(
        reverse("assessment:screening", args=[application.pk]),
        {"advance_to": "", "rejection_reason": FINE},
    )
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.rejection_reason == ""


def test_screening_notes_are_checked(client_for, owner, application):
    criterion = application.recruitment.criteria.first()
    response = client_for(owner).post(
        reverse("assessment:screening", args=[application.pk]),
        {f"result_{criterion.pk}": "not_met", f"note_{criterion.pk}": "Hon är gravid"},
    )
    assert response.status_code == 400
    assert not application.screenings.exists()


def test_merits_summary_is_checked(client_for, owner, application):
    response = client_for(owner).post(
        reverse("assessment:merits", args=[application.pk]),
        {"education": "Truckkort", "experience": "Lager, 3 år", "other": "Utländsk bakgrund"},
    )
    assert response.status_code == 400
    application.refresh_from_db()
    assert "Utländsk" not in str(application.merits)


def test_scorecard_notes_are_checked(client_for, interviewer, interview):
    criterion = interview.application.recruitment.criteria.first()
    url = reverse("assessment:scorecard", args=[interview.pk])
    data = {f"score_{criterion.pk}": "3", "tips": "Hon är gravid, så det passar inte nu."}
    with time_machine.travel(interview.ends_at + dt.timedelta(minutes=1)):
        client = client_for(interviewer)
        assert client.post(url, data).status_code == 400
        assert not Scorecard.objects.exists()
        data["language_override_reason"] = "Citat ur kandidatens egen fråga"
        assert client.post(url, data).status_code == 302
    assert Scorecard.objects.get().tips == "Hon är gravid, så det passar inte nu."
    assert _overrides(interview.application).get().data["where"] == Where.SCORECARD


def test_templates_are_checked_and_overrides_logged(client_for, site_admin):
    url = reverse("messaging:template", args=["acknowledgement", "sv"])
    body = "Hej {{ first_name }}!\n\nVi söker dig som är ung och hungrig.\n"
    client = client_for(site_admin)
    response = client.post(url, {"action": "save", "subject": "Tack", "body": body})
    assert response.status_code == 400
    assert not MessageTemplate.objects.exists()
    response = client.post(
        url,
        {
            "action": "save",
            "subject": "Tack",
            "body": body,
            "language_override_reason": "Testar spärren",
        },
    )
    assert response.status_code == 302
    override = LanguageOverride.objects.get()
    assert (override.where, override.application, override.reason) == (
        Where.TEMPLATE,
        None,
        "Testar spärren",
    )
    log = client.get(reverse("language:overrides")).content.decode()
    assert "Testar spärren" in log and "ung och hungrig" in log


def test_organisation_texts_are_checked(client_for, site_admin):
    organisation = Organisation.current()
    url = reverse("organisation:settings")
    data = {
        "name": organisation.name,
        "retention_months": organisation.retention_months,
        "disclosure_working_days": organisation.disclosure_working_days,
        "promise_postpone_days": organisation.promise_postpone_days,
        "promise_max_updates": organisation.promise_max_updates,
        "privacy_notice_sv": "Vi sparar uppgifter om din religion och hälsa.",
    }
    response = client_for(site_admin).post(url, data)
    assert response.status_code == 400
    assert Organisation.current().privacy_notice_sv == ""


def test_the_job_posting_is_checked(client_for, owner, recruitment):
    url = reverse("recruitment:edit", args=[recruitment.pk])
    data = {
        "title": recruitment.title,
        "description": "Vi söker en ung och hungrig lagerarbetare.",
        "job_tasks": recruitment.job_tasks,
        "language": "sv",
        "status": recruitment.status,
        "employment_type": recruitment.employment_type,
        "application_deadline": "2026-12-10",
        "first_reply_by": "2026-12-18",
        "language_policy": Policy.BLOCK,
    }
    response = client_for(owner).post(url, data)
    assert response.status_code == 400
    recruitment.refresh_from_db()
    assert "hungrig" not in recruitment.description
    data["language_policy"] = Policy.WARN
    data["description"] = "Plock och pack på vårt lager."
    assert client_for(owner).post(url, data).status_code == 302
    recruitment.refresh_from_db()
    assert recruitment.language_policy == Policy.WARN


def test_checked_fields_are_marked_for_live_feedback(client_for, owner, application):
    page = client_for(owner).get(reverse("assessment:screening", args=[application.pk]))
    html = page.content.decode()
    assert 'id="id_rejection_reason"' in html
    assert html.count("data-language-check") >= 1 + application.recruitment.criteria.count()
    assert "language-check.js" in html
    # The override field shows only once a text has been stopped.
    assert 'name="language_override_reason"' not in html


def test_application_stays_open_after_a_stopped_rejection(client_for, owner, application):
    _reject(client_for(owner), application, AGE)
    application.refresh_from_db()
    assert application.stage == Application.Stage.RECEIVED
