"""The dashboard, for every kind of user: everyone logged in has one, with only their own."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from aterkoppla.dashboard.tests.helpers import fail, receive

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]


@pytest.fixture
def late(recruitment, owner):
    application = receive(recruitment, owner, "Lena Sen", reply_by=dt.date(2026, 11, 20))
    fail(application)
    return application


@pytest.mark.parametrize("who", ["owner", "member", "hiring_manager", "site_admin"])
def test_team_and_site_admin_see_the_recruitments_candidates(request, client_for, late, who):
    response = client_for(request.getfixturevalue(who)).get(reverse("dashboard:home"))
    assert response.status_code == 200
    assert "Lena Sen" in response.content.decode()


def test_interviewer_sees_no_candidate_they_do_not_interview(client_for, interviewer, late):
    response = client_for(interviewer).get(reverse("dashboard:home"))
    assert response.status_code == 200
    assert "Lena Sen" not in response.content.decode()


def test_outsider_gets_their_own_empty_dashboard(client_for, outsider, late):
    response = client_for(outsider).get(reverse("dashboard:home"))
    assert response.status_code == 200
    assert "Lena Sen" not in response.content.decode()
    assert late.candidate.email not in response.content.decode()


def test_anonymous_is_sent_to_login(client_for, late):
    response = client_for(None).get(reverse("dashboard:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_inactive_user_is_sent_to_login(client_for, member, late):
    member.is_active = False
    member.save(update_fields=["is_active"])
    response = client_for(member).get(reverse("dashboard:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
