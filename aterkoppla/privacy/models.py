"""Erasure requests (GDPR art. 17) and the record of each day's retention run."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aterkoppla.recruitment.models import Language


class ErasureRequest(models.Model):
    """A candidate asked for their data to be erased. What no claim window or hold keeps is
    anonymised at once; the rest on ``erase_on``, the date the candidate is told (a promise,
    kept by the retention sweep). The request outlives the person: it is the record that the
    erasure was asked for and done."""

    class Via(models.TextChoices):
        PORTAL = "portal", _("The candidate's page")
        PHONE = "phone", _("By phone")
        EMAIL = "email", _("By email")
        LETTER = "letter", _("By letter")
        API = "api", _("Through the API")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        DONE = "done", _("Done")

    # Gone with the person once everything is erased; the request stays as the record.
    candidate = models.ForeignKey(
        "applications.Candidate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="erasure_requests",
    )
    via = models.CharField(_("received"), max_length=8, choices=Via.choices)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Staff on the candidate's behalf: how the request reached them (never the person's name).
    note = models.TextField(_("note"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    erase_on = models.DateField(_("erased on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    erased_now = models.PositiveIntegerField(_("applications erased at once"), default=0)
    scheduled = models.PositiveIntegerField(_("applications kept until the date"), default=0)

    class Meta:
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        ordering = ["-requested_at"]
        indexes = [models.Index(fields=["status", "erase_on"], name="erasure_due")]

    def __str__(self) -> str:
        return (
            f"{self.get_via_display()} {self.requested_at:%Y-%m-%d} ({self.get_status_display()})"
        )


class RetentionRun(models.Model):
    """One day's retention sweep: it runs once a day, and says what it did."""

    day = models.DateField(unique=True)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    anonymised = models.PositiveIntegerField(default=0)
    scrubbed = models.PositiveIntegerField(default=0)
    erasures = models.PositiveIntegerField(default=0)
    orphans = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day"]

    def __str__(self) -> str:
        return str(self.day)
