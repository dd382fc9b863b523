"""Changing the organisation's settings."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from aterkoppla.accounts.models import User
from aterkoppla.core.meta import model_field
from aterkoppla.language.gate import Text, language_gate
from aterkoppla.language.models import Policy, Where
from aterkoppla.lib.addresses import address_of, is_unattended, named_address
from aterkoppla.organisation.models import Organisation

# Texts that reach every candidate: each is checked in the language it is written in.
CHECKED_TEXTS = {"privacy_notice_sv": "sv", "privacy_notice_en": "en"}


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    by: User | None,
    language_override_reason: str = "",
    **changes: Any,
) -> Organisation:
    """Save the settings. The privacy notices go into every acknowledgement: a changed one
    passes the language check (always under the blocking policy: an organisation's texts
    belong to no recruitment) unless ``language_override_reason`` says why it is kept."""
    unknown = set(changes) - {field.name for field in Organisation._meta.get_fields()}
    if unknown:
        raise TypeError(f"Unknown organisation fields: {sorted(unknown)}")
    for name, value in changes.items():
        setattr(organisation, name, value)
    language_gate(
        [
            Text(
                name=name,
                text=changes[name],
                where=Where.ORGANISATION,
                lang=lang,
                label=str(model_field(Organisation, name).verbose_name),
            )
            for name, lang in CHECKED_TEXTS.items()
            if name in changes
        ],
        policy=Policy.BLOCK,
        by=by,
        reason=language_override_reason,
        subject=organisation.name,
    )
    organisation.full_clean()
    organisation.save()
    return organisation


def organisation_sender(organisation: Organisation) -> str:
    """The From of every message: the organisation's name with its sender address, else with
    the server's default address (``DEFAULT_FROM_EMAIL``). "" when neither is an address a
    person could answer (a no-reply or localhost address): then nothing may be sent."""
    for address in (organisation.sender_email, address_of(settings.DEFAULT_FROM_EMAIL)):
        if address and not is_unattended(address):
            return named_address(organisation.name, address)
    return ""


def organisation_contact_email(organisation: Organisation) -> str:
    """The address candidates write to when no recruiter's address is theirs ("" if none)."""
    address = organisation.contact_email
    return "" if not address or is_unattended(address) else address


def organisation_contact_missing(organisation: Organisation | None = None) -> list[str]:
    """What the organisation must still fill in before any message can be sent, in the
    active language; empty when the contact details are complete.

    Complete means: a name (candidates see who writes to them), a contact address for
    candidates that a person reads (the Reply-To when a recruiter has no address, and the
    contact in the privacy notice, GDPR art. 13.1 a), and a sender address that is not a
    no-reply address. A phone number is welcome but not required: texts read right without.
    """
    organisation = organisation or Organisation.current()
    missing = []
    if not organisation.name.strip():
        missing.append(_("the organisation's name"))
    if not organisation_contact_email(organisation):
        missing.append(_("a contact address for candidates that a person reads"))
    if not organisation_sender(organisation):
        missing.append(_("a sender address (the server's default is a no-reply address)"))
    return missing
