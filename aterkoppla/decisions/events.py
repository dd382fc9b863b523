"""The timeline events of decisions and the feedback they owe (DESIGN §4)."""

# No "from __future__ import annotations": TypedDict must see NotRequired[...] itself.

import datetime as dt
from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict

from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aterkoppla.decisions.models import CallAttempt, DisclosureRequest
from aterkoppla.timeline.registry import event_kind


class Decided(TypedDict):
    result: str  # DecisionItem.Result
    channel: str  # DecisionItem.Channel: how the candidate is told
    decisive: NotRequired[list[str]]  # names of the decisive requirements
    explanation: str


class CallAttempted(TypedDict):
    outcome: str  # CallAttempt.Outcome
    callback_at: str  # ISO date and time the candidate asked to be called, or ""


class FollowUp(TypedDict):
    follow_ups: list[str]  # "summary", "talent_pool", "disclosure"
    disclosure_due: NotRequired[str]  # ISO date the written information is promised by


class DisclosureRequested(TypedDict):
    request: int
    via: str  # DisclosureRequest.Via
    due: str  # ISO date


def _disclosure_requested(data: Mapping[str, Any]) -> str:
    due = formats.date_format(dt.date.fromisoformat(data["due"]), "j F Y")
    via = str(DisclosureRequest.Via(data["via"]).label) if data.get("via") else ""
    return gettext(
        "Asked for the written information under diskrimineringslagen 2 kap. 4 § (%(via)s); "
        "promised by %(date)s."
    ) % {"via": via.lower(), "date": due}


class DisclosureSent(TypedDict):
    request: int
    message: int
    channel: str  # "email" or "letter"


class DisclosureAlert(TypedDict):
    request: int
    due: str  # ISO date the written information is promised by
    message: NotRequired[int]  # the staff message to the recruitment's owner, if one was sent


def _disclosure_due_soon(data: Mapping[str, Any]) -> str:
    due = formats.date_format(dt.date.fromisoformat(data["due"]), "j F Y")
    return gettext(
        "The written information is due by %(date)s; the recruitment's owner was reminded."
    ) % {"date": due}


def _disclosure_overdue(data: Mapping[str, Any]) -> str:
    due = formats.date_format(dt.date.fromisoformat(data["due"]), "j F Y")
    return gettext(
        "The written information promised by %(date)s has not been sent; the recruitment's "
        "owner was alerted."
    ) % {"date": due}


class LetterPrinted(TypedDict):
    message: int
    subject: str


def _decided(data: Mapping[str, Any]) -> str:
    results = {
        "hired": gettext("Decision: hired."),
        "reserve": gettext("Decision: reserve."),
        "rejected": gettext("Decision: rejected."),
    }
    channels = {
        "call": gettext("The candidate is told in a feedback call."),
        "email": gettext("The candidate is told in a written rejection."),
        "letter": gettext("The candidate is told in a letter."),
    }
    parts = [results.get(data.get("result", ""), ""), channels.get(data.get("channel", ""), "")]
    if data.get("decisive"):
        parts.append(gettext("Decisive: %(names)s.") % {"names": ", ".join(data["decisive"])})
    if data.get("explanation"):
        parts.append(gettext("Explanation: %(text)s") % {"text": data["explanation"]})
    return " ".join(part for part in parts if part)


def _call_attempted(data: Mapping[str, Any]) -> str:
    outcome = data.get("outcome")
    label = CallAttempt.Outcome(outcome).label if outcome in CallAttempt.Outcome.values else ""
    return gettext("Feedback call: %(outcome)s.") % {"outcome": label}


def _follow_up(data: Mapping[str, Any]) -> str:
    names = {
        "summary": gettext("a written summary"),
        "talent_pool": gettext("news of future jobs"),
        "disclosure": gettext(
            "written information on the merits of the person chosen "
            "(diskrimineringslagen 2 kap. 4 §)"
        ),
    }
    wanted = [names[name] for name in data.get("follow_ups", []) if name in names]
    text = gettext("After the call the candidate asked for: %(items)s.") % {
        "items": ", ".join(wanted)
    }
    if data.get("disclosure_due"):
        due = formats.date_format(dt.date.fromisoformat(data["disclosure_due"]), "j F Y")
        text += " " + gettext("The written information is promised by %(date)s.") % {"date": due}
    return text


DECIDED = event_kind(
    "decided",
    label=_("Decision"),
    schema=Decided,
    example={
        "result": "rejected",
        "channel": "call",
        "decisive": ["Truckkort A+B"],
        "explanation": "Den vi valde hade längre erfarenhet av truckkörning.",
    },
    summary=_decided,
)
CALL_ATTEMPTED = event_kind(
    "call_attempted",
    label=_("Feedback call"),
    schema=CallAttempted,
    example={"outcome": "reached", "callback_at": ""},
    summary=_call_attempted,
)
FOLLOW_UP = event_kind(
    "follow_up",
    label=_("Follow-up requested"),
    schema=FollowUp,
    example={"follow_ups": ["summary", "disclosure"]},
    summary=_follow_up,
)
LETTER_PRINTED = event_kind(
    "letter_printed",
    label=_("Letter printed"),
    schema=LetterPrinted,
    example={"message": 1, "subject": "Besked om din ansökan"},
)
DISCLOSURE_REQUESTED = event_kind(
    "disclosure_requested",
    label=_("Written information requested"),
    schema=DisclosureRequested,
    example={"request": 1, "via": "portal", "due": "2026-12-18"},
    summary=_disclosure_requested,
)
DISCLOSURE_SENT = event_kind(
    "disclosure_sent",
    label=_("Written information sent"),
    schema=DisclosureSent,
    example={"request": 1, "message": 2, "channel": "email"},
)
DISCLOSURE_DUE_SOON = event_kind(
    "disclosure_due_soon",
    label=_("Written information due soon"),
    schema=DisclosureAlert,
    example={"request": 1, "due": "2026-12-18", "message": 3},
    summary=_disclosure_due_soon,
)
DISCLOSURE_OVERDUE = event_kind(
    "disclosure_overdue",
    label=_("Written information overdue"),
    schema=DisclosureAlert,
    example={"request": 1, "due": "2026-12-18", "message": 4},
    summary=_disclosure_overdue,
)
