"""Legal holds: the site admins' list of holds, setting and lifting them. Marking a
recruitment as disputed is on its own page (``views.recruitment_dispute``).

A hold keeps everything of a recruitment past its retention (diskrimineringslagen 6 kap.
3–4 §§: the employer must be able to show what happened while a claim may be brought); the
rule itself is in ``services.legal_hold_set`` / ``legal_hold_lift``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from aterkoppla.accounts.access import require_site_admin
from aterkoppla.core.forms import add_service_errors
from aterkoppla.recruitment import services
from aterkoppla.recruitment.forms import DisputeForm, LegalHoldForm, LiftHoldForm
from aterkoppla.recruitment.models import LegalHold, Recruitment
from aterkoppla.recruitment.selectors import legal_holds_all, legal_holds_in_force

if TYPE_CHECKING:
    from aterkoppla.accounts.http import AuthenticatedHttpRequest

Source = LegalHold.Source


def lift_form_for(hold: LegalHold, data: Mapping[str, Any] | None = None) -> LiftHoldForm:
    """The lift form of one hold, with ids of its own (many stand on one page)."""
    return LiftHoldForm(data, auto_id=f"id_hold{hold.pk}_%s")


def set_hold_and_tell(
    request: AuthenticatedHttpRequest,
    form: LegalHoldForm | DisputeForm,
    recruitment: Recruitment,
    source: str,
) -> bool:
    """Set the hold; tell the user what happened (a new hold, or one already in force)."""
    before = set(
        legal_holds_in_force(recruitment).filter(source=source).values_list("pk", flat=True)
    )
    try:
        hold = services.legal_hold_set(
            recruitment=recruitment,
            source=source,
            reason=form.cleaned_data["reason"],
            by=request.user,
        )
    except ValidationError as exc:
        add_service_errors(form, exc)
        return False
    if hold.pk in before:
        messages.info(
            request,
            _("“%(title)s” already has this hold, since %(date)s. Its reason on record: %(reason)s")
            % {
                "title": recruitment.title,
                "date": date_format(localtime(hold.set_at), "j F Y"),
                "reason": hold.reason,
            },
        )
    else:
        messages.success(
            request,
            _(
                "“%(title)s” is under a legal hold: nothing in it is deleted or anonymised "
                "until a site admin lifts the hold."
            )
            % {"title": recruitment.title},
        )
    return True


@login_required
@require_http_methods(["GET", "POST"])
def holds(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Every hold (in force, then lifted), and a form to set one (site admins)."""
    require_site_admin(request)
    form = LegalHoldForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and set_hold_and_tell(request, form, form.cleaned_data["recruitment"], Source.ADMIN)
    ):
        return redirect("recruitment:holds")
    all_holds = list(legal_holds_all())
    context = {
        "form": form,
        "in_force": [(hold, lift_form_for(hold)) for hold in all_holds if hold.in_force],
        "lifted": [hold for hold in all_holds if not hold.in_force],
        "nav": "holds",
    }
    return render(request, "recruitment/holds.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def hold_lift(request: AuthenticatedHttpRequest, pk: int, hold_pk: int) -> HttpResponse:
    """Lift one hold, with a reason (site admins only)."""
    require_site_admin(request)
    hold = get_object_or_404(
        LegalHold.objects.select_related("recruitment", "set_by", "lifted_by"),
        pk=hold_pk,
        recruitment_id=pk,
    )
    form = lift_form_for(hold, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.legal_hold_lift(
                hold=hold, reason=form.cleaned_data["lift_reason"], by=request.user
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("The hold on “%(title)s” was lifted.") % {"title": hold.recruitment.title},
            )
            if request.POST.get("back") == "recruitment":
                return redirect("recruitment:edit", pk=pk)
            return redirect("recruitment:holds")
    context = {"hold": hold, "form": form, "nav": "holds"}
    status = 400 if form.errors else 200
    return render(request, "recruitment/hold_lift.html", context, status=status)
