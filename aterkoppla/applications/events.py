"""The timeline events of applications: arrival, stage changes and promises (P1, P2)."""

# No "from __future__ import annotations": TypedDict must see NotRequired[...] itself.

import datetime as dt
from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict

from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aterkoppla.applications.models import Application
from aterkoppla.timeline.registry import event_kind


class Received(TypedDict):
    source: str  # Application.Source
    reply_by: str  # ISO date promised in the acknowledgement
    acknowledge: NotRequired[bool]  # False: acknowledged elsewhere (an import); none is sent


# "from" is a Python keyword: the functional form.
StageChanged = TypedDict(
    "StageChanged",
    {"from": str, "to": str, "reply_by": NotRequired[str]},  # reply_by: while still open
)


class PromisePostponed(TypedDict):
    reply_by: str  # the new date
    previous_reply_by: str | None
    automatic: NotRequired[int]  # the number of the automatic update (the sweep)
    message: NotRequired[int | None]  # the message that told the candidate


class PromiseEscalated(TypedDict):
    reply_by: str  # the broken date
    reason: str  # "policy", "max_updates" or "no_email"


def _received(data: Mapping[str, Any]) -> str:
    source = Application.Source(data["source"]).label
    return gettext("Application received (%(source)s).") % {"source": source}


def _stage_changed(data: Mapping[str, Any]) -> str:
    return gettext("Moved from “%(from)s” to “%(to)s”.") % {
        "from": Application.Stage(data["from"]).label,
        "to": Application.Stage(data["to"]).label,
    }


RECEIVED = event_kind(
    "received",
    label=_("Application received"),
    schema=Received,
    example={"source": "form", "reply_by": "2026-12-18"},
    summary=_received,
)
STAGE_CHANGED = event_kind(
    "stage_changed",
    label=_("Stage changed"),
    schema=StageChanged,
    example={"from": "received", "to": "screening", "reply_by": "2026-12-18"},
    summary=_stage_changed,
)
PROMISE_POSTPONED = event_kind(
    "promise_postponed",
    label=_("Answer date postponed"),
    schema=PromisePostponed,
    example={"reply_by": "2026-12-23", "previous_reply_by": "2026-12-16", "automatic": 1},
)
PROMISE_ESCALATED = event_kind(
    "promise_escalated",
    label=_("Broken promise escalated"),
    schema=PromiseEscalated,
    example={"reply_by": "2026-12-16", "reason": "max_updates"},
)


# The talent pool (GDPR art. 6.1 a, art. 7): the candidate's own consent and its withdrawal,
# on each of the candidate's applications.


class TalentPoolJoined(TypedDict):
    consent: int  # TalentPoolConsent
    expires_at: str  # ISO date and time the consent runs out
    scope: str  # the kinds of jobs the candidate wants to hear about ("" for any)
    via: str  # TalentPoolConsent.Via


class TalentPoolLeft(TypedDict):
    consent: int  # TalentPoolConsent
    via: str  # TalentPoolConsent.Via


def _talent_pool_joined(data: Mapping[str, Any]) -> str:
    until = formats.date_format(
        timezone.localtime(dt.datetime.fromisoformat(data["expires_at"])), "j F Y"
    )
    return gettext("The candidate joined the talent pool, until %(date)s.") % {"date": until}


def _talent_pool_left(data: Mapping[str, Any]) -> str:
    return gettext("The candidate left the talent pool.")


TALENT_POOL_JOINED = event_kind(
    "talent_pool_joined",
    label=_("Joined the talent pool"),
    schema=TalentPoolJoined,
    example={
        "consent": 1,
        "expires_at": "2027-12-16T10:00:00+01:00",
        "scope": "Lager och logistik",
        "via": "portal",
    },
    summary=_talent_pool_joined,
)
TALENT_POOL_LEFT = event_kind(
    "talent_pool_left",
    label=_("Left the talent pool"),
    schema=TalentPoolLeft,
    example={"consent": 1, "via": "portal"},
    summary=_talent_pool_left,
)
