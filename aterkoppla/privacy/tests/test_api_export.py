"""``GET /api/v1/applications/{id}/export``: the candidate's data through the API.

The permission matrix of every route, this one included, is in
``aterkoppla/api/tests/test_permissions.py``; here, what the answer holds.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client

from aterkoppla.accounts.models import ApiToken
from aterkoppla.api.tests.helpers import BASE, ApiClient
from aterkoppla.privacy.events import DATA_EXPORTED
from aterkoppla.privacy.tests.helpers import others_in, pdf_text
from aterkoppla.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db


def _api(user) -> ApiClient:
    _token, key = ApiToken.issue(user=user, name="Test")
    return ApiClient(key)


def test_json_holds_the_whole_person_in_her_language(owner, scene):
    response = _api(owner).get(f"/applications/{scene.sara.pk}/export")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    assert data["format"] == "aterkoppla.candidate_export"
    assert data["language"] == "sv"
    assert data["candidate"]["email"] == "sara.ek@example.se"
    assert {app["job"] for app in data["applications"]} == {"Lagerarbetare", "Truckförare"}
    first = next(app for app in data["applications"] if app["job"] == "Lagerarbetare")
    assert first["scorecards"][0]["interviewer"] == "Intervjuare 1"
    assert first["stages"][0] == {
        "at": first["stages"][0]["at"],
        "from_stage": "received",
        "to_stage": "interview",
        "to_label": "Intervju",
    }
    assert others_in(json.dumps(data, ensure_ascii=False)) == []


def test_the_language_can_be_asked_for(member, scene):
    data = _api(member).get(f"/applications/{scene.sara.pk}/export?language=en").json()
    assert data["language"] == "en"
    first = next(app for app in data["applications"] if app["job"] == "Lagerarbetare")
    assert first["screening"][1]["note"] == "[left out: names another applicant]"


def test_pdf_is_a_pdf(site_admin, scene):
    response = _api(site_admin).get(f"/applications/{scene.sara.pk}/export?format=pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "Sara" in text
    assert others_in(text) == []


def test_each_api_export_is_recorded_as_by_staff(owner, scene):
    _api(owner).get(f"/applications/{scene.sara.pk}/export")
    events = TimelineEvent.objects.filter(kind=DATA_EXPORTED)
    assert {e.application_id for e in events} == {scene.sara.pk, scene.sara_elsewhere.pk}
    for event in events:
        assert event.actor_user == owner
        assert event.data == {"by": "staff", "format": "json"}


@pytest.mark.parametrize("query", ["?format=docx", "?language=de"])
def test_an_unknown_format_or_language_is_422(owner, scene, query):
    response = _api(owner).get(f"/applications/{scene.sara.pk}/export{query}")
    assert response.status_code == 422
    assert response.json()["detail"]
    assert not TimelineEvent.objects.filter(kind=DATA_EXPORTED).exists()


def test_the_openapi_document_describes_the_route(db):
    openapi = Client().get(f"{BASE}/openapi.json").json()
    operation = openapi["paths"]["/api/v1/applications/{application_id}/export"]["get"]
    assert "GDPR art. 15" in operation["summary"]
    assert set(operation["responses"]) >= {"200", "401", "403", "404", "503"}
    assert "application/pdf" in operation["responses"]["200"]["content"]
