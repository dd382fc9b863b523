"""The talent pool: a candidate's own consent to be kept for future jobs (DESIGN §8).

Keeping an applicant's data after the recruitment's claim window needs their consent
(GDPR art. 6.1 a; Datainspektionen: longer than a claim can be brought only with consent).
The candidate gives it themselves on their page, by ticking a box under the text below, for
``Organisation.talent_pool_months``; they can withdraw it at any time (art. 7.3). The text
they agreed to is kept with the consent (art. 7.1: the controller shows what was agreed to).

A "yes" to the talent pool in a feedback call (``CallTask.talent_pool``) is the candidate's
interest, noted by the caller: it is no consent, and creates none. What follows it is a link
to their page, where they confirm (the call summary, else a ``talent_pool_offer`` message:
``decisions.services.call_attempt_record``); the written rejection offers the same link.

A month before a consent ends the candidate is asked, once, whether they want to renew it
(:func:`talent_pool_sweep`, the ``talent_pool`` sweep). Renewing is a new consent to the text
shown then, from that moment; the old one ends by it (``renewed_at``, and the new one
``renews`` it), so the chain of what was agreed to stays whole (:func:`talent_pool_renew`).

The kinds of jobs a candidate wants to hear about (``scope``) are their own words: the
organisation keeps no list of kinds of jobs (a recruitment has a title, nothing more general),
so none is offered to choose from; the staff's search reads the words.

Staff may invite a person in the pool to apply to an open job, once per job
(:func:`talent_pool_invite`); who sees whom is ``applications.talent_pool_selectors``.
"""

from __future__ import annotations

import datetime as dt
import logging

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from aterkoppla.accounts.models import User
from aterkoppla.applications.events import (
    TALENT_POOL_INVITED,
    TALENT_POOL_JOINED,
    TALENT_POOL_LEFT,
    TALENT_POOL_RENEWAL_ASKED,
    TALENT_POOL_RENEWED,
)
from aterkoppla.applications.models import (
    Application,
    Candidate,
    TalentPoolConsent,
    TalentPoolInvitation,
)
from aterkoppla.messaging.models import Kind
from aterkoppla.messaging.services import message_queue, reply_to_for, written_date
from aterkoppla.organisation.models import Organisation
from aterkoppla.recruitment.models import Recruitment
from aterkoppla.timeline.models import TimelineEvent
from aterkoppla.timeline.services import timeline_event, timeline_record, timeline_record_many

logger = logging.getLogger("aterkoppla.worker")

Via = TalentPoolConsent.Via

# How long before a consent ends the candidate is asked to renew it, and may (months).
RENEWAL_MONTHS = 1


def talent_pool_consent_text(*, organisation: Organisation, language: str) -> str:
    """The text the candidate agrees to, in ``language``: what is kept, for how long, and
    that they may leave at any time. Shown next to the box and kept with the consent."""
    with translation.override("en" if language == "en" else "sv"):
        return _(
            "I want %(name)s to keep my name, contact details, merits and CV in its talent "
            "pool for %(months)s months, so that it can contact me about future jobs. I can "
            "leave the talent pool at any time on my application page; then my details are no "
            "longer kept for future jobs."
        ) % {"name": organisation.name, "months": organisation.talent_pool_months}


def talent_pool_consent_valid(
    candidate: Candidate, at: dt.datetime | None = None
) -> TalentPoolConsent | None:
    """The consent that holds for ``candidate`` at ``at`` (now): given, not withdrawn, not
    run out. None when there is none."""
    at = at or timezone.now()
    return (
        TalentPoolConsent.objects.filter(candidate=candidate)
        .filter(_valid_q(at))
        .order_by("-given_at", "-pk")
        .first()
    )


def candidates_with_valid_consent_q(at: dt.datetime | None = None, *, prefix: str = "") -> Q:
    """A filter for candidates with a consent that holds at ``at`` (now): what the
    retention sweep keeps while it holds. ``prefix`` reaches the candidate from another
    model: ``candidates_with_valid_consent_q(prefix="candidate__")`` on applications."""
    at = at or timezone.now()
    valid = TalentPoolConsent.objects.filter(_valid_q(at), candidate=OuterRef("pk"))
    return Q(**{f"{prefix}pk__in": Candidate.objects.filter(Exists(valid)).values("pk")})


def talent_pool_consents_valid(at: dt.datetime | None = None) -> QuerySet[TalentPoolConsent]:
    """Every consent that holds at ``at`` (now): one at most per candidate."""
    return TalentPoolConsent.objects.filter(_valid_q(at or timezone.now()))


def _valid_q(at: dt.datetime) -> Q:
    """Given by ``at``, not withdrawn, not run out, not yet replaced by its renewal."""
    return Q(withdrawn_at__isnull=True, given_at__lte=at, expires_at__gt=at) & (
        Q(renewed_at__isnull=True) | Q(renewed_at__gt=at)
    )


def _renewal_due_q(at: dt.datetime) -> Q:
    return _valid_q(at) & Q(expires_at__lte=months_later(at, RENEWAL_MONTHS))


def talent_pool_renewal_due(consent: TalentPoolConsent, at: dt.datetime | None = None) -> bool:
    """The consent holds at ``at`` (now) and is in its last month: it may be renewed, and the
    candidate is asked to."""
    at = at or timezone.now()
    return consent.valid_at(at) and consent.expires_at <= months_later(at, RENEWAL_MONTHS)


@transaction.atomic
def talent_pool_join(
    *, candidate: Candidate, scope: str = "", via: str, language: str | None = None
) -> TalentPoolConsent:
    """The candidate joins the talent pool: their consent, valid for the organisation's
    ``talent_pool_months``, with the text they were shown in ``language`` (the one they read
    the page in; their own by default), on the timeline of each of their applications.

    Refused (``ValidationError``) while a consent of theirs still holds: they are in."""
    # One at a time per candidate: two clicks must not make two consents.
    Candidate.objects.select_for_update().filter(pk=candidate.pk).first()
    current = talent_pool_consent_valid(candidate)
    if current is not None:
        raise ValidationError(
            _("You are already in our talent pool, until %(date)s.")
            % {"date": _date(current.expires_at)}
        )
    organisation = Organisation.current()
    language = language if language in ("sv", "en") else candidate.language
    now = timezone.now()
    consent = TalentPoolConsent(
        candidate=candidate,
        given_at=now,
        expires_at=months_later(now, organisation.talent_pool_months),
        scope=" ".join(scope.split())[:300],
        text=talent_pool_consent_text(organisation=organisation, language=language),
        language=language,
        via=via,
    )
    consent.full_clean()
    consent.save()
    _record(
        candidate,
        kind=TALENT_POOL_JOINED,
        at=now,
        data={
            "consent": consent.pk,
            "expires_at": consent.expires_at.isoformat(),
            "scope": consent.scope,
            "via": via,
        },
    )
    return consent


@transaction.atomic
def talent_pool_leave(*, candidate: Candidate, via: str) -> TalentPoolConsent:
    """The candidate withdraws their consent (GDPR art. 7.3), at once; on the timeline of
    each of their applications. Refused (``ValidationError``) when none holds."""
    Candidate.objects.select_for_update().filter(pk=candidate.pk).first()
    consent = talent_pool_consent_valid(candidate)
    if consent is None:
        raise ValidationError(_("You are not in our talent pool."))
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    _record(
        candidate,
        kind=TALENT_POOL_LEFT,
        at=consent.withdrawn_at,
        data={"consent": consent.pk, "via": via},
    )
    return consent


@transaction.atomic
def talent_pool_renew(
    *, candidate: Candidate, via: str, language: str | None = None
) -> TalentPoolConsent:
    """The candidate renews their consent in its last month: a new consent from now for the
    organisation's ``talent_pool_months``, to the text shown now in ``language`` (kept with
    it), with the same kinds of jobs. The old one ends now (``renewed_at``) and the new one
    ``renews`` it; on the timeline of each of their applications.

    Refused (``ValidationError``) when no consent holds, or before its last month."""
    Candidate.objects.select_for_update().filter(pk=candidate.pk).first()
    now = timezone.now()
    current = talent_pool_consent_valid(candidate, now)
    if current is None:
        raise ValidationError(_("You are not in our talent pool."))
    if not talent_pool_renewal_due(current, now):
        raise ValidationError(
            _("You can renew from %(date)s, a month before your consent ends.")
            % {"date": _date(months_later(current.expires_at, -RENEWAL_MONTHS))}
        )
    organisation = Organisation.current()
    language = language if language in ("sv", "en") else candidate.language
    current.renewed_at = now
    current.save(update_fields=["renewed_at"])
    consent = TalentPoolConsent(
        candidate=candidate,
        given_at=now,
        expires_at=months_later(now, organisation.talent_pool_months),
        scope=current.scope,
        text=talent_pool_consent_text(organisation=organisation, language=language),
        language=language,
        via=via,
        renews=current,
    )
    consent.full_clean()
    consent.save()
    _record(
        candidate,
        kind=TALENT_POOL_RENEWED,
        at=now,
        data={
            "consent": consent.pk,
            "renews": current.pk,
            "expires_at": consent.expires_at.isoformat(),
            "via": via,
        },
    )
    return consent


def talent_pool_sweep(now: dt.datetime) -> list[int]:
    """Ask each candidate whose consent is in its last month, once, whether they want to
    renew it. One read finds what is left to do; each then runs on its own, under a lock
    (:func:`talent_pool_renewal_ask`). Returns the consents asked about."""
    due = list(
        TalentPoolConsent.objects.filter(_renewal_due_q(now), renewal_asked_at__isnull=True)
        .order_by("expires_at", "pk")
        .values_list("pk", flat=True)
    )
    asked = [pk for pk in due if talent_pool_renewal_ask(consent_id=pk, now=now)]
    if asked:
        logger.info("Talent pool: %d candidates asked to renew their consent", len(asked))
    return asked


@transaction.atomic
def talent_pool_renewal_ask(*, consent_id: int, now: dt.datetime) -> bool:
    """Ask the candidate to renew ``consent_id``: a ``talent_pool_renewal`` message in their
    language, with the date it ends and the link to renew, through their most recent
    application, with the event on its timeline. Once per consent: False when it was asked
    already (another worker was first) or is no longer due."""
    consent = (
        TalentPoolConsent.objects.select_for_update(of=("self",))
        .select_related("candidate")
        .get(pk=consent_id)
    )
    if consent.renewal_asked_at is not None or not talent_pool_renewal_due(consent, now):
        return False
    consent.renewal_asked_at = now
    consent.save(update_fields=["renewal_asked_at"])
    candidate = consent.candidate
    application = _latest_application(candidate)
    if application is None:
        return True
    message = message_queue(
        application=application,
        kind=Kind.TALENT_POOL_RENEWAL,
        dedupe_key=f"talent-pool-renewal:{consent.pk}",
        extra={
            "talent_pool_until": written_date(
                timezone.localtime(consent.expires_at).date(), candidate.language
            )
        },
    )
    timeline_record(
        application=application,
        kind=TALENT_POOL_RENEWAL_ASKED,
        at=now,
        data={
            "consent": consent.pk,
            "expires_at": consent.expires_at.isoformat(),
            "message": message.pk if message is not None else None,
        },
    )
    return True


@transaction.atomic
def talent_pool_invite(
    *, candidate: Candidate, recruitment: Recruitment, by: User | None
) -> TalentPoolInvitation:
    """Invite a person in the talent pool to apply to ``recruitment``: a ``talent_pool_invite``
    message in their language (the job's title and its page on the career page, why they get
    it and how to leave the pool) through their most recent application, on its timeline.

    Once per person and recruitment. Refused (``ValidationError``) when their consent no
    longer holds, the recruitment does not take applications, they applied to it already,
    they were invited to it already, or they have no email address. Who may invite whom is
    the caller's to check (``talent_pool_selectors``)."""
    Candidate.objects.select_for_update().filter(pk=candidate.pk).first()
    names = {"name": candidate.full_name, "job": recruitment.title}
    consent = talent_pool_consent_valid(candidate)
    if consent is None:
        raise ValidationError(
            _("%(name)s is no longer in the talent pool: their consent has ended or was withdrawn.")
            % names
        )
    if not recruitment.accepts_applications():
        raise ValidationError(_("%(job)s is not open for applications.") % names)
    if candidate.applications.filter(recruitment=recruitment).exists():
        raise ValidationError(_("%(name)s has already applied for %(job)s.") % names)
    earlier = TalentPoolInvitation.objects.filter(
        candidate=candidate, recruitment=recruitment
    ).first()
    if earlier is not None:
        raise ValidationError(
            _("%(name)s was already invited to apply for %(job)s on %(date)s.")
            % {**names, "date": _date(earlier.invited_at)}
        )
    if not candidate.email:
        raise ValidationError(
            _("%(name)s has no email address, so the invitation cannot be sent. Call them.") % names
        )
    application = _latest_application(candidate)
    if application is None:  # nobody is in the pool without an application; kept for types
        raise ValidationError(_("%(name)s has no application to write from.") % names)
    job_url = settings.SITE_URL + reverse("careers:job", args=[recruitment.pk])
    message = message_queue(
        application=application,
        kind=Kind.TALENT_POOL_INVITE,
        dedupe_key=f"talent-pool-invite:{candidate.pk}:{recruitment.pk}",
        by=by,
        extra={"job_title": recruitment.title, "job_url": job_url},
    )
    if message is not None:
        # Replies go to the new job's owner, not to the owner of the job applied for before.
        message.reply_to = reply_to_for(Organisation.current(), recruitment.owner)
        message.save(update_fields=["reply_to"])
    invitation = TalentPoolInvitation.objects.create(
        candidate=candidate,
        recruitment=recruitment,
        consent=consent,
        invited_by=by,
        message=message,
    )
    timeline_record(
        application=application,
        kind=TALENT_POOL_INVITED,
        by=by,
        at=invitation.invited_at,
        data={
            "invitation": invitation.pk,
            "recruitment": recruitment.pk,
            "job_title": recruitment.title,
            "message": message.pk if message is not None else None,
        },
    )
    return invitation


def _latest_application(candidate: Candidate) -> Application | None:
    """The candidate's most recent application: the messages of the talent pool go through it
    (its private link leads to their page, where the talent pool is)."""
    return (
        candidate.applications.select_related("recruitment__owner", "candidate")
        .order_by("-received_at", "-pk")
        .first()
    )


def _record(candidate: Candidate, *, kind: str, at: dt.datetime, data: dict[str, object]) -> None:
    timeline_record_many(
        timeline_event(
            application_id=application_id,
            kind=kind,
            actor=TimelineEvent.Actor.CANDIDATE,
            at=at,
            data=data,
        )
        for application_id in candidate.applications.values_list("pk", flat=True)
    )


def months_later(at: dt.datetime, months: int) -> dt.datetime:
    """The same local time ``months`` calendar months later (the 31st becomes the month's
    last day)."""
    local = timezone.localtime(at)
    return timezone.make_aware(local.replace(tzinfo=None) + relativedelta(months=months))


def _date(at: dt.datetime) -> str:
    return formats.date_format(timezone.localtime(at), "j F Y")
