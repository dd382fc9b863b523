"""Delivery to a real SMTP server: what arrives, and what happens when the server says no."""

from __future__ import annotations

import datetime as dt
import re
from email.headerregistry import Address

import pytest
import time_machine
from django.utils import timezone

from aterkoppla.applications.models import Application
from aterkoppla.applications.services import application_receive
from aterkoppla.messaging.models import Message
from aterkoppla.messaging.worker import Worker
from aterkoppla.organisation.models import Organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]


def _apply(recruitment, first_name: str, email: str, language: str = "sv") -> Application:
    return application_receive(
        recruitment=recruitment,
        first_name=first_name,
        last_name="Testsson",
        email=email,
        language=language,
    )


def _message(application: Application) -> Message:
    return Message.objects.get(application=application)


def test_acknowledgements_arrive_in_the_candidates_language_with_date_notice_and_link(
    smtp_server, recruitment, application, client
):
    english = _apply(recruitment, "John", "john@example.com", language="en")

    tally = Worker().deliver_all()

    assert (tally.sent, tally.retried, tally.failed) == (2, 0, 0)
    mails = {mail.recipients[0]: mail for mail in smtp_server.received}
    swedish = mails["sara.ek@example.se"]
    assert swedish.subject == "Tack för din ansökan till Lagerarbetare"
    assert swedish.message["To"].addresses[0] == Address("Sara Ek", addr_spec="sara.ek@example.se")
    assert "Du får besked från oss senast 18 december 2026." in swedish.text()
    assert "18 december 2026" in swedish.html()
    notice_sv = Organisation.current().privacy_notice("sv")
    assert notice_sv.startswith("Så hanterar vi dina personuppgifter")
    assert notice_sv.strip() in swedish.text()
    assert swedish.message["Content-Language"] == "sv"

    john = mails["john@example.com"]
    assert john.subject == "Thank you for applying for Lagerarbetare"
    assert "You will hear from us no later than 18 December 2026." in john.text()
    assert Organisation.current().privacy_notice("en").strip() in john.text()

    # The Message-ID is the one stored with the message, and the link works.
    assert swedish.message_id == _message(application).message_id
    assert john.message_id == _message(english).message_id
    link = re.search(r"http://[^/\s]+(/ansokan/\S+/)", swedish.text()).group(1)
    page = client.get(link)
    assert page.status_code == 200
    assert "Lagerarbetare" in page.content.decode()

    message = _message(application)
    assert message.status == Message.Status.SENT
    assert message.attempts == 1
    assert message.sent_at is not None
    assert message.claimed_at is None
    [event] = application.timeline.filter(kind="message_sent")
    assert event.data == {
        "message": message.pk,
        "kind": "acknowledgement",
        "subject": message.subject,
    }


def test_names_outside_ascii_reach_the_server_intact(smtp_server, recruitment):
    _apply(recruitment, "Åsa-Örjan", "asa@example.se")
    Worker().deliver_all()
    [mail] = smtp_server.received
    assert mail.message["To"].addresses[0].display_name == "Åsa-Örjan Testsson"
    assert mail.message["From"].addresses[0].display_name == "Exempel AB"


def test_a_temporary_refusal_is_retried_later_with_the_same_message_id(smtp_server, application):
    smtp_server.fail_next_data(1, code=451)
    started = timezone.now()

    tally = Worker().deliver_all()

    assert (tally.sent, tally.retried) == (0, 1)
    assert smtp_server.received == []
    message = _message(application)
    assert message.status == Message.Status.QUEUED
    assert message.attempts == 1
    assert message.last_error.startswith("451 ")
    wait = message.next_attempt_at - started
    assert dt.timedelta(seconds=59) < wait < dt.timedelta(seconds=70)
    # Not due yet: a second run now sends nothing.
    assert Worker().deliver_all().claimed == 0

    with time_machine.travel(message.next_attempt_at + dt.timedelta(seconds=1), tick=False):
        assert Worker().deliver_all().sent == 1
    assert smtp_server.message_ids() == {message.message_id: 1}
    message.refresh_from_db()
    assert (message.status, message.attempts, message.last_error) == ("sent", 2, "")


def test_a_refused_recipient_fails_for_good_and_the_rest_still_go(
    smtp_server, recruitment, application
):
    _apply(recruitment, "Nils", "nils@example.se")
    smtp_server.refuse_recipient("sara.ek@example.se", code=550)

    tally = Worker().deliver_all()

    assert (tally.sent, tally.failed) == (1, 1)
    assert [mail.recipients for mail in smtp_server.received] == [("nils@example.se",)]
    message = _message(application)
    assert message.status == Message.Status.FAILED
    assert message.attempts == 1
    assert "550" in message.last_error
    assert "sara.ek@example.se" in message.last_error
    [event] = application.timeline.filter(kind="message_failed")
    assert event.data["message"] == message.pk
    assert event.data["kind"] == "acknowledgement"
    assert event.data["subject"] == message.subject
    assert "550" in event.data["error"]
    # Failed is final: later runs leave it for a person.
    with time_machine.travel(timezone.now() + dt.timedelta(hours=2), tick=False):
        assert Worker().deliver_all().claimed == 0


def test_a_message_refused_at_data_with_5xx_fails(smtp_server, application):
    smtp_server.fail_next_data(1, code=554)
    assert Worker().deliver_all().failed == 1
    message = _message(application)
    assert message.status == Message.Status.FAILED
    assert message.last_error.startswith("554 ")


def test_a_dropped_connection_is_retried_and_the_batch_goes_on_over_a_new_one(
    smtp_server, recruitment, application
):
    nils = _apply(recruitment, "Nils", "nils@example.se")
    smtp_server.drop_next_data(1)

    tally = Worker().deliver_all()

    assert (tally.sent, tally.retried) == (1, 1)
    first = _message(application)
    assert first.status == Message.Status.QUEUED
    assert "SMTPServerDisconnected" in first.last_error
    assert _message(nils).status == Message.Status.SENT
    with time_machine.travel(first.next_attempt_at + dt.timedelta(seconds=1), tick=False):
        assert Worker().deliver_all().sent == 1
    assert sorted(smtp_server.message_ids().values()) == [1, 1]


def test_no_mail_server_at_all_is_a_reason_to_wait(smtp_server, settings, application):
    smtp_server.stop()
    tally = Worker().deliver_all()
    assert tally.retried == 1
    message = _message(application)
    assert message.status == Message.Status.QUEUED
    assert "ConnectionRefusedError" in message.last_error


def test_after_a_day_of_temporary_failures_the_message_fails(smtp_server, application):
    message = _message(application)
    Message.objects.filter(pk=message.pk).update(attempts=12)
    smtp_server.fail_next_data(1, code=421)
    with time_machine.travel(message.created_at + dt.timedelta(hours=24, minutes=1), tick=False):
        assert Worker().deliver_all().failed == 1
    message.refresh_from_db()
    assert message.status == Message.Status.FAILED
    assert message.attempts == 13
    assert application.timeline.filter(kind="message_failed").exists()


def test_a_day_old_message_tried_only_once_gets_more_tries(smtp_server, application):
    # The worker was down for a day: the first hiccup must not fail the whole queue.
    message = _message(application)
    smtp_server.fail_next_data(1, code=421)
    with time_machine.travel(message.created_at + dt.timedelta(hours=30), tick=False):
        assert Worker().deliver_all().retried == 1
    message.refresh_from_db()
    assert message.status == Message.Status.QUEUED


def test_a_flaky_server_gets_every_message_once_in_the_end(smtp_server, recruitment):
    """DESIGN §12 R2: a server that answers 4xx to a fifth of the messages and drops the
    connection on one in twenty: every message arrives, none twice, each retried later with
    its own Message-ID."""
    applications = [_apply(recruitment, f"Person{n}", f"person{n}@example.se") for n in range(60)]
    smtp_server.flaky(temporary=0.2, drops=0.05)
    now = timezone.now()
    for _round in range(12):
        with time_machine.travel(now, tick=False):
            Worker().deliver_all()
        if not Message.objects.exclude(status=Message.Status.SENT).exists():
            break
        now += dt.timedelta(hours=1)  # past every retry's wait (at most an hour)
    assert set(Message.objects.values_list("status", flat=True)) == {"sent"}
    arrived = smtp_server.message_ids()
    assert len(arrived) == len(applications) and set(arrived.values()) == {1}
    retried = Message.objects.filter(attempts__gt=1).count()
    assert retried >= 10  # the server did refuse and drop
