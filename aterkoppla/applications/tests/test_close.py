"""One way to close an application (``applications_close``): reject, withdraw, hire.

A decision, the staff's move form and the candidate's withdrawal all close through it, so
each closed application has the same record: the stage it left, the time of its final
answer, no proposal to reject left behind, and a stage change on its timeline.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from aterkoppla.applications.models import Application
from aterkoppla.applications.services import (
    application_move,
    application_receive,
    applications_close,
)
from aterkoppla.assessment.services import application_mark_for_rejection
from aterkoppla.decisions.services import RejectionInput, decision_record

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25", "english")]


def _apply(recruitment, owner, n: int) -> Application:
    return application_receive(
        recruitment=recruitment,
        first_name=f"Person{n}",
        last_name="Test",
        email=f"person{n}@example.se",
        by=owner,
    )


def _assert_closed(application: Application, *, outcome: str, from_stage: str) -> None:
    application.refresh_from_db()
    assert application.stage == outcome
    assert application.closed_from_stage == from_stage
    assert application.final_answer_at is not None
    assert application.final_answer_at == application.stage_changed_at
    assert not application.marked_for_rejection
    change = application.timeline.filter(kind="stage_changed").last()
    assert change.data == {"from": from_stage, "to": outcome}


def test_a_decision_closes_through_the_service_and_takes_back_the_screening_mark(
    recruitment, owner
):
    marked = _apply(recruitment, owner, 1)
    application_mark_for_rejection(
        application=marked, by=owner, marked=True, reason="Truckkort saknas."
    )
    decision_record(recruitment=recruitment, by=owner, rejections=[RejectionInput(marked.pk)])
    _assert_closed(marked, outcome="rejected", from_stage="received")


def test_staff_close_through_the_move_form_with_the_same_record(client_for, owner, recruitment):
    application = _apply(recruitment, owner, 1)
    application_move(application=application, to_stage="screening", by=owner)
    application_mark_for_rejection(application=application, by=owner, marked=True)
    response = client_for(owner).post(
        reverse("applications:move", args=[application.pk]), {"to_stage": "withdrawn"}
    )
    assert response.status_code == 302
    _assert_closed(application, outcome="withdrawn", from_stage="screening")
    assert application.messages.filter(kind="withdrawal_confirmation").exists()


def test_many_close_in_one_call(recruitment, owner):
    applications = [_apply(recruitment, owner, n) for n in range(5)]
    application_move(application=applications[0], to_stage="screening", by=owner)
    applications_close(applications=applications, outcome="rejected", by=owner)
    for application in applications:
        _assert_closed(
            application,
            outcome="rejected",
            from_stage="screening" if application == applications[0] else "received",
        )
    # A rejection's answer is the decision's to send: closing queues nothing for it.
    assert not applications[0].messages.filter(kind="rejection").exists()


def test_a_hire_follows_an_offer(recruitment, owner):
    application = _apply(recruitment, owner, 1)
    with pytest.raises(ValidationError, match="cannot move"):
        applications_close(applications=[application], outcome="hired", by=owner)
    for stage in ("interview", "offer"):
        application_move(application=application, to_stage=stage, by=owner)
    applications_close(applications=[application], outcome="hired", by=owner)
    _assert_closed(application, outcome="hired", from_stage="offer")


def test_nothing_closes_when_one_of_them_cannot(recruitment, owner):
    first, second = _apply(recruitment, owner, 1), _apply(recruitment, owner, 2)
    applications_close(applications=[second], outcome="withdrawn", by=owner)
    with pytest.raises(ValidationError):
        applications_close(applications=[first, second], outcome="rejected", by=owner)
    first.refresh_from_db()
    assert first.stage == "received"
    assert first.final_answer_at is None


def test_move_refuses_to_close(recruitment, owner):
    application = _apply(recruitment, owner, 1)
    for stage in ("rejected", "withdrawn", "hired"):
        with pytest.raises(ValidationError):
            application_move(application=application, to_stage=stage, by=owner)
    application.refresh_from_db()
    assert application.is_open


def test_a_dated_close_sends_nothing(recruitment, owner):
    application = application_receive(
        recruitment=recruitment,
        first_name="Per",
        last_name="Dag",
        email="per@example.se",
        received_at=timezone.now() - dt.timedelta(days=3),
    )
    at = timezone.now() - dt.timedelta(days=1)
    applications_close(applications=[application], outcome="withdrawn", by=owner, at=at)
    application.refresh_from_db()
    assert application.final_answer_at == at
    assert not application.messages.filter(kind="withdrawal_confirmation").exists()


def test_the_database_refuses_a_closed_application_without_its_answer_time(recruitment, owner):
    application = _apply(recruitment, owner, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=application.pk).update(stage="withdrawn")
