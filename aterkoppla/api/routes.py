"""API v1 routes: the caller, recruitments and their team, applications.

Access is the UI's: ``access_for`` decides, an outsider gets 404 (we do not say what exists),
a team member without a managing role gets 403 when they try to change something.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from ninja import Header, Path, Query, Router, Status

from aterkoppla.accounts.models import User
from aterkoppla.api import schemas, selectors, services
from aterkoppla.api.errors import invalid_input, merit_paths
from aterkoppla.api.services import Conflict
from aterkoppla.applications.models import Application
from aterkoppla.applications.selectors import application_get_for_user
from aterkoppla.messaging import selectors as messaging_selectors
from aterkoppla.messaging.models import Message
from aterkoppla.recruitment import services as recruitment_services
from aterkoppla.recruitment.models import Recruitment, TeamMembership
from aterkoppla.recruitment.selectors import (
    Access,
    recruitment_get_for_user,
    recruitments_for_user,
)

if TYPE_CHECKING:
    from aterkoppla.api.auth import ApiRequest

router = Router()

RecruitmentId = Annotated[int, Path(ge=1, le=schemas.MAX_ID)]
ApplicationId = Annotated[int, Path(ge=1, le=schemas.MAX_ID)]
IdempotencyKeyHeader = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=255,
        description="Any unique text (a UUID, say). Sending the same request again with the "
        "same key creates nothing new: the answer is the application the first request made "
        "(201, with the header `Idempotent-Replayed: true`). The same key with a different "
        "request is refused (409).",
    ),
]

# The service names candidate fields plainly; in the API they sit under "candidate".
CANDIDATE_FIELDS = {
    name: f"candidate.{name}" for name in ("first_name", "last_name", "email", "phone", "language")
}


def _recruitment_for(
    request: ApiRequest,
    pk: int,
    *,
    manage: bool = False,
    queryset: QuerySet[Recruitment] | None = None,
) -> tuple[Recruitment, Access]:
    """As on the pages: 404 off the team, 403 if ``manage`` is asked for and not allowed."""
    return recruitment_get_for_user(request.auth, pk, manage=manage, queryset=queryset)


@router.get("/me", response={200: schemas.MeOut, 401: schemas.ErrorOut}, summary="Who am I")
def me(request: ApiRequest) -> User:
    """The user the token belongs to."""
    return request.auth


@router.get(
    "/recruitments",
    response={200: list[schemas.RecruitmentSummaryOut], 401: schemas.ErrorOut},
    summary="List recruitments",
)
def recruitment_list(request: ApiRequest) -> list[Recruitment]:
    """The recruitments whose team the caller is on (all of them for a site admin)."""
    return list(recruitments_for_user(request.auth).order_by("-created_at", "-id"))


@router.post(
    "/recruitments",
    response={
        201: schemas.RecruitmentOut,
        **dict.fromkeys((400, 401, 403, 422), schemas.ErrorOut),
    },
    summary="Create a recruitment",
)
def recruitment_create(request: ApiRequest, payload: schemas.RecruitmentIn) -> Status:
    """Create a recruitment with its requirement profile. The caller becomes its owner; only
    a recruiter (``is_recruiter``, granted by a site admin) or a site admin may (403)."""
    data = payload.model_dump()
    specs = [recruitment_services.CriterionSpec(**spec) for spec in data.pop("criteria")]
    recruitment = recruitment_services.recruitment_create(
        owner=request.auth, criteria=specs, **data
    )
    recruitment = selectors.recruitments_with_criteria().get(pk=recruitment.pk)
    return Status(201, recruitment)


@router.get(
    "/recruitments/{recruitment_id}",
    response={200: schemas.RecruitmentOut, **schemas.ERRORS_READ},
    summary="Get a recruitment",
)
def recruitment_detail(request: ApiRequest, recruitment_id: RecruitmentId) -> Recruitment:
    """The recruitment, its requirement profile and how many applications are in each stage:
    of those the caller may see (an interviewer: the interviews they are on)."""
    recruitment, access = _recruitment_for(
        request, recruitment_id, queryset=selectors.recruitments_with_criteria()
    )
    selectors.count_visible_stages(recruitment, user=request.auth, access=access)
    return recruitment


@router.patch(
    "/recruitments/{recruitment_id}",
    response={200: schemas.RecruitmentOut, **schemas.ERRORS_WRITE},
    summary="Change a recruitment's status",
)
def recruitment_status(
    request: ApiRequest, recruitment_id: RecruitmentId, payload: schemas.RecruitmentStatusIn
) -> Recruitment:
    """Publish, close or reopen a recruitment. Only the owner, a recruiter or a site admin may.

    The status follows the recruitment's life: draft → open ⇄ closed → decided → completed.
    A move the rule does not allow is a conflict with the status it has now (409). Opening
    for applications also needs the organisation's recruiter role (403 without it).
    """
    recruitment, _access = _recruitment_for(request, recruitment_id, manage=True)
    try:
        recruitment_services.recruitment_set_status(
            recruitment=recruitment, status=payload.status, by=request.auth, reason=payload.reason
        )
    except recruitment_services.PublishRefused as exc:
        raise PermissionDenied(" ".join(exc.messages)) from exc
    except recruitment_services.StatusRefused as exc:
        raise Conflict(" ".join(exc.messages)) from exc
    return selectors.recruitments_with_criteria().get(pk=recruitment.pk)


@router.post(
    "/recruitments/{recruitment_id}/team",
    response={201: schemas.TeamMemberOut, **schemas.ERRORS_WRITE},
    summary="Add a team member",
)
def team_member_add(
    request: ApiRequest, recruitment_id: RecruitmentId, payload: schemas.TeamMemberIn
) -> Status:
    """Put a user on the team with a role. Only the owner, a recruiter or a site admin may."""
    recruitment, _access = _recruitment_for(request, recruitment_id, manage=True)
    membership = services.team_member_add_by_id(
        recruitment=recruitment, by=request.auth, user_id=payload.user_id, role=payload.role
    )
    membership = TeamMembership.objects.select_related("user").get(pk=membership.pk)
    return Status(201, membership)


@router.post(
    "/recruitments/{recruitment_id}/applications",
    response={201: schemas.ApplicationCreatedOut, **schemas.ERRORS_WRITE},
    summary="Receive an application",
)
def application_create(
    request: ApiRequest,
    response: HttpResponse,
    recruitment_id: RecruitmentId,
    payload: schemas.ApplicationIn,
    idempotency_key: IdempotencyKeyHeader = None,
) -> Status:
    """Register an application; the candidate is acknowledged and promised an answer date.

    A person (by email) applies once per recruitment: a second application is refused (409).
    """
    recruitment, _access = _recruitment_for(request, recruitment_id, manage=True)
    data = payload.model_dump()
    try:
        application, replayed = services.application_receive_once(
            recruitment=recruitment,
            by=request.auth,
            candidate=data["candidate"],
            merits=payload.merits.data(),
            idempotency_key=idempotency_key,
        )
    except ValidationError as exc:
        raise invalid_input(
            exc, rename=CANDIDATE_FIELDS | merit_paths(exc, prefix="merits.")
        ) from exc
    if replayed:
        response["Idempotent-Replayed"] = "true"
    return Status(201, application)


@router.get(
    "/applications/{application_id}",
    response={200: schemas.ApplicationOut, **schemas.ERRORS_READ},
    summary="Get an application",
)
def application_detail(request: ApiRequest, application_id: ApplicationId) -> Application:
    """The application, its candidate and its timeline. Any member of the team may read it."""
    application, _access = application_get_for_user(request.auth, application_id)
    return application


@router.get(
    "/messages",
    response={200: list[schemas.MessageOut], **schemas.ERRORS_READ, 422: schemas.ErrorOut},
    summary="List an application's messages",
)
def message_list(
    request: ApiRequest,
    application: Annotated[
        schemas.IdQuery,
        Query(description="The id of the application whose messages to list."),
    ],
) -> list[Message]:
    """The outbox of one application: every message to its candidate, oldest first, with the
    text exactly as sent and whether it was delivered. Any member of the team may read it."""
    application_id = schemas.id_or_none(application)
    if application_id is None:
        raise Http404
    found, _access = application_get_for_user(request.auth, application_id)
    return list(messaging_selectors.application_messages(found, oldest_first=True))
