from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _detail(application):
    return reverse("applications:detail", args=[application.pk])


def _move(application):
    return reverse("applications:move", args=[application.pk])


@pytest.mark.parametrize("who", ["owner", "member", "hiring_manager", "interviewer", "site_admin"])
def test_team_and_site_admin_see_the_application(request, client_for, application, who):
    response = client_for(request.getfixturevalue(who)).get(_detail(application))
    assert response.status_code == 200
    assert "Sara Ek" in response.content.decode()


def test_outsider_gets_404_for_every_application_route(client_for, outsider, application):
    client = client_for(outsider)
    assert client.get(_detail(application)).status_code == 404
    assert client.post(_move(application), {"to_stage": "screening"}).status_code == 404
    application.refresh_from_db()
    assert application.stage == "received"


def test_anonymous_is_sent_to_login(client_for, application):
    for response in (
        client_for(None).get(_detail(application)),
        client_for(None).post(_move(application), {"to_stage": "screening"}),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("who", ["owner", "member", "hiring_manager", "site_admin"])
def test_deciding_roles_may_move(request, client_for, application, who):
    response = client_for(request.getfixturevalue(who)).post(
        _move(application), {"to_stage": "screening"}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == "screening"


def test_interviewer_may_not_move(client_for, interviewer, application):
    response = client_for(interviewer).post(_move(application), {"to_stage": "screening"})
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.stage == "received"
    page = client_for(interviewer).get(_detail(application)).content.decode()
    assert f'action="{_move(application)}"' not in page


def test_missing_application_is_404(client_for, owner):
    assert client_for(owner).get(reverse("applications:detail", args=[999999])).status_code == 404
