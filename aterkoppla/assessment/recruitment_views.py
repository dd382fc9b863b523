"""A recruitment's assessment pages: the fast screening table and the comparison matrix."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application, Document
from aterkoppla.assessment.forms_table import Action, ScreeningRowForm, TablePageForm
from aterkoppla.assessment.matrix import comparison_matrix, sort_rows
from aterkoppla.assessment.models import SCORE_LABELS
from aterkoppla.assessment.services import screening_record
from aterkoppla.recruitment.models import Criterion, Recruitment
from aterkoppla.recruitment.selectors import Access, recruitment_get_for_user

if TYPE_CHECKING:
    from aterkoppla.accounts.http import AuthenticatedHttpRequest

Stage = Application.Stage
TABLE_STAGES = (Stage.RECEIVED, Stage.SCREENING)
PAGE_SIZE = 50


def _get_recruitment_to_assess(
    request: AuthenticatedHttpRequest, pk: int
) -> tuple[Recruitment, Access]:
    """The recruitment for a team member who may move applications on; 403 for others."""
    recruitment, access = recruitment_get_for_user(request.user, pk)
    if not access.can_move:
        raise PermissionDenied
    return recruitment, access


# The fast screening table ------------------------------------------------------------------


@dataclass
class TableRow:
    application: Application
    form: ScreeningRowForm

    @property
    def cv(self) -> Document | None:
        # Documents are prefetched: pick in Python, not with another query.
        documents = self.application.documents.all()
        return next((d for d in documents if d.kind == Document.Kind.CV), None)


def _table_applications(recruitment: Recruitment) -> QuerySet[Application]:
    return (
        recruitment.applications.select_related("candidate")
        .prefetch_related("documents", "screenings")
        .order_by("received_at", "pk")
    )


def _musts(recruitment: Recruitment) -> list[Criterion]:
    return list(Criterion.objects.filter(recruitment=recruitment, kind=Criterion.Kind.MUST))


def _table_page(recruitment: Recruitment, number: str | None) -> Page:
    waiting = _table_applications(recruitment).filter(stage__in=TABLE_STAGES)
    return Paginator(waiting, PAGE_SIZE).get_page(number)


def _summary(counts: Counter[str]) -> str:
    parts = []
    if counts["screened"]:
        n = counts["screened"]
        parts.append(ngettext("%(n)s screened", "%(n)s screened", n) % {"n": n})
    if counts[Action.SCREENING]:
        n = counts[Action.SCREENING]
        parts.append(ngettext("%(n)s moved to screening", "%(n)s moved to screening", n) % {"n": n})
    if counts[Action.INTERVIEW]:
        n = counts[Action.INTERVIEW]
        parts.append(ngettext("%(n)s moved to interview", "%(n)s moved to interview", n) % {"n": n})
    if counts[Action.REJECT]:
        n = counts[Action.REJECT]
        parts.append(
            ngettext("%(n)s marked for rejection", "%(n)s marked for rejection", n) % {"n": n}
        )
    if counts[Action.UNMARK]:
        n = counts[Action.UNMARK]
        parts.append(
            ngettext(
                "%(n)s no longer marked for rejection", "%(n)s no longer marked for rejection", n
            )
            % {"n": n}
        )
    if not parts:
        return _("Nothing was changed.")
    return ", ".join(parts) + "."


def _save_rows(rows: list[TableRow], *, by: User, reply_by: dt.date | None) -> Counter[str] | None:
    """Record every changed row, or none of them: the counts, or None after an error."""
    counts: Counter[str] = Counter()
    failed = False
    with transaction.atomic():
        for row in rows:
            change = row.form.change()
            if change is None:
                continue
            try:
                screening_record(
                    application=row.application,
                    by=by,
                    results=change.results,
                    advance_to=change.advance_to,
                    reply_by=reply_by if change.advance_to else None,
                    mark_for_rejection=change.mark_for_rejection,
                )
            except ValidationError as exc:
                row.form.add_error(None, exc.messages)
                failed = True
                continue
            if change.results:
                counts["screened"] += 1
            if change.advance_to and change.advance_to != row.application.stage:
                counts[change.advance_to] += 1
            if change.mark_for_rejection is True:
                counts[Action.REJECT] += 1
            elif change.mark_for_rejection is False:
                counts[Action.UNMARK] += 1
        if failed:
            # One row's error leaves the whole page unwritten, messages to candidates included.
            transaction.set_rollback(True)
    return None if failed else counts


@login_required
@require_http_methods(["GET", "POST"])
def screening_table(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Screen a whole recruitment against its musts, one keyboard-friendly row per application."""
    recruitment, access = _get_recruitment_to_assess(request, pk)
    musts = _musts(recruitment)
    number = request.GET.get("page")
    page = _table_page(recruitment, number)
    if request.method == "POST":
        page_form = TablePageForm(request.POST)
        ids = [int(v) for v in request.POST.getlist("row") if v.isdigit()]
        posted = _table_applications(recruitment).filter(pk__in=ids)
        rows = [
            TableRow(a, ScreeningRowForm(request.POST, application=a, criteria=musts))
            for a in posted
        ]
        valid = [page_form.is_valid(), *(row.form.is_valid() for row in rows)]
        if all(valid):
            counts = _save_rows(
                rows,
                by=request.user,
                reply_by=page_form.cleaned_data["reply_by"],
            )
            if counts is not None:
                messages.success(request, _summary(counts))
                url = reverse("assessment:screening_table", args=[recruitment.pk])
                if number:
                    url += "?" + urlencode({"page": number})
                return redirect(url)
        status = 400
    else:
        page_form = TablePageForm()
        rows = [
            TableRow(a, ScreeningRowForm(application=a, criteria=musts)) for a in page.object_list
        ]
        status = 200
    context = {
        "recruitment": recruitment,
        "access": access,
        "tab": "screening",
        "musts": musts,
        "page_obj": page,
        "rows": rows,
        "page_form": page_form,
        "failed_rows": [row for row in rows if row.form.errors],
    }
    return render(request, "assessment/screening_table.html", context, status=status)


# The comparison matrix ---------------------------------------------------------------------

FIXED_COLUMNS = {"name": _lazy("Candidate"), "musts": _lazy("Musts met"), "total": _lazy("Total")}
# Names sort A→Ö first; numbers highest first.
ASCENDING_FIRST = {"name"}


def _sort_link(key: str, current: str, descending: bool) -> dict[str, str]:
    if key == current:
        target = key if descending else f"-{key}"
    else:
        target = key if key in ASCENDING_FIRST else f"-{key}"
    return {
        "url": "?" + urlencode({"sort": target}),
        "aria_sort": ("descending" if descending else "ascending") if key == current else "",
    }


@login_required
def comparison(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Interviewed candidates side by side against the profile, ready to print."""
    recruitment, access = _get_recruitment_to_assess(request, pk)
    matrix = comparison_matrix(recruitment=recruitment, viewer=request.user)
    sort = request.GET.get("sort", "-total")
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in matrix.sort_keys:
        key, descending = "total", True
    rows = sort_rows(matrix.rows, key, descending=descending)
    headers = {k: _sort_link(k, key, descending) for k in matrix.sort_keys}
    context = {
        "recruitment": recruitment,
        "access": access,
        "tab": "comparison",
        "columns": [{"column": column, **headers[column.key]} for column in matrix.columns],
        "fixed": {k: {"label": label, **headers[k]} for k, label in FIXED_COLUMNS.items()},
        "rows": rows,
        "musts_total": sum(1 for column in matrix.columns if column.is_must),
        "score_labels": list(SCORE_LABELS.values()),
        "sort": key,
        "descending": descending,
    }
    return render(request, "assessment/comparison.html", context)
