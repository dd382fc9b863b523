"""``aterkoppla worker``: deliver the outbox and run the periodic sweeps.

Run as many as you like against PostgreSQL; they never send a message twice. SIGTERM or
Ctrl+C lets the message being sent finish, hands the rest of the batch back, and exits 0.
"""

from __future__ import annotations

import datetime as dt
import logging
import signal
import time
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import close_old_connections

from aterkoppla.core.sweeps import sweeps_run
from aterkoppla.messaging.worker import BATCH_SIZE, LEASE, Tally, Worker

logger = logging.getLogger("aterkoppla.worker")

# The sweeps work on dates; once a minute is more than often enough.
SWEEP_EVERY = 60.0
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class Command(BaseCommand):
    help = (
        "Deliver queued messages to candidates and run the scheduled sweeps (promised answer "
        "dates and the rest). "
        "Runs until stopped (SIGTERM, Ctrl+C) unless --once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once",
            action="store_true",
            help="Run the sweeps, deliver everything due now, then exit.",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=2.0,
            help="Seconds to wait when the queue is empty (default 2).",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help=f"Messages claimed at a time (default {BATCH_SIZE}).",
        )
        parser.add_argument(
            "--lease-seconds",
            type=int,
            default=int(LEASE.total_seconds()),
            help=(
                "Seconds after which messages claimed by a worker that died are sent again "
                f"(default {int(LEASE.total_seconds())}). Keep it well above the time one "
                "message can take (EMAIL_TIMEOUT)."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["interval"] <= 0:
            raise CommandError("--interval must be more than 0 seconds.")
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        if options["lease_seconds"] < 1:
            raise CommandError("--lease-seconds must be at least 1.")
        worker = Worker(
            batch_size=options["batch_size"],
            lease=dt.timedelta(seconds=options["lease_seconds"]),
        )
        previous = {sig: signal.getsignal(sig) for sig in STOP_SIGNALS}

        def stop(signum: int, frame: FrameType | None) -> None:
            logger.info(
                "Received %s: stopping after the current message", signal.Signals(signum).name
            )
            worker.stop()

        for sig in STOP_SIGNALS:
            signal.signal(sig, stop)
        try:
            tally = self.run_once(worker) if options["once"] else self.run(worker, options)
        finally:
            worker.close()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        self.stdout.write(f"Worker stopped: {tally}.")

    def run_once(self, worker: Worker) -> Tally:
        """Every sweep first, so that what they queue goes out in the same run."""
        sweeps_run()
        return worker.deliver_all()

    def run(self, worker: Worker, options: dict[str, Any]) -> Tally:
        logger.info(
            "Worker started: batches of %d, idle interval %.1f s, lease %d s",
            worker.batch_size,
            options["interval"],
            options["lease_seconds"],
        )
        tally = Tally()
        next_sweep = 0.0
        while not worker.stopping:
            if time.monotonic() >= next_sweep:
                next_sweep = time.monotonic() + SWEEP_EVERY
                self.sweep()
            try:
                batch = worker.deliver_batch()
            except Exception:
                # The database or the mail server is away: keep trying, do not die.
                logger.exception("Delivering failed; trying again in %.1f s", options["interval"])
                batch = Tally()
            tally.add(batch)
            # Drop connections that broke or grew old, as Django does between requests.
            close_old_connections()
            if batch.claimed < worker.batch_size:
                self.sleep(worker, options["interval"])
        return tally

    def sweep(self) -> None:
        """Every registered sweep (``aterkoppla.core.sweeps``); each one's failure is logged
        on its own, and a failure to reach the database does not stop the worker."""
        try:
            sweeps_run()
        except Exception:
            logger.exception("The sweeps failed; they run again in a minute")

    def sleep(self, worker: Worker, seconds: float) -> None:
        """Sleep in short steps so that a stop signal is acted on at once."""
        deadline = time.monotonic() + seconds
        while not worker.stopping and time.monotonic() < deadline:
            time.sleep(max(0.0, min(0.1, deadline - time.monotonic())))
