"""A real SMTP server for tests and benchmarks: aiosmtpd in a thread on a free localhost port.

It records what it receives and can be told to misbehave the way real mail servers do:
answer 4xx or 5xx to the next DATA commands, refuse a recipient, drop the connection, be
slow. Worker processes started by a test reach it through :meth:`SMTPServer.environ`.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import logging
import random
import socket
import threading
import time
from collections import Counter, deque
from collections.abc import Awaitable
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session


@dataclass(frozen=True)
class ReceivedMail:
    """One message as the server accepted it."""

    sender: str
    recipients: tuple[str, ...]
    data: bytes
    message: EmailMessage = field(repr=False)

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    def text(self) -> str:
        return self._part("plain")

    def html(self) -> str:
        return self._part("html")

    def _part(self, subtype: str) -> str:
        part = self.message.get_body(preferencelist=(subtype,))
        # On the wire lines end in CRLF; tests compare with Python strings.
        return part.get_content().replace("\r\n", "\n") if part is not None else ""


class _Handler:
    def __init__(self, server: SMTPServer) -> None:
        self.server = server

    async def handle_MAIL(
        self, smtp: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        self.server._client_seen(session)
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(
        self, smtp: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        code = self.server._refused.get(address.lower())
        if code is not None:
            return f"{code} 5.1.1 <{address}>: Recipient address rejected"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, smtp: SMTP, session: Session, envelope: Envelope) -> str:
        await self.server._hold()
        action = self.server._next_action()
        if action == "drop":
            # No answer at all: the client sees the connection close under it.
            if smtp.transport is not None:
                smtp.transport.abort()
            return "421 unreachable"
        if action is not None:
            return action
        stall = self.server._record(envelope)
        if stall:
            # Accepted, and the answer held back: a worker killed now dies mid-send.
            await asyncio.sleep(stall)
        elif self.server.delay:
            # Accepted before the (slow) answer: a client killed now has delivered the
            # message without knowing it, as with a real server.
            await asyncio.sleep(self.server.delay)
        return "250 2.0.0 Message accepted for delivery"


class _SMTP(SMTP):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # aiosmtpd writes EHLO's answer a line at a time; with Nagle's algorithm and the
        # client's delayed ACK every new connection waited 40 ms for it, which a real server
        # does not make a client wait.
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


class _Controller(Controller):
    """aiosmtpd's controller on a socket we bound ourselves, so that port 0 works."""

    def __init__(self, handler: _Handler, sock: socket.socket, **kwargs: Any) -> None:
        host, port = sock.getsockname()[:2]
        super().__init__(handler, hostname=host, port=port, **kwargs)
        self._socket = sock

    def factory(self) -> SMTP:
        return _SMTP(self.handler, **self.SMTP_kwargs)

    def _create_server(self) -> Awaitable[asyncio.AbstractServer]:
        return self.loop.create_server(self._factory_invoker, sock=self._socket)


class SMTPServer:
    """``with SMTPServer() as server: …`` — ``server.host``/``server.port`` take mail."""

    def __init__(self, *, delay: float = 0.0) -> None:
        self.delay = delay
        self._lock = threading.Lock()
        self._received: list[ReceivedMail] = []
        self._actions: deque[str] = deque()
        self._refused: dict[str, int] = {}
        self._flaky: tuple[float, float, random.Random] | None = None
        self._stalls: dict[int, float] = {}
        self._clients: set[int] = set()
        self._hold_for_clients = 0
        self._hold_timeout = 0.0
        self._controller: _Controller | None = None
        self.host = "127.0.0.1"
        self.port = 0

    # Life cycle

    def start(self) -> SMTPServer:
        # aiosmtpd logs every command at INFO; failing tests are easier to read without it.
        logging.getLogger("mail.log").setLevel(logging.WARNING)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind((self.host, 0))
        sock.listen(128)
        self.port = sock.getsockname()[1]
        self._controller = _Controller(_Handler(self), sock, ready_timeout=10)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> SMTPServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def environ(self) -> dict[str, str]:
        """Environment for a worker process that should send its mail here."""
        return {
            "EMAIL_HOST": self.host,
            "EMAIL_PORT": str(self.port),
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_USE_TLS": "false",
            "EMAIL_USE_SSL": "false",
            "EMAIL_HOST_USER": "",
            "EMAIL_HOST_PASSWORD": "",
            "EMAIL_TIMEOUT": "10",
        }

    # Behaviour

    def fail_next_data(self, count: int = 1, *, code: int = 451) -> None:
        """Answer ``code`` (4xx: try later, 5xx: refused) to the next ``count`` DATA commands."""
        text = "4.3.0 Try again later" if code < 500 else "5.7.1 Message refused"
        with self._lock:
            self._actions.extend([f"{code} {text}"] * count)

    def drop_next_data(self, count: int = 1) -> None:
        """Close the connection, without an answer, after the next ``count`` DATA commands."""
        with self._lock:
            self._actions.extend(["drop"] * count)

    def refuse_recipient(self, address: str, *, code: int = 550) -> None:
        """Answer ``code`` to ``RCPT TO`` for this address, every time."""
        with self._lock:
            self._refused[address.lower()] = code

    def stall_at(self, *counts: int, seconds: float) -> None:
        """Hold back the answer to the ``counts``-th messages received (1-based) for
        ``seconds``, after accepting them: the sender waits mid-send, its message delivered."""
        with self._lock:
            self._stalls.update(dict.fromkeys(counts, seconds))

    def hold_until_clients(self, count: int, *, timeout: float = 10.0) -> None:
        """Keep DATA waiting until ``count`` different connections have sent MAIL.

        Lets a test prove that several workers really ran at the same time.
        """
        with self._lock:
            self._hold_for_clients = count
            self._hold_timeout = timeout

    # What arrived

    @property
    def received(self) -> list[ReceivedMail]:
        with self._lock:
            return list(self._received)

    def message_ids(self) -> Counter[str]:
        """How many times each Message-ID arrived."""
        return Counter(mail.message_id for mail in self.received)

    def wait_for(self, count: int, *, timeout: float = 10.0) -> bool:
        """Wait until at least ``count`` messages have arrived; False on timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.received) >= count:
                return True
            time.sleep(0.01)
        return len(self.received) >= count

    def clear(self) -> None:
        with self._lock:
            self._received.clear()
            self._stalls.clear()

    # Called from the server's thread

    def _client_seen(self, session: Session) -> None:
        with self._lock:
            self._clients.add(id(session))

    async def _hold(self) -> None:
        deadline = time.monotonic() + self._hold_timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self._clients) >= self._hold_for_clients:
                    return
            await asyncio.sleep(0.01)

    def flaky(self, *, temporary: float, drops: float, seed: int = 7) -> None:
        """From now on, answer 451 to a share ``temporary`` of DATA commands and close the
        connection without an answer on a share ``drops`` of them, at random (seeded)."""
        with self._lock:
            self._flaky = (temporary, drops, random.Random(seed))

    def _next_action(self) -> str | None:
        with self._lock:
            if self._actions:
                return self._actions.popleft()
            if self._flaky is not None:
                temporary, drops, chance = self._flaky
                draw = chance.random()
                if draw < drops:
                    return "drop"
                if draw < drops + temporary:
                    return "451 4.3.0 Try again later"
            return None

    def _record(self, envelope: Envelope) -> float:
        """Keep what arrived; returns how long to hold back the answer (see stall_at)."""
        data = envelope.original_content or b""
        parsed = email.message_from_bytes(data, policy=email.policy.default)
        mail = ReceivedMail(
            sender=envelope.mail_from or "",
            recipients=tuple(envelope.rcpt_tos),
            data=data,
            message=parsed,  # type: ignore[arg-type]
        )
        with self._lock:
            self._received.append(mail)
            return self._stalls.pop(len(self._received), 0.0)


def queue_test_messages(count: int, *, domain: str = "example.se") -> list[str]:
    """Put ``count`` plain messages, tied to no application, in the outbox.

    For worker tests and benchmarks that need a queue and nothing else; returns their
    Message-IDs in queue order. Needs Django set up (it is also run in worker processes'
    databases through ``aterkoppla shell``).
    """
    import uuid

    from django.utils import timezone

    from aterkoppla.messaging.models import Kind, Message

    run = uuid.uuid4().hex[:8]
    now = timezone.now()
    messages = [
        Message(
            kind=Kind.STATUS_UPDATE,
            to_address=f"candidate{number}@{domain}",
            to_name=f"Kandidat {number}",
            from_address="Exempel AB <rekrytering@example.se>",
            language="sv",
            subject=f"Testmeddelande {number}",
            body_text=f"Hej!\n\nDetta är testmeddelande {number}.\n",
            next_attempt_at=now,
            created_at=now,
            dedupe_key=f"test:{run}:{number}",
            message_id=f"<{run}.{number}@test.aterkoppla>",
        )
        for number in range(count)
    ]
    Message.objects.bulk_create(messages, batch_size=500)
    return [message.message_id for message in messages]
