"""Recording a delivery: once, with its timeline event, outside any transaction as the worker
does it (on PostgreSQL one statement does both)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from aterkoppla.messaging.models import Message
from aterkoppla.messaging.worker import record_sent


@pytest.mark.django_db(transaction=True)
def test_a_delivery_is_recorded_once_with_its_event(application):
    message = application.messages.get()
    assert record_sent(message, now=timezone.now()) is True
    message.refresh_from_db()
    assert message.status == Message.Status.SENT and message.attempts == 1
    assert "/ansokan/…" in message.body_text  # the link's secret is gone
    events = application.timeline.filter(kind="message_sent")
    assert events.count() == 1
    assert events.get().data["message"] == message.pk
    assert record_sent(message, now=timezone.now()) is False
    assert events.count() == 1
