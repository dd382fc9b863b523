"""The timeline events of assessment: screening, interviews, scorecards, the merits summary."""

# No "from __future__ import annotations": TypedDict must see NotRequired[...] itself.

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aterkoppla.timeline.registry import event_kind


class Screened(TypedDict):
    version: int  # the profile version screened against
    results: dict[str, str]  # requirement name → met / partly / not_met, for what changed
    met: int
    partly: int
    not_met: int


class MarkedForRejection(TypedDict):
    marked: bool
    reason: NotRequired[str]  # what the written rejection will tell the candidate


class InterviewScheduled(TypedDict):
    interview: int
    at: str  # ISO date and time
    interviewers: list[str]


class InterviewRecorded(TypedDict):
    interview: int
    at: str  # ISO date and time it was held
    interviewers: list[str]


class InterviewRescheduled(TypedDict):
    interview: int
    changed: list[str]  # the names of what changed
    before: dict[str, Any]
    after: dict[str, Any]
    reason: NotRequired[str]


class InterviewCancelled(TypedDict):
    interview: int
    at: str  # ISO date and time it was booked for
    reason: NotRequired[str]


class InterviewHeld(TypedDict):
    interview: int


class ScorecardSubmitted(TypedDict):
    interview: int
    scorecard: int
    interviewer: str


class ScorecardChanged(TypedDict):
    interview: int
    scorecard: int
    interviewer: str
    changed: list[str]  # the names of what changed (never the scores: see the summary)
    before: dict[str, Any]
    after: dict[str, Any]


class MeritsUpdated(TypedDict):
    # Each kind's merits as stored (role, field, level, length, organisation, period);
    # events recorded before merits were structured hold lines of text.
    before: dict[str, list[Any]]
    after: dict[str, list[Any]]


def _screened(data: Mapping[str, Any]) -> str:
    return gettext(
        "Screened against profile version %(version)s: %(met)s met, %(partly)s partly "
        "met, %(not_met)s not met."
    ) % {
        "version": data.get("version", "?"),
        "met": data.get("met", 0),
        "partly": data.get("partly", 0),
        "not_met": data.get("not_met", 0),
    }


def _marked(data: Mapping[str, Any]) -> str:
    if not data.get("marked", True):
        return gettext("No longer marked for rejection.")
    if data.get("reason"):
        return gettext("Marked for rejection. Reason for the candidate: %(reason)s") % {
            "reason": data["reason"]
        }
    return gettext("Marked for rejection")


def _scheduled(data: Mapping[str, Any]) -> str:
    return gettext("Interview scheduled with %(names)s.") % {
        "names": ", ".join(data.get("interviewers", []))
    }


def _recorded(data: Mapping[str, Any]) -> str:
    return gettext(
        "An interview held with %(names)s was recorded afterwards; no invitation was sent."
    ) % {"names": ", ".join(data.get("interviewers", []))}


def _with_reason(text: str, data: Mapping[str, Any]) -> str:
    if data.get("reason"):
        return text + " " + gettext("Reason: %(reason)s") % {"reason": data["reason"]}
    return text


def _rescheduled(data: Mapping[str, Any]) -> str:
    text = gettext("Interview changed: %(fields)s.") % {
        "fields": ", ".join(data.get("changed", []))
    }
    return _with_reason(text, data)


def _cancelled(data: Mapping[str, Any]) -> str:
    return _with_reason(gettext("Interview cancelled."), data)


def _submitted(data: Mapping[str, Any]) -> str:
    return gettext("%(name)s submitted a scorecard.") % {"name": data.get("interviewer")}


def _changed(data: Mapping[str, Any]) -> str:
    # The values stay in the event's data; the summary names only what changed, so that the
    # timeline tells no interviewer the others' scores.
    return gettext("%(name)s changed their submitted scorecard: %(fields)s.") % {
        "name": data.get("interviewer"),
        "fields": ", ".join(data.get("changed", [])),
    }


SCREENED = event_kind(
    "screened",
    label=_("Screened"),
    schema=Screened,
    example={"version": 1, "results": {"Truckkort": "met"}, "met": 1, "partly": 0, "not_met": 0},
    summary=_screened,
)
MARKED_FOR_REJECTION = event_kind(
    "marked_for_rejection",
    label=_("Marked for rejection"),
    schema=MarkedForRejection,
    example={"marked": True, "reason": "Tjänsten kräver truckkort A+B."},
    summary=_marked,
)
INTERVIEW_SCHEDULED = event_kind(
    "interview_scheduled",
    label=_("Interview scheduled"),
    schema=InterviewScheduled,
    example={"interview": 1, "at": "2026-12-08T10:00:00+01:00", "interviewers": ["Leila"]},
    summary=_scheduled,
)
INTERVIEW_RECORDED = event_kind(
    "interview_recorded",
    label=_("Interview recorded afterwards"),
    schema=InterviewRecorded,
    example={"interview": 1, "at": "2026-12-07T14:00:00+01:00", "interviewers": ["Leila"]},
    summary=_recorded,
)
INTERVIEW_RESCHEDULED = event_kind(
    "interview_rescheduled",
    label=_("Interview changed"),
    schema=InterviewRescheduled,
    example={
        "interview": 1,
        "changed": ["Time"],
        "before": {"scheduled_at": "2026-12-08T10:00:00+01:00"},
        "after": {"scheduled_at": "2026-12-09T13:00:00+01:00"},
        "reason": "Chefen är sjuk.",
    },
    summary=_rescheduled,
)
INTERVIEW_CANCELLED = event_kind(
    "interview_cancelled",
    label=_("Interview cancelled"),
    schema=InterviewCancelled,
    example={"interview": 1, "at": "2026-12-08T10:00:00+01:00", "reason": "Tjänsten dras in."},
    summary=_cancelled,
)
INTERVIEW_HELD = event_kind(
    "interview_held", label=_("Interview held"), schema=InterviewHeld, example={"interview": 1}
)
SCORECARD_SUBMITTED = event_kind(
    "scorecard_submitted",
    label=_("Scorecard submitted"),
    schema=ScorecardSubmitted,
    example={"interview": 1, "scorecard": 1, "interviewer": "Leila Haddad"},
    summary=_submitted,
)
SCORECARD_CHANGED = event_kind(
    "scorecard_changed",
    label=_("Scorecard changed after submission"),
    schema=ScorecardChanged,
    example={
        "interview": 1,
        "scorecard": 1,
        "interviewer": "Leila Haddad",
        "changed": ["Tips"],
        "before": {"tips": ""},
        "after": {"tips": "Fler exempel."},
    },
    summary=_changed,
)
MERITS_UPDATED = event_kind(
    "merits_updated",
    label=_("Merits summary updated"),
    schema=MeritsUpdated,
    example={
        "before": {"education": [], "experience": [], "other": []},
        "after": {
            "education": [{"kind": "education", "field": "truckkort A+B", "level": "course"}],
            "experience": [],
            "other": [],
        },
    },
)
