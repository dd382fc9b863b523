from __future__ import annotations

import datetime as dt

import pytest

from aterkoppla.applications.services import (
    application_move,
    application_receive,
    applications_close,
)
from aterkoppla.messaging.links import application_for_token
from aterkoppla.messaging.models import Message
from aterkoppla.messaging.services import message_queue
from aterkoppla.organisation.models import Organisation
from aterkoppla.timeline.models import TimelineEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]


def _receive(recruitment, **overrides):
    data = {
        "recruitment": recruitment,
        "first_name": "Sara",
        "last_name": "Ek",
        "email": "sara.ek@example.se",
        "language": "sv",
    }
    return application_receive(**(data | overrides))


def _token(message):
    url = next(word for word in message.body_text.split() if "/ansokan/" in word)
    return url.rstrip("/").rsplit("/", 1)[1]


def test_acknowledgement_in_swedish(recruitment):
    organisation = Organisation.current()
    organisation.name = "Nordlager AB"
    organisation.phone = "+4636123456"
    organisation.save()
    application = _receive(recruitment)
    message = application.messages.get()
    assert message.kind == "acknowledgement"
    assert message.status == Message.Status.QUEUED
    assert message.subject == "Tack för din ansökan till Lagerarbetare"
    assert message.to_address == "sara.ek@example.se"
    assert message.language == "sv"
    text = message.body_text
    assert text.startswith("Hej Sara!")
    assert "Du får besked från oss senast 18 december 2026." in text
    assert "036-12 34 56" in text
    assert "Nordlager AB är personuppgiftsansvarig" in text
    assert "Integritetsskyddsmyndigheten" in text
    assert "{{" not in text
    assert "<p" in message.body_html and "18 december 2026" in message.body_html
    assert message.from_address == "Nordlager AB <rekrytering@example.se>"
    assert message.reply_to == "Nordlager AB <rekrytering@example.se>"
    assert message.message_id.startswith("<") and message.message_id.endswith(">")


def test_acknowledgement_in_english_with_a_working_link(recruitment):
    application = _receive(recruitment, email="tom@example.com", first_name="Tom", language="en")
    message = application.messages.get()
    assert message.subject == "Thank you for applying for Lagerarbetare"
    assert "You will hear from us no later than 18 December 2026." in message.body_text
    assert "GDPR article 6.1 b" in message.body_text
    assert application_for_token(_token(message)) == application


def test_link_tokens_are_stored_hashed(recruitment):
    application = _receive(recruitment)
    token = _token(application.messages.get())
    stored = application.portal_tokens.get()
    assert token not in stored.key_hash
    assert len(stored.key_hash) == 64


def test_no_acknowledgement_when_asked_not_to_or_without_email(recruitment):
    assert not _receive(recruitment, acknowledge=False).messages.exists()
    assert not _receive(recruitment, email="", first_name="Brev").messages.exists()


def test_the_same_cause_never_queues_twice(recruitment):
    application = _receive(recruitment)
    again = message_queue(
        application=application,
        kind="acknowledgement",
        dedupe_key=f"acknowledgement:{application.pk}",
    )
    assert again == application.messages.get()


def test_stage_changes_tell_the_candidate_the_next_date(recruitment, owner):
    application = _receive(recruitment)
    application_move(
        application=application, to_stage="screening", by=owner, reply_by=dt.date(2026, 12, 22)
    )
    update = application.messages.get(kind="status_update")
    assert "Urval" in update.body_text
    assert "senast 22 december 2026" in update.body_text
    application_move(application=application, to_stage="interview", by=owner)
    assert application.messages.filter(kind="status_update").count() == 2
    application_move(application=application, to_stage="reserve", by=owner)
    reserve = application.messages.get(kind="reserve")
    assert "reserv" in reserve.body_text


def test_offer_hire_and_rejection_send_nothing_here(recruitment, owner):
    application = _receive(recruitment)
    for stage in ("interview", "offer"):
        application_move(application=application, to_stage=stage, by=owner)
    applications_close(applications=[application], outcome="hired", by=owner)
    kinds = list(application.messages.values_list("kind", flat=True))
    assert "status_update" in kinds
    assert len(kinds) == 2  # acknowledgement and one status update (interview)


def test_withdrawal_is_confirmed_and_on_the_timeline(recruitment):
    application = _receive(recruitment, language="en", email="tom@example.com")
    applications_close(applications=[application], outcome="withdrawn", by=None, by_candidate=True)
    confirmation = application.messages.get(kind="withdrawal_confirmation")
    assert "has been withdrawn" in confirmation.body_text
    moved = application.timeline.get(kind="stage_changed")
    assert moved.actor == TimelineEvent.Actor.CANDIDATE
    assert application.timeline.filter(kind="message_queued").count() == 2


def test_a_broken_template_is_never_sent(recruitment):
    from aterkoppla.messaging.models import Message, MessageTemplate

    # Templates are checked when saved; one that slips past (e.g. written in the admin
    # shell) is never sent: the message is held with the standard wording, and says why.
    MessageTemplate.objects.create(
        kind="acknowledgement", language="sv", subject="Hej", body="{{ nope }}"
    )
    message = _receive(recruitment).messages.get()
    assert message.status == Message.Status.HELD
    assert "nope" in message.last_error
    assert "{{" not in message.body_text


def test_staff_never_see_the_secret_of_a_candidate_link(client_for, owner, recruitment):
    from django.urls import reverse

    from aterkoppla.lib.links import redact_links

    application = _receive(recruitment)
    message = application.messages.get()
    token = _token(message)
    assert token not in redact_links(message.body_text)
    assert "/ansokan/…/" in redact_links(message.body_text)
    assert "/ansokan/ny-lank/" in redact_links("se /ansokan/ny-lank/ här")
    page = (
        client_for(owner)
        .get(reverse("applications:outbox", args=[application.pk]))
        .content.decode()
    )
    assert token not in page
    assert "/ansokan/…/" in page
