"""The status rule: draft → open ⇄ closed → decided → completed, in one place."""

from __future__ import annotations

import itertools

import pytest
from django.core.exceptions import ValidationError

from aterkoppla.recruitment.models import Recruitment
from aterkoppla.recruitment.services import (
    STATUS_MOVES,
    StatusCause,
    StatusRefused,
    recruitment_create,
    recruitment_set_status,
    recruitment_update,
    status_choices,
)
from aterkoppla.timeline.models import TimelineEvent
from aterkoppla.timeline.selectors import timeline_for

pytestmark = pytest.mark.django_db

Status = Recruitment.Status

# How the test brings a draft to each status, through the rule itself.
ROUTE = {
    Status.DRAFT: [],
    Status.OPEN: [(Status.OPEN, StatusCause.EDIT)],
    Status.CLOSED: [(Status.OPEN, StatusCause.EDIT), (Status.CLOSED, StatusCause.EDIT)],
    Status.DECIDED: [(Status.OPEN, StatusCause.EDIT), (Status.DECIDED, StatusCause.DECISION)],
    Status.COMPLETED: [
        (Status.OPEN, StatusCause.EDIT),
        (Status.DECIDED, StatusCause.DECISION),
        (Status.COMPLETED, StatusCause.ANSWERED),
    ],
}

# Every move a person may make (the form, the API), and those that need a reason.
BY_HAND = [
    (Status.DRAFT, Status.OPEN, False),
    (Status.OPEN, Status.CLOSED, False),
    (Status.CLOSED, Status.OPEN, False),
    (Status.DECIDED, Status.OPEN, True),
    (Status.DECIDED, Status.CLOSED, True),
    (Status.COMPLETED, Status.OPEN, True),
    (Status.COMPLETED, Status.CLOSED, True),
]
ALLOWED_BY_HAND = {(before, after) for before, after, _reason in BY_HAND}
REFUSED_BY_HAND = [
    (before, after)
    for before, after in itertools.permutations(Status.values, 2)
    if (before, after) not in ALLOWED_BY_HAND
]


def _at(owner, status: str) -> Recruitment:
    recruitment = recruitment_create(owner=owner, title="Truckförare")
    for step, cause in ROUTE[Status(status)]:
        recruitment_set_status(
            recruitment=recruitment, status=step, by=owner, reason="Test", cause=cause
        )
    assert Recruitment.objects.get(pk=recruitment.pk).status == status
    return recruitment


def _status_events(recruitment: Recruitment) -> list[dict]:
    return list(
        TimelineEvent.objects.filter(recruitment=recruitment, kind="recruitment_status")
        .order_by("id")
        .values_list("data", flat=True)
    )


@pytest.mark.parametrize(("before", "after", "needs_reason"), BY_HAND)
def test_each_move_a_person_may_make(owner, before, after, needs_reason):
    recruitment = _at(owner, before)
    events = len(_status_events(recruitment))
    reason = "Den anställda tackade nej." if needs_reason else ""
    recruitment_set_status(recruitment=recruitment, status=after, by=owner, reason=reason)
    assert Recruitment.objects.get(pk=recruitment.pk).status == after
    recorded = _status_events(recruitment)
    assert len(recorded) == events + 1
    expected = {"from": before, "to": after}
    if needs_reason:
        expected["reason"] = "Den anställda tackade nej."
    assert recorded[-1] == expected


@pytest.mark.parametrize(("before", "after"), REFUSED_BY_HAND)
def test_every_other_move_by_hand_is_refused_and_changes_nothing(owner, before, after):
    recruitment = _at(owner, before)
    events = len(_status_events(recruitment))
    with pytest.raises(StatusRefused) as refused:
        recruitment_set_status(recruitment=recruitment, status=after, by=owner, reason="Vill")
    assert refused.value.message_dict["status"][0]
    assert Recruitment.objects.get(pk=recruitment.pk).status == before
    assert len(_status_events(recruitment)) == events


@pytest.mark.usefixtures("english")
def test_decided_and_completed_are_never_chosen_by_hand(owner):
    recruitment = _at(owner, Status.CLOSED)
    with pytest.raises(StatusRefused, match="decision with a hire"):
        recruitment_set_status(recruitment=recruitment, status=Status.DECIDED, by=owner)
    recruitment = _at(owner, Status.DECIDED)
    with pytest.raises(StatusRefused, match="final answer"):
        recruitment_set_status(recruitment=recruitment, status=Status.COMPLETED, by=owner)
    with pytest.raises(StatusRefused, match="cannot become a draft"):
        recruitment_set_status(recruitment=recruitment, status=Status.DRAFT, by=owner)


def test_the_automatic_moves_only_by_their_cause(owner):
    # Completion follows the answers, not a decision; a decision does not complete.
    recruitment = _at(owner, Status.OPEN)
    with pytest.raises(StatusRefused):
        recruitment_set_status(
            recruitment=recruitment,
            status=Status.DECIDED,
            by=owner,
            cause=StatusCause.ANSWERED,
        )
    recruitment = _at(owner, Status.DECIDED)
    with pytest.raises(StatusRefused):
        recruitment_set_status(
            recruitment=recruitment,
            status=Status.COMPLETED,
            by=owner,
            cause=StatusCause.DECISION,
        )
    # Completed only from decided.
    recruitment = _at(owner, Status.CLOSED)
    with pytest.raises(StatusRefused):
        recruitment_set_status(
            recruitment=recruitment,
            status=Status.COMPLETED,
            by=None,
            cause=StatusCause.ANSWERED,
        )


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("status", [Status.DECIDED, Status.COMPLETED])
def test_going_back_from_decided_or_completed_needs_a_reason(owner, status):
    recruitment = _at(owner, status)
    events = len(_status_events(recruitment))
    with pytest.raises(ValidationError) as missing:
        recruitment_set_status(recruitment=recruitment, status=Status.OPEN, by=owner, reason="  ")
    assert "Say why" in missing.value.message_dict["reason"][0]
    assert not isinstance(missing.value, StatusRefused)
    assert Recruitment.objects.get(pk=recruitment.pk).status == status
    assert len(_status_events(recruitment)) == events


@pytest.mark.usefixtures("english")
def test_reopening_a_decided_recruitment_shows_its_reason_on_open_applications(
    recruitment, owner, application
):
    recruitment_set_status(
        recruitment=recruitment, status=Status.DECIDED, by=owner, cause=StatusCause.DECISION
    )
    recruitment_set_status(
        recruitment=recruitment,
        status=Status.OPEN,
        by=owner,
        reason="Den anställda tackade nej; vi annonserar igen.",
    )
    recruitment.refresh_from_db()
    assert recruitment.status == Status.OPEN
    event = [e for e in timeline_for(application) if e.kind == "recruitment_status"][-1]
    assert event.actor_user == owner
    assert event.summary() == (
        "The recruitment was opened for applications again. "
        "Reason: Den anställda tackade nej; vi annonserar igen."
    )


def test_publishing_sets_the_date_once_and_is_recorded(owner):
    recruitment = recruitment_create(owner=owner, title="Truckförare")
    assert recruitment.published_at is None
    assert _status_events(recruitment) == []
    recruitment_set_status(recruitment=recruitment, status=Status.OPEN, by=owner)
    published = Recruitment.objects.get(pk=recruitment.pk).published_at
    assert published is not None
    recruitment_set_status(recruitment=recruitment, status=Status.CLOSED, by=owner)
    recruitment_set_status(recruitment=recruitment, status=Status.OPEN, by=owner)
    assert Recruitment.objects.get(pk=recruitment.pk).published_at == published
    assert _status_events(recruitment) == [
        {"from": "draft", "to": "open"},
        {"from": "open", "to": "closed"},
        {"from": "closed", "to": "open"},
    ]


def test_the_same_status_again_changes_nothing(owner):
    recruitment = _at(owner, Status.OPEN)
    recruitment_set_status(recruitment=recruitment, status=Status.OPEN, by=owner)
    assert len(_status_events(recruitment)) == 1


def test_a_stale_copy_is_checked_against_the_status_stored(owner):
    recruitment = _at(owner, Status.OPEN)
    stale = Recruitment.objects.get(pk=recruitment.pk)
    recruitment_set_status(
        recruitment=recruitment, status=Status.DECIDED, by=owner, cause=StatusCause.DECISION
    )
    # The stale copy still says "open": closing it would undo the decision without a reason.
    with pytest.raises(ValidationError) as missing:
        recruitment_set_status(recruitment=stale, status=Status.CLOSED, by=owner)
    assert "reason" in missing.value.message_dict
    assert Recruitment.objects.get(pk=recruitment.pk).status == Status.DECIDED


def test_a_new_recruitment_is_a_draft_or_open(owner):
    published = recruitment_create(owner=owner, title="Öppen", status=Status.OPEN)
    assert published.status == Status.OPEN and published.published_at is not None
    assert _status_events(published) == [{"from": "draft", "to": "open"}]
    for status in (Status.CLOSED, Status.DECIDED, Status.COMPLETED):
        with pytest.raises(StatusRefused):
            recruitment_create(owner=owner, title=f"Ny {status}", status=status)
    assert not Recruitment.objects.filter(title__startswith="Ny ").exists()


@pytest.mark.usefixtures("english")
def test_update_hands_the_status_to_the_rule(owner):
    recruitment = _at(owner, Status.OPEN)
    with pytest.raises(StatusRefused):
        recruitment_update(recruitment=recruitment, by=owner, title="Ny titel", status="decided")
    # One transaction: the title is not changed either.
    assert Recruitment.objects.get(pk=recruitment.pk).title == "Truckförare"
    recruitment = _at(owner, Status.DECIDED)
    with pytest.raises(ValidationError) as missing:
        recruitment_update(recruitment=recruitment, by=owner, status="open")
    assert "status_reason" in missing.value.message_dict
    recruitment_update(
        recruitment=recruitment, by=owner, status="open", status_reason="Tackade nej."
    )
    assert Recruitment.objects.get(pk=recruitment.pk).status == Status.OPEN
    assert _status_events(recruitment)[-1] == {
        "from": "decided",
        "to": "open",
        "reason": "Tackade nej.",
    }


def test_choices_offered_follow_the_table():
    assert status_choices(Status.DRAFT) == [Status.DRAFT, Status.OPEN]
    assert status_choices(Status.OPEN) == [Status.OPEN, Status.CLOSED]
    assert status_choices(Status.CLOSED) == [Status.CLOSED, Status.OPEN]
    assert status_choices(Status.DECIDED) == [Status.DECIDED, Status.OPEN, Status.CLOSED]
    assert status_choices(Status.COMPLETED) == [Status.COMPLETED, Status.OPEN, Status.CLOSED]
    by_hand = {k for k, move in STATUS_MOVES.items() if move.cause == StatusCause.EDIT}
    assert by_hand == ALLOWED_BY_HAND


def test_publishing_waits_for_the_organisations_contact_details(
    owner, organisation_without_contact
):
    """Applications to a published job are acknowledged: not before a reply can reach a
    person (issue: replies reach a person)."""
    recruitment = recruitment_create(owner=owner, title="Lagerarbetare")
    with pytest.raises(ValidationError) as refused:
        recruitment_set_status(recruitment=recruitment, status=Recruitment.Status.OPEN, by=owner)
    assert "contact" in str(refused.value) or "kontakt" in str(refused.value)
    recruitment.refresh_from_db()
    assert recruitment.status == Recruitment.Status.DRAFT
