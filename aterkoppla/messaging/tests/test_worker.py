"""The worker's steps, one at a time: claiming, leases, backoff, errors, stopping."""

from __future__ import annotations

import datetime as dt
import smtplib

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import CommandError, call_command
from django.utils import timezone

from aterkoppla.messaging.models import Message
from aterkoppla.messaging.worker import (
    LEASE,
    Worker,
    claim_due,
    classify,
    reclaim_stale,
    release,
    retry_delay,
    still_claimed,
)
from tests.smtp import queue_test_messages

pytestmark = pytest.mark.django_db


def _queue(count: int) -> list[str]:
    """Messages due since an hour ago, so that claims dated in the past find them."""
    ids = queue_test_messages(count)
    Message.objects.filter(message_id__in=ids).update(
        next_attempt_at=timezone.now() - dt.timedelta(hours=1)
    )
    return ids


def _statuses() -> dict[str, str]:
    return dict(Message.objects.values_list("message_id", "status"))


def test_claiming_takes_due_messages_once_and_leaves_later_ones():
    now = timezone.now()
    _queue(3)
    later = _queue(1)[0]
    Message.objects.filter(message_id=later).update(next_attempt_at=now + dt.timedelta(minutes=5))

    first = claim_due(now=now, limit=2)
    second = claim_due(now=now, limit=2)
    third = claim_due(now=now, limit=2)

    assert [len(first), len(second), len(third)] == [2, 1, 0]
    claimed = first + second
    assert len({message.pk for message in claimed}) == 3
    assert all(message.status == Message.Status.SENDING for message in claimed)
    assert all(message.claimed_at == now for message in claimed)
    assert _statuses()[later] == Message.Status.QUEUED


def test_letters_are_not_for_the_email_worker():
    [message_id] = _queue(1)
    Message.objects.filter(message_id=message_id).update(channel=Message.Channel.LETTER)
    assert claim_due(now=timezone.now()) == []


def test_claims_of_a_worker_that_died_go_back_to_the_queue_after_the_lease():
    now = timezone.now()
    _queue(2)
    old, fresh = claim_due(now=now - LEASE - dt.timedelta(seconds=1), limit=1) + claim_due(
        now=now, limit=1
    )

    assert reclaim_stale(now=now) == 1

    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.status, old.claimed_at) == (Message.Status.QUEUED, None)
    assert fresh.status == Message.Status.SENDING
    assert [message.pk for message in claim_due(now=now)] == [old.pk]


def test_a_claim_another_worker_took_over_is_not_sent():
    # Worker A claimed the message, then stalled beyond the lease; worker B took it over.
    now = timezone.now()
    _queue(1)
    [stalled] = claim_due(now=now - LEASE - dt.timedelta(minutes=1))
    reclaim_stale(now=now)
    [taken] = claim_due(now=now)

    with time_machine.travel(now, tick=False):
        assert not still_claimed(stalled, now=now)
        assert Worker().deliver(stalled).sent == 0
        assert still_claimed(taken, now=now)
    assert mail.outbox == []
    taken.refresh_from_db()
    assert taken.status == Message.Status.SENDING


def test_an_old_claim_that_is_still_ours_is_renewed_before_sending():
    now = timezone.now()
    _queue(1)
    [message] = claim_due(now=now - LEASE / 2)
    assert still_claimed(message, now=now)
    message.refresh_from_db()
    assert message.claimed_at == now


def test_retry_waits_double_each_time_up_to_an_hour():
    waits = [retry_delay(attempts).total_seconds() for attempts in range(8)]
    for wait, base in zip(waits, [60, 120, 240, 480, 960, 1920, 3600, 3600], strict=True):
        assert base <= wait <= base * 1.1
    assert retry_delay(500) <= dt.timedelta(hours=1.1)


@pytest.mark.parametrize(
    ("exc", "permanent", "error"),
    [
        (smtplib.SMTPDataError(554, b"5.7.1 Spam"), True, "554 5.7.1 Spam"),
        (smtplib.SMTPDataError(451, b"4.3.0 Later"), False, "451 4.3.0 Later"),
        (smtplib.SMTPSenderRefused(553, b"Not ours", "x@y"), True, "553 Not ours"),
        (
            smtplib.SMTPRecipientsRefused({"a@b.se": (550, b"No such user")}),
            True,
            "550 No such user (a@b.se)",
        ),
        (
            smtplib.SMTPRecipientsRefused({"a@b.se": (450, b"Mailbox busy")}),
            False,
            "450 Mailbox busy (a@b.se)",
        ),
        (smtplib.SMTPServerDisconnected("gone"), False, "SMTPServerDisconnected: gone"),
        (ConnectionResetError(104, "reset"), False, "ConnectionResetError: [Errno 104] reset"),
        (TimeoutError("timed out"), False, "TimeoutError: timed out"),
        # About our account or the server, not this message: wait for a person to fix it.
        (smtplib.SMTPAuthenticationError(535, b"Bad password"), False, "535 Bad password"),
        (smtplib.SMTPConnectError(554, b"No service"), False, "554 No service"),
    ],
)
def test_errors_are_permanent_only_when_the_server_refuses_the_message(exc, permanent, error):
    failure = classify(exc)
    assert failure.permanent is permanent
    assert failure.error == error


class StopWhileSending(LocmemBackend):
    """A SIGTERM arriving while the first message is on its way."""

    worker: Worker | None = None

    def send_messages(self, messages: list) -> int:
        assert self.worker is not None
        self.worker.stop()
        return super().send_messages(messages)


def test_a_stopping_worker_finishes_the_message_and_hands_the_rest_back(settings):
    settings.EMAIL_BACKEND = f"{__name__}.StopWhileSending"
    ids = _queue(3)
    worker = Worker()
    StopWhileSending.worker = worker

    tally = worker.deliver_all()

    assert (tally.claimed, tally.sent) == (3, 1)
    assert [message.extra_headers["Message-ID"] for message in mail.outbox] == ids[:1]
    rows = {row.message_id: row for row in Message.objects.all()}
    assert rows[ids[0]].status == Message.Status.SENT
    for message_id in ids[1:]:
        assert (rows[message_id].status, rows[message_id].claimed_at) == ("queued", None)
        assert rows[message_id].attempts == 0


def test_release_leaves_claims_that_are_no_longer_ours_alone():
    _queue(1)
    [message] = claim_due(now=timezone.now() - LEASE * 2)
    reclaim_stale(now=timezone.now())
    [theirs] = claim_due(now=timezone.now())
    assert release([message]) == 0
    theirs.refresh_from_db()
    assert theirs.status == Message.Status.SENDING


def test_without_a_mail_server_each_message_is_an_eml_file(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "sent-mail"
    ids = _queue(2)

    call_command("worker", "--once")

    files = sorted((tmp_path / "sent-mail").iterdir())
    assert [path.suffix for path in files] == [".eml", ".eml"]
    contents = b"".join(path.read_bytes() for path in files)
    for message_id in ids:
        assert f"Message-ID: {message_id}".encode() in contents
    assert set(_statuses().values()) == {"sent"}


@pytest.mark.parametrize(
    ("option", "says"),
    [
        ("--interval=0", "--interval"),
        ("--batch-size=0", "--batch-size"),
        ("--lease-seconds=0", "--lease-seconds"),
    ],
)
def test_bad_options_are_refused(option, says):
    with pytest.raises(CommandError, match=says):
        call_command("worker", "--once", option)


def test_a_delivered_message_keeps_no_link_secret(recruitment, settings, tmp_path):
    from aterkoppla.applications.services import application_receive
    from aterkoppla.messaging.models import Message
    from aterkoppla.messaging.worker import Worker

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    application = application_receive(
        recruitment=recruitment, first_name="Sara", last_name="Ek", email="sara@example.se"
    )
    queued = application.messages.get()
    token = (
        next(w for w in queued.body_text.split() if "/ansokan/" in w).rstrip("/").rsplit("/", 1)[1]
    )
    Worker().deliver_all()
    from django.core import mail

    assert token in mail.outbox[0].body  # the candidate got the real link
    sent = Message.objects.get(pk=queued.pk)
    assert sent.status == Message.Status.SENT
    assert token not in sent.body_text
    assert token not in sent.body_html
    assert "/ansokan/…/" in sent.body_text


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("to_name", "Sara\r\nBcc: all@example.se"),
        ("to_name", "Sara\nEk"),
        ("to_address", "sara@example.se\nBcc: all@example.se"),
    ],
)
def test_a_message_that_cannot_be_written_as_mail_fails_for_good_at_once(field, value):
    """A line break in a name (stored before names were checked) or an address that cannot be
    written is the same on every try: failed for a person to correct, not retried for a day."""
    [message_id] = _queue(1)
    Message.objects.filter(message_id=message_id).update(**{field: value})

    tally = Worker().deliver_all()

    assert (tally.sent, tally.failed, tally.retried) == (0, 1, 0)
    message = Message.objects.get(message_id=message_id)
    assert message.status == Message.Status.FAILED
    assert message.attempts == 1
    assert message.last_error.startswith("The message cannot be written as mail")
    assert not mail.outbox


@pytest.mark.parametrize("live", [False, True])
def test_sent_mail_files_are_private_and_keep_no_link_secret(recruitment, settings, tmp_path, live):
    """Without a mail server each message is an .eml copy on disk: readable by the service's
    user only, and the candidate's link written without its secret (unless the demo asks
    for live links, for its fictional candidates)."""
    from aterkoppla.applications.services import application_receive

    settings.EMAIL_BACKEND = "aterkoppla.messaging.worker.EmlFileBackend"
    settings.EMAIL_FILE_PATH = tmp_path / "sent-mail"
    settings.SENT_MAIL_LIVE_LINKS = live
    application = application_receive(
        recruitment=recruitment, first_name="Sara", last_name="Ek", email="sara@example.se"
    )
    body = application.messages.get().body_text
    token = next(w for w in body.split() if "/ansokan/" in w).rstrip("/").rsplit("/", 1)[1]

    Worker().deliver_all()

    [eml] = (tmp_path / "sent-mail").iterdir()
    assert eml.stat().st_mode & 0o777 == 0o600
    content = eml.read_bytes().decode()
    assert (token in content) is live
    if not live:
        assert "/ansokan/…/" in content or "/ansokan/=E2=80=A6/" in content
