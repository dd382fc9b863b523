"""The default privacy notice (GDPR art. 13) that goes with every acknowledgement."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import translation
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from aterkoppla.organisation.models import Organisation


def default_privacy_notice(organisation: Organisation, language: str) -> str:
    """The notice in ``language`` (Swedish unless English), with the organisation filled in."""
    contact = organisation.privacy_contact or organisation.sender_email or organisation.name
    with translation.override("en" if language == "en" else "sv"):
        text = _(
            # Translators: the default privacy notice sent to every applicant with the
            # acknowledgement; the first line is its heading. Keep the paragraphs.
            "How we handle your personal data\n"
            "\n"
            "%(name)s is the controller of the personal data in your application. We use it to "
            "handle your application for this job: to assess it against the requirements, to "
            "contact you and to give you our answer. The legal basis is that you have asked us "
            "to consider you for employment (GDPR article 6.1 b) and our legitimate interest in "
            "recruiting (article 6.1 f). Only the people who work on the recruitment see your "
            "application, and we make no automated decisions about you.\n"
            "\n"
            "We keep your application for %(months)s months after our final answer, because "
            "that is how long a decision in a recruitment can be challenged under the Swedish "
            "Discrimination Act. Then we delete or anonymise it. If you would like us to keep it "
            "for future jobs, we will ask for your consent separately.\n"
            "\n"
            "You have the right to know what data we hold about you and to have it corrected, "
            "erased or restricted, to object to its use and to receive a copy. Contact us at "
            "%(contact)s. You can also complain to the Swedish Authority for Privacy Protection "
            "(IMY), imy.se."
        )
    return text % {
        "name": organisation.name,
        "months": organisation.retention_months,
        "contact": contact,
    }
