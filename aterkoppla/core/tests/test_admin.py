from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGES = [
    "admin:index",
    "admin:recruitment_recruitment_changelist",
    "admin:applications_application_changelist",
    "admin:applications_candidate_changelist",
    "admin:timeline_timelineevent_changelist",
    "admin:accounts_user_changelist",
]


@pytest.mark.parametrize("page", PAGES)
def test_site_admin_uses_django_admin(client_for, site_admin, application, page):
    assert client_for(site_admin).get(reverse(page)).status_code == 200


def test_admin_change_pages_render(client_for, site_admin, application):
    client = client_for(site_admin)
    for name, obj in [
        ("admin:recruitment_recruitment_change", application.recruitment),
        ("admin:applications_application_change", application),
    ]:
        assert client.get(reverse(name, args=[obj.pk])).status_code == 200


@pytest.mark.parametrize("who", ["owner", "outsider"])
def test_staff_without_admin_rights_are_kept_out(request, client_for, application, who):
    response = client_for(request.getfixturevalue(who)).get(reverse("admin:index"))
    assert response.status_code == 302


def test_timeline_cannot_be_changed_in_admin(client_for, site_admin, application):
    event = application.timeline.first()
    client = client_for(site_admin)
    url = reverse("admin:timeline_timelineevent_delete", args=[event.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert application.timeline.filter(pk=event.pk).exists()
