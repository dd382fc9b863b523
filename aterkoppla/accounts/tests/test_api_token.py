"""ApiToken: issued once, stored hashed, looked up by hash, revocable."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from aterkoppla.accounts.models import ApiToken

pytestmark = pytest.mark.django_db

NOON = dt.datetime(2026, 11, 25, 11, 0, tzinfo=dt.UTC)


def test_issue_stores_only_a_hash(owner):
    token, key = ApiToken.issue(user=owner, name="  Jobbsajt  ")

    assert key.startswith("ak_")
    assert len(key) > 40
    assert token.name == "Jobbsajt"
    assert token.prefix == key[:10]
    assert token.key_hash == ApiToken.hash_key(key)
    assert len(token.key_hash) == 64
    stored = ApiToken.objects.values_list("prefix", "key_hash", "name").get()
    assert key not in stored


def test_authenticate_finds_the_live_token_only(owner):
    token, key = ApiToken.issue(user=owner, name="Jobbsajt")

    assert ApiToken.authenticate(key) == token
    assert ApiToken.authenticate(key + "x") is None
    assert ApiToken.authenticate(token.key_hash) is None
    assert ApiToken.authenticate("") is None
    token.revoke()
    assert ApiToken.authenticate(key) is None


def test_an_inactive_users_token_opens_nothing(owner):
    _token, key = ApiToken.issue(user=owner, name="Jobbsajt")
    owner.is_active = False
    owner.save(update_fields=["is_active"])
    assert ApiToken.authenticate(key) is None


def test_revoke_keeps_the_first_date(owner):
    token, _key = ApiToken.issue(user=owner, name="Jobbsajt")
    with time_machine.travel(NOON):
        token.revoke()
    with time_machine.travel(NOON + dt.timedelta(days=1)):
        token.revoke()
    token.refresh_from_db()
    assert token.revoked_at == NOON


def test_last_used_is_written_at_most_once_a_minute(owner, django_assert_num_queries):
    token, _key = ApiToken.issue(user=owner, name="Jobbsajt")
    with time_machine.travel(NOON, tick=False):
        with django_assert_num_queries(1):
            token.touch()
        with django_assert_num_queries(0):
            token.touch()
    with (
        time_machine.travel(NOON + dt.timedelta(seconds=59), tick=False),
        django_assert_num_queries(0),
    ):
        token.touch()
    with (
        time_machine.travel(NOON + dt.timedelta(minutes=1), tick=False),
        django_assert_num_queries(1),
    ):
        token.touch()
    token.refresh_from_db()
    assert token.last_used_at == NOON + dt.timedelta(minutes=1)


def test_an_api_call_records_the_use(client, owner):
    token, key = ApiToken.issue(user=owner, name="Jobbsajt")
    with time_machine.travel(NOON, tick=False):
        response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at == NOON
