"""API v1 routes for a candidate's data, exported (GDPR art. 15) and erased (art. 17) on their
behalf."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Status

from aterkoppla.api import privacy_schemas as schemas
from aterkoppla.api.errors import error_response, invalid_input
from aterkoppla.api.schemas import ERRORS_READ, ERRORS_WRITE, MAX_ID, ErrorOut
from aterkoppla.privacy.export import PdfUnavailable, candidate_export, candidate_export_record
from aterkoppla.privacy.responses import export_pdf_response
from aterkoppla.privacy.selectors import application_to_export
from aterkoppla.privacy.services import erasure_request

if TYPE_CHECKING:
    from aterkoppla.api.auth import ApiRequest

router = Router()

ApplicationId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get(
    "/applications/{application_id}/export",
    response={
        200: schemas.CandidateExportOut,
        **ERRORS_READ,
        **dict.fromkeys((403, 422, 503), ErrorOut),
    },
    summary="Export the candidate's data (GDPR art. 15)",
    openapi_extra={
        "responses": {
            200: {
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}
            }
        }
    },
)
def candidate_export_read(
    request: ApiRequest,
    application_id: ApplicationId,
    format: Annotated[  # the query parameter's name is the contract
        schemas.ExportFormat,
        Query(description="`json` (the default) or `pdf`, the readable copy."),
    ] = "json",
    language: Annotated[
        schemas.ExportLanguage | None,
        Query(description="`sv` or `en`; the candidate's own language by default."),
    ] = None,
) -> Any:
    """Everything Återkoppla holds about the person who made this application, across all
    their applications: the candidate record and, per application, the job, stages and
    their times, promised answer dates, merits, documents (listed, not the files), screening,
    interviews, the interviewers' scorecards about them, the decision and its reasons, the
    feedback call, requests for written information, the messages sent to them and the
    timeline. It is what the candidate may ask a copy of under GDPR art. 15, in their
    language unless `language` says otherwise.

    Other applicants are never in it (art. 15(4)): no names, contact details, merits or scores
    of anyone else, no comparison with the person chosen; a staff note that names another
    applicant is replaced by a marker. Staff appear by role ("Interviewer 1").

    `?format=pdf` gives the same as a PDF (503 when PDFs cannot be made on this server).
    Every export is recorded on the timeline of each of the candidate's applications. For the
    owner, a recruiter and a site admin; other team members get 403.
    """
    application = application_to_export(request.auth, application_id)
    candidate = application.candidate
    export = candidate_export(candidate, language=language)
    if format == "pdf":
        try:
            response = export_pdf_response(export)
        except PdfUnavailable:
            return error_response(503, _("PDFs cannot be made on this server; use the JSON."))
        candidate_export_record(candidate=candidate, by=request.auth, export_format="pdf")
        return response
    candidate_export_record(candidate=candidate, by=request.auth, export_format="json")
    return export


@router.post(
    "/applications/{application_id}/erasure-requests",
    response={201: schemas.ErasureOut, **ERRORS_WRITE},
    summary="Erase the candidate's data (GDPR art. 17)",
)
def erasure_request_create(
    request: ApiRequest,
    application_id: ApplicationId,
    payload: schemas.ErasureIn | None = None,
) -> Status:
    """Record the candidate's request to have their data erased, across all their
    applications (GDPR art. 17). Open applications are withdrawn first. What no claim window
    and no legal hold keeps is anonymised at once; the rest on `erase_on`, the day the last
    decision can no longer be challenged (diskrimineringslagen 6 kap. 4 §), and the candidate
    is told that date. 422 when the candidate's data is already erased or an erasure is
    already scheduled. For the owner, a recruiter and a site admin; other team members 403.
    """
    application = application_to_export(request.auth, application_id)
    try:
        outcome = erasure_request(
            candidate=application.candidate,
            via=payload.via if payload is not None else "api",
            by=request.auth,
            note=payload.note if payload is not None else "",
        )
    except ValidationError as exc:
        raise invalid_input(exc) from exc
    asked = outcome.request
    return Status(
        201,
        {
            "id": asked.pk,
            "status": asked.status,
            "via": asked.via,
            "requested_at": asked.requested_at,
            "erased_now": asked.erased_now,
            "scheduled": asked.scheduled,
            "erase_on": asked.erase_on,
        },
    )
