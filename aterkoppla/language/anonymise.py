"""Retention for the language gate's records: an override tied to an application keeps when,
where, the policy and the categories found; the text it was about and the reason go."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models

from aterkoppla.language.models import LanguageOverride


def overrides_anonymise(application_ids: Iterable[int]) -> int:
    """Remove the words of the overrides of these applications. Overrides are evidence and
    their queryset refuses updates; this is the one exception, for retention and erasure."""
    rows = list(LanguageOverride.objects.filter(application_id__in=list(application_ids)))
    for row in rows:
        row.subject, row.reason = "", ""
        row.findings = [{"category": finding.get("category", "")} for finding in row.findings]
        models.Model.save(row, update_fields=["subject", "reason", "findings"])
    return len(rows)
