"""Who may export a candidate's data on their behalf."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application
from aterkoppla.applications.selectors import application_get_for_user


def application_to_export(user: User, pk: int) -> Application:
    """The application whose candidate ``user`` may export: 404 when they may not see it,
    403 unless they manage its recruitment (the owner, a recruiter, a site admin).

    The export covers the whole person, every application (that is what GDPR art. 15 asks
    for), so it is for those who answer for the recruitment, not for every team role."""
    application, access = application_get_for_user(user, pk)
    if not access.can_manage:
        raise PermissionDenied
    return application
