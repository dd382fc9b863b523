"""The promise sweep: warnings, new answer dates and escalation, in Swedish working days.

Christmas 2026 is the test ground: 24–26 December and 31 December – 1 January are closed
days, 26–27 December and 2–3 January weekends, 6 January a holiday.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from aterkoppla.applications.models import Application
from aterkoppla.applications.promises import (
    promises_due_soon,
    promises_passed,
    promises_to_sweep,
)
from aterkoppla.applications.services import (
    application_move,
    application_receive,
    applications_close,
)
from aterkoppla.applications.sweeps import promises
from aterkoppla.messaging.models import Message
from aterkoppla.organisation.models import Organisation
from aterkoppla.timeline.models import TimelineEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def at(year: int, month: int, day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=STOCKHOLM)


def promise(application: Application, day: dt.date) -> Application:
    """Set the promised date as if it had been given earlier."""
    Application.objects.filter(pk=application.pk).update(reply_by=day)
    application.refresh_from_db()
    return application


def sweep_on(moment: dt.datetime):
    """The promise sweep alone, as the worker runs it on that day."""
    with time_machine.travel(moment, tick=False):
        return promises(moment)


def postponements(application: Application) -> list[Message]:
    return list(application.messages.filter(kind="promise_postponed").order_by("created_at", "pk"))


def events(application: Application, kind: str) -> list[TimelineEvent]:
    return list(application.timeline.filter(kind=kind))


def test_promise_due_soon_counts_working_days_across_christmas(application):
    promise(application, dt.date(2026, 12, 28))
    # From Monday 21 December two working days reach only the 23rd.
    assert not promises_due_soon(today=dt.date(2026, 12, 21)).exists()
    # From the 22nd they are the 23rd and Monday the 28th: Christmas and the weekend between
    # do not count, so a promise five calendar days away is already due.
    assert list(promises_due_soon(today=dt.date(2026, 12, 22))) == [application]
    assert list(promises_due_soon(today=dt.date(2026, 12, 28))) == [application]
    assert not promises_passed(today=dt.date(2026, 12, 28)).exists()
    assert list(promises_passed(today=dt.date(2026, 12, 29))) == [application]
    assert not promises_due_soon(today=dt.date(2026, 12, 29)).exists()


def test_nothing_happens_on_the_promised_day_itself(application):
    promise(application, dt.date(2026, 12, 23))
    result = sweep_on(at(2026, 12, 23, 23))
    assert result.postponed == result.escalated == []
    application.refresh_from_db()
    assert application.reply_by == dt.date(2026, 12, 23)


def test_passed_promise_gets_a_new_date_five_working_days_on_skipping_christmas(application):
    promise(application, dt.date(2026, 12, 23))
    result = sweep_on(at(2026, 12, 24))
    assert result.postponed == [application.pk]
    application.refresh_from_db()
    # 28, 29, 30 December, then 31 December, 1 January and the weekend are closed: 4, 5 Jan.
    assert application.reply_by == dt.date(2027, 1, 5)
    [message] = postponements(application)
    assert message.status == Message.Status.QUEUED
    assert message.language == "sv"
    assert "senast 23 december 2026" in message.body_text
    assert "Du får besked från oss senast 5 januari 2027." in message.body_text
    [event] = events(application, "promise_postponed")
    assert event.actor == TimelineEvent.Actor.SYSTEM
    assert event.data["previous_reply_by"] == "2026-12-23"
    assert event.data["reply_by"] == "2027-01-05"
    assert event.data["message"] == message.pk
    assert event.promised_date() == dt.date(2027, 1, 5)


def test_english_candidate_gets_the_new_date_in_english(recruitment):
    application = application_receive(
        recruitment=recruitment,
        first_name="John",
        last_name="Smith",
        email="john.smith@example.com",
        language="en",
    )
    promise(application, dt.date(2026, 12, 23))
    sweep_on(at(2026, 12, 24))
    [message] = postponements(application)
    assert message.subject == "A new date for our answer about Lagerarbetare"
    assert "by 23 December 2026" in message.body_text
    assert "no later than 5 January 2027" in message.body_text


def test_sweeping_twice_on_the_same_day_changes_nothing(application):
    promise(application, dt.date(2026, 12, 23))
    sweep_on(at(2026, 12, 24, 0))
    again = sweep_on(at(2026, 12, 24, 23))
    assert again.postponed == again.escalated == []
    assert len(postponements(application)) == 1
    assert len(events(application, "promise_postponed")) == 1


def test_after_the_most_updates_the_policy_allows_only_the_staff_are_alerted_once(application):
    promise(application, dt.date(2026, 12, 23))
    sweep_on(at(2026, 12, 24))
    # The second new date: 6 January is a holiday, so 7, 8, 11, 12, 13 January.
    assert sweep_on(at(2027, 1, 6)).postponed == [application.pk]
    application.refresh_from_db()
    assert application.reply_by == dt.date(2027, 1, 13)
    second = postponements(application)[1]
    assert "senast 5 januari 2027" in second.body_text
    assert "senast 13 januari 2027" in second.body_text

    result = sweep_on(at(2027, 1, 14))
    assert result.postponed == []
    assert result.escalated == [application.pk]
    application.refresh_from_db()
    assert application.reply_by == dt.date(2027, 1, 13)  # only a person gives a new date now
    [escalation] = events(application, "promise_escalated")
    assert escalation.data == {"reply_by": "2027-01-13", "reason": "max_updates"}
    # Still a broken promise, but dealt with: later sweeps leave it to the staff.
    assert list(promises_passed(today=dt.date(2027, 1, 15))) == [application]
    assert not promises_to_sweep(today=dt.date(2027, 1, 15)).exists()
    assert sweep_on(at(2027, 1, 15)).escalated == []
    assert len(events(application, "promise_escalated")) == 1
    assert len(postponements(application)) == 2


def test_a_new_promise_from_a_person_that_passes_too_is_escalated_again(application, owner):
    organisation = Organisation.current()
    organisation.promise_max_updates = 0
    organisation.save()
    promise(application, dt.date(2026, 12, 23))
    assert sweep_on(at(2026, 12, 24)).escalated == [application.pk]
    with time_machine.travel(at(2026, 12, 28), tick=False):
        application_move(
            application=application, to_stage="screening", by=owner, reply_by=dt.date(2027, 1, 8)
        )
    assert sweep_on(at(2027, 1, 11)).escalated == [application.pk]
    dates = [event.data["reply_by"] for event in events(application, "promise_escalated")]
    assert dates == ["2026-12-23", "2027-01-08"]


def test_with_automatic_updates_off_the_promise_is_escalated_and_the_candidate_not_written_to(
    application,
):
    organisation = Organisation.current()
    organisation.promise_auto_update = False
    organisation.save()
    promise(application, dt.date(2026, 12, 23))
    result = sweep_on(at(2026, 12, 24))
    assert result.escalated == [application.pk]
    application.refresh_from_db()
    assert application.reply_by == dt.date(2026, 12, 23)
    assert postponements(application) == []
    [escalation] = events(application, "promise_escalated")
    assert escalation.data["reason"] == "policy"


def test_the_organisations_postponement_is_used(application):
    organisation = Organisation.current()
    organisation.promise_postpone_days = 3
    organisation.save()
    promise(application, dt.date(2026, 12, 23))
    sweep_on(at(2026, 12, 24))
    application.refresh_from_db()
    assert application.reply_by == dt.date(2026, 12, 30)


def test_a_candidate_without_email_is_escalated_for_a_call_or_letter(recruitment):
    application = application_receive(
        recruitment=recruitment, first_name="Per", last_name="Utan", phone="070-765 43 21"
    )
    promise(application, dt.date(2026, 12, 23))
    result = sweep_on(at(2026, 12, 24))
    assert result.escalated == [application.pk]
    application.refresh_from_db()
    assert application.reply_by == dt.date(2026, 12, 23)
    assert events(application, "promise_escalated")[0].data["reason"] == "no_email"


def test_closed_applications_have_no_promise_to_keep(application, owner):
    applications_close(applications=[application], outcome="withdrawn", by=None, by_candidate=True)
    result = sweep_on(at(2027, 1, 14))
    assert result.postponed == result.escalated == []
    assert postponements(application) == []


def test_the_worker_tells_the_candidate_the_new_date_thirty_days_on(application, smtp_server):
    """``faketime '+30 days' aterkoppla worker --once``: the update reaches the candidate."""
    call_command("worker", "--once")
    smtp_server.clear()
    with time_machine.travel(at(2026, 12, 25, 11), tick=False):
        call_command("worker", "--once")
    [mail] = smtp_server.received
    assert mail.recipients == ("sara.ek@example.se",)
    assert mail.subject == "Nytt datum för besked om Lagerarbetare"
    text = mail.text()
    assert "senast 18 december 2026" in text
    assert "Du får besked från oss senast 5 januari 2027." in text
    assert re.search(r"http://\S+/ansokan/\S+/", text)
    application.refresh_from_db()
    assert application.reply_by == dt.date(2027, 1, 5)
