"""The report for the yearly review of active measures (diskrimineringslagen 3 kap.): a page,
a CSV and a PDF, with counts only."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from aterkoppla.applications.models import Application
from aterkoppla.core.pdf import PdfUnavailable, pdf_from_html
from aterkoppla.experience.active_measures import (
    STAGE_ORDER,
    ActiveMeasures,
    Answer,
    Measures,
    active_measures,
)
from aterkoppla.experience.forms import ActiveMeasuresForm
from aterkoppla.experience.metrics import recruitments_measured_by
from aterkoppla.experience.views import bad_request, csv_cell
from aterkoppla.language.review import category_label
from aterkoppla.organisation.models import Organisation
from aterkoppla.recruitment.models import Criterion

if TYPE_CHECKING:
    from aterkoppla.accounts.http import AuthenticatedHttpRequest

Stage = Application.Stage


def answer_labels() -> dict[str, str]:
    return {
        Answer.HIRED: _("Hired"),
        Answer.RESERVE: _("Reserve"),
        Answer.CALLED: _("Interviewed, not chosen: told by phone"),
        Answer.CALL_FALLBACK: _("Interviewed, not chosen: in writing after unanswered calls"),
        Answer.CALL_PENDING: _("Interviewed, not chosen: still to be called"),
        Answer.EMAIL: _("Not chosen: told by email"),
        Answer.LETTER: _("Not chosen: told by letter"),
    }


def _report(request: AuthenticatedHttpRequest) -> tuple[ActiveMeasuresForm, ActiveMeasures | None]:
    recruitments = recruitments_measured_by(request.user)
    data = request.GET if request.GET else {"year": str(timezone.localdate().year)}
    form = ActiveMeasuresForm(data, recruitments=recruitments)
    if not form.is_valid():
        return form, None
    chosen = form.cleaned_data.get("recruitment")
    measured = [chosen] if chosen else list(recruitments.order_by("-created_at", "-pk"))
    return form, active_measures(recruitments=measured, year=form.cleaned_data["year"])


def _context(report: ActiveMeasures) -> dict[str, Any]:
    labels = answer_labels()
    return {
        "report": report,
        "stage_labels": [(stage, Stage(stage).label) for stage in STAGE_ORDER],
        "answer_labels": [(key, labels[key]) for key in Answer.ORDER],
        "category_labels": dict(Criterion.Category.choices),
        "finding_rows": _finding_rows(report.total),
        "organisation": Organisation.current(),
        "today": timezone.localdate(),
    }


def _finding_rows(measures: Measures) -> list[tuple[str, int]]:
    return [
        (category_label(category), n)
        for category, n in sorted(measures.findings.items(), key=lambda item: (-item[1], item[0]))
    ]


@login_required
@require_safe
def report_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    form, report = _report(request)
    context: dict[str, Any] = {"form": form, "nav": "metrics"}
    if report is not None:
        context.update(_context(report))
        context["query"] = request.GET.urlencode() or f"year={report.year}"
    return render(
        request, "experience/active_measures.html", context, status=200 if report else 400
    )


@login_required
@require_safe
def report_csv(request: AuthenticatedHttpRequest) -> HttpResponse:
    form, report = _report(request)
    if report is None:
        return bad_request(form.errors_text())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="aktiva-atgarder-{report.year}.csv"'
    writer = csv.writer(response)
    writer.writerow(["section", "recruitment_id", "recruitment", "item", "value"])
    for recruitment, measures in [*report.rows(), (None, report.total)]:
        rid = recruitment.pk if recruitment else ""
        title = csv_cell(recruitment.title) if recruitment else _("All recruitments")
        for section, item, value in _csv_lines(measures, recruitment is None):
            writer.writerow([section, rid, title, csv_cell(item), csv_cell(value)])
    return response


def _csv_lines(measures: Measures, total: bool) -> list[tuple[str, str, object]]:
    lines: list[tuple[str, str, object]] = [("applications", "all", measures.applications)]
    lines += [("stage", stage, measures.stages.get(stage, 0)) for stage in STAGE_ORDER]
    lines.append(("stage", "interviewed", measures.interviewed))
    if not total:
        lines += [
            ("requirement", f"{c.name} ({c.kind}, {c.category}, {c.weight})", "")
            for c in measures.criteria
        ]
    lines += [("answer", key, measures.answers.get(key, 0)) for key in Answer.ORDER]
    figures = measures.figures
    lines += [
        ("time", "median_days_to_final", figures.median_days_to_final),
        ("time", "promises_kept", figures.promises_kept),
        ("time", "acknowledged_within_1h", figures.acknowledged_within_1h),
    ]
    lines += [("language_check", k, n) for k, n in sorted(measures.findings.items())]
    lines += [
        ("disclosure", key, measures.disclosures.get(key, 0))
        for key in ("total", "on_time", "late", "open")
    ]
    return lines


@login_required
@require_safe
def report_pdf(request: AuthenticatedHttpRequest) -> HttpResponse:
    form, report = _report(request)
    if report is None:
        return bad_request(form.errors_text())
    language = translation.get_language() or "sv"
    html = render_to_string(
        "experience/active_measures_pdf.html",
        {**_context(report), "LANGUAGE_CODE": language},
        request=None,
    )
    try:
        pdf = pdf_from_html(html)
    except PdfUnavailable:
        return HttpResponse(
            _("PDFs cannot be made on this server. Download the CSV instead."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="aktiva-atgarder-{report.year}.pdf"'
    return response
