"""The user's own account page: who they are, and their API tokens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from aterkoppla.accounts.forms import ApiTokenForm
from aterkoppla.accounts.models import ApiToken

if TYPE_CHECKING:
    from aterkoppla.accounts.http import AuthenticatedHttpRequest


def _render_profile(
    request: AuthenticatedHttpRequest,
    form: ApiTokenForm,
    *,
    new_key: str = "",
    new_token: ApiToken | None = None,
) -> HttpResponse:
    context = {
        "form": form,
        "tokens": request.user.api_tokens.all(),
        "new_key": new_key,
        "new_token": new_token,
        "nav": "account",
    }
    return render(request, "accounts/profile.html", context)


@login_required
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _render_profile(request, ApiTokenForm())


@never_cache
@login_required
@require_POST
def token_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Make a token and show it in this answer only: it is never stored or shown again."""
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        return _render_profile(request, form)
    token, key = ApiToken.issue(user=request.user, name=form.cleaned_data["name"])
    return _render_profile(request, ApiTokenForm(), new_key=key, new_token=token)


@login_required
@require_POST
def token_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    # Only one's own tokens: another user's token id is simply not found.
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token.revoke()
    messages.success(request, _("The token “%(name)s” was revoked.") % {"name": token.name})
    return redirect("accounts:profile")


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None, credentials: object
) -> HttpResponse:
    """django-axes' answer to a login while it is paused (AXES_LOCKOUT_CALLABLE): 429, with
    how long to wait, in the reader's language."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"cooloff_minutes": minutes}, status=429)
