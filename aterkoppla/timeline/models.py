"""The append-only timeline: what happened to an application, when and by whom (P9).

Events are evidence (diskrimineringslagen 6 kap. 3 §): the code offers no update or delete.
Most events belong to one application. A change that concerns every open application of a
recruitment (its requirement profile) is recorded once, on the recruitment, and shows on the
timeline of each application that was open when it happened
(:func:`aterkoppla.timeline.selectors.timeline_for`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aterkoppla.timeline.registry import UnknownKind, kind_get


class TimelineQuerySet(models.QuerySet):
    """Timeline events are evidence (DL 6 kap. 3 §): the code offers no update or delete."""

    def update(self, **kwargs: Any) -> int:
        raise TypeError("Timeline events are append-only.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise TypeError("Timeline events are append-only.")


class TimelineEvent(models.Model):
    class Actor(models.TextChoices):
        USER = "user", _("Staff")
        SYSTEM = "system", _("System")
        CANDIDATE = "candidate", _("Candidate")

    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.CASCADE,
        related_name="timeline",
        null=True,
        blank=True,
    )
    # Set, instead of the application, on an event about every open application of the
    # recruitment (a change of its requirement profile).
    recruitment = models.ForeignKey(
        "recruitment.Recruitment",
        on_delete=models.CASCADE,
        related_name="+",
        null=True,
        blank=True,
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.CharField(max_length=10, choices=Actor.choices)
    actor_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The kinds are declared by the apps (``aterkoppla.timeline.registry``), not here.
    kind = models.CharField(max_length=32)
    data = models.JSONField(default=dict, blank=True)
    # Retention removed the event's words (names, free text); what happened and when remain
    # (``timeline.services.timeline_anonymise``).
    anonymised = models.BooleanField(default=False, db_default=False)

    objects = TimelineQuerySet.as_manager()

    class Meta:
        db_table = "applications_timelineevent"
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")
        ordering = ["at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(application__isnull=False) | Q(recruitment__isnull=False),
                name="timelineevent_belongs_somewhere",
            ),
        ]
        indexes = [
            models.Index(
                fields=["recruitment", "at"],
                name="timeline_recruitment_at",
                condition=Q(recruitment__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label()} ({self.at:%Y-%m-%d %H:%M})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise TypeError("Timeline events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise TypeError("Timeline events are append-only.")

    def label(self) -> str:
        try:
            return str(kind_get(self.kind).label)
        except UnknownKind:
            return self.kind

    def summary(self) -> str:
        """One sentence, in the active language, saying what happened (the kind's own app
        words it)."""
        try:
            return kind_get(self.kind).summarise(self.data)
        except UnknownKind:
            return self.kind

    def promised_date(self) -> dt.date | None:
        value = self.data.get("reply_by")
        return dt.date.fromisoformat(value) if value else None
