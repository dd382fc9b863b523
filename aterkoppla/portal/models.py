"""Private links to the candidate page. Only a hash of each link's token is stored."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PortalToken(models.Model):
    """One private link to an application's candidate page.

    Every message that carries a link gets a token of its own, so a link in an older message
    keeps working; all of an application's tokens lead to the same page.
    """

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="portal_tokens"
    )
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("candidate link")
        verbose_name_plural = _("candidate links")

    def __str__(self) -> str:
        return f"{self.application_id} ({self.created_at:%Y-%m-%d})"
