"""The default privacy notice (GDPR art. 13) that goes with every acknowledgement."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aterkoppla.organisation.models import Organisation

_SV = """\
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

_EN = """\
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


def default_privacy_notice(organisation: Organisation, language: str) -> str:
    contact = organisation.privacy_contact or organisation.sender_email or organisation.name
    text = _EN if language == "en" else _SV
    return text.format(
        name=organisation.name, months=organisation.retention_months, contact=contact
    )
