"""The pages that move or cancel an interview, and the booking page's "already held"."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from aterkoppla.assessment.services import interview_mark_held
from aterkoppla.messaging.models import Kind, Message

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

CHANGE_PAGES = ["interview_move", "interview_cancel"]


def _url(name, obj):
    return reverse(f"assessment:{name}", args=[obj.pk])


def _move_form(interview, **changes):
    data = {
        "date": "2026-11-30",
        "time": "14:15",
        "duration_minutes": "60",
        "location": "Lagret, Jönköping",
        "video_url": "",
        "bring": "Ta med id-handling.",
        "interviewers": [u.pk for u in interview.interviewers.all()],
        "reason": "",
    }
    data.update(changes)
    return data


# Permissions


@pytest.mark.parametrize("name", CHANGE_PAGES)
@pytest.mark.parametrize("who", ["owner", "member", "hiring_manager", "site_admin"])
def test_deciding_roles_open_the_change_pages(request, client_for, interview, name, who):
    response = client_for(request.getfixturevalue(who)).get(_url(name, interview))
    assert response.status_code == 200


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_an_interviewer_may_not_move_or_cancel(client_for, interviewer, interview, name):
    client = client_for(interviewer)
    assert client.get(_url(name, interview)).status_code == 403
    assert client.post(_url(name, interview), _move_form(interview)).status_code == 403
    interview.refresh_from_db()
    assert interview.sequence == 0
    assert interview.cancelled_at is None


@pytest.mark.parametrize("name", CHANGE_PAGES)
def test_outsider_gets_404_and_anonymous_logs_in(client_for, outsider, interview, name):
    assert client_for(outsider).get(_url(name, interview)).status_code == 404
    assert client_for(outsider).post(_url(name, interview), {}).status_code == 404
    response = client_for(None).post(_url(name, interview), {})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    interview.refresh_from_db()
    assert interview.cancelled_at is None


# Moving


def test_the_interview_page_offers_moving_and_cancelling_to_the_team(
    client_for, owner, interviewer, interview
):
    page = client_for(owner).get(_url("interview", interview)).content.decode()
    assert _url("interview_move", interview) in page
    assert _url("interview_cancel", interview) in page
    page = client_for(interviewer).get(_url("interview", interview)).content.decode()
    assert _url("interview_move", interview) not in page


def test_moving_through_the_page_tells_the_candidate(client_for, owner, interview):
    application = interview.application
    client = client_for(owner)
    page = client.get(_url("interview_move", interview)).content.decode()
    assert 'value="Lagret, Jönköping"' in page  # filled in with what applies now
    response = client.post(
        _url("interview_move", interview), _move_form(interview, reason="Rummet är upptaget.")
    )
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.scheduled_at == dt.datetime(2026, 11, 30, 13, 15, tzinfo=dt.UTC)
    assert interview.bring == "Ta med id-handling."
    assert interview.sequence == 1
    [moved] = application.messages.filter(kind=Kind.INTERVIEW_MOVED)
    assert "Rummet är upptaget." in moved.body_text
    assert "Inför intervjun: Ta med id-handling." in moved.body_text
    page = client.get(_url("interview", interview)).content.decode()
    assert "Intervjun ändrades. Kandidaten och intervjuarna har fått besked." in page


def test_moving_to_the_past_is_refused_on_the_date(client_for, owner, interview):
    response = client_for(owner).post(
        _url("interview_move", interview), _move_form(interview, date="2026-11-20")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "error-summary" in page
    assert "En intervju flyttas till en framtida tid." in page
    assert 'href="#id_date"' in page
    interview.refresh_from_db()
    assert interview.sequence == 0


def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_moving_in_english(client_for, owner, interview):
    client = _english(client_for(owner))
    response = client.post(
        _url("interview_move", interview), _move_form(interview, date="2026-11-20")
    )
    assert "An interview is moved to a future time." in response.content.decode()
    page = client.get(_url("interview", interview)).content.decode()
    assert "Move or change" in page
    assert "Cancel the interview" in page


def test_a_held_interview_cannot_be_moved_through_the_page(client_for, owner, interview):
    with time_machine.travel(interview.scheduled_at + dt.timedelta(minutes=10)):
        interview_mark_held(interview=interview, by=owner)
        page = client_for(owner).get(_url("interview", interview)).content.decode()
        assert _url("interview_move", interview) not in page
        response = client_for(owner).get(_url("interview_move", interview))
        assert "Intervjun har hållits: den kan inte flyttas eller ställas in." in (
            response.content.decode()
        )
        response = client_for(owner).post(
            _url("interview_move", interview), _move_form(interview, date="2026-12-30")
        )
        assert response.status_code == 400
        response = client_for(owner).post(_url("interview_cancel", interview), {})
        assert response.status_code == 400
    interview.refresh_from_db()
    assert interview.sequence == 0
    assert interview.cancelled_at is None


# Cancelling


def test_cancelling_through_the_page(client_for, owner, interview):
    application = interview.application
    response = client_for(owner).post(
        _url("interview_cancel", interview), {"reason": "Tjänsten ska göras om."}
    )
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.cancelled_at is not None
    [message] = application.messages.filter(kind=Kind.INTERVIEW_CANCELLED)
    assert "Tjänsten ska göras om." in message.body_text
    page = client_for(owner).get(_url("interview", interview)).content.decode()
    assert "Inställd" in page
    assert _url("interview_cancel", interview) not in page
    detail = client_for(owner).get(application.get_absolute_url()).content.decode()
    assert "Inställda:" in detail
    assert "Ingen intervju bokad ännu." in detail
    # Cancelling again is refused on the page and sends nothing more.
    again = client_for(owner).post(_url("interview_cancel", interview), {})
    assert again.status_code == 400
    assert "Intervjun är inställd: boka en ny i stället." in again.content.decode()
    assert application.messages.filter(kind=Kind.INTERVIEW_CANCELLED).count() == 1


# Recording an interview held afterwards


def _held_form(owner, **changes):
    data = {
        "when": "held",
        "date": "2026-11-24",
        "time": "15:00",
        "duration_minutes": "30",
        "location": "Telefon",
        "video_url": "",
        "bring": "",
        "interviewers": [owner.pk],
    }
    data.update(changes)
    return data


def test_the_booking_page_records_an_interview_held_yesterday(client_for, owner, interview):
    application = interview.application
    before = Message.objects.count()
    client = client_for(owner)
    response = client.post(_url("interview_new", application), _held_form(owner))
    assert response.status_code == 302
    recorded = application.interviews.get(location="Telefon")
    assert recorded.is_held
    assert Message.objects.count() == before
    application.refresh_from_db()
    assert application.interviewed
    page = client.get(response["Location"]).content.decode()
    assert "Intervjun registrerades som hållen. Ingenting skickades." in page
    timeline = client.get(application.get_absolute_url()).content.decode()
    assert "registrerades i efterhand" in timeline


def test_the_booking_page_refuses_a_future_time_for_an_interview_held(client_for, owner, interview):
    application = interview.application
    response = client_for(owner).post(
        _url("interview_new", application), _held_form(owner, date="2026-11-27")
    )
    assert response.status_code == 400
    assert "En intervju som registreras i efterhand har redan ägt rum" in (
        response.content.decode()
    )
    assert application.interviews.count() == 1
    response = _english(client_for(owner)).post(
        _url("interview_new", application), _held_form(owner, date="2026-11-27")
    )
    assert "An interview recorded afterwards has already taken place" in (response.content.decode())
