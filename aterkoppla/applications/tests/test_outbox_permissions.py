"""The outbox pages and the retry button, for every kind of user."""

from __future__ import annotations

import pytest
from django.urls import reverse

from aterkoppla.messaging.models import Message
from tests.helpers import as_recruiter

pytestmark = pytest.mark.django_db

# (url name, method, who may): "view" is every team member; "manage" the owner, a recruiter
# and a site admin (others on the team get 403).
ROUTES = [
    ("applications:recruitment_outbox", "GET", "view"),
    ("applications:outbox", "GET", "view"),
    ("applications:message_retry", "POST", "manage"),
]


@pytest.fixture
def failed(application) -> Message:
    message = Message.objects.get(application=application)
    message.status = Message.Status.FAILED
    message.last_error = "550 no such user"
    message.save()
    return message


def _url(name: str, failed: Message) -> str:
    pk = {
        "applications:recruitment_outbox": failed.application.recruitment_id,
        "applications:outbox": failed.application_id,
        "applications:message_retry": failed.pk,
    }[name]
    return reverse(name, args=[pk])


def _request(client, method: str, url: str):
    return client.get(url) if method == "GET" else client.post(url)


def _still_failed(message: Message) -> bool:
    return Message.objects.get(pk=message.pk).status == Message.Status.FAILED


@pytest.mark.parametrize(("name", "method", "needs"), ROUTES)
@pytest.mark.parametrize("who", ["owner", "member", "site_admin"])
def test_owner_recruiter_and_site_admin_may(request, client_for, failed, name, method, needs, who):
    response = _request(client_for(request.getfixturevalue(who)), method, _url(name, failed))
    assert response.status_code == (200 if method == "GET" else 302)
    if method == "POST":
        assert not _still_failed(failed)


@pytest.mark.parametrize(("name", "method", "needs"), ROUTES)
@pytest.mark.parametrize("who", ["hiring_manager", "interviewer"])
def test_other_team_roles_see_but_may_not_retry(
    request, client_for, failed, name, method, needs, who
):
    if who == "interviewer":
        request.getfixturevalue("interview")
    response = _request(client_for(request.getfixturevalue(who)), method, _url(name, failed))
    assert response.status_code == (200 if needs == "view" else 403)
    assert _still_failed(failed)


@pytest.mark.parametrize(("name", "method", "needs"), ROUTES)
def test_outsider_gets_404(client_for, outsider, failed, name, method, needs):
    response = _request(client_for(outsider), method, _url(name, failed))
    assert response.status_code == 404
    assert _still_failed(failed)


@pytest.mark.parametrize(("name", "method", "needs"), ROUTES)
def test_anonymous_is_sent_to_login(client_for, failed, name, method, needs):
    response = _request(client_for(None), method, _url(name, failed))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert _still_failed(failed)


@pytest.mark.parametrize(("name", "method", "needs"), ROUTES)
def test_inactive_member_is_sent_to_login(client_for, member, failed, name, method, needs):
    member.is_active = False
    member.save(update_fields=["is_active"])
    response = _request(client_for(member), method, _url(name, failed))
    assert response.status_code == 302
    assert _still_failed(failed)


@pytest.mark.parametrize("name", ["applications:recruitment_outbox", "applications:outbox"])
def test_unknown_ids_are_404(client_for, owner, name):
    assert client_for(owner).get(reverse(name, args=[999999])).status_code == 404


def test_outsider_does_not_see_other_recruitments_in_their_outbox(client_for, outsider, failed):
    from aterkoppla.recruitment.services import recruitment_create

    own = recruitment_create(owner=as_recruiter(outsider), title="Egen rekrytering")
    page = client_for(outsider).get(reverse("applications:recruitment_outbox", args=[own.pk]))
    assert page.status_code == 200
    assert failed.to_address not in page.content.decode()


def test_a_messages_html_has_a_policy_of_its_own_and_no_link_secret(client_for, member, failed):
    from django.urls import reverse

    response = client_for(member).get(reverse("applications:message_html", args=[failed.pk]))
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "style-src 'unsafe-inline'" in policy
    assert "script-src" not in policy and "frame-ancestors 'self'" in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "/ansokan/…/" in response.content.decode()


def test_an_outsider_cannot_read_a_messages_html(client_for, outsider, failed):
    from django.urls import reverse

    response = client_for(outsider).get(reverse("applications:message_html", args=[failed.pk]))
    assert response.status_code == 404
