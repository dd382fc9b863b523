"""A consent is asked about once, a month before it ends; renewing is a new consent from
then, and the old one ends by it (GDPR art. 7.1: what was agreed to, and when, stays shown)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from aterkoppla.applications.events import TALENT_POOL_RENEWAL_ASKED, TALENT_POOL_RENEWED
from aterkoppla.applications.models import TalentPoolConsent
from aterkoppla.applications.talent_pool import (
    candidates_with_valid_consent_q,
    months_later,
    talent_pool_consent_valid,
    talent_pool_join,
    talent_pool_leave,
    talent_pool_renew,
    talent_pool_renewal_ask,
    talent_pool_sweep,
)
from aterkoppla.applications.talent_pool_selectors import talent_pool_people
from aterkoppla.core.sweeps import sweeps
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.portal.tests.helpers import receive
from aterkoppla.recruitment.services import recruitment_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

PORTAL = TalentPoolConsent.Via.PORTAL


def _sweep_at(moment: dt.datetime) -> list[int]:
    with time_machine.travel(moment, tick=False):
        return talent_pool_sweep(timezone.now())


def test_the_sweep_is_registered():
    assert "talent_pool" in {registered.name for registered in sweeps()}


def test_asked_once_a_month_before_the_end_and_never_again(application):
    consent = talent_pool_join(candidate=application.candidate, via=PORTAL)
    assert _sweep_at(months_later(consent.given_at, 10)) == []
    assert not Message.objects.filter(kind=Kind.TALENT_POOL_RENEWAL).exists()

    eleven = months_later(consent.given_at, 11) + dt.timedelta(days=1)
    assert _sweep_at(eleven) == [consent.pk]
    assert _sweep_at(eleven + dt.timedelta(minutes=1)) == []
    assert _sweep_at(eleven + dt.timedelta(days=20)) == []
    message = Message.objects.get(kind=Kind.TALENT_POOL_RENEWAL)
    assert message.application == application and message.language == "sv"
    assert message.subject == "Vill du vara kvar i vår talangbank?"
    assert "Hej Sara!" in message.body_text
    assert "till och med 25 november 2027" in message.body_text
    url = next(word for word in message.body_text.split() if "/ansokan/" in word)
    assert url.endswith("/talangbank/")
    consent.refresh_from_db()
    assert consent.renewal_asked_at is not None
    event = application.timeline.get(kind=TALENT_POOL_RENEWAL_ASKED)
    assert event.data["consent"] == consent.pk and event.data["message"] == message.pk


def test_a_second_worker_asks_nothing(application):
    consent = talent_pool_join(candidate=application.candidate, via=PORTAL)
    moment = months_later(consent.given_at, 11) + dt.timedelta(hours=1)
    with time_machine.travel(moment, tick=False):
        assert talent_pool_renewal_ask(consent_id=consent.pk, now=timezone.now())
        assert not talent_pool_renewal_ask(consent_id=consent.pk, now=timezone.now())
    assert Message.objects.filter(kind=Kind.TALENT_POOL_RENEWAL).count() == 1


def test_asked_in_english_through_the_latest_application(owner, recruitment):
    first = receive(recruitment)
    job = recruitment_create(owner=owner, title="Truckförare", status="open")
    with time_machine.travel(timezone.now() + dt.timedelta(days=3)):
        latest = receive(job)
    consent = talent_pool_join(candidate=first.candidate, via=PORTAL)
    _sweep_at(months_later(consent.given_at, 11) + dt.timedelta(days=2))
    message = Message.objects.get(kind=Kind.TALENT_POOL_RENEWAL)
    assert message.application == latest
    assert message.language == "en"
    assert message.subject == "Would you like to stay in our talent pool?"
    assert "until 25 November 2027" in message.body_text


def test_a_withdrawn_consent_is_not_asked_about(application):
    consent = talent_pool_join(candidate=application.candidate, via=PORTAL)
    talent_pool_leave(candidate=application.candidate, via=PORTAL)
    assert _sweep_at(months_later(consent.given_at, 11) + dt.timedelta(days=1)) == []


def test_renewing_starts_a_new_consent_and_ends_the_old_one(application, owner):
    candidate = application.candidate
    old = talent_pool_join(candidate=candidate, scope="Lager", via=PORTAL)
    renewed_on = months_later(old.given_at, 11) + dt.timedelta(days=5)
    with time_machine.travel(renewed_on, tick=False):
        _sweep_at(renewed_on)
        new = talent_pool_renew(candidate=candidate, via=PORTAL, language="sv")
        now = timezone.now()
    old.refresh_from_db()
    assert old.renewed_at == now and old.withdrawn_at is None
    assert new.renews == old and new.given_at == now and new.scope == "Lager"
    assert new.expires_at == months_later(now, 12)
    assert timezone.localtime(new.expires_at).date() == dt.date(2028, 10, 30)
    assert new.text == old.text and new.language == "sv"
    assert new.renewal_asked_at is None
    # Exactly one consent holds at any moment, with no gap between them.
    assert talent_pool_consent_valid(candidate, now - dt.timedelta(seconds=1)) == old
    assert talent_pool_consent_valid(candidate, now) == new
    assert talent_pool_consent_valid(candidate, old.expires_at + dt.timedelta(days=1)) == new
    event = application.timeline.get(kind=TALENT_POOL_RENEWED)
    assert event.data["consent"] == new.pk and event.data["renews"] == old.pk
    # The renewed consent is asked about in its own last month, once.
    assert _sweep_at(months_later(now, 11) + dt.timedelta(days=1)) == [new.pk]
    # Withdrawal still works after a renewal.
    with time_machine.travel(renewed_on + dt.timedelta(days=40), tick=False):
        left = talent_pool_leave(candidate=candidate, via=PORTAL)
        assert left == new and talent_pool_consent_valid(candidate) is None


def test_renewing_before_the_last_month_is_refused(application):
    consent = talent_pool_join(candidate=application.candidate, via=PORTAL)
    with (
        time_machine.travel(months_later(consent.given_at, 10), tick=False),
        translation.override("en"),
        pytest.raises(ValidationError, match="You can renew from 25 October 2027"),
    ):
        talent_pool_renew(candidate=application.candidate, via=PORTAL)
    assert TalentPoolConsent.objects.count() == 1


def test_renewing_without_a_consent_is_refused(application):
    with translation.override("sv"), pytest.raises(ValidationError, match="inte i vår talangbank"):
        talent_pool_renew(candidate=application.candidate, via=PORTAL)


def test_an_expired_consent_no_longer_holds_and_the_person_leaves_the_staff_page(
    client_for, owner, application
):
    consent = talent_pool_join(candidate=application.candidate, via=PORTAL)
    assert [p.pk for p in talent_pool_people(owner)] == [application.candidate_id]
    after = consent.expires_at + dt.timedelta(minutes=1)
    with time_machine.travel(after, tick=False):
        assert talent_pool_consent_valid(application.candidate) is None
        assert (
            not type(application.candidate)
            .objects.filter(candidates_with_valid_consent_q())
            .exists()
        )
        assert list(talent_pool_people(owner)) == []
        page = client_for(owner).get(reverse("applications:talent_pool")).content.decode()
        assert "Sara Ek" not in page
        assert _sweep_at(after) == []
