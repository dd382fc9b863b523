"""The upload page for importing applications from a CSV file, and its example file.

Importing adds applications, so it is managing the recruitment: owners and recruiters (and
site admins) may; hiring managers and interviewers get 403, people off the team 404.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from aterkoppla.applications import importing
from aterkoppla.core.forms import add_service_errors
from aterkoppla.recruitment.selectors import recruitment_get_for_user

if TYPE_CHECKING:
    from aterkoppla.accounts.http import AuthenticatedHttpRequest

MAX_MB = 5
MAX_BYTES = MAX_MB * 1024 * 1024
# Each row goes through application_receive (a dozen queries); a few thousand rows take longer
# than a web request may, and would hold the database's write lock all that time. Larger lists
# are split, or imported with `aterkoppla import-csv`, which has no such limit.
MAX_ROWS = 2000


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        # An empty file gets the importer's own plain message instead of Django's.
        allow_empty_file=True,
        widget=forms.FileInput(attrs={"accept": ".csv,.txt,text/csv,text/plain"}),
        help_text=_("At most 5 MB. Save the list from Excel as “CSV UTF-8” or “CSV”."),
    )
    skip_bad = forms.BooleanField(
        label=_("Skip rows with problems"),
        required=False,
        help_text=_(
            "Import the other rows and list the ones with problems. Without this, nothing is "
            "imported while any row has a problem."
        ),
    )
    no_ack = forms.BooleanField(
        label=_("Do not send acknowledgements"),
        required=False,
        help_text=_("For candidates who already got one, for example from another system."),
    )

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(
                _("The file is larger than %(max)s MB. Split the list into smaller files."),
                params={"max": MAX_MB},
            )
        return upload


@login_required
@require_http_methods(["GET", "POST"])
def application_import(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    recruitment, access = recruitment_get_for_user(request.user, pk, manage=True)
    # Not `request.POST or None`: a post with only the file has an empty POST.
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = importing.applications_import(
                recruitment=recruitment,
                data=data["file"].read(),
                by=request.user,
                skip_bad=data["skip_bad"],
                acknowledge=not data["no_ack"],
                max_rows=MAX_ROWS,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
    context = {
        "recruitment": recruitment,
        "access": access,
        "form": form,
        "result": result,
        "columns": importing.COLUMNS,
    }
    return render(request, "applications/import.html", context)


@login_required
@require_GET
def application_import_example(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    recruitment_get_for_user(request.user, pk, manage=True)
    response = HttpResponse(importing.example_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ansokningar-exempel.csv"'
    return response
