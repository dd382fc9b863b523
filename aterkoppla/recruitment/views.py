from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from aterkoppla.accounts.access import require_recruiter
from aterkoppla.core.forms import add_service_errors
from aterkoppla.recruitment import services
from aterkoppla.recruitment.forms import (
    CriterionForm,
    CriterionFormSet,
    DisputeForm,
    MoveForm,
    ReasonForm,
    RecruitmentForm,
    TeamMemberForm,
)
from aterkoppla.recruitment.hold_views import lift_form_for, set_hold_and_tell
from aterkoppla.recruitment.models import Criterion, LegalHold, Recruitment, TeamMembership
from aterkoppla.recruitment.selectors import (
    Access,
    hold_may_be_set,
    legal_holds_in_force,
    recruitment_get_for_user,
    recruitment_status_history,
)

if TYPE_CHECKING:
    from aterkoppla.accounts.http import AuthenticatedHttpRequest


@login_required
@require_http_methods(["GET", "POST"])
def recruitment_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require_recruiter(request)
    form = RecruitmentForm(request.POST or None)
    formset = CriterionFormSet(request.POST or None, prefix="criteria")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        specs = [
            services.CriterionSpec(**{k: f.cleaned_data[k] for k in services.CRITERION_FIELDS})
            for f in formset.filled_forms()
        ]
        saved, recruitment = form.language_save(
            request,
            lambda: services.recruitment_create(
                owner=request.user,
                criteria=specs,
                language_override_reason=form.language_override_reason,
                **form.recruitment_data(),
            ),
            success=_("The recruitment was created."),
        )
        if saved and recruitment is not None:
            return redirect(recruitment)
    status = 400 if form.errors or formset.total_error_count() else 200
    context = {"form": form, "formset": formset}
    return render(request, "recruitment/create.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def recruitment_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    recruitment, access = recruitment_get_for_user(request.user, pk, manage=True)
    form = RecruitmentForm(request.POST or None, instance=Recruitment.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        changes = {k: v for k, v in form.recruitment_data().items() if k in form.changed_data}
        saved, _updated = form.language_save(
            request,
            lambda: services.recruitment_update(
                recruitment=recruitment,
                by=request.user,
                language_override_reason=form.language_override_reason,
                **changes,
            ),
            success=_("The recruitment was saved."),
        )
        if saved:
            return redirect(recruitment)
    return render_edit(request, recruitment, access, form=form, status=400 if form.errors else 200)


def render_edit(
    request: AuthenticatedHttpRequest,
    recruitment: Recruitment,
    access: Access,
    *,
    form: RecruitmentForm | None = None,
    dispute_form: DisputeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The recruitment's settings page: the posting and its status, the holds in force and
    (for its owner and site admins) marking it as disputed."""
    holds = list(legal_holds_in_force(recruitment).select_related("set_by"))
    may_dispute = hold_may_be_set(access, LegalHold.Source.DISPUTED)
    context = {
        "form": form or RecruitmentForm(instance=Recruitment.objects.get(pk=recruitment.pk)),
        "recruitment": recruitment,
        "access": access,
        "status_history": recruitment_status_history(recruitment),
        "holds": [(hold, lift_form_for(hold) if access.site_admin else None) for hold in holds],
        "dispute_form": (dispute_form or DisputeForm()) if may_dispute else None,
        "disputed": any(hold.source == LegalHold.Source.DISPUTED for hold in holds),
    }
    return render(request, "recruitment/edit.html", context, status=status)


@login_required
@require_POST
def recruitment_dispute(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Mark the recruitment as disputed ("Ifrågasatt / tvist"), with what is disputed: a legal
    hold of its own. Its owner or a site admin; only a site admin lifts it."""
    recruitment, access = recruitment_get_for_user(request.user, pk)
    if not hold_may_be_set(access, LegalHold.Source.DISPUTED):
        raise PermissionDenied
    form = DisputeForm(request.POST)
    if form.is_valid() and set_hold_and_tell(request, form, recruitment, LegalHold.Source.DISPUTED):
        return redirect("recruitment:edit", pk=pk)
    return render_edit(request, recruitment, access, dispute_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The requirement profile: list, add, reorder."""
    recruitment, access = recruitment_get_for_user(request.user, pk)
    version = services.profile_version_current(recruitment)
    form = CriterionForm(
        request.POST or None, recruitment=recruitment, in_force=version is not None
    )
    if request.method == "POST":
        if not access.can_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.criterion_add(
                    recruitment=recruitment, by=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The requirement was added."))
                return redirect("recruitment:profile", pk=recruitment.pk)
    context = {
        "recruitment": recruitment,
        "access": access,
        "criteria": list(recruitment.criteria.all()),
        "form": form,
        "version": version,
        "versions": list(recruitment.profile_versions.select_related("created_by")),
    }
    return render(request, "recruitment/profile.html", context)


def _get_criterion(recruitment: Recruitment, criterion_pk: int) -> Criterion:
    return get_object_or_404(Criterion, pk=criterion_pk, recruitment=recruitment)


@login_required
@require_http_methods(["GET", "POST"])
def criterion_edit(request: AuthenticatedHttpRequest, pk: int, criterion_pk: int) -> HttpResponse:
    recruitment, _access = recruitment_get_for_user(request.user, pk, manage=True)
    criterion = _get_criterion(recruitment, criterion_pk)
    version = services.profile_version_current(recruitment)
    form = CriterionForm(request.POST or None, instance=criterion, in_force=version is not None)
    if request.method == "POST" and form.is_valid():
        changes = form.changes()
        try:
            if changes:
                services.criterion_update(
                    criterion=criterion,
                    by=request.user,
                    reason=form.cleaned_data.get("reason", ""),
                    **changes,
                )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The requirement was saved."))
            return redirect("recruitment:profile", pk=recruitment.pk)
    context = {
        "recruitment": recruitment,
        "criterion": criterion,
        "form": form,
        "version": version,
    }
    return render(request, "recruitment/criterion_edit.html", context)


@login_required
@require_POST
def criterion_move(request: AuthenticatedHttpRequest, pk: int, criterion_pk: int) -> HttpResponse:
    recruitment, _access = recruitment_get_for_user(request.user, pk, manage=True)
    criterion = _get_criterion(recruitment, criterion_pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        offset = -1 if form.cleaned_data["direction"] == "up" else 1
        try:
            services.criterion_move(criterion=criterion, by=request.user, offset=offset)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, _("Choose up or down."))
    url = reverse("recruitment:profile", args=[recruitment.pk])
    return redirect(f"{url}#criterion-{criterion.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def criterion_remove(request: AuthenticatedHttpRequest, pk: int, criterion_pk: int) -> HttpResponse:
    """Remove at once before the profile is in force; after, with a reason (asked for here)."""
    recruitment, _access = recruitment_get_for_user(request.user, pk, manage=True)
    criterion = _get_criterion(recruitment, criterion_pk)
    version = services.profile_version_current(recruitment)
    form = ReasonForm(request.POST or None) if version else None
    if request.method == "POST" and (form is None or form.is_valid()):
        reason = form.cleaned_data["reason"] if form else ""
        services.criterion_remove(criterion=criterion, by=request.user, reason=reason)
        messages.success(
            request, _("The requirement “%(name)s” was removed.") % {"name": criterion}
        )
        return redirect("recruitment:profile", pk=recruitment.pk)
    if form is None:
        # Nothing to ask before the profile is in force: the button on the profile posts.
        return redirect("recruitment:profile", pk=recruitment.pk)
    context = {"recruitment": recruitment, "criterion": criterion, "form": form}
    status = 400 if request.method == "POST" else 200
    return render(request, "recruitment/criterion_remove.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def team(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    recruitment, access = recruitment_get_for_user(request.user, pk)
    form = TeamMemberForm(request.POST or None)
    if request.method == "POST":
        if not access.can_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.team_member_add(
                    recruitment=recruitment,
                    by=request.user,
                    user=form.cleaned_data["username"],
                    role=form.cleaned_data["role"],
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The team member was added."))
                return redirect("recruitment:team", pk=recruitment.pk)
    memberships = recruitment.memberships.select_related("user").order_by("user__first_name")
    context = {
        "recruitment": recruitment,
        "access": access,
        "memberships": memberships,
        "form": form,
    }
    return render(request, "recruitment/team.html", context)


@login_required
@require_POST
def team_remove(request: AuthenticatedHttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    recruitment, _access = recruitment_get_for_user(request.user, pk, manage=True)
    membership = get_object_or_404(TeamMembership, pk=membership_pk, recruitment=recruitment)
    try:
        services.team_member_remove(membership=membership, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("%(name)s was removed from the team.") % {"name": membership.user}
        )
    return redirect("recruitment:team", pk=recruitment.pk)
