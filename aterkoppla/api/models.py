"""What the API keeps of its own: the Idempotency-Key of each application it received."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aterkoppla.applications.models import Application
from aterkoppla.recruitment.models import Recruitment


class IdempotencyKey(models.Model):
    """An ``Idempotency-Key`` a client sent with an application, and what it created.

    A client that did not hear the answer sends the same request again with the same key; it
    gets the application it already created instead of a second one. The key is the client's,
    so it is unique per user, and it stands for one request: the hash of the body tells a
    retry from a different request that reuses the key by mistake.
    """

    MAX_LENGTH = 255

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=MAX_LENGTH)
    recruitment = models.ForeignKey(Recruitment, on_delete=models.CASCADE, related_name="+")
    request_hash = models.CharField(max_length=64)
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("idempotency key")
        verbose_name_plural = _("idempotency keys")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_once_per_user"),
        ]

    def __str__(self) -> str:
        return self.key
