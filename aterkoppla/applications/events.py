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


class TalentPoolRenewalAsked(TypedDict):
    consent: int  # TalentPoolConsent
    expires_at: str  # ISO date and time the consent runs out
    message: int | None  # the message that asked (None: no email address)


class TalentPoolRenewed(TypedDict):
    consent: int  # the new TalentPoolConsent
    renews: int  # the one it replaces (ended at the renewal, ``renewed_at``)
    expires_at: str  # ISO date and time the new consent runs out
    via: str  # TalentPoolConsent.Via


class TalentPoolInvited(TypedDict):
    invitation: int  # TalentPoolInvitation
    recruitment: int  # the job invited to
    job_title: str
    message: int | None  # the invitation sent


def _until(data: Mapping[str, Any]) -> str:
    return formats.date_format(
        timezone.localtime(dt.datetime.fromisoformat(data["expires_at"])), "j F Y"
    )


def _talent_pool_joined(data: Mapping[str, Any]) -> str:
    return gettext("The candidate joined the talent pool, until %(date)s.") % {"date": _until(data)}


def _talent_pool_left(data: Mapping[str, Any]) -> str:
    return gettext("The candidate left the talent pool.")


def _talent_pool_renewal_asked(data: Mapping[str, Any]) -> str:
    return gettext(
        "The candidate was asked to renew their talent pool consent, which ends on %(date)s."
    ) % {"date": _until(data)}


def _talent_pool_renewed(data: Mapping[str, Any]) -> str:
    return gettext("The candidate renewed their talent pool consent, until %(date)s.") % {
        "date": _until(data)
    }


def _talent_pool_invited(data: Mapping[str, Any]) -> str:
    return gettext("Invited from the talent pool to apply for %(job)s.") % {
        "job": data["job_title"]
    }


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
TALENT_POOL_RENEWAL_ASKED = event_kind(
    "talent_pool_renewal_asked",
    label=_("Asked to renew the talent pool consent"),
    schema=TalentPoolRenewalAsked,
    example={"consent": 1, "expires_at": "2027-12-16T10:00:00+01:00", "message": 7},
    summary=_talent_pool_renewal_asked,
)
TALENT_POOL_RENEWED = event_kind(
    "talent_pool_renewed",
    label=_("Renewed the talent pool consent"),
    schema=TalentPoolRenewed,
    example={"consent": 2, "renews": 1, "expires_at": "2028-11-20T10:00:00+01:00", "via": "portal"},
    summary=_talent_pool_renewed,
)
TALENT_POOL_INVITED = event_kind(
    "talent_pool_invited",
    label=_("Invited from the talent pool"),
    schema=TalentPoolInvited,
    example={"invitation": 1, "recruitment": 3, "job_title": "Truckförare", "message": 9},
    summary=_talent_pool_invited,
)
