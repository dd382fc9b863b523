"""The candidate is told about the interview: booked, moved, cancelled; and an interview
held without being booked is recorded afterwards without telling anyone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from icalendar import Calendar

from aterkoppla.applications.services import application_move
from aterkoppla.assessment.models import Interview
from aterkoppla.assessment.services import (
    RatingInput,
    interview_cancel,
    interview_mark_held,
    interview_reschedule,
    interview_schedule,
    scorecard_submit,
)
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.messaging.worker import Worker
from aterkoppla.organisation.models import Organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# Tuesday 8 December 2026, 10:00 in Stockholm.
DEC_8 = dt.datetime(2026, 12, 8, 10, 0, tzinfo=STOCKHOLM)


@pytest.fixture(autouse=True)
def _swedish():
    """The refusals are read in the product's default language, whatever ran before."""
    with translation.override("sv"):
        yield


@pytest.fixture
def staffed(owner, interviewer, hiring_manager):
    """Everyone on the team has an email address; the organisation has a name."""
    for user, email in (
        (owner, "olivia@example.se"),
        (interviewer, "ivar@example.se"),
        (hiring_manager, "hanna@example.se"),
    ):
        user.email = email
        user.save()
    organisation = Organisation.current()
    organisation.name = "Torsvik AB"
    organisation.save()


def _book(application, owner, people, **extra):
    if application.stage != "interview":
        application_move(application=application, to_stage="interview", by=owner)
    fields = {
        "scheduled_at": DEC_8,
        "duration_minutes": 90,
        "location": "Lagret, Storgatan 1, Jönköping",
        "bring": "Ta med id-handling och betyg.",
    }
    fields.update(extra)
    return interview_schedule(application=application, by=owner, interviewers=people, **fields)


def _event(message: Message):
    calendar = Calendar.from_ical(message.attachment)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def _attendees(event) -> list[str]:
    found = event.get("attendee", [])
    return [str(a) for a in (found if isinstance(found, list) else [found])]


def _candidate_messages(application, kind):
    return list(application.messages.filter(kind=kind).order_by("id"))


# Booking


@pytest.mark.usefixtures("staffed")
def test_booking_invites_the_candidate_in_swedish_with_a_calendar_file(
    application, owner, interviewer, hiring_manager
):
    interview = _book(application, owner, [hiring_manager, interviewer])
    [message] = _candidate_messages(application, Kind.INTERVIEW_BOOKED)
    assert message.to_address == "sara.ek@example.se"
    assert message.status == Message.Status.QUEUED
    assert message.subject == "Välkommen på intervju för tjänsten som Lagerarbetare"
    body = message.body_text
    assert body.startswith("Hej Sara!")
    assert "När: tisdag 8 december 2026 kl. 10.00 (1 timme och 30 minuter)" in body
    assert "Var: Lagret, Storgatan 1, Jönköping" in body
    assert "Du träffar: Hanna Chef (rekryterande chef) och Ivar Intervju" in body
    assert "Inför intervjun: Ta med id-handling och betyg." in body
    assert "Hör av dig till Olivia Ägare, olivia@example.se" in body
    assert "/ansokan/" in body
    assert "Videolänk" not in body
    # The calendar file: the candidate's own view of the event.
    assert message.attachment_name == "intervju.ics"
    assert message.attachment_type.startswith("text/calendar; method=REQUEST")
    calendar, event = _event(message)
    assert calendar["method"] == "REQUEST"
    assert str(event["uid"]) == interview.uid
    assert event.decoded("dtstart") == DEC_8
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(minutes=90)
    assert str(event["location"]) == "Lagret, Storgatan 1, Jönköping"
    assert _attendees(event) == ["mailto:sara.ek@example.se"]
    description = str(event["description"])
    assert "Ta med id-handling och betyg." in description
    assert "Hanna Chef (rekryterande chef)" in description
    # Nothing for staff only: no page behind the login, no profile.
    assert "/assessment/" not in message.attachment
    assert "/interviews/" not in message.attachment
    assert "kravprofil" not in message.attachment.lower()
    assert "/assessment/" not in body
    # The timeline shows the invitation.
    kinds = list(application.timeline.values_list("kind", flat=True))
    assert "interview_scheduled" in kinds
    assert (
        application.timeline.filter(kind="message_queued", data__kind="interview_booked").count()
        == 1
    )


@pytest.mark.usefixtures("staffed")
def test_an_english_candidate_is_invited_in_english_with_a_video_link(
    application, owner, interviewer
):
    candidate = application.candidate
    candidate.language = "en"
    candidate.save()
    _book(
        application,
        owner,
        [interviewer],
        location="",
        video_url="https://meet.example.se/sara",
        bring="",
        duration_minutes=45,
    )
    [message] = _candidate_messages(application, Kind.INTERVIEW_BOOKED)
    assert message.language == "en"
    assert message.subject == "Invitation to an interview for the Lagerarbetare position"
    body = message.body_text
    assert body.startswith("Hello Sara,")
    assert "When: Tuesday 8 December 2026 at 10:00 (45 minutes)" in body
    assert "Video link: https://meet.example.se/sara" in body
    assert "Where:" not in body
    assert "You will meet: Ivar Intervju" in body
    # Nothing to bring was given: nothing is said about it.
    assert "Before the interview" not in body
    _calendar, event = _event(message)
    assert str(event["location"]) == "https://meet.example.se/sara"
    assert str(event["url"]) == "https://meet.example.se/sara"
    assert "You will meet: Ivar Intervju" in str(event["description"])


@pytest.mark.usefixtures("staffed")
def test_the_invitation_reaches_the_candidate_with_its_calendar_file(
    application, owner, interviewer, smtp_server
):
    _book(application, owner, [interviewer])
    Worker().deliver_all()
    # Django folds a long encoded subject onto its own line: unfolded, it starts with a space.
    mail = next(
        m for m in smtp_server.received if m.subject.strip().startswith("Välkommen på intervju")
    )
    assert mail.recipients == ("sara.ek@example.se",)
    assert "När: tisdag 8 december 2026 kl. 10.00" in mail.text()
    [ics] = [p for p in mail.message.walk() if p.get_content_type() == "text/calendar"]
    calendar = Calendar.from_ical(ics.get_payload(decode=True))
    assert calendar["method"] == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    assert _attendees(event) == ["mailto:sara.ek@example.se"]
    assert event.decoded("dtstart") == DEC_8
    # The interviewer's mail is another message, with the scoring link the candidate lacks.
    staff = next(m for m in smtp_server.received if "ivar@example.se" in m.recipients)
    assert "/assessment/interviews/" in staff.text()
    assert "/assessment/" not in mail.text()


@pytest.mark.usefixtures("staffed")
def test_a_candidate_without_email_gets_no_invitation(application, owner, interviewer):
    candidate = application.candidate
    candidate.email = ""
    candidate.save()
    _book(application, owner, [interviewer])
    assert not application.messages.filter(kind=Kind.INTERVIEW_BOOKED).exists()
    assert Message.objects.filter(kind=Kind.INTERVIEW_INVITATION).count() == 1


@pytest.mark.usefixtures("staffed")
def test_an_invitation_with_a_text_the_check_stops_is_held(application, owner, interviewer):
    _book(application, owner, [interviewer], bring="Ta med ditt personbevis så vi ser din ålder.")
    [message] = _candidate_messages(application, Kind.INTERVIEW_BOOKED)
    assert message.status == Message.Status.HELD
    assert any(f["category"] == "age" for f in message.findings)


# Moving


@pytest.mark.usefixtures("staffed")
def test_moving_sends_the_next_revision_to_the_candidate_and_the_interviewers(
    application, owner, interviewer, hiring_manager
):
    interview = _book(application, owner, [interviewer, hiring_manager])
    later = DEC_8 + dt.timedelta(days=1, hours=3)
    interview_reschedule(
        interview=interview,
        by=owner,
        scheduled_at=later,
        interviewers=[interviewer],
        duration_minutes=60,
        location="Huvudkontoret, plan 3",
        video_url="",
        bring="Ta med id-handling.",
        reason="Vi behöver ett större rum.",
    )
    interview.refresh_from_db()
    assert interview.sequence == 1
    assert interview.scheduled_at == later
    assert list(interview.interviewers.all()) == [interviewer]
    [message] = _candidate_messages(application, Kind.INTERVIEW_MOVED)
    assert message.subject == "Ändrad intervju för tjänsten som Lagerarbetare"
    body = message.body_text
    assert "Den var bokad tisdag 8 december 2026 kl. 10.00." in body
    assert "Vi behöver ett större rum." in body
    assert "När: onsdag 9 december 2026 kl. 13.00 (1 timme)" in body
    assert "Var: Huvudkontoret, plan 3" in body
    assert "Du träffar: Ivar Intervju" in body
    calendar, event = _event(message)
    assert calendar["method"] == "REQUEST"
    assert event["sequence"] == 1
    assert str(event["uid"]) == interview.uid
    assert event.decoded("dtstart") == later
    # The interviewer still on it gets the new revision; the one taken off, its cancellation.
    updates = Message.objects.filter(kind=Kind.INTERVIEW_INVITATION, to_address="ivar@example.se")
    assert updates.count() == 2
    _cal, update = _event(updates.order_by("-id").first())
    assert update["sequence"] == 1
    assert update.decoded("dtstart") == later
    removed = Message.objects.get(kind=Kind.INTERVIEW_CANCELLATION)
    assert removed.to_address == "hanna@example.se"
    calendar, event = _event(removed)
    assert calendar["method"] == "CANCEL"
    assert event["sequence"] == 1
    assert _attendees(event) == ["mailto:hanna@example.se"]
    event = application.timeline.get(kind="interview_rescheduled")
    assert event.data["reason"] == "Vi behöver ett större rum."
    assert event.data["before"]["location"] == "Lagret, Storgatan 1, Jönköping"
    assert event.data["after"]["interviewers"] == ["Ivar Intervju"]


@pytest.mark.usefixtures("staffed")
def test_moving_checks_what_it_is_given(application, owner, interviewer, outsider):
    interview = _book(application, owner, [interviewer])
    same = {
        "scheduled_at": DEC_8,
        "interviewers": [interviewer],
        "duration_minutes": 90,
        "location": "Lagret, Storgatan 1, Jönköping",
        "video_url": "",
        "bring": "Ta med id-handling och betyg.",
    }
    with pytest.raises(ValidationError, match="Inget ändrades"):
        interview_reschedule(interview=interview, by=owner, **same)
    cases = [
        {"scheduled_at": timezone.now() - dt.timedelta(hours=1)},
        {"interviewers": [outsider]},
        {"interviewers": []},
        {"location": "", "video_url": ""},
    ]
    for case in cases:
        with pytest.raises(ValidationError):
            interview_reschedule(interview=interview, by=owner, **(same | case))
    interview.refresh_from_db()
    assert interview.sequence == 0
    assert not application.messages.filter(kind=Kind.INTERVIEW_MOVED).exists()


@pytest.mark.usefixtures("staffed")
def test_a_held_interview_cannot_be_moved_or_cancelled(application, owner, interviewer):
    interview = _book(application, owner, [interviewer])
    with time_machine.travel(DEC_8 + dt.timedelta(minutes=30)):
        interview_mark_held(interview=interview, by=owner)
        with pytest.raises(ValidationError, match="har hållits"):
            interview_reschedule(
                interview=interview,
                by=owner,
                scheduled_at=DEC_8 + dt.timedelta(days=2),
                interviewers=[interviewer],
                duration_minutes=60,
                location="Rum 2",
                video_url="",
                bring="",
            )
        with pytest.raises(ValidationError, match="har hållits"):
            interview_cancel(interview=interview, by=owner)
    interview.refresh_from_db()
    assert interview.cancelled_at is None
    assert interview.sequence == 0


# Cancelling


@pytest.mark.usefixtures("staffed")
def test_cancelling_sends_a_calendar_cancellation_to_everyone(
    application, owner, interviewer, hiring_manager
):
    interview = _book(application, owner, [interviewer, hiring_manager])
    interview_cancel(interview=interview, by=owner, reason="Tjänsten ska göras om.")
    interview.refresh_from_db()
    assert interview.cancelled_at is not None
    assert interview.sequence == 1
    [message] = _candidate_messages(application, Kind.INTERVIEW_CANCELLED)
    assert message.subject == "Intervjun för tjänsten som Lagerarbetare är inställd"
    assert "som var bokad tisdag 8 december 2026 kl. 10.00" in message.body_text
    assert "Tjänsten ska göras om." in message.body_text
    assert "du får besked senast" in message.body_text
    calendar, event = _event(message)
    assert calendar["method"] == "CANCEL"
    assert str(event["status"]) == "CANCELLED"
    assert event["sequence"] == 1
    assert message.attachment_type.startswith("text/calendar; method=CANCEL")
    cancellations = Message.objects.filter(kind=Kind.INTERVIEW_CANCELLATION)
    assert sorted(m.to_address for m in cancellations) == ["hanna@example.se", "ivar@example.se"]
    for cancellation in cancellations:
        calendar, event = _event(cancellation)
        assert calendar["method"] == "CANCEL"
        assert str(event["uid"]) == interview.uid
    assert application.timeline.get(kind="interview_cancelled").data["reason"] == (
        "Tjänsten ska göras om."
    )
    # Cancelling again changes nothing and sends nothing.
    interview_cancel(interview=interview, by=owner)
    assert Message.objects.filter(kind=Kind.INTERVIEW_CANCELLED).count() == 1


@pytest.mark.usefixtures("staffed")
def test_a_cancelled_interview_counts_nowhere(application, owner, interviewer, client_for):
    interview = _book(application, owner, [interviewer])
    interview_cancel(interview=interview, by=owner)
    assert not Interview.objects.current().exists()
    with pytest.raises(ValidationError, match="Intervjun är inställd"):
        interview_reschedule(
            interview=interview,
            by=owner,
            scheduled_at=DEC_8 + dt.timedelta(days=2),
            interviewers=[interviewer],
            duration_minutes=60,
            location="Rum 2",
            video_url="",
            bring="",
        )
    with time_machine.travel(DEC_8 + dt.timedelta(minutes=30)):
        with pytest.raises(ValidationError, match="Intervjun ställdes in"):
            interview_mark_held(interview=interview, by=owner)
        criterion = application.recruitment.criteria.first()
        with pytest.raises(ValidationError, match="Intervjun ställdes in"):
            scorecard_submit(
                interview=interview, by=interviewer, ratings=[RatingInput(criterion.pk, 3)]
            )
    # The interviewer of a cancelled interview no longer sees the candidate.
    assert client_for(interviewer).get(application.get_absolute_url()).status_code == 404
    # The application page does not list it among the interviews.
    page = client_for(owner).get(application.get_absolute_url()).content.decode()
    assert "No interview booked yet." in page or "Ingen intervju bokad ännu." in page


@pytest.mark.usefixtures("staffed")
def test_cancelling_after_the_time_has_passed_tells_nobody(application, owner, interviewer):
    interview = _book(application, owner, [interviewer])
    with time_machine.travel(DEC_8 + dt.timedelta(days=1)):
        interview_cancel(interview=interview, by=owner, reason="Hon kom inte.")
    assert not Message.objects.filter(
        kind__in=[Kind.INTERVIEW_CANCELLED, Kind.INTERVIEW_CANCELLATION]
    ).exists()
    assert application.timeline.filter(kind="interview_cancelled").count() == 1


# Recorded afterwards


@pytest.mark.usefixtures("staffed")
def test_an_interview_held_without_booking_is_recorded_afterwards(application, owner, interviewer):
    application_move(application=application, to_stage="interview", by=owner)
    before = Message.objects.count()
    yesterday = timezone.now() - dt.timedelta(days=1)
    interview = interview_schedule(
        application=application,
        by=owner,
        scheduled_at=yesterday,
        interviewers=[interviewer],
        duration_minutes=30,
        location="Telefon",
        already_held=True,
    )
    assert interview.is_held
    assert Message.objects.count() == before  # nobody is invited to what has happened
    application.refresh_from_db()
    assert application.interviewed
    kinds = list(application.timeline.order_by("at", "id").values_list("kind", flat=True))
    assert kinds[-2:] == ["interview_recorded", "interview_held"]
    assert "interview_scheduled" not in kinds


@pytest.mark.usefixtures("staffed")
def test_recording_afterwards_refuses_a_future_time(application, owner, interviewer):
    application_move(application=application, to_stage="interview", by=owner)
    with pytest.raises(ValidationError) as caught:
        interview_schedule(
            application=application,
            by=owner,
            scheduled_at=timezone.now() + dt.timedelta(hours=2),
            interviewers=[interviewer],
            location="Telefon",
            already_held=True,
        )
    assert "har redan ägt rum" in caught.value.message_dict["scheduled_at"][0]
    with pytest.raises(ValidationError) as caught:
        interview_schedule(
            application=application,
            by=owner,
            scheduled_at=timezone.now() - dt.timedelta(hours=2),
            interviewers=[interviewer],
            location="Telefon",
        )
    assert "redan hållen" in caught.value.message_dict["scheduled_at"][0]
    assert not application.interviews.exists()
