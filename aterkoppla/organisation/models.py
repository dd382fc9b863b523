"""The employer that runs this instance of Återkoppla: one row."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, default="Exempel AB")
    website = models.URLField(_("website"), blank=True)
    city = models.CharField(
        _("city"), max_length=100, blank=True, help_text=_("Where the jobs are, unless a job says.")
    )
    country = models.CharField(_("country code"), max_length=2, default="SE")

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisation")
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="organisation_singleton")
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> Organisation:
        organisation, _created = cls.objects.get_or_create(pk=1)
        return organisation
