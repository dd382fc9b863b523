"""The shape of API v1's answer with a candidate's data (GDPR art. 15): the same dictionary
the candidate downloads from their page (``privacy.export.candidate_export``).

Labels (`…_label`, `summary`, `text`) are in the export's `language`; codes beside them are the
models' values. Dates and times are ISO 8601, times in Europe/Stockholm.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Schema
from pydantic import Field

from aterkoppla.api.schemas import Input

ExportFormat = Literal["json", "pdf"]
ExportLanguage = Literal["sv", "en"]


class ControllerOut(Schema):
    name: str
    email: str


class ExportCandidateOut(Schema):
    first_name: str
    last_name: str
    email: str
    phone: str
    language: str
    language_label: str
    created_at: dt.datetime


class StageStepOut(Schema):
    at: dt.datetime
    from_stage: str | None
    to_stage: str | None
    to_label: str


class PromiseOut(Schema):
    at: dt.datetime
    reply_by: dt.date


class ExportMeritOut(Schema):
    kind: str
    kind_label: str
    role: str
    field: str
    level: str
    level_label: str
    years: int | None
    months: int | None
    organisation: str
    from_year: int | None
    to_year: int | None
    period: str
    written_as: str
    text: str = Field(description="The merit in words (empty while it waits for review).")


class ExportDocumentOut(Schema):
    kind: str
    kind_label: str
    file_name: str
    size: int = Field(description="In bytes. The file itself is on the candidate's page.")
    uploaded_at: dt.datetime


class ExportScreeningOut(Schema):
    requirement: str
    result: str
    result_label: str
    note: str
    screened_at: dt.datetime


class ExportInterviewOut(Schema):
    scheduled_at: dt.datetime
    duration_minutes: int
    place: str
    video_url: str
    interviewers: int = Field(description="How many interviewers (named by role only).")
    interviewers_label: str
    held_at: dt.datetime | None
    cancelled_at: dt.datetime | None


class ExportRatingOut(Schema):
    requirement: str
    score: int
    evidence: str


class ExportScorecardOut(Schema):
    interviewer: str = Field(description='The interviewer by role ("Interviewer 1").')
    interview_at: dt.datetime
    submitted_at: dt.datetime
    changed_at: dt.datetime | None
    ratings: list[ExportRatingOut]
    impression: str
    strengths: str
    tips: str


class ExportDecisionOut(Schema):
    decided_at: dt.datetime
    result: str
    result_label: str
    channel: str
    channel_label: str
    decisive_requirements: list[str]
    explanation: str


class ExportAttemptOut(Schema):
    at: dt.datetime
    outcome: str
    outcome_label: str
    notes: str
    callback_at: dt.datetime | None


class ExportCallOut(Schema):
    due: dt.date
    status: str
    status_label: str
    callback_at: dt.datetime | None
    summary_requested: bool
    talent_pool: bool
    disclosure_requested: bool
    attempts: list[ExportAttemptOut]


class ExportDisclosureOut(Schema):
    requested_at: dt.datetime
    via: str
    via_label: str
    due: dt.date
    status: str
    status_label: str
    answered_at: dt.datetime | None


class ExportMessageOut(Schema):
    kind: str
    kind_label: str
    channel: str
    channel_label: str
    status: str
    status_label: str
    created_at: dt.datetime
    sent_at: dt.datetime | None
    to: str
    language: str
    subject: str
    body_text: str


class ExportEventOut(Schema):
    at: dt.datetime
    kind: str
    label: str
    summary: str
    actor: str
    actor_label: str


class ExportApplicationOut(Schema):
    id: int
    job: str
    received_at: dt.datetime
    source: str
    source_label: str
    stage: str
    stage_label: str
    stage_changed_at: dt.datetime
    closed_from_stage: str | None
    interviewed: bool
    reply_by: dt.date | None
    final_answer_at: dt.datetime | None
    stages: list[StageStepOut]
    promises: list[PromiseOut]
    merits: list[ExportMeritOut]
    documents: list[ExportDocumentOut]
    screening: list[ExportScreeningOut]
    rejection_reason: str
    interviews: list[ExportInterviewOut]
    scorecards: list[ExportScorecardOut]
    decisions: list[ExportDecisionOut]
    call: ExportCallOut | None
    disclosure_requests: list[ExportDisclosureOut]
    messages: list[ExportMessageOut]
    timeline: list[ExportEventOut]


class CandidateExportOut(Schema):
    format: str
    version: int
    made_at: dt.datetime
    language: str
    controller: ControllerOut
    privacy_notice: str
    candidate: ExportCandidateOut
    applications: list[ExportApplicationOut]


class ErasureIn(Input):
    via: Literal["phone", "email", "letter", "api"] = Field(
        "api",
        description="How the candidate asked, when staff record it on their behalf: `phone`, "
        "`email`, `letter`; `api` when a program asks for them.",
    )
    note: str = Field(
        "",
        max_length=500,
        description="How the request was received (kept after the erasure: no names).",
    )


class ErasureOut(Schema):
    id: int
    status: Literal["scheduled", "done"] = Field(
        description="`done` when everything was erased at once; `scheduled` until `erase_on`."
    )
    via: str
    requested_at: dt.datetime
    erased_now: int = Field(description="Applications erased at once (open ones withdrawn first).")
    scheduled: int = Field(
        description="Applications kept until `erase_on`: a decision on them can still be "
        "challenged (diskrimineringslagen 6 kap. 4 §), or a legal hold keeps them."
    )
    erase_on: dt.date | None = Field(
        description="The day the rest is erased, told to the candidate; null when nothing waits."
    )
