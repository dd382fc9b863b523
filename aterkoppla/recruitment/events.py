"""The timeline events of a recruitment's requirement profile.

A change of the profile is recorded once, on the recruitment, and shows on the timeline of
every application that was open at the time (``aterkoppla.timeline.selectors``).
"""

# No "from __future__ import annotations": TypedDict must see NotRequired[...] itself.

from collections.abc import Mapping
from typing import Any, NotRequired, TypedDict

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

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
