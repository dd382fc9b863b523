from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from aterkoppla.dashboard import selectors

if TYPE_CHECKING:
    from aterkoppla.accounts.http import AuthenticatedHttpRequest


# "/" is where everyone starts, and where login leads: no "?next=/" that only repeats that.
@login_required(redirect_field_name=None)
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Who is waiting: the first page after login."""
    context = {
        "nav": "dashboard",
        "waiting": selectors.waiting_for(request.user),
        "contact": selectors.contact_notice(),
        "due_soon_days": selectors.DUE_SOON_WORKING_DAYS,
    }
    return render(request, "dashboard/home.html", context)
