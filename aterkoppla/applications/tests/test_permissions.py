from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from aterkoppla.applications.services import application_move, application_receive
from aterkoppla.assessment.services import interview_schedule

pytestmark = pytest.mark.django_db


def _detail(application):
    return reverse("applications:detail", args=[application.pk])


def _move(application):
    return reverse("applications:move", args=[application.pk])


@pytest.mark.parametrize("who", ["owner", "member", "hiring_manager", "interviewer", "site_admin"])
def test_team_and_site_admin_see_the_application(request, client_for, application, who):
    if who == "interviewer":
        request.getfixturevalue("interview")
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
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("who", ["owner", "member", "hiring_manager", "site_admin"])
def test_deciding_roles_may_move(request, client_for, application, who):
    response = client_for(request.getfixturevalue(who)).post(
        _move(application), {"to_stage": "screening"}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.stage == "screening"


def test_interviewer_sees_only_the_applications_they_interview(
    client_for, owner, interviewer, application, recruitment
):
    other = application_receive(
        recruitment=recruitment, first_name="Per", last_name="Annan", email="per@example.se"
    )
    client = client_for(interviewer)
    assert client.get(_detail(application)).status_code == 404
    interview_schedule(
        application=application_move(application=application, to_stage="interview", by=owner),
        by=owner,
        scheduled_at=timezone.now() + dt.timedelta(days=1),
        interviewers=[interviewer],
        location="Kontoret",
    )
    assert client.get(_detail(application)).status_code == 200
    assert client.get(_detail(other)).status_code == 404
    pipeline = client.get(reverse("applications:pipeline", args=[recruitment.pk])).content.decode()
    assert "Sara Ek" in pipeline
    assert "Per Annan" not in pipeline


@pytest.mark.usefixtures("interview")
def test_interviewer_may_not_move(client_for, interviewer, application):
    response = client_for(interviewer).post(_move(application), {"to_stage": "offer"})
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.stage == "interview"
    page = client_for(interviewer).get(_detail(application)).content.decode()
    assert f'action="{_move(application)}"' not in page


def test_missing_application_is_404(client_for, owner):
    assert client_for(owner).get(reverse("applications:detail", args=[999999])).status_code == 404
