from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from aterkoppla.organisation.forms import OrganisationForm
from aterkoppla.organisation.models import Organisation
from aterkoppla.organisation.privacy import default_privacy_notice


def require_site_admin(request: HttpRequest) -> None:
    if not request.user.is_site_admin:
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def settings_edit(request: HttpRequest) -> HttpResponse:
    require_site_admin(request)
    organisation = Organisation.current()
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            form.language_record(by=request.user, subject=organisation.name)
        messages.success(request, _("The settings were saved."))
        form.language_advise(request)
        return redirect("organisation:settings")
    context = {
        "form": form,
        "nav": "settings",
        "default_sv": default_privacy_notice(organisation, "sv"),
        "default_en": default_privacy_notice(organisation, "en"),
    }
    return render(
        request, "organisation/settings.html", context, status=400 if form.errors else 200
    )
