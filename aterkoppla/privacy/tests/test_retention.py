"""Retention: what runs out is anonymised, what a hold or a claim window keeps is not, and
nothing is deleted behind the rule. Time travels with time-machine."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone, translation

from aterkoppla.applications.models import Application, Candidate, Document, Merit
from aterkoppla.applications.retention import RetentionRefused, deletion_refusal
from aterkoppla.applications.services import (
    IncomingDocument,
    application_receive,
    applications_close,
)
from aterkoppla.assessment.models import Screening
from aterkoppla.lib.documents import PDF
from aterkoppla.lib.tests import samples
from aterkoppla.messaging.models import Message, PortalToken
from aterkoppla.privacy.models import ErasureRequest, RetentionRun
from aterkoppla.privacy.services import (
    Cause,
    Held,
    application_anonymise,
    erasure_request,
    retention_daily,
    retention_plan,
    retention_run,
)
from aterkoppla.recruitment.models import LegalHold
from aterkoppla.recruitment.services import legal_hold_lift, legal_hold_set
from aterkoppla.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db

TZ = dt.timezone(dt.timedelta(hours=1))
DECIDED = dt.datetime(2026, 12, 4, 12, 0, tzinfo=TZ)


def _apply(recruitment, first, last, email, *, with_cv=True):
    documents = (
        [
            IncomingDocument(
                kind="cv",
                name=f"CV {first}.pdf",
                file=SimpleUploadedFile("x", samples.pdf_bytes()),
                type=PDF,
            )
        ]
        if with_cv
        else []
    )
    return application_receive(
        recruitment=recruitment,
        first_name=first,
        last_name=last,
        email=email,
        phone="070-123 45 67",
        merits={"experience": ["Lagerarbetare på Schenker 2019–2022"]},
        documents=documents,
    )


def _reject(application, owner, *, reason="Tjänsten kräver truckkort A+B."):
    application.rejection_reason = reason
    application.save(update_fields=["rejection_reason"])
    applications_close(applications=[application], outcome="rejected", by=owner)
    application.refresh_from_db()
    return application


def _files(application):
    return [Path(settings.MEDIA_ROOT) / d.file.name for d in application.documents.all()]


@pytest.fixture
def rejected(recruitment, owner, django_capture_on_commit_callbacks):
    with time_machine.travel(DECIDED, tick=False):
        application = _apply(recruitment, "Mirela", "Kovač", "mirela.kovac@example.se")
        return _reject(application, owner)


def _months_later(months, days=1):
    return DECIDED + dt.timedelta(days=round(months * 30.44) + days)


def test_an_ordinary_application_is_anonymised_25_months_after_its_answer(
    rejected, owner, django_capture_on_commit_callbacks
):
    files = _files(rejected)
    assert files and all(path.exists() for path in files)
    candidate_id = rejected.candidate_id
    with time_machine.travel(_months_later(23), tick=False):
        assert retention_run().steps == []
    with (
        time_machine.travel(_months_later(25), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        done = retention_run()
    assert [(s.application_id, s.action) for s in done.steps] == [(rejected.pk, "anonymise")]
    rejected.refresh_from_db()
    # The person is gone: their record, documents (files on disk too), merits, links.
    assert not Candidate.objects.filter(pk=candidate_id).exists()
    assert rejected.candidate.anonymised_at is not None
    assert (rejected.candidate.first_name, rejected.candidate.email) == ("", "")
    with translation.override("sv"):
        assert str(rejected.candidate) == "Anonymiserad sökande"
    assert not Document.objects.filter(application=rejected).exists()
    assert not any(path.exists() for path in files)
    assert not Merit.objects.filter(application=rejected).exists()
    assert not PortalToken.objects.filter(application=rejected).exists()
    assert rejected.rejection_reason == ""
    # The words of every message and event are gone; what happened and when is kept.
    for message in Message.objects.filter(application=rejected):
        assert (message.to_address, message.subject, message.body_text) == ("", "", "")
        assert message.kind and message.created_at
    words = " ".join(str(e.data) for e in TimelineEvent.objects.filter(application=rejected))
    for name in ("Mirela", "Kovač", "mirela", "truckkort", "Schenker"):
        assert name.lower() not in words.lower()
    assert (rejected.stage, rejected.closed_from_stage) == ("rejected", "received")
    assert rejected.final_answer_at is not None and rejected.received_at is not None
    kinds = list(TimelineEvent.objects.filter(application=rejected).values_list("kind", flat=True))
    assert kinds[0] == "received" and kinds[-1] == "anonymised"
    # A second run changes nothing.
    with time_machine.travel(_months_later(25, days=2), tick=False):
        assert retention_run().steps == []


def test_a_legal_hold_keeps_the_application_until_a_site_admin_lifts_it(
    rejected, recruitment, site_admin, django_capture_on_commit_callbacks
):
    hold = legal_hold_set(
        recruitment=recruitment,
        source=LegalHold.Source.DISPUTED,
        reason="DO har begärt yttrande.",
        by=site_admin,
    )
    files = _files(rejected)
    # Set after the final answer, the hold still shows on the closed application's timeline.
    from aterkoppla.timeline.selectors import timeline_for

    assert "legal_hold_set" in {event.kind for event in timeline_for(rejected)}
    with time_machine.travel(_months_later(25), tick=False):
        done = retention_run()
        assert [(s.application_id, s.action) for s in done.steps] == [(rejected.pk, "keep_held")]
        with pytest.raises(Held):
            application_anonymise(rejected, cause=Cause.RETENTION)
    rejected.refresh_from_db()
    assert rejected.anonymised_at is None and rejected.candidate.first_name == "Mirela"
    assert all(path.exists() for path in files)
    legal_hold_lift(hold=hold, reason="DO avslutade ärendet.", by=site_admin)
    with (
        time_machine.travel(_months_later(26), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert [s.action for s in retention_run().steps] == ["anonymise"]
    assert not any(path.exists() for path in files)


def test_the_dry_run_lists_what_and_why_and_changes_nothing(rejected, recruitment, owner):
    other = _apply(recruitment, "Jonas", "Berg", "jonas@example.se", with_cv=False)
    with time_machine.travel(DECIDED + dt.timedelta(hours=1), tick=False):
        _reject(other, owner)
    out = StringIO()
    with time_machine.travel(_months_later(25), tick=False), translation.override("sv"):
        call_command("retention", "--dry-run", stdout=out)
    text = out.getvalue()
    assert f"skulle anonymisera ansökan {rejected.pk}: slutligt besked 2026-12-04" in text
    assert "sparas 24 månader" in text
    assert "Mirela" not in text and "Jonas" not in text
    assert Application.objects.filter(anonymised_at__isnull=False).count() == 0
    with time_machine.travel(_months_later(25), tick=False):
        assert len(retention_plan().steps) == 2


def test_the_command_runs_it_and_says_so(rejected):
    out = StringIO()
    with time_machine.travel(_months_later(25), tick=False), translation.override("sv"):
        call_command("retention", stdout=out)
    assert f"anonymiserad ansökan {rejected.pk}" in out.getvalue()
    assert "Klart: 1 steg." in out.getvalue()


def test_the_sweep_runs_once_a_day_and_keeps_a_record(rejected):
    now = _months_later(25)
    assert retention_daily(now) is not None
    assert retention_daily(now + dt.timedelta(hours=3)) is None
    run = RetentionRun.objects.get()
    assert (run.day, run.anonymised) == (timezone.localdate(now), 1)


def test_the_organisation_setting_decides_the_period(rejected):
    from aterkoppla.organisation.models import Organisation

    organisation = Organisation.current()
    organisation.retention_months = 36
    organisation.save()
    with time_machine.travel(_months_later(25), tick=False):
        assert retention_run().steps == []
    with time_machine.travel(_months_later(37), tick=False):
        assert [s.action for s in retention_run().steps] == ["anonymise"]


def test_an_open_application_is_never_expired(application):
    with time_machine.travel(_months_later(40), tick=False):
        assert retention_plan().steps == []


def test_screening_results_and_scores_stay_but_their_words_go(
    rejected, recruitment, owner, django_capture_on_commit_callbacks
):
    criterion = recruitment.criteria.first()
    Screening.objects.create(
        application=rejected,
        criterion=criterion,
        result="not_met",
        note="Mirela har inget truckkort, hon nämnde sin fru.",
        profile_version=recruitment.profile_versions.first() or _freeze(recruitment, owner),
        screened_by=owner,
    )
    with time_machine.travel(_months_later(25), tick=False):
        retention_run()
    screening = Screening.objects.get(application=rejected)
    assert (screening.result, screening.note) == ("not_met", "")


def _freeze(recruitment, owner):
    from aterkoppla.recruitment.services import profile_freeze

    return profile_freeze(recruitment=recruitment, by=owner)


# -- Orphaned uploads ---------------------------------------------------------------------


def test_an_orphaned_upload_is_deleted_and_a_recent_one_is_left(rejected):
    folder = Path(settings.MEDIA_ROOT) / "documents"
    orphan = folder / "0123456789abcdef0123456789abcdef"
    orphan.write_bytes(b"%PDF-1.4 left behind")
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=10), tick=False):
        assert retention_run().steps == []  # younger than an hour: may be an upload in progress
    import os

    old = (timezone.now() - dt.timedelta(hours=2)).timestamp()
    os.utime(orphan, (old, old))
    done = retention_run()
    assert [s.action for s in done.steps] == ["orphan"]
    assert not orphan.exists()
    assert all(path.exists() for path in _files(rejected))


# -- Nothing is deleted behind the rule ------------------------------------------------------


def test_no_path_deletes_an_application_within_its_retention(rejected, recruitment):
    for obj in (rejected, rejected.candidate, recruitment, rejected.messages.first()):
        assert deletion_refusal(obj)
        with pytest.raises(RetentionRefused), transaction.atomic():
            obj.delete()
    assert Application.objects.filter(pk=rejected.pk).exists()


def test_an_open_application_cannot_be_deleted_either(application):
    with pytest.raises(RetentionRefused), transaction.atomic():
        application.delete()


def test_after_its_retention_an_application_may_be_deleted(rejected):
    with time_machine.travel(_months_later(25), tick=False):
        assert deletion_refusal(rejected) is None


def test_a_held_recruitment_cannot_be_deleted_even_when_empty(recruitment, site_admin):
    legal_hold_set(
        recruitment=recruitment, source=LegalHold.Source.ADMIN, reason="Tvist.", by=site_admin
    )
    with translation.override("sv"):
        assert "bevarandespärr" in deletion_refusal(recruitment)


def test_a_draft_without_applications_can_be_deleted(owner):
    from aterkoppla.recruitment.services import recruitment_create

    draft = recruitment_create(owner=owner, title="Utkast", description="", criteria=[])
    draft.delete()


# -- Erasure ---------------------------------------------------------------------------------


def test_erasure_of_a_withdrawn_application_happens_at_once(
    recruitment, django_capture_on_commit_callbacks
):
    application = _apply(recruitment, "Ali", "Hassan", "ali@example.se")
    files = _files(application)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = erasure_request(candidate=application.candidate, via="portal")
    assert (outcome.erased_now, outcome.erase_on) == (1, None)
    application.refresh_from_db()
    assert application.stage == "withdrawn" and application.anonymised_at is not None
    assert not any(path.exists() for path in files)
    assert not Candidate.objects.filter(email="ali@example.se").exists()
    request = outcome.request
    request.refresh_from_db()
    assert request.status == ErasureRequest.Status.DONE and request.candidate is None


def test_erasure_within_the_claim_window_is_scheduled_told_and_kept(
    rejected, recruitment, owner, smtp_server, django_capture_on_commit_callbacks
):
    with time_machine.travel(DECIDED + dt.timedelta(days=30), tick=False):
        outcome = erasure_request(candidate=rejected.candidate, via="phone", by=owner)
    assert outcome.erase_on == dt.date(2028, 12, 4)
    message = Message.objects.get(application=rejected, kind="erasure_scheduled")
    assert "4 december 2028" in message.subject and "Mirela" in message.body_text
    assert "diskrimineringslagen" in message.body_text
    with time_machine.travel(dt.datetime(2028, 12, 3, 12, tzinfo=TZ), tick=False):
        retention_run()
    rejected.refresh_from_db()
    assert rejected.anonymised_at is None
    with (
        time_machine.travel(dt.datetime(2028, 12, 4, 12, tzinfo=TZ), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        retention_run()
    rejected.refresh_from_db()
    assert rejected.anonymised_at is not None
    outcome.request.refresh_from_db()
    assert outcome.request.status == ErasureRequest.Status.DONE


def test_a_second_erasure_request_is_refused_while_one_is_scheduled(rejected):
    erasure_request(candidate=rejected.candidate, via="portal")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        erasure_request(candidate=rejected.candidate, via="portal")


# -- Talent-pool consent ---------------------------------------------------------------------


def test_a_valid_consent_keeps_the_profile_only_and_its_end_lets_the_rest_go(
    rejected, recruitment, django_capture_on_commit_callbacks
):
    from aterkoppla.applications.talent_pool import talent_pool_join, talent_pool_leave

    with time_machine.travel(_months_later(20), tick=False):
        talent_pool_join(candidate=rejected.candidate, via="portal")
    cv = _files(rejected)
    with (
        time_machine.travel(_months_later(25), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert [s.action for s in retention_run().steps] == ["keep_profile"]
        # Once its words are gone, the run only says the consent keeps it.
        assert [s.action for s in retention_plan().steps] == ["keep_consent"]
    rejected.refresh_from_db()
    assert rejected.scrubbed_at is not None and rejected.anonymised_at is None
    assert rejected.candidate.first_name == "Mirela" and rejected.candidate.email
    assert Merit.objects.filter(application=rejected).exists()
    assert all(path.exists() for path in cv)
    assert rejected.rejection_reason == ""
    assert all(m.body_text == "" for m in Message.objects.filter(application=rejected))
    with time_machine.travel(_months_later(26), tick=False):
        talent_pool_leave(candidate=rejected.candidate, via="portal")
    with (
        time_machine.travel(_months_later(26, days=2), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert [s.action for s in retention_run().steps] == ["anonymise"]
    rejected.refresh_from_db()
    assert rejected.anonymised_at is not None
    assert not any(path.exists() for path in cv)
    assert not Candidate.objects.filter(email="mirela.kovac@example.se").exists()


def test_asking_for_erasure_takes_back_the_consent(rejected):
    from aterkoppla.applications.talent_pool import talent_pool_consent_valid, talent_pool_join

    talent_pool_join(candidate=rejected.candidate, via="portal")
    erasure_request(candidate=rejected.candidate, via="portal")
    assert talent_pool_consent_valid(rejected.candidate) is None
