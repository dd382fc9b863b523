"""Make and check the private tokens in candidate links."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.urls import reverse

from aterkoppla.portal.models import PortalToken

# 32 random bytes: far beyond guessing, short enough for a link in an email.
_TOKEN_BYTES = 32


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def portal_url_create(application: object) -> str:
    """A new private link to the application's candidate page (absolute URL)."""
    token = secrets.token_urlsafe(_TOKEN_BYTES)
    PortalToken.objects.create(application=application, key_hash=token_hash(token))
    return settings.SITE_URL + reverse("portal:application", args=[token])


def application_for_token(token: str) -> object | None:
    """The application a token leads to, or None (a wrong token and a missing one look alike)."""
    if not token or len(token) > 100:
        return None
    found = (
        PortalToken.objects.select_related("application__candidate", "application__recruitment")
        .filter(key_hash=token_hash(token))
        .first()
    )
    return found.application if found else None
