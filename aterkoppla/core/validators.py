"""Validators shared by the models, the forms and the API."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# A web address in a name: a scheme, "www.", or a word.word run such as "evil.example/prize"
# (initials such as "J.R.R." have one letter between the dots and pass).
_ADDRESS = re.compile(r"(?i)[a-z][a-z0-9+.-]*://|\bwww\.|[^\W\d_]{2,}\.[^\W\d_]{2,}")


@deconstructible
class PersonNameValidator:
    """A person's name as it goes into the messages we send: no line breaks or other control
    characters (a line break in a name breaks the mail header it is written into) and no web
    addresses (a name is not a place to put a link in front of the reader)."""

    def __call__(self, value: str) -> None:
        if any(unicodedata.category(char) in {"Cc", "Zl", "Zp"} for char in value):
            raise ValidationError(
                _("A name cannot hold line breaks or other control characters."),
                code="control_characters",
            )
        if _ADDRESS.search(value):
            raise ValidationError(
                _("A name cannot hold a web address."),
                code="web_address",
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PersonNameValidator)


validate_person_name = PersonNameValidator()


# How far ahead a date promised to candidates may lie: a promise a year away is one nobody
# can hold the employer to, and "9999-12-31" would never be broken.
PROMISE_MONTHS = 12


def latest_promise(today: dt.date) -> dt.date:
    """The last date that may be promised from ``today``: the same day twelve months on
    (28 February for 29 February)."""
    try:
        return today.replace(year=today.year + PROMISE_MONTHS // 12)
    except ValueError:
        return today.replace(year=today.year + PROMISE_MONTHS // 12, day=28)


def validate_promise_date(
    value: dt.date | None, *, today: dt.date, field: str, past_allowed: bool = False
) -> None:
    """A date promised to candidates (an answer date, a reserve date, the first answer of a
    recruitment, the last day to apply) lies between today and twelve months from today;
    ``past_allowed`` for a date only checked against the far end."""
    if value is None:
        return
    if not past_allowed and value < today:
        raise ValidationError({field: _("The date cannot be in the past.")}, code="past")
    latest = latest_promise(today)
    if value > latest:
        raise ValidationError(
            {
                field: _(
                    "The date is too far ahead: give a date no later than %(latest)s, twelve "
                    "months from today."
                )
                % {"latest": latest.isoformat()}
            },
            code="too_far",
        )
