"""Applications in the states the dashboard is about, made through the real services."""

from __future__ import annotations

import datetime as dt
import unicodedata

from django.conf import settings
from django.test import Client

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application
from aterkoppla.applications.services import application_receive
from aterkoppla.messaging.models import Message
from aterkoppla.recruitment.models import Recruitment

# The ``nov_25`` fixture's day: Wednesday 25 November 2026.
TODAY = dt.date(2026, 11, 25)
REFUSED = "550 5.1.1 <{email}>: Recipient address rejected: User unknown"


def receive(
    recruitment: Recruitment, by: User, name: str, *, reply_by: dt.date | None = None
) -> Application:
    """An application (its acknowledgement queued), promised an answer by ``reply_by``."""
    first, _space, last = name.partition(" ")
    application = application_receive(
        recruitment=recruitment,
        first_name=first,
        last_name=last or "Testsson",
        email=_address(f"{first}.{last or 'Testsson'}"),
        by=by,
    )
    if reply_by is not None:
        # Time has passed since the promise was made; the test skips the wait.
        Application.objects.filter(pk=application.pk).update(reply_by=reply_by)
        application.refresh_from_db()
    return application


def _address(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return f"{ascii_name.lower()}@example.se"


def fail(application: Application) -> Message:
    """The mail server refused the application's acknowledgement for good."""
    message = Message.objects.get(application=application)
    message.status = Message.Status.FAILED
    message.attempts = 1
    message.last_error = REFUSED.format(email=message.to_address)
    message.save(update_fields=["status", "attempts", "last_error"])
    return message


def english(client: Client) -> Client:
    """The client with English chosen, for tests that read the page's own words."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
