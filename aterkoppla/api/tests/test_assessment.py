"""API v1 assessment routes: screening, booking interviews, scorecards, marking held.

All at Wednesday 25 November 2026 (``nov_25``); the ``interview`` fixture is booked two days
later, and ``after_start`` travels past its start so that it can be held and scored.
"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client

from aterkoppla.accounts.models import User
from aterkoppla.api.tests.helpers import BASE, ApiClient
from aterkoppla.applications.models import Application
from aterkoppla.applications.services import application_move, applications_close
from aterkoppla.assessment.models import Interview, Scorecard, Screening
from aterkoppla.assessment.services import RatingInput, interview_schedule, scorecard_submit
from aterkoppla.messaging.models import Message
from aterkoppla.recruitment.models import Criterion, TeamMembership
from aterkoppla.recruitment.services import CriterionSpec, recruitment_create, team_member_add

pytestmark = pytest.mark.django_db

NOT_FOUND = {"detail": "Not found."}


# --- Fixtures and helpers -------------------------------------------------------------


@pytest.fixture(autouse=True)
def _on_nov_25(nov_25):
    """Autouse, so that it comes before every other fixture (and every object they make)."""


@pytest.fixture
def criteria(recruitment) -> list[Criterion]:
    return list(recruitment.criteria.order_by("order", "id"))


@pytest.fixture
def other_interviewer(recruitment, owner) -> User:
    """An interviewer on the team who is on no interview: sees no application."""
    user = User.objects.create_user(
        username="other", first_name="Ines", last_name="Annan", email="ines@example.se"
    )
    team_member_add(
        recruitment=recruitment, by=owner, user=user, role=TeamMembership.Role.INTERVIEWER
    )
    return user


@pytest.fixture
def with_email(interviewer, hiring_manager) -> None:
    """Give the interviewers addresses, so that they are sent calendar invitations."""
    for user, email in ((interviewer, "ivar@example.se"), (hiring_manager, "hanna@example.se")):
        user.email = email
        user.save(update_fields=["email"])


@pytest.fixture
def after_start(_on_nov_25, interview):
    """Half an hour into the interview."""
    with time_machine.travel(interview.scheduled_at + dt.timedelta(minutes=30), tick=True):
        yield


def _in_days(days: int) -> str:
    """A time ``days`` from now, in ISO 8601 with Stockholm's offset in November."""
    at = dt.datetime.now(dt.UTC) + dt.timedelta(days=days)
    return at.astimezone(dt.timezone(dt.timedelta(hours=1))).replace(microsecond=0).isoformat()


def _ratings(criteria: list[Criterion], *scores: int) -> list[dict]:
    return [
        {"criterion_id": criterion.pk, "score": score, "evidence": f"Visade {criterion.name}."}
        for criterion, score in zip(criteria, scores, strict=False)
    ]


def _scorecard_body(criteria: list[Criterion], *scores: int, **texts: str) -> dict:
    return {
        "ratings": _ratings(criteria, *scores),
        "impression": "Lugn och tydlig, gav konkreta exempel.",
        "strengths": "Lång erfarenhet av truck.",
        "tips": "Berätta mer om hur du planerar ditt arbete.",
    } | texts


def _submit(interview: Interview, user: User, criteria: list[Criterion], score: int = 4) -> None:
    scorecard_submit(
        interview=interview,
        by=user,
        ratings=[RatingInput(criterion_id=criteria[0].pk, score=score, evidence="Exempel.")],
    )


# --- Documentation --------------------------------------------------------------------

ROUTES = {
    "/api/v1/applications/{application_id}/screening": "post",
    "/api/v1/applications/{application_id}/interviews": "post",
    "/api/v1/interviews/{interview_id}": "get",
    "/api/v1/interviews/{interview_id}/scorecards": "post",
    "/api/v1/interviews/{interview_id}/held": "post",
    "/api/v1/interviews/{interview_id}/reschedule": "post",
    "/api/v1/interviews/{interview_id}/cancel": "post",
}


@pytest.fixture
def openapi() -> dict:
    response = Client().get(f"{BASE}/openapi.json")
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize(("path", "method"), ROUTES.items())
def test_every_route_is_documented(openapi, path, method):
    operation = openapi["paths"][path][method]
    assert operation["summary"]
    assert len(operation["description"]) > 100
    assert {"401", "404"} <= set(operation["responses"])


def test_openapi_has_the_contract_fields(openapi):
    schemas = openapi["components"]["schemas"]
    assert {"results", "advance_to", "reply_by", "mark_for_rejection"} <= set(
        schemas["ScreeningIn"]["properties"]
    )
    assert {"criterion_id", "result", "note"} <= set(schemas["ScreeningResultIn"]["properties"])
    assert {"scheduled_at", "interviewer_ids", "duration_minutes", "location", "video_url"} <= set(
        schemas["InterviewIn"]["properties"]
    )
    assert {"ratings", "impression", "strengths", "tips"} <= set(
        schemas["ScorecardIn"]["properties"]
    )
    assert {"criterion_id", "score", "evidence"} <= set(schemas["RatingIn"]["properties"])
    assert {"scorecards", "scorecards_hidden", "interviewer_ids"} <= set(
        schemas["InterviewDetailOut"]["properties"]
    )
    scorecards = openapi["paths"]["/api/v1/interviews/{interview_id}/scorecards"]["post"]
    assert {"200", "201", "403", "409", "422"} <= set(scorecards["responses"])


# --- Screening ------------------------------------------------------------------------


def test_screening_with_advance_to_interview(api_as, owner, application, criteria):
    response = api_as(owner).post(
        f"/applications/{application.pk}/screening",
        {
            "results": [
                {"criterion_id": criteria[0].pk, "result": "met", "note": "Truckkort 2021."},
                {"criterion_id": criteria[1].pk, "result": "partly", "note": " Tre år. "},
            ],
            "advance_to": "interview",
        },
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["application_id"] == application.pk
    assert data["stage"] == "interview"
    assert data["reply_by"] == "2026-12-18"
    assert data["marked_for_rejection"] is False
    assert data["profile_version"] == 1
    assert [
        (r["criterion_id"], r["criterion"], r["result"], r["note"]) for r in data["results"]
    ] == [
        (criteria[0].pk, "Truckkort A+B", "met", "Truckkort 2021."),
        (criteria[1].pk, "Erfarenhet av lagerarbete", "partly", "Tre år."),
    ]
    assert all(r["profile_version"] == 1 and r["screened_at"] for r in data["results"])

    application.refresh_from_db()
    assert application.stage == Application.Stage.INTERVIEW
    kinds = list(application.timeline.values_list("kind", flat=True))
    assert "screened" in kinds
    assert "stage_changed" in kinds
    update = Message.objects.get(application=application, kind="status_update")
    assert update.to_address == "sara.ek@example.se"


def test_screening_again_keeps_the_others_and_changes_one(api_as, member, application, criteria):
    client = api_as(member)
    path = f"/applications/{application.pk}/screening"
    client.post(
        path,
        {
            "results": [
                {"criterion_id": criteria[0].pk, "result": "met"},
                {"criterion_id": criteria[2].pk, "result": "not_met"},
            ]
        },
    )
    response = client.post(
        path, {"results": [{"criterion_id": criteria[2].pk, "result": "partly", "note": "Ja."}]}
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert [(r["criterion_id"], r["result"]) for r in data["results"]] == [
        (criteria[0].pk, "met"),
        (criteria[2].pk, "partly"),
    ]
    assert data["stage"] == "received"
    assert not Message.objects.filter(application=application, kind="status_update").exists()


def test_screening_moves_to_screening_with_a_new_reply_by(api_as, owner, application):
    response = api_as(owner).post(
        f"/applications/{application.pk}/screening",
        {"advance_to": "screening", "reply_by": "2026-12-20"},
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["stage"], data["reply_by"], data["results"]) == ("screening", "2026-12-20", [])
    assert Message.objects.filter(application=application, kind="status_update").count() == 1


def test_a_reply_by_years_ahead_is_a_clear_422(api_as, owner, application):
    response = api_as(owner).post(
        f"/applications/{application.pk}/screening",
        {"advance_to": "screening", "reply_by": "9999-12-31"},
    )
    assert response.status_code == 422, response.content
    [message] = response.json()["errors"]["reply_by"]
    assert "too far ahead" in message
    application.refresh_from_db()
    assert (application.stage, application.reply_by) == ("received", dt.date(2026, 12, 18))


def test_screening_marks_for_rejection_and_unmarks(api_as, hiring_manager, application, criteria):
    client = api_as(hiring_manager)
    path = f"/applications/{application.pk}/screening"
    body = {
        "results": [{"criterion_id": criteria[0].pk, "result": "not_met", "note": "Inget kort."}],
        "mark_for_rejection": True,
    }
    response = client.post(path, body)
    assert response.status_code == 200, response.content
    assert response.json()["marked_for_rejection"] is True
    application.refresh_from_db()
    assert application.marked_for_rejection
    assert not Message.objects.filter(application=application, kind="status_update").exists()

    response = client.post(path, {"mark_for_rejection": False})
    assert response.json()["marked_for_rejection"] is False


@pytest.mark.parametrize(
    ("body", "field"),
    [
        pytest.param({"advance_to": "interview", "mark_for_rejection": True}, "advance_to"),
        pytest.param({"advance_to": "offer"}, "advance_to", id="not-a-screening-move"),
        pytest.param({"advance_to": "screening", "reply_by": "2026-11-01"}, "reply_by"),
        pytest.param({"results": [{"criterion_id": 999_999, "result": "met"}]}, "results"),
        pytest.param({"results": [{"criterion_id": "{c0}", "result": "ok"}]}, "results.0.result"),
        pytest.param({"results": [{"criterion_id": "{c0}"}]}, "results.0.result", id="no-result"),
        pytest.param({"results": [{"criterion_id": 0, "result": "met"}]}, "results.0.criterion_id"),
        pytest.param(
            {"results": [{"criterion_id": "1", "result": "met"}]},
            "results.0.criterion_id",
            id="id-as-text",
        ),
        pytest.param(
            {"results": [{"criterion_id": 2**70, "result": "met"}]},
            "results.0.criterion_id",
            id="huge-id",
        ),
        pytest.param(
            {"results": [{"criterion_id": "{c0}", "result": "met", "note": "x" * 5001}]},
            "results.0.note",
            id="long-note",
        ),
        pytest.param(
            {"results": [{"criterion_id": "{c0}", "result": "met", "note": "a\x00b"}]},
            "results.0.note",
            id="nul-note",
        ),
        pytest.param(
            {
                "results": [
                    {"criterion_id": "{c0}", "result": "met"},
                    {"criterion_id": "{c0}", "result": "partly"},
                ]
            },
            "results",
            id="twice",
        ),
        pytest.param({"results": "met"}, "results", id="results-text"),
        pytest.param({"mark_for_rejection": "yes"}, "mark_for_rejection"),
        pytest.param({"reply_by": 20261220}, "reply_by", id="date-as-number"),
    ],
)
def test_screening_refuses_bad_input(api_as, owner, application, criteria, body, field):
    def fill(value):
        if value == "{c0}":
            return criteria[0].pk
        if isinstance(value, dict):
            return {key: fill(item) for key, item in value.items()}
        if isinstance(value, list):
            return [fill(item) for item in value]
        return value

    response = api_as(owner).post(f"/applications/{application.pk}/screening", fill(body))
    assert response.status_code == 422, response.content
    data = response.json()
    assert data["detail"]
    assert field in data["errors"], data
    assert not Screening.objects.exists()
    application.refresh_from_db()
    assert (application.stage, application.marked_for_rejection) == ("received", False)


def test_screening_a_requirement_of_another_recruitment_is_refused(
    api_as, owner, application, criteria
):
    other = recruitment_create(
        owner=owner, title="Kock", criteria=[CriterionSpec(name="Kockutbildning")]
    )
    foreign = other.criteria.get()
    response = api_as(owner).post(
        f"/applications/{application.pk}/screening",
        {"results": [{"criterion_id": foreign.pk, "result": "met"}]},
    )
    assert response.status_code == 422
    assert str(foreign.pk) in response.json()["errors"]["results"][0]


def test_screening_a_closed_application_is_refused(api_as, owner, application, criteria):
    applications_close(applications=[application], outcome="rejected", by=owner)
    response = api_as(owner).post(
        f"/applications/{application.pk}/screening",
        {"results": [{"criterion_id": criteria[0].pk, "result": "met"}]},
    )
    assert response.status_code == 422
    assert "closed" in response.json()["detail"]


# --- Booking interviews ---------------------------------------------------------------


@pytest.fixture
def invited(application, owner) -> Application:
    """The application in the interview stage, ready for booking."""
    application_move(application=application, to_stage="interview", by=owner)
    return application


def _booking(*users: User, **fields) -> dict:
    return {
        "scheduled_at": "2026-11-30T09:30:00+01:00",
        "interviewer_ids": [user.pk for user in users],
        "duration_minutes": 45,
        "location": "Lagret, Jönköping",
        "video_url": "",
    } | fields


@pytest.mark.usefixtures("with_email")
def test_book_an_interview(api_as, owner, invited, interviewer, hiring_manager):
    response = api_as(owner).post(
        f"/applications/{invited.pk}/interviews",
        _booking(interviewer, hiring_manager, interviewer),
    )
    assert response.status_code == 201, response.content
    data = response.json()
    interview = Interview.objects.get()
    assert data == {
        "id": interview.pk,
        "application_id": invited.pk,
        "scheduled_at": "2026-11-30T08:30:00Z",
        "duration_minutes": 45,
        "location": "Lagret, Jönköping",
        "video_url": "",
        "bring": "",
        "interviewer_ids": sorted([interviewer.pk, hiring_manager.pk]),
        "held_at": None,
        "cancelled_at": None,
        "sequence": 0,
        "profile_version": 1,
    }
    assert interview.scheduled_at == dt.datetime(2026, 11, 30, 8, 30, tzinfo=dt.UTC)
    invitations = Message.objects.filter(kind="interview_invitation")
    assert sorted(invitations.values_list("to_address", flat=True)) == [
        "hanna@example.se",
        "ivar@example.se",
    ]
    assert all(m.attachment_name.endswith(".ics") for m in invitations)
    assert invited.timeline.filter(kind="interview_scheduled").exists()


def test_book_a_video_interview_with_the_defaults(api_as, member, invited, interviewer):
    response = api_as(member).post(
        f"/applications/{invited.pk}/interviews",
        {
            "scheduled_at": "2026-11-30T08:30:00Z",
            "interviewer_ids": [interviewer.pk],
            "video_url": "https://meet.example.se/abc",
        },
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["duration_minutes"], data["location"], data["video_url"]) == (
        60,
        "",
        "https://meet.example.se/abc",
    )


def test_booking_a_user_who_is_not_on_the_team_is_refused_without_naming_them(
    api_as, hiring_manager, invited, outsider
):
    """Whoever may book learns neither the name nor the existence of a user off the team:
    an outsider's id and an id of nobody are refused in the same words."""
    client = api_as(hiring_manager)
    url = f"/applications/{invited.pk}/interviews"
    response = client.post(url, _booking(outsider))
    assert response.status_code == 422
    [message] = response.json()["errors"]["interviewer_ids"]
    assert "team" in message and f"id {outsider.pk}" in message
    assert "Otto" not in message and "Utanför" not in message
    nobody = client.post(url, _booking() | {"interviewer_ids": [outsider.pk + 1000]})
    assert nobody.status_code == 422
    assert nobody.json()["errors"]["interviewer_ids"] == [
        message.replace(f"id {outsider.pk}", f"id {outsider.pk + 1000}")
    ]
    assert not Interview.objects.exists()


def test_booking_an_unknown_user_is_refused(api_as, owner, invited, interviewer):
    response = api_as(owner).post(
        f"/applications/{invited.pk}/interviews",
        _booking(interviewer) | {"interviewer_ids": [interviewer.pk, 987_654]},
    )
    assert response.status_code == 422
    assert "987654" in response.json()["errors"]["interviewer_ids"][0]
    assert not Interview.objects.exists()


def test_booking_before_the_interview_stage_is_refused(api_as, owner, application, interviewer):
    response = api_as(owner).post(
        f"/applications/{application.pk}/interviews", _booking(interviewer)
    )
    assert response.status_code == 422
    assert "interview stage" in response.json()["detail"]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        pytest.param({"scheduled_at": "2026-11-30T09:30:00"}, "scheduled_at", id="naive"),
        pytest.param({"scheduled_at": "2026-11-30"}, "scheduled_at", id="date-only"),
        pytest.param({"scheduled_at": "2026-11-20T09:30:00+01:00"}, "scheduled_at", id="past"),
        pytest.param({"scheduled_at": 1796000000}, "scheduled_at", id="timestamp"),
        pytest.param({"scheduled_at": "next monday"}, "scheduled_at", id="words"),
        pytest.param({"scheduled_at": "9999-12-31T23:59:59-23:59"}, "scheduled_at", id="overflow"),
        pytest.param({"scheduled_at": "0001-01-01T00:00:00+23:59"}, "scheduled_at", id="underflow"),
        pytest.param(
            {"scheduled_at": "9999-12-31T23:00:00+00:00"}, "scheduled_at", id="at-the-end"
        ),
        pytest.param({"interviewer_ids": []}, "interviewer_ids", id="nobody"),
        pytest.param({"interviewer_ids": [0]}, "interviewer_ids.0", id="id-zero"),
        pytest.param({"interviewer_ids": ["{interviewer}"]}, "interviewer_ids.0", id="id-as-text"),
        pytest.param({"duration_minutes": 10}, "duration_minutes"),
        pytest.param({"duration_minutes": 481}, "duration_minutes"),
        pytest.param({"location": "", "video_url": ""}, "__all__", id="nowhere"),
        pytest.param({"location": "x" * 201}, "location"),
        pytest.param({"location": "Rum\x00 1"}, "location"),
        pytest.param({"video_url": "not a link"}, "video_url"),
    ],
)
def test_booking_refuses_bad_input(api_as, owner, invited, interviewer, fields, field):
    if fields.get("interviewer_ids") == ["{interviewer}"]:
        fields = {"interviewer_ids": [str(interviewer.pk)]}
    response = api_as(owner).post(
        f"/applications/{invited.pk}/interviews", _booking(interviewer, **fields)
    )
    assert response.status_code == 422, response.content
    data = response.json()
    assert data["detail"]
    assert field in data["errors"], data
    assert not Interview.objects.exists()


def test_a_naive_time_is_refused_with_a_word_on_the_time_zone(api_as, owner, invited, interviewer):
    response = api_as(owner).post(
        f"/applications/{invited.pk}/interviews",
        _booking(interviewer, scheduled_at="2026-11-30T09:30:00"),
    )
    assert "time zone" in response.json()["errors"]["scheduled_at"][0]


# --- Scorecards -----------------------------------------------------------------------


@pytest.mark.usefixtures("after_start")
def test_submit_then_change_a_scorecard(api_as, interviewer, interview, criteria):
    client = api_as(interviewer)
    path = f"/interviews/{interview.pk}/scorecards"
    response = client.post(path, _scorecard_body(criteria, 4, 3))
    assert response.status_code == 201, response.content
    data = response.json()
    scorecard = Scorecard.objects.get()
    assert data["id"] == scorecard.pk
    assert data["interview_id"] == interview.pk
    assert data["interviewer_id"] == interviewer.pk
    assert data["profile_version"] == 1
    assert data["changed_at"] is None
    assert data["impression"] == "Lugn och tydlig, gav konkreta exempel."
    assert data["tips"] == "Berätta mer om hur du planerar ditt arbete."
    assert [(r["criterion_id"], r["criterion"], r["score"]) for r in data["ratings"]] == [
        (criteria[0].pk, "Truckkort A+B", 4),
        (criteria[1].pk, "Erfarenhet av lagerarbete", 3),
    ]
    interview.refresh_from_db()
    assert interview.held_at is not None  # submitting marks it held

    response = client.post(path, _scorecard_body(criteria, 4, 5, tips="Mer exempel."))
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["id"] == scorecard.pk
    assert data["changed_at"] is not None
    assert data["tips"] == "Mer exempel."
    assert [r["score"] for r in data["ratings"]] == [4, 5]
    assert Scorecard.objects.count() == 1
    changed = interview.application.timeline.get(kind="scorecard_changed")
    assert changed.data["before"]["tips"] == "Berätta mer om hur du planerar ditt arbete."


def test_scoring_before_the_interview_has_started_is_a_conflict(
    api_as, interviewer, interview, criteria
):
    response = api_as(interviewer).post(
        f"/interviews/{interview.pk}/scorecards", _scorecard_body(criteria, 4)
    )
    assert response.status_code == 409
    assert "starts at" in response.json()["detail"]
    assert not Scorecard.objects.exists()


@pytest.mark.usefixtures("after_start")
@pytest.mark.parametrize(
    ("body", "field"),
    [
        pytest.param({"ratings": []}, "ratings", id="no-ratings"),
        pytest.param({}, "ratings", id="empty"),
        pytest.param({"ratings": [{"criterion_id": "{c0}", "score": 0}]}, "ratings.0.score"),
        pytest.param({"ratings": [{"criterion_id": "{c0}", "score": 6}]}, "ratings.0.score"),
        pytest.param({"ratings": [{"criterion_id": "{c0}", "score": "4"}]}, "ratings.0.score"),
        pytest.param({"ratings": [{"criterion_id": "{c0}", "score": 3.5}]}, "ratings.0.score"),
        pytest.param({"ratings": [{"criterion_id": "{c0}"}]}, "ratings.0.score", id="no-score"),
        pytest.param({"ratings": [{"criterion_id": 999_999, "score": 3}]}, "ratings", id="unknown"),
        pytest.param(
            {"ratings": [{"criterion_id": "{c0}", "score": 3, "evidence": "x" * 5001}]},
            "ratings.0.evidence",
        ),
        pytest.param(
            {"ratings": [{"criterion_id": "{c0}", "score": 3, "evidence": "\x00"}]},
            "ratings.0.evidence",
            id="nul-evidence",
        ),
        pytest.param(
            {
                "ratings": [
                    {"criterion_id": "{c0}", "score": 3},
                    {"criterion_id": "{c0}", "score": 4},
                ]
            },
            "ratings",
            id="twice",
        ),
        pytest.param(
            {"ratings": [{"criterion_id": "{c0}", "score": 3}], "impression": 5}, "impression"
        ),
        pytest.param(
            {"ratings": [{"criterion_id": "{c0}", "score": 3}], "tips": "x" * 5001}, "tips"
        ),
        pytest.param(
            {"ratings": [{"criterion_id": "{c0}", "score": 3}], "strengths": "a\x00"}, "strengths"
        ),
    ],
)
def test_scorecard_refuses_bad_input(api_as, interviewer, interview, criteria, body, field):
    def fill(value):
        if value == "{c0}":
            return criteria[0].pk
        if isinstance(value, dict):
            return {key: fill(item) for key, item in value.items()}
        if isinstance(value, list):
            return [fill(item) for item in value]
        return value

    response = api_as(interviewer).post(f"/interviews/{interview.pk}/scorecards", fill(body))
    assert response.status_code == 422, response.content
    data = response.json()
    assert data["detail"]
    assert field in data["errors"], data
    assert not Scorecard.objects.exists()


# --- Held -----------------------------------------------------------------------------


def test_marking_held_before_the_start_is_a_conflict(api_as, owner, interview):
    response = api_as(owner).post(f"/interviews/{interview.pk}/held")
    assert response.status_code == 409
    assert response.json()["detail"]
    interview.refresh_from_db()
    assert interview.held_at is None


@pytest.mark.usefixtures("after_start")
def test_mark_held(api_as, owner, interview):
    client = api_as(owner)
    response = client.post(f"/interviews/{interview.pk}/held")
    assert response.status_code == 200, response.content
    data = response.json()
    interview.refresh_from_db()
    assert data == {
        "id": interview.pk,
        "held_at": data["held_at"],
        "application_id": interview.application_id,
        "interviewed": True,
    }
    held_at = dt.datetime.fromisoformat(data["held_at"])
    assert abs(held_at - interview.held_at) < dt.timedelta(milliseconds=1)
    application = interview.application
    application.refresh_from_db()
    assert application.interviewed
    assert application.timeline.filter(kind="interview_held").count() == 1

    again = client.post(f"/interviews/{interview.pk}/held")
    assert again.status_code == 200
    assert again.json() == data
    assert application.timeline.filter(kind="interview_held").count() == 1


# --- Reading an interview: independent scoring ----------------------------------------


def test_interview_detail(api_as, owner, interview, interviewer, hiring_manager):
    response = api_as(owner).get(f"/interviews/{interview.pk}")
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["id"] == interview.pk
    assert data["application_id"] == interview.application_id
    assert sorted(data["interviewer_ids"]) == sorted([interviewer.pk, hiring_manager.pk])
    assert data["scorecards"] == []
    assert data["scorecards_hidden"] is False
    assert {(i["name"], i["scorecard_submitted"]) for i in data["interviewers"]} == {
        ("Ivar Intervju", False),
        ("Hanna Chef", False),
    }


@pytest.mark.usefixtures("after_start")
def test_interviewers_see_the_others_scorecards_only_after_submitting_their_own(
    api_as, owner, member, site_admin, interview, interviewer, hiring_manager, criteria
):
    _submit(interview, hiring_manager, criteria, score=2)
    path = f"/interviews/{interview.pk}"

    before = api_as(interviewer).get(path).json()
    assert before["scorecards"] == []
    assert before["scorecards_hidden"] is True
    # Who has submitted is not hidden; what they wrote is.
    submitted = {i["id"]: i["scorecard_submitted"] for i in before["interviewers"]}
    assert submitted == {interviewer.pk: False, hiring_manager.pk: True}

    # The hiring manager has submitted: sees their own (and later the others').
    own = api_as(hiring_manager).get(path).json()
    assert own["scorecards_hidden"] is False
    assert [c["interviewer_id"] for c in own["scorecards"]] == [hiring_manager.pk]

    # Those who do not interview see every scorecard.
    for user in (owner, member, site_admin):
        data = api_as(user).get(path).json()
        assert data["scorecards_hidden"] is False
        assert [c["ratings"][0]["score"] for c in data["scorecards"]] == [2]

    _submit(interview, interviewer, criteria, score=5)
    after = api_as(interviewer).get(path).json()
    assert after["scorecards_hidden"] is False
    assert {c["interviewer_id"]: c["ratings"][0]["score"] for c in after["scorecards"]} == {
        hiring_manager.pk: 2,
        interviewer.pk: 5,
    }


# --- Permissions ----------------------------------------------------------------------

# Who gets what, per route: "interviewer" is on the interview, "other_interviewer" is an
# interviewer on the team who is on no interview (and so sees no application).
EXPECTED = {
    "screening": {
        "owner": 200,
        "member": 200,
        "hiring_manager": 200,
        "site_admin": 200,
        "interviewer": 403,
        "other_interviewer": 404,
        "outsider": 404,
    },
    "book": {
        "owner": 201,
        "member": 201,
        "hiring_manager": 201,
        "site_admin": 201,
        "interviewer": 403,
        "other_interviewer": 404,
        "outsider": 404,
    },
    "detail": {
        "owner": 200,
        "member": 200,
        "hiring_manager": 200,
        "site_admin": 200,
        "interviewer": 200,
        "other_interviewer": 404,
        "outsider": 404,
    },
    "scorecard": {
        "owner": 403,
        "member": 403,
        "hiring_manager": 201,  # on the interview
        "site_admin": 403,
        "interviewer": 201,
        "other_interviewer": 404,
        "outsider": 404,
    },
    "held": {
        "owner": 200,
        "member": 200,
        "hiring_manager": 200,
        "site_admin": 200,
        "interviewer": 200,
        "other_interviewer": 404,
        "outsider": 404,
    },
}
CASES = [(route, who, status) for route, table in EXPECTED.items() for who, status in table.items()]


@pytest.fixture
def call(interview, criteria, interviewer, other_interviewer):
    """``call(client, route)``, past the interview's start."""

    def run(client: ApiClient, route: str):
        application = interview.application
        with time_machine.travel(interview.scheduled_at + dt.timedelta(minutes=30), tick=True):
            if route == "screening":
                return client.post(
                    f"/applications/{application.pk}/screening",
                    {"results": [{"criterion_id": criteria[0].pk, "result": "met"}]},
                )
            if route == "book":
                return client.post(
                    f"/applications/{application.pk}/interviews",
                    _booking(interviewer, scheduled_at=_in_days(3)),
                )
            if route == "detail":
                return client.get(f"/interviews/{interview.pk}")
            if route == "scorecard":
                return client.post(
                    f"/interviews/{interview.pk}/scorecards", _scorecard_body(criteria, 3)
                )
            return client.post(f"/interviews/{interview.pk}/held")

    return run


def _state() -> tuple:
    return (
        Screening.objects.count(),
        Interview.objects.count(),
        Scorecard.objects.count(),
        Interview.objects.filter(held_at__isnull=False).count(),
    )


@pytest.mark.parametrize(("route", "who", "status"), CASES)
def test_who_may_do_what(request, api_as, call, route, who, status):
    before = _state()
    response = call(api_as(request.getfixturevalue(who)), route)
    assert response.status_code == status, response.content
    if status >= 400:
        assert response.json()["detail"]
        assert _state() == before
    if status == 404:
        assert response.json() == NOT_FOUND


@pytest.mark.parametrize("route", EXPECTED)
def test_without_a_token_there_is_only_401(call, route):
    before = _state()
    response = call(ApiClient(None), route)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert _state() == before


@pytest.mark.usefixtures("after_start")
def test_an_interviewer_on_another_interview_sees_this_one_but_may_not_score_or_mark_it(
    api_as, owner, interview, other_interviewer, criteria
):
    # On an earlier interview of the same application: may see the application and so this
    # interview, but it is not theirs to score or mark held.
    interview_schedule(
        application=interview.application,
        by=owner,
        scheduled_at=interview.scheduled_at + dt.timedelta(days=1),
        interviewers=[other_interviewer],
        location="Kontoret",
    )
    client = api_as(other_interviewer)
    assert client.get(f"/interviews/{interview.pk}").status_code == 200
    response = client.post(f"/interviews/{interview.pk}/scorecards", _scorecard_body(criteria, 3))
    assert response.status_code == 403
    assert "interviewers" in response.json()["detail"]
    assert client.post(f"/interviews/{interview.pk}/held").status_code == 403
    assert not Scorecard.objects.exists()


@pytest.mark.parametrize(
    "path",
    ["/applications/{application}/screening", "/applications/{application}/interviews"],
)
def test_unknown_application_is_404(api_as, owner, application, path):
    body = {"results": []} if path.endswith("screening") else _booking(owner)
    response = api_as(owner).post(path.format(application=application.pk + 1000), body)
    assert response.status_code == 404


@pytest.mark.parametrize("suffix", ["", "/scorecards", "/held"])
@pytest.mark.parametrize("interview_id", ["999999", "0", "-1", "abc", str(2**64)])
def test_interview_id_that_names_nothing_is_404(api_as, owner, suffix, interview_id):
    client = api_as(owner)
    path = f"/interviews/{interview_id}{suffix}"
    body = {"ratings": [{"criterion_id": 1, "score": 3}]} if suffix == "/scorecards" else None
    response = client.get(path) if not suffix else client.post(path, body)
    assert response.status_code == 404
    assert response.json() == NOT_FOUND


# --- Bodies that are not JSON ---------------------------------------------------------


@pytest.mark.parametrize("target", ["screening", "interviews", "scorecards"])
@pytest.mark.parametrize("raw", ["not json", '{"results": [', "[]"])
def test_bodies_that_are_not_json_objects(api_as, owner, interview, target, raw):
    path = (
        f"/interviews/{interview.pk}/scorecards"
        if target == "scorecards"
        else f"/applications/{interview.application_id}/{target}"
    )
    response = api_as(owner).post(path, raw=raw)
    assert response.status_code == (422 if raw == "[]" else 400), response.content
    assert response.json()["detail"]


def test_a_form_body_is_400(api_as, owner, application):
    response = api_as(owner).post(
        f"/applications/{application.pk}/screening",
        raw="advance_to=interview",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]
