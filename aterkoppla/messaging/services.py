"""Queue messages to candidates in the outbox, in the transaction of what caused them."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from aterkoppla.accounts.models import User
from aterkoppla.language.gate import Text, language_gate, language_name, other_language
from aterkoppla.language.models import Policy, Where
from aterkoppla.language.review import Review, check_text, record_override, requirement_profile
from aterkoppla.lib.addresses import is_unattended, named_address
from aterkoppla.lib.phone import display as phone_display
from aterkoppla.messaging.events import (
    MESSAGE_HELD,
    MESSAGE_QUEUED,
    MESSAGE_RELEASED,
    MESSAGE_WAITING,
)
from aterkoppla.messaging.links import portal_token_new, portal_url_create
from aterkoppla.messaging.models import (
    CANDIDATE_KINDS,
    Attachment,
    Kind,
    Message,
    MessageTemplate,
    PortalToken,
)
from aterkoppla.messaging.rendering import (
    VARIABLES,
    TemplateProblem,
    check_template,
    default_template,
    render_strings,
    sample_context,
    subject_clean,
    to_html,
)
from aterkoppla.organisation.models import Organisation
from aterkoppla.organisation.services import (
    organisation_contact_email,
    organisation_contact_missing,
    organisation_sender,
)
from aterkoppla.recruitment.models import Language
from aterkoppla.timeline.models import TimelineEvent
from aterkoppla.timeline.services import timeline_event, timeline_record, timeline_record_many

STOCKHOLM = ZoneInfo("Europe/Stockholm")
logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    # The outbox sits below the applications it serves: it reads an application it is given
    # (and follows its own foreign key to one), never imports that app.
    from aterkoppla.applications.models import Application


def written_date(day: dt.date, language: str) -> str:
    """A date as people write it: "16 december 2026", "16 December 2026"."""
    with translation.override(language):
        return formats.date_format(day, "j F Y")


def written_time(moment: dt.datetime, language: str) -> str:
    """A time as people write it, in Swedish time: "tisdag 8 december 2026 kl. 10.00",
    "Tuesday 8 December 2026 at 10:00"."""
    local = moment.astimezone(STOCKHOLM)
    with translation.override(language):
        return _("%(day)s at %(time)s") % {
            "day": formats.date_format(local, "l j F Y"),
            # Swedish writes 10.00 (Språkrådet); English 10:00.
            "time": formats.date_format(local, _("H:i")),
        }


def written_length(minutes: int, language: str) -> str:
    """A length as people say it: "45 minuter", "1 timme", "1 timme och 30 minuter"."""
    hours, rest = divmod(minutes, 60)
    with translation.override(language):
        parts = []
        if hours:
            parts.append(ngettext("%(n)s hour", "%(n)s hours", hours) % {"n": hours})
        if rest or not hours:
            parts.append(ngettext("%(n)s minute", "%(n)s minutes", rest) % {"n": rest})
    return written_list(parts, language)


def written_list(items: Sequence[str], language: str) -> str:
    """Names as people list them: "Johan, Leila och Rebecka"."""
    items = [item for item in items if item]
    if len(items) < 2:
        return "".join(items)
    with translation.override(language):
        return _("%(first)s and %(second)s") % {
            "first": ", ".join(items[:-1]),
            "second": items[-1],
        }


# The names only interview messages fill in; empty in every other message.
INTERVIEW_NAMES = dict.fromkeys(
    (
        "interview_time",
        "previous_interview_time",
        "interview_length",
        "interview_place",
        "video_url",
        "interviewers",
        "bring",
        "contact",
    ),
    "",
)


# The talent pool's page under a candidate link: ``/ansokan/<token>/talangbank/``.
TALENT_POOL_PATH = "talangbank/"


def template_for(kind: str, language: str) -> tuple[str, str]:
    """The organisation's own (subject, body) for a kind and language, else the default."""
    own = MessageTemplate.objects.filter(kind=kind, language=language).first()
    if own is not None:
        return own.subject, own.body
    return default_template(kind, language)


def _sender(organisation: Organisation) -> str:
    """The organisation's name with its sender address ("" when there is none to use yet)."""
    return organisation_sender(organisation)


def reply_to_for(organisation: Organisation, person: User | None) -> str:
    """Where an answer goes: ``person`` (the recruiter who owns the recruitment, the one who
    booked an interview) when they have an address a person reads, else the organisation's
    contact address ("" while there is none: the message then waits)."""
    if person is not None and person.email and not is_unattended(person.email):
        return named_address(person.get_full_name() or organisation.name, person.email)
    address = organisation_contact_email(organisation)
    return named_address(organisation.name, address) if address else ""


def _message_id(sender: str) -> str:
    domain = sender.rsplit("@", 1)[-1].strip("> ") or urlsplit(settings.SITE_URL).hostname
    return f"<{uuid.uuid4().hex}@{domain or 'localhost'}>"


def _organisation_names(organisation: Organisation, language: str) -> dict[str, str]:
    """The organisation's part of what a template sees."""
    return {
        "organisation": organisation.name,
        "organisation_phone": phone_display(organisation.phone),
        "organisation_email": organisation_contact_email(organisation),
        "privacy_notice": organisation.privacy_notice(language),
    }


def _context(
    application: Application,
    organisation: Organisation,
    language: str,
    *,
    portal_url: str,
    memo: dict[tuple, Any] | None = None,
    **extra: str,
) -> dict[str, str]:
    """The names a template sees. ``memo``, kept by a bulk run for one batch, holds what is
    the same for many messages (the organisation's part, dates, stage names) once."""
    memo = {} if memo is None else memo
    candidate = application.candidate
    organisation_part = memo.get(("organisation", language))
    if organisation_part is None:
        organisation_part = memo[("organisation", language)] = _organisation_names(
            organisation, language
        )
    stage = memo.get(("stage", application.stage, language))
    if stage is None:
        with translation.override(language):
            stage = str(application.get_stage_display())
        memo[("stage", application.stage, language)] = stage
    reply_by = ""
    if application.reply_by:
        written = memo.get(("date", application.reply_by, language))
        if written is None:
            written = written_date(application.reply_by, language)
            memo[("date", application.reply_by, language)] = written
        reply_by = written
    context = {
        "first_name": candidate.first_name,
        "last_name": candidate.last_name,
        "job_title": application.recruitment.title,
        "reply_by": reply_by,
        "previous_reply_by": "",
        "stage": stage,
        "portal_url": portal_url,
        # The talent pool's page under the same private link (``portal:talent_pool``).
        "talent_pool_url": portal_url + TALENT_POOL_PATH,
        "talent_pool_wanted": "",
        "talent_pool_until": "",
        "job_url": "",
        # The survey on the candidate's page (the portal's route "<token>/enkat/"), reached
        # by the same private link.
        "survey_url": portal_url + "enkat/",
        "confirm_url": "",
        **organisation_part,
        "reason": "",
        "summary": "",
        "outcome": "chosen",
        "assessed": "yes",
        "disclosure_due": "",
        "by_letter": "",
        "erase_on": "",
        "erased_now": "",
        **INTERVIEW_NAMES,
    }
    context.update(extra)
    return context


def confirmation_queue(
    *,
    to_address: str,
    first_name: str,
    last_name: str,
    language: str,
    job_title: str,
    confirm_url: str,
    dedupe_key: str,
) -> Message:
    """The mail that asks whoever reads ``to_address`` to confirm an application sent from it
    (``applications.pending``): tied to no application yet, so to no team, and never holding
    anything of the person's earlier applications."""
    existing = Message.objects.filter(dedupe_key=dedupe_key).first()
    if existing is not None:
        return existing
    organisation = Organisation.current()
    kind = Kind.APPLICATION_CONFIRMATION
    context = dict.fromkeys(VARIABLES, "") | {
        "first_name": first_name,
        "last_name": last_name,
        "job_title": job_title,
        "confirm_url": confirm_url,
        **_organisation_names(organisation, language),
    }
    problem = ""
    try:
        subject, body = render_strings(*template_for(kind, language), context)
    except TemplateProblem as refused:
        problem = str(refused)
        subject, body = render_strings(*default_template(kind, language), context)
    sender = _sender(organisation)
    message = Message(
        application=None,
        kind=kind,
        channel=Message.Channel.EMAIL,
        to_address=to_address,
        to_name=f"{first_name} {last_name}".strip(),
        from_address=sender,
        reply_to=reply_to_for(organisation, None),
        language=language,
        subject=subject,
        body_text=body,
        body_html=to_html(body, organisation=organisation.name, language=language),
        dedupe_key=dedupe_key,
        message_id=_message_id(sender),
        # Its link is its only use: sent as soon as written. A template that could not be
        # used is still sent in the standard wording (the reason kept for the admin).
        status=Message.Status.QUEUED,
        last_error=problem,
    )
    message.save()
    return message


def preview_context(application: Application, language: str) -> dict[str, str]:
    """The names a template sees for this application, without making a real link."""
    organisation = Organisation.current()
    portal_url = settings.SITE_URL + reverse("portal:application", args=["…"])
    context = _context(application, organisation, language, portal_url=portal_url)
    if application.reply_by:
        earlier = application.reply_by - dt.timedelta(days=7)
        context["previous_reply_by"] = written_date(earlier, language)
    # The outbox knows no interview: an example one shows how interview messages read.
    samples = sample_context(language)
    context.update({name: samples[name] for name in INTERVIEW_NAMES})
    return context


def _save_once(message: Message) -> Message:
    """Save a new message, or return the one another transaction queued for the same cause
    first (same ``dedupe_key``): that one stands."""
    try:
        with transaction.atomic():
            message.save()
    except IntegrityError:
        return Message.objects.get(dedupe_key=message.dedupe_key)
    return message


def _compose(
    application: Application,
    kind: str,
    dedupe_key: str,
    *,
    organisation: Organisation,
    portal_url: str,
    by: User | None,
    channel: str,
    extra: dict[str, str],
    memo: dict[tuple, Any] | None = None,
    complete: bool | None = None,
) -> tuple[Message, Review]:
    """The message rendered for the candidate and checked (DESIGN §6), not yet saved.

    ``memo``: see :func:`_context`; it also keeps the template of each kind and language.
    While the organisation's contact details are not ``complete``, the message is ``waiting``
    and keeps ``extra`` to be rendered again when they are (:func:`messages_waiting_release`).
    """
    if kind not in Kind.values:
        raise ValueError(f"unknown message kind {kind!r}")
    memo = {} if memo is None else memo
    candidate = application.candidate
    language = candidate.language
    # A printed letter is not answered by replying to it.
    by_letter = "yes" if channel == Message.Channel.LETTER else ""
    context = _context(
        application,
        organisation,
        language,
        portal_url=portal_url,
        memo=memo,
        **{**extra, "by_letter": by_letter},
    )
    template: tuple[str, str] | None = memo.get(("template", kind, language))
    if template is None:
        template = memo[("template", kind, language)] = template_for(kind, language)
    problem = None
    try:
        subject, body = render_strings(*template, context)
    except TemplateProblem as refused:
        # The organisation's wording cannot be used for this candidate (a template saved
        # before a rule, a value it cannot take): the shipped wording, held for a person to
        # read and send, rather than no message or a crash where the candidate applied.
        problem = _(
            "The organisation's template could not be used (%(problem)s): this message has "
            "the standard wording. Read it and send it, and correct the template."
        ) % {"problem": refused}
        logger.warning("Template %s/%s could not be rendered: %s", kind, language, refused)
        subject, body = render_strings(*default_template(kind, language), context)
    profile_key = ("profile", application.recruitment_id)
    if profile_key not in memo:
        memo[profile_key] = requirement_profile(application.recruitment)
    found = message_review(
        subject,
        body,
        language,
        policy=application.recruitment.language_policy,
        profile=memo[profile_key],
    )
    if complete is None:
        complete = not organisation_contact_missing(organisation)
    sender = _sender(organisation)
    owner_key = ("owner", application.recruitment_id)
    if owner_key not in memo:
        memo[owner_key] = reply_to_for(organisation, application.recruitment.owner)
    letter = channel == Message.Channel.LETTER
    if not complete:
        status = Message.Status.WAITING
    elif found.needs_override or problem:
        status = Message.Status.HELD
    else:
        status = Message.Status.TO_PRINT if letter else Message.Status.QUEUED
    message = Message(
        application=application,
        kind=kind,
        channel=channel,
        to_address="" if letter else candidate.email,
        to_name=candidate.full_name,
        from_address=sender,
        reply_to=memo[owner_key],
        language=language,
        subject=subject,
        body_text=body,
        body_html=to_html(body, organisation=organisation.name, language=language),
        dedupe_key=dedupe_key,
        message_id=_message_id(sender),
        created_by=by,
        findings=_finding_records(found),
        status=status,
        context={} if complete else {"extra": extra},
        last_error=problem or "",
    )
    return message, found


_EVENT_OF_STATUS: dict[str, str] = {
    Message.Status.HELD: MESSAGE_HELD,
    Message.Status.WAITING: MESSAGE_WAITING,
}


def _queued_event(message: Message, at: dt.datetime) -> TimelineEvent:
    return timeline_event(
        application_id=message.application_id,
        at=at,
        kind=_EVENT_OF_STATUS.get(message.status, MESSAGE_QUEUED),
        data={"message": message.pk, "kind": message.kind, "subject": message.subject},
    )


def message_queue(
    *,
    application: Application,
    kind: str,
    dedupe_key: str,
    by: User | None = None,
    previous_reply_by: dt.date | None = None,
    extra: dict[str, str] | None = None,
    letter: bool = False,
    attachment: Attachment | None = None,
) -> Message | None:
    """Render a message for the application's candidate and put it in the outbox.

    Runs inside the caller's transaction, so the message exists exactly when the change that
    caused it does. The same ``dedupe_key`` never queues a second message. Returns None when
    the candidate has no email address (the staff then answer by letter or phone), unless
    ``letter`` asks for a letter to print in that case. A text the language check stops is
    stored ``held`` and not sent until a person releases it. While the organisation's contact
    details are not complete, it is stored ``waiting`` and sent once they are. ``attachment``
    (a calendar file) is sent with the email as it is given.
    """
    if kind not in Kind.values:
        raise ValueError(f"unknown message kind {kind!r}")
    candidate = application.candidate
    if not candidate.email and not letter:
        return None
    existing = Message.objects.filter(dedupe_key=dedupe_key).first()
    if existing is not None:
        return existing
    extra = dict(extra or {})
    if previous_reply_by is not None:
        extra["previous_reply_by"] = written_date(previous_reply_by, candidate.language)
    message, found = _compose(
        application,
        kind,
        dedupe_key,
        organisation=Organisation.current(),
        portal_url=portal_url_create(application),
        by=by,
        channel=Message.Channel.EMAIL if candidate.email else Message.Channel.LETTER,
        extra=extra,
    )
    if attachment is not None:
        attachment.put_on(message)
    stored = _save_once(message)
    if stored is not message:
        return stored
    timeline_record_many([_queued_event(message, timezone.now())])
    if message.status not in (Message.Status.HELD, Message.Status.WAITING):
        # Under a policy that only warns, a blocking finding is let through, and recorded.
        record_override(
            found, where=Where.MESSAGE, by=by, application=application, subject=message.subject
        )
    return message


@dataclass(frozen=True)
class BulkItem:
    """One message of a bulk run: the application (with candidate and recruitment loaded)."""

    application: Application
    kind: str
    dedupe_key: str
    extra: dict[str, str] = field(default_factory=dict)


def messages_queue_bulk(items: Sequence[BulkItem], *, by: User | None = None) -> list[Message]:
    """Queue many messages with a handful of queries: one batch of a bulk decision.

    The same rules as :func:`message_queue`: a letter to print for a candidate without an
    email address, a stopped (``held``) message where the language check says so, a
    ``waiting`` one while the contact details are not complete, one message
    per ``dedupe_key`` (keys already used are skipped), a timeline event each. Callers pass
    batches of a few hundred, so memory stays bounded whatever the total.
    """
    if not items:
        return []
    organisation = Organisation.current()
    complete = not organisation_contact_missing(organisation)
    used = set(
        Message.objects.filter(dedupe_key__in=[item.dedupe_key for item in items]).values_list(
            "dedupe_key", flat=True
        )
    )
    tokens, messages, kept = [], [], []
    memo: dict[tuple, Any] = {}
    for item in items:
        if item.dedupe_key in used:
            continue
        used.add(item.dedupe_key)
        token, url = portal_token_new(item.application)
        email = bool(item.application.candidate.email)
        message, found = _compose(
            item.application,
            item.kind,
            item.dedupe_key,
            organisation=organisation,
            portal_url=url,
            by=by,
            channel=Message.Channel.EMAIL if email else Message.Channel.LETTER,
            extra=item.extra,
            memo=memo,
            complete=complete,
        )
        tokens.append(token)
        messages.append(message)
        if complete and found.blocked and not found.needs_override:
            kept.append((message, found))
    PortalToken.objects.bulk_create(tokens)
    Message.objects.bulk_create(messages)
    if messages and messages[0].pk is None:
        # Backends that do not return ids from bulk inserts: read them back by their keys.
        ids = dict(
            Message.objects.filter(dedupe_key__in=[m.dedupe_key for m in messages]).values_list(
                "dedupe_key", "pk"
            )
        )
        for message in messages:
            message.pk = ids[message.dedupe_key]
    now = timezone.now()
    timeline_record_many([_queued_event(message, now) for message in messages])
    for message, found in kept:
        record_override(
            found,
            where=Where.MESSAGE,
            by=by,
            application=message.application,
            subject=message.subject,
        )
    return messages


def message_review(
    subject: str,
    body: str,
    language: str,
    *,
    policy: str,
    profile: Sequence[str] | None = None,
) -> Review:
    """The language check on a rendered message, in the language it is written in; with the
    job's requirement ``profile``, a topic the job names is read as the job's."""
    return Review(
        findings={
            "subject": check_text(subject, lang=language, profile=profile),
            "body": check_text(body, lang=language, profile=profile),
        },
        policy=policy,
        labels={"subject": "subject", "body": "body"},
    )


def _finding_records(found: Review) -> list[dict[str, object]]:
    return [
        {"field": name, **finding.to_dict()}
        for name, findings in found.findings.items()
        for finding in findings
    ]


@transaction.atomic
def message_release(
    *,
    message: Message,
    by: User,
    subject: str,
    body: str,
    language_override_reason: str = "",
) -> Message:
    """Send a message the language check stopped: as edited, or as it was with a reason.

    The text passes the language check again (``subject``, ``body``): one that still has a
    blocking finding needs the reason (under a blocking policy), which goes on the timeline.
    The HTML part is made again from the text.
    """
    # Only the message row is locked: PostgreSQL cannot lock the nullable side of the join.
    message = (
        Message.objects.select_for_update(of=("self",))
        .select_related("application__recruitment", "application__candidate")
        .get(pk=message.pk)
    )
    if message.status != Message.Status.HELD:
        raise ValidationError(_("Only a message stopped by the language check can be released."))
    application = message.application
    found = language_gate(
        [
            Text(
                name=name,
                text=text,
                where=Where.MESSAGE,
                application=application,
                lang=message.language,
                label=label,
            )
            for name, text, label in (("subject", subject, "subject"), ("body", body, "body"))
        ],
        policy=application.recruitment.language_policy if application else Policy.BLOCK,
        by=by,
        reason=language_override_reason,
        subject=subject,
    )
    organisation = Organisation.current()
    message.subject, message.body_text = subject_clean(subject), body
    message.body_html = to_html(body, organisation=organisation.name, language=message.language)
    message.findings = _finding_records(found)
    message.status, message.next_attempt_at = Message.Status.QUEUED, timezone.now()
    message.save(
        update_fields=["subject", "body_text", "body_html", "findings", "status", "next_attempt_at"]
    )
    if application is not None:
        timeline_record(
            application=application,
            by=by,
            kind=MESSAGE_RELEASED,
            data={"message": message.pk, "kind": message.kind, "subject": message.subject},
        )
    return message


@transaction.atomic
def message_template_save(
    *,
    kind: str,
    language: str,
    subject: str,
    body: str,
    by: User | None,
    language_override_reason: str = "",
) -> MessageTemplate:
    """Save the organisation's own wording of one kind of message in one language.

    The template must render (``TemplateProblem`` otherwise, as a ValidationError), and its
    words pass the language check in its own language (``subject``, ``body``; always under
    the blocking policy: a template belongs to no recruitment) unless
    ``language_override_reason`` says why they are kept.
    """
    if kind not in CANDIDATE_KINDS or language not in Language.values:
        raise ValidationError(_("There is no such message template."))
    subject = subject_clean(subject)
    written_in = other_language(f"{subject}\n{body}", language)
    if written_in is not None:
        raise ValidationError(
            {
                "body": _("The %(language)s template reads as %(other)s: write it in %(language)s.")
                % {"language": language_name(language), "other": language_name(written_in)}
            }
        )
    try:
        check_template(subject, body, language)
    except TemplateProblem as problem:
        raise ValidationError(
            _("The template cannot be used: %(problem)s") % {"problem": problem}
        ) from None
    language_gate(
        [
            Text(name="subject", text=subject, where=Where.TEMPLATE, lang=language),
            Text(name="body", text=body, where=Where.TEMPLATE, lang=language),
        ],
        policy=Policy.BLOCK,
        by=by,
        reason=language_override_reason,
        subject=f"{Kind(kind).label} ({Language(language).label})",
    )
    template, _created = MessageTemplate.objects.update_or_create(
        kind=kind,
        language=language,
        defaults={"subject": subject, "body": body, "updated_by": by},
    )
    return template


def message_template_reset(*, kind: str, language: str) -> None:
    """Use the default text again for this kind and language."""
    MessageTemplate.objects.filter(kind=kind, language=language).delete()


def staff_message_queue(
    *,
    to: User,
    kind: str,
    subject: str,
    body: str,
    dedupe_key: str,
    by: User | None = None,
    language: str = "sv",
    attachment: Attachment | None = None,
) -> Message | None:
    """Queue a message to a member of staff (an interview invitation), in the outbox.

    It belongs to no application, so it shows on no candidate's page or list. None when the
    user has no email address. Answers go to ``by`` (who booked), else to the organisation's
    contact address; while the contact details are not complete, the message waits.
    """
    if not to.email:
        return None
    existing = Message.objects.filter(dedupe_key=dedupe_key).first()
    if existing is not None:
        return existing
    organisation = Organisation.current()
    sender = _sender(organisation)
    complete = not organisation_contact_missing(organisation)
    message = Message(
        application=None,
        kind=kind,
        channel=Message.Channel.EMAIL,
        to_address=to.email,
        to_name=str(to),
        from_address=sender,
        reply_to=reply_to_for(organisation, by),
        status=Message.Status.QUEUED if complete else Message.Status.WAITING,
        language=language,
        subject=subject_clean(subject),
        body_text=body,
        dedupe_key=dedupe_key,
        message_id=_message_id(sender),
        created_by=by,
    )
    if attachment is not None:
        attachment.put_on(message)
    return _save_once(message)


# Messages rendered again at a time when the contact details become complete.
WAITING_BATCH = 200


def messages_waiting_release(*, now: dt.datetime | None = None) -> int:
    """Send the messages that waited for the organisation's contact details, once they are
    complete; returns how many went on. Nothing happens while details are still missing.

    A candidate's message is rendered again from its template with the details as they are
    now (so the privacy notice and the contact sentences name them), with a fresh link, and
    checked again: it goes to the queue, to print, or stops for review like any new message.
    A message with nothing to render again (to staff) gets its sender and Reply-To. Safe to
    run from several workers at once: a message leaves ``waiting`` once.
    """
    organisation = Organisation.current()
    if organisation_contact_missing(organisation):
        return 0
    now = now or timezone.now()
    released = 0
    memo: dict[tuple, Any] = {}
    while True:
        with transaction.atomic():
            waiting = Message.objects.filter(status=Message.Status.WAITING).order_by("pk")
            if connection.features.has_select_for_update_skip_locked:
                waiting = waiting.select_for_update(skip_locked=True, of=("self",))
            batch = list(
                waiting.select_related(
                    "application__candidate",
                    "application__recruitment__owner",
                    "created_by",
                )[:WAITING_BATCH]
            )
            if not batch:
                return released
            for message in batch:
                released += _waiting_release(message, organisation, now=now, memo=memo)


def _waiting_release(
    message: Message, organisation: Organisation, *, now: dt.datetime, memo: dict[tuple, Any]
) -> int:
    application = message.application
    found: Review | None = None
    if application is not None and "extra" in message.context:
        composed, found = _compose(
            application,
            message.kind,
            message.dedupe_key,
            organisation=organisation,
            portal_url=portal_url_create(application),
            by=message.created_by,
            channel=message.channel,
            extra=dict(message.context["extra"]),
            memo=memo,
            complete=True,
        )
        fields = {
            name: getattr(composed, name)
            for name in (
                "from_address",
                "reply_to",
                "subject",
                "body_text",
                "body_html",
                "findings",
                "status",
            )
        }
    else:
        person = application.recruitment.owner if application is not None else message.created_by
        letter = message.channel == Message.Channel.LETTER
        fields = {
            "from_address": _sender(organisation),
            "reply_to": reply_to_for(organisation, person),
            "status": Message.Status.TO_PRINT if letter else Message.Status.QUEUED,
        }
    updated = Message.objects.filter(pk=message.pk, status=Message.Status.WAITING).update(
        **fields, context={}, next_attempt_at=now
    )
    if not updated:
        return 0
    for name, value in fields.items():
        setattr(message, name, value)
    if application is not None:
        timeline_record_many([_queued_event(message, now)])
    if found is not None and message.status != Message.Status.HELD:
        record_override(
            found,
            where=Where.MESSAGE,
            by=message.created_by,
            application=application,
            subject=message.subject,
        )
    return 1
