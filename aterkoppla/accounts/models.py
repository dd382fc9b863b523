from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A staff user of the organisation: recruiter, hiring manager, interviewer or admin.

    Candidates have no account. A *site admin* (``is_superuser``) sees every recruitment and
    manages the organisation; everyone else sees only the recruitments whose team they are on.
    A *recruiter* (``is_recruiter``, granted by a site admin) may also create recruitments and
    publish them: the owner of a recruitment receives its applicants' CVs, so not every staff
    account may become one.
    """

    is_recruiter = models.BooleanField(
        _("may create recruitments"),
        default=False,
        db_default=False,
        help_text=_(
            "May create recruitments and publish them (and so receive their applicants' "
            "documents). Granted by a site admin."
        ),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["first_name", "last_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_site_admin(self) -> bool:
        return self.is_active and self.is_superuser

    @property
    def may_create_recruitments(self) -> bool:
        """Create a recruitment and publish one: recruiters and site admins."""
        return self.is_active and (self.is_recruiter or self.is_superuser)


class ApiToken(models.Model):
    """A bearer token for the REST API, owned by one user and acting as that user.

    Only a SHA-256 hash of the token is stored: the token itself is shown once, when it is
    made. The hash is what requests are looked up by, so a stolen database holds nothing a
    client could use. A token of an inactive user, or a revoked one, opens nothing.
    """

    PREFIX = "ak_"
    # How many characters of the token are kept in clear, to tell tokens apart in lists.
    SHOWN_CHARS = 10
    # A token that is used all the time is written to at most once per this period.
    LAST_USED_RESOLUTION = dt.timedelta(minutes=1)

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("What the token is for, for example the system that uses it."),
    )
    prefix = models.CharField(_("token begins with"), max_length=SHOWN_CHARS, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode("utf-8", errors="replace")).hexdigest()

    @classmethod
    def issue(cls, *, user: User, name: str) -> tuple[ApiToken, str]:
        """Make a token for ``user``; return it with the clear key, which is never stored."""
        key = cls.PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user,
            name=name.strip(),
            prefix=key[: cls.SHOWN_CHARS],
            key_hash=cls.hash_key(key),
        )
        return token, key

    @classmethod
    def authenticate(cls, key: str) -> ApiToken | None:
        """The live token with this key (not revoked, its user active), or None."""
        # Anything that is not shaped like our keys cannot match: skip hashing and the query.
        if not key.startswith(cls.PREFIX) or len(key) > 100:
            return None
        return (
            cls.objects.select_related("user")
            .filter(key_hash=cls.hash_key(key), revoked_at__isnull=True, user__is_active=True)
            .first()
        )

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    def touch(self) -> None:
        """Record a use, at most once per minute so that busy clients do not write on each call."""
        now = timezone.now()
        if self.last_used_at and now - self.last_used_at < self.LAST_USED_RESOLUTION:
            return
        self.last_used_at = now
        ApiToken.objects.filter(pk=self.pk).update(last_used_at=now)
