"""Decide a recruitment and owe each candidate the right feedback (DESIGN §4).

The channel rules live here, not in the views: a rejection after an interview becomes a call
task and never a rejection message; a rejection without an interview is a written rejection in
the candidate's language (or a letter to print when there is no email address); three failed
calls on at least two days become a written message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application, TimelineEvent
from aterkoppla.applications.services import application_move
from aterkoppla.assessment.models import Interview, Rating, Scorecard
from aterkoppla.decisions.call_sheets import written_summary
from aterkoppla.decisions.models import CallAttempt, CallTask, Decision, DecisionItem
from aterkoppla.lib.workdays import add_working_days
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.messaging.services import BulkItem, message_queue, messages_queue_bulk
from aterkoppla.recruitment.models import Criterion, Recruitment, TeamMembership

CALL_DUE_WORKING_DAYS = 2
FAILED_CALLS_BEFORE_WRITING = 3
FAILED_CALL_DAYS = 2
# Written rejections are queued this many at a time: memory stays flat for any recruitment.
BATCH = 500
DECIDABLE = frozenset(
    {
        Application.Stage.INTERVIEW,
        Application.Stage.RESERVE,
        Application.Stage.OFFER,
    }
)


@dataclass(frozen=True)
class RejectionInput:
    application_id: int
    decisive_criteria: tuple[int, ...] = ()
    explanation: str = ""


@dataclass
class PlannedItem:
    application: Application
    result: str
    channel: str
    decisive: tuple[int, ...] = ()
    explanation: str = ""


@dataclass
class Plan:
    """What a decision will do, computed without writing anything (for the confirmation)."""

    recruitment: Recruitment
    hired: list[PlannedItem] = field(default_factory=list)
    reserve: list[PlannedItem] = field(default_factory=list)
    calls: list[PlannedItem] = field(default_factory=list)
    written_ids: list[int] = field(default_factory=list)
    letters: int = 0
    emails: int = 0
    written_inputs: dict[int, RejectionInput] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def rejected_count(self) -> int:
        return len(self.calls) + len(self.written_ids)


@dataclass(frozen=True)
class Outcome:
    decision: Decision
    hired: int
    reserve: int
    calls: list[CallTask]
    emails: int
    letters: int
    held: int


def caller_for(recruitment: Recruitment) -> User:
    """The hiring manager calls (the guide: the person who decided); else the owner."""
    manager = (
        TeamMembership.objects.filter(
            recruitment=recruitment,
            role=TeamMembership.Role.HIRING_MANAGER,
            user__is_active=True,
        )
        .select_related("user")
        .order_by("id")
        .first()
    )
    return manager.user if manager else recruitment.owner


def decision_plan(
    *,
    recruitment: Recruitment,
    hired: Sequence[int] = (),
    reserve: Sequence[int] = (),
    rejections: Sequence[RejectionInput] = (),
    reserve_until: dt.date | None = None,
) -> Plan:
    """Check a decision and say what it will do; raise ValidationError naming each problem."""
    named = [*hired, *reserve, *(r.application_id for r in rejections)]
    if not named:
        raise ValidationError(_("Name at least one candidate to decide about."))
    seen: set[int] = set()
    twice = {pk for pk in named if pk in seen or seen.add(pk)}
    if twice:
        raise ValidationError(
            _("Each application can have one outcome; named more than once: %(ids)s.")
            % {"ids": ", ".join(str(pk) for pk in sorted(twice))}
        )
    close = {*hired, *reserve}
    apps = {
        a.pk: a
        for a in Application.objects.filter(recruitment=recruitment, pk__in=close).select_related(
            "candidate"
        )
    }
    # Rejections are many; their rows are read in batches when they are carried out.
    rejection_ids = [r.application_id for r in rejections]
    # One read for all the rejections, however many: stage, interview and email address.
    rows = Application.objects.filter(recruitment=recruitment, pk__in=rejection_ids).values_list(
        "pk", "stage", "interviewed", "candidate__email"
    )
    found: dict[int, str] = {}
    interviewed: set[int] = set()
    with_email: set[int] = set()
    for pk, stage, was_in_interview, email in rows:
        found[pk] = stage
        if was_in_interview or stage in DECIDABLE:
            interviewed.add(pk)
        if email:
            with_email.add(pk)
    missing = [pk for pk in named if pk not in apps and pk not in found]
    if missing:
        raise ValidationError(
            ngettext(
                "Application %(ids)s is not in this recruitment.",
                "Applications %(ids)s are not in this recruitment.",
                len(missing),
            )
            % {"ids": ", ".join(str(pk) for pk in missing[:20])}
        )
    closed = [pk for pk, stage in found.items() if stage in Application.CLOSED_STAGES]
    closed += [pk for pk in (*hired, *reserve) if apps[pk].stage in Application.CLOSED_STAGES]
    if closed:
        raise ValidationError(
            _("Already decided (hired, rejected or withdrawn): %(ids)s.")
            % {"ids": ", ".join(str(pk) for pk in closed[:20])}
        )
    plan = Plan(recruitment=recruitment)
    for pk in hired:
        application = apps[pk]
        if application.stage not in DECIDABLE:
            raise ValidationError(
                _("%(name)s has not been interviewed and cannot be hired here.")
                % {"name": application.candidate.full_name}
            )
        plan.hired.append(PlannedItem(application, DecisionItem.Result.HIRED, "none"))
    for pk in reserve:
        application = apps[pk]
        if application.stage not in DECIDABLE:
            raise ValidationError(
                _("Only someone interviewed can be a reserve: %(name)s.")
                % {"name": application.candidate.full_name}
            )
        if reserve_until is None and application.promise_passed:
            raise ValidationError(
                {
                    "reserve_until": _(
                        "Give the reserves a date: %(name)s's promised date has passed."
                    )
                    % {"name": application.candidate.full_name}
                }
            )
        plan.reserve.append(PlannedItem(application, DecisionItem.Result.RESERVE, "email"))
    if reserve_until is not None and reserve_until < timezone.localdate():
        raise ValidationError({"reserve_until": _("The date cannot be in the past.")})
    criteria = set(Criterion.objects.filter(recruitment=recruitment).values_list("pk", flat=True))
    problems: list[str] = []
    extra_apps = {
        a.pk: a
        for a in Application.objects.filter(pk__in=interviewed - set(apps)).select_related(
            "candidate"
        )
    }
    apps.update(extra_apps)
    for item in rejections:
        unknown = set(item.decisive_criteria) - criteria
        if unknown:
            problems.append(
                _("Unknown requirement for this recruitment: %(ids)s.")
                % {"ids": ", ".join(str(pk) for pk in sorted(unknown))}
            )
            continue
        if item.application_id in interviewed:
            application = apps[item.application_id]
            if not item.decisive_criteria or not item.explanation.strip():
                problems.append(
                    _(
                        "%(name)s was interviewed: name at least one decisive requirement and "
                        "explain the decision, for the call."
                    )
                    % {"name": application.candidate.full_name}
                )
                continue
            plan.calls.append(
                PlannedItem(
                    application,
                    DecisionItem.Result.REJECTED,
                    DecisionItem.Channel.CALL,
                    tuple(item.decisive_criteria),
                    item.explanation.strip(),
                )
            )
        else:
            plan.written_ids.append(item.application_id)
            plan.written_inputs[item.application_id] = item
    if problems:
        raise ValidationError(problems)
    plan.emails = sum(1 for pk in plan.written_ids if pk in with_email)
    plan.letters = len(plan.written_ids) - plan.emails
    plan.warnings = [text for _pk, text in _warnings(plan)]
    return plan


def interview_warnings(
    recruitment: Recruitment, applications: Sequence[Application]
) -> dict[int, list[str]]:
    """For the decision screen: what is missing for each interviewed candidate (merits,
    scorecards, a phone number), before any outcome is chosen."""
    plan = Plan(recruitment=recruitment)
    plan.calls = [PlannedItem(a, DecisionItem.Result.REJECTED, "call") for a in applications]
    found: dict[int, list[str]] = {a.pk: [] for a in applications}
    for pk, text in _warnings(plan):
        found[pk].append(text)
    return found


def _warnings(plan: Plan) -> list[tuple[int, str]]:
    """What will weaken the feedback or the letter under DL 2 kap. 4 §, before anything is
    sent: (application id, warning) pairs."""
    warnings: list[tuple[int, str]] = []

    def warn(item: PlannedItem, text: str) -> None:
        warnings.append(
            (item.application.pk, text % {"name": item.application.candidate.full_name})
        )

    for item in [*plan.hired, *plan.calls, *plan.reserve]:
        if item.application.merits_missing:
            warn(
                item, _("%(name)s has no merits summary: the written information may be asked for.")
            )
    for item in plan.calls:
        if not item.application.candidate.phone:
            warn(item, _("%(name)s has no phone number: the call cannot be made as things stand."))
    ids = [item.application.pk for item in [*plan.hired, *plan.calls]]
    owed = Interview.interviewers.through.objects.filter(
        interview__application_id__in=ids
    ).values_list("interview__application_id", "user_id")
    given = set(
        Scorecard.objects.filter(interview__application_id__in=ids).values_list(
            "interview__application_id", "interviewer_id"
        )
    )
    lacking = {app for app, user in owed if (app, user) not in given}
    for item in [*plan.hired, *plan.calls]:
        if item.application.pk in lacking:
            warn(item, _("%(name)s's interview lacks a scorecard: the call sheet will be thinner."))
    return warnings + _decisive_warnings(plan)


def _decisive_warnings(plan: Plan) -> list[tuple[int, str]]:
    """A decisive requirement on which the candidate scored higher than the person chosen
    cannot explain the decision in the call: say so before the call is owed."""
    calls = [item for item in plan.calls if item.decisive]
    if not calls:
        return []
    hired = {item.application.pk for item in plan.hired} | set(
        Application.objects.filter(
            recruitment=plan.recruitment, stage=Application.Stage.HIRED
        ).values_list("pk", flat=True)
    )
    if not hired:
        return []
    criteria = {pk for item in calls for pk in item.decisive}
    totals: dict[tuple[str | int, int], list[int]] = {}
    rows = (
        Rating.objects.filter(
            scorecard__interview__application_id__in=hired | {i.application.pk for i in calls},
            criterion_id__in=criteria,
        )
        .values_list("scorecard__interview__application_id", "criterion_id")
        .annotate(total=Sum("score"), count=Count("pk"))
    )
    for application_id, criterion_id, total, count in rows:
        key = ("hired" if application_id in hired else application_id, criterion_id)
        previous = totals.get(key, [0, 0])
        totals[key] = [previous[0] + total, previous[1] + count]

    def mean(key: tuple[str | int, int]) -> float | None:
        total, count = totals.get(key, (0, 0))
        return total / count if count else None

    names = dict(Criterion.all_objects.filter(pk__in=criteria).values_list("pk", "name"))
    warnings = []
    for item in calls:
        for criterion_id in item.decisive:
            own, chosen = mean((item.application.pk, criterion_id)), mean(("hired", criterion_id))
            if own is not None and chosen is not None and own > chosen:
                text = _(
                    "%(name)s scored higher than the person chosen on “%(criterion)s”, "
                    "which you named as decisive: the call cannot explain the decision "
                    "with it."
                ) % {
                    "name": item.application.candidate.full_name,
                    "criterion": names[criterion_id],
                }
                warnings.append((item.application.pk, text))
    return warnings


def _event(application_id: int, by: User | None, kind: str, data: dict, at: dt.datetime):
    return TimelineEvent(
        application_id=application_id,
        at=at,
        actor=TimelineEvent.Actor.USER if by else TimelineEvent.Actor.SYSTEM,
        actor_user=by,
        kind=kind,
        data=data,
    )


def _chunks(ids: Sequence[int], size: int) -> Iterator[list[int]]:
    iterator = iter(ids)
    while chunk := list(islice(iterator, size)):
        yield chunk


@transaction.atomic
def decision_record(
    *,
    recruitment: Recruitment,
    by: User | None,
    hired: Sequence[int] = (),
    reserve: Sequence[int] = (),
    rejections: Sequence[RejectionInput] = (),
    reserve_until: dt.date | None = None,
) -> Outcome:
    """Carry out a decision: hire, make reserves, reject with the right channel for each.

    Everything happens in one transaction, so a decision is carried out whole or not at all;
    the messages leave when the worker finds them committed.
    """
    plan = decision_plan(
        recruitment=recruitment,
        hired=hired,
        reserve=reserve,
        rejections=rejections,
        reserve_until=reserve_until,
    )
    Recruitment.objects.select_for_update().filter(pk=recruitment.pk).first()
    now = timezone.now()
    decision = Decision.objects.create(recruitment=recruitment, decided_by=by, decided_at=now)
    for item in plan.hired:
        application = item.application
        if application.stage != Application.Stage.OFFER:
            application_move(application=application, to_stage=Application.Stage.OFFER, by=by)
        application_move(application=application, to_stage=Application.Stage.HIRED, by=by)
        _record(decision, item, by, now)
    for item in plan.reserve:
        if item.application.stage != Application.Stage.RESERVE:
            application_move(
                application=item.application,
                to_stage=Application.Stage.RESERVE,
                by=by,
                reply_by=reserve_until,
            )
        elif reserve_until is not None and reserve_until != item.application.reply_by:
            _reserve_again(item.application, reserve_until, by, decision)
        _record(decision, item, by, now)
    caller = caller_for(recruitment) if plan.calls else None
    calls = [_call_task(decision, item, by, now, caller) for item in plan.calls]
    emails, letters, held = _written_rejections(decision, plan, by, now)
    return Outcome(
        decision=decision,
        hired=len(plan.hired),
        reserve=len(plan.reserve),
        calls=calls,
        emails=emails,
        letters=letters,
        held=held,
    )


def _record(
    decision: Decision, item: PlannedItem, by: User | None, now: dt.datetime
) -> DecisionItem:
    record = DecisionItem.objects.create(
        decision=decision,
        application=item.application,
        result=item.result,
        channel=item.channel,
        explanation=item.explanation,
    )
    if item.decisive:
        record.decisive_criteria.set(item.decisive)
    names = list(Criterion.all_objects.filter(pk__in=item.decisive).values_list("name", flat=True))
    _event(
        item.application.pk,
        by,
        TimelineEvent.Kind.DECIDED,
        {
            "result": item.result,
            "channel": item.channel,
            "decisive": names,
            "explanation": item.explanation,
        },
        now,
    ).save()
    return record


def _reserve_again(
    application: Application, reserve_until: dt.date, by: User | None, decision: Decision
) -> None:
    """A reserve kept on with a new date: the promise changes, and the candidate is told."""
    Application.objects.filter(pk=application.pk).update(reply_by=reserve_until)
    previous, application.reply_by = application.reply_by, reserve_until
    _event(
        application.pk,
        by,
        TimelineEvent.Kind.PROMISE_POSTPONED,
        {
            "reply_by": reserve_until.isoformat(),
            "previous_reply_by": previous.isoformat() if previous else None,
        },
        timezone.now(),
    ).save()
    message_queue(
        application=application,
        kind=Kind.RESERVE,
        dedupe_key=f"reserve:{application.pk}:{decision.pk}",
        by=by,
    )


def _call_task(
    decision: Decision,
    item: PlannedItem,
    by: User | None,
    now: dt.datetime,
    caller: User | None,
) -> CallTask:
    """Rejected after an interview: a call, and no rejection message (DESIGN §4)."""
    application = item.application
    application_move(
        application=application, to_stage=Application.Stage.REJECTED, by=by, decided=True
    )
    record = _record(decision, item, by, now)
    task = CallTask.objects.create(
        application=application,
        item=record,
        assigned_to=caller,
        due=add_working_days(timezone.localdate(now), CALL_DUE_WORKING_DAYS),
    )
    if decision.recruitment.call_notice:
        message_queue(
            application=application,
            kind=Kind.CALL_NOTICE,
            dedupe_key=f"call-notice:{application.pk}",
            by=by,
        )
    return task


def _written_rejections(
    decision: Decision, plan: Plan, by: User | None, now: dt.datetime
) -> tuple[int, int, int]:
    """Not interviewed: close each application and queue its written rejection, in batches
    (a stage update, a few inserts and the rendering per batch)."""
    emails = letters = held = 0
    for chunk in _chunks(plan.written_ids, BATCH):
        applications = list(
            Application.objects.filter(pk__in=chunk)
            .exclude(stage__in=Application.CLOSED_STAGES)
            .select_related("candidate")
        )
        for application in applications:
            # One recruitment object for all: no join repeating its row per application.
            application.recruitment = decision.recruitment
        Application.objects.filter(pk__in=[a.pk for a in applications]).update(
            closed_from_stage=F("stage"),
            stage=Application.Stage.REJECTED,
            stage_changed_at=now,
            marked_for_rejection=False,
        )
        records, events, items = [], [], []
        for application in applications:
            given = plan.written_inputs[application.pk]
            reason = given.explanation.strip() or application.rejection_reason
            channel = (
                DecisionItem.Channel.EMAIL
                if application.candidate.email
                else DecisionItem.Channel.LETTER
            )
            records.append(
                DecisionItem(
                    decision=decision,
                    application=application,
                    result=DecisionItem.Result.REJECTED,
                    channel=channel,
                    explanation=reason,
                )
            )
            events.append(
                _event(
                    application.pk,
                    by,
                    TimelineEvent.Kind.STAGE_CHANGED,
                    {"from": application.stage, "to": Application.Stage.REJECTED},
                    now,
                )
            )
            events.append(
                _event(
                    application.pk,
                    by,
                    TimelineEvent.Kind.DECIDED,
                    {"result": "rejected", "channel": channel, "explanation": reason},
                    now,
                )
            )
            application.stage = Application.Stage.REJECTED
            items.append(
                BulkItem(
                    application=application,
                    kind=Kind.REJECTION,
                    dedupe_key=f"rejection:{application.pk}",
                    extra={"reason": reason},
                )
            )
        DecisionItem.objects.bulk_create(records)
        TimelineEvent.objects.bulk_create(events)
        decisive = [
            (record, given.decisive_criteria)
            for record in records
            if (given := plan.written_inputs[record.application_id]).decisive_criteria
        ]
        if decisive and decisive[0][0].pk is not None:
            through = DecisionItem.decisive_criteria.through
            through.objects.bulk_create(
                [
                    through(decisionitem_id=record.pk, criterion_id=criterion)
                    for record, ids in decisive
                    for criterion in ids
                ]
            )
        for message in messages_queue_bulk(items, by=by):
            if message.status == Message.Status.HELD:
                held += 1
            elif message.channel == Message.Channel.LETTER:
                letters += 1
            else:
                emails += 1
    return emails, letters, held


# --- Calls -----------------------------------------------------------------------------


@transaction.atomic
def call_attempt_record(
    *,
    task: CallTask,
    by: User | None,
    outcome: str,
    notes: str = "",
    callback_at: dt.datetime | None = None,
    summary_requested: bool = False,
    talent_pool: bool = False,
    disclosure_requested: bool = False,
) -> CallAttempt:
    """Log one call. Reached: the task is done, with the follow-ups asked for. Three failed
    attempts on at least two different days: the decision is sent in writing instead."""
    task = (
        CallTask.objects.select_for_update()
        .select_related("application__candidate")
        .get(pk=task.pk)
    )
    if not task.is_open:
        raise ValidationError(_("This call is already finished."))
    if outcome not in CallAttempt.Outcome.values:
        raise ValidationError({"outcome": _("Choose how the call went.")})
    now = timezone.now()
    if outcome == CallAttempt.Outcome.CALLBACK:
        if callback_at is None:
            raise ValidationError({"callback_at": _("Give the time the candidate asked for.")})
        if callback_at <= now:
            raise ValidationError({"callback_at": _("The time to call back must be ahead.")})
    elif callback_at is not None:
        callback_at = None
    reached = outcome == CallAttempt.Outcome.REACHED
    if not reached and (summary_requested or talent_pool or disclosure_requested):
        raise ValidationError(_("Follow-ups are recorded when the candidate was reached."))
    attempt = CallAttempt.objects.create(
        task=task, by=by, outcome=outcome, notes=notes.strip(), callback_at=callback_at, at=now
    )
    application = task.application
    _event(
        application.pk,
        by,
        TimelineEvent.Kind.CALL_ATTEMPTED,
        {"outcome": outcome, "callback_at": callback_at.isoformat() if callback_at else ""},
        now,
    ).save()
    if outcome == CallAttempt.Outcome.CALLBACK or task.callback_at is not None:
        # A later attempt replaces an earlier wish to be called back.
        task.callback_at = callback_at
        task.save(update_fields=["callback_at"])
    if reached:
        _reached(task, by, now, summary_requested, talent_pool, disclosure_requested)
    elif _unreachable(task):
        _write_instead(task, by, now)
    return attempt


def _reached(
    task: CallTask,
    by: User | None,
    now: dt.datetime,
    summary_requested: bool,
    talent_pool: bool,
    disclosure_requested: bool,
) -> None:
    task.status, task.closed_at = CallTask.Status.DONE, now
    task.summary_requested = summary_requested
    task.talent_pool = talent_pool
    task.disclosure_requested = disclosure_requested
    task.save(
        update_fields=[
            "status",
            "closed_at",
            "summary_requested",
            "talent_pool",
            "disclosure_requested",
        ]
    )
    application = task.application
    follow_ups = [
        name
        for name, wanted in (
            ("summary", summary_requested),
            ("talent_pool", talent_pool),
            ("disclosure", disclosure_requested),
        )
        if wanted
    ]
    if follow_ups:
        _event(
            application.pk, by, TimelineEvent.Kind.FOLLOW_UP, {"follow_ups": follow_ups}, now
        ).save()
    if summary_requested:
        message_queue(
            application=application,
            kind=Kind.CALL_SUMMARY,
            dedupe_key=f"call-summary:{task.pk}",
            by=by,
            extra={"summary": written_summary(application, task.item)},
            letter=True,
        )


def _unreachable(task: CallTask) -> bool:
    failed = [
        timezone.localdate(attempt.at)
        for attempt in task.attempts.all()
        if attempt.outcome in CallAttempt.FAILED
    ]
    return len(failed) >= FAILED_CALLS_BEFORE_WRITING and len(set(failed)) >= FAILED_CALL_DAYS


def _write_instead(task: CallTask, by: User | None, now: dt.datetime) -> None:
    task.status, task.closed_at = CallTask.Status.WRITTEN, now
    task.save(update_fields=["status", "closed_at"])
    application = task.application
    message_queue(
        application=application,
        kind=Kind.CALL_UNREACHABLE,
        dedupe_key=f"call-unreachable:{task.pk}",
        by=by,
        extra={"summary": written_summary(application, task.item)},
        letter=True,
    )


@transaction.atomic
def letter_mark_printed(*, message: Message, by: User | None) -> Message:
    message = Message.objects.select_for_update().get(pk=message.pk)
    if message.channel != Message.Channel.LETTER or message.status != Message.Status.TO_PRINT:
        raise ValidationError(_("Only a letter waiting to be printed can be marked printed."))
    message.status, message.sent_at = Message.Status.PRINTED, timezone.now()
    message.save(update_fields=["status", "sent_at"])
    if message.application_id:
        _event(
            message.application_id,
            by,
            TimelineEvent.Kind.LETTER_PRINTED,
            {"message": message.pk, "subject": message.subject},
            message.sent_at,
        ).save()
    return message
