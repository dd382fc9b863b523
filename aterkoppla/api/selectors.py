"""Reads for the API's answers."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from aterkoppla.applications.models import Application
from aterkoppla.recruitment.models import Recruitment


def stage_counts(recruitment: Recruitment) -> dict[str, int]:
    """Applications per stage, with every stage present (0 where there are none)."""
    counts = dict.fromkeys(Application.Stage.values, 0)
    rows = (
        Application.objects.filter(recruitment=recruitment)
        .order_by()  # the default ordering would split the groups
        .values_list("stage")
        .annotate(n=Count("id"))
    )
    counts.update(dict(rows))
    return counts


def recruitments_with_criteria() -> QuerySet[Recruitment]:
    return Recruitment.objects.prefetch_related("criteria")
