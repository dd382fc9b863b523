"""Reads for the outbox pages: messages as they were sent, newest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, QuerySet

from aterkoppla.messaging.models import Message
from aterkoppla.recruitment.models import Recruitment

if TYPE_CHECKING:
    from aterkoppla.applications.models import Application


def recruitment_messages(recruitment: Recruitment) -> QuerySet[Message]:
    return Message.objects.filter(application__recruitment=recruitment).order_by(
        "-created_at", "-pk"
    )


def application_messages(
    application: Application, *, oldest_first: bool = False
) -> QuerySet[Message]:
    order = ("created_at", "pk") if oldest_first else ("-created_at", "-pk")
    return Message.objects.filter(application=application).order_by(*order)


def status_counts(messages: QuerySet[Message]) -> dict[str, int]:
    """Messages per status, with every status present (0 where there are none)."""
    counts = dict.fromkeys(Message.Status.values, 0)
    # The default ordering would split the groups.
    counts.update(dict(messages.order_by().values_list("status").annotate(n=Count("pk"))))
    return counts
