"""The timeline event of a text kept in spite of the language check (DESIGN §6)."""

# No "from __future__ import annotations": TypedDict must see NotRequired[...] itself.

from collections.abc import Mapping
from typing import Any, TypedDict

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aterkoppla.language.models import Policy, Where
from aterkoppla.timeline.registry import event_kind


class KeptFinding(TypedDict):
    match: str
    category: str
    label: str


class LanguageOverridden(TypedDict):
    where: str  # language.models.Where
    policy: str  # language.models.Policy in force
    reason: str  # the person's reason; empty when the policy only warns
    findings: list[KeptFinding]


def _overridden(data: Mapping[str, Any]) -> str:
    where = Where(data["where"]).label if data.get("where") in Where.values else ""
    matches = ", ".join(f"“{item['match']}”" for item in data.get("findings", []))
    if data.get("policy") == Policy.WARN:
        return gettext(
            "%(where)s kept with language-check findings (%(matches)s): the recruitment's "
            "policy only warns."
        ) % {"where": where, "matches": matches}
    return gettext(
        "%(where)s kept in spite of the language check (%(matches)s). Reason: %(reason)s"
    ) % {"where": where, "matches": matches, "reason": data.get("reason", "")}


LANGUAGE_OVERRIDE = event_kind(
    "language_override",
    label=_("Language check overridden"),
    schema=LanguageOverridden,
    example={
        "where": "call",
        "policy": "block",
        "reason": "Ett krav i tjänsten.",
        "findings": [{"match": "körkort", "category": "disability", "label": "Anteckningar"}],
    },
    summary=_overridden,
)
