"""The candidate-experience figures for staff: a page with charts and a table, and a CSV."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from aterkoppla.experience.charts import score_chart, share_chart
from aterkoppla.experience.forms import MetricsFilterForm, default_period
from aterkoppla.experience.metrics import (
    MIN_GROUP_SIZE,
    Channel,
    Figures,
    Outcome,
    Ratings,
    Report,
    metrics_report,
    recruitments_measured_by,
)

if TYPE_CHECKING:
    from aterkoppla.accounts.http import AuthenticatedHttpRequest


def _filtered(request: AuthenticatedHttpRequest) -> tuple[MetricsFilterForm, Report | None]:
    recruitments = recruitments_measured_by(request.user)
    data = request.GET if request.GET else default_period(timezone.localdate())
    form = MetricsFilterForm(data, recruitments=recruitments)
    if not form.is_valid():
        return form, None
    chosen = form.cleaned_data.get("recruitment")
    measured = [chosen] if chosen else list(recruitments.order_by("-created_at", "-pk"))
    return form, metrics_report(recruitments=measured, period=form.period())


# The survey's answers by how the final answer was given.
CHANNEL_GROUPS = {
    Channel.CALL: gettext_lazy("Not chosen, told by phone"),
    Channel.WRITTEN: gettext_lazy("Not chosen, told in writing"),
}


def _survey_groups(figures: Figures) -> list[tuple[str, Ratings]]:
    """The survey's answers: all of them, by channel, by outcome (groups with answers)."""
    groups = [(_("All answers"), figures.ratings)]
    for channel in Channel:
        if figures.by_channel.get(channel):
            groups.append((str(CHANNEL_GROUPS[channel]), figures.by_channel[channel]))
    for outcome in Outcome:
        if figures.by_outcome.get(outcome):
            groups.append((str(outcome.label), figures.by_outcome[outcome]))
    return groups


def _charts(report: Report) -> list[Any]:
    rows = report.rows()
    several = len(rows) > 1
    label_all = _("All recruitments")

    def shares(attribute: str) -> list[tuple[str, float | None]]:
        found = [(r.title, getattr(f, attribute)) for r, f in rows]
        if several:
            found.insert(0, (label_all, getattr(report.total, attribute)))
        return found

    total = report.total
    return [
        share_chart(
            _("Promises kept (an answer or a new date by the date promised)"),
            shares("promises_kept"),
        ),
        share_chart(_("Acknowledged within one hour"), shares("acknowledged_within_1h")),
        share_chart(
            _(
                "Interviewed and not chosen: told by phone "
                "(the rest in writing after unanswered calls)"
            ),
            shares("interviewed_rejections_called"),
        ),
        score_chart(
            _("How those not chosen rated us (cNPS): a call against a written answer"),
            [
                (
                    _group_label(CHANNEL_GROUPS[channel], total.by_channel.get(channel)),
                    _cnps(total.by_channel.get(channel)),
                )
                for channel in Channel
            ],
        ),
    ]


def _cnps(ratings: Ratings | None) -> int | None:
    return ratings.cnps if ratings else None


def _group_label(label: Any, ratings: Ratings | None) -> str:
    answers = ratings.answers if ratings else 0
    if answers < MIN_GROUP_SIZE:
        return _("%(group)s (fewer than %(min)s answers)") % {"group": label, "min": MIN_GROUP_SIZE}
    return _("%(group)s (%(n)s answers)") % {"group": label, "n": answers}


@login_required
@require_safe
def metrics_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    form, report = _filtered(request)
    context: dict[str, Any] = {
        "form": form,
        "report": report,
        "nav": "metrics",
        "min_group": MIN_GROUP_SIZE,
    }
    if report is not None:
        context["charts"] = _charts(report)
        context["survey_groups"] = _survey_groups(report.total)
        context["csv_query"] = request.GET.urlencode() or urlencode(
            default_period(timezone.localdate())
        )
    return render(request, "experience/metrics.html", context, status=200 if report else 400)


# The CSV's columns: (header, how the value is read from a row's figures).
CSV_COLUMNS: list[tuple[str, Any]] = [
    ("applications", lambda f: f.applications),
    ("acknowledged_within_1h", lambda f: f.acknowledged_within_1h),
    ("median_hours_to_ack", lambda f: f.median_hours_to_ack),
    ("promises_kept", lambda f: f.promises_kept),
    ("median_days_to_final", lambda f: f.median_days_to_final),
    ("waiting_past_reply_by", lambda f: f.waiting_past_reply_by),
    ("interviewed_rejections_called", lambda f: f.interviewed_rejections_called),
    ("call_attempts_per_reached", lambda f: f.attempts_per_reached),
    ("disclosure_on_time", lambda f: f.disclosure_on_time),
    ("survey_response_rate", lambda f: f.survey_response_rate),
    ("survey_answers", lambda f: f.ratings.answers),
    ("cnps", lambda f: f.cnps),
    ("cnps_call", lambda f: _cnps(f.by_channel.get(Channel.CALL))),
    ("cnps_written", lambda f: _cnps(f.by_channel.get(Channel.WRITTEN))),
    ("cnps_hired", lambda f: _cnps(f.by_outcome.get(Outcome.HIRED))),
    ("cnps_rejected", lambda f: _cnps(f.by_outcome.get(Outcome.REJECTED))),
]


def bad_request(text: str) -> HttpResponse:
    """A file asked for with bad input: the reason, as plain text, with a 400."""
    return HttpResponse(text, status=400, content_type="text/plain; charset=utf-8")


def csv_cell(value: object) -> str:
    """A value for a spreadsheet: empty for None, and text that a spreadsheet would read as
    a formula made inert."""
    if value is None:
        return ""
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


@login_required
@require_safe
def metrics_csv(request: AuthenticatedHttpRequest) -> HttpResponse:
    form, report = _filtered(request)
    if report is None:
        return bad_request(form.errors_text())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    period = report.period
    name = f"kandidatupplevelse-{period.start or 'start'}-{period.end or 'idag'}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response)
    writer.writerow(["recruitment_id", "recruitment", "from", "to"] + [h for h, _f in CSV_COLUMNS])
    bounds = [period.start or "", period.end or ""]
    for recruitment, figures in report.rows():
        writer.writerow(
            [recruitment.pk, csv_cell(recruitment.title), *bounds]
            + [csv_cell(read(figures)) for _h, read in CSV_COLUMNS]
        )
    writer.writerow(
        ["", _("All recruitments"), *bounds]
        + [csv_cell(read(report.total)) for _h, read in CSV_COLUMNS]
    )
    return response
