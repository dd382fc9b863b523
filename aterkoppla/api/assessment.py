"""API v1 routes for assessment: screening, booking, moving and cancelling interviews,
scorecards, marking held.

Access as everywhere in the API: whoever may not see the application gets 404 (an
interviewer sees only the applications of interviews they are on); a team member who may see
it but not do this gets 403. Screening, booking, moving and cancelling are for the roles
that move applications (owner, recruiter, hiring manager, site admin); scorecards are the
interview's interviewers' own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Path, Router, Status
from ninja.errors import HttpError

from aterkoppla.accounts.models import User
from aterkoppla.api import assessment_schemas as schemas
from aterkoppla.api import schemas as api_schemas
from aterkoppla.api.errors import invalid_input, language_blocked, merit_paths
from aterkoppla.api.schemas import ERRORS_READ, ERRORS_WRITE, MAX_ID
from aterkoppla.api.services import Conflict
from aterkoppla.applications.models import Application
from aterkoppla.applications.selectors import application_get_for_user
from aterkoppla.assessment import selectors as assessment_selectors
from aterkoppla.assessment import services
from aterkoppla.assessment.models import Interview, Rating, Scorecard, Screening
from aterkoppla.language.gate import LanguageBlocked as StoppedText
from aterkoppla.recruitment.selectors import Access
from aterkoppla.recruitment.services import profile_version_current

if TYPE_CHECKING:
    from aterkoppla.api.auth import ApiRequest

router = Router()

ApplicationId = Annotated[int, Path(ge=1, le=MAX_ID)]
InterviewId = Annotated[int, Path(ge=1, le=MAX_ID)]

# The services name some fields by their own words; in the API they are named by the body.
SCREENING_FIELDS = {"criterion_id": "results", "result": "results", "to_stage": "advance_to"}
INTERVIEW_FIELDS = {"interviewers": "interviewer_ids"}
SCORECARD_FIELDS = {"criterion_id": "ratings", "score": "ratings"}


# --- Access ---------------------------------------------------------------------------


def _application_for(request: ApiRequest, pk: int, *, move: bool = False) -> Application:
    """The application if the caller may see it (404 otherwise); 403 if ``move`` is asked
    for and their role may not move applications."""
    application, _access = application_get_for_user(request.auth, pk, decide=move)
    return application


def _interview_for(request: ApiRequest, pk: int) -> tuple[Interview, Access, bool]:
    """The interview, the caller's access and whether they are one of its interviewers;
    404 if they may not see its application."""
    interview = get_object_or_404(
        Interview.objects.select_related(
            "application__recruitment", "profile_version"
        ).prefetch_related("interviewers"),
        pk=pk,
    )
    access = assessment_selectors.interview_access(request.auth, interview)
    if access is None:
        raise Http404
    return interview, access, assessment_selectors.is_interviewer(request.auth, interview)


def _not_started(interview: Interview) -> Conflict:
    return Conflict(
        _("The interview starts at %(time)s: it can be marked held and scored after that.")
        % {"time": timezone.localtime(interview.scheduled_at).isoformat(timespec="minutes")}
    )


# --- Answers --------------------------------------------------------------------------


def _by_criterion(items: list[Any], *, text: str, body: str) -> Callable[[str], str]:
    """The service names a requirement's text ``<text>_<criterion id>``; the API names it by
    its place in the body: ``<body>.<n>.<text>`` (``results.0.note``, ``ratings.2.evidence``)."""
    places = {f"{text}_{item.criterion_id}": f"{body}.{n}.{text}" for n, item in enumerate(items)}
    return lambda name: places.get(name, name)


def _screening_answer(application: Application) -> dict[str, Any]:
    application.refresh_from_db(
        fields=["stage", "reply_by", "marked_for_rejection", "rejection_reason"]
    )
    screenings = (
        Screening.objects.filter(application=application)
        .select_related("criterion", "profile_version")
        .order_by("criterion__order", "criterion_id")
    )
    current = profile_version_current(application.recruitment)
    return {
        "application_id": application.pk,
        "stage": application.stage,
        "reply_by": application.reply_by,
        "marked_for_rejection": application.marked_for_rejection,
        "rejection_reason": application.rejection_reason,
        "profile_version": current.number if current else None,
        "results": [
            {
                "criterion_id": s.criterion_id,
                "criterion": s.criterion.name,
                "result": s.result,
                "note": s.note,
                "profile_version": s.profile_version.number,
                "screened_at": s.screened_at,
            }
            for s in screenings
        ],
    }


def _interview_answer(interview: Interview) -> dict[str, Any]:
    return {
        "id": interview.pk,
        "application_id": interview.application_id,
        "scheduled_at": interview.scheduled_at,
        "duration_minutes": interview.duration_minutes,
        "location": interview.location,
        "video_url": interview.video_url,
        "bring": interview.bring,
        "interviewer_ids": sorted(user.pk for user in interview.interviewers.all()),
        "held_at": interview.held_at,
        "cancelled_at": interview.cancelled_at,
        "sequence": interview.sequence,
        "profile_version": interview.profile_version.number,
    }


def _scorecard_answer(scorecard: Scorecard) -> dict[str, Any]:
    return {
        "id": scorecard.pk,
        "interview_id": scorecard.interview_id,
        "interviewer_id": scorecard.interviewer_id,
        "interviewer_name": str(scorecard.interviewer),
        "submitted_at": scorecard.submitted_at,
        "changed_at": scorecard.changed_at,
        "profile_version": scorecard.profile_version.number,
        "impression": scorecard.impression,
        "strengths": scorecard.strengths,
        "tips": scorecard.tips,
        "ratings": [
            {
                "criterion_id": rating.criterion_id,
                "criterion": rating.criterion.name,
                "score": rating.score,
                "evidence": rating.evidence,
            }
            for rating in scorecard.ratings.all()
        ],
    }


def _scorecards() -> Any:
    ratings = Rating.objects.select_related("criterion").order_by(
        "criterion__kind", "criterion__order", "criterion_id"
    )
    return Scorecard.objects.select_related("interviewer", "profile_version").prefetch_related(
        Prefetch("ratings", queryset=ratings)
    )


# --- Routes ---------------------------------------------------------------------------


@router.post(
    "/applications/{application_id}/screening",
    response={200: schemas.ScreeningOut, **ERRORS_WRITE},
    summary="Screen an application",
)
def screening_record(
    request: ApiRequest, application_id: ApplicationId, payload: schemas.ScreeningIn
) -> dict[str, Any]:
    """Record, per requirement of the profile, whether the application meets it (`met`,
    `partly`, `not_met`) with a note; a requirement screened before gets the new result.

    The first screening puts the requirement profile in force (version 1): every result names
    the profile version it was made under. With `advance_to` the application moves on and the
    candidate is sent a status update with the promised answer date (`reply_by` gives a new
    one). `mark_for_rejection` proposes it for rejection on the decision screen; nothing is
    sent to the candidate for that.

    The answer is every screening of the application after the call. For the owner, a
    recruiter, the hiring manager and a site admin; other team members get 403. A closed
    application, an unknown requirement or a move that is not allowed is refused (422).
    """
    application = _application_for(request, application_id, move=True)
    results = [
        services.ScreeningResult(criterion_id=r.criterion_id, result=r.result, note=r.note)
        for r in payload.results
    ]
    try:
        services.screening_record(
            application=application,
            by=request.auth,
            results=results,
            advance_to=payload.advance_to,
            reply_by=payload.reply_by,
            mark_for_rejection=payload.mark_for_rejection,
            rejection_reason=payload.rejection_reason,
            language_override_reason=payload.language_override_reason,
        )
    except StoppedText as exc:
        raise language_blocked(
            exc, _by_criterion(payload.results, text="note", body="results")
        ) from exc
    except ValidationError as exc:
        raise invalid_input(exc, rename=SCREENING_FIELDS) from exc
    return _screening_answer(application)


@router.post(
    "/applications/{application_id}/interviews",
    response={201: schemas.InterviewOut, **ERRORS_WRITE},
    summary="Book an interview",
)
def interview_schedule(
    request: ApiRequest, application_id: ApplicationId, payload: schemas.InterviewIn
) -> Status:
    """Book an interview with one or more interviewers from the recruitment's team. Each
    interviewer is sent a calendar invitation (.ics) by email, and the candidate an
    invitation of their own (time, length, place or video link, whom they meet, what to
    bring, whom to ask) with a calendar file of their own.

    The application must be in the interview stage (or reserve, or offer): move it there first
    (screening with `advance_to: "interview"`), which tells the candidate. `scheduled_at` is
    ISO 8601 with a time zone; a time without one is refused (422), as is a time in the past.
    With `already_held` an interview that took place without being booked is recorded: its
    time must be in the past (a future one is 422), it is marked held at once and nothing is
    sent to anyone. A place or a video link is needed. An unknown user id, or a user not on
    the team, is refused (422). For the owner, a recruiter, the hiring manager and a site
    admin; other team members get 403.
    """
    application = _application_for(request, application_id, move=True)
    users = _interviewers(payload.interviewer_ids)
    try:
        interview = services.interview_schedule(
            application=application,
            by=request.auth,
            scheduled_at=payload.scheduled_at,
            interviewers=users,
            duration_minutes=payload.duration_minutes,
            location=payload.location,
            video_url=payload.video_url,
            bring=payload.bring,
            already_held=payload.already_held,
        )
    except ValidationError as exc:
        raise invalid_input(exc, rename=INTERVIEW_FIELDS) from exc
    return Status(201, _interview_answer(_interview_reloaded(interview)))


def _interviewers(ids: list[int]) -> list[User]:
    """The active users named, in the order given. An id of no active user is refused with
    the same words as a user off the team (422), so that ids tell nothing about who exists."""
    ids = list(dict.fromkeys(ids))
    users = User.objects.filter(is_active=True).in_bulk(ids)
    unknown = [pk for pk in ids if pk not in users]
    if unknown:
        error = services.not_on_team(unknown)
        raise invalid_input(
            ValidationError({"interviewer_ids": error.message_dict["interviewers"]})
        )
    return [users[pk] for pk in ids]


def _interview_reloaded(interview: Interview) -> Interview:
    return (
        Interview.objects.select_related("profile_version")
        .prefetch_related("interviewers")
        .get(pk=interview.pk)
    )


def _interview_to_change(request: ApiRequest, pk: int) -> Interview:
    """The interview if the caller may move or cancel it (404 if they may not see it, 403 if
    their role does not move applications); 409 once it was held."""
    interview, access, _on_it = _interview_for(request, pk)
    if not access.can_move:
        raise PermissionDenied
    if interview.is_held:
        raise Conflict(_("The interview was held: it cannot be moved or cancelled."))
    return interview


@router.post(
    "/interviews/{interview_id}/reschedule",
    response={200: schemas.InterviewOut, **ERRORS_WRITE},
    summary="Move or change an interview",
)
def interview_reschedule(
    request: ApiRequest, interview_id: InterviewId, payload: schemas.InterviewChangeIn
) -> dict[str, Any]:
    """Move the interview to another time, or change its length, place, video link, what to
    bring or its interviewers. Only what the body gives changes.

    The calendar invitation gets its next revision (`sequence` + 1): the interviewers are
    sent the update (those taken off, a cancellation) and the candidate a message with what
    now applies, `reason` if given, and the new calendar file. The new time must be in the
    future (422); a change that changes nothing is 422. An interview that was held or
    cancelled cannot be changed (409). For the owner, a recruiter, the hiring manager and a
    site admin; other team members get 403.
    """
    interview = _interview_to_change(request, interview_id)
    if interview.is_cancelled:
        raise Conflict(_("The interview is cancelled: book a new one instead."))
    people = (
        list(interview.interviewers.all())
        if payload.interviewer_ids is None
        else _interviewers(payload.interviewer_ids)
    )

    def given(value: Any, current: Any) -> Any:
        return current if value is None else value

    try:
        interview = services.interview_reschedule(
            interview=interview,
            by=request.auth,
            scheduled_at=given(payload.scheduled_at, interview.scheduled_at),
            interviewers=people,
            duration_minutes=given(payload.duration_minutes, interview.duration_minutes),
            location=given(payload.location, interview.location),
            video_url=given(payload.video_url, interview.video_url),
            bring=given(payload.bring, interview.bring),
            reason=payload.reason,
        )
    except ValidationError as exc:
        raise invalid_input(exc, rename=INTERVIEW_FIELDS) from exc
    return _interview_answer(_interview_reloaded(interview))


@router.post(
    "/interviews/{interview_id}/cancel",
    response={200: schemas.InterviewOut, **ERRORS_WRITE},
    summary="Cancel an interview",
)
def interview_cancel(
    request: ApiRequest, interview_id: InterviewId, payload: schemas.InterviewCancelIn
) -> dict[str, Any]:
    """Cancel the interview. It is kept (`cancelled_at`) but counts nowhere an interview
    counts. The interviewers are sent the calendar cancellation (METHOD:CANCEL) and the
    candidate a message with it and `reason` if given; when the interview's time has passed
    (it did not take place) nobody is sent anything. Cancelling again gives the same answer.

    An interview that was held cannot be cancelled (409). For the owner, a recruiter, the
    hiring manager and a site admin; other team members get 403.
    """
    interview = _interview_to_change(request, interview_id)
    try:
        interview = services.interview_cancel(
            interview=interview, by=request.auth, reason=payload.reason
        )
    except ValidationError as exc:
        raise invalid_input(exc) from exc
    return _interview_answer(_interview_reloaded(interview))


@router.get(
    "/interviews/{interview_id}",
    response={200: schemas.InterviewDetailOut, **ERRORS_READ},
    summary="Get an interview",
)
def interview_detail(request: ApiRequest, interview_id: InterviewId) -> dict[str, Any]:
    """The interview, its interviewers and their scorecards. Anyone who may see the
    application may read it.

    Interviewers score independently: an interviewer of this interview who has not submitted
    their own scorecard gets `scorecards: []` and `scorecards_hidden: true`, and sees the
    others' once they have submitted theirs.
    """
    interview, _access, _on_it = _interview_for(request, interview_id)
    interviewers = sorted(interview.interviewers.all(), key=lambda user: user.pk)
    scorecards = list(_scorecards().filter(interview=interview).order_by("submitted_at", "id"))
    submitted = {scorecard.interviewer_id for scorecard in scorecards}
    hidden = assessment_selectors.owes_scorecard(request.auth, interview, scorecards)
    return _interview_answer(interview) | {
        "interviewers": [
            {"id": user.pk, "name": str(user), "scorecard_submitted": user.pk in submitted}
            for user in interviewers
        ],
        "scorecards_hidden": hidden,
        "scorecards": [] if hidden else [_scorecard_answer(s) for s in scorecards],
    }


@router.post(
    "/interviews/{interview_id}/scorecards",
    response={201: schemas.ScorecardOut, 200: schemas.ScorecardOut, **ERRORS_WRITE},
    summary="Submit or change your scorecard",
)
def scorecard_submit(
    request: ApiRequest, interview_id: InterviewId, payload: schemas.ScorecardIn
) -> Status:
    """Submit your scorecard for the interview, as the calling user: a score from 1 to 5 per
    requirement with the evidence for it, the impression, strengths and tips for the candidate.

    201 when it is new, 200 when it changes the one you submitted before: the change and what
    it said before are kept on the timeline. Submitting marks the interview held. Only the
    interview's interviewers score (others who may see the application get 403), and only
    once it has started: before that the answer is 409 (the same request succeeds later).
    """
    interview, _access, on_it = _interview_for(request, interview_id)
    if not on_it:
        raise HttpError(403, _("Only the interview's interviewers submit scorecards."))
    if not interview.has_started():
        raise _not_started(interview)
    ratings = [
        services.RatingInput(criterion_id=r.criterion_id, score=r.score, evidence=r.evidence)
        for r in payload.ratings
    ]
    try:
        scorecard, created = services.scorecard_submit(
            interview=interview,
            by=request.auth,
            ratings=ratings,
            impression=payload.impression,
            strengths=payload.strengths,
            tips=payload.tips,
            language_override_reason=payload.language_override_reason,
        )
    except StoppedText as exc:
        raise language_blocked(
            exc, _by_criterion(payload.ratings, text="evidence", body="ratings")
        ) from exc
    except ValidationError as exc:
        raise invalid_input(exc, rename=SCORECARD_FIELDS) from exc
    scorecard = _scorecards().get(pk=scorecard.pk)
    return Status(201 if created else 200, _scorecard_answer(scorecard))


@router.post(
    "/interviews/{interview_id}/held",
    response={200: schemas.InterviewHeldOut, **ERRORS_WRITE},
    summary="Mark an interview held",
)
def interview_held(request: ApiRequest, interview_id: InterviewId) -> dict[str, Any]:
    """Record that the interview took place: the application now counts as interviewed (which
    decides, among other things, that a rejection is followed by a call). Marking it again
    changes nothing and gives the same answer.

    Not before the interview has started: that is a conflict with its time (409), and the same
    request succeeds once it has. For the owner, a recruiter, the hiring manager, a site admin
    and the interview's own interviewers; other team members get 403.
    """
    interview, access, on_it = _interview_for(request, interview_id)
    if not (access.can_move or on_it):
        raise PermissionDenied
    if interview.held_at is None and not interview.has_started():
        raise _not_started(interview)
    try:
        interview = services.interview_mark_held(interview=interview, by=request.auth)
    except ValidationError as exc:
        raise invalid_input(exc) from exc
    return {
        "id": interview.pk,
        "held_at": interview.held_at,
        "application_id": interview.application_id,
        "interviewed": True,
    }


@router.put(
    "/applications/{application_id}/merits",
    response={200: api_schemas.MeritsOut, **ERRORS_WRITE},
    summary="Replace an application's merits",
)
def merits_replace(
    request: ApiRequest, application_id: ApplicationId, payload: api_schemas.MeritsUpdateIn
) -> dict[str, list[Any]]:
    """Replace the application's merits (education, work experience, other merits) with
    those given: facts, no judgements, the raw material of the written information under
    diskrimineringslagen 2 kap. 4 §.

    Give each merit as an object (`role`, `field`, `level`, `length`, `organisation`,
    `from_year`, `to_year`) or as free text, which is split into its parts and held for review
    when that is not safe. A role or field that names the organisation, a place, a year or
    period, an email address or a phone number is refused (422): other candidates may be
    told it. Roles and fields pass the language check. The answer is the merits as stored.
    For the owner, a recruiter, the hiring manager and a site admin; other team members get
    403.
    """
    application = _application_for(request, application_id, move=True)
    try:
        services.merits_update(
            application=application,
            by=request.auth,
            merits=payload.data(),
            language_override_reason=payload.language_override_reason,
        )
    except StoppedText as exc:
        raise language_blocked(exc, lambda name: name.replace("-", ".")) from exc
    except ValidationError as exc:
        raise invalid_input(exc, rename=merit_paths(exc)) from exc
    return api_schemas.MeritsOut.of(application)
