"""Deliver the outbox: claim due messages, send them, record what happened (P9).

Each step is a function of its own so that tests can call it directly; :class:`Worker` strings
them together and the ``worker`` command runs it in a loop.

Safety with several workers: a message is claimed by moving it from ``queued`` to ``sending``
with ``claimed_at`` set, either under ``SELECT … FOR UPDATE SKIP LOCKED`` (PostgreSQL) or by
a conditional UPDATE that only one writer can win (SQLite). A worker that dies leaves its
claims in ``sending``; after :data:`LEASE` they go back to the queue. Only a message whose
SMTP transaction was under way when the worker died can then go out twice, so a SIGKILL costs
at most one duplicate.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import random
import re
import secrets
import smtplib
import time
from collections.abc import Iterator, Sequence
from copy import copy as shallow_copy
from dataclasses import dataclass
from email.message import EmailMessage as MIMEMessage
from email.utils import formataddr
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.filebased import EmailBackend as FileEmailBackend
from django.db import connection, transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from aterkoppla.lib.addresses import is_unattended
from aterkoppla.lib.links import redact_links
from aterkoppla.messaging.events import MESSAGE_FAILED, MESSAGE_SENT
from aterkoppla.messaging.models import Message
from aterkoppla.timeline.services import timeline_record, timeline_record_returning

if TYPE_CHECKING:
    from django.core.mail import EmailMessage

logger = logging.getLogger("aterkoppla.worker")

# Messages claimed at a time: small enough that a stopped worker hands little back.
BATCH_SIZE = 50
# A claim older than this belongs to a worker that died; the message is sent again.
LEASE = dt.timedelta(minutes=5)
# After a full batch the mail connection stays open for the next one (more are probably
# waiting), unless it has been idle this long: mail servers drop idle connections.
KEEP_OPEN_SECONDS = 10.0
# Retries after a transient failure wait 1, 2, 4 … minutes, at most an hour…
FIRST_RETRY = dt.timedelta(minutes=1)
LONGEST_RETRY = dt.timedelta(hours=1)
# …until the message is a day old. It must also have been tried a few times, so that a
# worker that was down for a day does not fail everything on the first hiccup.
GIVE_UP_AFTER = dt.timedelta(hours=24)
MIN_ATTEMPTS_BEFORE_GIVING_UP = 5


@dataclass(frozen=True)
class Failure:
    """Why a message was not sent; ``permanent`` failures are not tried again."""

    permanent: bool
    error: str


@dataclass
class Tally:
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0

    def add(self, other: Tally) -> None:
        self.claimed += other.claimed
        self.sent += other.sent
        self.retried += other.retried
        self.failed += other.failed

    def __str__(self) -> str:
        return f"{self.sent} sent, {self.retried} to retry, {self.failed} failed"


# Claiming


def claim_due(*, now: dt.datetime, limit: int = BATCH_SIZE) -> list[Message]:
    """Mark up to ``limit`` due messages ``sending`` for this worker and return them."""
    due = Message.objects.filter(
        status=Message.Status.QUEUED,
        channel=Message.Channel.EMAIL,
        next_attempt_at__lte=now,
    ).order_by("next_attempt_at", "pk")
    with transaction.atomic():
        if connection.features.has_select_for_update_skip_locked:
            # Rows another worker is claiming right now are skipped, not waited for.
            ids = list(due.select_for_update(skip_locked=True).values_list("pk", flat=True)[:limit])
        else:
            # SQLite has no row locks: the UPDATE only wins rows it still finds queued.
            ids = list(due.values_list("pk", flat=True)[:limit])
        Message.objects.filter(pk__in=ids, status=Message.Status.QUEUED).update(
            status=Message.Status.SENDING, claimed_at=now
        )
    # Ours are those the UPDATE won: sending, with our claim time.
    return list(
        Message.objects.filter(pk__in=ids, status=Message.Status.SENDING, claimed_at=now).order_by(
            "next_attempt_at", "pk"
        )
    )


def reclaim_stale(*, now: dt.datetime, lease: dt.timedelta = LEASE) -> int:
    """Put messages whose worker died (claim older than ``lease``) back in the queue."""
    count = Message.objects.filter(
        status=Message.Status.SENDING, claimed_at__lt=now - lease
    ).update(status=Message.Status.QUEUED, claimed_at=None)
    if count:
        logger.warning("Took back %d messages from a worker that stopped mid-batch", count)
    return count


def still_claimed(message: Message, *, now: dt.datetime, lease: dt.timedelta = LEASE) -> bool:
    """True when the claim on ``message`` is still ours; renews a claim that is getting old.

    A slow batch (a mail server that times out) could outlast the lease; another worker
    would then take the message back and both would send it. Renewing before each send, and
    skipping a message whose claim was taken, prevents that. Young claims cost no query.
    """
    if message.claimed_at is not None and now - message.claimed_at < lease / 3:
        return True
    renewed = Message.objects.filter(
        pk=message.pk, status=Message.Status.SENDING, claimed_at=message.claimed_at
    ).update(claimed_at=now)
    if renewed:
        message.claimed_at = now
    return bool(renewed)


def release(messages: list[Message]) -> int:
    """Give unsent claims back to the queue (a stopping worker), untouched otherwise."""
    count = 0
    for message in messages:
        count += Message.objects.filter(
            pk=message.pk, status=Message.Status.SENDING, claimed_at=message.claimed_at
        ).update(status=Message.Status.QUEUED, claimed_at=None)
    return count


# Sending


class _WrittenOnce(EmailMultiAlternatives):
    """Writes its MIME message once, with a boundary of ours (``_boundary``): ``send`` writes
    it to check it can be written, and the backend would write it again (the headers'
    encoding was a tenth of a delivery's time)."""

    # Django 5.2 writes its SafeMIME classes; django-stubs 6 types the stdlib message.
    _written: MIMEMessage | None = None

    def message(self, **kwargs: Any) -> MIMEMessage:
        if self._written is None:
            written = super().message(**kwargs)
            if written.is_multipart():
                written.set_boundary(_boundary(written))
            self._written = written
        return self._written

    def __copy__(self) -> _WrittenOnce:
        # A copy is made to be changed (_without_link_secrets): it writes its own.
        copied = type(self).__new__(type(self))
        copied.__dict__.update(self.__dict__)
        copied._written = None
        return copied


def _boundary(message: MIMEMessage) -> str:
    """A multipart boundary found in none of the parts. The standard library makes one the
    same way, but checks it with a regular expression compiled anew for every message."""
    texts = [str(part.get_payload()) for part in message.walk() if not part.is_multipart()]
    while True:
        boundary = f"=_{secrets.token_hex(16)}"
        if not any(boundary in text for text in texts):
            return boundary


def email_for(message: Message) -> EmailMultiAlternatives:
    """The email exactly as stored: same text, same Message-ID on every attempt."""
    email = _WrittenOnce(
        subject=message.subject,
        body=message.body_text,
        from_email=message.from_address,
        to=[formataddr((message.to_name, message.to_address))],
        reply_to=[message.reply_to] if message.reply_to else None,
        headers={
            "Message-ID": message.message_id,
            "Content-Language": message.language,
            # RFC 3834: out-of-office robots should not answer these.
            "Auto-Submitted": "auto-generated",
        },
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    if message.attachment:
        email.attach(message.attachment_name, message.attachment, message.attachment_type)
    return email


def answerable(message: Message) -> bool:
    """False for a message whose From (or Reply-To) is an address nobody reads, such as
    ``noreply@localhost``: it is not sent (queued before the contact details were required)."""
    return not is_unattended(message.from_address) and not (
        message.reply_to and is_unattended(message.reply_to)
    )


class Unwritable(Exception):
    """The message cannot be written as mail: a line break in a header (a name typed with
    one before names were checked), an address that cannot be encoded."""


def send(message: Message, backend: BaseEmailBackend) -> None:
    """Hand one message to the mail backend; raises whatever the backend raises, or
    ``Unwritable`` when the message cannot be written as mail at all."""
    email = email_for(message)
    try:
        # Writes the headers as they will be sent: BadHeaderError (a ValueError) for a line
        # break, ValueError for an address that cannot be written.
        email.message()
    except ValueError as exc:
        raise Unwritable(f"The message cannot be written as mail: {exc}") from exc
    if not backend.send_messages([email]):
        raise smtplib.SMTPException("the mail backend accepted no message")


def classify(exc: Exception) -> Failure:
    """Permanent (the server refused this message: 5xx) or worth another try."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _text in exc.recipients.values()]
        error = "; ".join(
            f"{code} {_text_of(text)} ({address})"
            for address, (code, text) in exc.recipients.items()
        )
        return Failure(permanent=bool(codes) and all(code >= 500 for code in codes), error=error)
    if isinstance(
        exc,
        smtplib.SMTPConnectError | smtplib.SMTPHeloError | smtplib.SMTPAuthenticationError,
    ):
        # Not about this message but about the server or our account: a person fixes the
        # configuration and the queue goes out then.
        return Failure(permanent=False, error=_response_error(exc))
    if isinstance(exc, smtplib.SMTPResponseException):
        return Failure(permanent=500 <= exc.smtp_code < 600, error=_response_error(exc))
    if isinstance(exc, Unwritable):
        # The same on every try: a person corrects the address or the name.
        return Failure(permanent=True, error=str(exc))
    # Dropped connections, timeouts, refused connections, a full disk under the file backend.
    return Failure(permanent=False, error=f"{type(exc).__name__}: {exc}".strip(": "))


def _text_of(text: bytes | str) -> str:
    return text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)


def _response_error(exc: smtplib.SMTPResponseException) -> str:
    return f"{exc.smtp_code} {_text_of(exc.smtp_error)}"


def retry_delay(attempts: int) -> dt.timedelta:
    """Wait before the next try, after ``attempts`` earlier failed tries (0 for the first).

    Doubles from a minute up to an hour, plus up to 10% so that a queue that failed together
    does not come back together.
    """
    base = min(FIRST_RETRY * 2 ** min(attempts, 16), LONGEST_RETRY)
    return base * (1 + random.random() / 10)  # noqa: S311 — spreading load, not a secret


def gives_up(message: Message, *, now: dt.datetime) -> bool:
    """A transient failure becomes final when the message is old and was tried enough."""
    return (
        now - message.created_at >= GIVE_UP_AFTER
        and message.attempts + 1 >= MIN_ATTEMPTS_BEFORE_GIVING_UP
    )


# Recording


# PostgreSQL: the update and the timeline event in one statement, so one round trip and still
# all or nothing (BEGIN, UPDATE, INSERT, COMMIT cost four; at 10,000 messages that is seconds).
_SENT_SQL = """
UPDATE {message} SET status = %s, sent_at = %s, attempts = attempts + 1,
    claimed_at = NULL, last_error = '', body_text = %s, body_html = %s
WHERE id = %s AND status <> %s
RETURNING application_id
"""


def _record_sent_postgres(message: Message, *, now: dt.datetime) -> bool:
    count = timeline_record_returning(
        update_sql=_SENT_SQL.format(message=connection.ops.quote_name(Message._meta.db_table)),
        params=[
            Message.Status.SENT,
            now,
            redact_links(message.body_text),
            redact_links(message.body_html),
            message.pk,
            Message.Status.SENT,
        ],
        kind=MESSAGE_SENT,
        data=_event_data(message),
        at=now,
    )
    return bool(count)


@contextlib.contextmanager
def _relaxed_commits() -> Iterator[None]:
    """PostgreSQL: while delivering, the worker's commits do not wait for the disk
    (synchronous_commit off), and then they do again.

    A commit still happens in order and is never half-done; only a crash of the database
    server itself can lose the last fraction of a second of them. For delivery records that
    means at worst a message sent again after such a crash, the same at-least-once promise a
    killed worker gives. Waiting for the disk would cost about 0.7 ms a message here: 7 s a
    10,000. Sweeps (promises, and what retention and consent add) run after the batch with
    the server's own setting: what they write must not be lost.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")
    try:
        yield
    finally:
        with contextlib.suppress(Exception), connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


def record_sent(message: Message, *, now: dt.datetime) -> bool:
    """Mark the message sent, with a timeline event. False if it was already recorded."""
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        return _record_sent_postgres(message, now=now)
    with transaction.atomic():
        # Unconditional on the claim: whoever sent it, it is sent, and no one should again.
        updated = (
            Message.objects.filter(pk=message.pk)
            .exclude(status=Message.Status.SENT)
            .update(
                status=Message.Status.SENT,
                sent_at=now,
                attempts=F("attempts") + 1,
                claimed_at=None,
                last_error="",
                # Delivered: the stored copy keeps every word but the secret of the
                # candidate's link, so that no one reading the outbox can act as the candidate.
                body_text=redact_links(message.body_text),
                body_html=redact_links(message.body_html),
            )
        )
        if updated and message.application_id:
            _event(message, MESSAGE_SENT, now=now)
    return bool(updated)


def record_retry(message: Message, failure: Failure, *, now: dt.datetime) -> bool:
    """Put the message back in the queue for a later try."""
    return bool(
        _still_ours(message).update(
            status=Message.Status.QUEUED,
            attempts=F("attempts") + 1,
            next_attempt_at=now + retry_delay(message.attempts),
            claimed_at=None,
            last_error=failure.error,
        )
    )


def record_failed(message: Message, failure: Failure, *, now: dt.datetime) -> bool:
    """Give up on the message: it shows as failed for a person to act on."""
    with transaction.atomic():
        updated = _still_ours(message).update(
            status=Message.Status.FAILED,
            attempts=F("attempts") + 1,
            claimed_at=None,
            last_error=failure.error,
        )
        if updated and message.application_id:
            _event(message, MESSAGE_FAILED, now=now, error=failure.error)
    return bool(updated)


def record_waiting(message: Message) -> bool:
    """Put the message aside until the contact details are complete (messaging.sweeps)."""
    return bool(
        _still_ours(message).update(status=Message.Status.WAITING, claimed_at=None, context={})
    )


def _still_ours(message: Message) -> QuerySet[Message]:
    return Message.objects.filter(
        pk=message.pk, status=Message.Status.SENDING, claimed_at=message.claimed_at
    )


def _event_data(message: Message, **extra: str) -> dict[str, object]:
    return {"message": message.pk, "kind": message.kind, "subject": message.subject, **extra}


def _event(message: Message, kind: str, *, now: dt.datetime, **extra: str) -> None:
    timeline_record(
        application_id=message.application_id, at=now, kind=kind, data=_event_data(message, **extra)
    )


# The file backend: one .eml per message


class EmlFileBackend(FileEmailBackend):
    """Django's file backend, but each message in its own ``.eml`` file.

    Without a mail server (``make run``) the messages land in ``DATA_DIR/sent-mail``, where
    any mail program opens them. Django's own backend appends a whole batch to one ``.log``.
    """

    def open(self) -> bool:
        return False  # nothing to keep open: every message is a file of its own

    def close(self) -> None:
        pass

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        folder = Path(self.file_path)
        for email in email_messages:
            if not settings.SENT_MAIL_LIVE_LINKS:
                email = _without_link_secrets(email)
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
            name = re.sub(r"[^A-Za-z0-9.@_-]", "", str(email.extra_headers.get("Message-ID", "")))
            path = folder / f"{stamp}-{name or id(email)}.eml"
            # Django 5.2's message() is its SafeMIME message, whose as_bytes takes linesep;
            # django-stubs 6 types the stdlib message that Django 6 returns instead.
            path.write_bytes(email.message().as_bytes(linesep="\n"))  # type: ignore[call-arg]
        return len(email_messages)


def _without_link_secrets(email: EmailMessage) -> EmailMessage:
    """A copy of ``email`` whose candidate links have their secret taken out (as the stored
    message has once it is sent): a file on disk is not the candidate's mailbox."""
    copy = shallow_copy(email)
    copy.body = redact_links(str(email.body))
    if isinstance(copy, EmailMultiAlternatives):
        copy.alternatives = []
        for content, mimetype in getattr(email, "alternatives", ()):
            copy.attach_alternative(redact_links(str(content)), mimetype)
    return copy


def mail_backend() -> BaseEmailBackend:
    """The configured backend; Django's file backend becomes one file per message."""
    if settings.EMAIL_BACKEND == "django.core.mail.backends.filebased.EmailBackend":
        return EmlFileBackend(fail_silently=False)
    return get_connection(fail_silently=False)


# The worker


class Worker:
    """Claims and sends batches; keeps one open connection to the mail server between them."""

    def __init__(self, *, batch_size: int = BATCH_SIZE, lease: dt.timedelta = LEASE) -> None:
        self.batch_size = batch_size
        self.lease = lease
        self.stopping = False
        self._backend: BaseEmailBackend | None = None
        self._last_sent = 0.0  # time.monotonic() of the last message sent on _backend

    def stop(self) -> None:
        """Ask the worker to stop after the message it is sending (safe in a signal handler)."""
        self.stopping = True

    def deliver_batch(self) -> Tally:
        """Take back stale claims, claim a batch, send it over one connection.

        The connection is closed after the batch unless the batch was full: then the next
        one follows at once and goes over the same connection (one handshake, and with
        STARTTLS and AUTH a few round trips, for many batches instead of each).
        """
        with _relaxed_commits():
            tally = self._deliver_batch()
        if tally.claimed:
            logger.info("Batch of %d messages: %s", tally.claimed, tally)
        return tally

    def _deliver_batch(self) -> Tally:
        now = timezone.now()
        reclaim_stale(now=now, lease=self.lease)
        claimed = claim_due(now=now, limit=self.batch_size)
        tally = Tally(claimed=len(claimed))
        keep_open = False
        try:
            for position, message in enumerate(claimed):
                if self.stopping:
                    left = release(claimed[position:])
                    logger.info("Stopping: %d claimed messages go back to the queue", left)
                    break
                tally.add(self.deliver(message))
            keep_open = len(claimed) == self.batch_size and not self.stopping
        finally:
            # Mail servers drop idle connections; after a short batch the next may be
            # minutes away.
            if not keep_open:
                self.close()
        return tally

    def deliver_all(self) -> Tally:
        """Send everything that is due now (messages put off to later stay queued)."""
        tally = Tally()
        while not self.stopping:
            batch = self.deliver_batch()
            tally.add(batch)
            if not batch.claimed:
                break
        return tally

    def deliver(self, message: Message) -> Tally:
        """Send one claimed message and record the outcome."""
        if not still_claimed(message, now=timezone.now(), lease=self.lease):
            logger.warning("Message %s was taken over by another worker; skipped", message.pk)
            return Tally()
        if not answerable(message):
            record_waiting(message)
            logger.warning(
                "Message %s has no sender or Reply-To that a person reads; it waits for the "
                "organisation's contact details",
                message.pk,
            )
            return Tally()
        try:
            send(message, self._connection())
        except Exception as exc:
            # The connection may be half-broken (dropped, mid-transaction): start afresh.
            self.close()
            return self._failed(message, classify(exc), exc)
        self._last_sent = time.monotonic()
        record_sent(message, now=timezone.now())
        logger.debug("Sent message %s (%s) to %s", message.pk, message.kind, message.to_address)
        return Tally(sent=1)

    def _failed(self, message: Message, failure: Failure, exc: Exception) -> Tally:
        now = timezone.now()
        if failure.permanent or gives_up(message, now=now):
            record_failed(message, failure, now=now)
            logger.error(
                "Message %s to %s failed for good: %s",
                message.pk,
                message.to_address,
                failure.error,
            )
            return Tally(failed=1)
        record_retry(message, failure, now=now)
        logger.warning(
            "Message %s to %s will be retried: %s",
            message.pk,
            message.to_address,
            failure.error,
            exc_info=not isinstance(exc, OSError | smtplib.SMTPException),
        )
        return Tally(retried=1)

    def _connection(self) -> BaseEmailBackend:
        if self._backend is not None and time.monotonic() - self._last_sent > KEEP_OPEN_SECONDS:
            # Kept open after a full batch, but idle since (a sweep ran): the server may
            # have dropped it; a message must not wait a retry for that.
            self.close()
        if self._backend is None:
            self._backend = mail_backend()
            self._backend.open()
        return self._backend

    def close(self) -> None:
        """Close the mail connection; errors are ignored (it may be broken already)."""
        backend, self._backend = self._backend, None
        if backend is not None:
            # A broken connection is what we are discarding: its errors do not matter.
            with contextlib.suppress(Exception):
                backend.close()
