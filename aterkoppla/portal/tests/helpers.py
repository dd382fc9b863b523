"""Helpers for the candidate page tests: private links, and pages compared without noise."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client

from aterkoppla.applications.models import Application
from aterkoppla.applications.services import application_receive
from aterkoppla.messaging.links import portal_url_create
from aterkoppla.messaging.models import Message

# Headers that keep a page whose address holds a secret out of indexes, caches and Referer.
PRIVATE_HEADERS = {"X-Robots-Tag": "noindex", "Referrer-Policy": "strict-origin"}


def link(application: Application) -> str:
    """The path of a new private link to the application's page."""
    return urlsplit(portal_url_create(application)).path


def link_in(message: Message) -> str:
    """The path of the private link a message carries."""
    url = next(word for word in message.body_text.split() if "/ansokan/" in word)
    return urlsplit(url).path


def choose_language(client: Client, language: str) -> None:
    """What the language switch in the page header leaves behind."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language


def comparable(page: bytes) -> str:
    """A page without what differs between any two requests: the CSRF mask, the own address."""
    text = page.decode()
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', 'name="csrfmiddlewaretoken"', text)
    return re.sub(r'name="next" value="[^"]*"', 'name="next"', text)


def receive(recruitment, **overrides) -> Application:
    data = {
        "recruitment": recruitment,
        "first_name": "Tom",
        "last_name": "Baker",
        "email": "tom.baker@example.com",
        "language": "en",
    }
    return application_receive(**(data | overrides))


def assert_private(response) -> None:
    for header, value in PRIVATE_HEADERS.items():
        assert response[header] == value
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
