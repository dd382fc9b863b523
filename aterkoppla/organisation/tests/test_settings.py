from __future__ import annotations

import pytest
from django.urls import reverse

from aterkoppla.organisation.models import Organisation

pytestmark = pytest.mark.django_db

URL = "/settings/"


def _data(**overrides):
    data = {
        "name": "Nordlager AB",
        "website": "https://nordlager.example.se",
        "city": "Jönköping",
        "contact_email": "rekrytering@nordlager.example.se",
        "sender_email": "rekrytering@nordlager.example.se",
        "phone": "036-12 34 56",
        "privacy_contact": "dataskydd@nordlager.example.se",
        "privacy_notice_sv": "",
        "privacy_notice_en": "",
        "retention_months": "24",
        "talent_pool_months": "12",
        "disclosure_working_days": "10",
        "promise_auto_update": "on",
        "promise_postpone_days": "5",
        "promise_max_updates": "2",
    }
    return data | overrides


def test_site_admin_edits_the_settings(client_for, site_admin):
    client = client_for(site_admin)
    assert client.get(URL).status_code == 200
    response = client.post(URL, _data())
    assert response.status_code == 302
    organisation = Organisation.current()
    assert organisation.name == "Nordlager AB"
    assert organisation.phone == "+4636123456"
    assert "Nordlager AB är personuppgiftsansvarig" in organisation.privacy_notice("sv")
    assert "dataskydd@nordlager.example.se" in organisation.privacy_notice("en")
    assert "24 months" in organisation.privacy_notice("en")


def test_own_privacy_notice_replaces_the_default(client_for, site_admin):
    client_for(site_admin).post(URL, _data(privacy_notice_sv="Vår egen text."))
    assert Organisation.current().privacy_notice("sv") == "Vår egen text."
    assert "controller" in Organisation.current().privacy_notice("en")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("retention_months", "0"),
        ("retention_months", "-3"),
        ("disclosure_working_days", "0"),
        ("disclosure_working_days", "31"),
        ("promise_postpone_days", "abc"),
        ("sender_email", "inte-en-adress"),
        ("sender_email", "noreply@nordlager.example.se"),
        ("contact_email", ""),
        ("contact_email", "no-reply@nordlager.example.se"),
        ("phone", "ring oss"),
        ("name", ""),
    ],
)
def test_bad_settings_are_form_errors(client_for, site_admin, field, value):
    response = client_for(site_admin).post(URL, _data(**{field: value}))
    assert response.status_code == 400
    assert f'href="#id_{field}"' in response.content.decode()
    assert Organisation.current().name != "Nordlager AB"


@pytest.mark.parametrize("who", ["owner", "member", "outsider"])
def test_only_site_admins_reach_settings(request, client_for, recruitment, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403
    assert client.post(URL, _data()).status_code == 403


def test_anonymous_goes_to_login(client_for):
    response = client_for(None).get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_settings_say_what_is_missing_until_the_contact_details_are_complete(
    client_for, site_admin, organisation_without_contact
):
    client = client_for(site_admin)
    page = client.get(URL, headers={"accept-language": "sv"}).content.decode()
    assert "Inga meddelanden kan skickas förrän kontaktuppgifterna är ifyllda." in page
    assert "organisationens namn" in page
    assert "en kontaktadress för sökande som en människa läser" in page
    assert 'href="#contact"' in page

    response = client.post(URL, _data(), follow=True)
    page = response.content.decode()
    assert "Kontaktuppgifterna är kompletta" in page
    assert "Inga meddelanden kan skickas" not in page


def test_the_missing_contact_details_are_named_in_english(organisation_without_contact, english):
    from aterkoppla.organisation.services import organisation_contact_missing

    assert organisation_contact_missing() == [
        "the organisation's name",
        "a contact address for candidates that a person reads",
        "a sender address (the server's default is a no-reply address)",
    ]


@pytest.mark.parametrize(
    ("default_from", "sender", "missing"),
    [
        ("", "", True),
        ("Återkoppla <noreply@localhost>", "", True),
        ("Nordlager AB <jobb@nordlager.example.se>", "", False),
        ("", "rekrytering@nordlager.example.se", False),
    ],
)
def test_a_no_reply_server_default_is_no_sender(settings, default_from, sender, missing):
    from aterkoppla.organisation.services import organisation_contact_missing, organisation_sender

    settings.DEFAULT_FROM_EMAIL = default_from
    organisation = Organisation.current()
    organisation.sender_email = sender
    assert (organisation_sender(organisation) == "") is missing
    assert bool(organisation_contact_missing(organisation)) is missing
    assert "noreply" not in organisation_sender(organisation)
