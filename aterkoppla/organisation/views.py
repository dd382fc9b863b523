from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from aterkoppla.accounts.access import require_site_admin
from aterkoppla.organisation.forms import OrganisationForm
from aterkoppla.organisation.models import Organisation
from aterkoppla.organisation.privacy import default_privacy_notice
from aterkoppla.organisation.services import organisation_contact_missing, organisation_update

if TYPE_CHECKING:
    from aterkoppla.accounts.http import AuthenticatedHttpRequest


def _saved_message(organisation: Organisation, *, was_missing: bool) -> str:
    if was_missing and not organisation_contact_missing(organisation):
        return _(
            "The settings were saved. The contact details are complete: messages that were "
            "waiting for them are sent within a minute."
        )
    return _("The settings were saved.")


@login_required
@require_http_methods(["GET", "POST"])
def settings_edit(request: AuthenticatedHttpRequest) -> HttpResponse:
    require_site_admin(request)
    organisation = Organisation.current()
    was_missing = organisation_contact_missing(organisation)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.Meta.fields}
        saved, _organisation = form.language_save(
            request,
            lambda: organisation_update(
                organisation=organisation,
                by=request.user,
                language_override_reason=form.language_override_reason,
                **changes,
            ),
            success=lambda saved: _saved_message(saved, was_missing=bool(was_missing)),
        )
        if saved:
            return redirect("organisation:settings")
    context = {
        "form": form,
        "nav": "settings",
        "contact_missing": organisation_contact_missing() if form.errors else was_missing,
        "default_sv": default_privacy_notice(organisation, "sv"),
        "default_en": default_privacy_notice(organisation, "en"),
    }
    return render(
        request, "organisation/settings.html", context, status=400 if form.errors else 200
    )
