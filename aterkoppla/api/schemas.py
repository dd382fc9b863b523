"""The shapes of API v1's bodies and answers (DESIGN §9, "API v1 contract").

Field names are the contract: they may be added to, never renamed. Input types are strict
where JSON has a type of its own (a weight is a number, not the text "3") so that what the
OpenAPI schema promises is what the server accepts.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError
from ninja import Schema
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    WithJsonSchema,
    field_validator,
)

from aterkoppla.api.selectors import stage_counts
from aterkoppla.applications.merits import merit_phrase, merits_by_kind
from aterkoppla.core.validators import validate_person_name
from aterkoppla.lib.links import redact_links
from aterkoppla.messaging.links import portal_url_stable
from aterkoppla.recruitment.models import Criterion, Recruitment
from aterkoppla.timeline.selectors import timeline_for

# The largest id a 64-bit primary key holds; larger numbers cannot name anything.
MAX_ID = 2**63 - 1


def _storable(value: str) -> str:
    # PostgreSQL refuses NUL in text, and a lone surrogate ("\ud800", legal in JSON) cannot
    # be written as UTF-8 by any database: refuse both as bad input, not fail at the write.
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("is not valid Unicode text") from None
    return value


def _date_text(value: Any) -> Any:
    # Pydantic would read a number as a Unix timestamp; the API takes ISO dates only.
    if not isinstance(value, str | dt.date):
        raise ValueError("must be a date written as YYYY-MM-DD")
    return value


def _limit(max_length: int, *, required: bool = False) -> StringConstraints:
    """A string, trimmed, at most ``max_length`` long; ``required`` means not blank."""
    return StringConstraints(
        strict=True,
        strip_whitespace=True,
        min_length=1 if required else 0,
        max_length=max_length,
    )


# Every text the API stores: see ``_storable``.
STORABLE = AfterValidator(_storable)


def _person_name(value: str) -> str:
    # The models' rule (core.validators), said in the API's words.
    try:
        validate_person_name(value)
    except ValidationError as exc:
        raise ValueError(" ".join(exc.messages)) from None
    return value


Title = Annotated[str, _limit(200, required=True), STORABLE]
Line = Annotated[str, _limit(200), STORABLE]
PersonName = Annotated[str, _limit(100, required=True), STORABLE, AfterValidator(_person_name)]
Email = Annotated[str, _limit(254), STORABLE]
Phone = Annotated[str, _limit(40), STORABLE]
Merit = Annotated[str, _limit(1_000), STORABLE]
Paragraphs = Annotated[str, _limit(20_000), STORABLE]
OverrideReason = Annotated[str, _limit(1_000), STORABLE]

Date = Annotated[dt.date, BeforeValidator(_date_text)]
Id = Annotated[StrictInt, Field(ge=1, le=MAX_ID)]

# The models' choices, written out so that the type checker knows them; a test holds each
# equal to its model's values, in the same order (the order the OpenAPI document lists).
Language = Literal["sv", "en"]
Kind = Literal["must", "merit"]  # Criterion.Kind
Category = Literal["education", "experience", "skill", "personal", "other"]  # Criterion.Category
Role = Literal["owner", "recruiter", "hiring_manager", "interviewer"]  # TeamMembership.Role
Status = Literal["draft", "open", "closed", "decided", "completed"]  # Recruitment.Status
EmploymentType = Literal[  # Recruitment.EmploymentType
    "FULL_TIME", "PART_TIME", "TEMPORARY", "CONTRACTOR", "INTERN", "OTHER"
]
Stage = Literal[  # Application.Stage
    "received", "screening", "interview", "reserve", "offer", "hired", "rejected", "withdrawn"
]
Actor = Literal["user", "system", "candidate"]  # TimelineEvent.Actor
MessageKindValue = Literal[  # messaging.models.Kind
    "acknowledgement",
    "status_update",
    "promise_postponed",
    "reserve",
    "withdrawal_confirmation",
    "portal_link",
    "application_confirmation",
    "rejection",
    "call_notice",
    "call_summary",
    "call_unreachable",
    "disclosure_letter",
    "erasure_scheduled",
    "talent_pool_offer",
    "talent_pool_renewal",
    "talent_pool_invite",
    "survey_invitation",
    "interview_booked",
    "interview_moved",
    "interview_cancelled",
    "interview_invitation",
    "interview_cancellation",
    "disclosure_reminder",
]
MessageChannel = Literal["email", "letter"]  # Message.Channel
MessageStatus = Literal[  # Message.Status
    "held", "waiting", "queued", "sending", "sent", "failed", "to_print", "printed", "cancelled"
]


class Input(BaseModel):
    """A request body. Plain pydantic, not ninja's Schema: Schema reads fields off any object
    as attributes (for ORM output), which would let a JSON list or string pass as a body."""


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in words.")
    errors: dict[str, list[str]] | None = Field(
        None,
        description="For invalid input (422): the messages per field, named by their path in "
        "the body (`candidate.email`, `criteria.0.weight`); `__all__` for the body as a whole.",
    )


# The errors a route that reads can give, and those of a route that changes things.
ERRORS_READ: dict[int, type[Schema]] = {401: ErrorOut, 404: ErrorOut}
ERRORS_WRITE: dict[int, type[Schema]] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    422: ErrorOut,
}


class MeOut(Schema):
    id: int
    username: str
    name: str = Field(description="The full name, or the username when there is none.")
    email: str

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj)


# --- Recruitments ---------------------------------------------------------------------


class CriterionIn(Input):
    name: Title
    description: Paragraphs = ""
    kind: Kind = Field("must", description="`must` (skallkrav) or `merit`.")
    category: Category = "experience"
    weight: Annotated[StrictInt, Field(ge=Criterion.MIN_WEIGHT, le=Criterion.MAX_WEIGHT)] = 3
    job_task: Line = Field("", description="The job task the requirement serves.")


class CriterionOut(Schema):
    id: int
    name: str
    description: str
    kind: Kind
    category: Category
    weight: int
    order: int
    job_task: str


class RecruitmentIn(Input):
    title: Title
    description: Paragraphs = ""
    job_tasks: Paragraphs = Field("", description="The main job tasks, one per line.")
    language: Language = "sv"
    status: Status = Field(
        "draft",
        description="`draft` or `open` (published at once); a new recruitment cannot be "
        "closed, decided or completed (422).",
    )
    location: Line = ""
    remote: StrictBool = False
    employment_type: EmploymentType = "FULL_TIME"
    application_deadline: Date | None = None
    first_reply_by: Date | None = Field(
        None,
        description="The answer date promised to every applicant; not before the deadline.",
    )
    criteria: list[CriterionIn] = Field(default_factory=list, max_length=100)
    language_override_reason: OverrideReason = Field(
        "",
        description="Keep a job posting the language check stops (`block` findings in "
        "`description` or `job_tasks`) as it is, with this reason; it is recorded with your "
        "name. Without it such a posting is refused (422, with `findings`).",
    )

    @field_validator("criteria")
    @classmethod
    def _names_differ(cls, criteria: list[CriterionIn]) -> list[CriterionIn]:
        seen: set[str] = set()
        for criterion in criteria:
            folded = criterion.name.casefold()
            if folded in seen:
                raise ValueError(f"two requirements are named “{criterion.name}”")
            seen.add(folded)
        return criteria


class RecruitmentStatusIn(Input):
    status: Status = Field(
        description="The new status. Allowed: `draft` → `open` (publishing), `open` ⇄ "
        "`closed`, and back from `decided` or `completed` to `open` or `closed` with a "
        "`reason`. `decided` comes only from a decision with a hire, `completed` only when "
        "every applicant has had their final answer: any other move is refused (409). The "
        "same status again changes nothing."
    )
    reason: OverrideReason = Field(
        "",
        description="Why a decided or completed recruitment goes back (required then, 422 "
        "without it); kept on the timeline.",
    )


class StageCounts(BaseModel):
    """How many applications are in each stage; every stage is present."""

    # Application.Stage, in its order (a test holds them equal).
    received: int
    screening: int
    interview: int
    reserve: int
    offer: int
    hired: int
    rejected: int
    withdrawn: int


class RecruitmentSummaryOut(Schema):
    id: int
    title: str
    status: Status
    language: Language
    application_deadline: dt.date | None
    first_reply_by: dt.date | None
    created_at: dt.datetime


class RecruitmentOut(RecruitmentSummaryOut):
    description: str
    job_tasks: str
    location: str
    remote: bool
    employment_type: EmploymentType
    published_at: dt.datetime | None
    owner_id: int
    criteria: list[CriterionOut]
    stage_counts: StageCounts

    @staticmethod
    def resolve_stage_counts(obj: Recruitment) -> dict[str, int]:
        return stage_counts(obj)


class TeamMemberIn(Input):
    user_id: Id
    role: Role = Field(
        description="`recruiter`, `hiring_manager` or `interviewer`. A recruitment has exactly "
        "one owner, the user who created it: `owner` is refused (422)."
    )


class TeamMemberOut(Schema):
    id: int
    recruitment_id: int
    user_id: int
    username: str
    role: Role
    added_at: dt.datetime

    @staticmethod
    def resolve_username(obj: Any) -> str:
        return obj.user.username


# --- Applications ---------------------------------------------------------------------


class CandidateIn(Input):
    first_name: PersonName
    last_name: PersonName
    email: Email = Field("", description="How the candidate hears from us; may be empty.")
    phone: Phone = Field("", description="Any Swedish or international way of writing it.")
    language: Language = Field("sv", description="The language the candidate is written to in.")


MeritLevel = Literal[  # Merit.Level, or "" for none
    "",
    "course",
    "upper_secondary",
    "vocational",
    "university",
    "bachelor",
    "master",
    "doctorate",
    "leadership",
    "internship",
    "licence",
    "certificate",
    "language",
    "assignment",
]
MeritText = Annotated[str, _limit(200), STORABLE]
Year = Annotated[StrictInt, Field(ge=1900, le=2100)]


class LengthIn(Input):
    years: Annotated[StrictInt, Field(ge=0, le=80)] | None = None
    months: Annotated[StrictInt, Field(ge=0, le=11)] | None = None


class MeritIn(Input):
    """One merit, structured. Other candidates are only ever told the role, field, level and
    length ("sex års erfarenhet som lagerarbetare"); the organisation and the period are for
    staff."""

    role: MeritText = Field(
        "",
        description="Work experience: the role, such as `lagerarbetare`. No employer, "
        "place or years: they are refused (422).",
    )
    field: MeritText = Field(
        "",
        description="The field: `datavetenskap`, `WMS-system`, `truckkort A+B`. No school, "
        "place or years.",
    )
    level: MeritLevel = Field(
        "",
        description="Education: `course`, `upper_secondary`, `vocational`, `university`, "
        "`bachelor`, `master`, `doctorate`. Work experience: empty (employment), "
        "`leadership`, `internship`. Other: `licence`, `certificate`, `language`, "
        "`assignment`.",
    )
    length: LengthIn | None = Field(None, description="How long: years and months (0–11).")
    organisation: MeritText = Field(
        "", description="The employer or school, with its place if you like. Staff only."
    )
    from_year: Year | None = Field(None, description="The first year. Staff only.")
    to_year: Year | None = Field(None, description="The last year. Staff only.")

    def data(self) -> dict[str, Any]:
        length = self.length or LengthIn()
        return {
            "role": self.role,
            "field": self.field,
            "level": self.level,
            "years": length.years,
            "months": length.months,
            "organisation": self.organisation,
            "from_year": self.from_year,
            "to_year": self.to_year,
        }


MeritItem = Annotated[
    Merit | MeritIn,
    Field(
        description='A merit as an object, or as free text ("Lagerarbetare, Nordlager AB, '
        '2016–2022"): text is split into its parts, and held for review, never told to other '
        "candidates, when that cannot be done safely."
    ),
]
MeritList = Annotated[list[MeritItem], Field(max_length=100)]


class MeritsIn(Input):
    education: MeritList = Field(default_factory=list)
    experience: MeritList = Field(default_factory=list)
    other: MeritList = Field(default_factory=list)

    def data(self) -> dict[str, list[Any]]:
        return {
            section: [item if isinstance(item, str) else item.data() for item in items]
            for section, items in (
                ("education", self.education),
                ("experience", self.experience),
                ("other", self.other),
            )
        }


class MeritsUpdateIn(MeritsIn):
    language_override_reason: Annotated[str, _limit(1_000), STORABLE] = Field(
        "",
        description="Keep a role or field the language check stops (`block` findings) as "
        "it is, with this reason; it is recorded on the timeline with your name. Without it "
        "such a text is refused (422, with `findings`).",
    )


class ApplicationIn(Input):
    candidate: CandidateIn
    merits: MeritsIn = Field(
        default_factory=MeritsIn,
        description="Facts, no judgements: education, work experience and other merits.",
    )


class ApplicationCreatedOut(Schema):
    id: int
    recruitment_id: int
    stage: Stage
    reply_by: dt.date | None = Field(description="The answer date promised to the candidate.")
    portal_url: str | None = Field(
        None,
        description="The candidate's private link to their page (status, messages, withdraw). "
        "Give it only to the candidate: it lets whoever has it act as them.",
    )

    @staticmethod
    def resolve_portal_url(obj: Any) -> str:
        return portal_url_stable(obj, purpose="api")


class CandidateOut(Schema):
    first_name: str
    last_name: str
    email: str
    phone: str = Field(description="E.164, or empty.")
    language: Language


class TimelineEventOut(Schema):
    at: dt.datetime
    kind: str = Field(description="What happened, e.g. `received`, `stage_changed`.")
    actor: Actor
    actor_name: str | None = Field(description="The staff member who did it, if one did.")
    summary: str = Field(description="One sentence saying what happened.")

    @staticmethod
    def resolve_actor_name(obj: Any) -> str | None:
        return str(obj.actor_user) if obj.actor_user_id else None

    @staticmethod
    def resolve_summary(obj: Any) -> str:
        return obj.summary()


class LengthOut(Schema):
    years: int | None
    months: int | None


class PhrasesOut(Schema):
    sv: str
    en: str


class MeritOut(Schema):
    id: int
    role: str
    field: str
    level: MeritLevel
    length: LengthOut | None
    organisation: str = Field(description="The employer or school. Staff only.")
    from_year: int | None
    to_year: int | None
    needs_review: bool = Field(
        description="Read from free text that could not be split safely: left out of what "
        "other candidates are told until a person has checked it on the merits page."
    )
    written_as: str = Field(description="The free text it was read from, while it waits.")
    phrases: PhrasesOut | None = Field(
        description="What other candidates are told of it, in Swedish and English; null "
        "while it waits for review."
    )

    @staticmethod
    def resolve_length(obj: Any) -> dict[str, int | None] | None:
        if obj.years is None and obj.months is None:
            return None
        return {"years": obj.years, "months": obj.months}

    @staticmethod
    def resolve_written_as(obj: Any) -> str:
        return obj.source_text

    @staticmethod
    def resolve_phrases(obj: Any) -> dict[str, str] | None:
        if obj.needs_review:
            return None
        return {"sv": merit_phrase(obj, "sv"), "en": merit_phrase(obj, "en")}


class MeritsOut(Schema):
    education: list[MeritOut] = Field(default_factory=list)
    experience: list[MeritOut] = Field(default_factory=list)
    other: list[MeritOut] = Field(default_factory=list)

    @staticmethod
    def of(application: Any) -> dict[str, list[Any]]:
        return merits_by_kind(application.merits.all())


class ApplicationOut(Schema):
    id: int
    recruitment_id: int
    candidate: CandidateOut
    source: str
    received_at: dt.datetime
    stage: Stage
    reply_by: dt.date | None
    interviewed: bool
    outcome: Literal["hired", "rejected", "withdrawn"] | None = Field(
        description="The final result; null while the application is open."
    )
    merits: MeritsOut
    timeline: list[TimelineEventOut]

    @staticmethod
    def resolve_merits(obj: Any) -> dict[str, list[Any]]:
        return MeritsOut.of(obj)

    @staticmethod
    def resolve_timeline(obj: Any) -> list[Any]:
        return list(timeline_for(obj))


# --- Messages -------------------------------------------------------------------------

# An application id in the query string. Read as text and checked by ``id_or_none`` so that
# an id that is no id answers 404 like an unknown one, as ids in the path do; the schema
# still says what a valid one looks like.
IdQuery = Annotated[str, WithJsonSchema({"type": "integer", "minimum": 1, "maximum": MAX_ID})]


def id_or_none(value: str) -> int | None:
    """The id written in ``value`` (ASCII digits, 1 to MAX_ID), else None."""
    if not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if 1 <= number <= MAX_ID else None


class MessageOut(Schema):
    id: int
    application_id: int | None
    kind: MessageKindValue
    channel: MessageChannel
    to: str = Field(description="The email address it went to; empty for a letter.")
    to_name: str = Field(description="The candidate's name as written on the message.")
    from_address: str = Field(
        description="The sender: the organisation's name and sender address (empty while "
        "the message waits for the organisation's contact details)."
    )
    reply_to: str = Field(
        description="Where answers go: the recruiter who owns the recruitment, else the "
        "organisation's contact address."
    )
    language: Language
    subject: str
    body: str = Field(
        description="The text as sent, with the secret part of the candidate's link taken out."
    )
    body_html: str = Field(
        description="The HTML part as sent (link secret taken out); empty if there is none."
    )
    status: MessageStatus = Field(
        description="`queued`, `sending`, `sent`, or `failed` (refused for good; a person "
        "may send it again); `held` (stopped by the language check), `waiting` (until the "
        "organisation's contact details are complete, then sent), `to_print`, `printed`."
    )
    attempts: int = Field(description="Delivery attempts so far.")
    last_error: str = Field(description="What the mail server said last time it failed.")
    created_at: dt.datetime = Field(description="When it was queued.")
    sent_at: dt.datetime | None = Field(description="When the mail server accepted it.")

    @staticmethod
    def resolve_to(obj: Any) -> str:
        return obj.to_address

    @staticmethod
    def resolve_body(obj: Any) -> str:
        return redact_links(obj.body_text)

    @staticmethod
    def resolve_body_html(obj: Any) -> str:
        return redact_links(obj.body_html)
