from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Count, IntegerField, Q, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods, require_POST

from aterkoppla.applications.models import Application
from aterkoppla.applications.selectors import applications_visible
from aterkoppla.core.forms import add_service_errors
from aterkoppla.language.gate import LanguageBlocked, language_advice
from aterkoppla.recruitment import services
from aterkoppla.recruitment.forms import (
    CriterionForm,
    CriterionFormSet,
    MoveForm,
    ReasonForm,
    RecruitmentForm,
    TeamMemberForm,
)
from aterkoppla.recruitment.models import Criterion, Recruitment, TeamMembership
from aterkoppla.recruitment.selectors import Access, access_for, recruitments_for_user

Stage = Application.Stage


def _get_recruitment_for_user(
    request: HttpRequest, pk: int, *, manage: bool = False
) -> tuple[Recruitment, Access]:
    """The recruitment if the user is on its team (404 otherwise); 403 if they may not change it."""
    recruitment = get_object_or_404(Recruitment.objects.select_related("owner"), pk=pk)
    access = access_for(request.user, recruitment)
    if access is None:
        raise Http404
    if manage and not access.can_manage:
        raise PermissionDenied
    return recruitment, access


@login_required
def recruitment_list(request: HttpRequest) -> HttpResponse:
    open_stages = list(Application.OPEN_STAGES)
    recruitments = (
        recruitments_for_user(request.user)
        .select_related("owner")
        .annotate(
            n_applications=Count("applications", distinct=True),
            n_open=Count(
                "applications", filter=Q(applications__stage__in=open_stages), distinct=True
            ),
        )
        .order_by(
            Case(
                When(status=Recruitment.Status.OPEN, then=0),
                When(status=Recruitment.Status.CLOSED, then=1),
                When(status=Recruitment.Status.DRAFT, then=2),
                default=3,
                output_field=IntegerField(),
            ),
            "application_deadline",
            "-created_at",
        )
    )
    return render(request, "recruitment/list.html", {"recruitments": recruitments})


@login_required
@require_http_methods(["GET", "POST"])
def recruitment_create(request: HttpRequest) -> HttpResponse:
    form = RecruitmentForm(request.POST or None)
    formset = CriterionFormSet(request.POST or None, prefix="criteria")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        specs = [
            services.CriterionSpec(**{k: f.cleaned_data[k] for k in services.CRITERION_FIELDS})
            for f in formset.filled_forms()
        ]
        try:
            with language_advice() as advice:
                recruitment = services.recruitment_create(
                    owner=request.user,
                    criteria=specs,
                    language_override_reason=form.language_override_reason,
                    **form.recruitment_data(),
                )
        except LanguageBlocked as exc:
            form.language_stopped(exc)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The recruitment was created."))
            form.language_advise(request, advice)
            return redirect(recruitment)
    status = 400 if form.errors or formset.total_error_count() else 200
    context = {"form": form, "formset": formset}
    return render(request, "recruitment/create.html", context, status=status)


SORTS = {
    "name": ("candidate__last_name", "candidate__first_name", "id"),
    "stage": ("stage_order", "reply_by", "id"),
    "received": ("received_at", "id"),
    # Open applications by promised date; answered ones after them.
    "reply_by": ("is_closed", "reply_by", "received_at", "id"),
    # Longest waiting first: the earliest received of the open applications.
    "waiting": ("is_closed", "received_at", "id"),
}


def _stage_order() -> Case:
    return Case(
        *(When(stage=stage, then=index) for index, stage in enumerate(Stage)),
        output_field=IntegerField(),
    )


COLUMNS = (
    ("name", _lazy("Candidate")),
    ("stage", _lazy("Stage")),
    ("received", _lazy("Received")),
    ("reply_by", _lazy("Answer promised by")),
    ("waiting", _lazy("Days waiting")),
)


def _sort_columns(key: str, descending: bool, stage_filter: str) -> list[dict[str, object]]:
    """Header cells for the applications table: a link that sorts, and the current aria-sort."""
    columns = []
    for column, label in COLUMNS:
        current = column == key
        query = {"sort": f"-{column}" if current and not descending else column}
        if stage_filter:
            query["stage"] = stage_filter
        columns.append(
            {
                "label": label,
                "url": "?" + urlencode(query),
                "aria_sort": ("descending" if descending else "ascending") if current else "",
            }
        )
    return columns


@login_required
def recruitment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    recruitment, access = _get_recruitment_for_user(request, pk)
    sort = request.GET.get("sort", "reply_by")
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in SORTS:
        key, descending = "reply_by", False
    stage_filter = request.GET.get("stage", "")
    if stage_filter not in Stage.values:
        stage_filter = ""

    visible = applications_visible(recruitment.applications.all(), user=request.user, access=access)
    applications = (
        visible.select_related("candidate")
        .annotate(
            stage_order=_stage_order(),
            is_closed=Case(
                When(stage__in=list(Application.CLOSED_STAGES), then=1),
                default=0,
                output_field=IntegerField(),
            ),
        )
        .order_by(*(f"-{f}" if descending else f for f in SORTS[key]))
    )
    if stage_filter:
        applications = applications.filter(stage=stage_filter)
    counts = dict(
        Application.objects.filter(pk__in=visible.values("pk"))
        .values_list("stage")
        .annotate(n=Count("id"))
        .order_by()
    )
    stage_counts = [(stage, label, counts.get(stage, 0)) for stage, label in Stage.choices]
    context = {
        "recruitment": recruitment,
        "access": access,
        "tab": "applications",
        "criteria": list(recruitment.criteria.all()),
        "applications": applications,
        "columns": _sort_columns(key, descending, stage_filter),
        "stage_counts": stage_counts,
        "total": sum(counts.values()),
        "sort": key,
        "descending": descending,
        "stage_filter": stage_filter,
    }
    return render(request, "recruitment/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def recruitment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    recruitment, _access = _get_recruitment_for_user(request, pk, manage=True)
    form = RecruitmentForm(request.POST or None, instance=Recruitment.objects.get(pk=pk))
    if request.method == "POST" and form.is_valid():
        changes = {k: v for k, v in form.recruitment_data().items() if k in form.changed_data}
        try:
            with language_advice() as advice:
                services.recruitment_update(
                    recruitment=recruitment,
                    by=request.user,
                    language_override_reason=form.language_override_reason,
                    **changes,
                )
        except LanguageBlocked as exc:
            form.language_stopped(exc)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The recruitment was saved."))
            form.language_advise(request, advice)
            return redirect(recruitment)
    context = {"form": form, "recruitment": recruitment}
    status = 400 if form.errors else 200
    return render(request, "recruitment/edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest, pk: int) -> HttpResponse:
    """The requirement profile: list, add, reorder."""
    recruitment, access = _get_recruitment_for_user(request, pk)
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
def criterion_edit(request: HttpRequest, pk: int, criterion_pk: int) -> HttpResponse:
    recruitment, _access = _get_recruitment_for_user(request, pk, manage=True)
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
def criterion_move(request: HttpRequest, pk: int, criterion_pk: int) -> HttpResponse:
    recruitment, _access = _get_recruitment_for_user(request, pk, manage=True)
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
def criterion_remove(request: HttpRequest, pk: int, criterion_pk: int) -> HttpResponse:
    """Remove at once before the profile is in force; after, with a reason (asked for here)."""
    recruitment, _access = _get_recruitment_for_user(request, pk, manage=True)
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
def team(request: HttpRequest, pk: int) -> HttpResponse:
    recruitment, access = _get_recruitment_for_user(request, pk)
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
def team_remove(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    recruitment, _access = _get_recruitment_for_user(request, pk, manage=True)
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
