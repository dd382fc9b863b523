"""The private links to the candidate page that messages carry.

Every message with a link gets a token of its own (only its SHA-256 is stored), so a link in
an older message keeps working; the candidate page (``aterkoppla.portal``) finds the
application by it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from typing import TYPE_CHECKING

from django.conf import settings
from django.urls import reverse

from aterkoppla.messaging.models import PortalToken

if TYPE_CHECKING:
    from aterkoppla.applications.models import Application

__all__ = [
    "application_for_token",
    "portal_token_new",
    "portal_url_create",
    "portal_url_stable",
    "token_for",
    "token_hash",
]

# 32 random bytes: far beyond guessing, short enough for a link in an email.
_TOKEN_BYTES = 32


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def portal_token_new(application: Application) -> tuple[PortalToken, str]:
    """A new private link, not yet saved (for bulk inserts), and its absolute URL."""
    token = secrets.token_urlsafe(_TOKEN_BYTES)
    row = PortalToken(application=application, key_hash=token_hash(token))
    return row, settings.SITE_URL + reverse("portal:application", args=[token])


def portal_url_create(application: Application) -> str:
    """A new private link to the application's candidate page (absolute URL)."""
    row, url = portal_token_new(application)
    row.save()
    return url


# A stranger's megabyte-long "token" is not worth hashing.
MAX_TOKEN_LENGTH = 100


def token_for(token: str) -> PortalToken | None:
    """The link's row with its application, or None (a wrong token and a missing one look
    alike)."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    return (
        PortalToken.objects.select_related("application__candidate", "application__recruitment")
        .filter(key_hash=token_hash(token))
        .first()
    )


def application_for_token(token: str) -> Application | None:
    """The application a token leads to, or None."""
    found = token_for(token)
    return found.application if found else None


def portal_url_stable(application: Application, *, purpose: str) -> str:
    """A link that is the same every time it is asked for with the same purpose.

    For answers that must repeat exactly (an API call retried with its Idempotency-Key): the
    token is derived from the secret key, so it is as unguessable as a random one, and only
    its hash is stored, as for every other link.
    """
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"portal:{purpose}:{application.pk}".encode(), "sha256"
    ).digest()
    token = base64.urlsafe_b64encode(digest).decode().rstrip("=")
    PortalToken.objects.get_or_create(application=application, key_hash=token_hash(token))
    return settings.SITE_URL + reverse("portal:application", args=[token])
