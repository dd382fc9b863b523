"""Keep every promise to a candidate (P2, DESIGN §4): the rule, its reads and its sweep.

A promise is an open application's ``reply_by``. When it passes without news (any news
would have set a new date), the candidate is told that the recruitment is still in progress
and given a new date, as the organisation's policy allows; when the policy does not allow
(switched off, or the maximum number of automatic updates reached, or no email address), the
broken promise is escalated to the staff instead, once per date. Dates are Swedish working
days. The warnings before a promise passes are read by the dashboard through
:func:`promise_due_soon_q`; nothing needs to be stored for them. The worker runs
:func:`promises_sweep` (registered in ``applications.sweeps``).

Every step runs in its own transaction on a locked application, so sweeps running in several
workers at once, or twice on one day, change nothing the second time.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Case, CharField, Exists, OuterRef, Q, QuerySet, Value, When
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.utils import timezone

from aterkoppla.applications.events import PROMISE_ESCALATED, PROMISE_POSTPONED
from aterkoppla.applications.models import Application, Promise
from aterkoppla.lib.workdays import add_working_days
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.messaging.services import message_queue
from aterkoppla.organisation.models import Organisation
from aterkoppla.timeline.models import TimelineEvent
from aterkoppla.timeline.services import timeline_record

logger = logging.getLogger("aterkoppla.worker")

# A promise this many working days away or closer is "due": the staff are warned.
DUE_SOON_WORKING_DAYS = 2


@dataclass
class SweepResult:
    postponed: list[int] = field(default_factory=list)
    escalated: list[int] = field(default_factory=list)


# Reads (also for the dashboard)


def promise_due_by(today: dt.date) -> dt.date:
    """The last promised date that counts as due soon: staff are warned up to it."""
    return add_working_days(today, DUE_SOON_WORKING_DAYS)


def promise_due_soon_q(today: dt.date, field: str = "reply_by") -> Q:
    """A promise falls due within two working days, not yet passed: an open application's
    answer date, or another promised date (``field``, e.g. a request's ``due``)."""
    return Q(**{f"{field}__gte": today, f"{field}__lte": promise_due_by(today)})


def promise_passed_q(today: dt.date, field: str = "reply_by") -> Q:
    """A promised date (an open application's answer date, or ``field``) is behind us."""
    return Q(**{f"{field}__lt": today})


def promise_state(promised: dt.date, today: dt.date) -> str:
    """What :func:`promise_passed_q` and :func:`promise_due_soon_q` say of one promised date,
    in Python: ``"broken"``, ``"due_soon"`` or ``""``."""
    if promised < today:
        return "broken"
    if promised <= promise_due_by(today):
        return "due_soon"
    return ""


def promises_due_soon(*, today: dt.date) -> QuerySet[Application]:
    """Open applications whose answer is due within two working days, not yet passed."""
    return Application.objects.filter(promise_due_soon_q(today), stage__in=Application.OPEN_STAGES)


def promises_passed(*, today: dt.date) -> QuerySet[Application]:
    """Open applications whose promised answer date is behind us."""
    return Application.objects.filter(promise_passed_q(today), stage__in=Application.OPEN_STAGES)


def promise_escalated() -> Exists:
    """For annotating applications: the promise now in force (its date) was escalated to the
    staff, who alone can keep it now. A new promise, given by a person, starts afresh."""
    return Exists(
        TimelineEvent.objects.filter(application=OuterRef("pk"), kind=PROMISE_ESCALATED)
        .annotate(broken=KT("data__reply_by"))
        .filter(broken=Cast(OuterRef("reply_by"), output_field=CharField()))
    )


def promises_to_sweep(*, today: dt.date) -> QuerySet[Application]:
    """Passed promises the sweep has not dealt with (escalated ones wait for a person)."""
    return promises_passed(today=today).exclude(promise_escalated()).order_by("reply_by", "pk")


def automatic_updates(application: Application) -> int:
    """How many automatic new answer dates the candidate has had for this application."""
    return Message.objects.filter(
        application=application,
        kind=Kind.PROMISE_POSTPONED,
        dedupe_key__startswith=f"postpone:{application.pk}:",
    ).count()


# The ledger: each promise and whether it was kept (read by the metrics)


def promise_given(*, application: Application, due: dt.date, at: dt.datetime) -> None:
    """``application`` was promised an answer by ``due`` at ``at``. A different date ends the
    promise in force (kept when the news came by its date, broken when later) and opens a new
    one; the same date repeated (a stage change that keeps it) is the same promise."""
    current = Promise.objects.filter(application=application, closed_at__isnull=True).first()
    if current is not None:
        if current.due == due:
            return
        current.closed_at = at
        current.outcome = _outcome(current.due, at)
        current.save(update_fields=["closed_at", "outcome"])
    Promise.objects.create(application=application, due=due, given_at=at)


def promises_answered(*, application_ids: list[int], at: dt.datetime, void: bool = False) -> None:
    """The final answer reached these applications at ``at``: their open promises end, kept
    or broken by their dates; ``void`` when the candidate withdrew (neither kept nor broken)."""
    if void:
        outcome: Value | Case = Value(Promise.Outcome.VOID)
    else:
        outcome = Case(
            When(due__gte=timezone.localdate(at), then=Value(Promise.Outcome.KEPT)),
            default=Value(Promise.Outcome.BROKEN),
        )
    Promise.objects.filter(application_id__in=application_ids, closed_at__isnull=True).update(
        closed_at=at, outcome=outcome
    )


def _outcome(due: dt.date, at: dt.datetime) -> str:
    return Promise.Outcome.KEPT if timezone.localdate(at) <= due else Promise.Outcome.BROKEN


# Steps


def promises_sweep(now: dt.datetime) -> SweepResult:
    """Deal with every passed promise the sweep has not dealt with yet."""
    today = timezone.localdate(now)
    organisation = Organisation.current()
    result = SweepResult()
    for pk in promises_to_sweep(today=today).values_list("pk", flat=True):
        outcome = promise_keep(application_id=pk, organisation=organisation, now=now)
        if outcome == "postponed":
            result.postponed.append(pk)
        elif outcome == "escalated":
            result.escalated.append(pk)
    if result.postponed or result.escalated:
        logger.info(
            "Promise sweep: %d new answer dates sent, %d broken promises escalated",
            len(result.postponed),
            len(result.escalated),
        )
    return result


@transaction.atomic
def promise_keep(
    *, application_id: int, organisation: Organisation, now: dt.datetime
) -> str | None:
    """Deal with one passed promise: a new date for the candidate, or escalation.

    Returns ``"postponed"``, ``"escalated"`` or None when there was nothing (left) to do.
    """
    today = timezone.localdate(now)
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("candidate", "recruitment")
        .get(pk=application_id)
    )
    # Checked again under the lock: a person, or another worker, may have been first.
    if not application.is_open or application.reply_by is None or application.reply_by >= today:
        return None
    broken = application.reply_by
    updates = automatic_updates(application)
    if (
        organisation.promise_auto_update
        and updates < organisation.promise_max_updates
        and application.candidate.email
    ):
        promise_postpone(
            application=application,
            new_reply_by=add_working_days(today, organisation.promise_postpone_days),
            number=updates + 1,
            now=now,
        )
        return "postponed"
    if not organisation.promise_auto_update:
        reason = "policy"
    elif not application.candidate.email:
        reason = "no_email"
    else:
        reason = "max_updates"
    if promise_escalate(application=application, broken=broken, reason=reason, now=now):
        return "escalated"
    return None


def promise_postpone(
    *, application: Application, new_reply_by: dt.date, number: int, now: dt.datetime
) -> Message | None:
    """Give the candidate a new answer date and tell them (in the caller's transaction)."""
    previous = application.reply_by
    application.reply_by = new_reply_by
    application.save(update_fields=["reply_by"])
    promise_given(application=application, due=new_reply_by, at=now)
    # Rendered after the new date is set: the message states it.
    message = message_queue(
        application=application,
        kind=Kind.PROMISE_POSTPONED,
        dedupe_key=f"postpone:{application.pk}:{number}",
        previous_reply_by=previous,
    )
    timeline_record(
        application=application,
        at=now,
        kind=PROMISE_POSTPONED,
        data={
            "reply_by": new_reply_by.isoformat(),
            "previous_reply_by": previous.isoformat() if previous else None,
            "automatic": number,
            "message": message.pk if message else None,
        },
    )
    return message


def promise_escalate(
    *, application: Application, broken: dt.date, reason: str, now: dt.datetime
) -> bool:
    """Record, once per broken date, that only a person can keep this promise now.

    ``reason``: ``policy`` (automatic updates are off), ``max_updates`` (the candidate had
    as many as the policy allows) or ``no_email`` (they can only be called or written to).
    """
    already = TimelineEvent.objects.filter(
        application=application, kind=PROMISE_ESCALATED, data__reply_by=broken.isoformat()
    ).exists()
    if already:
        return False
    timeline_record(
        application=application,
        at=now,
        kind=PROMISE_ESCALATED,
        data={"reply_by": broken.isoformat(), "reason": reason},
    )
    return True
