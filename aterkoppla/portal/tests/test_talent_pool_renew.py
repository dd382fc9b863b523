"""Renewing the talent pool consent on the candidate's page, in its last month: a link acts
for its own person only."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from aterkoppla.applications.models import TalentPoolConsent
from aterkoppla.applications.talent_pool import (
    months_later,
    talent_pool_consent_valid,
    talent_pool_join,
    talent_pool_sweep,
)
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.portal.tests.helpers import choose_language, link, link_in, receive

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

PORTAL = TalentPoolConsent.Via.PORTAL


@pytest.fixture
def in_pool(application) -> TalentPoolConsent:
    return talent_pool_join(candidate=application.candidate, scope="Lager", via=PORTAL)


@pytest.fixture
def last_month(in_pool):
    """Eleven months and a week on: the consent is in its last month."""
    with time_machine.travel(months_later(in_pool.given_at, 11) + dt.timedelta(days=7)):
        yield


def _renew(client, path):
    return client.post(path + "talangbank/fornya/")


def test_the_renewal_message_leads_to_the_page_that_renews(anon, application, in_pool, last_month):
    talent_pool_sweep(timezone.now())
    message = Message.objects.get(kind=Kind.TALENT_POOL_RENEWAL)
    page_path = link_in(message)
    assert page_path.endswith("/talangbank/")
    choose_language(anon, "en")
    page = anon.get(page_path).content.decode()
    assert "Your consent ends on 25 November 2027" in page
    assert "Renew my consent" in page and "Leave the talent pool" in page
    response = anon.post(page_path + "fornya/")
    assert response.status_code == 302 and response["Location"] == page_path
    new = talent_pool_consent_valid(application.candidate)
    assert new is not None and new.renews == in_pool
    assert timezone.localtime(new.expires_at).date() == dt.date(2028, 11, 1)
    assert new.language == "en" and new.text.startswith("I want ")
    page = anon.get(page_path).content.decode()
    assert "Thank you. You are in our talent pool until 1 November 2028." in page
    assert "Renew my consent" not in page


def test_the_candidate_page_offers_renewal_only_in_the_last_month(anon, application, in_pool):
    choose_language(anon, "en")
    page = anon.get(link(application)).content.decode()
    assert "Leave the talent pool" in page and "Renew my consent" not in page
    response = _renew(anon, link(application))
    assert response.status_code == 302
    assert talent_pool_consent_valid(application.candidate) == in_pool
    assert "You can renew from 25 October 2027" in anon.get(response["Location"]).content.decode()
    with time_machine.travel(months_later(in_pool.given_at, 11) + dt.timedelta(days=1)):
        page = anon.get(link(application)).content.decode()
        assert "Renew my consent" in page
        assert "You asked to hear about: Lager." in page


def test_another_persons_link_renews_nothing_of_this_one(anon, recruitment, in_pool, last_month):
    other = receive(recruitment, first_name="Zlatan", email="zz@example.se")
    _renew(anon, link(other))
    assert TalentPoolConsent.objects.count() == 1
    in_pool.refresh_from_db()
    assert in_pool.renewed_at is None


def test_a_wrong_link_is_not_found(anon, in_pool, last_month):
    response = _renew(anon, f"/ansokan/{'x' * 43}/")
    assert response.status_code == 404
    assert TalentPoolConsent.objects.count() == 1


def test_renewing_takes_only_a_post(anon, application, in_pool, last_month):
    assert anon.get(link(application) + "talangbank/fornya/").status_code == 405


def test_leaving_after_renewing_works_at_once(anon, application, in_pool, last_month):
    _renew(anon, link(application))
    anon.post(link(application) + "talangbank/lamna/")
    assert talent_pool_consent_valid(application.candidate) is None
    assert TalentPoolConsent.objects.filter(withdrawn_at__isnull=False).count() == 1
