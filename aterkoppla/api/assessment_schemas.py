"""The shapes of API v1's assessment bodies and answers: screening, interviews, scorecards.

As in ``schemas``: request bodies are plain pydantic models (``schemas.Input``), strict where
JSON has a type of its own, every text bounded and free of NUL characters, so that bad input
is a 422 and never reaches the database.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import AfterValidator, BeforeValidator, Field, StrictBool, StrictInt, field_validator
from pydantic_core import PydanticCustomError

from aterkoppla.api.schemas import STORABLE, Date, Id, Input, Line, Stage, _limit
from aterkoppla.assessment.models import Interview, Rating

# Notes, evidence and the scorecard's texts: a few paragraphs, not a document.
Note = Annotated[str, _limit(5_000), STORABLE]
Reason = Annotated[str, _limit(1_000), STORABLE]
Url = Annotated[str, _limit(500), STORABLE]
Bring = Annotated[str, _limit(500), STORABLE]

# Written out for the type checker; a test holds them equal to the models' values.
ScreeningResultValue = Literal["met", "partly", "not_met"]  # Screening.Result
AdvanceTo = Literal["screening", "interview"]  # Application.Stage.SCREENING, .INTERVIEW
Score = Annotated[StrictInt, Field(ge=Rating.MIN_SCORE, le=Rating.MAX_SCORE)]
Minutes = Annotated[StrictInt, Field(ge=Interview.MIN_MINUTES, le=Interview.MAX_MINUTES)]

# The latest moment an interview may be booked for: far enough to mean "no limit", near
# enough that its end and its local time can still be written as dates.
LATEST = dt.datetime(9999, 1, 1, tzinfo=dt.UTC)


def _time_text(value: Any) -> Any:
    # Pydantic would read a number as a Unix timestamp; the API takes ISO 8601 text only.
    if not isinstance(value, str | dt.datetime):
        raise PydanticCustomError(
            "datetime_text",
            _("Write the time in ISO 8601 with a time zone, e.g. 2026-11-27T10:00:00+01:00."),
        )
    return value


def _aware(value: dt.datetime) -> dt.datetime:
    """The time in UTC; a time without a time zone is refused, not guessed."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise PydanticCustomError(
            "datetime_naive",
            _("Give a time zone, e.g. 2026-11-27T10:00:00+01:00 or 2026-11-27T09:00:00Z."),
        )
    try:
        value = value.astimezone(dt.UTC)
    except OverflowError:
        raise PydanticCustomError("datetime_range", _("The time is out of range.")) from None
    if value >= LATEST:
        raise PydanticCustomError("datetime_range", _("The time is out of range."))
    return value


AwareTime = Annotated[dt.datetime, BeforeValidator(_time_text), AfterValidator(_aware)]


def _unique_criteria(items: list[Any]) -> list[Any]:
    ids = [item.criterion_id for item in items]
    if len(ids) != len(set(ids)):
        raise PydanticCustomError("unique_criteria", _("Each requirement can be named once."))
    return items


# --- Screening ------------------------------------------------------------------------


class ScreeningResultIn(Input):
    criterion_id: Id = Field(description="A requirement of the recruitment's profile.")
    result: ScreeningResultValue = Field(description="`met`, `partly` or `not_met`.")
    note: Note = Field("", description="What in the application the judgement rests on.")


class ScreeningIn(Input):
    results: list[ScreeningResultIn] = Field(
        default_factory=list,
        max_length=100,
        description="One result per requirement; requirements not named keep their earlier "
        "result. May be empty, to only move the application or mark it.",
    )
    advance_to: AdvanceTo | None = Field(
        None,
        description="Move the application on to `screening` or `interview`; the candidate is "
        "told in a status update with the promised answer date. Null: it stays where it is.",
    )
    reply_by: Date | None = Field(
        None,
        description="A new promised answer date, given with `advance_to` (needed when the "
        "current one has passed).",
    )
    mark_for_rejection: StrictBool | None = Field(
        None,
        description="Propose (true) or stop proposing (false) the application for rejection "
        "on the decision screen; null leaves it as it is. Cannot be true with `advance_to`.",
    )
    rejection_reason: Note | None = Field(
        None,
        description="With `mark_for_rejection: true`: a short reason tied to the profile, which "
        "the written rejection tells the candidate. Null keeps the one written before.",
    )
    language_override_reason: Reason = Field(
        "",
        description="Keep texts the language check stops (`block` findings) as they are, "
        "with this reason; it is recorded on the timeline with your name. Without it such a "
        "text is refused (422, with `findings`).",
    )

    @field_validator("results")
    @classmethod
    def _results_unique(cls, results: list[ScreeningResultIn]) -> list[ScreeningResultIn]:
        return _unique_criteria(results)


class ScreeningResultOut(Schema):
    criterion_id: int
    criterion: str = Field(description="The requirement's name.")
    result: ScreeningResultValue
    note: str
    profile_version: int = Field(description="The number of the profile version it was made under.")
    screened_at: dt.datetime


class ScreeningOut(Schema):
    application_id: int
    stage: Stage
    reply_by: dt.date | None = Field(description="The answer date promised to the candidate.")
    marked_for_rejection: bool
    rejection_reason: str = Field(description="The reason the written rejection will give.")
    profile_version: int | None = Field(
        description="The profile version in force; null while the profile is not yet in force."
    )
    results: list[ScreeningResultOut] = Field(
        description="Every screening of the application, in the order of the profile."
    )


# --- Interviews -----------------------------------------------------------------------


class InterviewIn(Input):
    scheduled_at: AwareTime = Field(
        description="When it starts: ISO 8601 with a time zone (`2026-11-27T10:00:00+01:00` or "
        "`…Z`). A time without one is refused (422), not guessed. Must be in the future, "
        "unless `already_held`; then it must be in the past."
    )
    interviewer_ids: list[Id] = Field(
        min_length=1,
        max_length=20,
        description="User ids of the interviewers; each must be on the recruitment's team. "
        "Each gets a calendar invitation (.ics) by email.",
    )
    duration_minutes: Minutes = Field(60, description="From 15 to 480 minutes.")
    location: Line = Field("", description="Where; a place or a video link is needed.")
    video_url: Url = Field("", description="A link to the video meeting, if it is held online.")
    bring: Bring = Field(
        "",
        description="What the candidate should bring, told to them as written (`Ta med "
        "id-handling och betyg.`). Empty: nothing is said about it.",
    )
    already_held: StrictBool = Field(
        False,
        description="Record an interview that took place without being booked (a phone "
        "interview yesterday): `scheduled_at` is in the past, it is marked held at once (the "
        "application counts as interviewed) and no invitation is sent to anyone.",
    )


class InterviewChangeIn(Input):
    """Only what is given changes; what is left out (or null) stays as it is."""

    scheduled_at: AwareTime | None = Field(
        None, description="The new start, ISO 8601 with a time zone; in the future."
    )
    interviewer_ids: list[Id] | None = Field(
        None,
        min_length=1,
        max_length=20,
        description="The interviewers from now on (each on the recruitment's team). Those "
        "taken off get a calendar cancellation.",
    )
    duration_minutes: Minutes | None = Field(None, description="From 15 to 480 minutes.")
    location: Line | None = Field(None, description="Where; a place or a video link is needed.")
    video_url: Url | None = Field(None, description="A link to the video meeting.")
    bring: Bring | None = Field(None, description="What the candidate should bring.")
    reason: Reason = Field(
        "", description="Why it changes: told to the candidate and kept on the timeline."
    )


class InterviewCancelIn(Input):
    reason: Reason = Field(
        "", description="Why it is cancelled: told to the candidate and kept on the timeline."
    )


class InterviewOut(Schema):
    id: int
    application_id: int
    scheduled_at: dt.datetime
    duration_minutes: int
    location: str
    video_url: str
    bring: str = Field(description="What the candidate is asked to bring; empty if nothing.")
    interviewer_ids: list[int]
    held_at: dt.datetime | None = Field(description="When it was marked held; null until then.")
    cancelled_at: dt.datetime | None = Field(
        description="When it was cancelled; null unless it was. A cancelled interview counts "
        "nowhere an interview counts."
    )
    sequence: int = Field(
        description="The revision of its calendar invitation: 0 when booked, one more at each "
        "change and at cancellation."
    )
    profile_version: int = Field(description="The profile version it is scored against.")


class InterviewHeldOut(Schema):
    id: int
    held_at: dt.datetime
    application_id: int
    interviewed: bool = Field(description="The application counts as interviewed: always true.")


# --- Scorecards -----------------------------------------------------------------------


class RatingIn(Input):
    criterion_id: Id = Field(description="A requirement of the recruitment's profile.")
    score: Score = Field(description="1 (not shown) to 5 (excellent).")
    evidence: Note = Field("", description="What the candidate said or showed.")


class ScorecardIn(Input):
    ratings: list[RatingIn] = Field(
        min_length=1,
        max_length=100,
        description="A score per requirement, at least one; each requirement once.",
    )
    impression: Note = Field(
        "", description="How the candidate came across: what they did and said."
    )
    strengths: Note = ""
    tips: Note = Field(
        "", description="What would make their next interview better. The candidate may hear it."
    )
    language_override_reason: Reason = Field(
        "",
        description="Keep texts the language check stops (`block` findings) as they are, "
        "with this reason; it is recorded on the timeline with your name. Without it such a "
        "text is refused (422, with `findings`).",
    )

    @field_validator("ratings")
    @classmethod
    def _ratings_unique(cls, ratings: list[RatingIn]) -> list[RatingIn]:
        return _unique_criteria(ratings)


class RatingOut(Schema):
    criterion_id: int
    criterion: str = Field(description="The requirement's name.")
    score: int
    evidence: str


class ScorecardOut(Schema):
    id: int
    interview_id: int
    interviewer_id: int
    interviewer_name: str
    submitted_at: dt.datetime
    changed_at: dt.datetime | None = Field(description="When it was last changed, if it was.")
    profile_version: int = Field(description="The profile version it was scored under.")
    impression: str
    strengths: str
    tips: str
    ratings: list[RatingOut]


class InterviewerOut(Schema):
    id: int
    name: str
    scorecard_submitted: bool


class InterviewDetailOut(InterviewOut):
    interviewers: list[InterviewerOut]
    scorecards_hidden: bool = Field(
        description="True when the caller is an interviewer of this interview who has not "
        "submitted their own scorecard: interviewers score independently, so they see the "
        "others' scorecards only after submitting theirs."
    )
    scorecards: list[ScorecardOut] = Field(
        description="The submitted scorecards; empty when `scorecards_hidden`."
    )
