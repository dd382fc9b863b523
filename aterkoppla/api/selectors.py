"""Reads for the API's answers."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application
from aterkoppla.applications.selectors import applications_visible
from aterkoppla.recruitment.models import Recruitment
from aterkoppla.recruitment.selectors import Access

# Where a route has counted only what the caller may see (an interviewer): the schema's
# resolver reads it from the recruitment it is given.
VISIBLE_COUNTS = "_visible_stage_counts"


def stage_counts(
    recruitment: Recruitment, applications: QuerySet[Application] | None = None
) -> dict[str, int]:
    """Applications per stage, with every stage present (0 where there are none); of
    ``applications`` when given (those the caller may see), else of the whole recruitment."""
    if VISIBLE_COUNTS in recruitment.__dict__:
        return dict(recruitment.__dict__[VISIBLE_COUNTS])
    counts = dict.fromkeys(Application.Stage.values, 0)
    if applications is None:
        applications = Application.objects.all()
    rows = (
        applications.filter(recruitment=recruitment)
        .order_by()  # the default ordering would split the groups
        .values_list("stage")
        .annotate(n=Count("id"))
    )
    counts.update(dict(rows))
    return counts


def count_visible_stages(recruitment: Recruitment, *, user: User, access: Access) -> None:
    """Count the stages of only the applications ``user`` may see (an interviewer: those of
    the interviews they are on, as on the pipeline page), for the answer about
    ``recruitment``."""
    if not access.interviews_only:
        return
    visible = applications_visible(Application.objects.all(), user=user, access=access)
    counts = stage_counts(recruitment, Application.objects.filter(pk__in=visible.values("pk")))
    recruitment.__dict__[VISIBLE_COUNTS] = counts


def recruitments_with_criteria() -> QuerySet[Recruitment]:
    return Recruitment.objects.prefetch_related("criteria")
