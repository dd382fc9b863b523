"""API v1 routes for deciding a recruitment and the feedback calls that follow (DESIGN §4, §5).

The channel rules are the services': a rejection after an interview becomes a call task with a
call sheet and never a rejection message; other rejections are written (email, or a letter to
print without an email address). These routes check access and the language of the texts,
call the services, and answer.

Access as everywhere in the API: whoever may not see the recruitment or application gets 404;
a team member who may see it but not decide gets 403. Deciding, calling and reading call sheets
are for the roles that decide (owner, recruiter, hiring manager) and site admins; interviewers
get 403.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, TypedDict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Status

from aterkoppla.accounts.models import User
from aterkoppla.api import decisions_schemas as schemas
from aterkoppla.api.errors import error_response, invalid_input, language_blocked
from aterkoppla.api.schemas import ERRORS_READ, ERRORS_WRITE, MAX_ID, ErrorOut, IdQuery, id_or_none
from aterkoppla.api.services import Conflict
from aterkoppla.applications.models import Application
from aterkoppla.applications.selectors import application_get_for_user
from aterkoppla.decisions import services
from aterkoppla.decisions.call_sheets import call_sheet_for
from aterkoppla.decisions.disclosure import disclosure_letter
from aterkoppla.decisions.models import CallAttempt, CallTask, DisclosureRequest
from aterkoppla.decisions.pdf import PdfUnavailable, call_sheet_pdf, disclosure_letter_pdf
from aterkoppla.language.gate import LanguageBlocked as StoppedText
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.recruitment.models import Recruitment, TeamMembership
from aterkoppla.recruitment.selectors import recruitment_get_for_user

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from aterkoppla.api.auth import ApiRequest

router = Router()

RecruitmentId = Annotated[int, Path(ge=1, le=MAX_ID)]
ApplicationId = Annotated[int, Path(ge=1, le=MAX_ID)]
CallTaskId = Annotated[int, Path(ge=1, le=MAX_ID)]

# The messages a call attempt can queue, by the key that makes each one unique to its task.
ATTEMPT_MESSAGES = {Kind.CALL_SUMMARY: "call-summary", Kind.CALL_UNREACHABLE: "call-unreachable"}


# --- Access ---------------------------------------------------------------------------


def _recruitment_to_decide(request: ApiRequest, pk: int) -> Recruitment:
    """The recruitment if the caller is on its team (404 otherwise); 403 unless their role
    decides. As the other recruitment routes: a team member learns it exists."""
    recruitment, _access = recruitment_get_for_user(request.auth, pk, decide=True)
    return recruitment


def _application_to_call(request: ApiRequest, pk: int) -> Application:
    """The application if the caller may see it (404 otherwise); 403 unless their role
    decides (an interviewer sees the candidates they met, but not the rejection call)."""
    application, _access = application_get_for_user(request.auth, pk, decide=True)
    return application


def _deciding_recruitments(user: User) -> QuerySet[Recruitment] | None:
    """The recruitments whose call tasks the user may see; None for all (a site admin)."""
    if user.is_site_admin:
        return None
    return Recruitment.objects.filter(
        memberships__user=user, memberships__role__in=TeamMembership.DECIDING_ROLES
    )


# --- Answers --------------------------------------------------------------------------


def _user_ref(user: User | None) -> dict[str, Any] | None:
    return {"id": user.pk, "name": str(user)} if user is not None else None


def _subject(application: Application) -> str:
    return f"{application.candidate.full_name} · {application.recruitment.title}"


def _task_answer(task: CallTask) -> dict[str, Any]:
    application = task.application
    candidate = application.candidate
    return {
        "id": task.pk,
        "application_id": application.pk,
        "candidate": {
            "name": candidate.full_name,
            "phone": candidate.phone,
            "language": candidate.language,
        },
        "recruitment": {"id": application.recruitment.pk, "title": application.recruitment.title},
        "due": task.due,
        "status": task.status,
        "assigned_to": _user_ref(task.assigned_to),
        "callback_at": task.callback_at,
        "attempts": [
            {
                "at": attempt.at,
                "outcome": attempt.outcome,
                "notes": attempt.notes,
                "callback_at": attempt.callback_at,
                "by": _user_ref(attempt.by),
            }
            for attempt in task.attempts.all()
        ],
    }


# --- Routes ---------------------------------------------------------------------------


class _Decided(TypedDict):
    """What the plan of a decision and its record are both given."""

    recruitment: Recruitment
    hired: Sequence[int]
    reserve: Sequence[int]
    rejections: Sequence[services.RejectionInput]
    reserve_until: dt.date | None
    no_hire: bool
    language_override_reason: str


@router.post(
    "/recruitments/{recruitment_id}/decision",
    response={200: schemas.DecisionOut, **ERRORS_WRITE},
    summary="Decide a recruitment",
)
def decision_record(
    request: ApiRequest, recruitment_id: RecruitmentId, payload: schemas.DecisionIn
) -> dict[str, Any]:
    """Hire, keep as reserves and reject, each candidate with the feedback owed to them.
    Applications not named stay as they are, so a recruitment can be decided in steps.

    - **Rejected after an interview**: a call task (due two working days after the decision)
      with a call sheet, and no rejection message. Name at least one decisive requirement and
      explain the decision: the call is prepared from them.
    - **Rejected without an interview**: a written rejection in the candidate's language, by
      email, or a letter to print when there is no email address. An explanation here is the
      short reason the rejection gives. A reason reaches each candidate in their language:
      one that clearly reads as the other language is refused (422), so give each candidate
      the reason in their own language. A candidate whose application nobody assessed
      (no screening, no interview, not marked for rejection) is told what was done instead
      ("the position has been filled"), never that the application was assessed;
      `written.unassessed` counts them.
    - **Decisive requirements that contradict the scores**: a requirement named as decisive
      although the candidate scored at least as high on it as the person chosen must be
      addressed in the explanation (named in it), which the call sheet then reads out instead
      of the scores; otherwise 422.
    - **Nobody hired** (`no_hire`): the recruitment is cancelled or advertised again; no
      message or call sheet then speaks of "the person we chose".
    - **Reserves** are told they are reserves and until when (`reserve_until`).
    - **Hired**: recorded; telling them is done in person.

    Everything is carried out at once or not at all: an unknown or closed application, one
    named twice, an interviewed candidate without decisive requirements and an explanation,
    or a requirement not in the profile is refused (422) and nothing changes. Explanations
    pass the language check. `warnings` says what will weaken the feedback (a missing phone
    number, merits summary or scorecard). Up to 20,000 rejections per request (in a body of at
    most 5 MB). For the
    owner, a recruiter, the hiring manager and a site admin; other team members get 403.
    """
    recruitment = _recruitment_to_decide(request, recruitment_id)
    rejections = [
        services.RejectionInput(
            application_id=r.application_id,
            decisive_criteria=tuple(r.decisive_criteria),
            explanation=r.explanation,
        )
        for r in payload.rejections
    ]
    decided: _Decided = {
        "recruitment": recruitment,
        "hired": payload.hired,
        "reserve": payload.reserve,
        "rejections": rejections,
        "reserve_until": payload.reserve_until,
        "no_hire": payload.no_hire,
        "language_override_reason": payload.language_override_reason,
    }
    # The service names an explanation by its application; here it is named by its place.
    places = {
        f"explanation:{r.application_id}": f"rejections.{n}.explanation"
        for n, r in reversed(list(enumerate(payload.rejections)))
    }
    try:
        with transaction.atomic():
            # The plan checks the decision and holds the warnings, said before anything is sent.
            plan = services.decision_plan(**decided)
            outcome = services.decision_record(by=request.auth, **decided)
    except StoppedText as exc:
        raise language_blocked(exc, lambda name: places.get(name, name)) from exc
    except ValidationError as exc:
        raise invalid_input(exc) from exc
    return {
        "decision_id": outcome.decision.pk,
        "hired": [item.application.pk for item in plan.hired],
        "reserve": [item.application.pk for item in plan.reserve],
        "calls": [
            {
                "application_id": task.application_id,
                "call_task_id": task.pk,
                "due": task.due,
                "assigned_to": _user_ref(task.assigned_to),
            }
            for task in outcome.calls
        ],
        "written": {
            "emails": outcome.emails,
            "letters": outcome.letters,
            "held": outcome.held,
            "unassessed": len(plan.unassessed),
        },
        "warnings": plan.warnings,
    }


@router.get(
    "/applications/{application_id}/call-sheet",
    response={
        200: schemas.CallSheetOut,
        **ERRORS_READ,
        **dict.fromkeys((403, 409, 422, 503), ErrorOut),
    },
    summary="Get the call sheet",
    openapi_extra={
        "responses": {
            200: {
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}
            }
        }
    },
)
def call_sheet(
    request: ApiRequest,
    application_id: ApplicationId,
    format: Annotated[  # the query parameter's name is the contract
        schemas.SheetFormat,
        Query(description="`json` (the default) or `pdf`, the sheet to print."),
    ] = "json",
) -> Any:
    """The call sheet (samtalsunderlag) for the feedback call to a candidate rejected after an
    interview: the decision in one sentence, each requirement with the candidate's screening
    and scores beside the hired person's (never named), the decisive reasons, prepared answers
    to the three questions candidates ask (`answers.q1`: what did I lack compared to the one
    hired; `q2`: tips for the next interview; `q3`: what impression did I give), strengths to
    open with, offers, the right to written information and language-check findings.

    The answers are in the candidate's language; the labels in yours (`Accept-Language`).
    `?format=pdf` gives it as a PDF to print (503 when PDFs cannot be made on this server).
    Only a candidate rejected after an interview has a call to prepare: for any other
    application it is 409. For the owner, a recruiter, the hiring manager and a site admin;
    other team members get 403.
    """
    application = _application_to_call(request, application_id)
    if not CallTask.objects.filter(application=application).exists():
        raise Conflict(
            _(
                "There is no call to prepare: only a candidate rejected after an interview "
                "is called."
            )
        )
    sheet = call_sheet_for(application)
    if format == "pdf":
        try:
            pdf = call_sheet_pdf(sheet)
        except PdfUnavailable:
            return error_response(
                503, _("PDFs cannot be made on this server; use the JSON call sheet.")
            )
        name = slugify(application.candidate.full_name) or str(application.pk)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="call-sheet-{name}.pdf"'
        return response
    return {"application_id": application.pk, **sheet.to_dict()}


@router.get(
    "/call-tasks",
    response={200: list[schemas.CallTaskOut], **ERRORS_READ, 403: ErrorOut, 422: ErrorOut},
    summary="List call tasks",
)
def call_task_list(
    request: ApiRequest,
    recruitment: Annotated[
        IdQuery | None,
        Query(description="Only this recruitment's call tasks."),
    ] = None,
    status: Annotated[
        schemas.TaskStatusFilter,
        Query(description="`open` (the default: still to call), `done`, `written` or `all`."),
    ] = "open",
) -> list[dict[str, Any]]:
    """The feedback calls owed to candidates rejected after an interview, the earliest due
    first: who to call, their number and language, the recruitment, who calls, a time the
    candidate asked to be called back, and the attempts so far.

    Lists the recruitments where you decide (owner, recruiter, hiring manager), or all for a
    site admin. With `recruitment`, only that one: 404 if you are not on its team, 403 if your
    role there does not decide.
    """
    tasks = CallTask.objects.select_related(
        "application__candidate", "application__recruitment", "assigned_to"
    ).prefetch_related(
        Prefetch("attempts", queryset=CallAttempt.objects.select_related("by").order_by("at", "id"))
    )
    if recruitment is not None:
        recruitment_id = id_or_none(recruitment)
        if recruitment_id is None:
            raise Http404
        tasks = tasks.filter(
            application__recruitment=_recruitment_to_decide(request, recruitment_id)
        )
    else:
        visible = _deciding_recruitments(request.auth)
        if visible is not None:
            tasks = tasks.filter(application__recruitment__in=visible.values("pk"))
    if status != "all":
        tasks = tasks.filter(status=status)
    return [_task_answer(task) for task in tasks.order_by("due", "id")]


@router.post(
    "/call-tasks/{task_id}/attempts",
    response={201: schemas.AttemptOut, **ERRORS_WRITE},
    summary="Log a call",
)
def call_attempt_record(
    request: ApiRequest, task_id: CallTaskId, payload: schemas.AttemptIn
) -> Status:
    """Log one attempt at the feedback call.

    - `reached`: the call is done. Record what the candidate asked for: a written summary
      (`summary_requested`, queued in their language; a letter without email), the talent
      pool, the information under DL 2 kap. 4 § (these only when reached; otherwise 422).
    - `callback`: the candidate asked to be called at `callback_at` (needed, ahead of now).
    - `no_answer`, `voicemail`, `busy`, `wrong_number`: after three such attempts on at least
      two days the decision is sent in writing instead, inviting the candidate to call back,
      and the task is closed as `written`.

    `messages` lists what this attempt queued. Notes pass the language check. A finished
    call takes no more attempts (409). For the owner, a recruiter, the hiring manager and a
    site admin; other team members get 403.
    """
    task = get_object_or_404(CallTask, pk=task_id)
    application = _application_to_call(request, task.application_id)
    if not task.is_open:
        raise Conflict(_("This call is already finished."))
    try:
        attempt = services.call_attempt_record(
            task=task,
            by=request.auth,
            outcome=payload.outcome,
            notes=payload.notes,
            callback_at=payload.callback_at,
            summary_requested=payload.summary_requested,
            talent_pool=payload.talent_pool,
            disclosure_requested=payload.disclosure_requested,
            language_override_reason=payload.language_override_reason,
        )
    except StoppedText as exc:
        raise language_blocked(exc) from exc
    except ValidationError as exc:
        # Another attempt may have finished the call since it was read above.
        if not CallTask.objects.filter(pk=task.pk, status=CallTask.Status.OPEN).exists():
            raise Conflict(_("This call is already finished.")) from exc
        raise invalid_input(exc) from exc
    task.refresh_from_db(fields=["status", "callback_at"])
    keys = [f"{prefix}:{task.pk}" for prefix in ATTEMPT_MESSAGES.values()]
    # A task queues each of these once and is closed when it does: they are this attempt's.
    messages = Message.objects.filter(
        application=application, kind__in=list(ATTEMPT_MESSAGES), dedupe_key__in=keys
    ).order_by("id")
    return Status(
        201,
        {
            "id": attempt.pk,
            "outcome": attempt.outcome,
            "at": attempt.at,
            "task": {"id": task.pk, "status": task.status, "callback_at": task.callback_at},
            "messages": [
                {"id": m.pk, "kind": m.kind, "channel": m.channel, "status": m.status}
                for m in messages
            ],
        },
    )


@router.post(
    "/applications/{application_id}/disclosure-requests",
    response={201: schemas.DisclosureOut, **ERRORS_WRITE},
    summary="Ask for the written information under DL 2 kap. 4 §",
)
def disclosure_request_create(
    request: ApiRequest,
    application_id: ApplicationId,
    payload: schemas.DisclosureIn | None = None,
) -> Status:
    """Record a request for the written information under diskrimineringslagen 2 kap. 4 §
    (the education, work experience and other merits of the person hired and of those called
    to interview), received from the candidate (`via`). It gets a due date, shows on the
    dashboard and on the candidate's page, and is on the timeline. An applicant who was
    hired, or whose application is still open, cannot ask (422). Asking again while a
    request is open answers that request. For the owner, a recruiter, the hiring manager and
    a site admin; other team members get 403.
    """
    application = _application_to_call(request, application_id)
    try:
        asked = services.disclosure_request(
            application=application,
            by=request.auth,
            via=(payload.via if payload is not None else "api"),
        )
    except ValidationError as exc:
        raise invalid_input(exc) from exc
    return Status(
        201,
        {
            "id": asked.pk,
            "application_id": application.pk,
            "status": asked.status,
            "via": asked.via,
            "requested_at": asked.requested_at,
            "due": asked.due,
            "due_soon": asked.due_soon,
            "overdue": asked.overdue,
        },
    )


@router.get(
    "/disclosure-requests/{request_id}/letter",
    response={
        200: schemas.DisclosureLetterOut,
        **ERRORS_READ,
        **dict.fromkeys((403, 422, 503), ErrorOut),
    },
    summary="Get the letter answering a request for written information",
    openapi_extra={
        "responses": {
            200: {
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}
            }
        }
    },
)
def disclosure_letter_read(
    request: ApiRequest,
    request_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    format: Annotated[  # the query parameter's name is the contract
        schemas.SheetFormat,
        Query(description="`json` (the default) or `pdf`, the letter to send or print."),
    ] = "json",
) -> Any:
    """The letter that answers a request under diskrimineringslagen 2 kap. 4 §, in the
    requester's language: the merits of the person hired and of those called to interview,
    by education, work experience and other merits, generalised (kind, level and length),
    with no names, contact details, employers, schools, places or years. `due_soon` and
    `overdue` say whether its promised date is within two working days or has passed
    without the letter. `?format=pdf` gives the letter as a PDF ("Den som anställdes",
    "Kallade till intervju (n)"), addressed to the requester (503 when PDFs cannot be made
    on this server); another format is 422. For the owner, a recruiter, the hiring manager
    and a site admin; other team members get 403."""
    asked = get_object_or_404(DisclosureRequest, pk=request_id)
    application = _application_to_call(request, asked.application_id)
    if format == "pdf":
        try:
            pdf = disclosure_letter_pdf(asked)
        except PdfUnavailable:
            return error_response(
                503, _("PDFs cannot be made on this server; use the JSON letter.")
            )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'inline; filename="written-information-{application.pk}-{asked.pk}.pdf"'
        )
        return response
    return {
        "id": asked.pk,
        "status": asked.status,
        "due": asked.due,
        "due_soon": asked.due_soon,
        "overdue": asked.overdue,
    } | disclosure_letter(asked).to_dict()
