"""Who may answer the survey, once, with the outcome and the channel of the final answer."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from aterkoppla.applications.models import Application
from aterkoppla.applications.services import application_move, applications_close
from aterkoppla.decisions.models import CallAttempt, CallTask
from aterkoppla.decisions.services import call_attempt_record
from aterkoppla.decisions.tests.fixtures import decide_with_hire
from aterkoppla.experience.models import SurveyResponse
from aterkoppla.experience.survey import (
    SurveyStatus,
    survey_answer,
    survey_refusal,
    survey_status,
)
from aterkoppla.privacy.services import Cause, application_anonymise
from aterkoppla.timeline.models import TimelineEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

ANSWER = {"recommend": 8, "clear_reason": "yes", "respectful": "partly", "language": "sv"}


def _answer(application: Application, **overrides) -> SurveyResponse:
    return survey_answer(application=application, **(ANSWER | overrides))


def _close(application: Application, outcome: str, by) -> Application:
    (closed,) = applications_close(applications=[application], outcome=outcome, by=by)
    return closed


@pytest.mark.parametrize("stage", ["received", "screening", "interview", "reserve", "offer"])
def test_an_open_application_has_no_final_answer_yet(application, owner, stage):
    for to_stage in ["screening", "interview", "reserve", "offer"]:
        if application.stage == stage:
            break
        if to_stage in application.allowed_next_stages():
            application = application_move(application=application, to_stage=to_stage, by=owner)
    assert application.stage == stage
    assert survey_status(application) == SurveyStatus.NOT_YET
    with translation.override("en"):
        assert survey_refusal(application) == (
            "You can answer the survey once you have had our final answer."
        )
    with pytest.raises(ValidationError) as refused:
        _answer(application)
    assert refused.value.code == "not_yet"
    assert not SurveyResponse.objects.exists()


def test_a_written_rejection_may_be_answered_once(application, owner):
    application = _close(application, "rejected", owner)
    assert survey_refusal(application) is None
    events = TimelineEvent.objects.count()

    response = _answer(application, comment="  Tydligt och vänligt.  ", language="en")

    assert (response.outcome, response.channel) == ("rejected", "written")
    assert (response.recommend, response.clear_reason, response.respectful) == (8, "yes", "partly")
    assert response.comment == "Tydligt och vänligt."
    assert response.language == "en"
    # Staff read the timeline: an answer never stands there, not even that one was given.
    assert TimelineEvent.objects.count() == events
    assert survey_status(application) == SurveyStatus.ANSWERED
    with translation.override("en"):
        assert "already answered" in (survey_refusal(application) or "")
    with pytest.raises(ValidationError) as second:
        _answer(application, recommend=0)
    assert second.value.code == "answered"
    assert SurveyResponse.objects.get().recommend == 8


@pytest.mark.parametrize(
    ("moves", "outcome", "expected"),
    [
        ([], "withdrawn", "withdrawn"),
        (["screening"], "rejected", "rejected"),
        (["interview", "offer"], "hired", "hired"),
    ],
)
def test_the_outcome_is_kept_as_it_was_answered(application, owner, moves, outcome, expected):
    for to_stage in moves:
        application = application_move(application=application, to_stage=to_stage, by=owner)
    application = _close(application, outcome, owner)
    assert _answer(application).outcome == expected


def test_a_rejection_owed_a_call_waits_for_the_call_and_then_says_it_was_by_phone(
    recruitment, owner, hiring_manager, interviewed, others
):
    decide_with_hire(recruitment, owner, interviewed, others)
    sara, ali, _emma = interviewed
    assert sara.awaiting_answer
    assert survey_status(sara) == SurveyStatus.NOT_YET
    with pytest.raises(ValidationError):
        _answer(sara)

    call_attempt_record(
        task=CallTask.objects.get(application=sara), by=hiring_manager, outcome="reached"
    )
    sara.refresh_from_db()
    assert survey_refusal(sara) is None
    answered = _answer(sara)
    assert (answered.outcome, answered.channel) == ("rejected", "call")

    # Unreachable: the decision went out in writing after failed calls on two days.
    ali_task = CallTask.objects.get(application=ali)
    for _ in range(3):
        call_attempt_record(task=ali_task, by=hiring_manager, outcome="no_answer")
    with time_machine.travel(timezone.now() + dt.timedelta(days=1)):
        call_attempt_record(task=ali_task, by=hiring_manager, outcome="no_answer")
    ali.refresh_from_db()
    assert _answer(ali).channel == "written"


def test_a_call_not_reached_is_not_a_call(recruitment, owner, hiring_manager, interviewed, others):
    decide_with_hire(recruitment, owner, interviewed, others)
    sara = interviewed[0]
    call_attempt_record(
        task=CallTask.objects.get(application=sara),
        by=hiring_manager,
        outcome=CallAttempt.Outcome.NO_ANSWER,
    )
    sara.refresh_from_db()
    assert survey_status(sara) == SurveyStatus.NOT_YET


def test_an_anonymised_application_takes_no_answer(application, owner):
    application = _close(application, "rejected", owner)
    application_anonymise(application, cause=Cause.ERASURE)
    application.refresh_from_db()
    assert survey_status(application) == SurveyStatus.CLOSED
    with pytest.raises(ValidationError) as refused:
        _answer(application)
    assert refused.value.code == "closed"


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        ({"recommend": 11}, "recommend"),
        ({"recommend": -1}, "recommend"),
        ({"recommend": True}, "recommend"),
        ({"recommend": "7"}, "recommend"),
        ({"clear_reason": "maybe"}, "clear_reason"),
        ({"respectful": ""}, "respectful"),
        ({"comment": "x" * 2001}, "comment"),
        ({"comment": "nul\x00"}, "comment"),
    ],
)
def test_bad_answers_are_refused_by_field(application, owner, bad, field):
    application = _close(application, "rejected", owner)
    with pytest.raises(ValidationError) as refused:
        _answer(application, **bad)
    assert set(refused.value.message_dict) == {field}
    assert not SurveyResponse.objects.exists()


def test_an_unknown_language_is_kept_as_swedish(application, owner):
    application = _close(application, "rejected", owner)
    assert _answer(application, language="de").language == "sv"
