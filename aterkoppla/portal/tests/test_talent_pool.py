"""The talent pool on the candidate's page: join with a ticked box under the consent text,
leave with one click; a link acts for its own person only."""

from __future__ import annotations

import pytest

from aterkoppla.applications.models import TalentPoolConsent
from aterkoppla.applications.talent_pool import talent_pool_consent_valid
from aterkoppla.portal.tests.helpers import assert_private, choose_language, link, receive
from aterkoppla.recruitment.services import recruitment_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

CONSENT_SV = "sparar mitt namn, mina kontaktuppgifter, mina meriter och mitt cv i sin talangbank"


def _join(client, application, **data):
    return client.post(link(application) + "talangbank/", {"consent": "on", **data})


def _leave(client, application):
    return client.post(link(application) + "talangbank/lamna/")


def test_the_page_offers_the_talent_pool_with_the_consent_text(anon, application):
    page = anon.get(link(application)).content.decode()
    assert '<h2 id="talent-pool-title">Talangbank</h2>' in page
    assert CONSENT_SV in page and "i 12 månader" in page
    assert 'type="checkbox" name="consent"' in page
    assert "Gå med i talangbanken" in page


def test_joining_keeps_the_text_shown_and_the_page_says_until_when(anon, application):
    response = _join(anon, application, scope="Lager och logistik")
    assert response.status_code == 302
    assert_private(response)
    consent = talent_pool_consent_valid(application.candidate)
    assert consent is not None and consent.scope == "Lager och logistik"
    assert consent.language == "sv" and CONSENT_SV in consent.text
    page = anon.get(response["Location"]).content.decode()
    assert "Tack! Du finns i vår talangbank till och med 25 november 2027" in page
    assert "Du vill höra om: Lager och logistik." in page
    assert "Lämna talangbanken" in page
    assert 'name="consent"' not in page


@pytest.mark.parametrize("data", [{"scope": "Lager"}, {}])
def test_without_the_box_nothing_is_kept_and_the_page_says_why(anon, application, data):
    response = anon.post(link(application) + "talangbank/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kryssa i rutan om du vill gå med i talangbanken." in page
    assert 'class="error-summary"' in page
    assert not TalentPoolConsent.objects.exists()


def test_in_english_the_text_kept_is_the_english_one(anon, english_application):
    choose_language(anon, "en")
    page = anon.get(link(english_application)).content.decode()
    assert "Talent pool" in page and "keep my name, contact details, merits and CV" in page
    _join(anon, english_application)
    consent = TalentPoolConsent.objects.get()
    assert consent.language == "en"
    assert consent.text.startswith("I want ")


def test_leaving_is_one_click(anon, application):
    _join(anon, application)
    response = _leave(anon, application)
    assert response.status_code == 302
    assert talent_pool_consent_valid(application.candidate) is None
    page = anon.get(response["Location"]).content.decode()
    assert "Du har lämnat vår talangbank." in page
    assert "Gå med i talangbanken" in page


def test_leaving_when_not_in_says_so(anon, application):
    page = anon.get(_leave(anon, application)["Location"]).content.decode()
    assert "Du finns inte i vår talangbank." in page


def test_a_link_to_another_application_of_the_same_person_acts_for_them(anon, owner, application):
    job = recruitment_create(owner=owner, title="Truckförare", status="open")
    same_person = receive(job, email=application.candidate.email)
    _join(anon, same_person)
    assert talent_pool_consent_valid(application.candidate) is not None
    page = anon.get(link(application)).content.decode()
    assert "Lämna talangbanken" in page
    _leave(anon, application)
    assert talent_pool_consent_valid(same_person.candidate) is None


def test_another_persons_link_never_acts_for_this_one(anon, recruitment, application):
    other_person = receive(recruitment, first_name="Zlatan", email="zz@example.se")
    _join(anon, application)
    _leave(anon, other_person)
    assert talent_pool_consent_valid(application.candidate) is not None
    _join(anon, other_person)
    assert TalentPoolConsent.objects.filter(candidate=other_person.candidate).count() == 1
    assert TalentPoolConsent.objects.filter(candidate=application.candidate).count() == 1


@pytest.mark.parametrize("path", ["talangbank/", "talangbank/lamna/"])
def test_a_wrong_link_is_not_found(anon, path):
    response = anon.post(f"/ansokan/{'x' * 43}/{path}", {"consent": "on"})
    assert response.status_code == 404
    assert not TalentPoolConsent.objects.exists()


def test_leaving_takes_only_a_post(anon, application):
    assert anon.get(link(application) + "talangbank/lamna/").status_code == 405


@pytest.mark.parametrize("user", ["owner", "outsider"])
def test_staff_act_only_through_a_link_too(client_for, user, application, request):
    """Being logged in as staff gives no way to consent for a candidate: the link decides."""
    client = client_for(request.getfixturevalue(user))
    response = client.post(f"/ansokan/{'y' * 43}/talangbank/", {"consent": "on"})
    assert response.status_code == 404
    assert not TalentPoolConsent.objects.exists()
