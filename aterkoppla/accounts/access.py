"""Who may use the pages that are not about one recruitment."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest


def require_site_admin(request: HttpRequest) -> None:
    """Site admins only (organisation settings, templates, the override log); others 403."""
    if not request.user.is_site_admin:
        raise PermissionDenied
