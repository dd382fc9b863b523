"""Recording assessments: screening, interviews, scorecards, the merits summary.

Each function is one transaction that also writes the timeline and queues any message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aterkoppla.accounts.models import User
from aterkoppla.applications.merits import (
    MeritData,
    merits_from_input,
    merits_save,
)
from aterkoppla.applications.models import MERIT_SECTIONS, Application
from aterkoppla.applications.services import application_move
from aterkoppla.assessment import invitations
from aterkoppla.assessment.events import (
    INTERVIEW_CANCELLED,
    INTERVIEW_HELD,
    INTERVIEW_RECORDED,
    INTERVIEW_RESCHEDULED,
    INTERVIEW_SCHEDULED,
    MARKED_FOR_REJECTION,
    MERITS_UPDATED,
    SCORECARD_CHANGED,
    SCORECARD_SUBMITTED,
    SCREENED,
)
from aterkoppla.assessment.models import Interview, Rating, Scorecard, Screening
from aterkoppla.core.meta import model_field
from aterkoppla.language.gate import Text, language_gate, require_readers_language
from aterkoppla.language.models import Where
from aterkoppla.messaging.models import Kind
from aterkoppla.recruitment.models import Criterion, TeamMembership
from aterkoppla.recruitment.services import profile_freeze
from aterkoppla.timeline.services import timeline_record

# Screening may move an application on to these stages.
SCREENING_ADVANCES = (Application.Stage.SCREENING, Application.Stage.INTERVIEW)


@dataclass(frozen=True)
class ScreeningResult:
    criterion_id: int
    result: str
    note: str = ""


@dataclass(frozen=True)
class RatingInput:
    criterion_id: int
    score: int
    evidence: str = ""


def _criteria_by_id(application: Application, ids: Iterable[int]) -> dict[int, Criterion]:
    """The requirements named, all of them in force in the application's profile."""
    wanted = set(ids)
    found = {
        c.pk: c
        for c in Criterion.objects.filter(recruitment_id=application.recruitment_id, pk__in=wanted)
    }
    missing = wanted - set(found)
    if missing:
        raise ValidationError(
            {
                "criterion_id": _("Not a requirement of this recruitment's profile: %(ids)s.")
                % {"ids": ", ".join(str(pk) for pk in sorted(missing))}
            }
        )
    return found


def _require_open(application: Application) -> None:
    if not application.is_open:
        raise ValidationError(
            _("The application is closed (%(stage)s): it is not assessed any more.")
            % {"stage": application.get_stage_display()}
        )


@transaction.atomic
def screening_record(
    *,
    application: Application,
    by: User | None,
    results: Sequence[ScreeningResult],
    advance_to: str | None = None,
    reply_by: dt.date | None = None,
    mark_for_rejection: bool | None = None,
    rejection_reason: str | None = None,
    language_override_reason: str = "",
) -> list[Screening]:
    """Record the screening of an application per requirement, and act on it.

    Puts the profile in force (version 1) if screening starts here. ``advance_to`` moves the
    application on (to screening or interview; the candidate gets a status update with the
    promised date); ``mark_for_rejection`` proposes it for rejection on the decision screen,
    with ``rejection_reason`` for the candidate (None keeps the reason written before). The
    notes (``note_<criterion id>``) and the reason (``rejection_reason``) pass the language
    check unless ``language_override_reason`` says why they are kept.
    """
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("candidate", "recruitment")
        .get(pk=application.pk)
    )
    _require_open(application)
    if advance_to and advance_to not in SCREENING_ADVANCES:
        raise ValidationError(
            {"advance_to": _("Screening can move an application to screening or interview.")}
        )
    if advance_to and mark_for_rejection:
        raise ValidationError(
            {"advance_to": _("An application cannot both move on and be marked for rejection.")}
        )
    ids = [r.criterion_id for r in results]
    if len(ids) != len(set(ids)):
        raise ValidationError({"results": _("Each requirement can be screened once.")})
    criteria = _criteria_by_id(application, ids)
    for item in results:
        if item.result not in Screening.Result.values:
            raise ValidationError(
                {"result": _("“%(value)s” is not a screening result.") % {"value": item.result}}
            )
    notes = [
        Text(
            name=f"note_{item.criterion_id}",
            text=item.note.strip(),
            where=Where.SCREENING,
            application=application,
            label=criteria[item.criterion_id].name,
        )
        for item in results
    ]
    policy = application.recruitment.language_policy
    reason = language_override_reason
    if mark_for_rejection and rejection_reason:
        # Every stopped text at once; the reason is kept (and recorded) by the marking below.
        reason_text = _reason_text(application, rejection_reason)
        language_gate([*notes, reason_text], policy=policy, by=by, reason=reason, record=False)
    language_gate(notes, policy=policy, by=by, reason=reason)
    version = profile_freeze(recruitment=application.recruitment, by=by)
    now = timezone.now()
    existing = {s.criterion_id: s for s in application.screenings.all()}
    saved: list[Screening] = []
    changed: dict[str, str] = {}
    for item in results:
        screening = existing.get(item.criterion_id) or Screening(
            application=application, criterion=criteria[item.criterion_id]
        )
        note = item.note.strip()
        if screening.pk and (screening.result, screening.note) == (item.result, note):
            saved.append(screening)
            continue
        screening.result, screening.note = item.result, note
        screening.profile_version = version
        screening.screened_by, screening.screened_at = by, now
        screening.full_clean(exclude=["application", "criterion", "profile_version"])
        screening.save()
        saved.append(screening)
        changed[criteria[item.criterion_id].name] = item.result
    if changed:
        every = [s.result for s in application.screenings.all()]
        timeline_record(
            application=application,
            by=by,
            kind=SCREENED,
            data={
                "version": version.number,
                "results": changed,
                "met": every.count(Screening.Result.MET),
                "partly": every.count(Screening.Result.PARTLY),
                "not_met": every.count(Screening.Result.NOT_MET),
            },
        )
    if mark_for_rejection is not None:
        application_mark_for_rejection(
            application=application,
            by=by,
            marked=mark_for_rejection,
            reason=rejection_reason,
            language_override_reason=language_override_reason,
        )
    if advance_to and advance_to != application.stage:
        application_move(application=application, to_stage=advance_to, by=by, reply_by=reply_by)
        if application.marked_for_rejection:
            application_mark_for_rejection(application=application, by=by, marked=False)
    return saved


def _reason_text(application: Application, reason: str) -> Text:
    return Text(
        name="rejection_reason",
        text=reason.strip(),
        where=Where.REJECTION,
        application=application,
    )


@transaction.atomic
def application_mark_for_rejection(
    *,
    application: Application,
    by: User | None,
    marked: bool,
    reason: str | None = None,
    language_override_reason: str = "",
) -> Application:
    """Propose (or stop proposing) the application for rejection on the decision screen.

    ``reason`` is what the written rejection will tell the candidate; None keeps the one
    written before. A new reason passes the language check (``rejection_reason``) unless
    ``language_override_reason`` says why it is kept.
    """
    _require_open(application)
    reason = application.rejection_reason if reason is None else reason.strip()
    if (application.marked_for_rejection, application.rejection_reason) == (marked, reason):
        return application
    if marked and reason != application.rejection_reason:
        require_readers_language(reason, application.candidate.language, field="rejection_reason")
        language_gate(
            [_reason_text(application, reason)],
            policy=application.recruitment.language_policy,
            by=by,
            reason=language_override_reason,
        )
    application.marked_for_rejection, application.rejection_reason = marked, reason
    Application.objects.filter(pk=application.pk).update(
        marked_for_rejection=marked, rejection_reason=reason
    )
    data: dict[str, object] = {"marked": marked}
    if marked and reason:
        data["reason"] = reason
    timeline_record(application=application, by=by, kind=MARKED_FOR_REJECTION, data=data)
    return application


def _team_users(application: Application, users: Sequence[User]) -> list[User]:
    if not users:
        raise ValidationError({"interviewers": _("Choose at least one interviewer.")})
    on_team = set(
        TeamMembership.objects.filter(
            recruitment_id=application.recruitment_id, user__in=users, user__is_active=True
        ).values_list("user_id", flat=True)
    )
    outside = [u.pk for u in users if u.pk not in on_team]
    if outside:
        raise not_on_team(outside)
    return list(dict.fromkeys(users))


def not_on_team(ids: Sequence[int]) -> ValidationError:
    """The refusal of interviewers off the team, by id only: someone who may book interviews
    must not learn the name (or the existence) of any user by trying ids."""
    return ValidationError(
        {
            "interviewers": _(
                "Interviewers must be active members of the recruitment's team; these are "
                "not: %(ids)s."
            )
            % {"ids": ", ".join(f"id {pk}" for pk in ids)}
        }
    )


@transaction.atomic
def interview_schedule(
    *,
    application: Application,
    by: User | None,
    scheduled_at: dt.datetime,
    interviewers: Sequence[User],
    duration_minutes: int = 60,
    location: str = "",
    video_url: str = "",
    bring: str = "",
    already_held: bool = False,
) -> Interview:
    """Book an interview: each interviewer gets a calendar invitation by email, and the
    candidate an invitation of their own (time, length, place or video link, whom they meet,
    ``bring``, whom to ask) with the calendar file.

    ``already_held`` records an interview that took place without being booked here (a
    phone interview yesterday): its time is in the past, it is marked held at once (so the
    application counts as interviewed) and nobody is sent anything.
    """
    application = Application.objects.select_for_update().get(pk=application.pk)
    _require_open(application)
    if application.stage not in Application.INVITED_STAGES:
        raise ValidationError(
            _(
                "Move the application to the interview stage first: the candidate is told "
                "then, with the date they will hear from you."
            )
        )
    # Calendars keep whole minutes; so do we, so that the invitation and the record agree.
    scheduled_at = scheduled_at.replace(second=0, microsecond=0)
    if already_held and scheduled_at > timezone.now():
        raise ValidationError(
            {
                "scheduled_at": _(
                    "An interview recorded afterwards has already taken place: give the time "
                    "it was held. Book an interview still to come instead."
                )
            }
        )
    if not already_held and scheduled_at <= timezone.now():
        raise ValidationError(
            {
                "scheduled_at": _(
                    "An interview is booked for a future time. To record one that was "
                    "already held, say so."
                )
            }
        )
    people = _team_users(application, interviewers)
    version = profile_freeze(recruitment=application.recruitment, by=by)
    interview = Interview(
        application=application,
        scheduled_at=scheduled_at,
        duration_minutes=duration_minutes,
        location=location.strip(),
        video_url=video_url.strip(),
        bring=bring.strip(),
        profile_version=version,
        created_by=by,
    )
    interview.full_clean(exclude=["application", "profile_version", "uid"])
    interview.save()
    interview.interviewers.set(people)
    data = {
        "interview": interview.pk,
        "at": scheduled_at.isoformat(),
        "interviewers": [str(u) for u in people],
    }
    if already_held:
        timeline_record(application=application, by=by, kind=INTERVIEW_RECORDED, data=data)
        return interview_mark_held(interview=interview, by=by)
    timeline_record(application=application, by=by, kind=INTERVIEW_SCHEDULED, data=data)
    invitations.staff_notices(interview, by=by)
    invitations.candidate_notice(interview, by=by, kind=Kind.INTERVIEW_BOOKED)
    return interview


def _interview_to_change(interview: Interview) -> Interview:
    """The interview, locked, if it can still be moved or cancelled."""
    interview = (
        Interview.objects.select_for_update(of=("self",))
        .select_related("application__candidate", "application__recruitment")
        .get(pk=interview.pk)
    )
    if interview.is_held:
        raise ValidationError(_("The interview was held: it cannot be moved or cancelled."))
    return interview


def _interview_facts(interview: Interview, people: Sequence[User]) -> dict[str, object]:
    """What a move may change, as the timeline keeps it."""
    return {
        "scheduled_at": timezone.localtime(interview.scheduled_at).isoformat(),
        "duration_minutes": interview.duration_minutes,
        "location": interview.location,
        "video_url": interview.video_url,
        "bring": interview.bring,
        "interviewers": [str(u) for u in people],
    }


@transaction.atomic
def interview_reschedule(
    *,
    interview: Interview,
    by: User | None,
    scheduled_at: dt.datetime,
    interviewers: Sequence[User],
    duration_minutes: int,
    location: str,
    video_url: str,
    bring: str,
    reason: str = "",
) -> Interview:
    """Move or change a booked interview: a new revision (SEQUENCE) of its calendar
    invitation goes to the interviewers (its cancellation to those taken off it), and the
    candidate is told what now applies, with ``reason`` if one is given.

    Not for an interview that was held or cancelled; the new time is in the future.
    """
    interview = _interview_to_change(interview)
    if interview.is_cancelled:
        raise ValidationError(_("The interview is cancelled: book a new one instead."))
    application = interview.application
    _require_open(application)
    scheduled_at = scheduled_at.replace(second=0, microsecond=0)
    if scheduled_at <= timezone.now():
        raise ValidationError({"scheduled_at": _("An interview is moved to a future time.")})
    people = _team_users(application, interviewers)
    before_people = list(interview.interviewers.all())
    previous_at = interview.scheduled_at
    before = _interview_facts(interview, before_people)
    interview.scheduled_at = scheduled_at
    interview.duration_minutes = duration_minutes
    interview.location = location.strip()
    interview.video_url = video_url.strip()
    interview.bring = bring.strip()
    interview.full_clean(exclude=["application", "profile_version", "uid"])
    after = _interview_facts(interview, people)
    if {p.pk for p in people} == {p.pk for p in before_people}:
        after["interviewers"] = before["interviewers"]
    changed = [name for name in after if after[name] != before[name]]
    if not changed:
        raise ValidationError(_("Nothing was changed."))
    interview.sequence += 1
    interview.save()
    interview.interviewers.set(people)
    data: dict[str, object] = {
        "interview": interview.pk,
        "changed": [str(model_field(Interview, name).verbose_name) for name in changed],
        "before": {name: before[name] for name in changed},
        "after": {name: after[name] for name in changed},
    }
    if reason.strip():
        data["reason"] = reason.strip()
    timeline_record(application=application, by=by, kind=INTERVIEW_RESCHEDULED, data=data)
    kept = {p.pk for p in people}
    invitations.staff_notices(
        interview, by=by, cancel_for=[p for p in before_people if p.pk not in kept]
    )
    invitations.candidate_notice(
        interview, by=by, kind=Kind.INTERVIEW_MOVED, reason=reason, previous_at=previous_at
    )
    return interview


@transaction.atomic
def interview_cancel(*, interview: Interview, by: User | None, reason: str = "") -> Interview:
    """Cancel a booked interview. It is kept (``cancelled_at``) but counts nowhere an
    interview counts. The interviewers get the calendar cancellation (METHOD CANCEL) and
    the candidate a message with it, with ``reason`` if one is given; for an interview whose
    time has passed (it did not take place) nobody is sent anything. Cancelling again changes
    nothing; a held interview cannot be cancelled.
    """
    interview = _interview_to_change(interview)
    if interview.is_cancelled:
        return interview
    application = interview.application
    interview.cancelled_at = timezone.now()
    interview.sequence += 1
    interview.save(update_fields=["cancelled_at", "sequence"])
    data: dict[str, object] = {
        "interview": interview.pk,
        "at": interview.scheduled_at.isoformat(),
    }
    if reason.strip():
        data["reason"] = reason.strip()
    timeline_record(application=application, by=by, kind=INTERVIEW_CANCELLED, data=data)
    if not interview.has_started():
        invitations.staff_notices(interview, by=by, cancel_for=list(interview.interviewers.all()))
        invitations.candidate_notice(interview, by=by, kind=Kind.INTERVIEW_CANCELLED, reason=reason)
    return interview


@transaction.atomic
def interview_mark_held(*, interview: Interview, by: User | None) -> Interview:
    """Record that the interview took place: the application now counts as interviewed."""
    interview = (
        Interview.objects.select_for_update().select_related("application").get(pk=interview.pk)
    )
    if interview.held_at is not None:
        return interview
    if interview.is_cancelled:
        raise ValidationError(_("The interview was cancelled: it cannot be marked held."))
    if not interview.has_started():
        raise ValidationError(_("An interview cannot be marked held before it has started."))
    application = interview.application
    interview.held_at = timezone.now()
    interview.save(update_fields=["held_at"])
    if not application.interviewed:
        Application.objects.filter(pk=application.pk).update(interviewed=True)
        application.interviewed = True
    timeline_record(
        application=application,
        by=by,
        kind=INTERVIEW_HELD,
        data={"interview": interview.pk},
    )
    return interview


SCORECARD_TEXTS = ("impression", "strengths", "tips")


@transaction.atomic
def scorecard_submit(
    *,
    interview: Interview,
    by: User,
    ratings: Sequence[RatingInput],
    impression: str = "",
    strengths: str = "",
    tips: str = "",
    language_override_reason: str = "",
) -> tuple[Scorecard, bool]:
    """Submit (or change) the calling interviewer's scorecard; True when it is new.

    Only the interview's interviewers score, each on their own card. A change after
    submission keeps the earlier values on the timeline. Submitting marks the interview held.
    """
    interview = Interview.objects.select_related(
        "application__recruitment", "application__candidate"
    ).get(pk=interview.pk)
    if not interview.interviewers.filter(pk=by.pk).exists():
        raise ValidationError(_("Only the interview's interviewers submit scorecards."))
    if interview.is_cancelled:
        raise ValidationError(_("The interview was cancelled: there is nothing to score."))
    if not interview.has_started():
        raise ValidationError(_("The interview has not started yet: score it afterwards."))
    if not ratings:
        raise ValidationError({"ratings": _("Score at least one requirement.")})
    ids = [r.criterion_id for r in ratings]
    if len(ids) != len(set(ids)):
        raise ValidationError({"ratings": _("Each requirement can be scored once.")})
    criteria = _criteria_by_id(interview.application, ids)
    for item in ratings:
        score = item.score
        if not isinstance(score, int) or not Rating.MIN_SCORE <= score <= Rating.MAX_SCORE:
            raise ValidationError({"score": _("A score is a whole number from 1 to 5.")})
    application = interview.application
    texts = {
        "impression": impression.strip(),
        "strengths": strengths.strip(),
        "tips": tips.strip(),
    }
    _scorecard_gate(application, criteria, ratings, texts, by, language_override_reason)
    interview_mark_held(interview=interview, by=by)
    scorecard = (
        Scorecard.objects.select_for_update()
        .filter(interview=interview, interviewer=by)
        .prefetch_related("ratings__criterion")
        .first()
    )
    if scorecard is None:
        version = profile_freeze(recruitment=application.recruitment, by=by)
        scorecard = Scorecard(interview=interview, interviewer=by, profile_version=version, **texts)
        scorecard.full_clean(exclude=["interview", "interviewer", "profile_version"])
        scorecard.save()
        Rating.objects.bulk_create(
            Rating(
                scorecard=scorecard,
                criterion=criteria[item.criterion_id],
                score=item.score,
                evidence=item.evidence.strip(),
            )
            for item in ratings
        )
        timeline_record(
            application=application,
            by=by,
            kind=SCORECARD_SUBMITTED,
            data={"interview": interview.pk, "scorecard": scorecard.pk, "interviewer": str(by)},
        )
        return scorecard, True
    _scorecard_change(scorecard, by=by, criteria=criteria, ratings=ratings, texts=texts)
    return scorecard, False


def _scorecard_gate(
    application: Application,
    criteria: dict[int, Criterion],
    ratings: Sequence[RatingInput],
    texts: dict[str, str],
    by: User,
    reason: str,
) -> None:
    """The scorecard's words pass the language check: the call sheet is made from them."""
    labels = {name: str(model_field(Scorecard, name).verbose_name) for name in texts}
    language_gate(
        [
            *(
                Text(
                    name=f"evidence_{item.criterion_id}",
                    text=item.evidence.strip(),
                    where=Where.SCORECARD,
                    application=application,
                    label=criteria[item.criterion_id].name,
                )
                for item in ratings
            ),
            *(
                Text(
                    name=name,
                    text=text,
                    where=Where.SCORECARD,
                    application=application,
                    label=labels[name],
                )
                for name, text in texts.items()
            ),
        ],
        policy=application.recruitment.language_policy,
        by=by,
        reason=reason,
    )


def _scorecard_change(
    scorecard: Scorecard,
    *,
    by: User,
    criteria: dict[int, Criterion],
    ratings: Sequence[RatingInput],
    texts: dict[str, str],
) -> None:
    """Apply a change to a submitted scorecard; the timeline keeps what it said before."""
    before: dict[str, object] = {}
    after: dict[str, object] = {}
    changed: list[str] = []
    for field, value in texts.items():
        if getattr(scorecard, field) != value:
            before[field], after[field] = getattr(scorecard, field), value
            changed.append(str(model_field(Scorecard, field).verbose_name))
            setattr(scorecard, field, value)
    current = {r.criterion_id: r for r in scorecard.ratings.all()}
    for item in ratings:
        rating = current.get(item.criterion_id)
        evidence = item.evidence.strip()
        old = (rating.score, rating.evidence) if rating else None
        if old == (item.score, evidence):
            continue
        name = criteria[item.criterion_id].name
        before[f"rating:{name}"] = {"score": old[0], "evidence": old[1]} if old else None
        after[f"rating:{name}"] = {"score": item.score, "evidence": evidence}
        changed.append(name)
        if rating is None:
            Rating.objects.create(
                scorecard=scorecard,
                criterion=criteria[item.criterion_id],
                score=item.score,
                evidence=evidence,
            )
        else:
            rating.score, rating.evidence = item.score, evidence
            rating.save(update_fields=["score", "evidence"])
    if not changed:
        return
    scorecard.changed_at = timezone.now()
    scorecard.full_clean(exclude=["interview", "interviewer", "profile_version"])
    scorecard.save(update_fields=[*SCORECARD_TEXTS, "changed_at"])
    timeline_record(
        application=scorecard.interview.application,
        by=by,
        kind=SCORECARD_CHANGED,
        data={
            "interview": scorecard.interview_id,
            "scorecard": scorecard.pk,
            "interviewer": str(by),
            "changed": changed,
            "before": before,
            "after": after,
        },
    )


def _by_kind(merits: Iterable[MeritData]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {section: [] for section in MERIT_SECTIONS}
    for merit in merits:
        found[merit.kind].append(merit.as_dict())
    return found


@transaction.atomic
def merits_update(
    *,
    application: Application,
    by: User | None,
    merits: Any,
    language_override_reason: str = "",
) -> Application:
    """Correct or complete the factual merits (education, experience, other), structured.

    This is the raw material of the written information under diskrimineringslagen
    2 kap. 4 §: facts the candidate gave, no judgements. ``merits`` replaces what the
    application had, in any form ``applications.merits.merits_from_input`` takes; a merit
    still marked ``needs_review`` stays out of what other candidates are told. The role and
    field of each merit pass the language check unless ``language_override_reason`` says
    why they are kept (the gate names them "<kind>-<n>-role" / "<kind>-<n>-field", n
    counting from 0 within the kind).
    """
    cleaned = merits_from_input(merits)
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("candidate", "recruitment")
        .get(pk=application.pk)
    )
    current = [MeritData.of(merit) for merit in application.merits.all()]
    if cleaned == current:
        return application
    texts = []
    positions = dict.fromkeys(MERIT_SECTIONS, 0)
    for data in cleaned:
        index = positions[data.kind]
        positions[data.kind] += 1
        for name in ("role", "field"):
            if getattr(data, name):
                texts.append(
                    Text(
                        name=f"{data.kind}-{index}-{name}",
                        text=getattr(data, name),
                        where=Where.MERITS,
                        application=application,
                    )
                )
    language_gate(
        texts,
        policy=application.recruitment.language_policy,
        by=by,
        reason=language_override_reason,
    )
    merits_save(application, cleaned)
    timeline_record(
        application=application,
        by=by,
        kind=MERITS_UPDATED,
        data={"before": _by_kind(current), "after": _by_kind(cleaned)},
    )
    return application
