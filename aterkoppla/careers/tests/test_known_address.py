"""An application from the career form to an address we already know waits for the
address's owner to confirm it (applications.pending), and the form answers exactly as for a
new address (issue: security — the form told whether an address had applied)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from aterkoppla.applications.models import Application, PendingApplication
from aterkoppla.applications.pending import pending_sweep
from aterkoppla.applications.services import application_receive
from aterkoppla.careers.tests.test_views import _form
from aterkoppla.messaging.models import Message
from aterkoppla.recruitment.models import Recruitment
from aterkoppla.recruitment.services import recruitment_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def sara_elsewhere(owner):
    """Sara has applied before, to another job: her address is known."""
    other = recruitment_create(owner=owner, title="Truckförare", status=Recruitment.Status.OPEN)
    return application_receive(
        recruitment=other, first_name="Sara", last_name="Ek", email="sara.ek@example.se"
    )


def _apply(recruitment, **overrides):
    client = Client()
    response = client.post(reverse("careers:apply", args=[recruitment.pk]), _form(**overrides))
    thanks = client.get(response.url) if response.status_code == 302 else None
    return response, thanks


def _stripped(page: str) -> str:
    # The CSRF token and the nonce-free parts differ by nature; the words must not.
    return re.sub(r'value="[^"]+"', "", page)


def test_a_known_address_gets_the_same_answer_as_a_new_one(recruitment, sara_elsewhere):
    known, known_thanks = _apply(recruitment)
    new, new_thanks = _apply(recruitment, email="ny.person@example.se")
    assert known.status_code == new.status_code == 302
    assert known.url == new.url
    assert _stripped(known_thanks.content.decode()) == _stripped(new_thanks.content.decode())


def test_a_known_address_joins_its_record_only_once_confirmed(
    recruitment, sara_elsewhere, settings, django_capture_on_commit_callbacks
):
    response, _thanks = _apply(recruitment, first_name="Mallory", phone="070-999 99 99")
    assert response.status_code == 302
    # Nothing joined Sara's record yet: no application, her details untouched.
    assert not Application.objects.filter(recruitment=recruitment).exists()
    pending = PendingApplication.objects.get()
    assert pending.email == "sara.ek@example.se"
    assert len(pending.documents) == 1
    mail = Message.objects.get(kind="application_confirmation")
    assert mail.application is None and mail.to_address == "sara.ek@example.se"
    assert mail.status == Message.Status.QUEUED
    assert "Sara" not in mail.body_text or "Mallory" in mail.body_text  # only what was typed
    token = re.search(r"/jobb/bekrafta/([^/\s]+)/", mail.body_text).group(1)

    page = Client().get(reverse("careers:confirm", args=[token]))
    assert page.status_code == 200
    assert "Bekräfta" in page.content.decode()
    assert not Application.objects.filter(recruitment=recruitment).exists()  # GET changes nothing

    # The waiting files go once the confirmation is committed.
    with django_capture_on_commit_callbacks(execute=True):
        done = Client().post(reverse("careers:confirm", args=[token]))
    assert done.status_code == 200
    application = Application.objects.get(recruitment=recruitment)
    assert application.candidate == sara_elsewhere.candidate
    assert application.documents.count() == 1
    assert not PendingApplication.objects.exists()
    assert not (settings.MEDIA_ROOT / "pending").exists() or not any(
        (settings.MEDIA_ROOT / "pending").iterdir()
    )
    # The link is spent.
    assert Client().post(reverse("careers:confirm", args=[token])).status_code == 404


def test_an_unconfirmed_application_is_deleted_after_a_week(
    recruitment, sara_elsewhere, settings, django_capture_on_commit_callbacks
):
    _apply(recruitment)
    pending = PendingApplication.objects.get()
    assert pending_sweep(timezone.now() + dt.timedelta(days=6)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert pending_sweep(timezone.now() + dt.timedelta(days=8)) == 1
    assert not PendingApplication.objects.exists()
    assert not any((settings.MEDIA_ROOT / "pending").iterdir())
    mail = Message.objects.get(kind="application_confirmation")
    token = re.search(r"/jobb/bekrafta/([^/\s]+)/", mail.body_text).group(1)
    gone = Client().get(reverse("careers:confirm", args=[token]))
    assert gone.status_code == 404
    assert "inte längre giltig" in gone.content.decode()
    assert pending.pk


def test_a_made_up_link_finds_nothing():
    assert Client().get(reverse("careers:confirm", args=["x" * 43])).status_code == 404


def test_the_confirmation_is_in_english_for_an_english_form(recruitment, sara_elsewhere):
    _apply(recruitment, language="en")
    mail = Message.objects.get(kind="application_confirmation")
    assert mail.language == "en"
    assert mail.subject.startswith("Confirm your application")


def test_the_confirmation_link_is_kept_from_staff_and_from_the_sent_copy(
    recruitment, sara_elsewhere, client_for, site_admin
):
    from aterkoppla.lib.links import redact_links
    from aterkoppla.messaging.worker import Worker

    _apply(recruitment)
    mail = Message.objects.get(kind="application_confirmation")
    token = re.search(r"/jobb/bekrafta/([^/\s]+)/", mail.body_text).group(1)
    assert token not in redact_links(mail.body_text)
    assert "/jobb/bekrafta/…/" in redact_links(mail.body_text)
    Worker().deliver_all()
    mail.refresh_from_db()
    assert mail.status == Message.Status.SENT
    assert token not in mail.body_text and token not in mail.body_html


def test_the_confirm_page_keeps_its_link_from_other_sites_but_lets_its_form_post(
    recruitment, sara_elsewhere
):
    """With no Referer at all a browser posts the form with "Origin: null", which the CSRF
    check refuses (seen in Chromium): same-origin keeps the secret from other sites only."""
    _apply(recruitment)
    mail = Message.objects.get(kind="application_confirmation")
    token = re.search(r"/jobb/bekrafta/([^/\s]+)/", mail.body_text).group(1)
    page = Client().get(reverse("careers:confirm", args=[token]))
    assert page["Referrer-Policy"] == "same-origin"
    assert page["X-Robots-Tag"] == "noindex"


def test_a_confirmation_after_the_last_day_to_apply_is_too_late(recruitment, sara_elsewhere):
    import time_machine

    _apply(recruitment)
    mail = Message.objects.get(kind="application_confirmation")
    token = re.search(r"/jobb/bekrafta/([^/\s]+)/", mail.body_text).group(1)
    after = dt.datetime.combine(recruitment.application_deadline, dt.time(12), tzinfo=dt.UTC)
    with time_machine.travel(after + dt.timedelta(days=1), tick=False):
        late = Client().post(reverse("careers:confirm", args=[token]))
    assert late.status_code == 410
    assert not Application.objects.filter(recruitment=recruitment).exists()
    assert not PendingApplication.objects.exists()


def test_a_confirmation_rolled_back_keeps_the_waiting_application_and_its_files(
    recruitment, sara_elsewhere, settings
):
    from django.db import transaction

    from aterkoppla.applications.pending import pending_confirm

    _apply(recruitment)
    pending = PendingApplication.objects.get()
    pk, [path] = pending.pk, [doc["path"] for doc in pending.documents]
    with pytest.raises(RuntimeError), transaction.atomic():
        pending_confirm(pending)
        raise RuntimeError("the commit fails")
    assert PendingApplication.objects.filter(pk=pk).exists()
    assert (settings.MEDIA_ROOT / path).exists()  # confirming again still finds its CV
