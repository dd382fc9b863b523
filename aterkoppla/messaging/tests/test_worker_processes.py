"""Real worker processes against a real database and a real SMTP server (DESIGN §12 R1, R3).

The workers see the test's database: on PostgreSQL the test database itself (with committed
data, ``transactional_db``); on SQLite, whose test database lives in memory, a migrated file
made once per module and copied for each test.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from tests.pgcluster import PrivatePostgres, server_programs
from tests.smtp import queue_test_messages

POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"

# Committed data, so that the worker processes see what the test queued (on PostgreSQL).
pytestmark = pytest.mark.django_db(transaction=True)


ROOT = Path(__file__).resolve().parents[3]


def _aterkoppla(*args: str) -> list[str]:
    return [sys.executable, "-m", "aterkoppla", *args]


class WorkerDatabase:
    """The database worker processes use, with ways to fill and read it from the test.

    The test's own connection sees it on PostgreSQL (the test database itself); otherwise
    (a SQLite file, a server of the test's own) the test reaches it as the workers do.
    """

    def __init__(
        self, env: dict[str, str], *, sqlite_path: Path | None = None, url: str | None = None
    ) -> None:
        self.env = env
        self.sqlite_path = sqlite_path
        self.url = url

    @property
    def shared(self) -> bool:
        return self.sqlite_path is None and self.url is None

    def queue(self, count: int) -> list[str]:
        if self.shared:
            return queue_test_messages(count)
        code = (
            "import json; from tests.smtp import queue_test_messages; "
            f"print('IDS', json.dumps(queue_test_messages({count})))"
        )
        result = subprocess.run(  # noqa: S603 — our own CLI
            _aterkoppla("shell", "-c", code),
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return json.loads(result.stdout.split("IDS ", 1)[1])

    def statuses(self) -> dict[str, int]:
        query = "SELECT status, count(*) FROM messaging_message GROUP BY status"
        if self.url is not None:
            import psycopg

            try:
                with psycopg.connect(self.url, connect_timeout=2) as db:
                    return dict(db.execute(query).fetchall())
            except psycopg.OperationalError:
                return {"server down": 1}
        if self.sqlite_path is None:
            with connection.cursor() as cursor:
                cursor.execute(query)
                return dict(cursor.fetchall())
        with sqlite3.connect(self.sqlite_path) as db:
            return dict(db.execute(query).fetchall())


def _worker_env(data_dir: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "ATERKOPPLA_DATA_DIR": str(data_dir),
        "LOG_LEVEL": "INFO",
        # The test helpers (tests/smtp.py) live beside the package, not in it.
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    env.pop("EMAIL_HOST", None)
    return env


@pytest.fixture(scope="module")
def sqlite_template(tmp_path_factory) -> Path | None:
    if POSTGRES:
        return None
    path = tmp_path_factory.mktemp("worker-db") / "template.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{path}",
        "ATERKOPPLA_DATA_DIR": str(path.parent),
    }
    subprocess.run(_aterkoppla("migrate", "-v0"), env=env, timeout=120, check=True)  # noqa: S603
    return path


@pytest.fixture
def worker_db(tmp_path, sqlite_template) -> WorkerDatabase:
    env = _worker_env(tmp_path / "data")
    if POSTGRES:
        db = connection.settings_dict
        user = quote(db["USER"] or "")
        if db["PASSWORD"]:
            user += ":" + quote(db["PASSWORD"])
        host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        env["DATABASE_URL"] = f"postgres://{user}@{host}/{db['NAME']}"
        return WorkerDatabase(env)
    path = tmp_path / "db.sqlite3"
    shutil.copy(sqlite_template, path)
    env["DATABASE_URL"] = f"sqlite:///{path}"
    return WorkerDatabase(env, sqlite_path=path)


@pytest.fixture
def private_postgres() -> Iterator[PrivatePostgres]:
    if server_programs() is None:
        pytest.skip("PostgreSQL's server programs (initdb, pg_ctl) are not installed")
    with PrivatePostgres() as server:
        yield server


class Workers:
    """``workers.start(name, *options)`` starts a worker process on ``db``; any left are
    killed at the end of the test."""

    def __init__(self, db: WorkerDatabase, smtp_server, folder: Path) -> None:
        self.env = {**db.env, **smtp_server.environ()}
        self.folder = folder
        self.started: list[subprocess.Popen] = []

    def start(self, name: str, *args: str) -> tuple[subprocess.Popen, Path]:
        output = self.folder / f"{name}.out"
        with output.open("w") as out:
            process = subprocess.Popen(  # noqa: S603 — our own CLI
                _aterkoppla("worker", *args), env=self.env, stdout=out, stderr=subprocess.STDOUT
            )
        self.started.append(process)
        return process, output

    def kill_all(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.kill()
                process.wait()


@pytest.fixture
def start_worker(worker_db, smtp_server, tmp_path):
    """``start_worker(name, *options)`` starts a worker process; any left are killed after."""
    workers = Workers(worker_db, smtp_server, tmp_path)
    yield workers.start
    workers.kill_all()


def _finish(started: tuple[subprocess.Popen, Path], *, timeout: float = 60) -> str:
    process, output = started
    assert process.wait(timeout=timeout) == 0, output.read_text()
    return output.read_text()


def _sent(output: str) -> int:
    return int(re.search(r"Worker stopped: (\d+) sent", output).group(1))


@pytest.mark.skipif(not POSTGRES, reason="SKIP LOCKED is PostgreSQL's; CI runs this there")
def test_two_workers_on_postgresql_never_send_a_message_twice(smtp_server, worker_db, start_worker):
    ids = worker_db.queue(200)
    # Neither worker may finish alone: the first message waits until both are connected.
    smtp_server.hold_until_clients(2, timeout=30)
    workers = [start_worker(name, "--once", "--batch-size", "10") for name in ("one", "two")]

    sent = [_sent(_finish(worker)) for worker in workers]

    assert smtp_server.message_ids() == Counter(dict.fromkeys(ids, 1))
    assert sum(sent) == 200
    assert min(sent) > 0, sent
    assert worker_db.statuses() == {"sent": 200}


def test_three_workers_killed_mid_send_lose_nothing_and_send_one_twice_each(
    smtp_server, worker_db, start_worker
):
    """DESIGN §12 R1 at small scale (bench/r_faults.py runs it with 10,000 messages): three
    times a worker is killed at the worst moment — the server has accepted a message and
    holds back its answer — and the next one takes its claims back after the lease. Each
    kill costs exactly that one message twice, and nothing is lost."""
    ids = worker_db.queue(120)
    smtp_server.stall_at(25, 50, 75, seconds=10)
    for kill, point in enumerate((25, 50, 75)):
        worker, output = start_worker(
            f"killed{kill}", "--batch-size", "20", "--interval", "0.2", "--lease-seconds", "1"
        )
        assert smtp_server.wait_for(point, timeout=30), output.read_text()
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        left = worker_db.statuses()
        assert left.get("sending", 0) > 0, left  # killed with claims in hand
        time.sleep(1.1)  # past the lease of the worker that takes over
    output = _finish(start_worker("last", "--once", "--lease-seconds", "1"))

    arrived = smtp_server.message_ids()
    assert set(arrived) == set(ids)
    assert sorted(arrived.values()).count(2) == 3 and max(arrived.values()) == 2, arrived
    assert "Took back" in output
    assert worker_db.statuses() == {"sent": 120}


def test_sigterm_finishes_the_message_being_sent_and_hands_the_rest_back(
    smtp_server, worker_db, start_worker
):
    ids = worker_db.queue(20)
    smtp_server.delay = 0.05
    worker = start_worker("worker", "--batch-size", "20")
    assert smtp_server.wait_for(3, timeout=30), worker[1].read_text()

    worker[0].send_signal(signal.SIGTERM)
    output = _finish(worker, timeout=10)

    delivered = len(smtp_server.received)
    assert 3 <= delivered < 20
    assert _sent(output) == delivered
    # Nothing is left claimed: the rest are queued, ready for the next worker at once.
    assert worker_db.statuses() == {"sent": delivered, "queued": 20 - delivered}
    _finish(start_worker("again", "--once"))
    assert smtp_server.message_ids() == Counter(dict.fromkeys(ids, 1))


def _assert_recovered(
    db: WorkerDatabase,
    started: tuple[subprocess.Popen, Path],
    smtp_server,
    ids: list[str],
    *,
    batch_size: int,
) -> None:
    """The worker outlived the database's going away: it delivered everything, at most one
    batch twice (sent but not yet recorded when the connection went), and logged the error."""
    worker, output = started
    deadline = time.monotonic() + 60
    while db.statuses() != {"sent": len(ids)} and time.monotonic() < deadline:
        time.sleep(0.5)
    assert db.statuses() == {"sent": len(ids)}, output.read_text()
    assert worker.poll() is None, output.read_text()  # it never died
    arrived = smtp_server.message_ids()
    assert set(arrived) == set(ids)
    assert sum(arrived.values()) - len(ids) <= batch_size, arrived.most_common(3)
    worker.send_signal(signal.SIGTERM)
    log = _finish(started, timeout=15)
    assert "Delivering failed; trying again" in log or "The sweeps failed" in log


@pytest.mark.skipif(not POSTGRES, reason="cutting a server's connections is PostgreSQL's")
def test_a_worker_whose_database_goes_away_recovers_on_its_own(
    smtp_server, worker_db, start_worker
):
    """DESIGN §12 R3, as the worker sees a database restart: every connection it has is cut
    in the middle of delivering. It keeps running, reconnects, takes its unfinished claims
    back after the lease and delivers everything; a message sent but not yet recorded when
    the connection went may arrive twice (at most one batch)."""
    ids = worker_db.queue(60)
    smtp_server.delay = 0.03
    worker, output = start_worker(
        "worker", "--batch-size", "10", "--interval", "0.2", "--lease-seconds", "2"
    )
    assert smtp_server.wait_for(15, timeout=30), output.read_text()

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        assert cursor.fetchone()[0] >= 1  # the worker's connection was there, and is gone

    _assert_recovered(worker_db, (worker, output), smtp_server, ids, batch_size=10)


@pytest.mark.skipif(POSTGRES, reason="its server is its own: the SQLite run covers it")
def test_a_worker_recovers_on_its_own_when_postgresql_is_restarted(
    smtp_server, private_postgres, tmp_path
):
    """DESIGN §12 R3's restart, for real: a PostgreSQL server of the test's own is stopped in
    the middle of delivery, stays down for two seconds (connections refused) and starts
    again. The worker keeps running, reconnects, takes its unfinished claims back after the
    lease and delivers everything; at most one batch may arrive twice."""
    db = WorkerDatabase(
        {**_worker_env(tmp_path / "data"), "DATABASE_URL": private_postgres.url()},
        url=private_postgres.url(),
    )
    subprocess.run(_aterkoppla("migrate", "-v0"), env=db.env, timeout=120, check=True)  # noqa: S603
    ids = db.queue(60)
    smtp_server.delay = 0.03
    workers = Workers(db, smtp_server, tmp_path)
    try:
        worker, output = workers.start(
            "worker", "--batch-size", "10", "--interval", "0.2", "--lease-seconds", "2"
        )
        assert smtp_server.wait_for(15, timeout=30), output.read_text()
        private_postgres.restart(down_for=2)

        _assert_recovered(db, (worker, output), smtp_server, ids, batch_size=10)
    finally:
        workers.kill_all()
