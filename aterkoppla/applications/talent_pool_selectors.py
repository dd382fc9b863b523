"""Who in the talent pool a member of staff sees, and finding them (the staff's talent pool
page, ``talent_pool_views``).

A person with a valid consent is seen by the team of a recruitment they applied to, in a role
that sees every application (owner, recruiter, hiring manager), and by site admins; an
interviewer's role gives no access. Of the person's applications a team member reads only
those of such recruitments (a site admin: all): the earlier jobs shown, the requirements met
and the words searched are all from these, so nothing of another team's recruitment shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application, Candidate, TalentPoolInvitation
from aterkoppla.applications.talent_pool import (
    candidates_with_valid_consent_q,
    talent_pool_consents_valid,
)
from aterkoppla.recruitment.models import Recruitment, TeamMembership

# A requirement the candidate met: screened "met" (``assessment.Screening.Result.MET``,
# written as a lookup from here), or scored at least this at an interview (of 5).
MET = "met"
STRONG_SCORE = 4

# The roles on a team that see the applicants in the talent pool: those who see every
# application of the recruitment (not the interviewer, who sees only their interviews).
SEEING_ROLES = frozenset(TeamMembership.Role) - {TeamMembership.Role.INTERVIEWER}


@dataclass(frozen=True)
class PoolSearch:
    """What staff look for: a requirement met (words of its name), a category of
    requirement met, and free words (name, the kinds of jobs asked for, merits, job titles)."""

    requirement: str = ""
    category: str = ""
    text: str = ""


def _recruitments_seen(user: User) -> QuerySet[TeamMembership, int] | None:
    """The ids of the recruitments whose applicants in the pool ``user`` sees; None for all."""
    if user.is_site_admin:
        return None
    return TeamMembership.objects.filter(user=user, role__in=SEEING_ROLES).values_list(
        "recruitment_id", flat=True
    )


def _applications_seen(user: User) -> QuerySet[Application]:
    if not user.is_authenticated or not user.is_active:
        return Application.objects.none()
    seen = _recruitments_seen(user)
    applications = Application.objects.all()
    return applications if seen is None else applications.filter(recruitment_id__in=seen)


def talent_pool_people(
    user: User, search: PoolSearch | None = None, *, at: dt.datetime | None = None
) -> QuerySet[Candidate]:
    """The people in the talent pool ``user`` sees, found by ``search``, by name.

    Each has ``pool_scope`` and ``pool_until`` (their consent's kinds of jobs and end),
    ``pool_applications`` (the applications the user sees, newest first, with their
    recruitments) and ``pool_invitations`` (to recruitments the user sees). A few queries for
    a page, however many people are on it."""
    at = at or timezone.now()
    search = search or PoolSearch()
    applications = _applications_seen(user)
    people = Candidate.objects.filter(
        candidates_with_valid_consent_q(at), pk__in=applications.values("candidate_id")
    )
    if search.requirement or search.category:
        people = people.filter(_met_q(applications, search))
    for word in search.text.split():
        people = people.filter(_words_q(applications, word, at))
    consent = talent_pool_consents_valid(at).filter(candidate=OuterRef("pk"))
    seen = _recruitments_seen(user)
    invitations = TalentPoolInvitation.objects.select_related("recruitment", "invited_by")
    if seen is not None:
        invitations = invitations.filter(recruitment_id__in=seen)
    return (
        people.annotate(
            pool_scope=Subquery(consent.values("scope")[:1]),
            pool_until=Subquery(consent.values("expires_at")[:1]),
        )
        .prefetch_related(
            Prefetch(
                "applications",
                queryset=applications.select_related("recruitment").order_by("-received_at"),
                to_attr="pool_applications",
            ),
            Prefetch(
                "talent_pool_invitations",
                queryset=invitations.order_by("-invited_at", "-pk"),
                to_attr="pool_invitations",
            ),
        )
        .order_by("last_name", "first_name", "pk")
    )


def _met_q(applications: QuerySet[Application], search: PoolSearch) -> Q:
    """People with an application (one the user sees) that met a requirement whose name has
    ``search.requirement`` and whose category is ``search.category``: screened met, or scored
    at least ``STRONG_SCORE`` at an interview that was not cancelled."""
    criterion: dict[str, str] = {}
    if search.requirement:
        criterion["name__icontains"] = search.requirement
    if search.category:
        criterion["category"] = search.category
    screened = applications.filter(
        screenings__result=MET, **{f"screenings__criterion__{k}": v for k, v in criterion.items()}
    )
    rating = "interviews__scorecards__ratings__"
    scored = applications.filter(
        interviews__cancelled_at__isnull=True,
        **{f"{rating}score__gte": STRONG_SCORE},
        **{f"{rating}criterion__{k}": v for k, v in criterion.items()},
    )
    return Q(pk__in=screened.values("candidate_id")) | Q(pk__in=scored.values("candidate_id"))


def _words_q(applications: QuerySet[Application], word: str, at: dt.datetime) -> Q:
    """One word of the free-text search: in the name, in the kinds of jobs asked for, in a
    merit's role or field, or in the title of a job applied for."""
    scoped = talent_pool_consents_valid(at).filter(scope__icontains=word)
    written = applications.filter(
        Q(merits__role__icontains=word)
        | Q(merits__field__icontains=word)
        | Q(recruitment__title__icontains=word)
    )
    return (
        Q(first_name__icontains=word)
        | Q(last_name__icontains=word)
        | Q(pk__in=scoped.values("candidate_id"))
        | Q(pk__in=written.values("candidate_id"))
    )


def talent_pool_person_get(user: User, pk: int) -> Candidate:
    """A person who applied to a recruitment the user sees applicants in the pool of (their
    consent may have ended since: the invitation then says so). ``Http404`` otherwise."""
    seen = _applications_seen(user).values("candidate_id")
    candidate = Candidate.objects.filter(pk=pk, pk__in=seen).first()
    if candidate is None:
        raise Http404
    return candidate


def talent_pool_invite_targets(user: User, today: dt.date | None = None) -> QuerySet[Recruitment]:
    """The recruitments ``user`` may invite people to: open for applications, and managed by
    them (owner or recruiter on the team; a site admin: any)."""
    today = today or timezone.localdate()
    if not user.is_authenticated or not user.is_active:
        return Recruitment.objects.none()
    open_now = Recruitment.objects.filter(status=Recruitment.Status.OPEN).filter(
        Q(application_deadline__isnull=True) | Q(application_deadline__gte=today)
    )
    if not user.is_site_admin:
        open_now = open_now.filter(
            pk__in=TeamMembership.objects.filter(
                user=user, role__in=TeamMembership.MANAGING_ROLES
            ).values("recruitment_id")
        )
    return open_now.order_by("title", "pk")
