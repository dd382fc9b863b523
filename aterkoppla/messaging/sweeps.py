"""The outbox's scheduled work: messages that waited for the contact details go out."""

from __future__ import annotations

import datetime as dt

from aterkoppla.core.sweeps import sweep
from aterkoppla.messaging.services import messages_waiting_release


@sweep("waiting_messages")
def waiting_messages(now: dt.datetime) -> int:
    """Once the organisation's contact details are complete, send what waited for them."""
    return messages_waiting_release(now=now)
