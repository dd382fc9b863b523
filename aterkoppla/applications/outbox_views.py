"""The outbox pages: every message to a candidate as it was sent, and sending a failed one again."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from csp.decorators import csp
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from aterkoppla.applications.selectors import (
    application_access,
    application_get_for_user,
    applications_visible,
)
from aterkoppla.language.forms import LanguageCheckedMixin, checked
from aterkoppla.language.gate import LanguageBlocked
from aterkoppla.language.models import Policy
from aterkoppla.lib.links import redact_links
from aterkoppla.messaging import selectors
from aterkoppla.messaging.models import Message
from aterkoppla.messaging.retry import message_retry as retry_service
from aterkoppla.messaging.services import message_release
from aterkoppla.recruitment.selectors import recruitment_get_for_user

if TYPE_CHECKING:
    from aterkoppla.accounts.http import AuthenticatedHttpRequest

# Each message shows its whole text: more than this on one page is more than anyone reads.
PAGE_SIZE = 25


def _listing(request: HttpRequest, all_messages: QuerySet[Message]) -> dict[str, Any]:
    """The status filter, the counts per status and one page of messages."""
    status = request.GET.get("status", "")
    if status not in Message.Status.values:
        status = ""
    counts = selectors.status_counts(all_messages)
    shown = all_messages.filter(status=status) if status else all_messages
    return {
        "status_filter": status,
        "status_counts": [(value, label, counts[value]) for value, label in Message.Status.choices],
        "total": sum(counts.values()),
        "page": Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page")),
    }


@login_required
def recruitment_outbox(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    recruitment, access = recruitment_get_for_user(request.user, pk)
    context = {
        "recruitment": recruitment,
        "access": access,
        "tab": "messages",
        **_listing(
            request,
            selectors.recruitment_messages(recruitment).filter(
                application__in=applications_visible(
                    recruitment.applications.all(), user=request.user, access=access
                ).values("pk")
            )
            if access.interviews_only
            else selectors.recruitment_messages(recruitment),
        ),
    }
    return render(request, "applications/outbox/outbox_recruitment.html", context)


@login_required
def application_outbox(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application, access = application_get_for_user(request.user, pk)
    context = {
        "application": application,
        "recruitment": application.recruitment,
        "candidate": application.candidate,
        "access": access,
        **_listing(request, selectors.application_messages(application)),
    }
    return render(request, "applications/outbox/outbox_application.html", context)


def _get_message_to_manage(request: AuthenticatedHttpRequest, pk: int) -> Message:
    """The message if the user may manage its recruitment: 404 if they may not see it, else 403."""
    message = get_object_or_404(Message.objects.select_related("application__recruitment"), pk=pk)
    if message.application is None:
        # Tied to no recruitment, so to no team: a site admin's to handle.
        if not request.user.is_site_admin:
            raise Http404
        return message
    access = application_access(request.user, message.application)
    if access is None:
        raise Http404
    if not access.can_manage:
        raise PermissionDenied
    return message


@login_required
@require_safe
@xframe_options_sameorigin
# django-csp types its decorator for views of a request only.
@csp(  # type: ignore[arg-type]
    {
        "default-src": ["'none'"],
        # The message's own inline styles, as a mail program shows them; nothing else.
        "style-src": ["'unsafe-inline'"],
        "img-src": ["data:"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
        "frame-ancestors": ["'self'"],
    }
)
def message_html(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The HTML part of a message, as sent (the link's secret taken out), for the outbox's
    sandboxed frame: its own policy lets the mail's inline styles apply, and nothing else
    runs or loads. Whoever may see the application may see its messages."""
    message = get_object_or_404(Message.objects.select_related("application"), pk=pk)
    if message.application is None:
        if not request.user.is_site_admin:
            raise Http404
    elif application_access(request.user, message.application) is None:
        raise Http404
    return HttpResponse(redact_links(message.body_html), content_type="text/html; charset=utf-8")


def _back(request: HttpRequest, message: Message) -> str:
    """Where the button was pressed (the dashboard or an outbox), if that is one of our pages."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    if message.application_id is None:
        return reverse("dashboard:home")
    return reverse("applications:outbox", args=[message.application_id])


@login_required
@require_POST
def message_retry(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    message = _get_message_to_manage(request, pk)
    try:
        retry_service(message=message, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("“%(subject)s” to %(name)s will be sent again in a moment.")
            % {"subject": message.subject, "name": message.to_name or message.to_address},
        )
    return redirect(_back(request, message))


class ReleaseForm(LanguageCheckedMixin, forms.Form):
    """A stopped message as it will be sent: edit it, or keep it with a reason."""

    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=255)
    body = forms.CharField(label=gettext_lazy("Text"), widget=forms.Textarea(attrs={"rows": 18}))

    def __init__(self, *args: Any, language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        checked(self.fields["subject"], lang=language)
        checked(self.fields["body"], lang=language)
        self.language_setup()


@login_required
@require_http_methods(["GET", "POST"])
def message_review(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A message the language check stopped: read the findings, edit, send."""
    message = _get_message_to_manage(request, pk)
    if message.status != Message.Status.HELD:
        messages.info(request, _("That message is not waiting for review."))
        return redirect(_back(request, message))
    application = message.application
    policy = application.recruitment.language_policy if application else Policy.BLOCK
    form = ReleaseForm(
        request.POST or None,
        initial={"subject": message.subject, "body": message.body_text},
        language=message.language,
        language_policy=policy,
    )
    if request.method == "POST" and form.is_valid():
        try:
            message_release(
                message=message,
                by=request.user,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                language_override_reason=form.language_override_reason,
            )
        except LanguageBlocked as exc:
            form.language_stopped(exc)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("“%(subject)s” to %(name)s will be sent in a moment.")
                % {
                    "subject": form.cleaned_data["subject"],
                    "name": message.to_name or message.to_address,
                },
            )
            return redirect(_back(request, message))
    context = {
        "message": message,
        "form": form,
        "application": application,
        "recruitment": application.recruitment if application else None,
        "candidate": application.candidate if application else None,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "applications/outbox/review.html", context, status=status)
