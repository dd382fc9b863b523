"""Changes to recruitments, their requirement profile and their team.

Each function is one transaction and records what it did on the timeline of the open
applications it affects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from aterkoppla.accounts.models import User
from aterkoppla.core.meta import model_field
from aterkoppla.language.gate import Text, language_gate
from aterkoppla.language.models import Policy, Where
from aterkoppla.recruitment.events import PROFILE_CHANGED
from aterkoppla.recruitment.models import Criterion, ProfileVersion, Recruitment, TeamMembership
from aterkoppla.timeline.services import timeline_record


@dataclass(frozen=True)
class CriterionSpec:
    name: str
    kind: str = Criterion.Kind.MUST
    category: str = Criterion.Category.EXPERIENCE
    weight: int = 3
    description: str = ""
    job_task: str = ""


def _validated(instance: Recruitment | Criterion | TeamMembership) -> None:
    """Run model validation (fields, choices and Meta.constraints) before writing."""
    instance.full_clean()


def profile_version_current(recruitment: Recruitment) -> ProfileVersion | None:
    """The version in force, or None while the profile can still be changed freely."""
    return recruitment.profile_versions.order_by("-number").first()


def _snapshot(recruitment: Recruitment) -> list[dict[str, object]]:
    return [c.snapshot() for c in Criterion.objects.filter(recruitment=recruitment)]


@transaction.atomic
def profile_freeze(*, recruitment: Recruitment, by: User | None) -> ProfileVersion:
    """Put the profile in force (version 1) if it is not yet; return the version in force.

    Called when screening starts: the first screening, the first move past "received", the
    first interview. The recruitment row is locked so that two first screenings at once
    make one version.
    """
    Recruitment.objects.select_for_update().filter(pk=recruitment.pk).first()
    current = profile_version_current(recruitment)
    if current is not None:
        return current
    return ProfileVersion.objects.create(
        recruitment=recruitment,
        number=1,
        created_by=by,
        criteria=_snapshot(recruitment),
    )


def _require_reason(recruitment: Recruitment, reason: str) -> ProfileVersion | None:
    """The version in force, after checking that a change to it says why."""
    current = profile_version_current(recruitment)
    if current is not None and not reason.strip():
        raise ValidationError(
            {
                "reason": _(
                    "The profile is in force since screening started. Say why it changes: "
                    "the reason is shown on every open application."
                )
            }
        )
    return current


def _profile_event(
    *, recruitment: Recruitment, by: User | None, change: str, name: str, reason: str = ""
) -> None:
    """Record a change of the profile for every open application; a new version if in force.

    Recorded once, on the recruitment: it shows on the timeline of each application that was
    open at the time (``aterkoppla.timeline.selectors.timeline_for``).
    """
    data: dict[str, object] = {"change": change, "criterion": name}
    current = profile_version_current(recruitment)
    if current is not None:
        version = ProfileVersion.objects.create(
            recruitment=recruitment,
            number=current.number + 1,
            created_by=by,
            reason=reason.strip(),
            criteria=_snapshot(recruitment),
        )
        data.update(version=version.number, reason=version.reason)
    timeline_record(recruitment_id=recruitment.pk, by=by, kind=PROFILE_CHANGED, data=data)


@transaction.atomic
def recruitment_create(
    *,
    owner: User,
    title: str,
    description: str = "",
    job_tasks: str = "",
    language: str = "sv",
    status: str = Recruitment.Status.DRAFT,
    location: str = "",
    remote: bool = False,
    employment_type: str = Recruitment.EmploymentType.FULL_TIME,
    application_deadline: dt.date | None = None,
    first_reply_by: dt.date | None = None,
    language_policy: str = Policy.BLOCK,
    call_notice: bool = False,
    criteria: list[CriterionSpec] | tuple[CriterionSpec, ...] = (),
    language_override_reason: str = "",
) -> Recruitment:
    """Create a recruitment with its owner and requirement profile.

    The job posting's texts (``description``, ``job_tasks``) reach every candidate: they pass
    the language check under the recruitment's policy unless ``language_override_reason``
    says why they are kept.
    """
    recruitment = Recruitment(
        owner=owner,
        title=title.strip(),
        description=description.strip(),
        job_tasks=job_tasks.strip(),
        language=language,
        status=status,
        location=location.strip(),
        remote=remote,
        employment_type=employment_type,
        application_deadline=application_deadline,
        first_reply_by=first_reply_by,
        language_policy=language_policy,
        call_notice=call_notice,
        published_at=timezone.now() if status == Recruitment.Status.OPEN else None,
    )
    _validated(recruitment)
    _posting_gate(recruitment, by=owner, reason=language_override_reason)
    recruitment.save()
    TeamMembership.objects.create(
        recruitment=recruitment, user=owner, role=TeamMembership.Role.OWNER
    )
    for spec in criteria:
        criterion_add(recruitment=recruitment, by=owner, **spec.__dict__)
    return recruitment


RECRUITMENT_FIELDS = (
    "title",
    "description",
    "job_tasks",
    "language",
    "status",
    "location",
    "remote",
    "employment_type",
    "application_deadline",
    "first_reply_by",
    "language_policy",
    "call_notice",
)


@transaction.atomic
def recruitment_update(
    *,
    recruitment: Recruitment,
    by: User,
    language_override_reason: str = "",
    **changes: object,
) -> Recruitment:
    """Change a recruitment; a changed job posting passes the language check (as on
    :func:`recruitment_create`)."""
    unknown = set(changes) - set(RECRUITMENT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown recruitment fields: {sorted(unknown)}")
    for field, value in changes.items():
        setattr(recruitment, field, value.strip() if isinstance(value, str) else value)
    posting = {"description", "job_tasks"} & set(changes)
    if posting:
        _posting_gate(recruitment, by=by, reason=language_override_reason, only=posting)
    update_fields = [*changes, "updated_at"]
    if recruitment.status == Recruitment.Status.OPEN and recruitment.published_at is None:
        # First publication: the date job boards show as "posted".
        recruitment.published_at = timezone.now()
        update_fields.append("published_at")
    _validated(recruitment)
    recruitment.save(update_fields=update_fields)
    return recruitment


def _posting_gate(
    recruitment: Recruitment, *, by: User | None, reason: str, only: set[str] | None = None
) -> None:
    names = [name for name in ("description", "job_tasks") if only is None or name in only]
    language_gate(
        [
            Text(
                name=name,
                text=getattr(recruitment, name),
                where=Where.RECRUITMENT,
                label=str(model_field(Recruitment, name).verbose_name),
            )
            for name in names
        ],
        policy=recruitment.language_policy,
        by=by,
        reason=reason,
        subject=recruitment.title,
    )


@transaction.atomic
def team_member_add(*, recruitment: Recruitment, by: User, user: User, role: str) -> TeamMembership:
    if role == TeamMembership.Role.OWNER:
        raise ValidationError(
            {"role": _("A recruitment has exactly one owner; choose another role.")}
        )
    membership = TeamMembership(recruitment=recruitment, user=user, role=role)
    _validated(membership)
    membership.save()
    return membership


@transaction.atomic
def team_member_remove(*, membership: TeamMembership, by: User) -> None:
    if membership.role == TeamMembership.Role.OWNER:
        raise ValidationError(_("The owner cannot be removed from the team."))
    membership.delete()


@transaction.atomic
def criterion_add(
    *,
    recruitment: Recruitment,
    by: User | None,
    name: str,
    kind: str = Criterion.Kind.MUST,
    category: str = Criterion.Category.EXPERIENCE,
    weight: int = 3,
    description: str = "",
    job_task: str = "",
    reason: str = "",
) -> Criterion:
    _require_reason(recruitment, reason)
    last = recruitment.criteria.aggregate(last=Max("order"))["last"]
    criterion = Criterion(
        recruitment=recruitment,
        name=name.strip(),
        kind=kind,
        category=category,
        weight=weight,
        description=description.strip(),
        job_task=job_task.strip(),
        order=0 if last is None else last + 1,
    )
    _validated(criterion)
    criterion.save()
    _profile_event(
        recruitment=recruitment, by=by, change="added", name=criterion.name, reason=reason
    )
    return criterion


CRITERION_FIELDS = ("name", "kind", "category", "weight", "description", "job_task")


@transaction.atomic
def criterion_update(
    *, criterion: Criterion, by: User | None, reason: str = "", **changes: object
) -> Criterion:
    unknown = set(changes) - set(CRITERION_FIELDS)
    if unknown:
        raise TypeError(f"Unknown criterion fields: {sorted(unknown)}")
    _require_reason(criterion.recruitment, reason)
    for field, value in changes.items():
        setattr(criterion, field, value.strip() if isinstance(value, str) else value)
    _validated(criterion)
    criterion.save(update_fields=list(changes))
    _profile_event(
        recruitment=criterion.recruitment,
        by=by,
        change="updated",
        name=criterion.name,
        reason=reason,
    )
    return criterion


@transaction.atomic
def criterion_remove(*, criterion: Criterion, by: User | None, reason: str = "") -> None:
    """Take a requirement out of the profile.

    Before the profile is in force the row goes; after, it stays (removed) for the
    assessments made under earlier versions.
    """
    recruitment, name = criterion.recruitment, criterion.name
    if _require_reason(recruitment, reason) is None:
        criterion.delete()
    else:
        criterion.removed_at = timezone.now()
        criterion.save(update_fields=["removed_at"])
    _profile_event(recruitment=recruitment, by=by, change="removed", name=name, reason=reason)


@transaction.atomic
def criterion_move(*, criterion: Criterion, by: User | None, offset: int, reason: str = "") -> None:
    """Move a criterion ``offset`` places up (negative) or down (positive) in the profile."""
    ordered = list(
        Criterion.objects.select_for_update().filter(recruitment_id=criterion.recruitment_id)
    )
    index = next(i for i, c in enumerate(ordered) if c.pk == criterion.pk)
    target = min(max(index + offset, 0), len(ordered) - 1)
    if target == index:
        return
    _require_reason(criterion.recruitment, reason)
    ordered.insert(target, ordered.pop(index))
    for position, item in enumerate(ordered):
        item.order = position
    Criterion.objects.bulk_update(ordered, ["order"])
    _profile_event(
        recruitment=criterion.recruitment,
        by=by,
        change="reordered",
        name=criterion.name,
        reason=reason,
    )
