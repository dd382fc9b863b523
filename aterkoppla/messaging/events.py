"""The timeline events of the outbox: every message queued, stopped, released, sent or not."""

# No "from __future__ import annotations": TypedDict must see NotRequired[...] itself.

from collections.abc import Callable, Mapping
from typing import Any, NotRequired, TypedDict

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from aterkoppla.timeline.registry import event_kind


class MessageEvent(TypedDict):
    message: int  # the Message's id
    kind: str  # the message's kind (messaging.models.Kind)
    subject: str
    retry: NotRequired[bool]  # queued again by a person after it failed
    error: NotRequired[str]  # why it could not be delivered


def _with_subject(label: str | Promise) -> Callable[[Mapping[str, Any]], str]:
    def summary(data: Mapping[str, Any]) -> str:
        return f"{label}: {data.get('subject', '')}".rstrip(": ")

    return summary


def _message_kind(name: str, label: str | Promise) -> str:
    example: dict[str, Any] = {"message": 1, "kind": "acknowledgement", "subject": "Tack!"}
    return event_kind(
        name,
        label=label,
        schema=MessageEvent,
        example=example,
        summary=_with_subject(label),
    )


MESSAGE_QUEUED = _message_kind("message_queued", _("Message queued"))
MESSAGE_SENT = _message_kind("message_sent", _("Message sent"))
MESSAGE_FAILED = _message_kind("message_failed", _("Message could not be delivered"))
MESSAGE_HELD = _message_kind("message_held", _("Message stopped by the language check"))
MESSAGE_RELEASED = _message_kind("message_released", _("Stopped message released"))
MESSAGE_WAITING = _message_kind(
    "message_waiting", _("Message waiting for the organisation's contact details")
)
