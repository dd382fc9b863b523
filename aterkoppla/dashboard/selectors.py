"""Who is waiting: the promises and messages across a user's recruitments that need a person.

Every read here is a fixed number of queries however many applications there are (DESIGN §12,
B2): counts come from one aggregate, each list is cut at ``LIST_LIMIT`` rows in SQL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import BooleanField, Count, Exists, OuterRef, Q, QuerySet, Value
from django.utils import timezone

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application
from aterkoppla.applications.promises import (
    DUE_SOON_WORKING_DAYS,
    promise_due_by,
    promise_due_soon_q,
    promise_escalated,
    promise_passed_q,
    promise_state,
)
from aterkoppla.applications.selectors import applications_visible_to
from aterkoppla.decisions.models import CallTask, DisclosureRequest
from aterkoppla.lib.workdays import working_days_between
from aterkoppla.messaging.models import Message
from aterkoppla.organisation.services import organisation_contact_missing
from aterkoppla.privacy.models import ErasureRequest
from aterkoppla.recruitment.models import TeamMembership

__all__ = ["DUE_SOON_WORKING_DAYS", "ContactNotice", "contact_notice", "waiting_for"]
# Rows shown per list; the rest is only counted, so that the page stays fast and readable
# however much is waiting.
LIST_LIMIT = 50


@dataclass(frozen=True)
class ContactNotice:
    """The organisation's contact details are not complete: nothing can be sent."""

    missing: list[str]
    # Messages (to candidates and staff, across the organisation) that wait for them.
    waiting: int


def contact_notice() -> ContactNotice | None:
    """What is missing from the contact details, and how many messages wait; None when they
    are complete (one query then)."""
    missing = organisation_contact_missing()
    if not missing:
        return None
    return ContactNotice(
        missing=missing, waiting=Message.objects.filter(status=Message.Status.WAITING).count()
    )


@dataclass(frozen=True)
class PromiseRow:
    application: Application
    # Working days left for a promise due soon; calendar days late for a broken one.
    days: int
    escalated: bool = False


@dataclass(frozen=True)
class DisclosureRow:
    """A request for the written information, a promise like the others: ``state`` is
    "due_soon", "broken" or "" (``applications.promises.promise_state``)."""

    request: DisclosureRequest
    state: str


@dataclass(frozen=True)
class ErasureRow:
    """An erasure promised for a date (GDPR art. 17): ``state`` as for other promises; a
    passed date means a legal hold keeps what is left."""

    request: ErasureRequest
    state: str


@dataclass(frozen=True)
class FailedRow:
    message: Message
    days: int  # calendar days since the message was queued
    can_retry: bool


@dataclass(frozen=True)
class Section:
    total: int
    rows: list = field(default_factory=list)

    @property
    def more(self) -> int:
        """How many are counted but not listed."""
        return max(self.total - len(self.rows), 0)


@dataclass(frozen=True)
class Waiting:
    today: dt.date
    due_by: dt.date  # the last day counted as "due soon"
    due_soon: Section
    broken: Section
    failed: Section
    calls: Section = field(default_factory=lambda: Section(total=0))
    letters: Section = field(default_factory=lambda: Section(total=0))
    # Requests for the written information under DL 2 kap. 4 §: promises with a date.
    disclosures: Section = field(default_factory=lambda: Section(total=0))
    # Erasures scheduled for the day a claim window ends: promised to the candidate.
    erasures: Section = field(default_factory=lambda: Section(total=0))


def _visible_applications(user: User) -> QuerySet[Application]:
    return Application.objects.filter(pk__in=applications_visible_to(user).values("pk"))


def _visible_messages(user: User) -> QuerySet[Message]:
    visible = Q(application__in=applications_visible_to(user).values("pk"))
    if user.is_site_admin:
        # A message tied to no application belongs to no team: only site admins can act on it.
        visible |= Q(application__isnull=True)
    return Message.objects.filter(visible)


def _may_retry(user: User) -> Exists | Value:
    """SQL for ``Access.can_manage`` on each message's recruitment, so rows need no more queries."""
    if user.is_site_admin:
        return Value(True, output_field=BooleanField())
    return Exists(
        TeamMembership.objects.filter(
            recruitment=OuterRef("application__recruitment"),
            user=user,
            role__in=list(TeamMembership.MANAGING_ROLES),
        )
    )


def waiting_for(user: User, *, today: dt.date | None = None, limit: int | None = None) -> Waiting:
    """Promises due soon and broken, and undelivered messages, on the user's recruitments.

    Lists are ordered most urgent first: the earliest promised date, the oldest failure.
    """
    today = today or timezone.localdate()
    limit = limit or LIST_LIMIT
    due_by = promise_due_by(today)
    open_applications = _visible_applications(user).filter(stage__in=list(Application.OPEN_STAGES))
    due_soon = promise_due_soon_q(today)
    broken = promise_passed_q(today)
    counts = open_applications.aggregate(
        due_soon=Count("pk", filter=due_soon), broken=Count("pk", filter=broken)
    )
    rows = open_applications.select_related("candidate", "recruitment").order_by(
        "reply_by", "received_at", "pk"
    )
    due_rows = [
        PromiseRow(application=a, days=working_days_between(today, a.promised_by))
        for a in rows.filter(due_soon)[:limit]
    ]
    broken_rows = [
        PromiseRow(application=a, days=(today - a.promised_by).days, escalated=a.escalated)
        for a in rows.filter(broken).annotate(escalated=promise_escalated())[:limit]
    ]

    # Undelivered, and stopped by the language check: both wait for a person.
    failed = _visible_messages(user).filter(status__in=[Message.Status.FAILED, Message.Status.HELD])
    failed_rows = [
        FailedRow(
            message=m,
            days=max((today - timezone.localtime(m.created_at).date()).days, 0),
            can_retry=m.can_retry,
        )
        for m in failed.select_related("application__candidate", "application__recruitment")
        .annotate(can_retry=_may_retry(user))
        .order_by("created_at", "pk")[:limit]
    ]
    deciding = _deciding_recruitments(user)
    calls = CallTask.objects.filter(status=CallTask.Status.OPEN)
    letters = Message.objects.filter(channel=Message.Channel.LETTER, status=Message.Status.TO_PRINT)
    disclosures = DisclosureRequest.objects.filter(status=DisclosureRequest.Status.OPEN)
    if deciding is not None:
        calls = calls.filter(application__recruitment__in=deciding)
        letters = letters.filter(application__recruitment__in=deciding)
        disclosures = disclosures.filter(application__recruitment__in=deciding)
    disclosure_rows = [
        DisclosureRow(request=r, state=r.promise_state(today))
        for r in disclosures.select_related(
            "application__candidate", "application__recruitment"
        ).order_by("due", "pk")[:limit]
    ]
    call_rows = list(
        calls.select_related(
            "application__candidate", "application__recruitment", "assigned_to"
        ).order_by("due", "pk")[:limit]
    )
    letter_rows = list(
        letters.select_related("application__candidate", "application__recruitment").order_by(
            "created_at", "pk"
        )[:limit]
    )
    erasures = ErasureRequest.objects.filter(status=ErasureRequest.Status.SCHEDULED)
    if not user.is_site_admin:
        erasures = erasures.filter(
            candidate__applications__in=_visible_applications(user).values("pk")
        ).distinct()
    erasure_rows = [
        ErasureRow(request=r, state=promise_state(r.erase_on, today))
        for r in erasures.select_related("candidate").order_by("erase_on", "pk")[:limit]
        if r.erase_on is not None
    ]
    return Waiting(
        today=today,
        due_by=due_by,
        due_soon=Section(total=counts["due_soon"], rows=due_rows),
        broken=Section(total=counts["broken"], rows=broken_rows),
        failed=Section(total=failed.count(), rows=failed_rows),
        calls=Section(total=calls.count(), rows=call_rows),
        letters=Section(total=letters.count(), rows=letter_rows),
        disclosures=Section(total=disclosures.count(), rows=disclosure_rows),
        erasures=Section(total=erasures.count(), rows=erasure_rows),
    )


def _deciding_recruitments(user: User) -> QuerySet | None:
    """Recruitments where the user decides, as a subquery; None for a site admin (all)."""
    if user.is_site_admin:
        return None
    return TeamMembership.objects.filter(
        user=user, role__in=list(TeamMembership.DECIDING_ROLES)
    ).values("recruitment")
