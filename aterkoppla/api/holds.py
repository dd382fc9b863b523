"""API v1 routes for legal holds: a recruitment kept past its retention while a claim may be
made (diskrimineringslagen 6 kap. 3–4 §§).

Every team member may read a recruitment's holds. A site admin sets a hold (`admin`) and lifts
any hold; the recruitment's owner, and a site admin, may mark it disputed (`disputed`). A
request for the written information sets its own hold (`disclosure`); it is not set here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, Literal

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Path, Router, Schema, Status
from pydantic import Field, StringConstraints

from aterkoppla.api.errors import error_response, invalid_input
from aterkoppla.api.schemas import ERRORS_READ, ERRORS_WRITE, MAX_ID, STORABLE, Input
from aterkoppla.recruitment.models import LegalHold
from aterkoppla.recruitment.selectors import (
    hold_may_be_set,
    legal_holds_all,
    recruitment_get_for_user,
)
from aterkoppla.recruitment.services import legal_hold_lift, legal_hold_set

if TYPE_CHECKING:
    from aterkoppla.api.auth import ApiRequest

router = Router()

RecruitmentId = Annotated[int, Path(ge=1, le=MAX_ID)]
HoldId = Annotated[int, Path(ge=1, le=MAX_ID)]
HoldReason = Annotated[
    str,
    StringConstraints(strict=True, strip_whitespace=True, min_length=1, max_length=2_000),
    STORABLE,
]
Source = Literal["admin", "disclosure", "disputed"]  # LegalHold.Source


class LegalHoldIn(Input):
    reason: HoldReason = Field(
        description="Why the recruitment is kept (for example: DO har begärt yttrande). Kept on "
        "record and on the timeline; name no candidate."
    )
    source: Literal["admin", "disputed"] = Field(
        description="`admin`: set by a site admin; `disputed`: the recruitment is disputed "
        "(its owner or a site admin)."
    )


class LiftIn(Input):
    reason: HoldReason = Field(description="Why the hold is lifted; kept on record.")


class LegalHoldOut(Schema):
    id: int
    recruitment_id: int
    source: Source = Field(
        description="`admin`, `disputed`, or `disclosure` (a request for the written "
        "information under diskrimineringslagen 2 kap. 4 §)."
    )
    source_label: str
    reason: str
    set_at: dt.datetime
    set_by: str | None = Field(description="Who set it; null when the system did.")
    lifted_at: dt.datetime | None = Field(description="Null while the hold is in force.")
    lifted_by: str | None
    lift_reason: str


def _answer(hold: LegalHold) -> dict[str, Any]:
    return {
        "id": hold.pk,
        "recruitment_id": hold.recruitment_id,
        "source": hold.source,
        "source_label": hold.get_source_display(),
        "reason": hold.reason,
        "set_at": hold.set_at,
        "set_by": str(hold.set_by) if hold.set_by else None,
        "lifted_at": hold.lifted_at,
        "lifted_by": str(hold.lifted_by) if hold.lifted_by else None,
        "lift_reason": hold.lift_reason,
    }


@router.get(
    "/recruitments/{recruitment_id}/legal-holds",
    response={200: list[LegalHoldOut], **ERRORS_READ},
    summary="A recruitment's legal holds",
)
def legal_hold_list(request: ApiRequest, recruitment_id: RecruitmentId) -> Any:
    """Every hold on the recruitment, those in force first, then the lifted ones. While one
    is in force (`lifted_at` null) nothing in the recruitment is deleted or anonymised. For
    every team member and site admins."""
    recruitment, _access = recruitment_get_for_user(request.auth, recruitment_id)
    return [_answer(hold) for hold in legal_holds_all().filter(recruitment=recruitment)]


@router.post(
    "/recruitments/{recruitment_id}/legal-holds",
    response={200: LegalHoldOut, 201: LegalHoldOut, **ERRORS_WRITE},
    summary="Put a legal hold on a recruitment",
)
def legal_hold_create(
    request: ApiRequest, recruitment_id: RecruitmentId, payload: LegalHoldIn
) -> Any:
    """Keep everything in the recruitment, past its retention, until a site admin lifts the
    hold: `admin` for site admins, `disputed` for the recruitment's owner and site admins
    (other team members get 403). The hold is on the timeline of the recruitment's
    applications. 201 with the new hold; 200 with the hold of that kind already in force."""
    recruitment, access = recruitment_get_for_user(request.auth, recruitment_id)
    if not hold_may_be_set(access, payload.source):
        if payload.source == LegalHold.Source.ADMIN:
            return error_response(403, _("Only a site admin can set this hold."))
        return error_response(
            403, _("Only the recruitment's owner or a site admin can mark it disputed.")
        )
    in_force = set(
        LegalHold.objects.filter(
            recruitment=recruitment, source=payload.source, lifted_at__isnull=True
        ).values_list("pk", flat=True)
    )
    try:
        hold = legal_hold_set(
            recruitment=recruitment, source=payload.source, reason=payload.reason, by=request.auth
        )
    except ValidationError as exc:
        raise invalid_input(exc) from exc
    return Status(200 if hold.pk in in_force else 201, _answer(hold))


@router.post(
    "/legal-holds/{hold_id}/lift",
    response={200: LegalHoldOut, **ERRORS_WRITE},
    summary="Lift a legal hold",
)
def legal_hold_lift_route(request: ApiRequest, hold_id: HoldId, payload: LiftIn) -> Any:
    """Lift the hold, with the reason on record and on the timeline (site admins; others get
    403). What the retention period no longer keeps is then anonymised by the next daily run,
    unless another hold is in force. A hold already lifted: 422."""
    if not request.auth.is_site_admin:
        return error_response(403, _("Only a site admin can lift a legal hold."))
    hold = get_object_or_404(LegalHold.objects.select_related("set_by"), pk=hold_id)
    try:
        legal_hold_lift(hold=hold, reason=payload.reason, by=request.auth)
    except ValidationError as exc:
        raise invalid_input(exc, rename={"lift_reason": "reason"}) from exc
    return _answer(hold)
