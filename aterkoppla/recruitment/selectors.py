"""Reads that decide who may see and change what."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import F, QuerySet
from django.http import Http404

from aterkoppla.accounts.models import User
from aterkoppla.recruitment.events import STATUS_CHANGED
from aterkoppla.recruitment.models import LegalHold, Recruitment, TeamMembership
from aterkoppla.timeline.models import TimelineEvent

Role = TeamMembership.Role


@dataclass(frozen=True)
class Access:
    """What one user may do on one recruitment. ``role`` is None for a site admin off the team."""

    role: str | None
    site_admin: bool

    @property
    def can_manage(self) -> bool:
        return self.site_admin or self.role in TeamMembership.MANAGING_ROLES

    @property
    def can_move(self) -> bool:
        return self.site_admin or self.role in TeamMembership.DECIDING_ROLES

    @property
    def interviews_only(self) -> bool:
        """An interviewer sees only the applications of the interviews they are on."""
        return not self.site_admin and self.role == Role.INTERVIEWER


def recruitments_for_user(user: User) -> QuerySet[Recruitment]:
    """The recruitments a user may see: those whose team they are on; all for a site admin."""
    if not user.is_authenticated or not user.is_active:
        return Recruitment.objects.none()
    if user.is_site_admin:
        return Recruitment.objects.all()
    return Recruitment.objects.filter(memberships__user=user)


def access_for(user: User, recruitment: Recruitment) -> Access | None:
    """The user's access to the recruitment, or None when they may not see it at all."""
    if not user.is_authenticated or not user.is_active:
        return None
    role = (
        TeamMembership.objects.filter(recruitment=recruitment, user=user)
        .values_list("role", flat=True)
        .first()
    )
    if role is None and not user.is_site_admin:
        return None
    return Access(role=role, site_admin=user.is_site_admin)


def recruitment_get_for_user(
    user: User,
    pk: int,
    *,
    manage: bool = False,
    decide: bool = False,
    queryset: QuerySet[Recruitment] | None = None,
) -> tuple[Recruitment, Access]:
    """The recruitment and the user's access to it, for pages and the API.

    ``Http404`` when it does not exist or the user is not on its team (an outsider learns
    nothing, not even that it exists); ``PermissionDenied`` when ``manage`` (change it) or
    ``decide`` (move, decide, call) is asked for and the user's role does not allow it.
    """
    queryset = queryset if queryset is not None else Recruitment.objects.select_related("owner")
    recruitment = queryset.filter(pk=pk).first()
    if recruitment is None:
        raise Http404
    access = access_for(user, recruitment)
    if access is None:
        raise Http404
    if (manage and not access.can_manage) or (decide and not access.can_move):
        raise PermissionDenied
    return recruitment, access


def recruitment_status_history(recruitment: Recruitment) -> QuerySet[TimelineEvent]:
    """Every change of the recruitment's status, newest first, with who made it and why."""
    return (
        TimelineEvent.objects.filter(recruitment_id=recruitment.pk, kind=STATUS_CHANGED)
        .select_related("actor_user")
        .order_by("-at", "-id")
    )


def legal_holds_in_force(recruitment: Recruitment) -> QuerySet[LegalHold]:
    """The holds on ``recruitment`` not yet lifted, newest first."""
    return LegalHold.objects.filter(recruitment=recruitment, lifted_at__isnull=True)


def recruitment_held_ids() -> QuerySet[LegalHold, int]:
    """The ids of the recruitments under a legal hold (a subquery for many at once)."""
    return LegalHold.objects.filter(lifted_at__isnull=True).values_list("recruitment_id", flat=True)


def legal_holds_all() -> QuerySet[LegalHold]:
    """Every hold, those in force first (newest first), then the lifted ones (latest lifted
    first), with their recruitment and the people who set and lifted them."""
    return LegalHold.objects.select_related("recruitment", "set_by", "lifted_by").order_by(
        F("lifted_at").desc(nulls_first=True), "-set_at", "-pk"
    )


def hold_may_be_set(access: Access | None, source: str) -> bool:
    """Who may set a hold of ``source``: a site admin any (DL 6 kap. 3–4 §§: keep what a claim
    may need); the recruitment's owner may mark it disputed. A request for the written
    information sets its own (``decisions.services.disclosure_request``)."""
    if access is None:
        return False
    if access.site_admin:
        return source in (LegalHold.Source.ADMIN, LegalHold.Source.DISPUTED)
    return source == LegalHold.Source.DISPUTED and access.role == Role.OWNER
