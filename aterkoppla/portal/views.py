"""The candidate page: one application, seen through its private link (DESIGN §9)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, translation
from django.utils.cache import patch_cache_control
from django.utils.module_loading import import_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited

from aterkoppla.applications.feedback import disclosure_refusal
from aterkoppla.applications.models import Application, Candidate
from aterkoppla.applications.services import applications_close
from aterkoppla.assessment.models import Interview
from aterkoppla.assessment.selectors import interview_ahead_for_candidate
from aterkoppla.core.limits import rate_limited_early
from aterkoppla.core.views import after_response
from aterkoppla.decisions.models import CallTask, DisclosureRequest
from aterkoppla.decisions.services import disclosure_request
from aterkoppla.experience.survey import survey_status
from aterkoppla.messaging.links import token_for
from aterkoppla.messaging.models import Message
from aterkoppla.messaging.services import written_length, written_time
from aterkoppla.organisation.models import Organisation
from aterkoppla.organisation.privacy import privacy_notice_body
from aterkoppla.portal.forms import LostLinkForm
from aterkoppla.portal.progress import progress_steps
from aterkoppla.portal.services import portal_links_send, portal_token_touch
from aterkoppla.portal.talent_pool_section import talent_pool_context
from aterkoppla.privacy.export import PdfUnavailable, candidate_export, candidate_export_record
from aterkoppla.privacy.responses import export_json_response, export_pdf_response
from aterkoppla.privacy.services import erasure_scheduled

if TYPE_CHECKING:
    from django.utils.functional import Promise

# Per client address. A token has 256 random bits, so these limits are not what keeps it
# safe; they keep a guesser from loading the database and the logs. A person reloading
# their page never comes near them.
TOKEN_RATE = "60/m"
TOKEN_POST_RATE = "10/m"
# Each accepted request may send email to a real person.
LOST_LINK_RATE = "5/h"

Stage = Application.Stage

# One plain sentence per stage, as the candidate would want it said.
STATUS_SENTENCES: dict[str, Promise] = {
    Stage.RECEIVED: _(
        "We have received your application and will read it against the requirements."
    ),
    Stage.SCREENING: _(
        "We are reading your application now and comparing it with the requirements of the job."
    ),
    Stage.INTERVIEW: _(
        "You are one of those we want to meet for an interview. We will be in touch about "
        "what happens next."
    ),
    Stage.RESERVE: _(
        "You are on our reserve list. If the job becomes available again, you are one of the "
        "first we contact."
    ),
    Stage.OFFER: _(
        "You are one of our final candidates. We will contact you personally about the next step."
    ),
    Stage.HIRED: _("You have got the job – welcome! We will be in touch about your start."),
    Stage.REJECTED: _(
        "Thank you for applying. This time we have chosen other applicants. You are welcome to "
        "ask us why, and to apply to us again."
    ),
    Stage.WITHDRAWN: _(
        "You have withdrawn your application. Thank you for your interest – you are welcome to "
        "apply to us again."
    ),
}
# Someone we interviewed hears a no by phone first (DESIGN §4); the page must not tell them
# before the call does, so it only says that a decision will come that way.
REJECTED_AFTER_INTERVIEW = _(
    "We have made our decision and will tell you about it by phone, so that you can ask us "
    "your questions."
)


# Browsers then send only "https://host/" as the Referer, never the path with the token, to
# anyone (our own access logs included). Not "no-referrer": under that policy browsers send
# "Origin: null" with same-origin form posts, which Django's CSRF check rightly refuses, so
# every form on these pages (withdraw, new link, the language switch) would fail with a 403.
REFERRER_POLICY = "strict-origin"


def _private(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Keep pages whose address holds a secret out of search engines, caches and Referer."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        try:
            response = view(request, *args, **kwargs)
        except Ratelimited as exc:
            # Rendered here rather than by the middleware, so that a 429 gets the headers too.
            response = import_string(settings.RATELIMIT_VIEW)(request, exc)
        response["X-Robots-Tag"] = "noindex"
        response["Referrer-Policy"] = REFERRER_POLICY
        patch_cache_control(response, private=True, no_store=True)
        return response

    return wrapped


def _not_found(request: HttpRequest) -> HttpResponse:
    """One answer for a wrong, malformed or expired link: nothing to tell them apart by."""
    context = {"organisation": Organisation.current()}
    return render(request, "portal/not_found.html", context, status=404)


LinkView = Callable[..., HttpResponse]


def candidate_link(*methods: str) -> Callable[[LinkView], LinkView]:
    """A page or action reached by a candidate's private link, for ``methods`` only: kept out
    of search engines and caches (``_private``), rate-limited by address (and POSTs more
    strictly), one 404 for every link that leads nowhere, the link noted as used. The view
    gets the link's application after the request: ``view(request, application, token)``."""

    def decorate(view: LinkView) -> LinkView:
        @wraps(view)
        def reached(request: HttpRequest, token: str, **kwargs: object) -> HttpResponse:
            found = token_for(token)
            if found is None:
                return _not_found(request)
            portal_token_touch(portal_token=found)
            return view(request, found.application, token, **kwargs)

        limited = ratelimit(key="ip", rate=TOKEN_RATE, group="portal.token", block=True)(reached)
        if "POST" in methods:
            limited = ratelimit(
                key="ip", rate=TOKEN_POST_RATE, method="POST", group="portal.token-post", block=True
            )(limited)
        return _private(require_http_methods(list(methods))(limited))

    return decorate


def _language(request: HttpRequest, candidate: Candidate) -> str:
    """The language the visitor chose with the switch, else the one the candidate gave us."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return chosen if chosen in dict(settings.LANGUAGES) else candidate.language


def _render_for_candidate(
    request: HttpRequest,
    application: Application,
    template: str,
    context: dict[str, object],
    status: int = 200,
) -> HttpResponse:
    language = _language(request, application.candidate)
    context = {
        # A view that has read the organisation already passes it.
        "organisation": context.get("organisation") or Organisation.current(),
        "application": application,
        "job": application.recruitment,
        **context,
    }
    with translation.override(language):
        response = render(request, template, context, status=status)
    response["Content-Language"] = language
    return response


def status_sentence(application: Application) -> Promise:
    # Once the call is made (or the decision sent in writing after unanswered calls) the
    # candidate knows: the page may say it too.
    if application.awaiting_answer:
        return REJECTED_AFTER_INTERVIEW
    return STATUS_SENTENCES[application.stage]


def _letters(application: Application) -> tuple[list[Message], list[Message]]:
    """(on their way, sent newest first). Failed ones never reached the candidate."""
    rows = application.messages.filter(
        status__in=[Message.Status.QUEUED, Message.Status.SENDING, Message.Status.SENT]
    ).only(
        "application",
        "kind",
        "channel",
        "language",
        "subject",
        "body_text",
        "status",
        "sent_at",
        "created_at",
    )
    on_the_way = [m for m in rows if m.status != Message.Status.SENT]
    sent = sorted(
        (m for m in rows if m.status == Message.Status.SENT),
        key=lambda m: (m.sent_at or m.created_at, m.pk),
        reverse=True,
    )
    return on_the_way, sent


def _interview_ahead(application: Application, language: str) -> dict[str, str] | None:
    """The booked interview as the page shows it: when (Swedish time, written out), how long,
    and where (a place, a video link or both)."""
    interview: Interview | None = interview_ahead_for_candidate(application)
    if interview is None:
        return None
    return {
        "at": interview.scheduled_at.isoformat(),
        "time": written_time(interview.scheduled_at, language),
        "length": written_length(interview.duration_minutes, language),
        "place": interview.location,
        "video_url": interview.video_url,
        "bring": interview.bring,
    }


@candidate_link("GET", "HEAD")
def candidate_page(request: HttpRequest, application: Application, token: str) -> HttpResponse:
    on_the_way, sent = _letters(application)
    language = _language(request, application.candidate)
    context: dict[str, object] = {
        "token": token,
        "steps": progress_steps(application),
        "status_sentence": status_sentence(application),
        "interview": _interview_ahead(application, language),
        # The survey after the final answer: "open", "answered" (thanks), or not offered.
        "survey": str(survey_status(application)),
        # The day we will have called by, while the call is still to make.
        "call_by": CallTask.objects.filter(application=application, status=CallTask.Status.OPEN)
        .values_list("due", flat=True)
        .first()
        if application.awaiting_answer
        else None,
        "on_the_way": on_the_way,
        "sent": sent,
        "disclosure": DisclosureRequest.objects.filter(application=application)
        .order_by("-requested_at", "-pk")
        .first(),
        "may_ask_disclosure": not disclosure_refusal(application),
    }
    # How personal data is handled (GDPR art. 13) and the talent pool (art. 6.1 a).
    organisation = context["organisation"] = Organisation.current()
    context["privacy_notice"] = privacy_notice_body(organisation, language)
    context |= talent_pool_context(application, language, organisation=organisation)
    # Erasure (GDPR art. 17): the date promised, once asked for.
    context["erasure_scheduled"] = erasure_scheduled(application.candidate)
    return _render_for_candidate(request, application, "portal/application.html", context)


@candidate_link("POST")
def disclosure(request: HttpRequest, application: Application, token: str) -> HttpResponse:
    """One click: ask for the written information under diskrimineringslagen 2 kap. 4 §."""
    # The refusal, like the thanks, in the language the candidate reads the page in.
    with translation.override(_language(request, application.candidate)):
        try:
            asked = disclosure_request(
                application=application, by=None, via=DisclosureRequest.Via.PORTAL
            )
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
            return redirect("portal:application", token=token)
        messages.success(
            request,
            gettext("Thank you. We will send you the written information by %(date)s.")
            % {"date": formats.date_format(asked.due, "j F Y")},
        )
    return redirect("portal:application", token=token)


@candidate_link("GET", "POST")
def withdraw(request: HttpRequest, application: Application, token: str) -> HttpResponse:
    if request.method == "POST" and application.is_open:
        try:
            (application,) = applications_close(
                applications=[application], outcome=Stage.WITHDRAWN, by=None, by_candidate=True
            )
        except ValidationError:
            # Closed by the staff between showing the question and the click: say so below.
            application.refresh_from_db()
        else:
            with translation.override(_language(request, application.candidate)):
                notice = gettext("You have withdrawn your application.")
                if application.candidate.email:
                    notice += " " + gettext("We have sent you a confirmation by email.")
            messages.success(request, notice)
            return redirect("portal:application", token=token)
    # A POST that could not be done is a conflict with the application's state, not an error.
    status = 409 if request.method == "POST" else 200
    return _render_for_candidate(
        request, application, "portal/withdraw.html", {"token": token}, status=status
    )


@_private
@require_http_methods(["GET", "POST"])
@rate_limited_early(
    group="portal.lost-link",
    rate=LOST_LINK_RATE,
    refusal=_private(lambda request: import_string(settings.RATELIMIT_VIEW)(request)),
)
def lost_link(request: HttpRequest) -> HttpResponse:
    form = LostLinkForm(request.POST if request.method == "POST" else None)
    context: dict[str, object] = {"organisation": Organisation.current()}
    if form.is_valid():
        email = form.cleaned_data["email"]
        # The same page whatever happens: known address or not, capped or not, and as fast:
        # the links are written once the page has been sent.
        response = render(request, "portal/lost_link_sent.html", context)
        return after_response(response, lambda: portal_links_send(email=email))
    context["form"] = form
    return render(request, "portal/lost_link.html", context, status=400 if form.errors else 200)


# --- The candidate's data (GDPR art. 15) ------------------------------------------------


@candidate_link("GET", "HEAD")
def data_export(
    request: HttpRequest, application: Application, token: str, export_format: str = "page"
) -> HttpResponse:
    """A copy of everything about the person the link belongs to, across all their
    applications: a page, a JSON file or a PDF, in the language they read the page in."""
    candidate = application.candidate
    language = _language(request, candidate)
    export = candidate_export(candidate, language=language, for_candidate=True)
    if export_format == "json":
        response = export_json_response(export)
    elif export_format == "pdf":
        try:
            response = export_pdf_response(export)
        except PdfUnavailable:
            with translation.override(language):
                messages.error(
                    request, gettext("The PDF cannot be made just now. Try the JSON file.")
                )
            return redirect("portal:export", token=token)
    else:
        response = _render_for_candidate(
            request, application, "portal/export.html", {"token": token, "export": export}
        )
    candidate_export_record(candidate=candidate, by=None, export_format=export_format)
    return response
