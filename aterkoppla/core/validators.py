"""Validators shared by the models, the forms and the API."""

from __future__ import annotations

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
