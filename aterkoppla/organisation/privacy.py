"""The default privacy notice (GDPR art. 13) that goes with every acknowledgement."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import translation
from django.utils.translation import gettext as _

from aterkoppla.lib.addresses import is_unattended
from aterkoppla.lib.phone import display as phone_display

if TYPE_CHECKING:
    from aterkoppla.organisation.models import Organisation


def privacy_contact_sentence(organisation: Organisation) -> str:
    """How to reach the organisation about personal data, written from what is filled in:
    an address, a phone number, both, or "" when there is neither (in the active language)."""
    email = organisation.privacy_contact or organisation.contact_email
    email = "" if is_unattended(email) else email
    phone = phone_display(organisation.phone) if organisation.phone else ""
    if email and phone:
        return _("Contact us at %(email)s or call us on %(phone)s.") % {
            "email": email,
            "phone": phone,
        }
    if email:
        return _("Contact us at %(email)s.") % {"email": email}
    if phone:
        return _("Call us on %(phone)s.") % {"phone": phone}
    return ""


def default_privacy_notice(organisation: Organisation, language: str) -> str:
    """The notice in ``language`` (Swedish unless English), with the organisation filled in."""
    with translation.override("en" if language == "en" else "sv"):
        text = _(
            # Translators: the default privacy notice sent to every applicant with the
            # acknowledgement; the first line is its heading. Keep the paragraphs. The
            # last paragraph follows, made of the sentences below.
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
            "for future jobs, we will ask for your consent separately."
        ) % {"name": organisation.name, "months": organisation.retention_months}
        rights = [
            _(
                "You have the right to know what data we hold about you and to have it "
                "corrected, erased or restricted, to object to its use and to receive a copy."
            ),
            privacy_contact_sentence(organisation),
            _(
                "You can also complain to the Swedish Authority for Privacy Protection (IMY), "
                "imy.se."
            ),
        ]
    return text + "\n\n" + " ".join(sentence for sentence in rights if sentence)
