"""Changes to recruitments, their status, their requirement profile and their team.

Each function is one transaction and records what it did on the timeline of the open
applications it affects.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from aterkoppla.accounts.models import User
from aterkoppla.core.meta import model_field
from aterkoppla.core.validators import validate_promise_date
from aterkoppla.language.gate import Text, language_gate
from aterkoppla.language.models import Policy, Where
from aterkoppla.language.review import requirement_profile
from aterkoppla.organisation.services import organisation_contact_missing
from aterkoppla.recruitment.events import HOLD_LIFTED, HOLD_SET, PROFILE_CHANGED, STATUS_CHANGED
from aterkoppla.recruitment.models import (
    Criterion,
    LegalHold,
    ProfileVersion,
    Recruitment,
    TeamMembership,
)
from aterkoppla.timeline.services import timeline_record

# Who published what: an operator's record beside the timeline's.
audit = logging.getLogger("aterkoppla.audit")


@dataclass(frozen=True)
class CriterionSpec:
    name: str
    kind: str = Criterion.Kind.MUST
    category: str = Criterion.Category.EXPERIENCE
    weight: int = 3
    description: str = ""
    job_task: str = ""


def _validated(instance: Recruitment | Criterion | TeamMembership | LegalHold) -> None:
    """Run model validation (fields, choices and Meta.constraints) before writing."""
    instance.full_clean()


def _dates_within_reach(**dates: object) -> None:
    """The last day to apply and the first answer date, as given or changed: at most twelve
    months ahead (a date already passed may stay; the status rule and the promises see to
    it)."""
    today = timezone.localdate()
    for field, value in dates.items():
        if isinstance(value, dt.date):
            validate_promise_date(value, today=today, field=field, past_allowed=True)


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


Status = Recruitment.Status


class StatusCause(StrEnum):
    """What may move a recruitment from one status to another."""

    EDIT = "edit"  # a person: the recruitment's form, the API
    DECISION = "decision"  # a decision with a hire (``decisions.services.decision_record``)
    ANSWERED = "answered"  # the last final answer (``applications.services``)


class StatusRefused(ValidationError):
    """A move the status rule does not allow from the status the recruitment has now."""


class PublishRefused(StatusRefused):
    """Opening for applications by someone without the organisation's recruiter role."""


@dataclass(frozen=True)
class StatusMove:
    cause: StatusCause
    needs_reason: bool = False


# The life of a recruitment: draft → open ⇄ closed → decided → completed. Every move not in
# this table is refused. Going back from decided or completed (re-advertising after the hired
# person withdrew, say) is allowed with a reason, which goes on the timeline. A recruitment
# filled without ever being published (its applications imported) is decided from draft.
STATUS_MOVES: dict[tuple[str, str], StatusMove] = {
    (Status.DRAFT, Status.OPEN): StatusMove(StatusCause.EDIT),
    (Status.OPEN, Status.CLOSED): StatusMove(StatusCause.EDIT),
    (Status.CLOSED, Status.OPEN): StatusMove(StatusCause.EDIT),
    (Status.DRAFT, Status.DECIDED): StatusMove(StatusCause.DECISION),
    (Status.OPEN, Status.DECIDED): StatusMove(StatusCause.DECISION),
    (Status.CLOSED, Status.DECIDED): StatusMove(StatusCause.DECISION),
    # A new hire after all had their answer (an application that came in later).
    (Status.COMPLETED, Status.DECIDED): StatusMove(StatusCause.DECISION),
    (Status.DECIDED, Status.COMPLETED): StatusMove(StatusCause.ANSWERED),
    (Status.DECIDED, Status.OPEN): StatusMove(StatusCause.EDIT, needs_reason=True),
    (Status.DECIDED, Status.CLOSED): StatusMove(StatusCause.EDIT, needs_reason=True),
    (Status.COMPLETED, Status.OPEN): StatusMove(StatusCause.EDIT, needs_reason=True),
    (Status.COMPLETED, Status.CLOSED): StatusMove(StatusCause.EDIT, needs_reason=True),
}


def status_choices(current: str) -> list[str]:
    """The statuses a person may choose for a recruitment that has ``current``: it first,
    then the moves they may make (not to decided or completed: those follow the decisions)."""
    moves = [
        to
        for (before, to), move in STATUS_MOVES.items()
        if before == current and move.cause == StatusCause.EDIT
    ]
    return [current, *moves]


def status_needs_reason(current: str, status: str) -> bool:
    move = STATUS_MOVES.get((current, status))
    return move is not None and move.needs_reason


def _status_refusal(current: str, status: str, cause: StatusCause) -> str:
    if status == Status.DECIDED:
        return _("A recruitment is decided by recording a decision with a hire.")
    if status == Status.COMPLETED:
        return _(
            "A recruitment is completed by itself once it is decided and every applicant "
            "has had their final answer."
        )
    if status == Status.DRAFT:
        return _("A recruitment that has been published cannot become a draft again.")
    return _("A recruitment cannot go from “%(from)s” to “%(to)s”.") % {
        "from": Status(current).label,
        "to": Status(status).label,
    }


@transaction.atomic
def recruitment_set_status(
    *,
    recruitment: Recruitment,
    status: str,
    by: User | None,
    reason: str = "",
    cause: StatusCause = StatusCause.EDIT,
) -> Recruitment:
    """Move a recruitment to ``status`` if the status rule (``STATUS_MOVES``) allows it.

    The one place the status changes. Publishing (draft → open) sets ``published_at`` the
    first time. Each move is one event on the recruitment's timeline (with the reason, when
    one is needed), shown on the timeline of every application open at the time. The same
    status again changes nothing. ``StatusRefused`` (a ``ValidationError`` on ``status``)
    for a move the rule does not allow, a ``ValidationError`` on ``reason`` when one is
    needed and missing.
    """
    if status not in Status.values:
        raise StatusRefused(
            {"status": _("Unknown status “%(status)s”.") % {"status": status}}, code="unknown"
        )
    locked = Recruitment.objects.select_for_update().only("status", "published_at")
    row = locked.get(pk=recruitment.pk)
    current = row.status
    recruitment.status, recruitment.published_at = current, row.published_at
    if status == current:
        return recruitment
    move = STATUS_MOVES.get((current, status))
    if move is None or move.cause != cause:
        raise StatusRefused({"status": _status_refusal(current, status, cause)})
    reason = reason.strip()
    if move.needs_reason and not reason:
        raise ValidationError(
            {
                "reason": _(
                    "Say why the recruitment goes back from “%(from)s”: the reason is kept "
                    "on the timeline."
                )
                % {"from": Status(current).label}
            }
        )
    if status == Status.OPEN and by is not None and not by.may_create_recruitments:
        raise PublishRefused(
            {
                "status": _(
                    "Only a recruiter or a site admin may publish a recruitment; ask a site "
                    "admin for the role."
                )
            }
        )
    if status == Status.OPEN:
        missing = organisation_contact_missing()
        if missing:
            # Applications would be acknowledged by messages that cannot be sent.
            raise StatusRefused(
                {
                    "status": _(
                        "Fill in the organisation's contact details on the settings page before "
                        "publishing: %(missing)s."
                    )
                    % {"missing": ", ".join(missing)}
                },
                code="contact_missing",
            )
    recruitment.status = status
    fields = ["status", "updated_at"]
    if status == Status.OPEN and recruitment.published_at is None:
        # First publication: the date job boards show as "posted".
        recruitment.published_at = timezone.now()
        fields.append("published_at")
    recruitment.save(update_fields=fields)
    data = {"from": current, "to": status}
    if move.needs_reason:
        data["reason"] = reason
    timeline_record(recruitment_id=recruitment.pk, by=by, kind=STATUS_CHANGED, data=data)
    if status == Status.OPEN:
        audit.info(
            "recruitment %s (%s) opened for applications by user %s",
            recruitment.pk,
            recruitment.title,
            by.pk if by is not None else "-",
        )
    return recruitment


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
    """Create a recruitment with its owner and requirement profile, as a draft or published
    (``status`` open, through :func:`recruitment_set_status`).

    The job posting's texts (``description``, ``job_tasks``) reach every candidate: they pass
    the language check under the recruitment's policy unless ``language_override_reason``
    says why they are kept.
    """
    if not owner.may_create_recruitments:
        # Its owner receives the applicants' documents: a role a site admin grants.
        raise PermissionDenied(
            _("Only a recruiter or a site admin may create a recruitment; ask a site admin.")
        )
    if status not in (Status.DRAFT, Status.OPEN):
        raise StatusRefused({"status": _("A new recruitment is a draft or open for applications.")})
    _dates_within_reach(application_deadline=application_deadline, first_reply_by=first_reply_by)
    recruitment = Recruitment(
        owner=owner,
        title=title.strip(),
        description=description.strip(),
        job_tasks=job_tasks.strip(),
        language=language,
        status=Status.DRAFT,
        location=location.strip(),
        remote=remote,
        employment_type=employment_type,
        application_deadline=application_deadline,
        first_reply_by=first_reply_by,
        language_policy=language_policy,
        call_notice=call_notice,
    )
    _validated(recruitment)
    _posting_gate(recruitment, by=owner, reason=language_override_reason)
    recruitment.save()
    TeamMembership.objects.create(
        recruitment=recruitment, user=owner, role=TeamMembership.Role.OWNER
    )
    for spec in criteria:
        criterion_add(recruitment=recruitment, by=owner, **spec.__dict__)
    if status == Status.OPEN:
        recruitment_set_status(recruitment=recruitment, status=status, by=owner)
    return recruitment


# ``status`` is not a bare field: :func:`recruitment_update` hands it to the status rule.
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
    status_reason: str = "",
    **changes: object,
) -> Recruitment:
    """Change a recruitment; a changed job posting passes the language check (as on
    :func:`recruitment_create`). A new ``status`` goes through :func:`recruitment_set_status`
    (with ``status_reason`` where the move needs one), after the other fields."""
    unknown = set(changes) - set(RECRUITMENT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown recruitment fields: {sorted(unknown)}")
    status = changes.pop("status", None)
    _dates_within_reach(
        **{k: v for k, v in changes.items() if k in ("application_deadline", "first_reply_by")}
    )
    for field, value in changes.items():
        setattr(recruitment, field, value.strip() if isinstance(value, str) else value)
    posting = {"description", "job_tasks"} & set(changes)
    if posting:
        _posting_gate(recruitment, by=by, reason=language_override_reason, only=posting)
    _validated(recruitment)
    recruitment.save(update_fields=[*changes, "updated_at"])
    if status is not None:
        try:
            recruitment_set_status(
                recruitment=recruitment, status=str(status), by=by, reason=status_reason
            )
        except StatusRefused:
            raise
        except ValidationError as exc:
            # The form asks for the reason in a field of its own.
            raise ValidationError({"status_reason": exc.messages}) from exc
    return recruitment


def _posting_gate(
    recruitment: Recruitment, *, by: User | None, reason: str, only: set[str] | None = None
) -> None:
    names = [name for name in ("description", "job_tasks") if only is None or name in only]
    # The job's own topics, once it has a profile: an ad for care work may name the care.
    profile = requirement_profile(recruitment) if recruitment.pk else ()
    language_gate(
        [
            Text(
                name=name,
                text=getattr(recruitment, name),
                where=Where.RECRUITMENT,
                label=str(model_field(Recruitment, name).verbose_name),
                profile=profile,
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


def legal_hold_set(
    *, recruitment: Recruitment, source: str, reason: str, by: User | None
) -> LegalHold:
    """Put a legal hold on ``recruitment``: nothing of it is anonymised or deleted until it is
    lifted. A hold of the same source already in force is returned as it is (a second request
    for the written information does not make a second hold). A ``ValidationError`` on
    ``reason`` when it is empty."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the hold is set: it is kept on record.")})
    with transaction.atomic():
        Recruitment.objects.select_for_update().only("pk").get(pk=recruitment.pk)
        existing = LegalHold.objects.filter(
            recruitment=recruitment, source=source, lifted_at__isnull=True
        ).first()
        if existing is not None:
            return existing
        hold = LegalHold(recruitment=recruitment, source=source, reason=reason, set_by=by)
        _validated(hold)
        hold.save()
        timeline_record(
            recruitment_id=recruitment.pk,
            by=by,
            kind=HOLD_SET,
            data={"source": source, "reason": reason},
        )
    return hold


def legal_hold_lift(*, hold: LegalHold, reason: str, by: User) -> LegalHold:
    """Lift ``hold`` (site admins only: the views and the admin ask ``require_site_admin``),
    with the reason on record. A ``ValidationError`` when the reason is empty or the hold is
    already lifted."""
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            {"lift_reason": _("Say why the hold is lifted: it is kept on record.")}
        )
    with transaction.atomic():
        row = LegalHold.objects.select_for_update().get(pk=hold.pk)
        if row.lifted_at is not None:
            raise ValidationError(_("This hold has already been lifted."), code="lifted")
        row.lifted_at, row.lifted_by, row.lift_reason = timezone.now(), by, reason
        row.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
        timeline_record(
            recruitment_id=row.recruitment_id,
            by=by,
            kind=HOLD_LIFTED,
            data={"source": row.source, "reason": reason},
        )
    hold.lifted_at, hold.lifted_by, hold.lift_reason = row.lifted_at, by, reason
    return hold
