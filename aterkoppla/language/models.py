"""The record of every text kept in spite of a blocking language-check finding (DESIGN §6)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Policy(models.TextChoices):
    """What a ``block`` finding does in a recruitment."""

    BLOCK = "block", _("Stop until edited or overridden with a reason")
    WARN = "warn", _("Warn, and let the text pass")


class Where(models.TextChoices):
    """The kinds of text the check guards; the label names them on the timeline and the log."""

    SCREENING = "screening", _("Screening notes")
    SCORECARD = "scorecard", _("Scorecard")
    MERITS = "merits", _("Merits summary")
    REJECTION = "rejection", _("Rejection explanation")
    CALL = "call", _("Call notes")
    MESSAGE = "message", _("Message to the candidate")
    TEMPLATE = "template", _("Message template")
    ORGANISATION = "organisation", _("Organisation texts")
    RECRUITMENT = "recruitment", _("Job posting")


class OverrideQuerySet(models.QuerySet):
    """Overrides are evidence, like the timeline: the code offers no update or delete."""

    def update(self, **kwargs: Any) -> int:
        raise TypeError("Language overrides are append-only.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise TypeError("Language overrides are append-only.")


class LanguageOverride(models.Model):
    """A person kept a text with ``block`` findings, with their reason (or under a ``warn``
    policy). Texts tied to an application also get a timeline event; templates and
    organisation texts have only this record."""

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    where = models.CharField(_("where"), max_length=16, choices=Where.choices)
    subject = models.CharField(_("about"), max_length=300, blank=True)
    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    policy = models.CharField(_("policy"), max_length=8, choices=Policy.choices)
    reason = models.TextField(_("reason"), blank=True)
    # [{"field", "label", "match", "category", "severity", "rule"}]
    findings = models.JSONField(_("findings"), default=list)

    objects = OverrideQuerySet.as_manager()

    class Meta:
        verbose_name = _("language-check override")
        verbose_name_plural = _("language-check overrides")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_where_display()} ({self.at:%Y-%m-%d %H:%M})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise TypeError("Language overrides are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise TypeError("Language overrides are append-only.")

    def matches(self) -> str:
        return ", ".join(f"“{item['match']}”" for item in self.findings)
