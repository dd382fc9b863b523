"""The public career page: open jobs, their application form and the confirmation."""

from __future__ import annotations

import datetime as dt
from typing import cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from aterkoppla.applications.models import Application
from aterkoppla.applications.pending import (
    address_known,
    pending_confirm,
    pending_create,
    pending_discard,
    pending_for_token,
)
from aterkoppla.applications.services import application_receive, reply_by_for
from aterkoppla.careers.forms import ApplyForm
from aterkoppla.careers.jobposting import as_script, job_posting
from aterkoppla.core.forms import add_service_errors
from aterkoppla.core.limits import rate_limited_early
from aterkoppla.organisation.models import Organisation
from aterkoppla.organisation.privacy import privacy_notice_body
from aterkoppla.recruitment.models import Criterion, Recruitment

CONFIRMATION_KEY = "careers_applied"
# A decision with a hire filled the job: its page says so, and takes no applications.
FILLED = frozenset({Recruitment.Status.DECIDED, Recruitment.Status.COMPLETED})


def _published() -> QuerySet[Recruitment]:
    """Recruitments a candidate may see: every one that has been open (drafts never)."""
    return Recruitment.objects.exclude(status=Recruitment.Status.DRAFT).exclude(
        published_at__isnull=True
    )


def _get_published(pk: int) -> Recruitment:
    return get_object_or_404(_published().prefetch_related("criteria"), pk=pk)


def job_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    jobs = [
        job
        for job in _published()
        .filter(status=Recruitment.Status.OPEN)
        .order_by("application_deadline", "title")
        if job.accepts_applications(today)
    ]
    context = {"jobs": jobs, "organisation": Organisation.current()}
    return render(request, "careers/list.html", context)


def _job_context(request: HttpRequest, recruitment: Recruitment) -> dict[str, object]:
    organisation = Organisation.current()
    criteria = list(recruitment.criteria.all())
    url = request.build_absolute_uri(reverse("careers:job", args=[recruitment.pk]))
    accepting = recruitment.accepts_applications()
    return {
        "job": recruitment,
        "organisation": organisation,
        "musts": [c for c in criteria if c.kind == Criterion.Kind.MUST],
        "merits": sorted(
            (c for c in criteria if c.kind == Criterion.Kind.MERIT), key=lambda c: -c.weight
        ),
        "open": accepting,
        "filled": recruitment.status in FILLED,
        # Search engines must not list a job that takes no applications (Google's JobPosting
        # guidelines: remove the markup of a job that is no longer open).
        "jsonld": as_script(job_posting(recruitment, organisation, url)) if accepting else None,
    }


def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    recruitment = _get_published(pk)
    return render(request, "careers/job.html", _job_context(request, recruitment))


def _apply_rate(group: str, request: HttpRequest) -> str:
    return settings.APPLY_RATE


@require_http_methods(["GET", "POST"])
@rate_limited_early(group="careers.apply", rate=_apply_rate)
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    recruitment = _get_published(pk)
    if not recruitment.accepts_applications():
        context = _job_context(request, recruitment)
        return render(request, "careers/closed.html", context, status=410 if request.POST else 200)
    initial_language = get_language() if get_language() in {"sv", "en"} else recruitment.language
    form = ApplyForm(
        request.POST or None, request.FILES or None, initial={"language": initial_language}
    )
    if request.method == "POST":
        if form.is_bot():
            # Say nothing useful to a bot; store nothing.
            context = _job_context(request, recruitment)
            return render(request, "careers/rejected_bot.html", context, status=400)
        if form.is_valid():
            data = form.cleaned_data
            fields = {
                "first_name": data["first_name"],
                "last_name": data["last_name"],
                "email": data["email"],
                "phone": data["phone"],
                "language": data["language"],
                "merits": form.merits(),
                "documents": form.documents(),
            }
            try:
                if address_known(data["email"]):
                    # The same answer as for a new address; the application waits for the
                    # address's owner to confirm it (applications.pending).
                    pending_create(recruitment=recruitment, **fields)
                    reply_by = reply_by_for(recruitment, timezone.localdate())
                else:
                    application = application_receive(
                        recruitment=recruitment, source=Application.Source.FORM, **fields
                    )
                    reply_by = application.promised_by
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                request.session[CONFIRMATION_KEY] = {
                    "recruitment": recruitment.pk,
                    "first_name": data["first_name"].strip(),
                    "reply_by": reply_by.isoformat(),
                    "language": data["language"],
                }
                return redirect("careers:thanks", pk=recruitment.pk)
    # The page (profile, JSON-LD) is built only when it is shown, not for a successful POST.
    context = _job_context(request, recruitment)
    context |= {
        "form": form,
        "max_mb": settings.UPLOAD_MAX_MB,
        # The notice the acknowledgement will carry, in the language the form is read in.
        "privacy_notice": privacy_notice_body(
            cast("Organisation", context["organisation"]),
            "en" if (get_language() or "").startswith("en") else "sv",
        ),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "careers/apply.html", context, status=status)


def thanks(request: HttpRequest, pk: int) -> HttpResponse:
    recruitment = _get_published(pk)
    applied = request.session.get(CONFIRMATION_KEY)
    if not applied or applied.get("recruitment") != recruitment.pk:
        # Only the person who just applied sees the confirmation.
        raise Http404
    context = {
        "job": recruitment,
        "organisation": Organisation.current(),
        "first_name": applied["first_name"],
        "reply_by": dt.date.fromisoformat(applied["reply_by"]),
    }
    return render(request, "careers/thanks.html", context)


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    response = _confirm(request, token)
    # An address holding a secret: kept out of search engines, and out of the Referer sent to
    # other sites (to our own it goes: with none at all, browsers send "Origin: null" with the
    # form, which the CSRF check rightly refuses).
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "same-origin"
    return response


def _is_duplicate(exc: ValidationError) -> bool:
    errors = (
        [error for errors in exc.error_dict.values() for error in errors]
        if hasattr(exc, "error_dict")
        else exc.error_list
    )
    return any(error.code == "duplicate" for error in errors)


def _confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link mailed to a known address: the person confirms (a button, so that a mail
    program that opens links confirms nothing) and the application joins their record."""
    pending = pending_for_token(token, now=timezone.now())
    if pending is None:
        return render(request, "careers/confirm_gone.html", status=404)
    context: dict[str, object] = {
        "job": pending.recruitment,
        "first_name": pending.data.get("first_name", ""),
        "organisation": Organisation.current(),
    }
    if request.method == "POST":
        if not pending.recruitment.accepts_applications():
            # Confirmed after the last day to apply: as late as a form sent then.
            pending_discard(pending)
            context["refusal"] = _("The last day to apply for this job has passed.")
            return render(request, "careers/confirm.html", context, status=410)
        try:
            application = pending_confirm(pending)
        except ValidationError as exc:
            # Said only to whoever holds the link, that is the address's owner: to them.
            pending_discard(pending)
            context["refusal"] = (
                _("You have already applied for this job. Your earlier application stands.")
                if _is_duplicate(exc)
                else " ".join(exc.messages)
            )
            return render(request, "careers/confirm.html", context, status=409)
        context["application"] = application
        return render(request, "careers/confirm_done.html", context)
    return render(request, "careers/confirm.html", context)
