"""The one writer of the timeline.

Every event is made by :func:`timeline_event` (which checks its data against the shape its
kind declares) and written by :func:`timeline_record` or, for many at once,
:func:`timeline_record_many`. The worker's PostgreSQL fast path, which marks a message sent
and records it in one statement, goes through :func:`timeline_record_returning`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django.db import connection
from django.utils import timezone

from aterkoppla.timeline.models import TimelineEvent
from aterkoppla.timeline.registry import kind_get

if TYPE_CHECKING:
    from aterkoppla.accounts.models import User
    from aterkoppla.applications.models import Application

Actor = TimelineEvent.Actor


def timeline_event(
    *,
    kind: str,
    application: Application | None = None,
    application_id: int | None = None,
    recruitment_id: int | None = None,
    by: User | None = None,
    actor: str | None = None,
    data: Mapping[str, Any] | None = None,
    at: dt.datetime | None = None,
) -> TimelineEvent:
    """An event, checked and not yet saved: about one application (``application`` or
    ``application_id``), or about every open application of a recruitment
    (``recruitment_id``). The actor is the staff member ``by``, else the system, unless
    ``actor`` says otherwise (the candidate)."""
    data = dict(data or {})
    kind_get(kind).check(data)
    if application is not None:
        application_id = application.pk
    if (application_id is None) == (recruitment_id is None):
        raise ValueError("A timeline event belongs to one application or one recruitment.")
    return TimelineEvent(
        application_id=application_id,
        recruitment_id=recruitment_id,
        at=at or timezone.now(),
        actor=actor or (Actor.USER if by else Actor.SYSTEM),
        actor_user=by,
        kind=kind,
        data=data,
    )


def timeline_record(**event: Any) -> TimelineEvent:
    """Write one event; takes the arguments of :func:`timeline_event`."""
    return timeline_record_many([timeline_event(**event)])[0]


def timeline_record_many(events: Iterable[TimelineEvent]) -> list[TimelineEvent]:
    """Write events made by :func:`timeline_event`, in one insert."""
    events = list(events)
    if len(events) == 1:
        events[0].save()
        return events
    return TimelineEvent.objects.bulk_create(events)


_RETURNING_SQL = """
WITH changed AS ({update}), event AS (
    INSERT INTO {table} (application_id, recruitment_id, at, actor, actor_user_id, kind, data)
    SELECT application_id, NULL, %s, %s, NULL, %s, %s::jsonb FROM changed
    WHERE application_id IS NOT NULL
)
SELECT count(*) FROM changed
"""


def timeline_record_returning(
    *,
    update_sql: str,
    params: Sequence[Any],
    kind: str,
    data: Mapping[str, Any],
    at: dt.datetime,
) -> int:
    """PostgreSQL: run ``update_sql`` (an ``UPDATE … RETURNING application_id``) and record an
    event of ``kind`` by the system for each row it returns, in one statement: one round trip,
    and still all or nothing. Returns the number of rows updated."""
    kind_get(kind).check(data)
    sql = _RETURNING_SQL.format(
        update=update_sql, table=connection.ops.quote_name(TimelineEvent._meta.db_table)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql, [*params, at, Actor.SYSTEM, kind, json.dumps(dict(data), ensure_ascii=False)]
        )
        (count,) = cursor.fetchone()
    return int(count)


# What an anonymised event keeps of its data: what happened, when, through which channel and
# with what result (the metrics and the active-measures report read these); never a name, a
# reason, a subject or a note. Findings of the language check keep their category only.
KEPT_WHEN_ANONYMISED = frozenset(
    {
        "at", "automatic", "callback_at", "cause", "change", "changed", "channel", "decisive",
        "due", "erase_on", "follow_ups", "from", "interview", "kept", "kind", "marked",
        "message", "met", "not_met", "outcome", "partly", "policy", "previous_reply_by",
        "reply_by", "request", "result", "results", "scorecard", "source", "to", "version",
        "via", "where",
    }
)  # fmt: skip


def anonymised_data(data: Mapping[str, Any]) -> dict[str, Any]:
    """``data`` as an anonymised event keeps it (``KEPT_WHEN_ANONYMISED``)."""
    kept = {key: value for key, value in data.items() if key in KEPT_WHEN_ANONYMISED}
    findings = data.get("findings")
    if isinstance(findings, list):
        kept["findings"] = [
            {"category": finding.get("category", "")}
            for finding in findings
            if isinstance(finding, Mapping)
        ]
    return kept


def timeline_anonymise(application_ids: Iterable[int]) -> int:
    """Remove the words of every event of these applications (retention, erasure): the one
    change the append-only timeline allows. Returns how many events changed."""
    events = list(
        TimelineEvent.objects.filter(application_id__in=list(application_ids), anonymised=False)
    )
    for event in events:
        event.data = anonymised_data(event.data)
        event.anonymised = True
    # The queryset refuses updates (evidence is not edited); this is the exception it names.
    for event in events:
        super(TimelineEvent, event).save(update_fields=["data", "anonymised"])
    return len(events)
