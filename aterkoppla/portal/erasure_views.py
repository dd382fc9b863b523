"""Erasure from the candidate's page (GDPR art. 17): what would happen, then one confirmation.

What no claim window and no legal hold keeps is erased at once; the rest on the day the last
window ends, the date shown here and sent by email (``aterkoppla.privacy.services``). A link
to any of the person's applications acts for the person.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, translation
from django.utils.translation import gettext

from aterkoppla.applications.models import Application
from aterkoppla.organisation.models import Organisation
from aterkoppla.portal.views import _language, _render_for_candidate, candidate_link
from aterkoppla.privacy.models import ErasureRequest
from aterkoppla.privacy.services import erasure_preview, erasure_request, erasure_scheduled


@candidate_link("GET", "POST")
def erasure(request: HttpRequest, application: Application, token: str) -> HttpResponse:
    candidate = application.candidate
    language = _language(request, candidate)
    scheduled = erasure_scheduled(candidate)
    if request.method == "POST" and scheduled is None:
        with translation.override(language):
            try:
                outcome = erasure_request(candidate=candidate, via=ErasureRequest.Via.PORTAL)
            except ValidationError as refused:
                messages.error(request, " ".join(refused.messages))
                return redirect("portal:application", token=token)
            if outcome.erase_on is None:
                # Nothing is left to show on a page of theirs: the link itself is gone.
                return _render_erased(request, language)
            notice = gettext(
                "We will erase your data on %(date)s, when a decision in the recruitment can no "
                "longer be challenged."
            ) % {"date": formats.date_format(outcome.erase_on, "j F Y")}
            if outcome.erased_now:
                notice += " " + gettext("Your other applications are already erased.")
            if candidate.email:
                notice += " " + gettext("We have sent you a confirmation by email.")
            messages.success(request, notice)
        return redirect("portal:application", token=token)
    context = {
        "token": token,
        "preview": erasure_preview(candidate),
        "scheduled": scheduled,
    }
    status = 409 if request.method == "POST" else 200
    return _render_for_candidate(request, application, "portal/erasure.html", context, status)


def _render_erased(request: HttpRequest, language: str) -> HttpResponse:
    with translation.override(language):
        response = render(request, "portal/erased.html", {"organisation": Organisation.current()})
    response["Content-Language"] = language
    return response
