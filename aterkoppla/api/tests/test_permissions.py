"""Every API route, for every kind of caller: the same access rules as the UI.

Team members read; the owner, a recruiter and a site admin change things; others on the team
get 403; outsiders get 404 (nothing says the recruitment exists). Deciding, the feedback calls
and their call sheets are for the roles that decide (the hiring manager too): an interviewer gets
403. Without a live token of an active user there is only 401.
"""

from __future__ import annotations

import pytest
from django.test import Client

from aterkoppla.accounts.models import ApiToken, User
from aterkoppla.api.tests.helpers import BASE, ApiClient, application_body, recruitment_body
from aterkoppla.applications.models import Application, Merit
from aterkoppla.decisions.models import CallAttempt, CallTask, Decision, DisclosureRequest
from aterkoppla.decisions.services import RejectionInput, decision_record
from aterkoppla.privacy.models import ErasureRequest
from aterkoppla.recruitment.models import Recruitment, TeamMembership
from tests.helpers import interview_held

pytestmark = pytest.mark.django_db

# (method, path, body, who may): "anyone" is any user with a token (their own data);
# "recruiter" a user with the organisation's recruiter role (``is_recruiter``: the owner
# fixture, not the team member) and site admins; "view" is every team member; "manage" the
# owner, a recruiter and a site admin; "decide" those and the hiring manager. "{task}" is a
# call task owed to ``application``'s candidate, rejected after an interview.
ROUTES = [
    ("GET", "/me", None, "anyone"),
    ("GET", "/recruitments", None, "anyone"),
    ("POST", "/recruitments", "recruitment", "recruiter"),
    ("GET", "/recruitments/{recruitment}", None, "view"),
    ("PATCH", "/recruitments/{recruitment}", "status", "manage"),
    ("POST", "/recruitments/{recruitment}/team", "team", "manage"),
    ("POST", "/recruitments/{recruitment}/applications", "application", "manage"),
    ("GET", "/applications/{application}", None, "view"),
    ("PUT", "/applications/{application}/merits", "merits", "decide"),
    ("POST", "/recruitments/{recruitment}/decision", "decision", "decide"),
    ("GET", "/applications/{application}/call-sheet", None, "decide"),
    ("GET", "/call-tasks?recruitment={recruitment}", None, "decide"),
    ("POST", "/call-tasks/{task}/attempts", "attempt", "decide"),
    ("POST", "/applications/{application}/disclosure-requests", "disclosure", "decide"),
    ("GET", "/applications/{application}/export", None, "manage"),
    ("GET", "/applications/{application}/export?format=pdf", None, "manage"),
    ("POST", "/applications/{application}/erasure-requests", "erasure", "manage"),
    ("GET", "/recruitments/{recruitment}/legal-holds", None, "view"),
]

# Routes that answer something other than 200 (GET, PATCH, PUT) or 201 (POST) on success.
SUCCESS = {
    ("POST", "/recruitments/{recruitment}/decision"): 200,
    ("PUT", "/applications/{application}/merits"): 200,
}


def _success(method: str, path: str) -> int:
    return SUCCESS.get((method, path), 201 if method == "POST" else 200)


def _needs_a_call(path: str) -> bool:
    # A call task; a request for written information needs the rejection it makes too.
    return "{task}" in path or path.endswith(("/call-sheet", "/disclosure-requests"))


@pytest.fixture
def newcomer(db) -> User:
    return User.objects.create_user(username="newcomer", first_name="Nora", last_name="Ny")


class Caller:
    """``call(client, method, path, body)`` with the placeholders filled in.

    ``call.prepare(path)`` makes what the path needs beforehand (a call task: ``application``
    interviewed and rejected), so that a test can count what exists before the request."""

    def __init__(self, recruitment: Recruitment, application: Application, newcomer: User):
        self.recruitment, self.application = recruitment, application
        self.bodies = {
            "recruitment": recruitment_body,
            "team": lambda: {"user_id": newcomer.pk, "role": "interviewer"},
            "application": application_body,
            "decision": lambda: {"rejections": [{"application_id": application.pk}]},
            "attempt": lambda: {"outcome": "no_answer"},
            "disclosure": lambda: {"via": "phone"},
            "erasure": lambda: {"via": "phone", "note": "Samtal 4 december"},
            "status": lambda: {"status": "closed"},
            "merits": lambda: {"experience": [{"role": "lagerarbetare", "length": {"years": 2}}]},
        }
        self.task: CallTask | None = None

    def prepare(self, path: str) -> None:
        if not _needs_a_call(path) or self.task is not None:
            return
        application, owner = self.application, self.recruitment.owner
        application.refresh_from_db()
        if not application.interviewed:
            application = interview_held(application)
        criterion = self.recruitment.criteria.first()
        decision_record(
            recruitment=self.recruitment,
            by=owner,
            rejections=[RejectionInput(application.pk, (criterion.pk,), "Mindre erfarenhet.")],
        )
        self.task = CallTask.objects.get(application=application)

    def __call__(self, client: ApiClient, method: str, path: str, body: str | None):
        self.prepare(path)
        path = path.format(
            recruitment=self.recruitment.pk,
            application=self.application.pk,
            task=self.task.pk if self.task else 0,
        )
        if method == "GET":
            return client.get(path)
        if method == "PATCH":
            return client.patch(path, self.bodies[body]())
        if method == "PUT":
            return client.put(path, self.bodies[body]())
        return client.post(path, self.bodies[body]())


@pytest.fixture
def call(recruitment, application, newcomer) -> Caller:
    return Caller(recruitment, application, newcomer)


def _created_something(before: dict[str, int]) -> bool:
    return _counts() != before


def _counts() -> dict[str, int]:
    return {
        "recruitments": Recruitment.objects.count(),
        "applications": Application.objects.count(),
        "memberships": TeamMembership.objects.count(),
        "decisions": Decision.objects.count(),
        "call_attempts": CallAttempt.objects.count(),
        "closed": Recruitment.objects.filter(status=Recruitment.Status.CLOSED).count(),
        "merits": Merit.objects.count(),
        "disclosures": DisclosureRequest.objects.count(),
        "erasures": ErasureRequest.objects.count(),
    }


@pytest.mark.parametrize(("method", "path", "body", "needs"), ROUTES)
@pytest.mark.parametrize("who", ["owner", "member", "site_admin"])
def test_owner_recruiter_and_site_admin_may(request, api_as, call, method, path, body, needs, who):
    before = _counts()
    response = call(api_as(request.getfixturevalue(who)), method, path, body)
    if needs == "recruiter" and who == "member":
        # A recruiter on one team has not been given the organisation's role.
        assert response.status_code == 403
        assert "recruiter" in response.json()["detail"]
        assert not _created_something(before)
    else:
        assert response.status_code == _success(method, path), response.content


@pytest.mark.parametrize(("method", "path", "body", "needs"), ROUTES)
@pytest.mark.parametrize("who", ["hiring_manager", "interviewer"])
def test_other_team_roles_read_but_may_not_change(
    request, api_as, call, method, path, body, needs, who
):
    if who == "interviewer":
        # An interviewer sees the applications of the interviews they are on.
        request.getfixturevalue("interview")
    call.prepare(path)
    before = _counts()
    response = call(api_as(request.getfixturevalue(who)), method, path, body)
    if needs in ("manage", "recruiter") or (needs == "decide" and who == "interviewer"):
        assert response.status_code == 403
        assert response.json()["detail"]
        assert not _created_something(before)
    else:
        assert response.status_code == _success(method, path), response.content


@pytest.mark.parametrize(("method", "path", "body", "needs"), ROUTES)
def test_outsider_gets_404_for_recruitments_not_theirs(
    api_as, outsider, call, method, path, body, needs
):
    call.prepare(path)
    before = _counts()
    response = call(api_as(outsider), method, path, body)
    if needs == "anyone":
        assert response.status_code == _success(method, path)
    elif needs == "recruiter":
        assert response.status_code == 403
        assert "recruiter" in response.json()["detail"]
        assert not _created_something(before)
    else:
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}
        assert not _created_something(before)


def _assert_401(response) -> None:
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


@pytest.mark.parametrize(("method", "path", "body", "needs"), ROUTES)
def test_no_token_gets_401(call, method, path, body, needs):
    call.prepare(path)
    before = _counts()
    _assert_401(call(ApiClient(None), method, path, body))
    assert not _created_something(before)


@pytest.mark.parametrize(("method", "path", "body", "needs"), ROUTES)
def test_revoked_token_gets_401(owner, call, method, path, body, needs):
    token, key = ApiToken.issue(user=owner, name="Old")
    token.revoke()
    _assert_401(call(ApiClient(key), method, path, body))


@pytest.mark.parametrize(("method", "path", "body", "needs"), ROUTES)
def test_token_of_inactive_user_gets_401(member, call, method, path, body, needs):
    _token, key = ApiToken.issue(user=member, name="Left the company")
    member.is_active = False
    member.save(update_fields=["is_active"])
    _assert_401(call(ApiClient(key), method, path, body))


@pytest.mark.parametrize(
    "header",
    [
        "Bearer ak_not-a-real-token",
        "Bearer ",
        "Bearer",
        "Token ak_x",
        "Basic b3duZXI6dGVzdC1wYXNzd29yZA==",
        "Bearer " + "ak_" + "x" * 10_000,
    ],
)
def test_unknown_or_malformed_token_gets_401(owner, header):
    response = Client().get(f"{BASE}/me", headers={"Authorization": header})
    _assert_401(response)


def test_signed_in_browser_without_token_gets_401(client_for, owner):
    # The session cookie is not an API credential: no CSRF exposure through the API.
    _assert_401(client_for(owner).get(f"{BASE}/me"))


def test_token_works_in_either_case_of_the_scheme(owner, token_for):
    key = token_for(owner)
    response = Client().get(f"{BASE}/me", headers={"Authorization": f"bearer {key}"})
    assert response.status_code == 200
