"""The timeline events of a recruitment: its requirement profile and its status.

A change of the profile or of the status is recorded once, on the recruitment, and shows on
the timeline of every application that was open at the time (``aterkoppla.timeline.selectors``).
"""

# No "from __future__ import annotations": TypedDict must see NotRequired[...] itself.

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aterkoppla.recruitment.models import Recruitment
from aterkoppla.timeline.registry import event_kind


class ProfileChanged(TypedDict):
    change: str  # "added", "updated", "removed" or "reordered"
    criterion: str  # the requirement's name
    version: NotRequired[int]  # once the profile is in force: the version the change made
    reason: NotRequired[str]  # once in force: why it changed


def _profile_changed(data: Mapping[str, Any]) -> str:
    templates = {
        "added": gettext("Requirement “%(name)s” added to the profile."),
        "updated": gettext("Requirement “%(name)s” changed."),
        "removed": gettext("Requirement “%(name)s” removed from the profile."),
        "reordered": gettext("Requirement “%(name)s” moved in the profile."),
    }
    text = templates[data["change"]] % {"name": data["criterion"]}
    if "version" in data:
        text += " " + gettext("Profile version %(version)s. Reason: %(reason)s") % {
            "version": data["version"],
            "reason": data.get("reason", ""),
        }
    return text


PROFILE_CHANGED = event_kind(
    "profile_changed",
    label=_("Requirement profile changed"),
    schema=ProfileChanged,
    example={"change": "updated", "criterion": "Truckkort A+B", "version": 2, "reason": "…"},
    summary=_profile_changed,
)


# "from" is a Python keyword: the functional form.
StatusChanged = TypedDict(
    "StatusChanged",
    # Recruitment.Status values; reason: why a decided or completed recruitment went back.
    {"from": str, "to": str, "reason": NotRequired[str]},
)


def _status_changed(data: Mapping[str, Any]) -> str:
    Status = Recruitment.Status
    before, after = data["from"], data["to"]
    if after == Status.OPEN and before == Status.DRAFT:
        text = gettext("The recruitment was published and is open for applications.")
    elif after == Status.OPEN:
        text = gettext("The recruitment was opened for applications again.")
    elif after == Status.CLOSED:
        text = gettext("The recruitment was closed for applications.")
    elif after == Status.DECIDED:
        text = gettext("A decision with a hire: the job is filled and the recruitment decided.")
    else:
        text = gettext("Every applicant has had their final answer: the recruitment is completed.")
    if data.get("reason"):
        text += " " + gettext("Reason: %(reason)s") % {"reason": data["reason"]}
    return text


STATUS_CHANGED = event_kind(
    "recruitment_status",
    label=_("Recruitment status changed"),
    schema=StatusChanged,
    example={"from": "decided", "to": "open", "reason": "Den anställda tackade nej."},
    summary=_status_changed,
)


class HoldSet(TypedDict):
    source: str  # LegalHold.Source
    reason: str


class HoldLifted(TypedDict):
    source: str
    reason: str  # why it was lifted


def _hold_set(data: Mapping[str, Any]) -> str:
    from aterkoppla.recruitment.models import LegalHold

    return gettext("Legal hold set (%(source)s): nothing is anonymised or deleted. %(reason)s") % {
        "source": LegalHold.Source(data["source"]).label,
        "reason": data["reason"],
    }


def _hold_lifted(data: Mapping[str, Any]) -> str:
    from aterkoppla.recruitment.models import LegalHold

    return gettext("Legal hold lifted (%(source)s). Reason: %(reason)s") % {
        "source": LegalHold.Source(data["source"]).label,
        "reason": data["reason"],
    }


HOLD_SET = event_kind(
    "legal_hold_set",
    label=_("Legal hold set"),
    schema=HoldSet,
    example={"source": "disputed", "reason": "DO har begärt yttrande."},
    summary=_hold_set,
    lasting=True,
)
HOLD_LIFTED = event_kind(
    "legal_hold_lifted",
    label=_("Legal hold lifted"),
    schema=HoldLifted,
    example={"source": "disputed", "reason": "Ärendet avslutat utan åtgärd."},
    summary=_hold_lifted,
    lasting=True,
)
