from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from aterkoppla.applications import services
from aterkoppla.applications.feedback import disclosure_refusal
from aterkoppla.applications.forms import ApplicationAddForm, MoveForm
from aterkoppla.applications.merits import merits_by_kind
from aterkoppla.applications.models import Application, Document
from aterkoppla.applications.selectors import application_get_for_user
from aterkoppla.core.forms import add_service_errors
from aterkoppla.recruitment.models import Criterion
from aterkoppla.recruitment.selectors import Access, recruitment_get_for_user
from aterkoppla.timeline.selectors import timeline_for

if TYPE_CHECKING:
    from aterkoppla.accounts.http import AuthenticatedHttpRequest


@login_required
@require_http_methods(["GET", "POST"])
def application_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    recruitment, _access = recruitment_get_for_user(request.user, pk, manage=True)
    form = ApplicationAddForm(request.POST or None, initial={"language": recruitment.language})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = services.application_receive(
                recruitment=recruitment,
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                phone=data["phone"],
                language=data["language"],
                merits=form.merits(),
                source=Application.Source.MANUAL,
                by=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("The application from %(name)s was added.") % {"name": application.candidate},
            )
            return redirect(recruitment)
    context = {"recruitment": recruitment, "form": form}
    return render(request, "applications/add.html", context, status=400 if form.errors else 200)


@login_required
def application_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application, access = application_get_for_user(request.user, pk)
    move_form = MoveForm(application=application) if access.can_move else None
    return _render_detail(request, application, access, move_form)


def _render_detail(
    request: HttpRequest,
    application: Application,
    access: Access,
    move_form: MoveForm | None,
    status: int = 200,
) -> HttpResponse:
    screenings = {s.criterion_id: s for s in application.screenings.all()}
    criteria = list(Criterion.objects.filter(recruitment_id=application.recruitment_id))
    interviews = list(application.interviews.prefetch_related("interviewers", "scorecards"))
    # A cancelled interview is kept for the record but is not one of the interviews.
    cancelled = [interview for interview in interviews if interview.cancelled_at is not None]
    interviews = [interview for interview in interviews if interview.cancelled_at is None]
    merits = list(application.merits.all())
    context = {
        "application": application,
        "recruitment": application.recruitment,
        "candidate": application.candidate,
        "access": access,
        "timeline": timeline_for(application),
        "documents": application.documents.all(),
        "move_form": move_form,
        "screening_rows": [(c, screenings.get(c.pk)) for c in criteria],
        "screened": bool(screenings),
        "interviews": [
            (
                interview,
                list(interview.interviewers.all()),
                {card.interviewer_id for card in interview.scorecards.all()},
            )
            for interview in interviews
        ],
        "cancelled_interviews": cancelled,
        "may_book": application.stage in Application.INVITED_STAGES,
        "merits": merits_by_kind(merits),
        "merits_flag": application.invited_to_interview and not merits,
        "merits_review": any(merit.needs_review for merit in merits),
        "disclosures": list(application.disclosure_requests.all()),
        "may_record_disclosure": access.can_move and not disclosure_refusal(application),
        "may_send_disclosure": access.can_move,
    }
    return render(request, "applications/detail.html", context, status=status)


@login_required
def document_download(request: AuthenticatedHttpRequest, pk: int, document_pk: int) -> FileResponse:
    """A candidate's document, for the recruitment's team only; never from a public URL."""
    application, _access = application_get_for_user(request.user, pk)
    document = get_object_or_404(Document, pk=document_pk, application=application)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    # Only PDFs open in the browser (its viewer is sandboxed); Word and ODT files download.
    inline = request.GET.get("inline") == "1" and document.content_type == "application/pdf"
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def application_move(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    application, access = application_get_for_user(request.user, pk)
    if not access.can_move:
        raise PermissionDenied
    form = MoveForm(request.POST, application=application)
    if form.is_valid():
        to_stage = form.cleaned_data["to_stage"]
        try:
            if to_stage in Application.CLOSED_STAGES:
                # Withdrawn (recorded by staff) or hired: the application closes.
                services.applications_close(
                    applications=[application], outcome=to_stage, by=request.user
                )
            else:
                services.application_move(
                    application=application,
                    to_stage=to_stage,
                    reply_by=form.cleaned_data["reply_by"],
                    by=request.user,
                )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The application was moved."))
            return redirect(application)
    return _render_detail(request, application, access, form, status=400)
