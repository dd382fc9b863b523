"""An application's assessment: screening, merits summary, interviews and scorecards."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application
from aterkoppla.applications.selectors import application_get_for_user
from aterkoppla.assessment import calendar, selectors, services
from aterkoppla.assessment.forms import (
    InterviewCancelForm,
    InterviewForm,
    InterviewMoveForm,
    MeritsForm,
    ScorecardForm,
    ScreeningForm,
)
from aterkoppla.assessment.models import Interview, Scorecard
from aterkoppla.core.forms import add_service_errors
from aterkoppla.recruitment.models import Criterion
from aterkoppla.recruitment.selectors import Access

if TYPE_CHECKING:
    from aterkoppla.accounts.http import AuthenticatedHttpRequest


def _application_to_assess(request: AuthenticatedHttpRequest, pk: int) -> Application:
    """The application if the user may assess it: 404 if they may not see it, else 403."""
    application, _access = application_get_for_user(request.user, pk, decide=True)
    return application


def _criteria(application: Application) -> list[Criterion]:
    return list(Criterion.objects.filter(recruitment_id=application.recruitment_id))


def _application_context(application: Application, **extra: object) -> dict[str, object]:
    """What every assessment page shows of the application it belongs to."""
    return {
        "application": application,
        "recruitment": application.recruitment,
        "candidate": application.candidate,
        "documents": application.documents.all(),
        **extra,
    }


@login_required
@require_http_methods(["GET", "POST"])
def application_screening(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = _application_to_assess(request, pk)
    screenings = {s.criterion_id: s for s in application.screenings.all()}
    form = ScreeningForm(
        request.POST or None,
        criteria=_criteria(application),
        screenings=screenings,
        initial={"advance_to": "", "rejection_reason": application.rejection_reason},
        language_policy=application.recruitment.language_policy,
    )
    status = 200
    if request.method == "POST":
        status = 400
        if not application.is_open:
            form.add_error(None, _("The application is closed: it is not assessed any more."))
        elif form.is_valid():
            advance_to = form.cleaned_data["advance_to"]
            rejecting = advance_to == "reject"
            saved, _screenings = form.language_save(
                request,
                lambda: services.screening_record(
                    application=application,
                    by=request.user,
                    results=form.results(),
                    advance_to=advance_to if not rejecting else None,
                    reply_by=form.cleaned_data["reply_by"],
                    mark_for_rejection=True if rejecting else None,
                    rejection_reason=form.cleaned_data["rejection_reason"] if rejecting else None,
                    language_override_reason=form.language_override_reason,
                ),
                success=_("The screening was saved."),
            )
            if saved:
                return redirect(application)
    context = _application_context(application, form=form)
    return render(request, "assessment/screening.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def merits_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = _application_to_assess(request, pk)
    form = MeritsForm(
        request.POST or None,
        merits=application.merits.all(),
        language_policy=application.recruitment.language_policy,
    )
    if request.method == "POST" and form.is_valid():
        saved, _application = form.language_save(
            request,
            lambda: services.merits_update(
                application=application,
                by=request.user,
                merits=form.merits(),
                language_override_reason=form.language_override_reason,
            ),
            success=_("The merits summary was saved."),
        )
        if saved:
            return redirect(application)
    context = _application_context(application, form=form)
    status = 400 if request.method == "POST" else 200
    return render(request, "assessment/merits.html", context, status=status)


def _team(application: Application) -> list[User]:
    return list(
        User.objects.filter(
            memberships__recruitment_id=application.recruitment_id, is_active=True
        ).order_by("first_name", "last_name", "username")
    )


def _interview_errors(form: forms.Form, exc: ValidationError) -> None:
    """A service's errors on the form; its ``scheduled_at`` is the form's date and time."""
    if hasattr(exc, "error_dict") and "scheduled_at" in exc.error_dict:
        exc = ValidationError(
            {("date" if k == "scheduled_at" else k): v for k, v in exc.error_dict.items()}
        )
    add_service_errors(form, exc)


def _told(request: AuthenticatedHttpRequest, interview: Interview, done: str) -> None:
    """Say what was done and whom nothing could be emailed to (they are told by phone)."""
    messages.success(request, done)
    without_email = [str(u) for u in interview.interviewers.all() if not u.email]
    if without_email:
        messages.warning(
            request,
            _("No calendar invitation could be emailed to %(names)s: no email address.")
            % {"names": ", ".join(without_email)},
        )
    if not interview.application.candidate.email:
        messages.warning(
            request,
            _("The candidate has no email address: tell them yourself, for example by phone."),
        )


@login_required
@require_http_methods(["GET", "POST"])
def interview_new(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application = _application_to_assess(request, pk)
    team = _team(application)
    form = InterviewForm(
        request.POST or None,
        team=team,
        initial={"interviewers": [request.user.pk] if request.user in team else []},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            interview = services.interview_schedule(
                application=application,
                by=request.user,
                scheduled_at=form.scheduled_at(),
                interviewers=list(data["interviewers"]),
                duration_minutes=data["duration_minutes"],
                location=data["location"],
                video_url=data["video_url"],
                bring=data["bring"],
                already_held=form.already_held,
            )
        except ValidationError as exc:
            _interview_errors(form, exc)
        else:
            if form.already_held:
                messages.success(
                    request, _("The interview was recorded as held. Nothing was sent.")
                )
            else:
                _told(request, interview, _("The interview was booked and the invitations sent."))
            return redirect(interview)
    context = _application_context(
        application, form=form, can_book=application.stage in Application.INVITED_STAGES
    )
    status = 400 if request.method == "POST" else 200
    return render(request, "assessment/interview_new.html", context, status=status)


def _get_interview_for_user(request: AuthenticatedHttpRequest, pk: int) -> tuple[Interview, Access]:
    interview = get_object_or_404(
        Interview.objects.select_related(
            "application__candidate", "application__recruitment", "profile_version"
        ).prefetch_related("interviewers"),
        pk=pk,
    )
    access = selectors.interview_access(request.user, interview)
    if access is None:
        raise Http404
    return interview, access


def _interview_to_change(request: AuthenticatedHttpRequest, pk: int) -> Interview:
    """The interview if the user may move or cancel it: 404 if they may not see it, 403 if
    their role does not move applications (interviewers included)."""
    interview, access = _get_interview_for_user(request, pk)
    if not access.can_move:
        raise PermissionDenied
    return interview


def _not_changeable(interview: Interview) -> str:
    if interview.is_held:
        return _("The interview was held: it cannot be moved or cancelled.")
    return _("The interview is cancelled: book a new one instead.")


@login_required
@require_http_methods(["GET", "POST"])
def interview_move(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    interview = _interview_to_change(request, pk)
    form = InterviewMoveForm(
        request.POST or None,
        team=_team(interview.application),
        initial=InterviewMoveForm.initial_from(interview),
    )
    if request.method == "POST" and interview.can_change and form.is_valid():
        data = form.cleaned_data
        try:
            interview = services.interview_reschedule(
                interview=interview,
                by=request.user,
                scheduled_at=form.scheduled_at(),
                interviewers=list(data["interviewers"]),
                duration_minutes=data["duration_minutes"],
                location=data["location"],
                video_url=data["video_url"],
                bring=data["bring"],
                reason=data["reason"],
            )
        except ValidationError as exc:
            _interview_errors(form, exc)
        else:
            _told(
                request,
                interview,
                _("The interview was changed. The candidate and the interviewers were told."),
            )
            return redirect(interview)
    context = {
        **_application_context(interview.application),
        "interview": interview,
        "form": form,
        "blocked": "" if interview.can_change else _not_changeable(interview),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "assessment/interview_move.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def interview_cancel(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    interview = _interview_to_change(request, pk)
    form = InterviewCancelForm(request.POST or None)
    # Held or already cancelled: the page says so instead of offering the form.
    if request.method == "POST" and interview.can_change and form.is_valid():
        try:
            services.interview_cancel(
                interview=interview, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if interview.has_started():
                messages.success(
                    request,
                    _("The interview was cancelled. Its time had passed, so nothing was sent."),
                )
            else:
                _told(
                    request,
                    interview,
                    _("The interview was cancelled. The candidate and the interviewers were told."),
                )
            return redirect(interview)
    context = {
        **_application_context(interview.application),
        "interview": interview,
        "form": form,
        "blocked": "" if interview.can_change else _not_changeable(interview),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "assessment/interview_cancel.html", context, status=status)


def _may_mark_held(user: User, interview: Interview, access: Access) -> bool:
    return access.can_move or selectors.is_interviewer(user, interview)


@login_required
def interview_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    interview, access = _get_interview_for_user(request, pk)
    view = selectors.scorecards_for(request.user, interview)
    shown = [card for card in [view.own, *view.others] if card is not None]
    changes = selectors.scorecard_changes(interview.application, {card.pk for card in shown})
    cards = [(card, changes.get(card.pk, [])) for card in shown]
    context = {
        **_application_context(interview.application),
        "interview": interview,
        "access": access,
        "view": view,
        "cards": cards,
        "interviewers": [
            (user, user.pk in view.submitted_by) for user in interview.interviewers.all()
        ],
        "is_interviewer": selectors.is_interviewer(request.user, interview),
        "may_mark_held": _may_mark_held(request.user, interview, access),
        "may_change": access.can_move and interview.can_change,
    }
    return render(request, "assessment/interview.html", context)


@login_required
@require_POST
def interview_held(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    interview, access = _get_interview_for_user(request, pk)
    if not _may_mark_held(request.user, interview, access):
        raise PermissionDenied
    try:
        services.interview_mark_held(interview=interview, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The interview is marked as held."))
    return redirect(interview)


@login_required
@require_http_methods(["GET", "POST"])
def scorecard_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The calling interviewer's own scorecard: new, or a change after submission."""
    interview, _access = _get_interview_for_user(request, pk)
    if not selectors.is_interviewer(request.user, interview):
        raise PermissionDenied
    own = next(
        (c for c in selectors.scorecards_of(interview) if c.interviewer_id == request.user.pk),
        None,
    )
    ratings = {r.criterion_id: r for r in own.ratings.all()} if own else {}
    initial = (
        {"impression": own.impression, "strengths": own.strengths, "tips": own.tips} if own else {}
    )
    form = ScorecardForm(
        request.POST or None,
        criteria=_criteria(interview.application),
        ratings=ratings,
        initial=initial,
        language_policy=interview.application.recruitment.language_policy,
    )
    if request.method == "POST" and form.is_valid():
        saved, _submitted = form.language_save(
            request,
            lambda: services.scorecard_submit(
                interview=interview,
                by=request.user,
                ratings=form.ratings(),
                impression=form.cleaned_data["impression"],
                strengths=form.cleaned_data["strengths"],
                tips=form.cleaned_data["tips"],
                language_override_reason=form.language_override_reason,
            ),
            success=_scorecard_saved,
        )
        if saved:
            return redirect(interview)
    context = _application_context(
        interview.application,
        interview=interview,
        form=form,
        own=own,
        started=interview.has_started(),
    )
    status = 400 if request.method == "POST" else 200
    return render(request, "assessment/scorecard.html", context, status=status)


def _scorecard_saved(submitted: tuple[Scorecard, bool]) -> str:
    _card, created = submitted
    if created:
        return _("Your scorecard was submitted. You can now see the others'.")
    return _("Your scorecard was changed. The earlier version is kept on the timeline.")


@login_required
def interview_ics(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The interview as a calendar file, for interviewers who want it again."""
    interview, _access = _get_interview_for_user(request, pk)
    method = calendar.CANCEL if interview.is_cancelled else calendar.REQUEST
    response = HttpResponse(
        calendar.invitation(interview, language=request.LANGUAGE_CODE[:2], method=method),
        content_type=calendar.content_type(method),
    )
    response["Content-Disposition"] = f'attachment; filename="intervju-{interview.pk}.ics"'
    response["Cache-Control"] = "private, no-store"
    return response
