"""The timeline events of retention, erasure and the data export (GDPR art. 15 and 17)."""

# No "from __future__ import annotations": TypedDict must see NotRequired[...] itself.

from collections.abc import Mapping
from typing import Any, TypedDict

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aterkoppla.timeline.registry import event_kind


class Anonymised(TypedDict):
    cause: str  # "retention" or "erasure"
    kept: str  # "profile" (a talent-pool consent keeps it) or "nothing"


def _anonymised(data: Mapping[str, Any]) -> str:
    if data["kept"] == "profile":
        text = gettext(
            "Notes, messages and assessments' words removed; the profile (name, contact "
            "details, merits and CV) is kept while the talent-pool consent is valid."
        )
    else:
        text = gettext(
            "Anonymised: name, contact details, documents, merits, notes and messages "
            "removed. Stage times, outcome, channel and scores are kept."
        )
    cause = {
        "retention": gettext("The retention period ran out."),
        "erasure": gettext("The candidate asked for erasure."),
    }[data["cause"]]
    return f"{text} {cause}"


ANONYMISED = event_kind(
    "anonymised",
    label=_("Anonymised"),
    schema=Anonymised,
    example={"cause": "retention", "kept": "nothing"},
    summary=_anonymised,
)


class ErasureRequested(TypedDict):
    request: int
    via: str  # ErasureRequest.Via
    erase_on: str  # ISO date, or "" when everything was erased at once


def _erasure_requested(data: Mapping[str, Any]) -> str:
    if not data["erase_on"]:
        return gettext("The candidate asked for erasure; it was done at once.")
    return gettext(
        "The candidate asked for erasure. This application is kept until %(date)s, while a "
        "decision can be challenged, and then erased."
    ) % {"date": data["erase_on"]}


ERASURE_REQUESTED = event_kind(
    "erasure_requested",
    label=_("Erasure requested"),
    schema=ErasureRequested,
    example={"request": 1, "via": "portal", "erase_on": "2028-12-04"},
    summary=_erasure_requested,
)


class DataExported(TypedDict):
    by: str  # "candidate" (through their private link) or "staff" (on their behalf)
    format: str  # "page", "json" or "pdf"


def _exported(data: Mapping[str, Any]) -> str:
    by_candidate = data.get("by") == "candidate"
    texts = {
        ("page", True): gettext("The candidate looked at a copy of their data on their page"),
        ("json", True): gettext("The candidate downloaded a copy of their data as a JSON file"),
        ("pdf", True): gettext("The candidate downloaded a copy of their data as a PDF"),
        ("page", False): gettext("A copy of the candidate's data was shown on screen"),
        ("json", False): gettext("A copy of the candidate's data was made as a JSON file"),
        ("pdf", False): gettext("A copy of the candidate's data was made as a PDF"),
    }
    text = texts.get((data.get("format", ""), by_candidate), str(DATA_EXPORTED_LABEL))
    return gettext("%(what)s (GDPR art. 15).") % {"what": text}


DATA_EXPORTED_LABEL = _("Data exported")
DATA_EXPORTED = event_kind(
    "data_exported",
    label=DATA_EXPORTED_LABEL,
    schema=DataExported,
    example={"by": "candidate", "format": "pdf"},
    summary=_exported,
)
