"""Receiving applications and moving them through the stages."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from aterkoppla.accounts.models import User
from aterkoppla.applications.events import RECEIVED, STAGE_CHANGED
from aterkoppla.applications.merits import merits_from_input, merits_save
from aterkoppla.applications.models import Application, Candidate, Document
from aterkoppla.applications.promises import promise_given, promises_answered
from aterkoppla.core.validators import validate_promise_date
from aterkoppla.lib.documents import DocumentType
from aterkoppla.lib.phone import InvalidPhoneNumber, to_e164
from aterkoppla.lib.workdays import add_working_days
from aterkoppla.messaging.models import Kind
from aterkoppla.messaging.services import message_queue
from aterkoppla.recruitment.models import Recruitment
from aterkoppla.recruitment.services import StatusCause, profile_freeze, recruitment_set_status
from aterkoppla.timeline.models import TimelineEvent
from aterkoppla.timeline.services import timeline_event, timeline_record, timeline_record_many

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class IncomingDocument:
    """An uploaded file already identified by ``aterkoppla.lib.documents.identify``."""

    kind: str
    name: str
    file: File
    type: DocumentType


def _store_documents(
    application: Application, documents: Sequence[IncomingDocument]
) -> list[Document]:
    """Write the files and their rows; on failure the files written so far are removed (the
    transaction takes the rows). Returns the documents, whose files the caller removes if
    it fails later in the same transaction."""
    stored: list[Document] = []
    try:
        for incoming in documents:
            digest = hashlib.sha256()
            for chunk in incoming.file.chunks():
                digest.update(chunk)
            document = Document(
                application=application,
                kind=incoming.kind,
                original_name=_safe_name(incoming.name, incoming.type),
                content_type=incoming.type.content_type,
                size=incoming.file.size,
                sha256=digest.hexdigest(),
            )
            incoming.file.seek(0)
            document.file.save("upload", incoming.file, save=False)
            stored.append(document)
            document.save()
    except BaseException:
        _remove_files(stored)
        raise
    return stored


def _remove_files(documents: Sequence[Document]) -> None:
    """The transaction rolls the rows back; the files on disk are ours to remove. (One left
    behind by a rollback further out is removed by the retention sweep's orphan check.)"""
    for document in documents:
        document.file.delete(save=False)


def _safe_name(name: str, doc_type: DocumentType) -> str:
    """The candidate's file name for display and download, with the extension it really has."""
    stem = Path(name.replace("\\", "/")).name.rsplit(".", 1)[0].strip() or "document"
    stem = "".join(ch for ch in stem if ch.isprintable() and ch not in '"/\\')[:120]
    return f"{stem}{doc_type.extension}"


def reply_by_for(recruitment: Recruitment, received: dt.date) -> dt.date:
    """The answer date promised to an application received on ``received``.

    The recruitment's promised date, unless that leaves less than the minimum notice (a late
    application, a date already passed); then the minimum notice in working days. Without a
    promised date on the recruitment: the default number of working days. Notice is counted
    from today for applications entered after they arrived (imports), so that no application
    starts with a promise that is already broken.
    """
    start = max(received, timezone.localdate())
    earliest = add_working_days(start, settings.MIN_REPLY_WORKING_DAYS)
    if recruitment.first_reply_by is None:
        return add_working_days(start, settings.DEFAULT_REPLY_WORKING_DAYS)
    return max(recruitment.first_reply_by, earliest)


def _candidate_for(
    *, first_name: str, last_name: str, email: str, phone: str, language: str
) -> Candidate:
    """Find the person by email (case-insensitive), or create them.

    A known person's details are not overwritten by a new application: whoever knows an
    address could otherwise rename someone on all their applications. Only a missing phone
    number is filled in. Staff correct details by hand.
    """
    try:
        phone = to_e164(phone)
    except InvalidPhoneNumber:
        raise ValidationError(
            {"phone": _("“%(phone)s” is not a phone number we can call.") % {"phone": phone}}
        ) from None
    submitted = Candidate(
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email.strip(),
        phone=phone,
        language=language,
    )
    submitted.full_clean(validate_unique=False, validate_constraints=False)
    known = Candidate.with_email(submitted.email).select_for_update().first()
    if known is None:
        submitted.save()
        return submitted
    if not known.phone and phone:
        known.phone = phone
        known.save(update_fields=["phone"])
    return known


@transaction.atomic
def application_receive(
    *,
    recruitment: Recruitment,
    first_name: str,
    last_name: str,
    email: str = "",
    phone: str = "",
    language: str = "sv",
    merits: Any = None,
    source: str = Application.Source.MANUAL,
    by: User | None = None,
    received_at: dt.datetime | None = None,
    documents: Sequence[IncomingDocument] = (),
    acknowledge: bool = True,
) -> Application:
    """Register an application and promise the candidate an answer date (P1, P2).

    Every way in (career page, API, import, by hand) comes through here. ``acknowledge=False``
    (an import of applications that were already acknowledged elsewhere) is recorded on the
    timeline so that no acknowledgement is sent for them.

    ``merits`` in any form ``applications.merits.merits_from_input`` takes: merits written as
    free text are split into their parts, and held for review when that is not safe.
    """
    if recruitment.status in (Recruitment.Status.DECIDED, Recruitment.Status.COMPLETED):
        # The job is filled: an application now would be promised an answer about a job that
        # is not to be had. Reopening the recruitment (with a reason) comes first.
        raise ValidationError(
            _("This job has been filled: the recruitment takes no more applications."),
            code="filled",
        )
    now = timezone.now()
    received_at = received_at or now
    if received_at > now:
        raise ValidationError({"received_at": _("An application cannot arrive in the future.")})
    cleaned_merits = merits_from_input(merits)
    candidate = _candidate_for(
        first_name=first_name, last_name=last_name, email=email, phone=phone, language=language
    )
    if Application.objects.filter(candidate=candidate, recruitment=recruitment).exists():
        raise ValidationError(
            {
                "email": ValidationError(
                    _("This person has already applied to this recruitment."), code="duplicate"
                )
            }
        )
    reply_by = reply_by_for(recruitment, timezone.localtime(received_at).date())
    application = Application(
        candidate=candidate,
        recruitment=recruitment,
        source=source,
        received_at=received_at,
        stage_changed_at=received_at,
        reply_by=reply_by,
    )
    application.full_clean(validate_unique=False)
    application.save()
    merits_save(application, cleaned_merits)
    stored = _store_documents(application, documents)
    try:
        promise_given(application=application, due=reply_by, at=received_at)
        data: dict[str, str | bool] = {"source": source, "reply_by": reply_by.isoformat()}
        if not acknowledge:
            data["acknowledge"] = False
        timeline_record(application=application, by=by, kind=RECEIVED, data=data, at=received_at)
    except BaseException:
        _remove_files(stored)
        raise
    if acknowledge:
        try:
            # In a savepoint: an acknowledgement that cannot be written must not cost the
            # candidate their application. The ``acknowledgements`` sweep writes it later.
            with transaction.atomic():
                acknowledgement_queue(application, by=by)
        except Exception:
            logger.exception(
                "The acknowledgement of application %s could not be written; the worker's "
                "sweep tries again",
                application.pk,
            )
    return application


def acknowledgement_queue(application: Application, *, by: User | None = None) -> None:
    """Queue the acknowledgement (once: its dedupe key is the application's)."""
    message_queue(
        application=application,
        kind=Kind.ACKNOWLEDGEMENT,
        dedupe_key=f"acknowledgement:{application.pk}",
        by=by,
    )


# How far back the sweep looks for an application whose acknowledgement was never written.
ACKNOWLEDGEMENT_LOOKBACK = dt.timedelta(days=7)


def acknowledgements_missing(now: dt.datetime) -> QuerySet[Application]:
    """Open applications received in the last week that should have an acknowledgement and
    have none (its writing failed when they arrived)."""
    return (
        Application.objects.filter(received_at__gte=now - ACKNOWLEDGEMENT_LOOKBACK)
        .exclude(stage__in=Application.CLOSED_STAGES)
        .exclude(messages__kind=Kind.ACKNOWLEDGEMENT)
        .exclude(timeline__kind=RECEIVED, timeline__data__acknowledge=False)
    )


def acknowledgements_sweep(now: dt.datetime) -> list[int]:
    """Write each missing acknowledgement; one that fails again is logged and tried next
    time. Returns the applications acknowledged now."""
    done = []
    for application in acknowledgements_missing(now).select_related("candidate", "recruitment"):
        try:
            with transaction.atomic():
                acknowledgement_queue(application)
        except Exception:
            logger.exception("The acknowledgement of application %s failed again", application.pk)
        else:
            done.append(application.pk)
    return done


# What the candidate is told when their application reaches a stage (DESIGN §4). Offers and
# hiring are done in person; rejections get their own channel rules (``feedback``).
STAGE_MESSAGES: dict[str, Kind] = {
    Application.Stage.SCREENING: Kind.STATUS_UPDATE,
    Application.Stage.INTERVIEW: Kind.STATUS_UPDATE,
    Application.Stage.RESERVE: Kind.RESERVE,
    Application.Stage.WITHDRAWN: Kind.WITHDRAWAL_CONFIRMATION,
}


def _dated(at: dt.datetime | None, earliest: dt.datetime) -> tuple[dt.datetime, bool]:
    """The time a change happened, and whether it was entered afterwards (``at`` given)."""
    now = timezone.now()
    if at is None:
        return now, False
    if at > now or at < earliest:
        raise ValidationError(
            {"at": _("A move cannot be dated before the application or in the future.")}
        )
    return at, True


def _refuse_transition(from_stage: str, to_stage: str) -> None:
    """Refuse a stage change the stages do not allow (``Application.TRANSITIONS``)."""
    if to_stage not in Application.Stage.values:
        raise ValidationError({"to_stage": _("Unknown stage “%(stage)s”.") % {"stage": to_stage}})
    if to_stage not in Application.TRANSITIONS[from_stage]:
        raise ValidationError(
            {
                "to_stage": _("An application cannot move from “%(from)s” to “%(to)s”.")
                % {
                    "from": Application.Stage(from_stage).label,
                    "to": Application.Stage(to_stage).label,
                }
            }
        )


@transaction.atomic
def application_move(
    *,
    application: Application,
    to_stage: str,
    by: User | None,
    reply_by: dt.date | None = None,
    at: dt.datetime | None = None,
) -> Application:
    """Move an open application to another open stage, if the move is allowed.

    A move may give a new promised answer date, and must when the current one has passed: a
    broken promise is not carried on silently (P2). ``at`` records when a move happened that
    is entered afterwards (imports); it cannot be in the future or before the application
    arrived, and such a move sends no message. Closing an application (rejected, withdrawn,
    hired) is :func:`applications_close`'s.
    """
    application = Application.objects.select_for_update().get(pk=application.pk)
    _refuse_transition(application.stage, to_stage)
    if to_stage in Application.CLOSED_STAGES:
        raise ValidationError(
            {
                "to_stage": _(
                    "A rejection is made on the decision page, which gives the candidate the "
                    "feedback they are owed."
                )
                if to_stage == Application.Stage.REJECTED
                else _("“%(to)s” closes the application: close it instead of moving it.")
                % {"to": Application.Stage(to_stage).label}
            }
        )
    at, backdated = _dated(at, application.received_at)
    today = timezone.localdate(at)
    if reply_by is not None and reply_by < today:
        raise ValidationError({"reply_by": _("The promised answer date cannot be in the past.")})
    validate_promise_date(reply_by, today=today, field="reply_by", past_allowed=True)
    # An open application always has a promised date (P2): kept, unless a new one is given.
    promised = reply_by if reply_by is not None else application.reply_by
    if promised is None or promised < today:
        raise ValidationError(
            {"reply_by": _("The promised answer date has passed. Give the candidate a new one.")}
        )
    # Moving on means screening has started: the profile is in force from now on.
    profile_freeze(recruitment=application.recruitment, by=by)
    from_stage = application.stage
    application.stage = to_stage
    application.stage_changed_at = at
    application.reply_by = promised
    application.save(update_fields=["stage", "stage_changed_at", "reply_by"])
    promise_given(application=application, due=promised, at=at)
    event = timeline_record(
        application=application,
        by=by,
        kind=STAGE_CHANGED,
        data={"from": from_stage, "to": to_stage, "reply_by": promised.isoformat()},
        at=at,
    )
    # A move entered afterwards is history: the candidate was told (or not) back then.
    if to_stage in STAGE_MESSAGES and not backdated:
        message_queue(
            application=application,
            kind=STAGE_MESSAGES[to_stage],
            dedupe_key=f"stage:{application.pk}:{event.pk}",
            by=by,
        )
    return application


@transaction.atomic
def applications_close(
    *,
    applications: Sequence[Application],
    outcome: str,
    by: User | None,
    at: dt.datetime | None = None,
    by_candidate: bool = False,
    answered: bool = True,
) -> list[Application]:
    """Close applications with their final answer: ``rejected``, ``withdrawn`` or ``hired``.

    The one way an application closes, for one or thousands at a time (a decision closes its
    written rejections in batches): each must be open and allowed to end this way (a hire
    follows an offer). It records the stage it was closed from (which, with whether an
    interview was held, decided the channel of the answer), the time of the final answer
    (retention counts from it, DESIGN §8), takes back a proposal to reject from screening, and
    writes a stage change on each timeline. A withdrawal is confirmed to the candidate; a
    rejection's answer is the decision's (``aterkoppla.decisions``), a hire is told in person.
    ``at`` dates a close entered afterwards (nothing is sent for it); ``by_candidate`` records
    that the candidate did it (withdrawing from their page). ``answered=False`` closes a
    rejection owed a call: the candidate is told when the call is reached or the written
    fallback is sent (``application_answered``), and until then nobody may say they know.
    """
    if not answered and outcome != Application.Stage.REJECTED:
        raise ValueError("only a rejection can wait for its answer")
    if outcome not in Application.CLOSED_STAGES:
        # Not a closed stage: the same answer as for any stage that is not one.
        raise ValidationError({"to_stage": _("Unknown stage “%(stage)s”.") % {"stage": outcome}})
    if not applications:
        return []
    by_pk = {application.pk: application for application in applications}
    rows = list(
        Application.objects.select_for_update()
        .filter(pk__in=list(by_pk))
        .values_list("pk", "stage", "received_at", "recruitment_id")
    )
    if len(rows) != len(by_pk):
        raise ValidationError(_("An application to close does not exist."))
    latest_arrival = max(received for _pk, _stage, received, _r in rows)
    at, backdated = _dated(at, latest_arrival)
    for _pk, stage, _received, _r in rows:
        _refuse_transition(stage, outcome)
    Application.objects.filter(pk__in=list(by_pk)).update(
        closed_from_stage=F("stage"),
        stage=outcome,
        stage_changed_at=at,
        final_answer_at=at if answered else None,
        marked_for_rejection=False,
    )
    if answered:
        promises_answered(
            application_ids=list(by_pk), at=at, void=outcome == Application.Stage.WITHDRAWN
        )
    actor = TimelineEvent.Actor.CANDIDATE if by_candidate else None
    closed = []
    events = []
    for pk, stage, _received, _r in rows:
        application = by_pk[pk]
        closed.append(application)
        application.closed_from_stage, application.stage = stage, outcome
        application.stage_changed_at = at
        application.final_answer_at = at if answered else None
        application.marked_for_rejection = False
        events.append(
            timeline_event(
                application_id=pk,
                kind=STAGE_CHANGED,
                by=by,
                actor=actor,
                data={"from": stage, "to": outcome},
                at=at,
            )
        )
    events = timeline_record_many(events)
    if outcome in STAGE_MESSAGES and not backdated:
        for application, event in zip(closed, events, strict=True):
            message_queue(
                application=application,
                kind=STAGE_MESSAGES[outcome],
                dedupe_key=f"stage:{application.pk}:{event.pk}",
                by=by,
            )
    recruitment_ids = {recruitment_id for _pk, _stage, _received, recruitment_id in rows}
    for recruitment in Recruitment.objects.filter(
        pk__in=recruitment_ids, status=Recruitment.Status.DECIDED
    ):
        recruitment_complete_if_answered(recruitment=recruitment, by=by)
    return list(applications)


def application_answered(
    *, application: Application, at: dt.datetime, by: User | None = None
) -> Application:
    """The candidate has been told the outcome of a closed application (a rejection's call was
    reached, or its written fallback sent): the final answer is dated, once, and a decided
    recruitment whose last answer this was is completed."""
    if application.stage not in Application.CLOSED_STAGES:
        raise ValueError("an open application has no final answer")
    if Application.objects.filter(pk=application.pk, final_answer_at__isnull=True).update(
        final_answer_at=at
    ):
        promises_answered(application_ids=[application.pk], at=at)
    if application.final_answer_at is None:
        application.final_answer_at = at
    recruitment_complete_if_answered(recruitment=application.recruitment, by=by)
    return application


@transaction.atomic
def recruitment_complete_if_answered(*, recruitment: Recruitment, by: User | None) -> bool:
    """Complete a decided recruitment once every application has its final answer.

    The one check for "completed" (DESIGN §3): it asks only whether each application has
    ``final_answer_at``, not how it got there. :func:`applications_close` calls it; so must
    any code that sets ``final_answer_at`` later. Returns whether the recruitment is completed.
    """
    # Locked first: two last answers given at once must not each see the other still open.
    current = (
        Recruitment.objects.select_for_update()
        .filter(pk=recruitment.pk)
        .values_list("status", flat=True)
        .first()
    )
    if current != Recruitment.Status.DECIDED:
        return current == Recruitment.Status.COMPLETED
    waiting = Application.objects.filter(recruitment_id=recruitment.pk, final_answer_at=None)
    if waiting.exists():
        return False
    recruitment_set_status(
        recruitment=recruitment,
        status=Recruitment.Status.COMPLETED,
        by=by,
        cause=StatusCause.ANSWERED,
    )
    return True
