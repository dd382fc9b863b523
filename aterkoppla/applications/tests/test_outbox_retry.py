"""Sending a failed message again: the service, and the button on the outbox and dashboard."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from aterkoppla.messaging.models import Kind, Message
from aterkoppla.messaging.retry import message_retry
from aterkoppla.timeline.models import TimelineEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

ERROR = "550 5.1.1 <sara.ek@example.se>: Recipient address rejected"


@pytest.fixture
def failed(application) -> Message:
    message = Message.objects.get(application=application, kind=Kind.ACKNOWLEDGEMENT)
    message.status = Message.Status.FAILED
    message.attempts = 4
    message.last_error = ERROR
    message.next_attempt_at = message.created_at
    message.save()
    return message


def _retry_url(message: Message) -> str:
    return reverse("applications:message_retry", args=[message.pk])


def _retry_events(message: Message) -> list[TimelineEvent]:
    return [
        event
        for event in TimelineEvent.objects.filter(kind="message_queued")
        if event.data.get("message") == message.pk and event.data.get("retry")
    ]


def test_retry_queues_the_same_message_now_for_a_fresh_round_of_tries(owner, failed):
    before = Message.objects.get(pk=failed.pk)
    with time_machine.travel(dt.datetime(2026, 11, 26, 8, 0, tzinfo=dt.UTC), tick=False):
        message_retry(message=failed, by=owner)
        now = dt.datetime(2026, 11, 26, 8, 0, tzinfo=dt.UTC)
    after = Message.objects.get(pk=failed.pk)
    assert after.status == Message.Status.QUEUED
    assert after.next_attempt_at == now
    assert after.attempts == 0  # a fresh round of tries; the earlier ones are on the timeline
    assert after.last_error == ERROR
    # The record of what the candidate is told does not change, nor does the Message-ID.
    for field in ("subject", "body_text", "body_html", "message_id", "to_address", "dedupe_key"):
        assert getattr(after, field) == getattr(before, field), field

    [event] = _retry_events(failed)
    assert event.application_id == failed.application_id
    assert event.actor == TimelineEvent.Actor.USER
    assert event.actor_user == owner
    assert event.data == {
        "message": failed.pk,
        "kind": "acknowledgement",
        "subject": failed.subject,
        "retry": True,
    }


@pytest.mark.parametrize("status", ["queued", "sending", "sent"])
def test_only_failed_messages_can_be_retried(owner, failed, status):
    Message.objects.filter(pk=failed.pk).update(status=status)
    with pytest.raises(ValidationError) as caught:
        message_retry(message=failed, by=owner)
    assert caught.value.code == "not_failed"
    assert Message.objects.get(pk=failed.pk).status == status
    assert _retry_events(failed) == []


def test_retry_without_an_application_writes_no_timeline(site_admin, failed):
    Message.objects.filter(pk=failed.pk).update(application=None)
    failed.refresh_from_db()
    message_retry(message=failed, by=site_admin)
    assert Message.objects.get(pk=failed.pk).status == Message.Status.QUEUED
    assert _retry_events(failed) == []


def test_button_queues_it_and_goes_back_where_it_was_pressed(client_for, owner, failed):
    client = client_for(owner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(_retry_url(failed), {"next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert Message.objects.get(pk=failed.pk).status == Message.Status.QUEUED
    [notice] = list(get_messages(response.wsgi_request))
    assert "will be sent again" in str(notice)
    assert "Sara Ek" in str(notice)
    # Off the dashboard now: it is queued, no longer failed.
    assert client.get("/").context["waiting"].failed.total == 0


def test_button_without_a_safe_next_goes_to_the_outbox(client_for, owner, failed):
    outbox = reverse("applications:outbox", args=[failed.application_id])
    for next_url in ("", "https://evil.example/", "//evil.example/"):
        Message.objects.filter(pk=failed.pk).update(status=Message.Status.FAILED)
        response = client_for(owner).post(_retry_url(failed), {"next": next_url})
        assert response["Location"] == outbox, next_url


def test_pressing_twice_queues_once(client_for, owner, failed):
    client = client_for(owner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.post(_retry_url(failed))
    response = client.post(_retry_url(failed), follow=True)
    assert "Only a message that could not be delivered can be sent again." in (
        response.content.decode()
    )
    assert len(_retry_events(failed)) == 1


def test_retry_is_post_only(client_for, owner, failed):
    assert client_for(owner).get(_retry_url(failed)).status_code == 405
    assert Message.objects.get(pk=failed.pk).status == Message.Status.FAILED


def test_message_without_an_application_is_for_site_admins(client_for, owner, site_admin, failed):
    Message.objects.filter(pk=failed.pk).update(application=None)
    assert client_for(owner).post(_retry_url(failed)).status_code == 404
    response = client_for(site_admin).post(_retry_url(failed))
    assert response["Location"] == reverse("dashboard:home")
    assert Message.objects.get(pk=failed.pk).status == Message.Status.QUEUED


def test_unknown_message_is_404(client_for, owner):
    assert (
        client_for(owner).post(reverse("applications:message_retry", args=[999999])).status_code
        == 404
    )
