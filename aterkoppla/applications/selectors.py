"""Which applications a team member may see."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application
from aterkoppla.recruitment.models import TeamMembership
from aterkoppla.recruitment.selectors import Access, access_for


def applications_visible(
    applications: QuerySet[Application], *, user: User, access: Access
) -> QuerySet[Application]:
    """Narrow a recruitment's applications to what this team member may see (DESIGN §2)."""
    if access.interviews_only:
        return applications.filter(interviews__interviewers=user).distinct()
    return applications


def application_access(user: User, application: Application) -> Access | None:
    """The user's access to the application, or None when they may not see it."""
    access = access_for(user, application.recruitment)
    if access is None:
        return None
    if access.interviews_only and not application.interviews.filter(interviewers=user).exists():
        return None
    return access


def applications_visible_to(user: User) -> QuerySet[Application]:
    """Every application the user may see, across recruitments: all of the recruitments whose
    team they are on in a full role, and those they interview where they are an interviewer."""
    if not user.is_authenticated or not user.is_active:
        return Application.objects.none()
    if user.is_site_admin:
        return Application.objects.all()
    memberships = TeamMembership.objects.filter(user=user)
    full = memberships.exclude(role=TeamMembership.Role.INTERVIEWER).values("recruitment_id")
    interviewing = memberships.filter(role=TeamMembership.Role.INTERVIEWER).values("recruitment_id")
    return Application.objects.filter(
        Q(recruitment_id__in=full)
        | Q(recruitment_id__in=interviewing, interviews__interviewers=user)
    ).distinct()
