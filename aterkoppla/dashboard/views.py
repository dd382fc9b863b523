from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from aterkoppla.dashboard import selectors


# "/" is where everyone starts, and where login leads: no "?next=/" that only repeats that.
@login_required(redirect_field_name=None)
def home(request: HttpRequest) -> HttpResponse:
    """Who is waiting: the first page after login."""
    context = {
        "nav": "dashboard",
        "waiting": selectors.waiting_for(request.user),
        "due_soon_days": selectors.DUE_SOON_WORKING_DAYS,
    }
    return render(request, "dashboard/home.html", context)
