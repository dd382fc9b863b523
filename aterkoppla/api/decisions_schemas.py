"""The shapes of API v1's decision bodies and answers: the decision, call sheets, call tasks
and call attempts (DESIGN §4, §5, §9).

As in ``schemas``: request bodies are plain pydantic models (``schemas.Input``), strict where
JSON has a type of its own, every text bounded and free of NUL characters, so that bad input
is a 422 and never reaches the database.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import Field, StrictBool, field_validator
from pydantic_core import PydanticCustomError

from aterkoppla.api.assessment_schemas import AwareTime, Note, Reason
from aterkoppla.api.schemas import (
    Date,
    Id,
    Input,
    Language,
    MessageChannel,
    MessageKindValue,
    MessageStatus,
)

# One body decides a whole recruitment: ten thousand written rejections are ordinary (B1).
MAX_REJECTIONS = 20_000
# Hires and reserves are people interviewed: a few, never thousands.
MAX_CHOSEN = 1_000
MAX_DECISIVE = 100

# Written out for the type checker; a test holds them equal to the models' values.
Outcome = Literal[  # CallAttempt.Outcome
    "reached", "no_answer", "voicemail", "busy", "wrong_number", "callback"
]
TaskStatus = Literal["open", "done", "written"]  # CallTask.Status
TaskStatusFilter = Literal["open", "done", "written", "all"]  # CallTask.Status, or all
SheetFormat = Literal["json", "pdf"]

OVERRIDE_DESCRIPTION = (
    "Keep texts the language check stops (`block` findings) as they are, with this reason; it "
    "is recorded on the timeline with your name. Without it such a text is refused (422, with "
    "`findings`)."
)


# --- The decision ---------------------------------------------------------------------


class RejectionIn(Input):
    application_id: Id
    decisive_criteria: list[Id] = Field(
        default_factory=list,
        max_length=MAX_DECISIVE,
        description="Ids of the requirements of this recruitment's profile that decided it; "
        "each once. At least one for a candidate who was interviewed.",
    )
    explanation: Note = Field(
        "",
        description="Why, in your words, tied to the profile; language-checked. Needed for a "
        "candidate who was interviewed (it prepares the call). For the others it is the short "
        "reason the written rejection gives; empty keeps the reason written at screening.",
    )

    @field_validator("decisive_criteria")
    @classmethod
    def _unique(cls, ids: list[int]) -> list[int]:
        if len(ids) != len(set(ids)):
            raise PydanticCustomError("unique_criteria", _("Each requirement can be named once."))
        return ids


class DecisionIn(Input):
    hired: list[Id] = Field(
        default_factory=list,
        max_length=MAX_CHOSEN,
        description="Ids of the applications to hire; each must have been interviewed.",
    )
    reserve: list[Id] = Field(
        default_factory=list,
        max_length=MAX_CHOSEN,
        description="Ids of the applications to keep as reserves (interviewed); they are told "
        "so, and until when.",
    )
    reserve_until: Date | None = Field(
        None,
        description="The date the reserves are promised an answer by; needed when a reserve's "
        "promised date has passed. Not in the past.",
    )
    rejections: list[RejectionIn] = Field(
        default_factory=list,
        max_length=MAX_REJECTIONS,
        description=f"The applications to reject, at most {MAX_REJECTIONS:,} per request.",
    )
    no_hire: bool = Field(
        False,
        description="Nobody is hired: the recruitment is cancelled or advertised again. The "
        "rejections then never say that someone else was chosen. Not with `hired`.",
    )
    language_override_reason: Reason = Field("", description=OVERRIDE_DESCRIPTION)


class UserRefOut(Schema):
    id: int
    name: str = Field(description="The full name, or the username when there is none.")


class DecisionCallOut(Schema):
    application_id: int
    call_task_id: int
    due: dt.date = Field(description="Call by this day: two working days after the decision.")
    assigned_to: UserRefOut | None = Field(
        description="Who calls: the hiring manager, else the recruitment's owner."
    )


class WrittenOut(Schema):
    emails: int = Field(description="Written rejections queued by email.")
    letters: int = Field(description="Letters to print, for candidates without email.")
    held: int = Field(
        description="Written rejections the language check stopped: they wait unsent until a "
        "person edits or releases them."
    )
    unassessed: int = Field(
        description="Written rejections of applications nobody assessed against the profile: "
        "their message says what was done instead, never that the application was assessed."
    )


class DecisionOut(Schema):
    decision_id: int
    hired: list[int] = Field(description="Ids of the applications hired.")
    reserve: list[int] = Field(description="Ids of the applications made reserves.")
    calls: list[DecisionCallOut] = Field(
        description="The calls owed to those rejected after an interview; they get no "
        "rejection message."
    )
    written: WrittenOut
    warnings: list[str] = Field(
        description="What weakens the feedback or the letter under DL 2 kap. 4 §: a missing "
        "merits summary, phone number or scorecard."
    )


# --- The call sheet -------------------------------------------------------------------


class SheetRowOut(Schema):
    id: int
    name: str
    kind: Literal["must", "merit"]
    weight: int
    description: str
    job_task: str = Field(description="The job task the requirement serves.")
    screening: str = Field(description="`met`, `partly`, `not_met`, or empty if not screened.")
    screening_note: str
    candidate_mean: float | None = Field(description="This candidate's mean interview score.")
    score_count: int
    evidence: list[str]
    hired_mean: float | None = Field(
        description="The mean score of the person hired (never named)."
    )
    gap: float | None = Field(description="`hired_mean - candidate_mean`.")
    decisive: bool


class PreparedAnswerOut(Schema):
    question: str
    answer: str = Field(description="To read almost verbatim, in the candidate's language.")
    points: list[str]


class AnswersOut(Schema):
    q1: PreparedAnswerOut = Field(description="What did I lack compared to the one hired?")
    q2: PreparedAnswerOut = Field(description="Tips for my next job interview?")
    q3: PreparedAnswerOut = Field(description="What impression did I give?")


class SheetFindingOut(Schema):
    source: str = Field(description="Where on the sheet the text is: `explanation`, `q1`, …")
    category: str
    severity: Literal["block", "warn", "info"]
    start: int
    end: int
    match: str
    message: str
    suggestion: str
    rule: str
    basis: str


class CallSheetOut(Schema):
    application_id: int
    language: Language = Field(description="The candidate's language: the prepared answers'.")
    reader_language: Language = Field(description="The language of the sheet's labels.")
    heading: str
    candidate_name: str
    phone: str
    phone_uri: str = Field(description="A `tel:` link, or empty.")
    job_title: str
    organisation: str
    decision_date: str
    decision: str = Field(description="The decision in one sentence.")
    explanation: str = Field(description="The decider's explanation.")
    rows: list[SheetRowOut] = Field(
        description="Every requirement of the profile: musts first, then merits by weight."
    )
    decisive: list[SheetRowOut] = Field(description="The requirements that decided it.")
    decisive_basis: Literal["marked", "computed", "none"] = Field(
        description="`marked` by the decider, or `computed` from the largest gaps."
    )
    hired_merits: list[str] = Field(description="The hired person's merits, without a name.")
    strengths_to_open_with: list[str]
    strengths_generic: bool
    answers: AnswersOut
    offers: list[str]
    rights: str = Field(description="The right to written information (DL 2 kap. 4 §).")
    reminders: list[str]
    findings: list[SheetFindingOut] = Field(
        description="Language-check findings on the texts of the sheet."
    )


# --- Call tasks -----------------------------------------------------------------------


class TaskCandidateOut(Schema):
    name: str
    phone: str = Field(description="E.164, or empty.")
    language: Language


class RecruitmentRefOut(Schema):
    id: int
    title: str


class AttemptSummaryOut(Schema):
    at: dt.datetime
    outcome: Outcome
    notes: str
    callback_at: dt.datetime | None
    by: UserRefOut | None = Field(description="Who called.")


class CallTaskOut(Schema):
    id: int
    application_id: int
    candidate: TaskCandidateOut
    recruitment: RecruitmentRefOut
    due: dt.date
    status: TaskStatus = Field(
        description="`open` (to call), `done` (called) or `written` (written to after "
        "unanswered calls)."
    )
    assigned_to: UserRefOut | None
    callback_at: dt.datetime | None = Field(description="When the candidate asked to be called.")
    attempts: list[AttemptSummaryOut] = Field(description="The calls made, oldest first.")


# --- Call attempts --------------------------------------------------------------------


class AttemptIn(Input):
    outcome: Outcome = Field(
        description="`reached`, `no_answer`, `voicemail`, `busy`, `wrong_number` or "
        "`callback` (the candidate asked to be called at `callback_at`)."
    )
    notes: Note = Field("", description="What was said; language-checked.")
    callback_at: AwareTime | None = Field(
        None,
        description="With `callback`: when to call back, ISO 8601 with a time zone, ahead of "
        "now. A time without a time zone is refused (422).",
    )
    summary_requested: StrictBool = Field(
        False, description="Reached: the candidate wants the reasons in writing as well."
    )
    talent_pool: StrictBool = Field(
        False, description="Reached: the candidate is interested in the talent pool."
    )
    disclosure_requested: StrictBool = Field(
        False,
        description="Reached: the candidate asked for the information under DL 2 kap. 4 §.",
    )
    language_override_reason: Reason = Field("", description=OVERRIDE_DESCRIPTION)


class AttemptTaskOut(Schema):
    id: int
    status: TaskStatus
    callback_at: dt.datetime | None


class AttemptMessageOut(Schema):
    id: int
    kind: MessageKindValue
    channel: MessageChannel
    status: MessageStatus


class AttemptOut(Schema):
    id: int
    outcome: Outcome
    at: dt.datetime
    task: AttemptTaskOut
    messages: list[AttemptMessageOut] = Field(
        description="Messages this call queued: the written summary (`call_summary`) or, "
        "after unanswered calls, the decision in writing (`call_unreachable`)."
    )


# --- The written information under DL 2 kap. 4 § ------------------------------------------


class DisclosureIn(Input):
    via: Literal["phone", "email", "letter", "api"] = Field(
        "api",
        description="How the candidate asked, when staff record it on their behalf: `phone`, "
        "`email`, `letter`; `api` when a program asks for them.",
    )


class DisclosureOut(Schema):
    id: int
    application_id: int
    status: Literal["open", "answered"] = Field(description="`open` until the letter is sent.")
    via: str = Field(description="How it was received: `portal`, `call`, `phone`, `email`, …")
    requested_at: dt.datetime
    due: dt.date = Field(
        description="The date it is promised by: the organisation's working days (10 by "
        "default), Swedish public holidays excluded."
    )
    due_soon: bool = Field(
        description="Open and due within two working days (as every promise to a candidate)."
    )
    overdue: bool = Field(description="Open and its date has passed: a broken promise.")


class PersonMeritsOut(Schema):
    education: list[str]
    experience: list[str]
    other: list[str]


class DisclosureLetterOut(Schema):
    id: int
    status: Literal["open", "answered"]
    due: dt.date
    due_soon: bool = Field(description="Open and due within two working days.")
    overdue: bool = Field(description="Open and its date has passed: a broken promise.")
    language: str = Field(description="The requester's language: `sv` or `en`.")
    hired: list[PersonMeritsOut] = Field(description="The merits of the person (people) hired.")
    interviewed: list[PersonMeritsOut] = Field(
        description="The merits of the others called to interview, the requester left out, in "
        "an order that says nothing about who they are."
    )
    text: str = Field(description="The letter's list as the candidate reads it.")
