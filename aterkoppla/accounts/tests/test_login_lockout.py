"""Login throttling (django-axes): wrong passwords pause logging in, per username and per
address, without checking passwords while paused; an operator lifts the pause."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
ADMIN_LOGIN = reverse("admin:login")


def _try(client: Client, username: str, password: str, url: str = LOGIN, ip: str = "10.0.0.1"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_five_wrong_passwords_pause_the_account_even_with_the_right_one(owner, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _try(client, "owner", "fel").status_code == 200
    paused = _try(client, "owner", "fel")
    assert paused.status_code == 429
    page = paused.content.decode()
    assert "Inloggningen är pausad" in page
    assert "15 minuter" in page
    # The right password does not help while paused, and from another address neither.
    assert _try(client, "owner", "test-password").status_code == 429
    assert _try(Client(), "owner", "test-password", ip="10.0.0.2").status_code == 429


def test_one_address_trying_many_usernames_is_paused(owner, member, settings):
    client = Client()
    for number in range(settings.AXES_FAILURE_LIMIT):
        _try(client, f"gissning{number}", "fel", ip="10.0.0.9")
    assert _try(client, "member", "test-password", ip="10.0.0.9").status_code == 429
    # Someone else, elsewhere, logs in as usual.
    assert _try(Client(), "member", "test-password", ip="10.0.0.3").status_code == 302


def test_while_paused_no_password_is_hashed(owner, settings, monkeypatch):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _try(client, "owner", "fel")
    calls = []
    original = PBKDF2PasswordHasher.verify
    monkeypatch.setattr(PBKDF2PasswordHasher, "verify", lambda *a: calls.append(1) or original(*a))
    assert _try(client, "owner", "fel").status_code == 429
    assert calls == []


def test_the_admin_login_is_throttled_too(site_admin, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _try(client, "admin", "fel", url=ADMIN_LOGIN)
    assert _try(client, "admin", "test-password", url=ADMIN_LOGIN).status_code == 429


def test_an_operator_lifts_the_pause(owner, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _try(client, "owner", "fel")
    call_command("axes_reset_username", "owner")
    call_command("axes_reset_ip", "10.0.0.1")
    assert _try(client, "owner", "test-password").status_code == 302


def test_a_success_clears_the_count(owner, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _try(client, "owner", "fel")
    assert _try(client, "owner", "test-password").status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _try(client, "owner", "fel").status_code == 200


def test_the_pause_is_said_in_english_too(owner, settings):
    client = Client(headers={"accept-language": "en"})
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = _try(client, "owner", "fel")
    assert "Logging in is paused" in response.content.decode()
