"""Reading the timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from aterkoppla.timeline.models import TimelineEvent
from aterkoppla.timeline.registry import lasting_kinds

if TYPE_CHECKING:
    # The timeline sits below the applications it records: it names them only in hints.
    from aterkoppla.applications.models import Application


def timeline_for(application: Application) -> QuerySet[TimelineEvent]:
    """Everything that happened to an application, oldest first: its own events, and the
    events about its recruitment's open applications (profile changes) from while it was open
    (from its arrival until its final answer), and the lasting ones (a legal hold) at any time
    after its arrival."""
    shared = Q(
        application__isnull=True,
        recruitment_id=application.recruitment_id,
        at__gte=application.received_at,
    )
    if application.final_answer_at is not None:
        shared &= Q(at__lte=application.final_answer_at) | Q(kind__in=lasting_kinds())
    return (
        TimelineEvent.objects.filter(Q(application_id=application.pk) | shared)
        .select_related("actor_user")
        .order_by("at", "id")
    )
