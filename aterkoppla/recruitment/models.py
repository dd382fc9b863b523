"""Recruitments, their requirement profile (kravprofil) and their team."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import (
    MaxValueValidator,
    MinValueValidator,
    ProhibitNullCharactersValidator,
)
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aterkoppla.language.models import Policy

# PostgreSQL text cannot hold NUL characters: refuse them as invalid input, not a crash.
NO_NUL = ProhibitNullCharactersValidator()


class Language(models.TextChoices):
    SV = "sv", _("Swedish")
    EN = "en", _("English")


class Recruitment(models.Model):
    class EmploymentType(models.TextChoices):
        # Values are schema.org JobPosting employmentType names.
        FULL_TIME = "FULL_TIME", _("Full time")
        PART_TIME = "PART_TIME", _("Part time")
        TEMPORARY = "TEMPORARY", _("Temporary (visstid)")
        CONTRACTOR = "CONTRACTOR", _("Contractor")
        INTERN = "INTERN", _("Internship")
        OTHER = "OTHER", _("Other")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for applications")
        CLOSED = "closed", _("Closed for applications")
        DECIDED = "decided", _("Decided")
        COMPLETED = "completed", _("Completed")

    title = models.CharField(_("title"), max_length=200, validators=[NO_NUL])
    description = models.TextField(_("description"), blank=True, validators=[NO_NUL])
    job_tasks = models.TextField(
        _("main job tasks"),
        blank=True,
        validators=[NO_NUL],
        help_text=_("One task per line. Criteria refer to the task they serve."),
    )
    location = models.CharField(
        _("place of work"),
        max_length=200,
        blank=True,
        validators=[NO_NUL],
        help_text=_("Town or address. Leave empty for the organisation's city."),
    )
    remote = models.BooleanField(
        _("remote work possible"), default=False, help_text=_("The job can be done from home.")
    )
    employment_type = models.CharField(
        _("employment type"),
        max_length=12,
        choices=EmploymentType.choices,
        default=EmploymentType.FULL_TIME,
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="owned_recruitments",
        verbose_name=_("owner"),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.SV
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    application_deadline = models.DateField(_("application deadline"), null=True, blank=True)
    first_reply_by = models.DateField(
        _("answer promised by"),
        null=True,
        blank=True,
        help_text=_("The date every applicant is promised an answer in the acknowledgement."),
    )
    language_policy = models.CharField(
        _("language check"),
        max_length=8,
        choices=Policy.choices,
        default=Policy.BLOCK,
        help_text=_(
            "What a finding that may be discriminatory does to notes, explanations and "
            "messages in this recruitment. Each text kept in spite of one is recorded."
        ),
    )
    call_notice = models.BooleanField(
        _("ask before the feedback call"),
        default=False,
        help_text=_(
            "Before a feedback call, send a short message asking when it suits the candidate "
            "to talk, without telling the decision."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("recruitment")
        verbose_name_plural = _("recruitments")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(first_reply_by__isnull=True)
                | Q(application_deadline__isnull=True)
                | Q(first_reply_by__gte=F("application_deadline")),
                name="recruitment_reply_after_deadline",
                violation_error_message=_(
                    "The promised answer date cannot be before the application deadline."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        # Its page is its pipeline: the applications app's (a URL name, not an import).
        return reverse("applications:pipeline", args=[self.pk])

    def accepts_applications(self, today: dt.date | None = None) -> bool:
        """Open, and the deadline (the whole day) has not passed."""
        today = today or timezone.localdate()
        return self.status == self.Status.OPEN and (
            self.application_deadline is None or today <= self.application_deadline
        )

    def job_task_list(self) -> list[str]:
        return [line.strip() for line in self.job_tasks.splitlines() if line.strip()]


class CriterionQuerySet(models.QuerySet):
    def in_force(self) -> CriterionQuerySet:
        return self.filter(removed_at__isnull=True)


# django-stubs' plugin cannot type a base class made by from_queryset() in the class line.
class ActiveCriterionManager(models.Manager.from_queryset(CriterionQuerySet)):  # type: ignore[misc]
    """Criteria in the profile now. Removed ones stay in the table for the assessments that
    refer to them, but no list, form or sheet shows them as part of the profile."""

    def get_queryset(self) -> CriterionQuerySet:
        return super().get_queryset().filter(removed_at__isnull=True)


class Criterion(models.Model):
    """One requirement of the profile, the yardstick every assessment and reason refers to."""

    class Kind(models.TextChoices):
        MUST = "must", _("Must (skallkrav)")
        MERIT = "merit", _("Merit (meriterande)")

    class Category(models.TextChoices):
        EDUCATION = "education", _("Education")
        EXPERIENCE = "experience", _("Experience")
        SKILL = "skill", _("Skill")
        PERSONAL = "personal", _("Personal quality")
        OTHER = "other", _("Other")

    MIN_WEIGHT = 1
    MAX_WEIGHT = 5

    recruitment = models.ForeignKey(Recruitment, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("requirement"), max_length=200, validators=[NO_NUL])
    description = models.TextField(_("description"), blank=True, validators=[NO_NUL])
    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices, default=Kind.MUST)
    category = models.CharField(
        _("category"), max_length=12, choices=Category.choices, default=Category.EXPERIENCE
    )
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        default=3,
        validators=[MinValueValidator(MIN_WEIGHT), MaxValueValidator(MAX_WEIGHT)],
        help_text=_("From 1 (least) to 5 (most important)."),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    job_task = models.CharField(
        _("job task it serves"), max_length=200, blank=True, validators=[NO_NUL]
    )
    # Set when a requirement is taken out of a profile that is in force: assessments made
    # under an earlier version still point to it (a justification refers to the profile of
    # its time), so the row stays.
    removed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ActiveCriterionManager()
    all_objects = CriterionQuerySet.as_manager()

    class Meta:
        verbose_name = _("criterion")
        base_manager_name = "all_objects"
        verbose_name_plural = _("criteria")
        ordering = ["order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(weight__gte=1) & Q(weight__lte=5),
                name="criterion_weight_1_to_5",
                violation_error_message=_("The weight must be between 1 and 5."),
            ),
            models.UniqueConstraint(
                "recruitment",
                Lower("name"),
                condition=Q(removed_at__isnull=True),
                name="criterion_unique_name",
                violation_error_message=_("The profile already has a requirement with this name."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def snapshot(self) -> dict[str, object]:
        """What a profile version keeps of this requirement."""
        return {
            "id": self.pk,
            "name": self.name,
            "description": self.description,
            "kind": self.kind,
            "category": self.category,
            "weight": self.weight,
            "job_task": self.job_task,
        }


class ProfileVersion(models.Model):
    """The requirement profile as it stood from a moment on (DESIGN §3).

    Version 1 is taken when screening starts: from then on the profile is *in force*, every
    assessment names the version it was made under, and a change needs a reason and makes
    the next version. ``criteria`` is the profile in order, as ``Criterion.snapshot`` gives it.
    """

    recruitment = models.ForeignKey(
        Recruitment, on_delete=models.CASCADE, related_name="profile_versions"
    )
    number = models.PositiveIntegerField(_("version"))
    created_at = models.DateTimeField(_("in force from"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("reason for the change"), blank=True, validators=[NO_NUL])
    criteria = models.JSONField(default=list)

    class Meta:
        verbose_name = _("profile version")
        verbose_name_plural = _("profile versions")
        ordering = ["recruitment", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["recruitment", "number"], name="profile_version_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.recruitment} v{self.number}"


class TeamMembership(models.Model):
    """A user's role on one recruitment's team. Being on the team is what grants access."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        RECRUITER = "recruiter", _("Recruiter")
        HIRING_MANAGER = "hiring_manager", _("Hiring manager")
        INTERVIEWER = "interviewer", _("Interviewer")

    # Roles that may change the recruitment, its profile, its team and its applications.
    MANAGING_ROLES = frozenset({Role.OWNER, Role.RECRUITER})
    # Roles that may move applications between stages.
    DECIDING_ROLES = frozenset({Role.OWNER, Role.RECRUITER, Role.HIRING_MANAGER})

    recruitment = models.ForeignKey(
        Recruitment, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["recruitment", "role", "user__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["recruitment", "user"],
                name="membership_one_role_per_user",
                violation_error_message=_("This person is already on the team."),
            ),
            models.UniqueConstraint(
                fields=["recruitment"],
                condition=Q(role="owner"),
                name="membership_one_owner",
                violation_error_message=_("A recruitment has exactly one owner."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class LegalHold(models.Model):
    """Keeps a recruitment's applications past their retention while a claim may be made.

    Set by a site admin with a reason, by a request for the written information under
    diskrimineringslagen 2 kap. 4 § and by marking the recruitment as disputed; lifted only by
    a site admin, with a reason. While one is in force nothing of the recruitment is
    anonymised or deleted (``aterkoppla.applications.retention``).
    """

    class Source(models.TextChoices):
        ADMIN = "admin", _("Set by a site admin")
        DISCLOSURE = "disclosure", _("A request for written information (DL 2 kap. 4 §)")
        DISPUTED = "disputed", _("The recruitment is disputed")

    recruitment = models.ForeignKey(
        Recruitment, on_delete=models.PROTECT, related_name="legal_holds"
    )
    source = models.CharField(_("set by"), max_length=10, choices=Source.choices)
    reason = models.TextField(_("reason"), validators=[NO_NUL])
    set_at = models.DateTimeField(_("set"), default=timezone.now)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    lifted_at = models.DateTimeField(_("lifted"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    lift_reason = models.TextField(_("reason for lifting"), blank=True, validators=[NO_NUL])

    class Meta:
        verbose_name = _("legal hold")
        verbose_name_plural = _("legal holds")
        ordering = ["-set_at"]
        indexes = [models.Index(fields=["recruitment", "lifted_at"])]

    def __str__(self) -> str:
        return f"{self.recruitment}: {self.get_source_display()}"

    @property
    def in_force(self) -> bool:
        return self.lifted_at is None
