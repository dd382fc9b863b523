"""Anonymisation, the retention run and erasure requests: the one way personal data goes.

``application_anonymise`` is the only function that removes a candidate's data. The daily
retention run (``retention_run``: the ``retention`` sweep and ``aterkoppla retention``) and an
erasure request (``erasure_request``: the candidate's page, staff, the API) both call it, so
what is removed and what is kept is decided in one place (DESIGN §8):

- removed: the name and contact details (the application moves to an empty candidate record,
  and the person's record goes with their last application), documents (rows, and files on
  disk once the transaction commits), merits, the reason for a rejection, notes, the
  assessors' and the decider's words, the comment of a survey answer, the text and recipient
  of every message, the private links, the words of the timeline and of the language gate's
  overrides;
- kept: stage times, outcome, channel, scores and results, the survey's scores and answers,
  the language check's categories, the times and outcomes of calls and the requests for
  written information — what the metrics and the active-measures report need, about nobody.

A valid talent-pool consent keeps the profile it covers (name, contact details, merits, CV)
while everything else goes; a legal hold on the recruitment keeps everything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aterkoppla.accounts.models import User
from aterkoppla.applications.anonymise import (
    application_detach,
    application_texts_remove,
    orphaned_uploads,
)
from aterkoppla.applications.models import Application, Candidate, TalentPoolConsent
from aterkoppla.applications.retention import claim_window_until, retention_cutoff
from aterkoppla.applications.services import applications_close
from aterkoppla.applications.talent_pool import (
    candidates_with_valid_consent_q,
    talent_pool_consent_valid,
    talent_pool_leave,
)
from aterkoppla.assessment.anonymise import assessments_anonymise
from aterkoppla.decisions.anonymise import decisions_anonymise
from aterkoppla.experience.anonymise import survey_anonymise
from aterkoppla.language.anonymise import overrides_anonymise
from aterkoppla.messaging.anonymise import messages_anonymise
from aterkoppla.messaging.models import Kind
from aterkoppla.messaging.services import message_queue, written_date
from aterkoppla.organisation.models import Organisation
from aterkoppla.privacy.events import ANONYMISED, ERASURE_REQUESTED
from aterkoppla.privacy.models import ErasureRequest, RetentionRun
from aterkoppla.recruitment.models import LegalHold
from aterkoppla.recruitment.selectors import recruitment_held_ids
from aterkoppla.timeline.models import TimelineEvent
from aterkoppla.timeline.services import timeline_anonymise, timeline_record


class Cause(StrEnum):
    RETENTION = "retention"
    ERASURE = "erasure"


class Held(ValidationError):
    """The application's recruitment is under a legal hold: nothing of it may go."""


def _consenting_candidate_ids(now: dt.datetime) -> set[int]:
    """The candidates whose talent-pool consent is valid at ``now``."""
    return set(
        Candidate.objects.filter(candidates_with_valid_consent_q(now)).values_list("pk", flat=True)
    )


def _consent_via(via: str) -> str:
    portal = ErasureRequest.Via.PORTAL
    return TalentPoolConsent.Via.PORTAL if via == portal else TalentPoolConsent.Via.STAFF


def application_anonymise(
    application: Application,
    *,
    cause: Cause,
    keep_profile: bool = False,
    now: dt.datetime | None = None,
) -> bool:
    """Remove ``application``'s personal data (the module's docstring says what goes and what
    stays), in one transaction, with the event on its timeline. ``keep_profile`` keeps what
    a talent-pool consent covers; a later call without it removes that too. Refused (``Held``)
    under a legal hold. Returns whether anything changed."""
    now = now or timezone.now()
    with transaction.atomic():
        row = Application.objects.select_for_update().get(pk=application.pk)
        if LegalHold.objects.filter(recruitment_id=row.recruitment_id, lifted_at=None).exists():
            raise Held(
                _("The recruitment is under a legal hold: nothing of it may be anonymised."),
                code="held",
            )
        if row.anonymised_at is not None or (keep_profile and row.scrubbed_at is not None):
            return False
        ids = [row.pk]
        timeline_anonymise(ids)
        messages_anonymise(ids)
        assessments_anonymise(ids)
        decisions_anonymise(ids)
        survey_anonymise(ids)
        overrides_anonymise(ids)
        application_texts_remove(row, keep_profile=keep_profile)
        fields = []
        if row.scrubbed_at is None:
            row.scrubbed_at = now
            fields.append("scrubbed_at")
        if not keep_profile:
            application_detach(row, at=now)
            row.anonymised_at = now
            fields.append("anonymised_at")
        row.save(update_fields=fields)
        timeline_record(
            application=row,
            kind=ANONYMISED,
            at=now,
            data={"cause": str(cause), "kept": "profile" if keep_profile else "nothing"},
        )
    application.candidate_id, application.candidate = row.candidate_id, row.candidate
    application.scrubbed_at, application.anonymised_at = row.scrubbed_at, row.anonymised_at
    return True


# -- The retention run ------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One thing the retention run does, or would do, and why (for ``--dry-run``)."""

    application_id: int | None
    action: str  # "anonymise", "keep_profile", "keep_held", "keep_consent", "erase", "orphan"
    why: str
    path: str = ""  # an orphaned upload


@dataclass
class RetentionPlan:
    steps: list[Step] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for step in self.steps if step.action == action)


def retention_plan(now: dt.datetime | None = None) -> RetentionPlan:
    """What the retention run would do at ``now``, with the reason for each step: nothing is
    changed (``aterkoppla retention --dry-run`` prints it)."""
    now = now or timezone.now()
    organisation = Organisation.current()
    months = organisation.retention_months
    plan = RetentionPlan()
    consenting = _consenting_candidate_ids(now)
    held = set(recruitment_held_ids())
    expired = (
        Application.objects.filter(
            anonymised_at__isnull=True, final_answer_at__lte=retention_cutoff(now, months)
        )
        .select_related("recruitment")
        .order_by("final_answer_at", "pk")
    )
    for application in expired:
        answered = timezone.localtime(application.final_answer_at).date()
        why = _("final answer %(date)s, kept %(months)s months") % {
            "date": answered.isoformat(),
            "months": months,
        }
        if application.recruitment_id in held:
            action = "keep_held"
            why += "; " + _("legal hold on “%(job)s”") % {"job": application.recruitment.title}
        elif application.candidate_id in consenting:
            action = "keep_consent" if application.scrubbed_at else "keep_profile"
            why += "; " + _("talent-pool consent valid")
        else:
            action = "anonymise"
        plan.steps.append(Step(application.pk, action, why))
    for request in ErasureRequest.objects.filter(
        status=ErasureRequest.Status.SCHEDULED, erase_on__lte=timezone.localdate(now)
    ):
        plan.steps.append(
            Step(
                None,
                "erase",
                _("erasure request %(id)s, promised for %(date)s")
                % {"id": request.pk, "date": request.erase_on},
            )
        )
    for path in orphaned_uploads(now):
        plan.steps.append(
            Step(
                None,
                "orphan",
                _("upload %(name)s has no document") % {"name": path.name},
                path=str(path),
            )
        )
    return plan


def retention_run(now: dt.datetime | None = None) -> RetentionPlan:
    """Do what ``retention_plan`` lists: anonymise what expired (a consent keeps the profile),
    carry out erasures due, delete orphaned uploads. Each application in its own transaction,
    so one that fails does not stop the rest; a run again changes nothing."""
    now = now or timezone.now()
    plan = retention_plan(now)
    done = RetentionPlan()
    for step in plan.steps:
        if step.action in ("anonymise", "keep_profile") and step.application_id is not None:
            application = Application.objects.get(pk=step.application_id)
            try:
                changed = application_anonymise(
                    application,
                    cause=Cause.RETENTION,
                    keep_profile=step.action == "keep_profile",
                    now=now,
                )
            except Held:
                continue  # a hold set since the plan was read
            if changed:
                done.steps.append(step)
        elif step.action in ("keep_held", "keep_consent"):
            done.steps.append(step)
    for request in ErasureRequest.objects.filter(
        status=ErasureRequest.Status.SCHEDULED, erase_on__lte=timezone.localdate(now)
    ):
        if erasure_complete(request, now=now):
            done.steps.append(Step(None, "erase", str(request.pk)))
    for step in plan.steps:
        if step.action == "orphan":  # found before this run removed any documents
            Path(step.path).unlink(missing_ok=True)
            done.steps.append(step)
    return done


def retention_daily(now: dt.datetime) -> RetentionPlan | None:
    """The ``retention`` sweep: once a day (the first worker to get there records the day;
    the others skip it)."""
    day = timezone.localdate(now)
    run, created = RetentionRun.objects.get_or_create(day=day, defaults={"started_at": now})
    if not created:
        return None
    done = retention_run(now)
    run.finished_at = timezone.now()
    run.anonymised = done.count("anonymise")
    run.scrubbed = done.count("keep_profile")
    run.erasures = done.count("erase")
    run.orphans = done.count("orphan")
    run.save()
    return done


# -- Erasure (GDPR art. 17) -------------------------------------------------------------------


@dataclass(frozen=True)
class ErasureSplit:
    """Which of a person's applications an erasure removes at once (``now``: withdrawn, or
    open — erasing withdraws it — with no hold) and which it keeps until ``erase_on`` (a
    decision on them can still be challenged, or a hold keeps them)."""

    now: list[Application]
    later: list[Application]
    erase_on: dt.date | None

    @property
    def open(self) -> list[Application]:
        return [application for application in self.now + self.later if application.is_open]


def _erasure_split(applications: list[Application], now: dt.datetime) -> ErasureSplit:
    held = set(recruitment_held_ids())
    erased, kept, until = [], [], []
    for application in applications:
        window = claim_window_until(application)
        if application.recruitment_id in held or (window is not None and window > now):
            kept.append(application)
            until.append(timezone.localtime(window or now).date())
        else:
            erased.append(application)
    return ErasureSplit(now=erased, later=kept, erase_on=max(until) if until else None)


def erasure_preview(candidate: Candidate, now: dt.datetime | None = None) -> ErasureSplit:
    """What an erasure asked for now would do (the candidate's page and the staff's form
    show it before the request is made)."""
    applications = list(
        candidate.applications.filter(anonymised_at__isnull=True).select_related("recruitment")
    )
    return _erasure_split(applications, now or timezone.now())


def erasure_scheduled(candidate: Candidate) -> ErasureRequest | None:
    """The candidate's erasure that waits for its date (a promise), if any."""
    return ErasureRequest.objects.filter(
        candidate=candidate, status=ErasureRequest.Status.SCHEDULED
    ).first()


@dataclass(frozen=True)
class ErasureOutcome:
    request: ErasureRequest
    erased_now: int
    erase_on: dt.date | None  # None: everything is already erased


def erasure_request(
    *,
    candidate: Candidate,
    via: str,
    by: User | None = None,
    note: str = "",
    now: dt.datetime | None = None,
) -> ErasureOutcome:
    """A candidate asks for their data to be erased (from their page, or staff on their
    behalf). An open application is withdrawn first. What no claim window and no hold keeps
    is anonymised at once; the rest is scheduled for the day the last claim window ends
    (``applications.retention.claim_window_until``), and the candidate is told that date by
    email (or by letter). The request stays as the record, with its outcome on each timeline.
    """
    if via not in ErasureRequest.Via.values:
        raise ValidationError({"via": _("Unknown way the request was received.")})
    now = now or timezone.now()
    with transaction.atomic():
        candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
        if candidate.anonymised_at is not None:
            raise ValidationError(_("This candidate's data is already erased."), code="erased")
        if ErasureRequest.objects.filter(
            candidate=candidate, status=ErasureRequest.Status.SCHEDULED
        ).exists():
            raise ValidationError(
                _("An erasure is already scheduled for this candidate."), code="scheduled"
            )
        applications = list(
            candidate.applications.filter(anonymised_at__isnull=True).select_related("recruitment")
        )
        if talent_pool_consent_valid(candidate, now) is not None:
            # Asking to be erased takes back the consent that would keep the profile.
            talent_pool_leave(candidate=candidate, via=_consent_via(via))
        still_open = [a for a in applications if a.is_open]
        if still_open:
            applications_close(
                applications=still_open,
                outcome=Application.Stage.WITHDRAWN,
                by=by,
                by_candidate=by is None,
            )
            for application in still_open:
                application.refresh_from_db()
        split = _erasure_split(applications, now)
        now_list, later, erase_on = split.now, split.later, split.erase_on
        request = ErasureRequest.objects.create(
            candidate=candidate,
            via=via,
            requested_at=now,
            requested_by=by,
            note=note.strip(),
            language=candidate.language,
            erase_on=erase_on,
            erased_now=len(now_list),
            scheduled=len(later),
            status=ErasureRequest.Status.SCHEDULED if later else ErasureRequest.Status.DONE,
            done_at=None if later else now,
        )
        actor = TimelineEvent.Actor.USER if by else TimelineEvent.Actor.CANDIDATE
        for application in applications:
            timeline_record(
                application=application,
                kind=ERASURE_REQUESTED,
                by=by,
                actor=actor,
                at=now,
                data={
                    "request": request.pk,
                    "via": via,
                    "erase_on": erase_on.isoformat() if later and erase_on else "",
                },
            )
        if later:
            first = later[0]
            message_queue(
                application=first,
                kind=Kind.ERASURE_SCHEDULED,
                dedupe_key=f"erasure:{request.pk}",
                by=by,
                extra={
                    "erase_on": written_date(erase_on, candidate.language) if erase_on else "",
                    "erased_now": "yes" if now_list else "",
                },
                letter=True,
            )
        for application in now_list:
            application_anonymise(application, cause=Cause.ERASURE, now=now)
    return ErasureOutcome(request=request, erased_now=len(now_list), erase_on=erase_on)


def erasure_complete(request: ErasureRequest, *, now: dt.datetime | None = None) -> bool:
    """Carry out a scheduled erasure that has come due: anonymise what the hold no longer
    keeps. Returns whether the request is now done (not while a hold keeps anything)."""
    now = now or timezone.now()
    if request.candidate_id is None:
        pending: list[Application] = []
    else:
        pending = list(
            Application.objects.filter(candidate_id=request.candidate_id, anonymised_at=None)
        )
    held = set(recruitment_held_ids())
    waiting = False
    for application in pending:
        if application.recruitment_id in held:
            waiting = True
            continue
        application_anonymise(application, cause=Cause.ERASURE, now=now)
    if waiting:
        return False
    ErasureRequest.objects.filter(pk=request.pk).update(
        status=ErasureRequest.Status.DONE, done_at=now
    )
    return True
