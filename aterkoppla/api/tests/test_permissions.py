"""Every API route, for every kind of caller: the same access rules as the UI.

Team members read; the owner, a recruiter and a site admin change things; others on the team
get 403; outsiders get 404 (nothing says the recruitment exists). Without a live token of an
active user there is only 401.
"""

from __future__ import annotations

import pytest
from django.test import Client

from aterkoppla.accounts.models import ApiToken, User
from aterkoppla.api.tests.helpers import BASE, ApiClient, application_body, recruitment_body
from aterkoppla.applications.models import Application
from aterkoppla.recruitment.models import Recruitment, TeamMembership

pytestmark = pytest.mark.django_db

# (method, path, body, who may): "anyone" is any user with a token (their own data);
# "view" is every team member; "manage" the owner, a recruiter and a site admin.
ROUTES = [
    ("GET", "/me", None, "anyone"),
    ("GET", "/recruitments", None, "anyone"),
    ("POST", "/recruitments", "recruitment", "anyone"),
    ("GET", "/recruitments/{recruitment}", None, "view"),
    ("POST", "/recruitments/{recruitment}/team", "team", "manage"),
    ("POST", "/recruitments/{recruitment}/applications", "application", "manage"),
    ("GET", "/applications/{application}", None, "view"),
]


@pytest.fixture
def newcomer(db) -> User:
    return User.objects.create_user(username="newcomer", first_name="Nora", last_name="Ny")


@pytest.fixture
def call(recruitment, application, newcomer):
    """``call(client, method, path, body)`` with the placeholders filled in."""

    bodies = {
        "recruitment": recruitment_body,
        "team": lambda: {"user_id": newcomer.pk, "role": "interviewer"},
        "application": application_body,
    }

    def run(client: ApiClient, method: str, path: str, body: str | None):
        path = path.format(recruitment=recruitment.pk, application=application.pk)
        if method == "GET":
            return client.get(path)
        return client.post(path, bodies[body]())

    return run


def _created_something(before: dict[str, int]) -> bool:
    return _counts() != before


def _counts() -> dict[str, int]:
    return {
        "recruitments": Recruitment.objects.count(),
        "applications": Application.objects.count(),
        "memberships": TeamMembership.objects.count(),
    }


@pytest.mark.parametrize(("method", "path", "body", "needs"), ROUTES)
@pytest.mark.parametrize("who", ["owner", "member", "site_admin"])
def test_owner_recruiter_and_site_admin_may(request, api_as, call, method, path, body, needs, who):
    response = call(api_as(request.getfixturevalue(who)), method, path, body)
    assert response.status_code == (200 if method == "GET" else 201), response.content


@pytest.mark.parametrize(("method", "path", "body", "needs"), ROUTES)
@pytest.mark.parametrize("who", ["hiring_manager", "interviewer"])
def test_other_team_roles_read_but_may_not_change(
    request, api_as, call, method, path, body, needs, who
):
    if who == "interviewer":
        # An interviewer sees the applications of the interviews they are on.
        request.getfixturevalue("interview")
    before = _counts()
    response = call(api_as(request.getfixturevalue(who)), method, path, body)
    if needs == "manage":
        assert response.status_code == 403
        assert response.json()["detail"]
        assert not _created_something(before)
    else:
        assert response.status_code == (200 if method == "GET" else 201)


@pytest.mark.parametrize(("method", "path", "body", "needs"), ROUTES)
def test_outsider_gets_404_for_recruitments_not_theirs(
    api_as, outsider, call, method, path, body, needs
):
    before = _counts()
    response = call(api_as(outsider), method, path, body)
    if needs == "anyone":
        assert response.status_code == (200 if method == "GET" else 201)
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
