from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A staff user of the organisation: recruiter, hiring manager, interviewer or admin.

    Candidates have no account. A *site admin* (``is_superuser``) sees every recruitment and
    manages the organisation; everyone else sees only the recruitments whose team they are on.
    """

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["first_name", "last_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_site_admin(self) -> bool:
        return self.is_active and self.is_superuser
