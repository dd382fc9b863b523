"""The privacy notice (GDPR art. 13) that goes with every acknowledgement and stands on the
application form and the candidate's page, and the check that an own notice tells the truth
about how long data are kept."""

from __future__ import annotations

import re
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


def privacy_notice_heading() -> str:
    """The heading of the default notice, in the active language."""
    return _("How we handle your personal data")


def default_privacy_notice(organisation: Organisation, language: str) -> str:
    """The notice in ``language`` (Swedish unless English), with the organisation filled in:
    its heading, then :func:`default_privacy_notice_body`."""
    with translation.override("en" if language == "en" else "sv"):
        heading = privacy_notice_heading()
    return heading + "\n\n" + default_privacy_notice_body(organisation, language)


def default_privacy_notice_body(organisation: Organisation, language: str) -> str:
    """The default notice without its heading (pages give it their own).

    Every fact in it comes from the settings (the storage period is the one the retention
    sweep uses, the talent pool's the one its consent lasts) and every right it lists is one
    the candidate's page offers, named by where it is on that page (GDPR art. 13)."""
    with translation.override("en" if language == "en" else "sv"):
        about = _(
            # Translators: the default privacy notice sent to every applicant with the
            # acknowledgement and shown on the application form and the candidate's page.
            # Keep the paragraphs; the sentences below follow.
            "%(name)s is the controller of the personal data in your application. We use it to "
            "handle your application for this job: to assess it against the requirements, to "
            "contact you and to give you our answer. The legal basis is that you have asked us "
            "to consider you for employment (GDPR article 6.1 b) and our legitimate interest in "
            "recruiting (article 6.1 f). Only the people who work on the recruitment see your "
            "application, and we make no automated decisions about you."
        ) % {"name": organisation.name}
        kept = _(
            "We keep your application for %(months)s months after our final answer, so that we "
            "can show how we decided if the decision is challenged under the Swedish "
            "Discrimination Act (a claim can be made up to two years after the decision). Then "
            "we delete or anonymise it."
        ) % {"months": organisation.retention_months}
        pool = _(
            "If you would like us to keep your details for future jobs, you can join our talent "
            "pool on your application page. We then keep your name, contact details, merits and "
            "CV for %(months)s months on the basis of your consent (GDPR article 6.1 a), which "
            "you can withdraw at any time by leaving the talent pool."
        ) % {"months": organisation.talent_pool_months}
        page = "\n".join(
            [
                _("On your application page, which the link in our messages leads to, you can:"),
                _("- download the data we hold about you (GDPR article 15): “Download your data”;"),
                _(
                    "- ask us to erase your data (article 17): we erase it at once or, if we "
                    "must keep it until the time for a discrimination claim has run out, on that "
                    "day, and we tell you the date;"
                ),
                _("- withdraw your application while it is open: “No longer interested?”;"),
                _(
                    "- after a no, ask for written information about the merits of the person "
                    "who got the job and of those called to interview (diskrimineringslagen "
                    "2 kap. 4 §): “Written information about the merits”;"
                ),
                _("- join or leave our talent pool: “Talent pool”."),
            ]
        )
        rights = [
            _(
                "Tell us if you want your data corrected or restricted, or if you object to how "
                "we use it."
            ),
            privacy_contact_sentence(organisation),
            _(
                "You can also complain to the Swedish Authority for Privacy Protection (IMY), "
                "imy.se."
            ),
        ]
    return "\n\n".join(
        [about, kept, pool, page, " ".join(sentence for sentence in rights if sentence)]
    )


def privacy_notice_body(organisation: Organisation, language: str) -> str:
    """What a page shows under its own heading: the organisation's own notice in
    ``language``, else the default one without its heading."""
    own = organisation.privacy_notice_en if language == "en" else organisation.privacy_notice_sv
    return own.strip() or default_privacy_notice_body(organisation, language)


# "24 månader", "24 månaders", "24 months", "24-month": a storage period written in a notice.
_MONTHS = re.compile(r"(\d+)[\s\u00a0-]*(?:månader|månaders|månad|months?)\b", re.IGNORECASE)


def notice_months_error(text: str, organisation: Organisation) -> str:
    """Why an own notice may not be kept ("" when it may): it states a number of months that
    is neither the storage period (``retention_months``) nor the talent pool's
    (``talent_pool_months``), so it would tell candidates something untrue. In the active
    language."""
    allowed = {organisation.retention_months, organisation.talent_pool_months}
    stated = [int(number) for number in _MONTHS.findall(text or "")]
    wrong = [number for number in stated if number not in allowed]
    if not wrong:
        return ""
    return _(
        "The notice says %(stated)s months, but applications are kept for %(months)s months "
        "after the final answer (and the talent pool lasts %(pool)s months). Change the text or "
        "the setting so that they agree."
    ) % {
        "stated": wrong[0],
        "months": organisation.retention_months,
        "pool": organisation.talent_pool_months,
    }
