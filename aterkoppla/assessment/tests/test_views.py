"""The application's assessment pages: who may open them, and what they do."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from icalendar import Calendar

from aterkoppla.assessment.models import Scorecard
from aterkoppla.assessment.services import RatingInput, scorecard_submit
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.timeline.models import TimelineEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]


def _url(name, obj):
    return reverse(f"assessment:{name}", args=[obj.pk])


def _after(interview):
    return time_machine.travel(interview.ends_at + dt.timedelta(minutes=1))


# Permissions: application pages (screening, merits, booking)

APPLICATION_PAGES = ["screening", "merits", "interview_new"]


@pytest.mark.parametrize("name", APPLICATION_PAGES)
@pytest.mark.parametrize("who", ["owner", "member", "hiring_manager", "site_admin"])
def test_deciding_roles_open_the_assessment_pages(request, client_for, application, name, who):
    response = client_for(request.getfixturevalue(who)).get(_url(name, application))
    assert response.status_code == 200


@pytest.mark.parametrize("name", APPLICATION_PAGES)
def test_interviewer_may_not_assess_even_their_own_candidate(
    request, client_for, interviewer, application, name
):
    client = client_for(interviewer)
    assert client.get(_url(name, application)).status_code == 404
    request.getfixturevalue("interview")
    assert client.get(_url(name, application)).status_code == 403
    assert client.post(_url(name, application), {}).status_code == 403


@pytest.mark.parametrize("name", APPLICATION_PAGES)
def test_outsider_gets_404_and_anonymous_logs_in(client_for, outsider, application, name):
    assert client_for(outsider).get(_url(name, application)).status_code == 404
    assert client_for(outsider).post(_url(name, application), {}).status_code == 404
    response = client_for(None).get(_url(name, application))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


# Permissions: interview pages

INTERVIEW_PAGES = [("interview", "GET"), ("interview_ics", "GET"), ("interview_held", "POST")]


@pytest.mark.parametrize(("name", "method"), INTERVIEW_PAGES)
@pytest.mark.parametrize("who", ["owner", "member", "hiring_manager", "interviewer", "site_admin"])
def test_team_reaches_the_interview(request, client_for, interview, name, method, who):
    client = client_for(request.getfixturevalue(who))
    response = (
        client.get(_url(name, interview)) if method == "GET" else client.post(_url(name, interview))
    )
    assert response.status_code == (200 if method == "GET" else 302)


@pytest.mark.parametrize(("name", "method"), [*INTERVIEW_PAGES, ("scorecard", "GET")])
def test_outsider_and_other_interviewers_get_404(
    client_for, outsider, interview, recruitment, owner, name, method
):
    from aterkoppla.accounts.models import User
    from aterkoppla.recruitment.services import team_member_add

    other = User.objects.create_user(username="annan", password="x")
    team_member_add(recruitment=recruitment, by=owner, user=other, role="interviewer")
    for user in (outsider, other):
        client = client_for(user)
        response = (
            client.get(_url(name, interview))
            if method == "GET"
            else client.post(_url(name, interview))
        )
        assert response.status_code == 404
    response = client_for(None).get(_url(name, interview))
    assert response.status_code == 302


def test_only_the_interviews_interviewers_open_a_scorecard(
    client_for, interview, interviewer, hiring_manager, owner, member
):
    assert client_for(interviewer).get(_url("scorecard", interview)).status_code == 200
    assert client_for(hiring_manager).get(_url("scorecard", interview)).status_code == 200
    for user in (owner, member):
        assert client_for(user).get(_url("scorecard", interview)).status_code == 403
        assert client_for(user).post(_url("scorecard", interview), {}).status_code == 403


# Behaviour


def test_screening_page_saves_and_moves(client_for, owner, application, recruitment):
    truck, stock, care = recruitment.criteria.all()
    response = client_for(owner).post(
        _url("screening", application),
        {
            f"result_{truck.pk}": "met",
            f"note_{truck.pk}": "Truckkort sedan 2021",
            f"result_{stock.pk}": "not_met",
            f"result_{care.pk}": "",
            "advance_to": "reject",
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.marked_for_rejection
    assert dict(application.screenings.values_list("criterion__name", "result")) == {
        "Truckkort A+B": "met",
        "Erfarenhet av lagerarbete": "not_met",
    }
    page = client_for(owner).get(application.get_absolute_url()).content.decode()
    assert "Truckkort sedan 2021" in page


def test_screening_page_shows_errors_and_saves_nothing(client_for, owner, application, recruitment):
    truck = recruitment.criteria.first()
    response = client_for(owner).post(
        _url("screening", application),
        {f"result_{truck.pk}": "", f"note_{truck.pk}": "En anteckning", "advance_to": ""},
    )
    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()
    assert not application.screenings.exists()


def test_screening_with_a_broken_promise_asks_for_a_new_date(
    client_for, owner, application, recruitment
):
    truck = recruitment.criteria.first()
    with time_machine.travel(dt.datetime(2027, 1, 10, 10, tzinfo=dt.UTC)):
        response = client_for(owner).post(
            _url("screening", application),
            {f"result_{truck.pk}": "met", "advance_to": "interview"},
        )
    assert response.status_code == 400
    assert 'href="#id_reply_by"' in response.content.decode()
    application.refresh_from_db()
    assert application.stage == "received"
    assert not application.screenings.exists()


def test_missing_merits_are_flagged_on_the_application_page(client_for, owner, interview):
    application = interview.application
    page = client_for(owner).get(application.get_absolute_url()).content.decode()
    assert 'id="merits-missing"' not in page
    application.merits.all().delete()
    page = client_for(owner).get(application.get_absolute_url()).content.decode()
    assert 'id="merits-missing"' in page


def test_booking_page_books_and_invites(client_for, owner, interviewer, application):
    from aterkoppla.applications.services import application_move

    interviewer.email = "ivar@example.se"
    interviewer.save()
    page = client_for(owner).get(_url("interview_new", application)).content.decode()
    assert "notice--warning" in page  # not in the interview stage yet
    application_move(application=application, to_stage="interview", by=owner)
    response = client_for(owner).post(
        _url("interview_new", application),
        {
            "date": "2026-11-30",
            "time": "13:30",
            "duration_minutes": "45",
            "location": "",
            "video_url": "https://meet.example.se/abc",
            "interviewers": [interviewer.pk],
        },
    )
    assert response.status_code == 302
    interview = application.interviews.get()
    assert interview.scheduled_at == dt.datetime(2026, 11, 30, 12, 30, tzinfo=dt.UTC)
    assert interview.duration_minutes == 45
    assert Message.objects.filter(kind=Kind.INTERVIEW_INVITATION).count() == 1


def test_booking_page_refuses_bad_input(client_for, owner, outsider, application):
    from aterkoppla.applications.services import application_move

    application_move(application=application, to_stage="interview", by=owner)
    response = client_for(owner).post(
        _url("interview_new", application),
        {
            "date": "2026-11-01",
            "time": "25:00",
            "duration_minutes": "5",
            "interviewers": [outsider.pk],
        },
    )
    assert response.status_code == 400
    assert not application.interviews.exists()
    response = client_for(owner).post(
        _url("interview_new", application),
        {
            "date": "2026-11-01",
            "time": "10:00",
            "duration_minutes": "60",
            "location": "Rum 1",
            "interviewers": [owner.pk],
        },
    )
    assert response.status_code == 400  # in the past
    assert "error-summary" in response.content.decode()


def test_ics_download_parses(client_for, owner, interview):
    response = client_for(owner).get(_url("interview_ics", interview))
    assert response["Content-Type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["uid"]) == interview.uid


def _score(client, interview, recruitment, score, tips=""):
    data = {f"score_{c.pk}": "" for c in recruitment.criteria.all()}
    data[f"score_{recruitment.criteria.first().pk}"] = str(score)
    data["tips"] = tips
    return client.post(_url("scorecard", interview), data)


def test_two_interviewers_score_independently_through_the_pages(
    client_for, interview, interviewer, hiring_manager, recruitment
):
    ivar, hanna = client_for(interviewer), client_for(hiring_manager)
    with _after(interview):
        assert _score(ivar, interview, recruitment, 2, tips="Fler exempel").status_code == 302
        page = hanna.get(_url("interview", interview)).content.decode()
        assert "Fler exempel" not in page
        assert 'id="scorecard-' not in page
        assert _score(hanna, interview, recruitment, 5).status_code == 302
        page = hanna.get(_url("interview", interview)).content.decode()
        assert "Fler exempel" in page
        assert page.count('id="scorecard-') == 2


def test_scoring_before_the_interview_is_refused(client_for, interview, interviewer, recruitment):
    response = _score(client_for(interviewer), interview, recruitment, 3)
    assert response.status_code == 400
    assert not Scorecard.objects.exists()


def test_a_changed_scorecard_shows_its_earlier_version(
    client_for, interview, interviewer, owner, recruitment
):
    with _after(interview):
        _score(client_for(interviewer), interview, recruitment, 2, tips="Första")
        _score(client_for(interviewer), interview, recruitment, 4, tips="Andra")
    page = client_for(owner).get(_url("interview", interview)).content.decode()
    assert "Andra" in page
    assert "Första" in page  # the earlier version, under "earlier versions"
    timeline = client_for(owner).get(interview.application.get_absolute_url()).content.decode()
    assert TimelineEvent.objects.filter(kind="scorecard_changed").count() == 1
    assert "Truckkort A+B" in timeline


def test_marking_held_before_the_start_is_refused(client_for, owner, interview):
    response = client_for(owner).post(_url("interview_held", interview), follow=True)
    assert response.status_code == 200
    interview.refresh_from_db()
    assert interview.held_at is None
    with _after(interview):
        client_for(owner).post(_url("interview_held", interview))
    interview.refresh_from_db()
    assert interview.held_at is not None


def test_service_scorecard_shows_for_the_team(client_for, interview, interviewer, member):
    with _after(interview):
        scorecard_submit(
            interview=interview,
            by=interviewer,
            ratings=[RatingInput(interview.application.recruitment.criteria.first().pk, 4, "Bra")],
        )
    page = client_for(member).get(_url("interview", interview)).content.decode()
    assert "Bra" in page
