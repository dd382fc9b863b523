"""The talent pool: a candidate's own consent to be kept for future jobs (DESIGN §8).

Keeping an applicant's data after the recruitment's claim window needs their consent
(GDPR art. 6.1 a; Datainspektionen: longer than a claim can be brought only with consent).
The candidate gives it themselves on their page, by ticking a box under the text below, for
``Organisation.talent_pool_months``; they can withdraw it at any time (art. 7.3). The text
they agreed to is kept with the consent (art. 7.1: the controller shows what was agreed to).

A "yes" to the talent pool in a feedback call (``CallTask.talent_pool``) is the candidate's
interest, noted by the caller: it is no consent, and creates none.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from aterkoppla.applications.events import TALENT_POOL_JOINED, TALENT_POOL_LEFT
from aterkoppla.applications.models import Candidate, TalentPoolConsent
from aterkoppla.organisation.models import Organisation
from aterkoppla.timeline.models import TimelineEvent
from aterkoppla.timeline.services import timeline_event, timeline_record_many

Via = TalentPoolConsent.Via


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


def _valid_q(at: dt.datetime) -> Q:
    return Q(withdrawn_at__isnull=True, given_at__lte=at, expires_at__gt=at)


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
