"""``/privacy/``: the candidate's data exported (GDPR art. 15) and erased (art. 17) by staff on
their behalf."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from aterkoppla.applications.models import Application
from aterkoppla.privacy.export import (
    PdfUnavailable,
    candidate_export,
    candidate_export_record,
)
from aterkoppla.privacy.forms import ErasureForm
from aterkoppla.privacy.responses import export_json_response, export_pdf_response
from aterkoppla.privacy.selectors import application_to_export
from aterkoppla.privacy.services import erasure_preview, erasure_request, erasure_scheduled
from aterkoppla.recruitment.models import Language

if TYPE_CHECKING:
    from aterkoppla.accounts.http import AuthenticatedHttpRequest


def _language(request: AuthenticatedHttpRequest, application: Application) -> str:
    """The candidate's language unless the page asks for the other one."""
    asked = request.GET.get("language", "")
    return asked if asked in Language.values else application.candidate.language


@login_required
@require_safe
def export_page(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = application_to_export(request.user, pk)
    candidate = application.candidate
    export = candidate_export(candidate, language=_language(request, application))
    other = Language.EN if export["language"] == Language.SV else Language.SV
    response = render(
        request,
        "privacy/export.html",
        {
            "application": application,
            "recruitment": application.recruitment,
            "candidate": candidate,
            "export": export,
            "export_language_label": Language(export["language"]).label,
            "other_language": other.value,
            "other_language_label": other.label,
        },
    )
    candidate_export_record(candidate=candidate, by=request.user, export_format="page")
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_safe
def export_file(request: AuthenticatedHttpRequest, pk: int, export_format: str) -> HttpResponse:
    application = application_to_export(request.user, pk)
    candidate = application.candidate
    export = candidate_export(candidate, language=_language(request, application))
    if export_format == "pdf":
        try:
            response = export_pdf_response(export)
        except PdfUnavailable:
            messages.error(request, _("The PDF cannot be made on this server (Pango is missing)."))
            return redirect("privacy:export", pk=application.pk)
    else:
        response = export_json_response(export)
    candidate_export_record(candidate=candidate, by=request.user, export_format=export_format)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def erasure(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Staff make an erasure request on the candidate's behalf (GDPR art. 17): what it would
    do first, then the request, with how it reached them."""
    application = application_to_export(request.user, pk)
    candidate = application.candidate
    scheduled = erasure_scheduled(candidate)
    form = ErasureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and scheduled is None and form.is_valid():
        try:
            outcome = erasure_request(
                candidate=candidate,
                via=form.cleaned_data["via"],
                by=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
            return redirect(application)
        if outcome.erase_on is None:
            messages.success(
                request,
                _("The candidate's data is erased. Tell them so, if they asked by phone."),
            )
            return redirect("applications:pipeline", application.recruitment_id)
        notice = _(
            "The erasure is recorded. The candidate's data is erased on %(date)s, when a "
            "decision can no longer be challenged; the candidate is told the date."
        ) % {"date": formats.date_format(outcome.erase_on, "j F Y")}
        messages.success(request, notice)
        return redirect(application)
    response = render(
        request,
        "privacy/erasure.html",
        {
            "application": application,
            "recruitment": application.recruitment,
            "candidate": candidate,
            "preview": erasure_preview(candidate),
            "scheduled": scheduled,
            "form": form,
        },
        status=400 if form.errors or (request.method == "POST" and scheduled) else 200,
    )
    response["Cache-Control"] = "private, no-store"
    return response
