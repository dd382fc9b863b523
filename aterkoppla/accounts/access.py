"""Who may use the pages that are not about one recruitment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied

if TYPE_CHECKING:
    from aterkoppla.accounts.http import AuthenticatedHttpRequest


def require_site_admin(request: AuthenticatedHttpRequest) -> None:
    """Site admins only (organisation settings, templates, the override log); others 403."""
    if not request.user.is_site_admin:
        raise PermissionDenied


def require_recruiter(request: AuthenticatedHttpRequest) -> None:
    """Recruiters and site admins only (creating a recruitment); others 403."""
    if not request.user.may_create_recruitments:
        raise PermissionDenied
