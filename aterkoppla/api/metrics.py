"""API v1: the candidate-experience figures (DESIGN §9, §10)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field, WithJsonSchema

from aterkoppla.api.errors import InvalidInput
from aterkoppla.api.schemas import ERRORS_READ, ErrorOut, IdQuery, id_or_none
from aterkoppla.experience.metrics import Period, metrics_report, recruitments_measured_by

if TYPE_CHECKING:
    from aterkoppla.api.auth import ApiRequest

router = Router()

SHARE = "A share from 0 to 1; null when there is nothing to count."

# A date in the query string, read as text and checked here: pydantic's lax dates would take
# "0" for 1 January 1970.
DateQuery = Annotated[str, WithJsonSchema({"type": "string", "format": "date"})]


def _date(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput({name: [_("Write the date as YYYY-MM-DD.")]}) from None


class MetricsOut(Schema):
    applications: int = Field(description="Applications received in the period.")
    acknowledged_within_1h: float | None = Field(
        description="Acknowledged within one hour of arriving. " + SHARE
    )
    median_hours_to_ack: float | None = Field(
        description="Median hours from arrival to the acknowledgement sent; null with none."
    )
    promises_kept: float | None = Field(
        description="Answer dates kept: news (an answer or a new date) by the date promised. "
        + SHARE
    )
    median_days_to_final: float | None = Field(
        description="Median days from arrival to the final answer (withdrawals left out)."
    )
    waiting_past_reply_by: float | None = Field(
        description="Open applications whose promised date has passed. " + SHARE
    )
    interviewed_rejections_called: float | None = Field(
        description="Interviewed and not chosen: reached by phone, against a written answer "
        "after unanswered calls. " + SHARE
    )
    disclosure_on_time: float | None = Field(
        description="Requests for the written information (diskrimineringslagen 2 kap. 4 §) "
        "answered by their date, of those answered or due. " + SHARE
    )
    survey_responses: float | None = Field(
        description="Survey response rate: answers per final answer given. " + SHARE
    )
    cnps: int | None = Field(
        description="Candidate net promoter score, −100 to 100: the share who would recommend "
        "the employer (9–10) minus those who would not (0–6). Null below 5 answers, so that "
        "no answer can be traced to a person."
    )


@router.get(
    "/metrics",
    response={200: MetricsOut, **ERRORS_READ, 422: ErrorOut},
    summary="Candidate-experience figures",
)
def metrics(
    request: ApiRequest,
    recruitment: Annotated[
        IdQuery | None, Query(description="Only this recruitment (else all you may measure).")
    ] = None,
    start: Annotated[
        DateQuery | None,
        Query(alias="from", description="Applications received on or after this date."),
    ] = None,
    end: Annotated[
        DateQuery | None,
        Query(alias="to", description="Applications received on or before this date."),
    ] = None,
) -> dict[str, Any]:
    """The figures of DESIGN §10 for the applications received in the period, across the
    recruitments where you are the owner, a recruiter or the hiring manager (all for a site
    admin), or for one of them. 404 for a recruitment you may not measure."""
    start_day, end_day = _date(start, "from"), _date(end, "to")
    if start_day and end_day and start_day > end_day:
        raise InvalidInput({"to": [_("The end of the period cannot be before its start.")]})
    measured = recruitments_measured_by(request.auth)
    if recruitment is not None:
        recruitment_id = id_or_none(recruitment)
        found = measured.filter(pk=recruitment_id).first() if recruitment_id else None
        if found is None:
            raise Http404
        chosen = [found]
    else:
        chosen = list(measured)
    report = metrics_report(recruitments=chosen, period=Period(start=start_day, end=end_day))
    return report.total.api()
