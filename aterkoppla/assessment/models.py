"""Assessment against the requirement profile: screening, interviews and scorecards.

Every assessment names the profile version it was made under (DESIGN §3): a rejection is
later justified against the profile that was in force, not against today's.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aterkoppla.applications.models import Application
from aterkoppla.recruitment.models import NO_NUL, Criterion, ProfileVersion


class Screening(models.Model):
    """Whether the application meets one requirement, judged from what the candidate sent."""

    class Result(models.TextChoices):
        MET = "met", _("Met")
        PARTLY = "partly", _("Partly met")
        NOT_MET = "not_met", _("Not met")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="screenings"
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    result = models.CharField(_("result"), max_length=8, choices=Result.choices)
    note = models.TextField(_("note"), blank=True, validators=[NO_NUL])
    profile_version = models.ForeignKey(ProfileVersion, on_delete=models.PROTECT, related_name="+")
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    screened_at = models.DateTimeField(_("screened"), default=timezone.now)

    class Meta:
        verbose_name = _("screening")
        verbose_name_plural = _("screenings")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "criterion"], name="screening_one_per_criterion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.criterion} = {self.result}"


class InterviewQuerySet(models.QuerySet["Interview"]):
    def current(self) -> InterviewQuerySet:
        """The interviews that count: booked or held, not cancelled."""
        return self.filter(cancelled_at__isnull=True)


class Interview(models.Model):
    MIN_MINUTES = 15
    MAX_MINUTES = 480

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="interviews"
    )
    scheduled_at = models.DateTimeField(_("time"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("length in minutes"),
        default=60,
        validators=[MinValueValidator(MIN_MINUTES), MaxValueValidator(MAX_MINUTES)],
    )
    location = models.CharField(_("place"), max_length=200, blank=True, validators=[NO_NUL])
    video_url = models.URLField(_("video link"), max_length=500, blank=True)
    # What the candidate should bring, in the invitation ("Ta med id-handling och betyg").
    bring = models.CharField(_("what to bring"), max_length=500, blank=True, validators=[NO_NUL])
    interviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="interviews", verbose_name=_("interviewers")
    )
    held_at = models.DateTimeField(_("held"), null=True, blank=True)
    # A cancelled interview is kept (the candidate and the interviewers were told), but it
    # counts nowhere an interview counts: see ``InterviewQuerySet.current``.
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    profile_version = models.ForeignKey(ProfileVersion, on_delete=models.PROTECT, related_name="+")
    # The calendar identity of the invitation (RFC 5545 UID) and its revision (SEQUENCE).
    uid = models.CharField(max_length=100, unique=True, default="", editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = InterviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        ordering = ["scheduled_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(location="") | ~Q(video_url=""),
                name="interview_has_place",
                violation_error_message=_("Give a place or a video link."),
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=15) & Q(duration_minutes__lte=480),
                name="interview_duration_range",
                violation_error_message=_("An interview lasts between 15 minutes and 8 hours."),
            ),
            models.CheckConstraint(
                condition=Q(held_at__isnull=True) | Q(cancelled_at__isnull=True),
                name="interview_held_or_cancelled",
                violation_error_message=_("An interview that was held cannot be cancelled."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application} @ {self.scheduled_at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.uid:
            self.uid = f"{uuid.uuid4()}@aterkoppla"
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("assessment:interview", args=[self.pk])

    @property
    def ends_at(self) -> dt.datetime:
        return self.scheduled_at + dt.timedelta(minutes=self.duration_minutes)

    @property
    def is_held(self) -> bool:
        return self.held_at is not None

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def can_change(self) -> bool:
        """Still to come or to be recorded: it can be moved or cancelled."""
        return self.held_at is None and self.cancelled_at is None

    def has_started(self) -> bool:
        return self.scheduled_at <= timezone.now()


class Scorecard(models.Model):
    """One interviewer's assessment of one interview (DESIGN §3). Scored independently."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="scorecards")
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="scorecards"
    )
    impression = models.TextField(
        _("impression"),
        blank=True,
        validators=[NO_NUL],
        help_text=_("How the candidate came across: what they did and said, not who they are."),
    )
    strengths = models.TextField(_("strengths"), blank=True, validators=[NO_NUL])
    tips = models.TextField(
        _("tips for the candidate"),
        blank=True,
        validators=[NO_NUL],
        help_text=_("What would make their next interview better. The candidate may hear this."),
    )
    profile_version = models.ForeignKey(ProfileVersion, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    changed_at = models.DateTimeField(_("changed"), null=True, blank=True)

    class Meta:
        verbose_name = _("scorecard")
        verbose_name_plural = _("scorecards")
        ordering = ["submitted_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "interviewer"],
                name="scorecard_one_per_interviewer",
                violation_error_message=_("You have already submitted a scorecard."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.interviewer} on {self.interview}"


class Rating(models.Model):
    MIN_SCORE = 1
    MAX_SCORE = 5

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="ratings")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(MIN_SCORE), MaxValueValidator(MAX_SCORE)]
    )
    evidence = models.TextField(
        _("evidence"),
        blank=True,
        validators=[NO_NUL],
        help_text=_("What the candidate said or showed that supports the score."),
    )

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["scorecard", "criterion"], name="rating_one_per_criterion"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=1) & Q(score__lte=5),
                name="rating_score_1_to_5",
                violation_error_message=_("A score is between 1 and 5."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


# What each score means, shown beside the scale wherever people score.
SCORE_LABELS = {
    1: _("1 · Not shown"),
    2: _("2 · Weak"),
    3: _("3 · Meets the requirement"),
    4: _("4 · Strong"),
    5: _("5 · Excellent"),
}
