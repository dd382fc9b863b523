"""The talent pool: the candidate's own consent, for a time, withdrawn at any time, with the
text they agreed to kept (GDPR art. 6.1 a, art. 7)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from aterkoppla.applications.models import Application, Candidate, TalentPoolConsent
from aterkoppla.applications.talent_pool import (
    candidates_with_valid_consent_q,
    months_later,
    talent_pool_consent_valid,
    talent_pool_join,
    talent_pool_leave,
)
from aterkoppla.organisation.models import Organisation
from aterkoppla.portal.tests.helpers import receive
from aterkoppla.recruitment.services import recruitment_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

PORTAL = TalentPoolConsent.Via.PORTAL


def test_joining_keeps_the_consent_for_the_organisations_months(application):
    candidate = application.candidate
    consent = talent_pool_join(candidate=candidate, scope=" Lager  och logistik ", via=PORTAL)
    assert consent.scope == "Lager och logistik"
    assert consent.expires_at == months_later(consent.given_at, 12)
    assert timezone.localtime(consent.expires_at).date() == dt.date(2027, 11, 25)
    assert talent_pool_consent_valid(candidate) == consent


def test_the_text_shown_is_kept_in_the_language_shown(application):
    organisation = Organisation.current()
    organisation.talent_pool_months = 6
    organisation.save()
    consent = talent_pool_join(candidate=application.candidate, via=PORTAL, language="en")
    assert consent.language == "en"
    assert consent.text == (
        f"I want {organisation.name} to keep my name, contact details, merits and CV in its "
        "talent pool for 6 months, so that it can contact me about future jobs. I can leave "
        "the talent pool at any time on my application page; then my details are no longer "
        "kept for future jobs."
    )
    talent_pool_leave(candidate=application.candidate, via=PORTAL)
    swedish = talent_pool_join(candidate=application.candidate, via=PORTAL, language="sv")
    assert swedish.text.startswith(f"Jag vill att {organisation.name} sparar mitt namn")
    assert "i 6 månader" in swedish.text
    # Changing the settings later does not change what was agreed to.
    organisation.talent_pool_months = 18
    organisation.save()
    swedish.refresh_from_db()
    assert "i 6 månader" in swedish.text and swedish.expires_at == months_later(swedish.given_at, 6)


def test_leaving_withdraws_at_once_and_keeps_the_record(application):
    candidate = application.candidate
    consent = talent_pool_join(candidate=candidate, via=PORTAL)
    left = talent_pool_leave(candidate=candidate, via=PORTAL)
    assert left.pk == consent.pk and left.withdrawn_at is not None
    assert talent_pool_consent_valid(candidate) is None
    assert TalentPoolConsent.objects.filter(pk=consent.pk).exists()
    with translation.override("sv"), pytest.raises(ValidationError, match="inte i vår talangbank"):
        talent_pool_leave(candidate=candidate, via=PORTAL)


def test_joining_twice_is_refused_while_the_consent_holds(application):
    talent_pool_join(candidate=application.candidate, via=PORTAL)
    with translation.override("sv"), pytest.raises(ValidationError, match="redan i vår talangbank"):
        talent_pool_join(candidate=application.candidate, via=PORTAL)
    assert TalentPoolConsent.objects.count() == 1


def test_the_consent_runs_out_after_its_months(application):
    candidate = application.candidate
    consent = talent_pool_join(candidate=candidate, via=PORTAL)
    with time_machine.travel(consent.expires_at - dt.timedelta(minutes=1)):
        assert talent_pool_consent_valid(candidate) == consent
        assert Candidate.objects.filter(candidates_with_valid_consent_q()).get() == candidate
    with time_machine.travel(consent.expires_at + dt.timedelta(minutes=1)):
        assert talent_pool_consent_valid(candidate) is None
        assert not Candidate.objects.filter(candidates_with_valid_consent_q()).exists()
        # Run out, the candidate may join again.
        renewed = talent_pool_join(candidate=candidate, via=PORTAL)
        assert renewed.pk != consent.pk
    assert talent_pool_consent_valid(candidate, at=consent.given_at) == consent


def test_the_retention_filter_reaches_candidates_through_applications(recruitment, application):
    other = receive(recruitment)
    talent_pool_join(candidate=application.candidate, via=PORTAL)
    kept = Application.objects.filter(candidates_with_valid_consent_q(prefix="candidate__"))
    assert list(kept) == [application]
    talent_pool_leave(candidate=application.candidate, via=PORTAL)
    assert not Application.objects.filter(
        candidates_with_valid_consent_q(prefix="candidate__")
    ).exists()
    assert other.candidate_id != application.candidate_id


def test_joining_and_leaving_are_on_the_timeline_of_each_application(owner, application):
    job = recruitment_create(owner=owner, title="Truckförare", status="open")
    second = receive(job, email=application.candidate.email)
    assert second.candidate_id == application.candidate_id
    consent = talent_pool_join(candidate=application.candidate, scope="Lager", via=PORTAL)
    talent_pool_leave(candidate=application.candidate, via=PORTAL)
    for each in (application, second):
        joined = each.timeline.get(kind="talent_pool_joined")
        left = each.timeline.get(kind="talent_pool_left")
        assert joined.actor == left.actor == "candidate"
        assert joined.data == {
            "consent": consent.pk,
            "expires_at": consent.expires_at.isoformat(),
            "scope": "Lager",
            "via": "portal",
        }
        assert left.data == {"consent": consent.pk, "via": "portal"}
