"""The talent pool section of the candidate page (its views: ``talent_pool_views``)."""

from __future__ import annotations

from aterkoppla.applications.models import Application
from aterkoppla.applications.talent_pool import (
    talent_pool_consent_text,
    talent_pool_consent_valid,
    talent_pool_renewal_due,
)
from aterkoppla.organisation.models import Organisation
from aterkoppla.portal.forms import TalentPoolForm


def talent_pool_context(
    application: Application,
    language: str,
    form: TalentPoolForm | None = None,
    *,
    organisation: Organisation | None = None,
) -> dict[str, object]:
    """What the section shows: the consent that holds (in its last month with the button to
    renew it, under the text it renews to), else the form with the consent text in
    ``language``, the one the page is read in."""
    consent = talent_pool_consent_valid(application.candidate)
    text = talent_pool_consent_text(
        organisation=organisation or Organisation.current(), language=language
    )
    return {
        "talent_pool": consent,
        "talent_pool_renewable": consent is not None and talent_pool_renewal_due(consent),
        "talent_pool_text": text,
        "talent_pool_form": form or TalentPoolForm(consent_text=text),
    }
