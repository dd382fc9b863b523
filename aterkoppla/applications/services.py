"""Receiving applications and moving them through the stages."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import (
    Application,
    Candidate,
    Document,
    TimelineEvent,
    clean_merits,
)
from aterkoppla.lib.documents import DocumentType
from aterkoppla.lib.phone import InvalidPhoneNumber, to_e164
from aterkoppla.lib.workdays import add_working_days
from aterkoppla.messaging.models import Kind
from aterkoppla.messaging.services import message_queue
from aterkoppla.recruitment.models import Recruitment
from aterkoppla.recruitment.services import profile_freeze


@dataclass(frozen=True)
class IncomingDocument:
    """An uploaded file already identified by ``aterkoppla.lib.documents.identify``."""

    kind: str
    name: str
    file: File
    type: DocumentType


def _store_documents(application: Application, documents: Sequence[IncomingDocument]) -> None:
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
        # The transaction rolls the rows back; the files on disk are ours to remove.
        for document in stored:
            document.file.delete(save=False)
        raise


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


def _event(
    application: Application,
    *,
    by: User | None,
    kind: str,
    data: dict,
    at: dt.datetime | None = None,
    actor: str | None = None,
) -> TimelineEvent:
    return TimelineEvent.objects.create(
        application=application,
        at=at or timezone.now(),
        actor=actor or (TimelineEvent.Actor.USER if by else TimelineEvent.Actor.SYSTEM),
        actor_user=by,
        kind=kind,
        data=data,
    )


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
    known = (
        # The same expression and condition as the unique index, so the lookup uses it.
        Candidate.objects.select_for_update()
        .exclude(email="")
        .annotate(email_lower=Lower("email"))
        # Lowercased by the database too: SQLite's LOWER() only folds ASCII letters.
        .filter(email_lower=Lower(Value(submitted.email)))
        .first()
        if submitted.email
        else None
    )
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
    merits: dict | None = None,
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
    """
    now = timezone.now()
    received_at = received_at or now
    if received_at > now:
        raise ValidationError({"received_at": _("An application cannot arrive in the future.")})
    cleaned_merits = clean_merits(merits)
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
    application = Application(
        candidate=candidate,
        recruitment=recruitment,
        source=source,
        received_at=received_at,
        stage_changed_at=received_at,
        reply_by=reply_by_for(recruitment, timezone.localtime(received_at).date()),
        merits=cleaned_merits,
    )
    application.full_clean(validate_unique=False)
    application.save()
    _store_documents(application, documents)
    data = {"source": source, "reply_by": application.reply_by.isoformat()}
    if not acknowledge:
        data["acknowledge"] = False
    _event(application, by=by, kind=TimelineEvent.Kind.RECEIVED, data=data, at=received_at)
    if acknowledge:
        message_queue(
            application=application,
            kind=Kind.ACKNOWLEDGEMENT,
            dedupe_key=f"acknowledgement:{application.pk}",
            by=by,
        )
    return application


# What the candidate is told when their application reaches a stage (DESIGN §4). Offers and
# hiring are done in person; rejections get their own channel rules.
STAGE_MESSAGES = {
    Application.Stage.SCREENING: Kind.STATUS_UPDATE,
    Application.Stage.INTERVIEW: Kind.STATUS_UPDATE,
    Application.Stage.RESERVE: Kind.RESERVE,
    Application.Stage.WITHDRAWN: Kind.WITHDRAWAL_CONFIRMATION,
}


@transaction.atomic
def application_move(
    *,
    application: Application,
    to_stage: str,
    by: User | None,
    reply_by: dt.date | None = None,
    at: dt.datetime | None = None,
    by_candidate: bool = False,
    decided: bool = False,
) -> Application:
    """Move an application to another stage, if the move is allowed.

    Moving within the open stages may give a new promised answer date, and must when the
    current one has passed: a broken promise is not carried on silently (P2). ``at`` records
    when a move happened that is entered afterwards (imports, the demo); it cannot be in the
    future or before the application arrived, and such a move sends no message.
    """
    application = Application.objects.select_for_update().get(pk=application.pk)
    if to_stage not in Application.Stage.values:
        raise ValidationError({"to_stage": _("Unknown stage “%(stage)s”.") % {"stage": to_stage}})
    if to_stage not in Application.TRANSITIONS[application.stage]:
        raise ValidationError(
            {
                "to_stage": _("An application cannot move from “%(from)s” to “%(to)s”.")
                % {
                    "from": application.get_stage_display(),
                    "to": Application.Stage(to_stage).label,
                }
            }
        )
    if to_stage == Application.Stage.REJECTED and not decided and at is None:
        # A rejection owes the candidate its feedback (a call or a written answer, DESIGN §4):
        # it is made by a decision (aterkoppla.decisions), never by a bare move.
        raise ValidationError(
            {
                "to_stage": _(
                    "A rejection is made on the decision page, which gives the candidate the "
                    "feedback they are owed."
                )
            }
        )
    now = timezone.now()
    backdated = at is not None
    at = at or now
    if at > now or at < application.received_at:
        raise ValidationError(
            {"at": _("A move cannot be dated before the application or in the future.")}
        )
    today = timezone.localdate(at)
    if reply_by is not None and reply_by < today:
        raise ValidationError({"reply_by": _("The promised answer date cannot be in the past.")})
    if to_stage in Application.OPEN_STAGES and reply_by is None and application.reply_by < today:
        raise ValidationError(
            {"reply_by": _("The promised answer date has passed. Give the candidate a new one.")}
        )
    if to_stage not in {Application.Stage.REJECTED, Application.Stage.WITHDRAWN}:
        # Moving on means screening has started: the profile is in force from now on.
        profile_freeze(recruitment=application.recruitment, by=by)
    from_stage = application.stage
    application.stage = to_stage
    application.stage_changed_at = at
    if to_stage in Application.CLOSED_STAGES:
        application.closed_from_stage = from_stage
    elif reply_by is not None:
        application.reply_by = reply_by
    application.save(update_fields=["stage", "stage_changed_at", "closed_from_stage", "reply_by"])
    data = {"from": from_stage, "to": to_stage}
    if to_stage in Application.OPEN_STAGES:
        data["reply_by"] = application.reply_by.isoformat()
    event = _event(
        application,
        by=by,
        kind=TimelineEvent.Kind.STAGE_CHANGED,
        data=data,
        at=at,
        actor=TimelineEvent.Actor.CANDIDATE if by_candidate else None,
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
