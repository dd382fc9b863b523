"""The candidate-experience survey on the candidate's page, after our final answer.

Who may answer, and the answer itself, are the experience app's (``experience.survey``);
this page asks the three questions and says plainly when it cannot take an answer.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext

from aterkoppla.applications.models import Application
from aterkoppla.experience.survey import survey_answer, survey_refusal
from aterkoppla.portal.forms import SurveyForm
from aterkoppla.portal.views import _language, _render_for_candidate, candidate_link


@candidate_link("GET", "POST")
def survey(request: HttpRequest, application: Application, token: str) -> HttpResponse:
    language = _language(request, application.candidate)
    posted = request.method == "POST"
    with translation.override(language):
        refusal = survey_refusal(application)
        form = SurveyForm(request.POST if posted and refusal is None else None)
        if refusal is None and form.is_valid():
            try:
                survey_answer(application=application, language=language, **form.cleaned_data)
            except ValidationError as refused:
                if not hasattr(refused, "error_dict"):
                    # Answered in another tab a moment ago, or closed meanwhile.
                    refusal = " ".join(refused.messages)
                else:
                    for field, errors in refused.message_dict.items():
                        known = field in form.fields
                        form.add_error(field if known else NON_FIELD_ERRORS, errors)
            else:
                messages.success(
                    request, gettext("Thank you for your answers! They help us do better.")
                )
                return redirect("portal:application", token=token)
    status = 200
    if posted:
        status = 409 if refusal is not None else 400
    context = {"token": token, "form": form, "refusal": refusal}
    return _render_for_candidate(request, application, "portal/survey.html", context, status)
