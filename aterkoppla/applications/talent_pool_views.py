"""``/applications/talent-pool/``: the people in the talent pool, found by what they met and
what they asked to hear about, and invited to apply to an open job.

Who sees whom is ``talent_pool_selectors``; an invitation's rules are
``talent_pool.talent_pool_invite``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aterkoppla.applications.forms import TalentPoolInviteForm, TalentPoolSearchForm
from aterkoppla.applications.talent_pool import talent_pool_invite
from aterkoppla.applications.talent_pool_selectors import (
    PoolSearch,
    talent_pool_invite_targets,
    talent_pool_people,
    talent_pool_person_get,
)
from aterkoppla.recruitment.models import Recruitment
from aterkoppla.recruitment.selectors import access_for

if TYPE_CHECKING:
    from aterkoppla.accounts.http import AuthenticatedHttpRequest

PAGE_SIZE = 50
SEARCH_FIELDS = ("requirement", "category", "text")


@login_required
def talent_pool(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The people in the talent pool the user sees (none for an interviewer or a user on no
    team), searched, a page at a time, with the jobs the user may invite them to."""
    form = TalentPoolSearchForm(request.GET)
    search = PoolSearch()
    if form.is_valid():
        search = PoolSearch(**{name: form.cleaned_data[name].strip() for name in SEARCH_FIELDS})
    people = talent_pool_people(request.user, search)
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    query = urlencode(
        {name: getattr(search, name) for name in SEARCH_FIELDS if getattr(search, name)}
    )
    context = {
        "form": form,
        "page": page,
        "searched": any(getattr(search, name) for name in SEARCH_FIELDS),
        "query": query,
        "targets": list(talent_pool_invite_targets(request.user)),
        "nav": "talent_pool",
    }
    return render(
        request,
        "applications/talent_pool.html",
        context,
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def talent_pool_invite_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Invite one person to apply to a recruitment the user manages: refused, with the reason
    as a message, when their consent has ended, the job is not open or they were invited."""
    candidate = talent_pool_person_get(request.user, pk)
    back = reverse("applications:talent_pool")
    query = request.POST.get("query", "")
    if query and all(
        part.split("=", 1)[0] in {*SEARCH_FIELDS, "page"} for part in query.split("&")
    ):
        back += "?" + query
    form = TalentPoolInviteForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(error) for error in form.errors["recruitment"]))
        return redirect(back)
    recruitment = Recruitment.objects.filter(pk=form.cleaned_data["recruitment"]).first()
    access = access_for(request.user, recruitment) if recruitment is not None else None
    if recruitment is None or access is None or not access.can_manage:
        raise PermissionDenied
    try:
        invitation = talent_pool_invite(
            candidate=candidate, recruitment=recruitment, by=request.user
        )
    except ValidationError as refused:
        messages.error(request, " ".join(refused.messages))
    else:
        messages.success(
            request,
            _("%(name)s is invited to apply for %(job)s.")
            % {"name": candidate.full_name, "job": invitation.recruitment.title},
        )
    return redirect(back)
