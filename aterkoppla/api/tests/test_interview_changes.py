"""API v1: moving and cancelling an interview, and recording one held afterwards.

At Wednesday 25 November 2026 (``nov_25``); the ``interview`` fixture is booked two days
later with the interviewer and the hiring manager, at "Lagret, Jönköping".
"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from icalendar import Calendar

from aterkoppla.api.tests.helpers import ApiClient
from aterkoppla.applications.services import application_move
from aterkoppla.assessment.models import Interview
from aterkoppla.messaging.models import Kind, Message

pytestmark = pytest.mark.django_db

NOT_FOUND = {"detail": "Not found."}


@pytest.fixture(autouse=True)
def _on_nov_25(nov_25):
    """Autouse, so that it comes before every other fixture (and every object they make)."""


def _ics(message: Message):
    calendar = Calendar.from_ical(message.attachment)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


# Moving


def test_move_an_interview(api_as, owner, interview, interviewer):
    response = api_as(owner).post(
        f"/interviews/{interview.pk}/reschedule",
        {
            "scheduled_at": "2026-12-01T13:00:00+01:00",
            "bring": "Ta med id-handling.",
            "reason": "Vi behöver ett större rum.",
        },
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["scheduled_at"] == "2026-12-01T12:00:00Z"
    assert data["bring"] == "Ta med id-handling."
    assert data["location"] == "Lagret, Jönköping"  # not given: kept
    assert data["sequence"] == 1
    assert len(data["interviewer_ids"]) == 2
    [moved] = Message.objects.filter(kind=Kind.INTERVIEW_MOVED)
    assert "Vi behöver ett större rum." in moved.body_text
    calendar, event = _ics(moved)
    assert calendar["method"] == "REQUEST"
    assert event["sequence"] == 1
    assert event.decoded("dtstart") == dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
    assert interview.application.timeline.filter(kind="interview_rescheduled").count() == 1


def test_taking_an_interviewer_off_sends_them_a_cancellation(
    api_as, owner, interview, interviewer, hiring_manager
):
    hiring_manager.email = "hanna@example.se"
    hiring_manager.save()
    response = api_as(owner).post(
        f"/interviews/{interview.pk}/reschedule", {"interviewer_ids": [interviewer.pk]}
    )
    assert response.status_code == 200, response.content
    assert response.json()["interviewer_ids"] == [interviewer.pk]
    cancellation = Message.objects.get(kind=Kind.INTERVIEW_CANCELLATION)
    assert cancellation.to_address == "hanna@example.se"
    assert _ics(cancellation)[0]["method"] == "CANCEL"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"scheduled_at": "2026-11-20T10:00:00+01:00"}, "scheduled_at"),
        ({"scheduled_at": "2026-12-01T10:00:00"}, "scheduled_at"),
        ({"interviewer_ids": []}, "interviewer_ids"),
        ({"interviewer_ids": [999999]}, "interviewer_ids"),
        ({"duration_minutes": 5}, "duration_minutes"),
        ({"location": "", "video_url": ""}, "location"),
        ({"bring": "x" * 501}, "bring"),
    ],
)
def test_moving_refuses_bad_input(api_as, owner, interview, body, field):
    response = api_as(owner).post(f"/interviews/{interview.pk}/reschedule", body)
    assert response.status_code == 422, response.content
    data = response.json()
    assert data["detail"]
    assert field in data["errors"] or "__all__" in data["errors"], data
    interview.refresh_from_db()
    assert interview.sequence == 0
    assert not Message.objects.filter(kind=Kind.INTERVIEW_MOVED).exists()


def test_a_move_that_changes_nothing_is_refused(api_as, owner, interview):
    response = api_as(owner).post(f"/interviews/{interview.pk}/reschedule", {})
    assert response.status_code == 422
    assert response.json()["detail"] == "Nothing was changed."


def test_a_held_interview_is_a_conflict(api_as, owner, interview):
    client = api_as(owner)
    with time_machine.travel(interview.scheduled_at + dt.timedelta(minutes=30), tick=True):
        assert client.post(f"/interviews/{interview.pk}/held").status_code == 200
        for path, body in (("reschedule", {"duration_minutes": 30}), ("cancel", {})):
            response = client.post(f"/interviews/{interview.pk}/{path}", body)
            assert response.status_code == 409
            assert response.json()["detail"] == (
                "The interview was held: it cannot be moved or cancelled."
            )
    interview.refresh_from_db()
    assert (interview.sequence, interview.cancelled_at) == (0, None)


# Cancelling


def test_cancel_an_interview(api_as, owner, interview):
    client = api_as(owner)
    response = client.post(f"/interviews/{interview.pk}/cancel", {"reason": "Tjänsten dras in."})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["cancelled_at"] is not None
    assert data["sequence"] == 1
    [message] = Message.objects.filter(kind=Kind.INTERVIEW_CANCELLED)
    assert "Tjänsten dras in." in message.body_text
    assert _ics(message)[0]["method"] == "CANCEL"
    # Again: the same answer, nothing more sent.
    again = client.post(f"/interviews/{interview.pk}/cancel", {})
    assert again.status_code == 200
    assert again.json() == data
    assert Message.objects.filter(kind=Kind.INTERVIEW_CANCELLED).count() == 1
    # A cancelled interview is not moved, held or scored.
    response = client.post(f"/interviews/{interview.pk}/reschedule", {"duration_minutes": 30})
    assert response.status_code == 409
    with time_machine.travel(interview.scheduled_at + dt.timedelta(minutes=30), tick=True):
        response = client.post(f"/interviews/{interview.pk}/held")
        assert response.status_code == 422
        assert "cancelled" in response.json()["detail"]


# Recording an interview held afterwards


def test_record_an_interview_held_yesterday(api_as, owner, application, interviewer):
    application_move(application=application, to_stage="interview", by=owner)
    before = Message.objects.count()
    response = api_as(owner).post(
        f"/applications/{application.pk}/interviews",
        {
            "scheduled_at": "2026-11-24T15:00:00+01:00",
            "interviewer_ids": [interviewer.pk],
            "duration_minutes": 30,
            "location": "Telefon",
            "already_held": True,
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["held_at"] is not None
    assert Message.objects.count() == before
    application.refresh_from_db()
    assert application.interviewed
    assert application.timeline.filter(kind="interview_recorded").count() == 1


def test_recording_a_future_interview_as_held_is_refused(api_as, owner, application):
    application_move(application=application, to_stage="interview", by=owner)
    response = api_as(owner).post(
        f"/applications/{application.pk}/interviews",
        {
            "scheduled_at": "2026-11-30T15:00:00+01:00",
            "interviewer_ids": [owner.pk],
            "location": "Telefon",
            "already_held": True,
        },
    )
    assert response.status_code == 422
    assert "already taken place" in response.json()["errors"]["scheduled_at"][0]
    assert not Interview.objects.exists()


# Who may do what

EXPECTED = {
    "owner": 200,
    "member": 200,
    "hiring_manager": 200,
    "site_admin": 200,
    "interviewer": 403,
    "other_interviewer": 404,
    "outsider": 404,
}


@pytest.fixture
def other_interviewer(recruitment, owner):
    from aterkoppla.accounts.models import User
    from aterkoppla.recruitment.models import TeamMembership
    from aterkoppla.recruitment.services import team_member_add

    user = User.objects.create_user(username="other", first_name="Ines", last_name="Annan")
    team_member_add(
        recruitment=recruitment, by=owner, user=user, role=TeamMembership.Role.INTERVIEWER
    )
    return user


def _call(client: ApiClient, interview: Interview, route: str):
    if route == "reschedule":
        return client.post(f"/interviews/{interview.pk}/reschedule", {"duration_minutes": 30})
    return client.post(f"/interviews/{interview.pk}/cancel", {})


@pytest.mark.parametrize("route", ["reschedule", "cancel"])
@pytest.mark.parametrize(("who", "status"), EXPECTED.items())
def test_who_may_move_and_cancel(request, api_as, interview, other_interviewer, route, who, status):
    response = _call(api_as(request.getfixturevalue(who)), interview, route)
    assert response.status_code == status, response.content
    interview.refresh_from_db()
    if status >= 400:
        assert response.json()["detail"]
        assert (interview.sequence, interview.cancelled_at) == (0, None)
    else:
        assert interview.sequence == 1
    if status == 404:
        assert response.json() == NOT_FOUND


@pytest.mark.parametrize("route", ["reschedule", "cancel"])
def test_without_a_token_moving_and_cancelling_is_401(interview, route):
    response = _call(ApiClient(None), interview, route)
    assert response.status_code == 401
    interview.refresh_from_db()
    assert (interview.sequence, interview.cancelled_at) == (0, None)


@pytest.mark.parametrize("route", ["reschedule", "cancel"])
def test_an_unknown_interview_is_404(api_as, owner, route):
    response = api_as(owner).post(f"/interviews/999999/{route}", {})
    assert response.status_code == 404
    assert response.json() == NOT_FOUND
