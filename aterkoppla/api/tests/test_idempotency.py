"""``POST …/applications`` with an ``Idempotency-Key``: a retry creates nothing new."""

from __future__ import annotations

import json
import threading

import pytest
from django.db import connection

from aterkoppla.accounts.models import ApiToken
from aterkoppla.api.models import IdempotencyKey
from aterkoppla.api.tests.helpers import ApiClient, application_body, recruitment_body
from aterkoppla.applications.models import Application, Candidate
from aterkoppla.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db

KEY = {"Idempotency-Key": "3f0c9a52-0d1e-4c55-9d43-6c0e8c1f2a77"}


@pytest.fixture
def path(recruitment) -> str:
    return f"/recruitments/{recruitment.pk}/applications"


def test_retry_with_the_same_key_returns_the_same_application(api_as, owner, path):
    client = api_as(owner)
    first = client.post(path, application_body(), **KEY)
    retry = client.post(path, application_body(), **KEY)

    assert first.status_code == retry.status_code == 201
    assert retry.json() == first.json()
    assert "Idempotent-Replayed" not in first
    assert retry["Idempotent-Replayed"] == "true"
    assert Application.objects.count() == 1
    assert TimelineEvent.objects.filter(kind="received").count() == 1
    assert Application.objects.get().messages.count() == 1
    stored = IdempotencyKey.objects.get()
    assert (stored.user, stored.key, stored.application_id) == (
        owner,
        KEY["Idempotency-Key"],
        first.json()["id"],
    )


def test_the_same_request_written_differently_is_the_same_request(api_as, owner, path):
    client = api_as(owner)
    body = application_body()
    first = client.post(path, body, **KEY)
    # Other key order, other spacing, and the defaults spelled out: the same request.
    reordered = {"merits": dict(reversed(body["merits"].items())), "candidate": body["candidate"]}
    retry = client.post(path, raw=json.dumps(reordered, indent=4), **KEY)

    assert retry.status_code == 201
    assert retry.json()["id"] == first.json()["id"]
    assert Application.objects.count() == 1


def test_the_same_key_with_another_body_is_a_conflict(api_as, owner, path):
    client = api_as(owner)
    client.post(path, application_body(), **KEY)
    response = client.post(path, application_body(email="someone.else@example.se"), **KEY)

    assert response.status_code == 409
    assert response.json() == {
        "detail": "This Idempotency-Key was already used for a different request."
    }
    assert Application.objects.count() == 1
    assert not Candidate.objects.filter(email="someone.else@example.se").exists()


def test_the_same_key_on_another_recruitment_is_a_conflict(api_as, owner, path):
    client = api_as(owner)
    other = client.post("/recruitments", recruitment_body()).json()["id"]
    client.post(path, application_body(), **KEY)

    response = client.post(f"/recruitments/{other}/applications", application_body(), **KEY)

    assert response.status_code == 409
    assert Application.objects.count() == 1


def test_keys_belong_to_their_user(api_as, owner, member, path):
    first = api_as(owner).post(path, application_body(email="a@example.se"), **KEY)
    second = api_as(member).post(path, application_body(email="b@example.se"), **KEY)

    assert first.status_code == second.status_code == 201
    assert first.json()["id"] != second.json()["id"]
    assert Application.objects.count() == 2


def test_a_refused_request_does_not_use_up_the_key(api_as, owner, path):
    client = api_as(owner)
    refused = client.post(path, application_body(phone="ring mig"), **KEY)
    accepted = client.post(path, application_body(), **KEY)

    assert refused.status_code == 422
    assert accepted.status_code == 201
    assert "Idempotent-Replayed" not in accepted
    assert Application.objects.count() == 1


def test_without_a_key_a_repeat_is_the_same_person_applying_twice(api_as, owner, path):
    client = api_as(owner)
    assert client.post(path, application_body()).status_code == 201
    assert client.post(path, application_body()).status_code == 409
    assert Application.objects.count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs concurrent transactions: PostgreSQL (the in-memory test SQLite serialises)",
)
def test_concurrent_retries_create_one_application(owner, recruitment):
    _token, key = ApiToken.issue(user=owner, name="Race")
    path = f"/recruitments/{recruitment.pk}/applications"
    start = threading.Barrier(4)
    responses = []

    def send() -> None:
        client = ApiClient(key)
        start.wait()
        responses.append(client.post(path, application_body(), **KEY))
        connection.close()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [r.status_code for r in responses] == [201] * 4
    assert len({r.json()["id"] for r in responses}) == 1
    assert Application.objects.count() == 1
    assert sum(r.has_header("Idempotent-Replayed") for r in responses) == 3
