"""Changing the organisation's settings."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from aterkoppla.accounts.models import User
from aterkoppla.core.meta import model_field
from aterkoppla.language.gate import Text, language_gate
from aterkoppla.language.models import Policy, Where
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
