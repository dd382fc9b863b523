"""Errors are JSON ``{"detail"}`` with a 4xx status, whatever the body: never a 500."""

from __future__ import annotations

import json

import pytest

from aterkoppla.api.tests.helpers import ApiClient, application_body, recruitment_body
from aterkoppla.applications.models import Application, Candidate
from aterkoppla.recruitment.models import Recruitment, TeamMembership

pytestmark = pytest.mark.django_db

NOT_JSON = [
    pytest.param("this is not json", id="text"),
    pytest.param(b"\xff\xfe\xfa\x00{", id="not-utf8"),
    pytest.param('{"title": "x",}', id="trailing-comma"),
    pytest.param("[" * 100_000, id="deeply-nested"),
    pytest.param('{"title": "x"', id="cut-off"),
]

# Bodies that are JSON but not what a route takes.
NOT_AN_OBJECT = [
    pytest.param("[]", id="array"),
    pytest.param("null", id="null"),
    pytest.param('"Truckförare"', id="string"),
    pytest.param("123", id="number"),
    pytest.param("true", id="boolean"),
]

BAD_RECRUITMENTS = [
    pytest.param({}, "title", id="empty-object"),
    pytest.param({"title": None}, "title", id="null-title"),
    pytest.param({"title": "   "}, "title", id="blank-title"),
    pytest.param({"title": 42}, "title", id="number-title"),
    pytest.param({"title": ["a"]}, "title", id="list-title"),
    pytest.param({"title": "x" * 100_000}, "title", id="huge-title"),
    pytest.param({"title": "Null\x00byte"}, "title", id="nul-in-title"),
    pytest.param({"title": "\ud800"}, "title", id="lone-surrogate"),
    pytest.param({"title": "x", "language": "de"}, "language", id="unknown-language"),
    pytest.param({"title": "x", "status": "published"}, "status", id="unknown-status"),
    pytest.param({"title": "x", "remote": "yes"}, "remote", id="text-boolean"),
    pytest.param({"title": "x", "application_deadline": "2026-02-30"}, "application_deadline"),
    pytest.param({"title": "x", "application_deadline": "tomorrow"}, "application_deadline"),
    pytest.param({"title": "x", "application_deadline": 20261210}, "application_deadline"),
    pytest.param({"title": "x", "first_reply_by": "99999-01-01"}, "first_reply_by"),
    pytest.param({"title": "x", "criteria": "Truckkort"}, "criteria", id="criteria-text"),
    pytest.param({"title": "x", "criteria": [None]}, "criteria.0", id="criteria-null"),
    pytest.param({"title": "x", "criteria": [{}]}, "criteria.0.name", id="criterion-no-name"),
    pytest.param({"title": "x", "criteria": [{"name": "A", "weight": -3}]}, "criteria.0.weight"),
    pytest.param({"title": "x", "criteria": [{"name": "A", "weight": 6}]}, "criteria.0.weight"),
    pytest.param({"title": "x", "criteria": [{"name": "A", "weight": "3"}]}, "criteria.0.weight"),
    pytest.param({"title": "x", "criteria": [{"name": "A", "weight": 3.5}]}, "criteria.0.weight"),
    pytest.param(
        {"title": "x", "criteria": [{"name": "A", "weight": 10**40}]}, "criteria.0.weight"
    ),
    pytest.param({"title": "x", "criteria": [{"name": "A", "kind": "should"}]}, "criteria.0.kind"),
    pytest.param(
        {"title": "x", "criteria": [{"name": "A", "category": "looks"}]},
        "criteria.0.category",
    ),
    pytest.param(
        {"title": "x", "criteria": [{"name": "Truckkort"}, {"name": "TRUCKKORT"}]},
        "criteria",
        id="same-name-twice",
    ),
]

BAD_APPLICATIONS = [
    pytest.param({}, "candidate", id="no-candidate"),
    pytest.param({"candidate": None}, "candidate", id="null-candidate"),
    pytest.param({"candidate": []}, "candidate", id="list-candidate"),
    pytest.param({"candidate": "Erik"}, "candidate", id="text-candidate"),
    pytest.param({"candidate": {"first_name": "Erik"}}, "candidate.last_name"),
    pytest.param(application_body(language="fi"), "candidate.language"),
    pytest.param(application_body(phone="ring mig"), "candidate.phone"),
    pytest.param(application_body(email="nope"), "candidate.email"),
    pytest.param(application_body(email="x" * 300 + "@example.se"), "candidate.email"),
    pytest.param(application_body(first_name="\x00"), "candidate.first_name"),
    pytest.param(application_body() | {"merits": []}, "merits", id="list-merits"),
    pytest.param(application_body() | {"merits": None}, "merits", id="null-merits"),
    pytest.param(application_body() | {"merits": {"education": "Gymnasiet"}}, "merits.education"),
    pytest.param(application_body() | {"merits": {"education": [1]}}, "merits.education.0"),
]


def _counts() -> tuple[int, ...]:
    return (
        Recruitment.objects.count(),
        Application.objects.count(),
        Candidate.objects.count(),
        TeamMembership.objects.count(),
    )


@pytest.fixture
def owner_api(api_as, owner):
    return api_as(owner)


@pytest.fixture
def write_paths(recruitment) -> list[str]:
    return [
        "/recruitments",
        f"/recruitments/{recruitment.pk}/team",
        f"/recruitments/{recruitment.pk}/applications",
    ]


def _assert_error(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert isinstance(data["detail"], str)
    assert data["detail"]
    return data


@pytest.mark.parametrize("raw", NOT_JSON)
def test_a_body_that_is_not_json_is_400(owner_api, write_paths, raw):
    before = _counts()
    for path in write_paths:
        data = _assert_error(owner_api.post(path, raw=raw), 400)
        assert data == {"detail": "The request body is not valid JSON."}
    assert _counts() == before


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
def test_a_body_sent_as_another_content_type_is_400(owner_api, write_paths, content_type):
    before = _counts()
    for path in write_paths:
        response = owner_api.post(
            path, raw=json.dumps(recruitment_body()), content_type=content_type
        )
        _assert_error(response, 400)
    assert _counts() == before


@pytest.mark.parametrize("raw", NOT_AN_OBJECT)
def test_a_body_that_is_not_an_object_is_422(owner_api, write_paths, raw):
    before = _counts()
    for path in write_paths:
        data = _assert_error(owner_api.post(path, raw=raw), 422)
        assert data["errors"] == {"__all__": ["The request body must be a JSON object."]}
    assert _counts() == before


def test_a_missing_body_is_422(owner_api, write_paths):
    for path in write_paths:
        data = _assert_error(owner_api.post(path, raw=""), 422)
        assert "__all__" in data["errors"]


def test_a_body_over_the_size_limit_is_400(owner_api, settings, recruitment):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = application_body() | {"merits": {"other": ["x" * 2000]}}
    response = owner_api.post(f"/recruitments/{recruitment.pk}/applications", body)
    assert _assert_error(response, 400) == {"detail": "The request body is too large."}


@pytest.mark.parametrize(("body", "field"), BAD_RECRUITMENTS)
def test_invalid_recruitment_is_422_with_the_field(owner_api, body, field):
    before = _counts()
    data = _assert_error(owner_api.post("/recruitments", body), 422)
    assert field in data["errors"], data
    assert all(isinstance(m, str) for messages in data["errors"].values() for m in messages)
    assert _counts() == before


def test_a_promise_before_the_deadline_is_refused_by_the_service(owner_api):
    body = recruitment_body(application_deadline="2026-12-15", first_reply_by="2026-12-01")
    data = _assert_error(owner_api.post("/recruitments", body), 422)
    message = "The promised answer date cannot be before the application deadline."
    assert data == {"detail": message, "errors": {"__all__": [message]}}


@pytest.mark.parametrize(("body", "field"), BAD_APPLICATIONS)
def test_invalid_application_is_422_with_the_field(owner_api, recruitment, body, field):
    before = _counts()
    response = owner_api.post(f"/recruitments/{recruitment.pk}/applications", body)
    data = _assert_error(response, 422)
    assert field in data["errors"], data
    assert data["detail"].startswith("Invalid input in: ")
    assert _counts() == before


def test_service_errors_are_named_by_their_place_in_the_body(owner_api, recruitment):
    body = application_body(phone="ring mig", email="nope")
    data = owner_api.post(f"/recruitments/{recruitment.pk}/applications", body).json()
    assert data["errors"] == {"candidate.phone": ["“ring mig” is not a phone number we can call."]}


@pytest.mark.parametrize(
    "body",
    [
        {"user_id": "1", "role": "recruiter"},
        {"user_id": 0, "role": "recruiter"},
        {"user_id": 2**70, "role": "recruiter"},
        {"user_id": None, "role": "recruiter"},
        {"user_id": 1, "role": "boss"},
        {"user_id": 1},
        {"role": "recruiter"},
    ],
)
def test_invalid_team_member_is_422(owner_api, recruitment, body):
    before = _counts()
    _assert_error(owner_api.post(f"/recruitments/{recruitment.pk}/team", body), 422)
    assert _counts() == before


def test_the_same_person_applying_twice_is_a_conflict(owner_api, recruitment, application):
    body = application_body(email="SARA.EK@example.se", first_name="Sara", last_name="Ek")
    response = owner_api.post(f"/recruitments/{recruitment.pk}/applications", body)

    assert _assert_error(response, 409) == {
        "detail": "This person has already applied to this recruitment."
    }
    assert Application.objects.count() == 1


@pytest.mark.parametrize(
    "path",
    [
        "/recruitments/abc",
        "/recruitments/0",
        "/recruitments/-1",
        "/recruitments/1.5",
        f"/recruitments/{2**63}",
        f"/recruitments/{2**63 - 1}",
        "/applications/%00",
        "/applications/999999",
    ],
)
def test_an_id_that_names_nothing_is_404(owner_api, recruitment, path):
    assert _assert_error(owner_api.get(path), 404) == {"detail": "Not found."}


def test_an_unknown_path_is_404_json(owner_api):
    assert _assert_error(owner_api.get("/nothing/here"), 404) == {"detail": "Not found."}
    assert _assert_error(ApiClient(None).get("/me/"), 404) == {"detail": "Not found."}


@pytest.mark.parametrize("method", ["PUT", "DELETE"])
def test_a_method_a_path_lacks_is_405_json(owner_api, recruitment, method):
    response = owner_api.request(method, f"/recruitments/{recruitment.pk}")
    assert _assert_error(response, 405)
    assert sorted(response["Allow"].split(", ")) == ["GET", "PATCH"]


def test_the_idempotency_key_header_is_validated(owner_api, recruitment):
    response = owner_api.post(
        f"/recruitments/{recruitment.pk}/applications",
        application_body(),
        **{"Idempotency-Key": "k" * 256},
    )
    data = _assert_error(response, 422)
    assert "Idempotency-Key" in data["errors"]
    assert not Application.objects.exists()
