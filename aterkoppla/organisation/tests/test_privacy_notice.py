"""The default privacy notice reads exactly as below in both languages, whatever language is
active: every fact from the settings, every right one the candidate's page offers."""

from __future__ import annotations

import pytest
from django.urls import reverse
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

Vi sparar din ansökan i {months} månader efter vårt slutliga besked, så att vi kan visa hur \
vi beslutade om beslutet prövas enligt diskrimineringslagen (det kan ske upp till två år \
efter beslutet). Därefter raderar eller avidentifierar vi den.

Vill du att vi sparar dina uppgifter inför framtida tjänster kan du gå med i vår talangbank \
på din ansökningssida. Då sparar vi ditt namn, dina kontaktuppgifter, dina meriter och ditt \
cv i {pool} månader med ditt samtycke som grund (dataskyddsförordningen artikel 6.1 a). Du kan \
när som helst ta tillbaka samtycket genom att lämna talangbanken.

På din ansökningssida, dit länken i våra meddelanden leder, kan du:
- ladda ner de uppgifter vi har om dig (dataskyddsförordningen artikel 15): ”Ladda ner dina \
uppgifter”;
- be oss radera dina uppgifter (artikel 17): vi raderar dem direkt eller, om vi måste spara \
dem tills tiden för att väcka talan om diskriminering har gått ut, den dagen, och vi talar \
om vilket datum det blir;
- återta din ansökan så länge den är öppen: ”Inte intresserad längre?”;
- efter ett nej begära skriftlig information om meriterna hos den som fick jobbet och hos \
dem som kallades till intervju (diskrimineringslagen 2 kap. 4 §): ”Skriftlig information om \
meriterna”;
- gå med i eller lämna vår talangbank: ”Talangbank”.

Hör av dig om du vill att vi rättar eller begränsar dina uppgifter, eller om du invänder mot \
hur vi använder dem. Kontakta oss på {contact}. Du kan också klaga till \
Integritetsskyddsmyndigheten (IMY), imy.se."""

ENGLISH = """\
How we handle your personal data

{name} is the controller of the personal data in your application. We use it to handle your \
application for this job: to assess it against the requirements, to contact you and to give \
you our answer. The legal basis is that you have asked us to consider you for employment \
(GDPR article 6.1 b) and our legitimate interest in recruiting (article 6.1 f). Only the \
people who work on the recruitment see your application, and we make no automated decisions \
about you.

We keep your application for {months} months after our final answer, so that we can show how \
we decided if the decision is challenged under the Swedish Discrimination Act (a claim can \
be made up to two years after the decision). Then we delete or anonymise it.

If you would like us to keep your details for future jobs, you can join our talent pool on \
your application page. We then keep your name, contact details, merits and CV for {pool} months \
on the basis of your consent (GDPR article 6.1 a), which you can withdraw at any time by \
leaving the talent pool.

On your application page, which the link in our messages leads to, you can:
- download the data we hold about you (GDPR article 15): “Download your data”;
- ask us to erase your data (article 17): we erase it at once or, if we must keep it until \
the time for a discrimination claim has run out, on that day, and we tell you the date;
- withdraw your application while it is open: “No longer interested?”;
- after a no, ask for written information about the merits of the person who got the job and \
of those called to interview (diskrimineringslagen 2 kap. 4 §): “Written information about \
the merits”;
- join or leave our talent pool: “Talent pool”.

Tell us if you want your data corrected or restricted, or if you object to how we use it. \
Contact us at {contact}. You can also complain to the Swedish Authority for Privacy \
Protection (IMY), imy.se."""


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
def test_the_default_notice_reads_as_written(organisation, active, language, text):
    expected = text.format(
        name="Nordlager AB", months=24, pool=12, contact="dataskydd@nordlager.example.se"
    )
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
        "Hör av dig om du vill att vi rättar eller begränsar dina uppgifter, eller om du "
        f"invänder mot hur vi använder dem. {swedish} Du kan också klaga till "
        "Integritetsskyddsmyndigheten (IMY), imy.se."
    )
    assert rights_en == (
        "Tell us if you want your data corrected or restricted, or if you object to how we use "
        f"it. {english} You can also complain to the Swedish Authority for Privacy Protection "
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


# --- The storage period is the setting, wherever candidates read it --------------------------


def _retention(months: int, pool: int = 12) -> Organisation:
    organisation = Organisation.current()
    organisation.retention_months, organisation.talent_pool_months = months, pool
    organisation.save()
    return organisation


def test_the_notice_takes_its_months_from_the_settings():
    organisation = _retention(18, pool=6)
    for language, kept, pool in (
        ("sv", "i 18 månader efter vårt slutliga besked", "cv i 6 månader"),
        ("en", "for 18 months after our final answer", "CV for 6 months"),
    ):
        notice = default_privacy_notice(organisation, language)
        assert kept in notice and pool in notice
        assert "24" not in notice


def test_the_application_form_and_the_candidate_page_say_the_setting(
    client, recruitment, application
):
    from aterkoppla.portal.tests.helpers import link

    _retention(18)
    form = client.get(reverse("careers:apply", args=[recruitment.pk])).content.decode()
    page = client.get(link(application)).content.decode()
    for text in (form, page):
        assert "Vi sparar din ansökan i 18 månader efter vårt slutliga besked" in text
        assert "24 månader" not in text
        assert "Integritetsskyddsmyndigheten (IMY)" in text
    _retention(30)
    form = client.get(reverse("careers:apply", args=[recruitment.pk])).content.decode()
    assert "i 30 månader" in form and "18 månader" not in form


def test_the_form_shows_the_organisations_own_notice(client, recruitment):
    organisation = _retention(24)
    organisation.privacy_notice_sv = "Vi sparar allt i 24 månader. Fråga oss."
    organisation.save()
    form = client.get(reverse("careers:apply", args=[recruitment.pk])).content.decode()
    assert "Vi sparar allt i 24 månader. Fråga oss." in form


def test_the_acknowledgement_email_carries_the_setting(recruitment, smtp_server):
    from aterkoppla.applications.services import application_receive
    from aterkoppla.messaging.worker import Worker

    _retention(18)
    application_receive(
        recruitment=recruitment,
        first_name="Amira",
        last_name="Haddad",
        email="amira.haddad@example.se",
        language="sv",
    )
    application_receive(
        recruitment=recruitment,
        first_name="Tom",
        last_name="Baker",
        email="tom.baker@example.com",
        language="en",
    )
    Worker().deliver_all()
    mails = {m.recipients[0]: m.message for m in smtp_server.received}
    swedish = _text_of(mails["amira.haddad@example.se"])
    english = _text_of(mails["tom.baker@example.com"])
    assert "Vi sparar din ansökan i 18 månader efter vårt slutliga besked" in swedish
    assert "We keep your application for 18 months after our final answer" in english
    assert "ladda ner de uppgifter vi har om dig" in swedish
    assert "24 m" not in swedish and "24 m" not in english


def _text_of(message) -> str:
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return " ".join(part.get_content().split())


# --- An own notice may not state another period ------------------------------------------------


def _settings(**overrides):
    data = {
        "name": "Nordlager AB",
        "contact_email": "rekrytering@nordlager.example.se",
        "sender_email": "rekrytering@nordlager.example.se",
        "privacy_notice_sv": "",
        "privacy_notice_en": "",
        "retention_months": "24",
        "talent_pool_months": "12",
        "disclosure_working_days": "10",
        "promise_postpone_days": "5",
        "promise_max_updates": "2",
    }
    return data | overrides


def test_an_own_notice_with_other_months_is_refused_at_save(client_for, site_admin):
    client = client_for(site_admin)
    response = client.post(
        "/settings/", _settings(privacy_notice_sv="Vi sparar din ansökan i 36 månader.")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert (
        "Texten säger 36 månader, men ansökningar sparas i 24 månader efter det slutliga "
        "beskedet (och talangbanken gäller i 12 månader)."
    ) in page
    assert Organisation.current().privacy_notice_sv == ""
    client.cookies["aterkoppla_language"] = "en"
    response = client.post(
        "/settings/", _settings(privacy_notice_en="We keep your application for 6 months.")
    )
    assert response.status_code == 400
    assert "The notice says 6 months, but applications are kept for 24 months" in (
        response.content.decode()
    )


def test_an_own_notice_that_agrees_with_the_settings_is_kept(client_for, site_admin):
    own = "Vi sparar din ansökan i 36 månader och talangbanken i 12 månader."
    response = client_for(site_admin).post(
        "/settings/", _settings(privacy_notice_sv=own, retention_months="36")
    )
    assert response.status_code == 302
    assert Organisation.current().privacy_notice("sv") == own


def test_changing_the_setting_under_an_own_notice_is_refused_too(client_for, site_admin):
    own = "We keep your application for 24 months."
    client = client_for(site_admin)
    assert client.post("/settings/", _settings(privacy_notice_en=own)).status_code == 302
    response = client.post("/settings/", _settings(privacy_notice_en=own, retention_months="18"))
    assert response.status_code == 400
    assert Organisation.current().retention_months == 24
