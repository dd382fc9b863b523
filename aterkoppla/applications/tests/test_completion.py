"""A decision with a hire decides the recruitment; the last final answer completes it."""

from __future__ import annotations

import pytest

from aterkoppla.applications.models import Application
from aterkoppla.applications.services import (
    application_move,
    applications_close,
    recruitment_complete_if_answered,
)
from aterkoppla.decisions.services import RejectionInput, decision_record
from aterkoppla.decisions.tests.fixtures import apply_for
from aterkoppla.recruitment.models import Recruitment
from aterkoppla.recruitment.services import recruitment_create, recruitment_set_status
from aterkoppla.timeline.models import TimelineEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

Status = Recruitment.Status


@pytest.fixture
def three(recruitment, owner):
    """Sara, invited to interview (can be hired); Nils and Olle, not interviewed."""
    sara = apply_for(recruitment, owner, "Sara", "Ek", "sara@example.se")
    application_move(application=sara, to_stage=Application.Stage.INTERVIEW, by=owner)
    nils = apply_for(recruitment, owner, "Nils", "Holm", "nils@example.se")
    olle = apply_for(recruitment, owner, "Olle", "Lind", "olle@example.se")
    return sara, nils, olle


def _status(recruitment: Recruitment) -> str:
    return Recruitment.objects.get(pk=recruitment.pk).status


def _moves(recruitment: Recruitment) -> list[tuple[str, str]]:
    events = TimelineEvent.objects.filter(recruitment=recruitment, kind="recruitment_status")
    return [(e.data["from"], e.data["to"]) for e in events.order_by("id")]


def test_a_decision_with_a_hire_decides_the_recruitment(recruitment, owner, three):
    sara, nils, _olle = three
    decision_record(
        recruitment=recruitment, by=owner, hired=[sara.pk], rejections=[RejectionInput(nils.pk)]
    )
    assert _status(recruitment) == Status.DECIDED
    assert _moves(recruitment)[-1] == ("open", "decided")
    event = TimelineEvent.objects.filter(kind="recruitment_status").last()
    assert event.actor_user == owner


def test_a_decision_without_a_hire_leaves_the_status(recruitment, owner, three):
    sara, nils, olle = three
    decision_record(
        recruitment=recruitment,
        by=owner,
        reserve=[sara.pk],
        rejections=[RejectionInput(nils.pk), RejectionInput(olle.pk)],
    )
    assert _status(recruitment) == Status.OPEN
    assert _moves(recruitment) == [("draft", "open")]


def test_a_decision_on_a_closed_recruitment_decides_it(recruitment, owner, three):
    sara, _nils, _olle = three
    recruitment_set_status(recruitment=recruitment, status=Status.CLOSED, by=owner)
    decision_record(recruitment=recruitment, by=owner, hired=[sara.pk])
    assert _status(recruitment) == Status.DECIDED


def test_completed_when_the_last_final_answer_is_given_and_not_before(recruitment, owner, three):
    sara, nils, olle = three
    decision_record(
        recruitment=recruitment, by=owner, hired=[sara.pk], rejections=[RejectionInput(nils.pk)]
    )
    # Olle has not had his final answer yet.
    assert Application.objects.get(pk=olle.pk).final_answer_at is None
    assert _status(recruitment) == Status.DECIDED
    assert recruitment_complete_if_answered(recruitment=recruitment, by=owner) is False
    assert _status(recruitment) == Status.DECIDED
    applications_close(
        applications=[olle], outcome=Application.Stage.WITHDRAWN, by=None, by_candidate=True
    )
    assert _status(recruitment) == Status.COMPLETED
    assert _moves(recruitment)[-2:] == [("open", "decided"), ("decided", "completed")]
    completed = TimelineEvent.objects.filter(kind="recruitment_status").last()
    assert completed.actor == TimelineEvent.Actor.SYSTEM
    # Asking again changes nothing.
    assert recruitment_complete_if_answered(recruitment=recruitment, by=owner) is True
    assert len(_moves(recruitment)) == 3


def test_a_decision_that_answers_everyone_completes_at_once(recruitment, owner, three):
    sara, nils, olle = three
    decision_record(
        recruitment=recruitment,
        by=owner,
        hired=[sara.pk],
        rejections=[RejectionInput(nils.pk), RejectionInput(olle.pk)],
    )
    assert _status(recruitment) == Status.COMPLETED
    assert _moves(recruitment) == [
        ("draft", "open"),
        ("open", "decided"),
        ("decided", "completed"),
    ]


def test_answers_do_not_complete_an_undecided_recruitment(recruitment, owner, three):
    sara, nils, olle = three
    applications_close(
        applications=[sara, nils, olle], outcome=Application.Stage.WITHDRAWN, by=owner
    )
    assert _status(recruitment) == Status.OPEN
    assert recruitment_complete_if_answered(recruitment=recruitment, by=owner) is False


def test_a_reserve_keeps_a_decided_recruitment_open_until_answered(recruitment, owner):
    sara = apply_for(recruitment, owner, "Sara", "Ek", "sara@example.se")
    ali = apply_for(recruitment, owner, "Ali", "Hassan", "ali@example.se")
    for application in (sara, ali):
        application_move(application=application, to_stage=Application.Stage.INTERVIEW, by=owner)
    decision_record(recruitment=recruitment, by=owner, hired=[sara.pk], reserve=[ali.pk])
    assert _status(recruitment) == Status.DECIDED
    ali.refresh_from_db()
    applications_close(applications=[ali], outcome=Application.Stage.WITHDRAWN, by=owner)
    assert _status(recruitment) == Status.COMPLETED


def test_closing_applications_of_another_recruitment_leaves_this_one(recruitment, owner, three):
    sara, nils, _olle = three
    decision_record(
        recruitment=recruitment, by=owner, hired=[sara.pk], rejections=[RejectionInput(nils.pk)]
    )
    other = recruitment_create(owner=owner, title="Annan", status=Status.OPEN)
    someone = apply_for(other, owner, "Per", "Ås", "per@example.se")
    applications_close(applications=[someone], outcome=Application.Stage.WITHDRAWN, by=owner)
    assert _status(recruitment) == Status.DECIDED
    assert _status(other) == Status.OPEN


def test_a_filled_job_takes_no_more_applications_by_any_way(recruitment, owner, three):
    """The career page, the API, the import and the staff form all receive through one
    service, which refuses once a hire has decided the recruitment."""
    from django.core.exceptions import ValidationError

    sara, _nils, _olle = three
    decision_record(recruitment=recruitment, by=owner, hired=[sara.pk])
    recruitment.refresh_from_db()
    with pytest.raises(ValidationError, match=r"filled|tillsatt"):
        apply_for(recruitment, owner, "Sen", "Sökande", "sen@example.se")
    assert not Application.objects.filter(candidate__email="sen@example.se").exists()
