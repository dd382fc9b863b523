from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from aterkoppla.applications.models import Application
from aterkoppla.applications.services import (
    application_move,
    application_receive,
    applications_close,
)
from aterkoppla.assessment import selectors
from aterkoppla.assessment.services import (
    RatingInput,
    ScreeningResult,
    interview_mark_held,
    interview_schedule,
    merits_update,
    scorecard_submit,
    screening_record,
)
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.recruitment.models import Criterion, ProfileVersion
from aterkoppla.recruitment.services import (
    criterion_add,
    criterion_remove,
    criterion_update,
    profile_version_current,
)
from aterkoppla.timeline.selectors import timeline_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]


def _musts(recruitment):
    return list(recruitment.criteria.filter(kind=Criterion.Kind.MUST))[:2]


def _screen(application, by, **kwargs):
    truck, stock = _musts(application.recruitment)
    return screening_record(
        application=application,
        by=by,
        results=[
            ScreeningResult(truck.pk, "met", "Truckkort A+B sedan 2021"),
            ScreeningResult(stock.pk, "partly", "Ett år på lager"),
        ],
        **kwargs,
    )


# The profile in force


def test_profile_is_free_until_screening_starts(recruitment, owner, application):
    assert profile_version_current(recruitment) is None
    criterion_add(recruitment=recruitment, by=owner, name="B-körkort")  # no reason needed
    _screen(application, owner)
    version = profile_version_current(recruitment)
    assert version.number == 1
    assert [c["name"] for c in version.criteria] == [
        "Truckkort A+B",
        "Erfarenhet av lagerarbete",
        "Noggrannhet",
        "B-körkort",
    ]
    assert {s.profile_version_id for s in application.screenings.all()} == {version.pk}


def test_moving_past_received_puts_the_profile_in_force(recruitment, owner, application):
    application_move(application=application, to_stage="screening", by=owner)
    assert profile_version_current(recruitment).number == 1


def test_a_change_to_a_profile_in_force_needs_a_reason(recruitment, owner, application):
    _screen(application, owner)
    truck = _musts(recruitment)[0]
    with pytest.raises(ValidationError) as error:
        criterion_update(criterion=truck, by=owner, weight=3)
    assert "reason" in error.value.message_dict
    truck.refresh_from_db()
    assert truck.weight == 5
    assert ProfileVersion.objects.filter(recruitment=recruitment).count() == 1


def test_a_change_with_a_reason_makes_a_version_and_reaches_every_open_application(
    recruitment, owner, application
):
    other = application_receive(
        recruitment=recruitment, first_name="Per", last_name="Ny", email="per@example.se"
    )
    applications_close(applications=[other], outcome="withdrawn", by=None, by_candidate=True)
    _screen(application, owner)
    truck = _musts(recruitment)[0]
    criterion_update(criterion=truck, by=owner, weight=3, reason="Truck körs sällan")
    version = profile_version_current(recruitment)
    assert version.number == 2
    assert version.reason == "Truck körs sällan"
    assert version.criteria[0]["weight"] == 3
    # Assessments keep the version they were made under.
    assert application.screenings.get(criterion=truck).profile_version.number == 1
    event = [e for e in timeline_for(application) if e.kind == "profile_changed"][-1]
    assert event.data == {
        "change": "updated",
        "criterion": "Truckkort A+B",
        "version": 2,
        "reason": "Truck körs sällan",
    }
    assert "Truck körs sällan" in event.summary()
    other.refresh_from_db()
    assert not [e for e in timeline_for(other) if e.kind == "profile_changed"]


def test_removing_from_a_profile_in_force_keeps_the_assessed_requirement(
    recruitment, owner, application
):
    _screen(application, owner)
    truck = _musts(recruitment)[0]
    criterion_remove(criterion=truck, by=owner, reason="Inget truckarbete längre")
    assert truck.name not in [c.name for c in recruitment.criteria.all()]
    assert Criterion.all_objects.get(pk=truck.pk).removed_at is not None
    assert application.screenings.filter(criterion_id=truck.pk).exists()
    assert truck.name not in [c["name"] for c in profile_version_current(recruitment).criteria]
    # The name is free again for a new requirement.
    criterion_add(recruitment=recruitment, by=owner, name="Truckkort A+B", reason="Tillbaka")


# Screening


def test_screening_advances_to_interview_with_a_status_update(application, owner):
    _screen(application, owner, advance_to="interview", reply_by=dt.date(2026, 12, 22))
    application.refresh_from_db()
    assert application.stage == "interview"
    assert application.reply_by == dt.date(2026, 12, 22)
    update = Message.objects.get(application=application, kind=Kind.STATUS_UPDATE)
    assert "22 december 2026" in update.body_text
    kinds = list(application.timeline.values_list("kind", flat=True))
    assert kinds[-3:] == ["screened", "stage_changed", "message_queued"]


def test_screening_marks_for_rejection_without_telling_the_candidate(application, owner):
    _screen(application, owner, mark_for_rejection=True)
    application.refresh_from_db()
    assert application.marked_for_rejection
    assert application.stage == "received"
    assert not Message.objects.filter(application=application, kind=Kind.STATUS_UPDATE).exists()


def test_screening_refuses_what_is_not_the_profile(application, owner, recruitment):
    from aterkoppla.recruitment.services import recruitment_create

    foreign = recruitment_create(owner=owner, title="Annat").criteria.model.objects.none()
    assert not foreign
    with pytest.raises(ValidationError):
        screening_record(
            application=application, by=owner, results=[ScreeningResult(999999, "met")]
        )
    with pytest.raises(ValidationError):
        screening_record(
            application=application,
            by=owner,
            results=[ScreeningResult(_musts(recruitment)[0].pk, "maybe")],
        )
    assert not application.screenings.exists()
    assert profile_version_current(recruitment) is None


def test_screening_a_closed_application_is_refused(application, owner):
    applications_close(applications=[application], outcome="rejected", by=owner)
    with pytest.raises(ValidationError):
        _screen(application, owner)


def test_screening_again_changes_only_what_changed(application, owner):
    _screen(application, owner)
    _screen(application, owner)
    assert application.timeline.filter(kind="screened").count() == 1


# Interviews


def _booked(application, owner, interviewers, hours=2):
    if application.stage != "interview":
        application_move(application=application, to_stage="interview", by=owner)
    return interview_schedule(
        application=application,
        by=owner,
        scheduled_at=timezone.now() + dt.timedelta(hours=hours),
        interviewers=interviewers,
        location="Lagret, Jönköping",
    )


def test_booking_needs_the_interview_stage(application, owner, interviewer):
    with pytest.raises(ValidationError):
        interview_schedule(
            application=application,
            by=owner,
            scheduled_at=timezone.now() + dt.timedelta(days=1),
            interviewers=[interviewer],
            location="Kontoret",
        )


def test_booking_checks_time_place_and_team(application, owner, interviewer, outsider):
    application_move(application=application, to_stage="interview", by=owner)
    later = timezone.now() + dt.timedelta(days=1)
    cases = [
        {"scheduled_at": timezone.now() - dt.timedelta(hours=1), "interviewers": [interviewer]},
        {"scheduled_at": later, "interviewers": []},
        {"scheduled_at": later, "interviewers": [outsider]},
    ]
    for case in cases:
        with pytest.raises(ValidationError):
            interview_schedule(application=application, by=owner, location="Rum 1", **case)
    with pytest.raises(ValidationError):
        interview_schedule(
            application=application, by=owner, scheduled_at=later, interviewers=[interviewer]
        )
    assert not application.interviews.exists()


def test_each_interviewer_gets_a_calendar_invitation(
    application, owner, interviewer, hiring_manager
):
    interviewer.email = "ivar@example.se"
    interviewer.save()
    hiring_manager.email = ""
    hiring_manager.save()
    interview = _booked(application, owner, [interviewer, hiring_manager])
    invitations = Message.objects.filter(kind=Kind.INTERVIEW_INVITATION)
    assert [m.to_address for m in invitations] == ["ivar@example.se"]
    invitation = invitations.get()
    assert invitation.application is None  # not on the candidate's page or outbox
    assert invitation.attachment_type.startswith("text/calendar")
    calendar = Calendar.from_ical(invitation.attachment)
    assert calendar["method"] == "REQUEST"
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    (event,) = calendar.walk("VEVENT")
    assert str(event["uid"]) == interview.uid
    assert event.decoded("dtstart") == interview.scheduled_at
    assert interview.scheduled_at.second == interview.scheduled_at.microsecond == 0
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(minutes=60)
    assert str(event["location"]) == "Lagret, Jönköping"
    assert "Sara Ek" in str(event["summary"])
    assert f"/interviews/{interview.pk}/" in str(event["description"])
    attendees = event["attendee"]
    attendees = attendees if isinstance(attendees, list) else [attendees]
    assert [str(a) for a in attendees] == ["mailto:ivar@example.se"]


def test_invitation_is_delivered_with_its_attachment(application, owner, interviewer, smtp_server):
    from aterkoppla.messaging.worker import Worker

    interviewer.email = "ivar@example.se"
    interviewer.save()
    _booked(application, owner, [interviewer])
    Worker().deliver_all()
    mail = next(m.message for m in smtp_server.received if "ivar@example.se" in m.recipients)
    parts = [part.get_content_type() for part in mail.walk()]
    assert "text/calendar" in parts
    ics = next(p for p in mail.walk() if p.get_content_type() == "text/calendar")
    assert Calendar.from_ical(ics.get_payload(decode=True))["method"] == "REQUEST"


def test_held_interview_marks_the_application_interviewed(application, owner, interviewer):
    interview = _booked(application, owner, [interviewer])
    with pytest.raises(ValidationError):
        interview_mark_held(interview=interview, by=owner)
    with time_machine.travel(interview.scheduled_at + dt.timedelta(minutes=5)):
        interview_mark_held(interview=interview, by=owner)
    application.refresh_from_db()
    assert application.interviewed
    assert application.timeline.filter(kind="interview_held").count() == 1


# Scorecards


def _ratings(recruitment, *scores):
    criteria = list(recruitment.criteria.all())
    return [RatingInput(c.pk, s, f"Bevis {s}") for c, s in zip(criteria, scores, strict=False)]


def test_only_the_interviewers_score_and_only_after_the_start(
    application, owner, interviewer, member
):
    interview = _booked(application, owner, [interviewer])
    with pytest.raises(ValidationError):
        scorecard_submit(
            interview=interview, by=interviewer, ratings=_ratings(application.recruitment, 4)
        )
    with time_machine.travel(interview.ends_at):
        with pytest.raises(ValidationError):
            scorecard_submit(
                interview=interview, by=member, ratings=_ratings(application.recruitment, 4)
            )
        card, created = scorecard_submit(
            interview=interview,
            by=interviewer,
            ratings=_ratings(application.recruitment, 4, 3, 5),
            impression="Lugn och tydlig",
            strengths="Konkreta exempel",
            tips="Förbered frågor om oss",
        )
    assert created
    assert [r.score for r in card.ratings.order_by("criterion__order")] == [4, 3, 5]
    application.refresh_from_db()
    assert application.interviewed  # scoring marks the interview held


def test_scores_are_checked(application, owner, interviewer):
    interview = _booked(application, owner, [interviewer])
    with time_machine.travel(interview.ends_at):
        for ratings in (
            [],
            _ratings(application.recruitment, 6),
            _ratings(application.recruitment, 0),
        ):
            with pytest.raises(ValidationError):
                scorecard_submit(interview=interview, by=interviewer, ratings=ratings)


def test_interviewers_see_the_others_only_after_submitting(
    application, owner, interviewer, hiring_manager, member
):
    interview = _booked(application, owner, [interviewer, hiring_manager])
    with time_machine.travel(interview.ends_at):
        scorecard_submit(
            interview=interview, by=interviewer, ratings=_ratings(application.recruitment, 2)
        )
        view = selectors.scorecards_for(hiring_manager, interview)
        assert view.hidden and view.others == [] and view.own is None
        # Someone on the team who did not interview sees them all.
        assert len(selectors.scorecards_for(member, interview).others) == 1
        scorecard_submit(
            interview=interview, by=hiring_manager, ratings=_ratings(application.recruitment, 4)
        )
        view = selectors.scorecards_for(hiring_manager, interview)
        assert not view.hidden
        assert [c.interviewer for c in view.others] == [interviewer]


def test_changing_a_submitted_scorecard_keeps_the_earlier_version(application, owner, interviewer):
    interview = _booked(application, owner, [interviewer])
    with time_machine.travel(interview.ends_at):
        card, _ = scorecard_submit(
            interview=interview,
            by=interviewer,
            ratings=_ratings(application.recruitment, 2, 3),
            tips="Mer exempel",
        )
        card, created = scorecard_submit(
            interview=interview,
            by=interviewer,
            ratings=_ratings(application.recruitment, 4, 3),
            tips="Fler konkreta exempel",
        )
    assert not created
    assert card.changed_at is not None
    event = application.timeline.get(kind="scorecard_changed")
    assert event.data["before"] == {
        "tips": "Mer exempel",
        "rating:Truckkort A+B": {"score": 2, "evidence": "Bevis 2"},
    }
    assert event.data["after"]["rating:Truckkort A+B"]["score"] == 4
    # The timeline names what changed, never the scores.
    assert "2" not in event.summary() and "4" not in event.summary()
    changes = selectors.scorecard_changes(application, {card.pk})[card.pk]
    assert ("Truckkort A+B", "2 (“Bevis 2”)") in changes[0].before


# Merits


def test_merits_summary_is_edited_and_recorded(application, owner):
    merits_update(
        application=application,
        by=owner,
        merits={
            "education": [{"field": "truckkort A+B", "level": "course", "to_year": 2021}],
            "other": [{"field": "B-körkort", "level": "licence"}],
        },
    )
    assert [(m.kind, m.field, m.level) for m in application.merits.all()] == [
        ("education", "truckkort A+B", "course"),
        ("other", "B-körkort", "licence"),
    ]
    event = application.timeline.get(kind="merits_updated")
    # The record keeps everything, the staff-only parts too.
    assert (
        event.data["before"]["experience"][0] | {"role": "lagerarbetare", "years": 3}
        == (event.data["before"]["experience"][0])
    )
    assert event.data["after"]["education"][0]["to_year"] == 2021
    with pytest.raises(ValidationError):
        merits_update(application=application, by=owner, merits={"hobbies": ["x"]})


def test_a_role_that_names_the_employer_is_refused_and_nothing_changes(application, owner):
    with pytest.raises(ValidationError) as info:
        merits_update(
            application=application,
            by=owner,
            merits={
                "experience": [
                    {"role": "lagerarbetare på Nordlager", "organisation": "Nordlager AB"},
                ]
            },
        )
    assert "Nordlager" in info.value.message_dict["experience.0.role"][0]
    assert application.merits.count() == 2
    assert not application.timeline.filter(kind="merits_updated").exists()


def test_missing_merits_are_flagged_for_interviewees(recruitment, owner):
    bare = application_receive(
        recruitment=recruitment, first_name="Tom", last_name="Tom", email="tom@example.se"
    )
    assert bare.merits_missing and not bare.invited_to_interview
    application_move(application=bare, to_stage="interview", by=owner)
    bare = Application.objects.get(pk=bare.pk)
    assert bare.invited_to_interview
