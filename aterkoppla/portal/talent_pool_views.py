"""The talent pool on the candidate's page: join with an explicit consent, or leave.

A private link reaches one application; the consent is its candidate's, so a link to any of
the person's applications acts for them, and no link acts for anyone else.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from aterkoppla.applications.models import Application, TalentPoolConsent
from aterkoppla.applications.talent_pool import (
    talent_pool_consent_text,
    talent_pool_join,
    talent_pool_leave,
    talent_pool_renew,
)
from aterkoppla.organisation.models import Organisation
from aterkoppla.portal.forms import TalentPoolForm
from aterkoppla.portal.talent_pool_section import talent_pool_context
from aterkoppla.portal.views import _language, _render_for_candidate, candidate_link

Via = TalentPoolConsent.Via


@candidate_link("GET", "POST")
def talent_pool(request: HttpRequest, application: Application, token: str) -> HttpResponse:
    """Join the talent pool: the box ticked under the consent text, and the kinds of jobs if
    the candidate names them. Without the box, the page again with the error."""
    candidate = application.candidate
    language = _language(request, candidate)
    with translation.override(language):
        text = talent_pool_consent_text(organisation=Organisation.current(), language=language)
        form = TalentPoolForm(request.POST if request.method == "POST" else None, consent_text=text)
        if request.method == "POST" and form.is_valid():
            try:
                consent = talent_pool_join(
                    candidate=candidate,
                    scope=form.cleaned_data["scope"],
                    via=Via.PORTAL,
                    language=language,
                )
            except ValidationError as refused:
                messages.error(request, " ".join(refused.messages))
            else:
                messages.success(
                    request,
                    gettext(
                        "Thank you. You are in our talent pool until %(date)s, and you can "
                        "leave it here at any time."
                    )
                    % {"date": _date(consent)},
                )
            return redirect("portal:application", token=token)
    context = {"token": token, **talent_pool_context(application, language, form)}
    status = 400 if form.errors else 200
    return _render_for_candidate(request, application, "portal/talent_pool.html", context, status)


@candidate_link("POST")
def talent_pool_leave_view(
    request: HttpRequest, application: Application, token: str
) -> HttpResponse:
    """Leave the talent pool: one click, at once (GDPR art. 7.3: as easy as joining)."""
    candidate = application.candidate
    with translation.override(_language(request, candidate)):
        try:
            talent_pool_leave(candidate=candidate, via=Via.PORTAL)
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
        else:
            messages.success(
                request,
                gettext(
                    "You have left our talent pool. We no longer keep your details for future jobs."
                ),
            )
    return redirect("portal:application", token=token)


@candidate_link("POST")
def talent_pool_renew_view(
    request: HttpRequest, application: Application, token: str
) -> HttpResponse:
    """Renew the consent in its last month: one click under the text it renews to (shown
    on the page), a new consent from now."""
    candidate = application.candidate
    language = _language(request, candidate)
    with translation.override(language):
        try:
            consent = talent_pool_renew(candidate=candidate, via=Via.PORTAL, language=language)
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
        else:
            messages.success(
                request,
                gettext("Thank you. You are in our talent pool until %(date)s.")
                % {"date": _date(consent)},
            )
    return redirect("portal:talent_pool", token=token)


def _date(consent: TalentPoolConsent) -> str:
    return formats.date_format(timezone.localtime(consent.expires_at), "j F Y")
