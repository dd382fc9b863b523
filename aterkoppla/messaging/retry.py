"""Sending a message again after it failed for good: a person checked and decided to try."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aterkoppla.accounts.models import User
from aterkoppla.messaging.events import MESSAGE_QUEUED
from aterkoppla.messaging.models import Message
from aterkoppla.timeline.services import timeline_record


@transaction.atomic
def message_retry(*, message: Message, by: User) -> Message:
    """Put a failed message back in the outbox, to be sent at once by the worker.

    The text stays exactly as it was (it is the record of what the candidate is told), and so
    does its Message-ID, so a copy that did arrive after all is recognisably the same mail.
    ``last_error`` is kept for the person who looks if the retry fails too; ``attempts``
    starts again, so that a message older than a day still gets a full round of tries (the
    earlier attempts are on the timeline).
    """
    locked = Message.objects.select_for_update().get(pk=message.pk)
    if locked.status != Message.Status.FAILED:
        # Two people pressing the button at once, or a stale page: queue it once.
        raise ValidationError(
            _("Only a message that could not be delivered can be sent again."), code="not_failed"
        )
    locked.status = Message.Status.QUEUED
    locked.next_attempt_at = timezone.now()
    locked.claimed_at = None
    locked.attempts = 0
    locked.save(update_fields=["status", "next_attempt_at", "claimed_at", "attempts"])
    if locked.application_id is not None:
        timeline_record(
            application_id=locked.application_id,
            by=by,
            kind=MESSAGE_QUEUED,
            data={
                "message": locked.pk,
                "kind": locked.kind,
                "subject": locked.subject,
                "retry": True,
            },
        )
    return locked
