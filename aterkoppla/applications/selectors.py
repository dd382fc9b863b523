"""Which applications a team member may see."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application
from aterkoppla.recruitment.models import TeamMembership
from aterkoppla.recruitment.selectors import Access, access_for

# The interviews an interviewer is on, for seeing the candidate: a cancelled interview gives
# no access (assessment's ``InterviewQuerySet.current``, written as a lookup from here).
_ON_CURRENT = {"interviews__cancelled_at__isnull": True}


def applications_visible(
    applications: QuerySet[Application], *, user: User, access: Access
) -> QuerySet[Application]:
    """Narrow a recruitment's applications to what this team member may see (DESIGN §2)."""
    if access.interviews_only:
        return applications.filter(interviews__interviewers=user, **_ON_CURRENT).distinct()
    return applications


def application_access(user: User, application: Application) -> Access | None:
    """The user's access to the application, or None when they may not see it."""
    access = access_for(user, application.recruitment)
    if access is None:
        return None
    if (
        access.interviews_only
        and not application.interviews.filter(interviewers=user, cancelled_at__isnull=True).exists()
    ):
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
        | Q(recruitment_id__in=interviewing, interviews__interviewers=user, **_ON_CURRENT)
    ).distinct()


def application_get_for_user(
    user: User,
    pk: int,
    *,
    decide: bool = False,
    queryset: QuerySet[Application] | None = None,
) -> tuple[Application, Access]:
    """The application (with its candidate and recruitment) and the user's access to it.

    ``Http404`` when it does not exist or the user may not see it (not on the team, or an
    interviewer who does not interview this candidate); ``PermissionDenied`` when ``decide``
    (assess, move, decide, call) is asked for and the user's role does not allow it.
    """
    queryset = queryset if queryset is not None else Application.objects.all()
    application = queryset.select_related("candidate", "recruitment").filter(pk=pk).first()
    if application is None:
        raise Http404
    access = application_access(user, application)
    if access is None:
        raise Http404
    if decide and not access.can_move:
        raise PermissionDenied
    return application, access
