"""Decide a recruitment and owe each candidate the right feedback (DESIGN §4).

Who is owed a call is ``aterkoppla.applications.feedback``'s rule (an interview was held);
here it is carried out: a rejection owed a call becomes a call task and never a rejection
message; any other rejection is a written rejection in the candidate's language (or a letter
to print when there is no email address); three failed calls on at least two days become a
written message. Applications are closed by ``applications_close``, the one way they close.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Sum
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from aterkoppla.accounts.models import User
from aterkoppla.applications.events import PROMISE_POSTPONED
from aterkoppla.applications.feedback import Channel, disclosure_refusal, rejection_channel_of
from aterkoppla.applications.models import Application, Merit
from aterkoppla.applications.promises import promise_given
from aterkoppla.applications.services import (
    application_answered,
    application_move,
    applications_close,
)
from aterkoppla.applications.talent_pool import talent_pool_consent_valid
from aterkoppla.assessment.models import Interview, Rating, Scorecard, Screening
from aterkoppla.core.validators import validate_promise_date
from aterkoppla.decisions.call_sheets import feedback_outcome, withheld_details, written_summary
from aterkoppla.decisions.disclosure import disclosure_letter
from aterkoppla.decisions.events import (
    CALL_ATTEMPTED,
    DECIDED,
    DISCLOSURE_REQUESTED,
    DISCLOSURE_SENT,
    FOLLOW_UP,
    LETTER_PRINTED,
)
from aterkoppla.decisions.models import (
    CallAttempt,
    CallTask,
    Decision,
    DecisionItem,
    DisclosureRequest,
)
from aterkoppla.language.gate import Text, language_gate, language_name, other_language
from aterkoppla.language.models import Where
from aterkoppla.lib.call_sheet import mentions
from aterkoppla.lib.call_sheet.person import names_anyone
from aterkoppla.lib.workdays import add_working_days
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.messaging.services import (
    BulkItem,
    message_queue,
    messages_queue_bulk,
    written_date,
)
from aterkoppla.organisation.models import Organisation
from aterkoppla.recruitment.models import Criterion, LegalHold, Recruitment, TeamMembership
from aterkoppla.recruitment.services import StatusCause, legal_hold_set, recruitment_set_status
from aterkoppla.timeline.models import TimelineEvent
from aterkoppla.timeline.services import timeline_event, timeline_record, timeline_record_many

CALL_DUE_WORKING_DAYS = 2
FAILED_CALLS_BEFORE_WRITING = 3
FAILED_CALL_DAYS = 2
# Written rejections are carried out this many at a time: memory stays flat for any size.
BATCH = 500
Result = DecisionItem.Result


@dataclass(frozen=True)
class RejectionInput:
    application_id: int
    decisive_criteria: tuple[int, ...] = ()
    explanation: str = ""


@dataclass
class PlannedItem:
    application: Application
    result: Result
    channel: Channel
    decisive: tuple[int, ...] = ()
    explanation: str = ""


@dataclass
class Plan:
    """What a decision will do, computed without writing anything (for the confirmation)."""

    recruitment: Recruitment
    no_hire: bool = False
    hired: list[PlannedItem] = field(default_factory=list)
    reserve: list[PlannedItem] = field(default_factory=list)
    calls: list[PlannedItem] = field(default_factory=list)
    written_ids: list[int] = field(default_factory=list)
    letters: int = 0
    emails: int = 0
    written_inputs: dict[int, RejectionInput] = field(default_factory=dict)
    # Written rejections of applications nobody assessed against the profile: their message
    # says what was done instead ("the job has been filled"), never "we have assessed".
    unassessed: set[int] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)

    @property
    def rejected_count(self) -> int:
        return len(self.calls) + len(self.written_ids)

    @cached_property
    def outcome(self) -> str:
        """What the rejected may be told of who got the job: someone ("chosen"), nobody yet
        ("pending": others go on) or nobody ("none": cancelled or advertised again)."""
        return feedback_outcome(
            anyone_hired=bool(self.hired)
            or self.recruitment.applications.filter(stage=Application.Stage.HIRED).exists(),
            no_hire=self.no_hire,
        )


@dataclass(frozen=True)
class Outcome:
    decision: Decision
    hired: int
    reserve: int
    calls: list[CallTask]
    emails: int
    letters: int
    held: int


@dataclass(frozen=True)
class _Rejected:
    """What the plan needs to know of a rejected application, read for thousands at once."""

    stage: str
    interviewed: bool
    email: str
    language: str
    reason: str  # the reason written at screening
    assessed: bool


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
    no_hire: bool = False,
    language_override_reason: str = "",
) -> Plan:
    """Check a decision and say what it will do; raise ValidationError naming each problem.

    Three steps: check what was named (each once, all in this recruitment and still open),
    classify each candidate (the feedback channel each is owed), and warn of what will
    weaken the feedback. The explanations are checked by the language check here too
    (nothing recorded yet), so a stopped text is said before the confirmation.
    """
    _check_named(hired, reserve, rejections)
    if no_hire and hired:
        raise ValidationError(
            {"no_hire": _("A decision that hires someone cannot also say that nobody is hired.")}
        )
    closing = _read_closing(recruitment, [*hired, *reserve])
    rejected = _read_rejected(recruitment, [r.application_id for r in rejections])
    _check_found(hired, reserve, rejections, closing, rejected)
    plan = Plan(recruitment=recruitment, no_hire=no_hire)
    _classify_hires(plan, [closing[pk] for pk in hired])
    _classify_reserves(plan, [closing[pk] for pk in reserve], reserve_until)
    _classify_rejections(plan, rejections, rejected)
    language_gate(
        _explanations(plan),
        policy=recruitment.language_policy,
        by=None,
        reason=language_override_reason,
        record=False,
    )
    _check_languages(plan, rejections, rejected)
    _check_contradictions(plan)
    _check_identifying(plan, rejections)
    plan.warnings = [text for _pk, text in _warnings(plan)]
    return plan


def _check_named(
    hired: Sequence[int], reserve: Sequence[int], rejections: Sequence[RejectionInput]
) -> None:
    named = [*hired, *reserve, *(r.application_id for r in rejections)]
    if not named:
        raise ValidationError(_("Name at least one candidate to decide about."))
    twice = {pk for pk, times in Counter(named).items() if times > 1}
    if twice:
        raise ValidationError(
            _("Each application can have one outcome; named more than once: %(ids)s.")
            % {"ids": ", ".join(str(pk) for pk in sorted(twice))}
        )


def _read_closing(recruitment: Recruitment, ids: Sequence[int]) -> dict[int, Application]:
    """Hires and reserves: a few, read whole."""
    return {
        a.pk: a
        for a in Application.objects.filter(recruitment=recruitment, pk__in=ids).select_related(
            "candidate"
        )
    }


def _read_rejected(recruitment: Recruitment, ids: Sequence[int]) -> dict[int, _Rejected]:
    """Rejections are many: one read of what the plan needs, whatever their number. Their
    rows are read whole in batches when the decision is carried out."""
    rows = (
        Application.objects.filter(recruitment=recruitment, pk__in=ids)
        .annotate(screened=Exists(Screening.objects.filter(application=OuterRef("pk"))))
        .values_list(
            "pk",
            "stage",
            "interviewed",
            "candidate__email",
            "candidate__language",
            "rejection_reason",
            "screened",
            "marked_for_rejection",
        )
    )
    return {
        pk: _Rejected(
            stage,
            interviewed,
            email,
            language,
            reason,
            assessed=screened or interviewed or marked,
        )
        for pk, stage, interviewed, email, language, reason, screened, marked in rows
    }


def _check_found(
    hired: Sequence[int],
    reserve: Sequence[int],
    rejections: Sequence[RejectionInput],
    closing: dict[int, Application],
    rejected: dict[int, _Rejected],
) -> None:
    named = [*hired, *reserve, *(r.application_id for r in rejections)]
    missing = [pk for pk in named if pk not in closing and pk not in rejected]
    if missing:
        raise ValidationError(
            ngettext(
                "Application %(ids)s is not in this recruitment.",
                "Applications %(ids)s are not in this recruitment.",
                len(missing),
            )
            % {"ids": ", ".join(str(pk) for pk in missing[:20])}
        )
    closed = [pk for pk, row in rejected.items() if row.stage in Application.CLOSED_STAGES]
    closed += [pk for pk, a in closing.items() if a.stage in Application.CLOSED_STAGES]
    if closed:
        raise ValidationError(
            _("Already decided (hired, rejected or withdrawn): %(ids)s.")
            % {"ids": ", ".join(str(pk) for pk in closed[:20])}
        )


def _classify_hires(plan: Plan, applications: Sequence[Application]) -> None:
    for application in applications:
        if application.stage not in Application.INVITED_STAGES:
            raise ValidationError(
                _("%(name)s has not been interviewed and cannot be hired here.")
                % {"name": application.candidate.full_name}
            )
        plan.hired.append(PlannedItem(application, Result.HIRED, Channel.IN_PERSON))


def _classify_reserves(
    plan: Plan, applications: Sequence[Application], reserve_until: dt.date | None
) -> None:
    for application in applications:
        if application.stage not in Application.INVITED_STAGES:
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
        plan.reserve.append(PlannedItem(application, Result.RESERVE, Channel.EMAIL))
    if reserve_until is not None and reserve_until < timezone.localdate():
        raise ValidationError({"reserve_until": _("The date cannot be in the past.")})
    validate_promise_date(
        reserve_until, today=timezone.localdate(), field="reserve_until", past_allowed=True
    )


def _classify_rejections(
    plan: Plan, rejections: Sequence[RejectionInput], rejected: dict[int, _Rejected]
) -> None:
    """Each rejection by the channel it is owed: the calls are named one by one, the written
    ones counted (emails and letters)."""
    criteria = set(
        Criterion.objects.filter(recruitment=plan.recruitment).values_list("pk", flat=True)
    )
    calls = [
        r
        for r in rejections
        if rejection_channel_of(
            interviewed=rejected[r.application_id].interviewed,
            email=rejected[r.application_id].email,
        )
        == Channel.CALL
    ]
    called = {
        a.pk: a
        for a in Application.objects.filter(pk__in=[r.application_id for r in calls])
        .select_related("candidate")
        .order_by()
    }
    problems: list[str] = []
    for item in rejections:
        unknown = set(item.decisive_criteria) - criteria
        if unknown:
            problems.append(
                _("Unknown requirement for this recruitment: %(ids)s.")
                % {"ids": ", ".join(str(pk) for pk in sorted(unknown))}
            )
            continue
        facts = rejected[item.application_id]
        channel = rejection_channel_of(interviewed=facts.interviewed, email=facts.email)
        if channel != Channel.CALL:
            plan.written_ids.append(item.application_id)
            plan.written_inputs[item.application_id] = item
            if not facts.assessed:
                plan.unassessed.add(item.application_id)
            if channel == Channel.EMAIL:
                plan.emails += 1
            else:
                plan.letters += 1
            continue
        application = called[item.application_id]
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
                Result.REJECTED,
                Channel.CALL,
                tuple(item.decisive_criteria),
                item.explanation.strip(),
            )
        )
    if problems:
        raise ValidationError(problems)


def _check_languages(
    plan: Plan, rejections: Sequence[RejectionInput], rejected: dict[int, _Rejected]
) -> None:
    """A reason goes to its candidate only in the candidate's language: a text that clearly
    reads as the other language is refused, per language, with how many it concerns."""
    wrong: Counter[tuple[str, str]] = Counter()
    for item in rejections:
        facts = rejected[item.application_id]
        reason = item.explanation.strip() or (
            facts.reason if item.application_id in plan.written_inputs else ""
        )
        written_in = other_language(reason, facts.language)
        if written_in is not None:
            wrong[(facts.language, written_in)] += 1
    problems = [
        ngettext(
            "%(n)s candidate reads %(language)s but would get a reason in %(other)s: give the "
            "reason in %(language)s.",
            "%(n)s candidates read %(language)s but would get a reason in %(other)s: give the "
            "reason in %(language)s.",
            n,
        )
        % {"n": n, "language": language_name(language), "other": language_name(other)}
        for (language, other), n in sorted(wrong.items())
    ]
    if problems:
        raise ValidationError(problems)


def _check_identifying(plan: Plan, rejections: Sequence[RejectionInput]) -> None:
    """No reason or explanation names the people chosen or the employers, schools and years of
    their merits: the candidate must not be able to tell who got the job."""
    hired = [item.application for item in plan.hired] + list(
        plan.recruitment.applications.filter(stage=Application.Stage.HIRED).select_related(
            "candidate"
        )
    )
    if not hired:
        return
    details = withheld_details(hired)
    named = sorted(
        {
            detail
            for item in rejections
            for detail in details
            if item.explanation and names_anyone(item.explanation, (detail,))
        }
    )
    if named:
        raise ValidationError(
            _(
                "A reason names the person chosen or details of their merits (%(details)s): "
                "speak of merits in general terms, such as kind, level and length."
            )
            % {"details": ", ".join(named)}
        )


def _check_contradictions(plan: Plan) -> None:
    """A requirement named as decisive although the candidate scored at least as high on it
    as the person chosen is read out from the decider's explanation, never from the scores:
    the explanation must say why that requirement decided (name it)."""
    problems = [
        _(
            "%(name)s scored at least as high as the person chosen on “%(criterion)s”, which "
            "you named as decisive: say in the explanation why it decided (name the "
            "requirement), or do not name it as decisive."
        )
        % {"name": item.application.candidate.full_name, "criterion": criterion}
        for item, criterion in _contradictions(plan)
        if not mentions(item.explanation, criterion)
    ]
    if problems:
        raise ValidationError(problems)


def interview_warnings(
    recruitment: Recruitment, applications: Sequence[Application]
) -> dict[int, list[str]]:
    """For the decision screen: what is missing for each interviewed candidate (merits,
    scorecards, a phone number), before any outcome is chosen."""
    plan = Plan(recruitment=recruitment)
    plan.calls = [PlannedItem(a, Result.REJECTED, Channel.CALL) for a in applications]
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

    invited = [*plan.hired, *plan.calls, *plan.reserve]
    with_merits = set(
        Merit.objects.filter(application_id__in=[item.application.pk for item in invited])
        .values_list("application_id", flat=True)
        .distinct()
    )
    for item in invited:
        if item.application.pk not in with_merits:
            warn(
                item, _("%(name)s has no merits summary: the written information may be asked for.")
            )
    for item in plan.calls:
        if not item.application.candidate.phone:
            warn(item, _("%(name)s has no phone number: the call cannot be made as things stand."))
    ids = [item.application.pk for item in [*plan.hired, *plan.calls]]
    owed = Interview.interviewers.through.objects.filter(
        interview__application_id__in=ids, interview__cancelled_at__isnull=True
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
    return warnings


def _contradictions(plan: Plan) -> list[tuple[PlannedItem, str]]:
    """(call, requirement name) for each decisive requirement on which the candidate scored
    at least as high as the people chosen (in this decision or before)."""
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
    found = []
    for item in calls:
        for criterion_id in item.decisive:
            own, chosen = mean((item.application.pk, criterion_id)), mean(("hired", criterion_id))
            if own is not None and chosen is not None and own >= chosen:
                found.append((item, names[criterion_id]))
    return found


def _chunks(ids: Sequence[int], size: int) -> Iterator[list[int]]:
    iterator = iter(ids)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _explanations(plan: Plan) -> list[Text]:
    """The texts of a decision for the language check: each call's explanation (on its
    candidate's timeline if kept), and each distinct written reason once (a reason common
    to many is kept once, on the log)."""
    texts = [
        Text(
            name=f"explanation:{item.application.pk}",
            text=item.explanation,
            where=Where.REJECTION,
            application=item.application,
        )
        for item in plan.calls
    ]
    shared: dict[str, list[int]] = {}
    for pk in plan.written_ids:
        explanation = plan.written_inputs[pk].explanation.strip()
        if explanation:
            shared.setdefault(explanation, []).append(pk)
    single = [ids[0] for ids in shared.values() if len(ids) == 1]
    applications = Application.objects.select_related("candidate", "recruitment").in_bulk(single)
    for explanation, ids in shared.items():
        texts.append(
            Text(
                name=f"explanation:{ids[0]}",
                text=explanation,
                where=Where.REJECTION,
                application=applications.get(ids[0]) if len(ids) == 1 else None,
            )
        )
    return texts


@transaction.atomic
def decision_record(
    *,
    recruitment: Recruitment,
    by: User | None,
    hired: Sequence[int] = (),
    reserve: Sequence[int] = (),
    rejections: Sequence[RejectionInput] = (),
    reserve_until: dt.date | None = None,
    no_hire: bool = False,
    language_override_reason: str = "",
) -> Outcome:
    """Carry out a decision: hire, make reserves, reject with the channel each is owed.

    The explanations pass the language check (``LanguageBlocked`` names each stopped one as
    ``explanation:<application id>``) unless ``language_override_reason`` says why they are
    kept. Everything happens in one transaction, so a decision is carried out whole or not at
    all; the messages leave when the worker finds them committed.
    """
    plan = decision_plan(
        recruitment=recruitment,
        hired=hired,
        reserve=reserve,
        rejections=rejections,
        reserve_until=reserve_until,
        no_hire=no_hire,
        language_override_reason=language_override_reason,
    )
    language_gate(
        _explanations(plan),
        policy=recruitment.language_policy,
        by=by,
        reason=language_override_reason,
        subject=recruitment.title,
    )
    Recruitment.objects.select_for_update().filter(pk=recruitment.pk).first()
    now = timezone.now()
    decision = Decision.objects.create(
        recruitment=recruitment, decided_by=by, decided_at=now, no_hire=no_hire
    )
    if plan.hired:  # the job is filled: decided, before the closes that may complete it
        recruitment_set_status(
            recruitment=recruitment,
            status=Recruitment.Status.DECIDED,
            by=by,
            cause=StatusCause.DECISION,
        )
    for item in plan.hired:
        application = item.application
        if application.stage != Application.Stage.OFFER:
            application_move(application=application, to_stage=Application.Stage.OFFER, by=by)
            application.stage = Application.Stage.OFFER
        applications_close(applications=[application], outcome=Application.Stage.HIRED, by=by)
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
    calls = _call_tasks(decision, plan, by, now)
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
    timeline_record(
        application=item.application,
        kind=DECIDED,
        by=by,
        at=now,
        data={
            "result": item.result,
            "channel": item.channel,
            "decisive": names,
            "explanation": item.explanation,
        },
    )
    return record


def _reserve_again(
    application: Application, reserve_until: dt.date, by: User | None, decision: Decision
) -> None:
    """A reserve kept on with a new date: the promise changes, and the candidate is told."""
    Application.objects.filter(pk=application.pk).update(reply_by=reserve_until)
    previous, application.reply_by = application.reply_by, reserve_until
    promise_given(application=application, due=reserve_until, at=timezone.now())
    timeline_record(
        application=application,
        kind=PROMISE_POSTPONED,
        by=by,
        data={
            "reply_by": reserve_until.isoformat(),
            "previous_reply_by": previous.isoformat() if previous else None,
        },
    )
    message_queue(
        application=application,
        kind=Kind.RESERVE,
        dedupe_key=f"reserve:{application.pk}:{decision.pk}",
        by=by,
    )


def _call_tasks(
    decision: Decision, plan: Plan, by: User | None, now: dt.datetime
) -> list[CallTask]:
    """Rejected and owed a call: closed, a call task each, and no rejection message."""
    if not plan.calls:
        return []
    applications_close(
        applications=[item.application for item in plan.calls],
        outcome=Application.Stage.REJECTED,
        by=by,
        answered=False,
    )
    caller = caller_for(decision.recruitment)
    due = add_working_days(timezone.localdate(now), CALL_DUE_WORKING_DAYS)
    tasks = []
    for item in plan.calls:
        application = item.application
        record = _record(decision, item, by, now)
        tasks.append(
            CallTask.objects.create(
                application=application, item=record, assigned_to=caller, due=due
            )
        )
        if decision.recruitment.call_notice:
            message_queue(
                application=application,
                kind=Kind.CALL_NOTICE,
                dedupe_key=f"call-notice:{application.pk}",
                by=by,
            )
    return tasks


def _written_rejections(
    decision: Decision, plan: Plan, by: User | None, now: dt.datetime
) -> tuple[int, int, int]:
    """Not owed a call: close each application and queue its written rejection, in batches
    (the close, a few inserts and the rendering per batch)."""
    emails = letters = held = 0
    outcome = plan.outcome
    for chunk in _chunks(plan.written_ids, BATCH):
        applications = list(
            Application.objects.filter(pk__in=chunk)
            .exclude(stage__in=Application.CLOSED_STAGES)
            .select_related("candidate")
        )
        for application in applications:
            # One recruitment object for all: no join repeating its row per application.
            application.recruitment = decision.recruitment
        applications_close(applications=applications, outcome=Application.Stage.REJECTED, by=by)
        records, events, items = [], [], []
        for application in applications:
            given = plan.written_inputs[application.pk]
            reason = given.explanation.strip() or application.rejection_reason
            channel = rejection_channel_of(
                interviewed=application.interviewed, email=application.candidate.email
            )
            records.append(
                DecisionItem(
                    decision=decision,
                    application=application,
                    result=Result.REJECTED,
                    channel=channel,
                    explanation=reason,
                )
            )
            events.append(
                timeline_event(
                    application_id=application.pk,
                    kind=DECIDED,
                    by=by,
                    at=now,
                    data={"result": Result.REJECTED, "channel": channel, "explanation": reason},
                )
            )
            items.append(
                BulkItem(
                    application=application,
                    kind=Kind.REJECTION,
                    dedupe_key=f"rejection:{application.pk}",
                    extra={
                        "reason": reason,
                        "assessed": "" if application.pk in plan.unassessed else "yes",
                        "outcome": outcome,
                    },
                )
            )
        DecisionItem.objects.bulk_create(records)
        timeline_record_many(events)
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
    language_override_reason: str = "",
) -> CallAttempt:
    """Log one call. Reached: the task is done, with the follow-ups asked for (a summary; a
    "yes" to future jobs gets the link to join the talent pool, in the summary or else in a
    message of its own, never a consent). Three failed attempts on at least two different
    days: the decision is sent in writing instead.

    The notes pass the language check (``LanguageBlocked`` names them ``notes``) unless
    ``language_override_reason`` says why they are kept: the candidate may ask to see them.
    """
    task = (
        CallTask.objects.select_for_update()
        .select_related("application__candidate", "application__recruitment")
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
    application = task.application
    notes = notes.strip()
    language_gate(
        [Text(name="notes", text=notes, where=Where.CALL, application=application)],
        policy=application.recruitment.language_policy,
        by=by,
        reason=language_override_reason,
    )
    attempt = CallAttempt.objects.create(
        task=task, by=by, outcome=outcome, notes=notes, callback_at=callback_at, at=now
    )
    timeline_record(
        application=application,
        kind=CALL_ATTEMPTED,
        by=by,
        at=now,
        data={"outcome": outcome, "callback_at": callback_at.isoformat() if callback_at else ""},
    )
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
    application_answered(application=application, at=now, by=by)
    disclosure_due = (
        disclosure_request(
            application=application, by=by, via=DisclosureRequest.Via.CALL, at=now
        ).due
        if disclosure_requested
        else None
    )
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
        timeline_record(
            application=application,
            kind=FOLLOW_UP,
            by=by,
            at=now,
            data={
                "follow_ups": follow_ups,
                "disclosure_due": disclosure_due.isoformat() if disclosure_due else "",
            },
        )
    # The candidate's "yes" to future jobs is interest, not consent (``applications.
    # talent_pool``): they get the link to confirm it themselves, unless already in the pool.
    offer_pool = talent_pool and talent_pool_consent_valid(application.candidate, now) is None
    if summary_requested:
        message_queue(
            application=application,
            kind=Kind.CALL_SUMMARY,
            dedupe_key=f"call-summary:{task.pk}",
            by=by,
            extra={
                **written_summary(application, task.item),
                "disclosure_due": (
                    written_date(disclosure_due, application.candidate.language)
                    if disclosure_due
                    else ""
                ),
                "talent_pool_wanted": "yes" if offer_pool else "",
            },
            letter=True,
        )
    elif offer_pool:
        # By email only: a link on paper to confirm is not worth a letter of its own. It
        # carries the survey the call sheet promised too: one message, not two.
        message_queue(
            application=application,
            kind=Kind.TALENT_POOL_OFFER,
            dedupe_key=f"talent-pool-offer:{task.pk}",
            by=by,
        )
    else:
        # The call sheet promised a short survey (``call_sheets.facts_for``): without a
        # summary to carry its link, it comes in a message of its own (email only).
        message_queue(
            application=application,
            kind=Kind.SURVEY_INVITATION,
            dedupe_key=f"survey-invitation:{task.pk}",
            by=by,
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
    application_answered(application=application, at=now, by=by)
    message_queue(
        application=application,
        kind=Kind.CALL_UNREACHABLE,
        dedupe_key=f"call-unreachable:{task.pk}",
        by=by,
        extra=written_summary(application, task.item),
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
        timeline_record(
            application_id=message.application_id,
            kind=LETTER_PRINTED,
            by=by,
            at=message.sent_at,
            data={"message": message.pk, "subject": message.subject},
        )
    return message


# --- The written information under diskrimineringslagen 2 kap. 4 § ----------------------------


@transaction.atomic
def disclosure_request(
    *,
    application: Application,
    by: User | None,
    via: str,
    at: dt.datetime | None = None,
) -> DisclosureRequest:
    """Record a request for the written information under diskrimineringslagen 2 kap. 4 §,
    with the date it is promised by (the organisation's working days, Swedish holidays
    excluded), on the timeline, and put a legal hold on the recruitment (DESIGN §7) in the
    same transaction. An open request for the application is returned as it is:
    asking twice promises nothing new. ``ValidationError`` when the applicant may not ask."""
    if via not in DisclosureRequest.Via.values:
        raise ValidationError({"via": _("Say how the request was received.")})
    application = Application.objects.select_for_update().get(pk=application.pk)
    refusal = disclosure_refusal(application)
    if refusal:
        raise ValidationError(refusal, code="not_eligible")
    existing = DisclosureRequest.objects.filter(
        application=application, status=DisclosureRequest.Status.OPEN
    ).first()
    if existing is not None:
        return existing
    at = at or timezone.now()
    days = Organisation.current().disclosure_working_days
    request = DisclosureRequest.objects.create(
        application=application,
        via=via,
        requested_at=at,
        requested_by=by,
        due=add_working_days(timezone.localdate(at), days),
    )
    timeline_record(
        application=application,
        kind=DISCLOSURE_REQUESTED,
        by=by,
        at=at,
        actor=TimelineEvent.Actor.CANDIDATE if via == DisclosureRequest.Via.PORTAL else None,
        data={"request": request.pk, "via": via, "due": request.due.isoformat()},
    )
    # A request may precede a claim (diskrimineringslagen 6 kap. 4 §): nothing of the
    # recruitment is anonymised while it may be needed. Worded for the staff, in the
    # product's default language, and naming no one (the hold outlives anonymisation).
    with translation.override(settings.LANGUAGE_CODE):
        reason = _(
            "Request for written information under diskrimineringslagen 2 kap. 4 § "
            "(application %(id)s), received %(date)s."
        ) % {"id": application.pk, "date": formats.date_format(timezone.localdate(at), "j F Y")}
    legal_hold_set(
        recruitment=application.recruitment,
        source=LegalHold.Source.DISCLOSURE,
        reason=reason,
        by=by,
    )
    return request


@transaction.atomic
def disclosure_send(*, request: DisclosureRequest, by: User | None) -> Message:
    """Send the letter answering ``request``, as reviewed (``decisions.disclosure``): by email
    in the requester's language, or as a letter to print when there is no address. The
    request is answered; both are on the timeline."""
    request = DisclosureRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != DisclosureRequest.Status.OPEN:
        raise ValidationError(_("This request has already been answered."))
    application = request.application
    letter = disclosure_letter(request)
    message = message_queue(
        application=application,
        kind=Kind.DISCLOSURE_LETTER,
        dedupe_key=f"disclosure:{request.pk}",
        by=by,
        extra={
            "summary": letter.text,
            "outcome": feedback_outcome(anyone_hired=bool(letter.hired), no_hire=False),
        },
        letter=True,
    )
    if message is None:  # with ``letter=True`` a candidate without email gets a letter
        raise ValidationError(_("The letter could not be made."))
    now = timezone.now()
    request.status, request.answered_at = DisclosureRequest.Status.ANSWERED, now
    request.save(update_fields=["status", "answered_at"])
    timeline_record(
        application=application,
        kind=DISCLOSURE_SENT,
        by=by,
        at=now,
        data={"request": request.pk, "message": message.pk, "channel": message.channel},
    )
    return message
