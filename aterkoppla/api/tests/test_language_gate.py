"""The language check on API texts: 422 with findings, or kept with a recorded reason."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from aterkoppla.assessment.models import Scorecard, Screening
from aterkoppla.language.models import LanguageOverride, Policy, Where
from aterkoppla.recruitment.models import Recruitment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

AGE = "Hon är nog för gammal för vårt unga team"


def _reject(api, application, reason, **extra):
    return api.post(
        f"/applications/{application.pk}/screening",
        {"mark_for_rejection": True, "rejection_reason": reason, **extra},
    )


def test_a_blocked_rejection_reason_is_422_with_findings(api_as, owner, application):
    response = _reject(api_as(owner), application, AGE)
    assert response.status_code == 422
    body = response.json()
    assert "language_override_reason" in body["detail"]
    assert "för gammal" in body["errors"]["rejection_reason"][0]
    finding = body["findings"][0]
    assert finding["field"] == "rejection_reason"
    assert (finding["category"], finding["severity"]) == ("age", "block")
    assert AGE[finding["start"] : finding["end"]] == finding["match"]
    application.refresh_from_db()
    assert not application.marked_for_rejection


def test_a_reason_keeps_it_and_is_on_the_timeline(api_as, owner, application):
    response = _reject(api_as(owner), application, AGE, language_override_reason="Ordagrant citat")
    assert response.status_code == 200, response.content
    assert response.json()["rejection_reason"] == AGE
    event = application.timeline.get(kind="language_override")
    assert (event.data["reason"], event.data["where"]) == ("Ordagrant citat", Where.REJECTION)
    assert event.actor_user == owner


def test_ordinary_language_passes(api_as, owner, application):
    reason = "Du saknade erfarenhet av äldre versioner av SAP"
    response = _reject(api_as(owner), application, reason)
    assert response.status_code == 200
    assert response.json()["marked_for_rejection"] is True
    assert not LanguageOverride.objects.exists()


def test_a_screening_note_names_its_path(api_as, owner, application):
    criterion = application.recruitment.criteria.first()
    response = api_as(owner).post(
        f"/applications/{application.pk}/screening",
        {"results": [{"criterion_id": criterion.pk, "result": "not_met", "note": "Gravid"}]},
    )
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["results.0.note"]
    assert not Screening.objects.exists()


def test_a_warning_policy_lets_it_pass_and_records_it(api_as, owner, application):
    Recruitment.objects.filter(pk=application.recruitment_id).update(language_policy=Policy.WARN)
    assert _reject(api_as(owner), application, AGE).status_code == 200
    assert LanguageOverride.objects.get().policy == Policy.WARN


def test_scorecard_texts_are_checked(api_as, interviewer, interview):
    criterion = interview.application.recruitment.criteria.first()
    body = {
        "ratings": [{"criterion_id": criterion.pk, "score": 3, "evidence": "Muslim, ber ofta"}],
        "tips": "Förbered exempel.",
    }
    path = f"/interviews/{interview.pk}/scorecards"
    with time_machine.travel(interview.ends_at + dt.timedelta(minutes=1)):
        response = api_as(interviewer).post(path, body)
        assert response.status_code == 422
        assert list(response.json()["errors"]) == ["ratings.0.evidence"]
        assert not Scorecard.objects.exists()
        body["language_override_reason"] = "Kandidaten berättade det själv; behövs för schemat"
        assert api_as(interviewer).post(path, body).status_code == 201
    event = interview.application.timeline.get(kind="language_override")
    assert event.data["where"] == Where.SCORECARD
