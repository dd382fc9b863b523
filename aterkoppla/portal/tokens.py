"""Make and check the private tokens in candidate links."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

from django.conf import settings
from django.urls import reverse

from aterkoppla.portal.models import PortalToken

# 32 random bytes: far beyond guessing, short enough for a link in an email.
_TOKEN_BYTES = 32


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def portal_token_new(application: object) -> tuple[PortalToken, str]:
    """A new private link, not yet saved (for bulk inserts), and its absolute URL."""
    token = secrets.token_urlsafe(_TOKEN_BYTES)
    row = PortalToken(application=application, key_hash=token_hash(token))
    return row, settings.SITE_URL + reverse("portal:application", args=[token])


def portal_url_create(application: object) -> str:
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


def application_for_token(token: str) -> object | None:
    """The application a token leads to, or None."""
    found = token_for(token)
    return found.application if found else None


# A candidate link in a stored message: /ansokan/<token>/ (but not /ansokan/ny-lank/).
_LINK = re.compile(r"(/ansokan/)(?!ny-lank/)([A-Za-z0-9_-]{20,100})(/)")
REDACTED = "…"


def redact_links(text: str) -> str:
    """The text with the tokens of candidate links taken out.

    A link is the candidate's key to their page. Staff reading the outbox, and the stored text
    once a message is delivered, keep the link's place but not the key, so nobody but the
    candidate can act as the candidate.
    """
    return _LINK.sub(rf"\g<1>{REDACTED}\g<3>", text)


def portal_url_stable(application: object, *, purpose: str) -> str:
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
