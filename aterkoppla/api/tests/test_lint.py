"""POST /api/v1/lint: any signed-in caller, messages in the caller's language."""

from __future__ import annotations

import pytest

from aterkoppla.api.lint import MAX_TEXT
from aterkoppla.api.tests.helpers import ApiClient

pytestmark = pytest.mark.django_db

AGEIST = "Hon är nog för gammal för vårt unga team"


def test_no_token_gets_401():
    response = ApiClient(None).post("/lint", {"text": AGEIST})
    assert response.status_code == 401
    assert response.json()["detail"]


@pytest.mark.parametrize("who", ["owner", "member", "outsider"])
def test_every_signed_in_user_may_check_a_text(request, api_as, who):
    response = api_as(request.getfixturevalue(who)).post("/lint", {"text": AGEIST, "lang": "sv"})
    assert response.status_code == 200, response.content
    findings = response.json()["findings"]
    assert {f["category"] for f in findings} == {"age"}
    first = findings[0]
    assert AGEIST[first["start"] : first["end"]] == first["match"] == "för gammal"
    assert first["severity"] == "block"


def test_ordinary_job_language_gives_no_findings(api_as, owner):
    body = {"text": "Du saknade erfarenhet av äldre versioner av SAP"}
    response = api_as(owner).post("/lint", body)
    assert response.json() == {"findings": []}


def test_body_that_is_not_json_is_400(api_as, owner):
    response = api_as(owner).post("/lint", raw="{not json")
    assert response.status_code == 400
    assert response.json()["detail"]


@pytest.mark.parametrize("body", [{"text": AGEIST, "lang": "de"}, {"lang": "sv"}, {"text": 7}])
def test_bad_input_is_422(api_as, owner, body):
    response = api_as(owner).post("/lint", body)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_too_long_text_is_422(api_as, owner):
    response = api_as(owner).post("/lint", {"text": "a" * (MAX_TEXT + 1)})
    assert response.status_code == 422
    assert "text" in response.json()["errors"]
    assert api_as(owner).post("/lint", {"text": "a" * MAX_TEXT}).status_code == 200


def test_messages_follow_accept_language(api_as, owner):
    client = api_as(owner)
    client.client.cookies.clear()
    swedish = client.post("/lint", {"text": AGEIST}, **{"Accept-Language": "sv"})
    english = client.post("/lint", {"text": AGEIST}, **{"Accept-Language": "en"})
    assert swedish.json()["findings"][0]["message"].startswith("Ålder")
    assert english.json()["findings"][0]["message"].startswith("Age")
    # The text's language is Swedish either way: only the reader's language changed.
    assert swedish.json()["findings"][0]["match"] == english.json()["findings"][0]["match"]
