"""The API v1 contract of DESIGN §9: paths, fields and what each route does."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client

from aterkoppla.accounts.models import User
from aterkoppla.api.tests.helpers import BASE, ApiClient, application_body, recruitment_body
from aterkoppla.api.v1 import api
from aterkoppla.applications.models import Application
from aterkoppla.applications.services import application_move, applications_close
from aterkoppla.messaging.links import application_for_token
from aterkoppla.recruitment.models import Recruitment, TeamMembership
from tests.helpers import as_recruiter

pytestmark = pytest.mark.django_db

CONTRACT_PATHS = {
    "/api/v1/me": {"get"},
    "/api/v1/recruitments": {"get", "post"},
    "/api/v1/recruitments/{recruitment_id}": {"get"},
    "/api/v1/recruitments/{recruitment_id}/team": {"post"},
    "/api/v1/recruitments/{recruitment_id}/applications": {"post"},
    "/api/v1/applications/{application_id}": {"get"},
    "/api/v1/applications/{application_id}/screening": {"post"},
    "/api/v1/applications/{application_id}/interviews": {"post"},
    "/api/v1/interviews/{interview_id}": {"get"},
    "/api/v1/interviews/{interview_id}/scorecards": {"post"},
    "/api/v1/interviews/{interview_id}/held": {"post"},
    "/api/v1/recruitments/{recruitment_id}/decision": {"post"},
    "/api/v1/applications/{application_id}/call-sheet": {"get"},
    "/api/v1/call-tasks": {"get"},
    "/api/v1/call-tasks/{task_id}/attempts": {"post"},
    "/api/v1/applications/{application_id}/export": {"get"},
    "/api/v1/recruitments/{recruitment_id}/legal-holds": {"get", "post"},
    "/api/v1/legal-holds/{hold_id}/lift": {"post"},
}


@pytest.fixture
def openapi() -> dict:
    response = Client().get(f"{BASE}/openapi.json")
    assert response.status_code == 200
    return response.json()


def _properties(openapi: dict, name: str) -> set[str]:
    return set(openapi["components"]["schemas"][name]["properties"])


def test_openapi_lists_the_contract_paths(openapi):
    assert openapi["info"]["title"] == "Återkoppla API"
    assert openapi["info"]["version"] == "1"
    paths = {path: set(operations) for path, operations in openapi["paths"].items()}
    for path, methods in CONTRACT_PATHS.items():
        assert methods <= paths.get(path, set()), path


def test_openapi_has_the_contract_fields(openapi):
    assert {
        "title",
        "description",
        "language",
        "application_deadline",
        "first_reply_by",
        "criteria",
    } <= _properties(openapi, "RecruitmentIn")
    assert {"name", "description", "kind", "category", "weight"} <= _properties(
        openapi, "CriterionIn"
    )
    assert {"user_id", "role"} <= _properties(openapi, "TeamMemberIn")
    assert {"candidate", "merits"} <= _properties(openapi, "ApplicationIn")
    assert {"first_name", "last_name", "email", "phone", "language"} <= _properties(
        openapi, "CandidateIn"
    )
    assert {"education", "experience", "other"} <= _properties(openapi, "MeritsIn")
    assert {"id", "stage", "reply_by", "portal_url"} <= _properties(
        openapi, "ApplicationCreatedOut"
    )
    assert {
        "id",
        "candidate",
        "stage",
        "reply_by",
        "interviewed",
        "outcome",
        "timeline",
    } <= _properties(openapi, "ApplicationOut")
    assert {"at", "kind", "actor"} <= _properties(openapi, "TimelineEventOut")
    assert {"id", "username"} <= _properties(openapi, "MeOut")
    roles = openapi["components"]["schemas"]["TeamMemberIn"]["properties"]["role"]["enum"]
    assert set(roles) == {"owner", "recruiter", "hiring_manager", "interviewer"}


def test_openapi_has_the_decision_fields(openapi):
    assert {"hired", "reserve", "reserve_until", "rejections"} <= _properties(openapi, "DecisionIn")
    assert {"application_id", "decisive_criteria", "explanation"} <= _properties(
        openapi, "RejectionIn"
    )
    assert {"decision_id", "hired", "reserve", "calls", "written", "warnings"} <= _properties(
        openapi, "DecisionOut"
    )
    assert {"answers", "application_id", "rows", "decisive"} <= _properties(openapi, "CallSheetOut")
    assert {"q1", "q2", "q3"} <= _properties(openapi, "AnswersOut")
    assert {"outcome", "notes", "summary_requested"} <= _properties(openapi, "AttemptIn")
    assert {
        "id",
        "application_id",
        "candidate",
        "recruitment",
        "due",
        "status",
        "assigned_to",
        "callback_at",
        "attempts",
    } <= _properties(openapi, "CallTaskOut")
    sheet = openapi["paths"]["/api/v1/applications/{application_id}/call-sheet"]["get"]
    assert {"application/json", "application/pdf"} <= set(sheet["responses"]["200"]["content"])


def test_openapi_declares_bearer_tokens(openapi):
    schemes = openapi["components"]["securitySchemes"]
    assert [scheme["scheme"] for scheme in schemes.values()] == ["bearer"]


def test_docs_page_loads_nothing_from_a_cdn():
    response = ApiClient(None).get("/docs")
    if api.docs_url is None:
        # ninja would pull Swagger UI from a CDN unless it is an installed app.
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}
    else:
        assert response.status_code == 200
        assert not re.search(rb"(?:src|href)=[\"'][^\"']*cdn", response.content, re.IGNORECASE)


def test_index_points_to_the_schema():
    assert Client().get(f"{BASE}/").json() == {
        "name": "Återkoppla API",
        "version": "1",
        "openapi": f"{BASE}/openapi.json",
    }


def test_me(api_as, owner):
    assert api_as(owner).get("/me").json() == {
        "id": owner.pk,
        "username": "owner",
        "name": "Olivia Ägare",
        "email": "",
    }


def test_create_recruitment_makes_the_caller_owner(api_as, member):
    response = api_as(as_recruiter(member)).post("/recruitments", recruitment_body())

    assert response.status_code == 201
    data = response.json()
    recruitment = Recruitment.objects.get(pk=data["id"])
    assert recruitment.owner == member
    assert recruitment.memberships.get().role == TeamMembership.Role.OWNER
    assert data["title"] == "Truckförare"
    assert data["status"] == "draft"
    assert data["application_deadline"] == "2026-12-15"
    assert data["first_reply_by"] == "2026-12-22"
    assert data["owner_id"] == member.pk
    assert [c["name"] for c in data["criteria"]] == ["Truckkort A+B", "Erfarenhet av lager"]
    assert [c["id"] for c in data["criteria"]] == list(
        recruitment.criteria.values_list("id", flat=True)
    )
    first = data["criteria"][0]
    assert first | {"id": 0} == {
        "id": 0,
        "name": "Truckkort A+B",
        "description": "Giltigt truckkort.",
        "kind": "must",
        "category": "education",
        "weight": 5,
        "order": 0,
        "job_task": "",
    }
    assert data["stage_counts"] == dict.fromkeys(Application.Stage.values, 0)


def test_create_recruitment_with_the_optional_fields(api_as, owner):
    body = recruitment_body(
        job_tasks="Köra truck\nTa emot gods",
        status="open",
        location="Jönköping",
        remote=True,
        employment_type="PART_TIME",
        criteria=[{"name": "Truckkort", "job_task": "Köra truck"}],
    )
    data = api_as(owner).post("/recruitments", body).json()

    recruitment = Recruitment.objects.get(pk=data["id"])
    assert recruitment.job_task_list() == ["Köra truck", "Ta emot gods"]
    assert recruitment.status == "open"
    assert recruitment.published_at is not None
    assert (recruitment.location, recruitment.remote) == ("Jönköping", True)
    assert recruitment.employment_type == "PART_TIME"
    criterion = recruitment.criteria.get()
    # The defaults a criterion gets when the body leaves them out.
    assert (criterion.kind, criterion.category, criterion.weight) == ("must", "experience", 3)
    assert criterion.job_task == "Köra truck"


def test_recruitment_detail_counts_applications_per_stage(api_as, member, owner, recruitment):
    received = [
        api_as(owner).post(
            f"/recruitments/{recruitment.pk}/applications",
            application_body(email=f"person{n}@example.se"),
        )
        for n in range(3)
    ]
    applications_close(
        applications=[Application.objects.get(pk=received[0].json()["id"])],
        outcome="rejected",
        by=owner,
    )

    data = api_as(member).get(f"/recruitments/{recruitment.pk}").json()

    assert data["stage_counts"] == dict.fromkeys(Application.Stage.values, 0) | {
        "received": 2,
        "rejected": 1,
    }
    assert [c["name"] for c in data["criteria"]] == [
        "Truckkort A+B",
        "Erfarenhet av lagerarbete",
        "Noggrannhet",
    ]


def test_recruitment_list_holds_only_the_callers(api_as, outsider, site_admin, recruitment):
    own = api_as(as_recruiter(outsider)).post("/recruitments", recruitment_body(title="Eget"))
    own = own.json()

    listed = api_as(outsider).get("/recruitments").json()
    assert [r["id"] for r in listed] == [own["id"]]
    assert {r["id"] for r in api_as(site_admin).get("/recruitments").json()} == {
        own["id"],
        recruitment.pk,
    }


def test_add_team_member(api_as, owner, recruitment):
    newcomer = User.objects.create_user(username="newcomer")
    response = api_as(owner).post(
        f"/recruitments/{recruitment.pk}/team", {"user_id": newcomer.pk, "role": "hiring_manager"}
    )

    assert response.status_code == 201
    membership = recruitment.memberships.get(user=newcomer)
    assert membership.role == "hiring_manager"
    data = response.json()
    assert data | {"added_at": None} == {
        "id": membership.pk,
        "recruitment_id": recruitment.pk,
        "user_id": newcomer.pk,
        "username": "newcomer",
        "role": "hiring_manager",
        "added_at": None,
    }


def test_owner_role_is_refused(api_as, owner, outsider, recruitment):
    response = api_as(owner).post(
        f"/recruitments/{recruitment.pk}/team", {"user_id": outsider.pk, "role": "owner"}
    )

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "role": ["A recruitment has exactly one owner; choose another role."]
    }
    assert not recruitment.memberships.filter(user=outsider).exists()


@pytest.mark.parametrize("user_id", ["unknown", "inactive"])
def test_team_member_must_be_an_active_user(api_as, owner, outsider, recruitment, user_id):
    outsider.is_active = False
    outsider.save(update_fields=["is_active"])
    pk = outsider.pk if user_id == "inactive" else outsider.pk + 100

    response = api_as(owner).post(
        f"/recruitments/{recruitment.pk}/team", {"user_id": pk, "role": "recruiter"}
    )

    assert response.status_code == 422
    assert response.json()["errors"] == {"user_id": ["There is no active user with that id."]}


def test_adding_someone_already_on_the_team_is_a_conflict(api_as, owner, interviewer, recruitment):
    response = api_as(owner).post(
        f"/recruitments/{recruitment.pk}/team", {"user_id": interviewer.pk, "role": "recruiter"}
    )

    assert response.status_code == 409
    assert response.json() == {"detail": "This person is already on the team."}
    assert recruitment.memberships.get(user=interviewer).role == "interviewer"


@pytest.mark.usefixtures("nov_25")
def test_receive_application(api_as, member, recruitment):
    response = api_as(member).post(
        f"/recruitments/{recruitment.pk}/applications", application_body()
    )

    assert response.status_code == 201
    application = Application.objects.get()
    body = response.json()
    portal_url = body.pop("portal_url")
    assert body == {
        "id": application.pk,
        "recruitment_id": recruitment.pk,
        "stage": "received",
        "reply_by": "2026-12-18",
    }
    # A working private link to the candidate's page.
    token = portal_url.rstrip("/").rsplit("/", 1)[1]
    assert application_for_token(token) == application
    assert Client().get(portal_url.removeprefix("http://127.0.0.1:8000")).status_code == 200
    assert "Idempotent-Replayed" not in response
    assert application.source == Application.Source.API
    assert application.candidate.phone == "+46735551234"
    assert application.candidate.language == "en"
    # Merits sent as text, as older clients do: split into their parts.
    assert [
        (m.kind, m.role, m.field, m.organisation, m.to_year) for m in application.merits.all()
    ] == [
        ("education", "", "truckkort A+B", "", 2019),
        ("experience", "lagerarbetare", "", "PostNord", 2024),
    ]
    event = application.timeline.get(kind="received")
    assert event.actor_user == member
    assert application.messages.get().kind == "acknowledgement"


def test_receive_application_with_only_the_required_fields(api_as, owner, recruitment):
    body = {"candidate": {"first_name": "Ada", "last_name": "Berg"}}
    response = api_as(owner).post(f"/recruitments/{recruitment.pk}/applications", body)

    assert response.status_code == 201
    application = Application.objects.get(pk=response.json()["id"])
    assert application.candidate.email == ""
    assert not application.merits.exists()


@pytest.mark.usefixtures("nov_25")
def test_application_detail(api_as, hiring_manager, owner, application):
    applications_close(applications=[application], outcome="rejected", by=owner)

    data = api_as(hiring_manager).get(f"/applications/{application.pk}").json()

    assert data["id"] == application.pk
    assert data["recruitment_id"] == application.recruitment_id
    assert data["candidate"] == {
        "first_name": "Sara",
        "last_name": "Ek",
        "email": "sara.ek@example.se",
        "phone": "+46701234567",
        "language": "sv",
    }
    assert data["stage"] == "rejected"
    assert data["reply_by"] == "2026-12-18"
    assert data["interviewed"] is False
    assert data["outcome"] == "rejected"
    assert data["source"] == "manual"
    assert data["merits"]["education"] == [
        {
            "id": application.merits.get(kind="education").pk,
            "role": "",
            "field": "truckkort A+B",
            "level": "",
            "length": None,
            "organisation": "",
            "from_year": None,
            "to_year": 2021,
            "needs_review": False,
            "written_as": "",
            "phrases": {"sv": "truckkort A+B", "en": "truckkort A+B"},
        }
    ]
    assert [(e["kind"], e["actor"], e["actor_name"]) for e in data["timeline"]] == [
        ("received", "user", "Olivia Ägare"),
        ("message_queued", "system", None),
        ("stage_changed", "user", "Olivia Ägare"),
    ]
    first = data["timeline"][0]
    # JSON times carry milliseconds.
    at = dt.datetime.fromisoformat(first["at"])
    assert abs(at - application.received_at) < dt.timedelta(milliseconds=1)
    assert first["summary"]


def test_open_application_has_no_outcome(api_as, owner, application):
    assert api_as(owner).get(f"/applications/{application.pk}").json()["outcome"] is None


def test_reading_an_application_takes_a_fixed_number_of_queries(
    api_as, owner, application, django_assert_num_queries
):
    client = api_as(owner)
    client.get("/me")  # the first use of a token records it; the next ones within a minute not
    for stage in ("screening", "interview"):
        application_move(application=application, to_stage=stage, by=owner)
    # The token; the application with candidate and recruitment; the timeline with its
    # actors; the caller's role on the team; the merits.
    with django_assert_num_queries(5):
        response = client.get(f"/applications/{application.pk}")
    # received, acknowledgement, two moves, two status updates
    assert len(response.json()["timeline"]) == 6


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("first_name", "Flood https://evil.example/prize", "web address"),
        ("last_name", "Nilsson\nBcc: all@example.se", "line breaks"),
    ],
)
def test_a_name_with_a_web_address_or_a_line_break_is_refused(
    api_as, owner, recruitment, field, value, says
):
    response = api_as(owner).post(
        f"/recruitments/{recruitment.pk}/applications", application_body(**{field: value})
    )
    assert response.status_code == 422
    assert response.json()["detail"] == f"Invalid input in: candidate.{field}."
    [message] = response.json()["errors"][f"candidate.{field}"]
    assert says in message
    assert not message.startswith("Value error")
    assert not Application.objects.filter(candidate__last_name__startswith="Nilsson").exists()


def test_an_interviewer_counts_only_the_applications_of_their_interviews(
    api_as, owner, interviewer, member, recruitment, interview
):
    """As on the pipeline page: an interviewer does not learn how many applied or were turned
    down, only how many of the applications they interview are in each stage."""
    for number in range(3):
        api_as(owner).post(
            f"/recruitments/{recruitment.pk}/applications",
            application_body(email=f"sokande{number}@example.se"),
        )
    counts = api_as(interviewer).get(f"/recruitments/{recruitment.pk}").json()["stage_counts"]
    assert counts == dict.fromkeys(Application.Stage.values, 0) | {"interview": 1}
    everyone = api_as(member).get(f"/recruitments/{recruitment.pk}").json()["stage_counts"]
    assert everyone == dict.fromkeys(Application.Stage.values, 0) | {
        "interview": 1,
        "received": 3,
    }


def test_a_first_answer_date_years_ahead_is_refused(api_as, owner):
    response = api_as(owner).post(
        "/recruitments", recruitment_body(first_reply_by="9999-12-31", status="draft")
    )
    assert response.status_code == 422, response.content
    assert "too far ahead" in response.json()["errors"]["first_reply_by"][0]
    assert not Recruitment.objects.exists()
