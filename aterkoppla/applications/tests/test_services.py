from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from aterkoppla.applications.models import Application, Candidate
from aterkoppla.applications.services import (
    application_move,
    application_receive,
    applications_close,
)
from aterkoppla.timeline.models import TimelineEvent

NOV_25 = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)

pytestmark = pytest.mark.usefixtures("english")


def _receive(recruitment, **overrides):
    data = {
        "recruitment": recruitment,
        "first_name": "Sara",
        "last_name": "Ek",
        "email": "sara.ek@example.se",
        "phone": "070-123 45 67",
    }
    return application_receive(**{**data, **overrides})


@time_machine.travel(NOV_25)
def test_received_application_gets_the_recruitments_promised_date(recruitment):
    application = _receive(recruitment)
    assert application.reply_by == dt.date(2026, 12, 18)
    assert application.stage == Application.Stage.RECEIVED
    assert application.candidate.phone == "+46701234567"
    event = application.timeline.get(kind="received")
    assert event.kind == "received"
    assert event.actor == TimelineEvent.Actor.SYSTEM
    assert event.data == {"source": "manual", "reply_by": "2026-12-18"}


@time_machine.travel(dt.datetime(2026, 12, 18, 9, 0, tzinfo=dt.UTC))
def test_late_application_is_promised_at_least_five_working_days(recruitment):
    # Friday 18 Dec + 5 working days skips julafton, the Christmas holidays and a weekend.
    assert _receive(recruitment).reply_by == dt.date(2026, 12, 29)


@time_machine.travel(NOV_25)
def test_recruitment_without_a_promised_date_promises_ten_working_days(recruitment, owner):
    recruitment.first_reply_by = None
    recruitment.save()
    assert _receive(recruitment).reply_by == dt.date(2026, 12, 9)


def test_the_same_person_applying_twice_is_refused_and_nothing_changes(recruitment):
    _receive(recruitment)
    with pytest.raises(ValidationError, match="already applied"):
        _receive(recruitment, email="SARA.EK@example.se", first_name="Sanna")
    assert Application.objects.count() == 1
    assert Candidate.objects.get().first_name == "Sara"


def test_one_candidate_may_apply_to_two_recruitments(recruitment, owner):
    from aterkoppla.recruitment.services import recruitment_create

    other = recruitment_create(owner=owner, title="Truckförare")
    _receive(recruitment)
    _receive(other)
    assert Candidate.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "overrides"),
    [
        ("phone", {"phone": "ring mig"}),
        ("email", {"email": "inte-en-adress"}),
        ("first_name", {"first_name": ""}),
    ],
)
def test_bad_candidate_data_is_refused(recruitment, field, overrides):
    with pytest.raises(ValidationError) as info:
        _receive(recruitment, **overrides)
    assert field in info.value.error_dict
    assert not Application.objects.exists()


def test_merits_are_normalised_and_checked(recruitment):
    application = _receive(recruitment, merits={"education": [" Truckkort ", ""]})
    assert [(m.kind, m.field) for m in application.merits.all()] == [("education", "truckkort")]
    with pytest.raises(ValidationError):
        _receive(recruitment, email="b@example.se", merits={"hobbies": ["golf"]})
    with pytest.raises(ValidationError):
        _receive(recruitment, email="c@example.se", merits={"education": "Gymnasiet"})


@pytest.mark.usefixtures("nov_25")
def test_move_records_the_change_and_a_new_promise(application, owner):
    application_move(
        application=application, to_stage="screening", by=owner, reply_by=dt.date(2026, 12, 22)
    )
    application.refresh_from_db()
    assert application.stage == "screening"
    assert application.reply_by == dt.date(2026, 12, 22)
    event = application.timeline.get(kind="stage_changed")
    assert event.data == {"from": "received", "to": "screening", "reply_by": "2026-12-22"}
    assert event.actor_user == owner


def test_unknown_or_forbidden_transitions_are_refused(application, owner):
    with pytest.raises(ValidationError, match="Unknown stage"):
        application_move(application=application, to_stage="archived", by=owner)
    with pytest.raises(ValidationError, match="cannot move from"):
        applications_close(applications=[application], outcome="hired", by=owner)
    with pytest.raises(ValidationError, match="cannot move from"):
        application_move(application=application, to_stage="reserve", by=owner)
    application.refresh_from_db()
    assert application.stage == "received"
    assert not application.timeline.filter(kind="stage_changed").exists()


@pytest.mark.usefixtures("nov_25")
def test_a_promise_cannot_be_made_for_the_past(application, owner):
    with pytest.raises(ValidationError, match="cannot be in the past"):
        application_move(
            application=application, to_stage="screening", by=owner, reply_by=dt.date(2026, 11, 1)
        )


@pytest.mark.usefixtures("nov_25")
@pytest.mark.parametrize("promised", [dt.date(9999, 12, 31), dt.date(2027, 11, 26)])
def test_a_promise_more_than_twelve_months_ahead_is_refused(application, owner, promised):
    """A date nobody can hold the employer to is no promise (2026-11-25 → 2027-11-25)."""
    with pytest.raises(ValidationError, match="2027-11-25"):
        application_move(application=application, to_stage="screening", by=owner, reply_by=promised)
    application.refresh_from_db()
    assert application.stage == "received"


@pytest.mark.usefixtures("nov_25")
def test_a_promise_twelve_months_ahead_is_kept(application, owner):
    application_move(
        application=application, to_stage="screening", by=owner, reply_by=dt.date(2027, 11, 25)
    )
    application.refresh_from_db()
    assert application.reply_by == dt.date(2027, 11, 25)


def test_closing_keeps_the_stage_it_was_reached_from(application, owner):
    application_move(application=application, to_stage="interview", by=owner)
    applications_close(applications=[application], outcome="rejected", by=owner)
    application.refresh_from_db()
    assert application.closed_from_stage == "interview"
    assert application.outcome == "rejected"
    assert application.allowed_next_stages() == []
    with pytest.raises(ValidationError):
        application_move(application=application, to_stage="offer", by=owner)


def test_full_path_to_hired(application, owner):
    for stage in ("screening", "interview", "offer"):
        application_move(application=application, to_stage=stage, by=owner)
    with pytest.raises(ValidationError, match="closes the application"):
        application_move(application=application, to_stage="hired", by=owner)
    applications_close(applications=[application], outcome="hired", by=owner)
    application.refresh_from_db()
    assert application.outcome == "hired"


def test_timeline_is_append_only(application):
    event = application.timeline.first()
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        TimelineEvent.objects.filter(pk=event.pk).update(kind="x")
    with pytest.raises(TypeError):
        TimelineEvent.objects.all().delete()


def test_database_refuses_an_open_application_without_a_promise(application):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=application.pk).update(reply_by=None)


def test_a_known_person_is_not_renamed_by_a_new_application(recruitment, owner):
    from aterkoppla.recruitment.services import recruitment_create

    first = _receive(recruitment, phone="")
    other = recruitment_create(owner=owner, title="Truckförare")
    second = _receive(other, first_name="Någon", last_name="Annan", phone="070-765 43 21")
    assert second.candidate == first.candidate
    second.candidate.refresh_from_db()
    assert second.candidate.full_name == "Sara Ek"
    assert second.candidate.phone == "+46707654321"  # a missing number is filled in


def test_an_application_cannot_arrive_in_the_future(recruitment):
    with pytest.raises(ValidationError) as info:
        _receive(recruitment, received_at=dt.datetime(2999, 1, 1, tzinfo=dt.UTC))
    assert "received_at" in info.value.error_dict


def test_a_passed_promise_must_be_renewed_when_moving_on(recruitment, owner):
    with time_machine.travel(NOV_25):
        application = _receive(recruitment)
    with time_machine.travel(dt.datetime(2027, 1, 11, 9, 0, tzinfo=dt.UTC)):
        with pytest.raises(ValidationError, match="has passed"):
            application_move(application=application, to_stage="screening", by=owner)
        application_move(
            application=application,
            to_stage="screening",
            by=owner,
            reply_by=dt.date(2027, 1, 20),
        )
        # Closing needs no new promise.
        applications_close(applications=[application], outcome="rejected", by=owner)


@time_machine.travel(NOV_25)
def test_a_move_can_be_dated_when_entered_afterwards(recruitment, owner):
    with time_machine.travel(dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)):
        application = _receive(recruitment)
    when = dt.datetime(2026, 11, 23, 14, 0, tzinfo=dt.UTC)
    application_move(application=application, to_stage="screening", by=owner, at=when)
    application.refresh_from_db()
    assert application.stage_changed_at == when
    assert application.timeline.get(kind="stage_changed").at == when
    assert not application.messages.filter(kind="status_update").exists()
    for bad in (dt.datetime(2026, 11, 19, tzinfo=dt.UTC), dt.datetime(2026, 12, 1, tzinfo=dt.UTC)):
        with pytest.raises(ValidationError):
            application_move(application=application, to_stage="interview", by=owner, at=bad)


@time_machine.travel(NOV_25)
def test_an_old_application_entered_today_gets_a_promise_from_today(recruitment):
    recruitment.first_reply_by = None
    recruitment.application_deadline = None
    recruitment.save()
    old = _receive(recruitment, received_at=dt.datetime(2026, 9, 1, 10, 0, tzinfo=dt.UTC))
    assert old.reply_by == dt.date(2026, 12, 9)  # ten working days from 25 November


def test_addresses_with_non_ascii_letters_find_the_same_person(recruitment, owner):
    from aterkoppla.recruitment.services import recruitment_create

    first = _receive(recruitment, email="Asa.Oberg@Öberg.se")
    other = recruitment_create(owner=owner, title="Truckförare")
    second = _receive(other, email="Asa.Oberg@Öberg.se")
    assert second.candidate == first.candidate
    with pytest.raises(ValidationError, match="already applied"):
        _receive(recruitment, email="Asa.Oberg@Öberg.se")


def test_promised_by_is_the_promised_date_and_refuses_to_guess_one(application):
    assert application.promised_by == application.reply_by
    application.reply_by = None  # only a closed application may be without one (P2)
    with pytest.raises(ValueError, match="no promised answer date"):
        _ = application.promised_by
