"""The recruitment's status in the API: read it, change it through the rule, clear errors."""

from __future__ import annotations

import pytest

from aterkoppla.api.tests.helpers import recruitment_body
from aterkoppla.applications.models import Application
from aterkoppla.applications.services import application_move
from aterkoppla.decisions.services import decision_record
from aterkoppla.recruitment.models import Recruitment
from aterkoppla.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db

Status = Recruitment.Status


@pytest.fixture
def owner_api(api_as, owner):
    return api_as(owner)


def _moves(recruitment: Recruitment) -> list[dict]:
    events = TimelineEvent.objects.filter(recruitment=recruitment, kind="recruitment_status")
    return [e.data for e in events.order_by("id")]


@pytest.fixture
def decided(recruitment, owner, application) -> Recruitment:
    application_move(application=application, to_stage=Application.Stage.INTERVIEW, by=owner)
    decision_record(recruitment=recruitment, by=owner, hired=[application.pk])
    recruitment.refresh_from_db()
    assert recruitment.status == Status.COMPLETED  # the only applicant, hired
    return recruitment


def test_status_is_read_on_the_recruitment_and_the_list(owner_api, recruitment):
    assert owner_api.get(f"/recruitments/{recruitment.pk}").json()["status"] == "open"
    listed = owner_api.get("/recruitments").json()
    assert [(r["id"], r["status"]) for r in listed] == [(recruitment.pk, "open")]


def test_a_decision_with_a_hire_shows_in_the_status(owner_api, decided):
    assert owner_api.get(f"/recruitments/{decided.pk}").json()["status"] == "completed"


def test_closing_and_reopening(owner_api, recruitment):
    response = owner_api.patch(f"/recruitments/{recruitment.pk}", {"status": "closed"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "closed"
    assert body["criteria"] and body["stage_counts"]
    response = owner_api.patch(f"/recruitments/{recruitment.pk}", {"status": "open"})
    assert response.json()["status"] == "open"
    assert _moves(recruitment)[-2:] == [
        {"from": "open", "to": "closed"},
        {"from": "closed", "to": "open"},
    ]


def test_publishing_a_draft_sets_published_at(owner_api):
    created = owner_api.post("/recruitments", recruitment_body()).json()
    assert (created["status"], created["published_at"]) == ("draft", None)
    published = owner_api.patch(f"/recruitments/{created['id']}", {"status": "open"}).json()
    assert published["status"] == "open" and published["published_at"]


@pytest.mark.parametrize(
    ("status", "words"),
    [
        ("decided", "decision with a hire"),
        ("completed", "final answer"),
        ("draft", "cannot become a draft"),
    ],
)
def test_a_move_the_rule_does_not_allow_is_409(owner_api, recruitment, status, words):
    response = owner_api.patch(f"/recruitments/{recruitment.pk}", {"status": status})
    assert response.status_code == 409
    assert words in response.json()["detail"]
    recruitment.refresh_from_db()
    assert recruitment.status == Status.OPEN
    assert _moves(recruitment) == [{"from": "draft", "to": "open"}]


def test_reopening_a_decided_recruitment_needs_a_reason(owner_api, decided):
    url = f"/recruitments/{decided.pk}"
    response = owner_api.patch(url, {"status": "open"})
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "Invalid input in: reason."
    assert "Say why" in body["errors"]["reason"][0]
    assert Recruitment.objects.get(pk=decided.pk).status == Status.COMPLETED
    response = owner_api.patch(url, {"status": "open", "reason": "The person hired withdrew."})
    assert response.status_code == 200
    assert response.json()["status"] == "open"
    assert _moves(decided)[-1] == {
        "from": "completed",
        "to": "open",
        "reason": "The person hired withdrew.",
    }


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "status"),
        ({"status": "published"}, "status"),
        ({"status": "open", "reason": 5}, "reason"),
        ({"status": "open", "reason": "x" * 1001}, "reason"),
    ],
)
def test_bad_input_is_422(owner_api, recruitment, body, field):
    response = owner_api.patch(f"/recruitments/{recruitment.pk}", body)
    assert response.status_code == 422
    assert field in response.json()["errors"]


def test_a_body_that_is_not_json_is_400(owner_api, recruitment):
    response = owner_api.client.patch(
        f"/api/v1/recruitments/{recruitment.pk}",
        data="status=closed",
        content_type="application/x-www-form-urlencoded",
        headers=owner_api.headers,
    )
    assert response.status_code == 400
    assert response.json()["detail"]


def test_a_new_recruitment_cannot_start_closed(owner_api):
    response = owner_api.post("/recruitments", recruitment_body(status="closed"))
    assert response.status_code == 422
    assert "status" in response.json()["errors"]
    assert not Recruitment.objects.exists()
