"""What the candidate page changes: when a link was last used, and new links on request."""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from aterkoppla.applications.models import Application
from aterkoppla.messaging.models import Kind, Message, PortalToken
from aterkoppla.messaging.services import message_queue

# `last_used_at` answers "is this link still in use?", which an hour's precision answers just
# as well; writing on every page view would turn each read into a write.
LAST_USED_PRECISION = dt.timedelta(hours=1)

# New-link emails per application in 24 hours. Asking for a link is open to anyone who knows
# an address, so this is what keeps a stranger from flooding someone's inbox.
LINKS_PER_DAY = 3


def portal_token_touch(*, portal_token: PortalToken) -> None:
    """Note that the link was used, at most once per ``LAST_USED_PRECISION``."""
    now = timezone.now()
    last = portal_token.last_used_at
    if last is not None and now - last < LAST_USED_PRECISION:
        return
    portal_token.last_used_at = now
    portal_token.save(update_fields=["last_used_at"])


@transaction.atomic
def portal_links_send(*, email: str) -> int:
    """Queue a fresh link to each application made from ``email`` (any letter case).

    Returns how many messages were queued. Callers must not show that number or anything
    that depends on it: whether an address is known is itself personal data.
    """
    applications = list(
        Application.objects.filter(candidate__email__iexact=email.strip())
        .select_related("candidate", "recruitment")
        .order_by("-received_at")
    )
    if not applications:
        return 0
    since = timezone.now() - dt.timedelta(days=1)
    recent = dict(
        Message.objects.filter(
            application__in=applications, kind=Kind.PORTAL_LINK, created_at__gte=since
        )
        .values_list("application")
        .annotate(n=Count("id"))
    )
    queued = 0
    for application in applications:
        if recent.get(application.pk, 0) >= LINKS_PER_DAY:
            continue
        message = message_queue(
            application=application,
            kind=Kind.PORTAL_LINK,
            # Every request is a cause of its own; the daily cap above is the limit.
            dedupe_key=f"portal_link:{application.pk}:{uuid.uuid4().hex}",
        )
        queued += message is not None
    return queued
