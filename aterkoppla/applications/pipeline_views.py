"""The pipeline: the recruitments with their applications, and one recruitment's applications.

These pages show the applications of recruitments, so they are this app's, not the
recruitment app's (which holds the job itself: its posting, profile and team).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.db.models import Case, Count, F, IntegerField, Q, When
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _lazy

from aterkoppla.applications.models import Application
from aterkoppla.applications.selectors import applications_visible
from aterkoppla.recruitment.models import Recruitment
from aterkoppla.recruitment.selectors import recruitment_get_for_user, recruitments_for_user

if TYPE_CHECKING:
    from aterkoppla.accounts.http import AuthenticatedHttpRequest

Stage = Application.Stage


@login_required
def recruitments(request: AuthenticatedHttpRequest) -> HttpResponse:
    open_stages = list(Application.OPEN_STAGES)
    listed = (
        recruitments_for_user(request.user)
        .select_related("owner")
        .annotate(
            n_applications=Count("applications", distinct=True),
            n_open=Count(
                "applications", filter=Q(applications__stage__in=open_stages), distinct=True
            ),
        )
        .order_by(
            Case(
                When(status=Recruitment.Status.OPEN, then=0),
                When(status=Recruitment.Status.CLOSED, then=1),
                When(status=Recruitment.Status.DRAFT, then=2),
                When(status=Recruitment.Status.DECIDED, then=3),
                default=4,
                output_field=IntegerField(),
            ),
            "application_deadline",
            "-created_at",
        )
    )
    return render(request, "applications/recruitments.html", {"recruitments": listed})


SORTS = {
    "name": ("candidate__last_name", "candidate__first_name", "id"),
    "stage": ("stage_order", "reply_by", "id"),
    "received": ("received_at", "id"),
    # Open applications by promised date; answered ones after them.
    "reply_by": ("is_closed", "reply_by", "received_at", "id"),
    # Longest waiting first: the earliest received of the open applications.
    "waiting": ("is_closed", "received_at", "id"),
}


def _stage_order() -> Case:
    return Case(
        *(When(stage=stage, then=index) for index, stage in enumerate(Stage)),
        output_field=IntegerField(),
    )


COLUMNS = (
    ("name", _lazy("Candidate")),
    ("stage", _lazy("Stage")),
    ("received", _lazy("Received")),
    ("reply_by", _lazy("Answer promised by")),
    ("waiting", _lazy("Days waiting")),
)


def _sort_columns(key: str, descending: bool, stage_filter: str) -> list[dict[str, object]]:
    """Header cells for the applications table: a link that sorts, and the current aria-sort."""
    columns = []
    for column, label in COLUMNS:
        current = column == key
        query = {"sort": f"-{column}" if current and not descending else column}
        if stage_filter:
            query["stage"] = stage_filter
        columns.append(
            {
                "label": label,
                "url": "?" + urlencode(query),
                "aria_sort": ("descending" if descending else "ascending") if current else "",
            }
        )
    return columns


@login_required
def pipeline(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    recruitment, access = recruitment_get_for_user(request.user, pk)
    sort = request.GET.get("sort", "reply_by")
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in SORTS:
        key, descending = "reply_by", False
    stage_filter = request.GET.get("stage", "")
    if stage_filter not in Stage.values:
        stage_filter = ""

    visible = applications_visible(recruitment.applications.all(), user=request.user, access=access)
    applications = (
        visible.select_related("candidate")
        .annotate(
            stage_order=_stage_order(),
            # A rejection owed a call is told when the call is made: until then, its day.
            call_due=F("call_task__due"),
            is_closed=Case(
                When(stage__in=list(Application.CLOSED_STAGES), then=1),
                default=0,
                output_field=IntegerField(),
            ),
        )
        .order_by(*(f"-{f}" if descending else f for f in SORTS[key]))
    )
    if stage_filter:
        applications = applications.filter(stage=stage_filter)
    counts = dict(
        Application.objects.filter(pk__in=visible.values("pk"))
        .values_list("stage")
        .annotate(n=Count("id"))
        .order_by()
    )
    stage_counts = [(stage, label, counts.get(stage, 0)) for stage, label in Stage.choices]
    context = {
        "recruitment": recruitment,
        "access": access,
        "tab": "applications",
        "criteria": list(recruitment.criteria.all()),
        "applications": applications,
        "columns": _sort_columns(key, descending, stage_filter),
        "stage_counts": stage_counts,
        "total": sum(counts.values()),
        "sort": key,
        "descending": descending,
        "stage_filter": stage_filter,
    }
    return render(request, "applications/pipeline.html", context)
