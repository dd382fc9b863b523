from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_sends_anonymous_to_login_and_shows_users_who_is_waiting(client_for, owner):
    assert client_for(None).get("/")["Location"] == reverse("accounts:login")
    page = client_for(owner).get("/").content.decode()
    assert "Vem väntar?" in page


def test_login_page_is_swedish_and_logs_in(client, owner):
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Logga in" in page
    response = client.post(
        reverse("accounts:login"), {"username": "owner", "password": "test-password"}
    )
    assert response["Location"] == reverse("dashboard:home")


def test_wrong_password_is_a_clear_message(client, owner):
    response = client.post(reverse("accounts:login"), {"username": "owner", "password": "wrong"})
    assert response.status_code == 200
    assert "Användarnamnet eller lösenordet är fel" in response.content.decode()


def test_logout_is_a_post(client_for, owner):
    client = client_for(owner)
    assert client.post(reverse("accounts:logout"))["Location"] == reverse("accounts:login")
    assert client.get(reverse("applications:recruitments")).status_code == 302


def test_set_language_for_anonymous_and_users(client_for, owner):
    for user, page in (
        (None, reverse("accounts:login")),
        (owner, reverse("applications:recruitments")),
    ):
        client = client_for(user)
        assert (
            client.post(reverse("set_language"), {"language": "en", "next": page})["Location"]
            == page
        )
        assert '<html lang="en">' in client.get(page).content.decode()
        # An unknown language changes nothing.
        client.post(reverse("set_language"), {"language": "xx", "next": page})
        assert '<html lang="en">' in client.get(page).content.decode()


def test_not_found_page_is_ours(client_for, outsider, recruitment):
    response = client_for(outsider).get(reverse("applications:pipeline", args=[recruitment.pk]))
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


def test_forbidden_page_is_ours(client_for, interviewer, recruitment):
    response = client_for(interviewer).get(reverse("recruitment:edit", args=[recruitment.pk]))
    assert response.status_code == 403
    assert "Inte tillåtet" in response.content.decode()


def test_api_follows_accept_language_but_pages_do_not(client_for, owner):
    client = client_for(None)
    page = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="sv">' in page
    api = client.get("/api/v1/me", HTTP_ACCEPT_LANGUAGE="en")
    assert api["Content-Language"] == "en"
    assert client.get("/api/v1/me")["Content-Language"] == "sv"
