"""The request a page for logged-in users sees (django-stubs' pattern for ``login_required``).

``request.user`` is ``User | AnonymousUser`` on a plain ``HttpRequest``. Behind
``@login_required`` it is always a ``User``: annotate such views with
``AuthenticatedHttpRequest`` so that the type says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from aterkoppla.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    user: User
