"""Creating and publishing a recruitment needs the organisation's recruiter role
(``User.is_recruiter``, granted by a site admin): its owner receives the applicants' CVs."""

from __future__ import annotations

import logging

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from aterkoppla.accounts.models import User
from aterkoppla.recruitment.models import Recruitment, TeamMembership
from aterkoppla.recruitment.services import (
    recruitment_create,
    recruitment_set_status,
    team_member_add,
)
from aterkoppla.recruitment.tests.test_views import _create_data, _edit_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["member", "hiring_manager", "interviewer", "outsider"])
def test_the_new_recruitment_page_is_refused_without_the_role(
    request, client_for, recruitment, who
):
    client = client_for(request.getfixturevalue(who))
    url = reverse("recruitment:create")
    assert client.get(url).status_code == 403
    assert client.post(url, _create_data()).status_code == 403
    assert Recruitment.objects.count() == 1
    # The button is not offered either.
    page = client.get(reverse("applications:recruitments")).content.decode()
    assert url not in page


@pytest.mark.parametrize("who", ["owner", "site_admin"])
def test_a_recruiter_and_a_site_admin_create_and_see_the_button(
    request, client_for, recruitment, who
):
    user = request.getfixturevalue(who)
    client = client_for(user)
    url = reverse("recruitment:create")
    assert url in client.get(reverse("applications:recruitments")).content.decode()
    assert client.get(url).status_code == 200
    response = client.post(url, _create_data(title="Truckförare"))
    assert response.status_code == 302
    assert Recruitment.objects.get(title="Truckförare").owner == user


def test_anonymous_is_sent_to_log_in(client_for):
    response = client_for(None).get(reverse("recruitment:create"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_the_service_refuses_an_owner_without_the_role(interviewer):
    with pytest.raises(PermissionDenied, match="rekryterare"):
        recruitment_create(owner=interviewer, title="Lagerarbetare", status="open")
    assert not Recruitment.objects.exists()


def test_an_inactive_recruiter_may_not(owner):
    owner.is_active = False
    assert not owner.may_create_recruitments
    owner.is_active, owner.is_recruiter = True, False
    assert not owner.may_create_recruitments


@pytest.fixture
def draft(owner, member) -> Recruitment:
    """A draft owned by a recruiter, with a team member who manages it (team role
    "recruiter") but has not been given the organisation's role."""
    draft = recruitment_create(owner=owner, title="Truckförare")
    team_member_add(recruitment=draft, by=owner, user=member, role=TeamMembership.Role.RECRUITER)
    return draft


def test_a_team_manager_without_the_role_may_edit_but_not_publish(client_for, member, draft):
    url = reverse("recruitment:edit", args=[draft.pk])
    client = client_for(member)
    response = client.post(url, _edit_data(draft, status="open"))
    assert response.status_code == 400
    assert "Bara en rekryterare eller en webbplatsadministratör får publicera" in (
        response.content.decode()
    )
    draft.refresh_from_db()
    assert draft.status == Recruitment.Status.DRAFT
    response = client.post(url, _edit_data(draft, title="Truckförare, natt"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.title, draft.status) == ("Truckförare, natt", "draft")


def test_publishing_is_logged_with_who(owner, draft, caplog):
    with caplog.at_level(logging.INFO, logger="aterkoppla.audit"):
        recruitment_set_status(recruitment=draft, status=Recruitment.Status.OPEN, by=owner)
    assert [r.getMessage() for r in caplog.records if r.name == "aterkoppla.audit"] == [
        f"recruitment {draft.pk} (Truckförare) opened for applications by user {owner.pk}"
    ]


def test_losing_the_role_stops_publishing_again(owner, draft):
    owner.is_recruiter = False
    owner.save(update_fields=["is_recruiter"])
    with pytest.raises(ValidationError, match="rekryterare"):
        recruitment_set_status(recruitment=draft, status=Recruitment.Status.OPEN, by=owner)


def test_a_site_admin_grants_the_role_in_the_admin(client_for, site_admin, member):
    url = reverse("admin:accounts_user_change", args=[member.pk])
    page = client_for(site_admin).get(url).content.decode()
    assert 'name="is_recruiter"' in page
    listing = client_for(site_admin).get(reverse("admin:accounts_user_changelist"))
    assert listing.status_code == 200


def test_the_migration_gives_the_role_to_whoever_owns_a_recruitment(transactional_db):
    executor = MigrationExecutor(connection)
    before = [("recruitment", "0008_legal_hold"), ("accounts", "0003_user_is_recruiter")]
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    OldUser = apps.get_model("accounts", "User")
    owner = OldUser.objects.create(username="olivia")
    OldUser.objects.create(username="ivar")
    apps.get_model("recruitment", "Recruitment").objects.create(owner=owner, title="Kock")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert dict(User.objects.values_list("username", "is_recruiter")) == {
        "olivia": True,
        "ivar": False,
    }
