"""Site admins edit the wording of messages, with a live preview on a real application."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from aterkoppla.accounts.access import require_site_admin
from aterkoppla.language.forms import LanguageCheckedMixin, checked
from aterkoppla.messaging.models import CANDIDATE_KINDS, Kind, Message, MessageTemplate
from aterkoppla.messaging.rendering import (
    VARIABLES,
    TemplateProblem,
    default_template,
    render_strings,
    sample_context,
    to_html,
)
from aterkoppla.messaging.services import (
    message_template_reset,
    message_template_save,
    preview_context,
    template_for,
)
from aterkoppla.organisation.models import Organisation
from aterkoppla.recruitment.models import Language

if TYPE_CHECKING:
    from aterkoppla.accounts.http import AuthenticatedHttpRequest
    from aterkoppla.applications.models import Application


class TemplateForm(LanguageCheckedMixin, forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=255)
    body = forms.CharField(
        label=gettext_lazy("Text"), widget=forms.Textarea(attrs={"rows": 22, "spellcheck": "true"})
    )

    def __init__(self, *args: Any, language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.language = language
        checked(self.fields["subject"], lang=language)
        checked(self.fields["body"], lang=language)
        self.language_setup()


def _kind_and_language(kind: str, language: str) -> tuple[str, str]:
    if kind not in CANDIDATE_KINDS or language not in Language.values:
        raise Http404
    return kind, language


NEWEST = ("-application__received_at", "-id")


def _preview_application(language: str) -> Application | None:
    """A real application to preview with: the newest one written to, in the candidate
    language if there is one (found through the outbox's own record of whom it wrote to)."""
    messages = Message.objects.filter(application__isnull=False).select_related(
        "application__candidate", "application__recruitment"
    )
    message = (
        messages.filter(application__candidate__language=language).order_by(*NEWEST).first()
        or messages.order_by(*NEWEST).first()
    )
    return message.application if message else None


@login_required
def template_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require_site_admin(request)
    own = set(MessageTemplate.objects.values_list("kind", "language"))
    rows = [
        {
            "kind": kind,
            "label": label,
            "languages": [
                {"code": code, "label": lang_label, "own": (kind, code) in own}
                for code, lang_label in Language.choices
            ],
        }
        for kind, label in ((kind, kind.label) for kind in CANDIDATE_KINDS)
    ]
    return render(request, "messaging/template_list.html", {"rows": rows, "nav": "settings"})


@login_required
@require_http_methods(["GET", "POST"])
def template_edit(request: AuthenticatedHttpRequest, kind: str, language: str) -> HttpResponse:
    require_site_admin(request)
    kind, language = _kind_and_language(kind, language)
    own = MessageTemplate.objects.filter(kind=kind, language=language).first()
    subject, body = template_for(kind, language)
    form = TemplateForm(
        request.POST or None, initial={"subject": subject, "body": body}, language=language
    )
    if request.method == "POST" and request.POST.get("action") == "reset":
        message_template_reset(kind=kind, language=language)
        messages.success(request, _("The default text is used again."))
        return redirect("messaging:template", kind=kind, language=language)
    if request.method == "POST" and form.is_valid():
        saved, _template = form.language_save(
            request,
            lambda: message_template_save(
                kind=kind,
                language=language,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                by=request.user,
                language_override_reason=form.language_override_reason,
            ),
            success=_("The template was saved."),
        )
        if saved:
            return redirect("messaging:template", kind=kind, language=language)
    application = _preview_application(language)
    context = {
        "form": form,
        "kind": kind,
        "kind_label": Kind(kind).label,
        "language": language,
        "language_label": Language(language).label,
        "own": own,
        "variables": VARIABLES,
        "default_subject": default_template(kind, language)[0],
        "preview_application": application,
        "preview": _preview(subject, body, language, application),
        "nav": "settings",
    }
    return render(
        request, "messaging/template_edit.html", context, status=400 if form.errors else 200
    )


def _preview(
    subject: str, body: str, language: str, application: Application | None
) -> dict[str, str]:
    context = preview_context(application, language) if application else sample_context(language)
    try:
        rendered_subject, text = render_strings(subject, body, context)
    except TemplateProblem as problem:
        return {"error": str(problem)}
    organisation = Organisation.current().name
    return {
        "subject": rendered_subject,
        "text": text,
        "html": to_html(text, organisation=organisation, language=language),
    }


@login_required
@require_POST
def template_preview(request: AuthenticatedHttpRequest, kind: str, language: str) -> JsonResponse:
    """The live preview: the text being edited, rendered for a real application."""
    require_site_admin(request)
    kind, language = _kind_and_language(kind, language)
    subject = request.POST.get("subject", "")[:255]
    body = request.POST.get("body", "")[:20000]
    return JsonResponse(_preview(subject, body, language, _preview_application(language)))
