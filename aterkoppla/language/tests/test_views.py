"""The live check endpoint and the override log: who may use them, and bad input."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.urls import reverse

from aterkoppla.language.models import Policy, Where
from aterkoppla.language.review import record_override, review

pytestmark = pytest.mark.django_db

URL = "/language/check/"


def _post(client, body, content_type="application/json"):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(URL, data, content_type=content_type)


def test_the_url_is_the_one_pages_use():
    assert reverse("language:check") == URL


@pytest.mark.parametrize("who", ["owner", "member", "interviewer", "outsider", "site_admin"])
def test_any_signed_in_user_may_check_a_text(request, client_for, who):
    response = _post(client_for(request.getfixturevalue(who)), {"text": "Hon är för gammal"})
    assert response.status_code == 200
    body = response.json()
    assert body["blocked"] is True
    finding = body["findings"][0]
    assert finding["category"] == "age" and finding["category_label"] == "ålder"
    assert finding["match"] == "för gammal"
    assert body["labels"]["block"]


def test_findings_follow_the_users_language(client_for, owner):
    client = client_for(owner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = _post(client, {"text": "Hon är för gammal", "lang": "sv"}).json()
    assert body["findings"][0]["category_label"] == "age"


def test_anonymous_gets_401_json(client_for):
    response = _post(client_for(None), {"text": "x"})
    assert response.status_code == 401
    assert "detail" in response.json()


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("not json", 400),
        ([1, 2], 422),
        ({"text": 5}, 422),
        ({}, 422),
        ({"text": "x", "lang": "de"}, 422),
        ({"text": "x" * 20_001}, 422),
    ],
)
def test_bad_input_is_a_clear_4xx(client_for, owner, body, status):
    response = _post(client_for(owner), body)
    assert response.status_code == status
    assert response.json()["detail"]


def test_only_post(client_for, owner):
    assert client_for(owner).get(URL).status_code == 405


def test_clean_text_has_no_findings(client_for, owner):
    body = _post(client_for(owner), {"text": "Du saknade erfarenhet av äldre versioner av SAP"})
    assert body.json() == {**body.json(), "findings": [], "blocked": False}


# The override log

LOG = "/language/overrides/"


def test_the_log_is_for_site_admins(client_for, site_admin, owner, outsider):
    assert reverse("language:overrides") == LOG
    assert client_for(site_admin).get(LOG).status_code == 200
    assert client_for(owner).get(LOG).status_code == 403
    assert client_for(outsider).get(LOG).status_code == 403
    response = client_for(None).get(LOG)
    assert response.status_code == 302 and response["Location"].startswith(
        reverse("accounts:login")
    )


@pytest.mark.parametrize("count", [3, 30])
def test_the_log_has_a_fixed_number_of_queries(
    client_for, site_admin, owner, application, count, django_assert_num_queries
):
    for n in range(count):
        found = review({"note": "Hon är gravid"}, policy=Policy.BLOCK)
        record_override(
            found, where=Where.SCREENING, by=owner, reason=f"skäl {n}", application=application
        )
    client = client_for(site_admin)
    # session, user, count, page of overrides with users and applications
    with django_assert_num_queries(4):
        response = client.get(LOG)
    assert response.content.decode().count("skäl ") == count
