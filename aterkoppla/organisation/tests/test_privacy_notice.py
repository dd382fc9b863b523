"""The default privacy notice, now from the catalogue, reads exactly as it did in both
languages (the texts below are the ones the code held before), whatever language is active."""

from __future__ import annotations

import pytest
from django.utils import translation

from aterkoppla.organisation.models import Organisation
from aterkoppla.organisation.privacy import default_privacy_notice

pytestmark = pytest.mark.django_db

SWEDISH = """\
Så hanterar vi dina personuppgifter

{name} är personuppgiftsansvarig för uppgifterna i din ansökan. Vi använder dem för att \
hantera din ansökan till den här tjänsten: för att bedöma den mot kraven, kontakta dig och \
ge dig besked. Den rättsliga grunden är att du har bett oss pröva dig för en anställning \
(dataskyddsförordningen artikel 6.1 b) och vårt berättigade intresse av att rekrytera \
(artikel 6.1 f). Bara de som arbetar med rekryteringen ser din ansökan, och vi fattar inga \
automatiserade beslut om dig.

Vi sparar din ansökan i {months} månader efter vårt slutliga besked, eftersom ett beslut i en \
rekrytering kan prövas enligt diskrimineringslagen så länge. Därefter raderar eller \
avidentifierar vi den. Vill du att vi sparar den inför framtida tjänster frågar vi om ditt \
samtycke separat.

Du har rätt att få veta vilka uppgifter vi har om dig och att få dem rättade, raderade eller \
begränsade, att invända mot behandlingen och att få ut uppgifterna. Kontakta oss på {contact}. \
Du kan också klaga till Integritetsskyddsmyndigheten (IMY), imy.se."""

ENGLISH = """\
How we handle your personal data

{name} is the controller of the personal data in your application. We use it to handle your \
application for this job: to assess it against the requirements, to contact you and to give \
you our answer. The legal basis is that you have asked us to consider you for employment \
(GDPR article 6.1 b) and our legitimate interest in recruiting (article 6.1 f). Only the \
people who work on the recruitment see your application, and we make no automated decisions \
about you.

We keep your application for {months} months after our final answer, because that is how long \
a decision in a recruitment can be challenged under the Swedish Discrimination Act. Then we \
delete or anonymise it. If you would like us to keep it for future jobs, we will ask for your \
consent separately.

You have the right to know what data we hold about you and to have it corrected, erased or \
restricted, to object to its use and to receive a copy. Contact us at {contact}. You can also \
complain to the Swedish Authority for Privacy Protection (IMY), imy.se."""


@pytest.fixture
def organisation() -> Organisation:
    organisation = Organisation.current()
    organisation.name = "Nordlager AB"
    organisation.retention_months = 24
    organisation.privacy_contact = "dataskydd@nordlager.example.se"
    organisation.save()
    return organisation


@pytest.mark.parametrize("active", ["sv", "en"])
@pytest.mark.parametrize(("language", "text"), [("sv", SWEDISH), ("en", ENGLISH)])
def test_the_default_notice_is_unchanged(organisation, active, language, text):
    expected = text.format(name="Nordlager AB", months=24, contact="dataskydd@nordlager.example.se")
    with translation.override(active):
        assert default_privacy_notice(organisation, language) == expected


CONTACT_SENTENCES = [
    # (privacy contact, contact address, phone, Swedish sentence, English sentence)
    (
        "dataskydd@nordlager.example.se",
        "",
        "",
        "Kontakta oss på dataskydd@nordlager.example.se.",
        "Contact us at dataskydd@nordlager.example.se.",
    ),
    (
        "",
        "rekrytering@nordlager.example.se",
        "",
        "Kontakta oss på rekrytering@nordlager.example.se.",
        "Contact us at rekrytering@nordlager.example.se.",
    ),
    ("", "", "+4636123456", "Ring oss på 036-12 34 56.", "Call us on 036-12 34 56."),
    (
        "",
        "rekrytering@nordlager.example.se",
        "+4636123456",
        "Kontakta oss på rekrytering@nordlager.example.se eller ring oss på 036-12 34 56.",
        "Contact us at rekrytering@nordlager.example.se or call us on 036-12 34 56.",
    ),
]


@pytest.mark.parametrize(("privacy", "contact", "phone", "swedish", "english"), CONTACT_SENTENCES)
def test_the_contact_sentence_is_written_from_what_is_filled_in(
    organisation, privacy, contact, phone, swedish, english
):
    organisation.privacy_contact, organisation.contact_email = privacy, contact
    organisation.phone = phone
    rights_sv = default_privacy_notice(organisation, "sv").rsplit("\n\n", 1)[1]
    rights_en = default_privacy_notice(organisation, "en").rsplit("\n\n", 1)[1]
    assert rights_sv == (
        "Du har rätt att få veta vilka uppgifter vi har om dig och att få dem rättade, "
        "raderade eller begränsade, att invända mot behandlingen och att få ut uppgifterna. "
        f"{swedish} Du kan också klaga till Integritetsskyddsmyndigheten (IMY), imy.se."
    )
    assert rights_en == (
        "You have the right to know what data we hold about you and to have it corrected, "
        "erased or restricted, to object to its use and to receive a copy. "
        f"{english} You can also complain to the Swedish Authority for Privacy Protection "
        "(IMY), imy.se."
    )


def test_the_name_is_never_written_where_an_address_belongs(organisation):
    organisation.privacy_contact = organisation.contact_email = organisation.sender_email = ""
    organisation.phone = ""
    for language in ("sv", "en"):
        notice = default_privacy_notice(organisation, language)
        assert "Nordlager AB." not in notice
        assert "Kontakta oss" not in notice and "Contact us" not in notice
        assert notice.endswith("imy.se.")
    # A no-reply address is not a contact either.
    organisation.contact_email = "noreply@nordlager.example.se"
    assert "noreply" not in default_privacy_notice(organisation, "sv")
