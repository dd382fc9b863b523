"""The decision screen, the calls to make, call mode with its call sheet, and letters."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST
from icalendar import Calendar, Event

from aterkoppla.applications.models import Application
from aterkoppla.applications.selectors import application_get_for_user
from aterkoppla.decisions import services
from aterkoppla.decisions.call_sheets import call_sheet_for
from aterkoppla.decisions.disclosure import disclosure_letter
from aterkoppla.decisions.forms import (
    OTHERS_ALL,
    OTHERS_MARKED,
    AttemptForm,
    DecisionForm,
    DisclosureForm,
)
from aterkoppla.decisions.models import CallAttempt, CallTask, DisclosureRequest
from aterkoppla.decisions.pdf import (
    PdfUnavailable,
    answers_of,
    call_sheet_pdf,
    disclosure_letter_pdf,
    letter_pdf,
)
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.recruitment.models import Criterion, Recruitment
from aterkoppla.recruitment.selectors import recruitment_get_for_user

if TYPE_CHECKING:
    from aterkoppla.accounts.http import AuthenticatedHttpRequest
    from aterkoppla.recruitment.selectors import Access

# The decision screen lists the marked candidates by name up to this many; the rest are counted.
MARKED_SHOWN = 50


def _one_by_one(recruitment: Recruitment) -> list[Application]:
    """Those invited to interview, named one by one on the decision screen."""
    return list(
        recruitment.applications.filter(stage__in=Application.INVITED_STAGES)
        .select_related("candidate")
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )


def _others(recruitment: Recruitment) -> QuerySet[Application]:
    """Everyone else still open: decided as one group, each with a written answer."""
    return recruitment.applications.filter(stage__in=Application.OPEN_STAGES).exclude(
        stage__in=Application.INVITED_STAGES
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Decide: who is hired, who is a reserve, who is rejected; confirm before anything goes."""
    recruitment, access = recruitment_get_for_user(request.user, pk, decide=True)
    interviewed = _one_by_one(recruitment)
    criteria = list(Criterion.objects.filter(recruitment=recruitment))
    form = DecisionForm(
        request.POST or None,
        interviewed=interviewed,
        criteria=criteria,
        warnings=services.interview_warnings(recruitment, interviewed),
        other_languages=set(
            _others(recruitment).values_list("candidate__language", flat=True).distinct()
        ),
        language_policy=recruitment.language_policy,
    )
    others = _others(recruitment)
    counts = others.aggregate(
        total=Count("pk"),
        marked=Count("pk", filter=Q(marked_for_rejection=True)),
        no_email=Count("pk", filter=Q(candidate__email="")),
    )
    marked = list(
        others.filter(marked_for_rejection=True)
        .select_related("candidate")
        .order_by("candidate__last_name", "pk")[:MARKED_SHOWN]
    )
    context: dict[str, Any] = {
        "recruitment": recruitment,
        "access": access,
        "tab": "decision",
        "form": form,
        "counts": counts,
        "marked": marked,
        "criteria": criteria,
        "open_calls": CallTask.objects.filter(
            application__recruitment=recruitment, status=CallTask.Status.OPEN
        ).count(),
    }
    if request.method != "POST":
        return render(request, "decisions/decision.html", context)
    if form.is_valid() and form.is_empty():
        form.add_error(None, _("Choose an outcome for at least one candidate."))
    if not form.is_valid():
        return render(request, "decisions/decision.html", context, status=400)
    choice = form.cleaned_data["others"]
    other_ids: list[tuple[int, str]] = []
    if choice in (OTHERS_MARKED, OTHERS_ALL):
        chosen = others if choice == OTHERS_ALL else others.filter(marked_for_rejection=True)
        other_ids = list(chosen.order_by("pk").values_list("pk", "candidate__language"))
    arguments = {
        "recruitment": recruitment,
        "hired": form.chosen("hired"),
        "reserve": form.chosen("reserve"),
        "rejections": form.rejections(other_ids),
        "reserve_until": form.cleaned_data["reserve_until"],
        "no_hire": form.cleaned_data["no_hire"],
        "language_override_reason": form.language_override_reason,
    }
    planned, plan = form.language_save(request, lambda: services.decision_plan(**arguments))
    if not planned:
        return render(request, "decisions/decision.html", context, status=400)
    if request.POST.get("confirm") != "1":
        context.update(
            plan=plan,
            hidden=[
                (k, v)
                for k, values in request.POST.lists()
                for v in values
                if k != "csrfmiddlewaretoken"
            ],
            reserve_until=form.cleaned_data["reserve_until"],
            caller=services.caller_for(recruitment),
            due=services.add_working_days(timezone.localdate(), services.CALL_DUE_WORKING_DAYS),
        )
        return render(request, "decisions/confirm.html", context)
    recorded, _outcome = form.language_save(
        request,
        lambda: services.decision_record(by=request.user, **arguments),
        success=_summary,
    )
    if not recorded:
        return render(request, "decisions/decision.html", context, status=400)
    return redirect("decisions:calls", pk=recruitment.pk)


def _summary(outcome: services.Outcome) -> str:
    counts = [
        (outcome.hired, ngettext("%(n)s hired", "%(n)s hired", outcome.hired)),
        (outcome.reserve, ngettext("%(n)s reserve", "%(n)s reserves", outcome.reserve)),
        (
            len(outcome.calls),
            ngettext("%(n)s call to make", "%(n)s calls to make", len(outcome.calls)),
        ),
        (
            outcome.emails,
            ngettext(
                "%(n)s written rejection queued", "%(n)s written rejections queued", outcome.emails
            ),
        ),
        (
            outcome.letters,
            ngettext("%(n)s letter to print", "%(n)s letters to print", outcome.letters),
        ),
        (
            outcome.held,
            ngettext(
                "%(n)s message stopped by the language check",
                "%(n)s messages stopped by the language check",
                outcome.held,
            ),
        ),
    ]
    parts = [text % {"n": n} for n, text in counts if n]
    return _("The decision is recorded: %(parts)s.") % {"parts": ", ".join(parts)}


# --- Calls and letters --------------------------------------------------------------------


def letters_to_print(recruitment: Recruitment | None = None) -> QuerySet[Message]:
    letters = Message.objects.filter(
        channel=Message.Channel.LETTER, status=Message.Status.TO_PRINT
    ).select_related("application__candidate", "application__recruitment")
    if recruitment is not None:
        letters = letters.filter(application__recruitment=recruitment)
    return letters.order_by("created_at", "pk")


@login_required
def calls(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The recruitment's feedback calls, and the letters to print."""
    recruitment, access = recruitment_get_for_user(request.user, pk, decide=True)
    tasks = (
        CallTask.objects.filter(application__recruitment=recruitment)
        .select_related("application__candidate", "assigned_to")
        .annotate(n_attempts=Count("attempts"))
        .order_by("status", "due", "pk")
    )
    context = {
        "recruitment": recruitment,
        "access": access,
        "tab": "calls",
        "tasks": tasks,
        "letters": letters_to_print(recruitment),
        "today": timezone.localdate(),
    }
    return render(request, "decisions/calls.html", context)


def _task_for(request: AuthenticatedHttpRequest, pk: int) -> tuple[CallTask, Access]:
    """The call task, if the user may see its application (404); an interviewer who may see
    it still gets 403: the call about the decision is the deciders'."""
    task = get_object_or_404(CallTask.objects.only("pk", "application_id"), pk=pk)
    _application, access = application_get_for_user(request.user, task.application_id, decide=True)
    task = CallTask.objects.select_related(
        "application__candidate", "application__recruitment", "assigned_to", "item"
    ).get(pk=pk)
    return task, access


@login_required
@require_http_methods(["GET", "POST"])
def call_mode(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The call sheet beside the phone number and the form to log how the call went."""
    task, access = _task_for(request, pk)
    application = task.application
    form = AttemptForm(
        request.POST or None, language_policy=application.recruitment.language_policy
    )
    if request.method == "POST" and form.is_valid():
        saved, _attempt = form.language_save(
            request,
            lambda: services.call_attempt_record(
                task=task,
                by=request.user,
                outcome=form.cleaned_data["outcome"],
                notes=form.cleaned_data["notes"],
                callback_at=form.callback_at(),
                summary_requested=form.cleaned_data["summary_requested"],
                talent_pool=form.cleaned_data["talent_pool"],
                disclosure_requested=form.cleaned_data["disclosure_requested"],
                language_override_reason=form.language_override_reason,
            ),
            success=_attempt_message,
        )
        if saved:
            return redirect("decisions:call", pk=task.pk)
    sheet = call_sheet_for(application, task.item)
    context = {
        "task": task,
        "access": access,
        "application": application,
        "recruitment": application.recruitment,
        "candidate": application.candidate,
        "sheet": sheet,
        "answers": answers_of(sheet),
        "form": form,
        "attempts": task.attempts.select_related("by"),
        "outbox": application.messages.filter(
            kind__in=["call_notice", "call_summary", "call_unreachable"]
        ),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "decisions/call.html", context, status=status)


def _attempt_message(attempt: CallAttempt) -> str:
    task = attempt.task
    if task.status == CallTask.Status.DONE:
        if task.summary_requested:
            return _("The call is logged. The written summary is on its way to the candidate.")
        return _("The call is logged. Thank you for calling.")
    if task.status == CallTask.Status.WRITTEN:
        return _(
            "Three calls on two days went unanswered: the decision has been sent in writing, "
            "with an invitation to call us."
        )
    if task.callback_at:
        return _("The attempt is logged. Download the reminder to call back.")
    return _("The attempt is logged.")


@login_required
def call_sheet(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The call sheet of an application rejected after an interview: on screen, or as PDF."""
    application, access = application_get_for_user(request.user, pk, decide=True)
    task = CallTask.objects.filter(application=application).select_related("item").first()
    if task is None:
        raise Http404
    sheet = call_sheet_for(application, task.item)
    if request.GET.get("format") == "pdf":
        try:
            pdf = call_sheet_pdf(sheet)
        except PdfUnavailable:
            messages.error(request, _("The PDF cannot be made on this server (Pango is missing)."))
            return redirect("decisions:call_sheet", pk=application.pk)
        response = HttpResponse(pdf, content_type="application/pdf")
        name = slugify(application.candidate.full_name) or "kandidat"
        response["Content-Disposition"] = f'inline; filename="samtalsunderlag-{name}.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response
    context = {
        "application": application,
        "recruitment": application.recruitment,
        "candidate": application.candidate,
        "task": task,
        "sheet": sheet,
        "answers": answers_of(sheet),
        "access": access,
    }
    return render(request, "decisions/call_sheet.html", context)


@login_required
def callback_ics(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A calendar reminder for the caller: call the candidate back at the time they asked."""
    task, _access = _task_for(request, pk)
    if task.callback_at is None:
        raise Http404
    calendar = Calendar()
    calendar.add("prodid", "-//Återkoppla//Call back//SV")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"callback-{task.pk}-{int(task.callback_at.timestamp())}@aterkoppla")
    event.add("dtstamp", timezone.now().astimezone(dt.UTC))
    start = timezone.localtime(task.callback_at)
    event.add("dtstart", start)
    event.add("dtend", start + dt.timedelta(minutes=15))
    candidate = task.application.candidate
    event.add(
        "summary",
        _("Call %(name)s back about %(job)s")
        % {"name": candidate.full_name, "job": task.application.recruitment.title},
    )
    page = request.build_absolute_uri(reverse("decisions:call", args=[task.pk]))
    event.add("description", f"{candidate.phone}\n{page}")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ring-tillbaka-{task.pk}.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


def _letter_for(request: AuthenticatedHttpRequest, pk: int) -> tuple[Message, Application]:
    """A letter to print and its application, if the user decides on that application (404 /
    403 as for calls)."""
    message = get_object_or_404(
        Message.objects.select_related("application__recruitment", "application__candidate"),
        pk=pk,
        channel=Message.Channel.LETTER,
    )
    if message.application is None:
        # A letter about no application belongs to no recruitment's deciders.
        raise Http404
    application_get_for_user(request.user, message.application.pk, decide=True)
    return message, message.application


@login_required
def letter(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    message, application = _letter_for(request, pk)
    try:
        pdf = letter_pdf(message)
    except PdfUnavailable:
        messages.error(request, _("The PDF cannot be made on this server (Pango is missing)."))
        return redirect("decisions:calls", pk=application.recruitment_id)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(message.to_name) or "brev"
    response["Content-Disposition"] = f'inline; filename="brev-{name}-{message.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def letter_printed(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    message, application = _letter_for(request, pk)
    try:
        services.letter_mark_printed(message=message, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("The letter to %(name)s is marked as printed.") % {"name": message.to_name}
        )
    key = message.dedupe_key.removeprefix("disclosure:")
    if message.kind == Kind.DISCLOSURE_LETTER and key.isdigit():
        # Printed from the request's own page: back there.
        asked = DisclosureRequest.objects.filter(pk=int(key), application=application).first()
        if asked is not None:
            return redirect("decisions:disclosure", pk=asked.pk)
    return redirect("decisions:calls", pk=application.recruitment_id)


@login_required
@require_http_methods(["POST"])
def disclosure_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Record a request for the written information (DL 2 kap. 4 §) that reached the staff by
    phone, email or letter; its date is promised like the candidate's own request."""
    application, _access = application_get_for_user(request.user, pk, decide=True)
    form = DisclosureForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose how the candidate asked."))
        return redirect(application)
    try:
        asked = services.disclosure_request(
            application=application, by=request.user, via=form.cleaned_data["via"]
        )
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
        return redirect(application)
    messages.success(
        request,
        _("The request is recorded: the written information is promised by %(date)s.")
        % {"date": formats.date_format(asked.due, "j F Y")},
    )
    return redirect(application)


def _disclosure_for(
    request: AuthenticatedHttpRequest, pk: int
) -> tuple[DisclosureRequest, Application, Access]:
    """A request for the written information and its application, if the user decides on that
    application (404 / 403 as for calls)."""
    asked = get_object_or_404(DisclosureRequest.objects.only("pk", "application_id"), pk=pk)
    application, access = application_get_for_user(request.user, asked.application_id, decide=True)
    asked = DisclosureRequest.objects.select_related(
        "application__candidate", "application__recruitment"
    ).get(pk=pk)
    return asked, application, access


def _disclosure_message(asked: DisclosureRequest) -> Message | None:
    """The letter that answered the request (``services.disclosure_send``'s key)."""
    return Message.objects.filter(dedupe_key=f"disclosure:{asked.pk}").first()


@login_required
@require_http_methods(["GET", "POST"])
def disclosure(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Review the letter answering a request for the written information, and send it; a
    letter to print is offered as a PDF here once it is made."""
    asked, application, access = _disclosure_for(request, pk)
    if request.method == "POST":
        try:
            message = services.disclosure_send(request=asked, by=request.user)
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
        else:
            if message.channel == Message.Channel.LETTER:
                messages.success(request, _("The letter is ready: print it and post it."))
                return redirect("decisions:disclosure", pk=asked.pk)
            messages.success(request, _("The written information is sent."))
        return redirect(application)
    sent = _disclosure_message(asked) if asked.status == DisclosureRequest.Status.ANSWERED else None
    context = {
        "application": application,
        "recruitment": application.recruitment,
        "access": access,
        "asked": asked,
        "letter": disclosure_letter(asked),
        "sent": sent,
        "promise": asked.promise_state(),
    }
    return render(request, "decisions/disclosure.html", context)


@login_required
def disclosure_pdf(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The letter of written information as a PDF, to read, keep or print and post."""
    asked, application, _access = _disclosure_for(request, pk)
    try:
        pdf = disclosure_letter_pdf(asked)
    except PdfUnavailable:
        messages.error(request, _("The PDF cannot be made on this server (Pango is missing)."))
        return redirect("decisions:disclosure", pk=asked.pk)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="skriftlig-information-{application.pk}-{asked.pk}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
