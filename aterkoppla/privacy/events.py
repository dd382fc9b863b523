"""The timeline event of the candidate's data export (GDPR art. 15)."""

# No "from __future__ import annotations": TypedDict must see its annotations itself.

from collections.abc import Mapping
from typing import Any, TypedDict

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aterkoppla.timeline.registry import event_kind


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
