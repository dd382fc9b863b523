"""The API side of the recruiter role (``User.is_recruiter``): creating and publishing."""

from __future__ import annotations

import pytest

from aterkoppla.recruitment.models import Recruitment, TeamMembership
from aterkoppla.recruitment.services import recruitment_create, team_member_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(owner, member) -> Recruitment:
    draft = recruitment_create(owner=owner, title="Truckförare")
    team_member_add(recruitment=draft, by=owner, user=member, role=TeamMembership.Role.RECRUITER)
    return draft


def test_the_api_refuses_publishing_without_the_role(api_as, member, draft):
    response = api_as(member).patch(f"/recruitments/{draft.pk}", {"status": "open"})
    assert response.status_code == 403
    assert "recruiter" in response.json()["detail"]
    draft.refresh_from_db()
    assert draft.status == Recruitment.Status.DRAFT


def test_the_api_refuses_creating_an_open_recruitment_without_the_role(api_as, interviewer):
    response = api_as(interviewer).post(
        "/recruitments", {"title": "Lagerarbetare", "status": "open", "criteria": []}
    )
    assert response.status_code == 403
    assert "recruiter" in response.json()["detail"]
    assert not Recruitment.objects.exists()
