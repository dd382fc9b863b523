"""The requirement profile page once screening has started: reasons and versions."""

from __future__ import annotations

import pytest
from django.urls import reverse

from aterkoppla.applications.services import application_move
from aterkoppla.recruitment.models import Criterion

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_force(application, owner):
    application_move(application=application, to_stage="screening", by=owner)
    return application.recruitment


def _profile(recruitment):
    return reverse("recruitment:profile", args=[recruitment.pk])


def test_profile_page_says_it_is_in_force(client_for, owner, in_force):
    page = client_for(owner).get(_profile(in_force)).content.decode()
    assert 'id="profile-in-force"' in page
    assert 'name="reason"' in page
    assert "criterion_move" not in page and "/move/" not in page


def test_adding_to_a_profile_in_force_needs_a_reason(client_for, owner, in_force):
    data = {"name": "B-körkort", "kind": "must", "category": "skill", "weight": "2"}
    response = client_for(owner).post(_profile(in_force), data)
    assert response.status_code == 200
    assert 'href="#id_reason"' in response.content.decode()
    assert not in_force.criteria.filter(name="B-körkort").exists()
    response = client_for(owner).post(_profile(in_force), {**data, "reason": "Körning ingår"})
    assert response.status_code == 302
    assert in_force.profile_versions.first().reason == "Körning ingår"


def test_editing_a_profile_in_force_needs_a_reason(client_for, owner, in_force):
    truck = in_force.criteria.first()
    url = reverse("recruitment:criterion_edit", args=[in_force.pk, truck.pk])
    data = {
        "name": truck.name,
        "kind": truck.kind,
        "category": truck.category,
        "weight": "2",
        "job_task": "",
        "description": "",
    }
    assert client_for(owner).post(url, data).status_code == 200
    truck.refresh_from_db()
    assert truck.weight == 5
    assert client_for(owner).post(url, {**data, "reason": "Mindre truck"}).status_code == 302
    truck.refresh_from_db()
    assert truck.weight == 2


def test_removing_from_a_profile_in_force_asks_why(client_for, owner, in_force, application):
    truck = in_force.criteria.first()
    url = reverse("recruitment:criterion_remove", args=[in_force.pk, truck.pk])
    assert client_for(owner).get(url).status_code == 200
    assert client_for(owner).post(url, {"reason": ""}).status_code == 400
    assert client_for(owner).post(url, {"reason": "Utgår"}).status_code == 302
    assert Criterion.all_objects.get(pk=truck.pk).removed_at is not None
    page = client_for(owner).get(application.get_absolute_url()).content.decode()
    assert "Utgår" in page  # on the open application's timeline


def test_moving_a_requirement_of_a_profile_in_force_is_refused_plainly(client_for, owner, in_force):
    truck = in_force.criteria.last()
    url = reverse("recruitment:criterion_move", args=[in_force.pk, truck.pk])
    response = client_for(owner).post(url, {"direction": "up"}, follow=True)
    assert response.status_code == 200
    assert list(in_force.criteria.values_list("pk", flat=True))[-1] == truck.pk


@pytest.mark.parametrize("who", ["hiring_manager", "interviewer"])
def test_only_managing_roles_remove(request, client_for, in_force, who):
    truck = in_force.criteria.first()
    url = reverse("recruitment:criterion_remove", args=[in_force.pk, truck.pk])
    assert client_for(request.getfixturevalue(who)).get(url).status_code == 403


def test_outsider_and_anonymous_cannot_remove(client_for, outsider, in_force):
    truck = in_force.criteria.first()
    url = reverse("recruitment:criterion_remove", args=[in_force.pk, truck.pk])
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(None).get(url).status_code == 302
