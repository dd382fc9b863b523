"""R1–R3 (DESIGN §12) at full scale: the worker delivering 10,000 messages through faults.

Scenarios (``--only`` picks some; each gets a fresh, migrated database):

- **r1** — ``kill -9`` of the worker three times during the delivery, at a quarter, half and
  three quarters of the messages received, each time while it waits for the server's answer
  to a message the server has already accepted (the worst moment: that message will be
  sent again); after each kill a new worker starts at once and
  takes the dead one's claims back when their lease runs out. Pass: every message arrived,
  at most one duplicate per kill, every message ``sent``. Runs on SQLite and on PostgreSQL.
- **r2** — an SMTP server that answers 451 to 20 % of the DATA commands and drops the
  connection without an answer on 5 % more, and refuses (550) ten of the recipients. The
  worker runs ``--once`` passes; between passes the retry waits (a minute, doubling up to an
  hour) are skipped by making the queued messages due at once, as if that time had passed.
  Pass: every message but the refused arrived exactly once and is ``sent``; the ten refused
  are ``failed`` with the server's answer, never retried. Runs on SQLite and on PostgreSQL.
- **r3** — two workers at once on PostgreSQL. Pass: every message arrived exactly once, both
  workers sent some.
- **r4** — PostgreSQL restarted twice during the delivery (stopped in ``fast`` mode, two
  seconds down with connections refused, started again), at 30 % and 60 % of the messages
  received. Pass: the worker never dies, every message is ``sent``, and at most one batch
  per restart arrived twice (messages sent but not yet recorded when the connection went).

PostgreSQL is a server of the benchmark's own (``tests/pgcluster.py``: initdb in a temporary
folder, a free port), so restarting it touches nothing else on the machine. The workers are
the production command, ``python -m aterkoppla worker``, with its default batch size; the
lease is 5 s instead of 5 minutes (``--lease`` ) so that a run takes minutes, not a quarter
of an hour. The SMTP server is ``tests/smtp.py``'s aiosmtpd in a thread of this process.

Run by hand from the project root (never in the test suite)::

    .venv/bin/python bench/r_faults.py [--messages 10000] [--only r1,r2,r3,r4] \\
        [--databases sqlite,postgres] [--json results.json] [--keep]

Exit status: 0 PASS, 1 FAIL (a check failed), 2 the run could not be set up.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import machine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pgcluster import PrivatePostgres, server_programs  # noqa: E402
from tests.smtp import SMTPServer  # noqa: E402

SCENARIOS = ("r1", "r2", "r3", "r4")
BATCH_SIZE = 50  # the worker's default (aterkoppla.messaging.worker.BATCH_SIZE)
REFUSED = 10


@dataclass
class Result:
    scenario: str
    database: str
    messages: int
    seconds: float = 0.0
    passed: bool = False
    checks: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    figures: dict[str, object] = field(default_factory=dict)

    def check(self, ok: bool, text: str) -> None:
        (self.checks if ok else self.failures).append(text)


class Database:
    """One fresh database for a scenario, read by the benchmark without Django."""

    def __init__(self, url: str, sqlite_path: Path | None) -> None:
        self.url = url
        self.sqlite_path = sqlite_path

    def rows(self, query: str) -> list[tuple]:
        if self.sqlite_path is not None:
            with sqlite3.connect(self.sqlite_path, timeout=30) as db:
                return db.execute(query).fetchall()
        import psycopg

        try:
            with psycopg.connect(self.url, connect_timeout=2, autocommit=True) as db:
                cursor = db.execute(query)
                return cursor.fetchall() if cursor.description else []
        except psycopg.OperationalError:
            return []  # the server is restarting; ask again

    def statuses(self) -> dict[str, int]:
        return dict(self.rows("SELECT status, count(*) FROM messaging_message GROUP BY status"))

    def make_queued_due(self) -> None:
        now = "CURRENT_TIMESTAMP" if self.sqlite_path is None else "strftime('%Y-%m-%d %H:%M:%f')"
        self.rows(f"UPDATE messaging_message SET next_attempt_at = {now} WHERE status = 'queued'")  # noqa: S608

    def attempts(self) -> Counter[int]:
        return Counter(
            dict(self.rows("SELECT attempts, count(*) FROM messaging_message GROUP BY attempts"))
        )


class Bench:
    def __init__(self, work: Path, messages: int, lease: int) -> None:
        self.work = work
        self.messages = messages
        self.lease = lease
        self.postgres: PrivatePostgres | None = None
        self.sqlite_template: Path | None = None
        self.runs = 0
        self.processes: list[subprocess.Popen] = []

    # Environment and databases

    def env(self, url: str, server: SMTPServer) -> dict[str, str]:
        env = {
            key: value for key, value in os.environ.items() if key not in ("DEBUG", "SECRET_KEY")
        }
        env.update(server.environ())
        env.update(
            {
                "DATABASE_URL": url,
                "ATERKOPPLA_DATA_DIR": str(self.work / "data"),
                "LOG_LEVEL": "INFO",
                "PYTHONPATH": str(ROOT),
            }
        )
        return env

    def _migrate(self, url: str) -> None:
        env = {**os.environ, "DATABASE_URL": url, "ATERKOPPLA_DATA_DIR": str(self.work / "data")}
        subprocess.run(
            [sys.executable, "-m", "aterkoppla", "migrate", "-v0"], env=env, check=True, timeout=300
        )

    def database(self, kind: str) -> Database:
        self.runs += 1
        if kind == "sqlite":
            if self.sqlite_template is None:
                self.sqlite_template = self.work / "template.sqlite3"
                self._migrate(f"sqlite:///{self.sqlite_template}")
            path = self.work / f"run{self.runs}.sqlite3"
            shutil.copy(self.sqlite_template, path)
            return Database(f"sqlite:///{path}", path)
        if self.postgres is None:
            self.postgres = PrivatePostgres(database="template_bench").initialise()
            self._migrate(self.postgres.url())
        import psycopg

        name = f"run{self.runs}"
        with psycopg.connect(self.postgres.url("postgres"), autocommit=True) as db:
            db.execute(f'CREATE DATABASE "{name}" TEMPLATE template_bench')
        return Database(self.postgres.url(name), None)

    def queue(self, db: Database, server: SMTPServer) -> list[str]:
        code = (
            "import json; from tests.smtp import queue_test_messages; "
            f"print('IDS', json.dumps(queue_test_messages({self.messages})))"
        )
        result = subprocess.run(  # noqa: S603 — our own CLI
            [sys.executable, "-m", "aterkoppla", "shell", "-c", code],
            env=self.env(db.url, server),
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
        return json.loads(result.stdout.split("IDS ", 1)[1])

    # Workers

    def worker(self, name: str, db: Database, server: SMTPServer, *args: str) -> subprocess.Popen:
        log = (self.work / f"{name}.log").open("w")
        process = subprocess.Popen(  # noqa: S603 — our own CLI
            [
                sys.executable,
                "-m",
                "aterkoppla",
                "worker",
                "--lease-seconds",
                str(self.lease),
                *args,
            ],
            env=self.env(db.url, server),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        return process

    def log(self, name: str) -> str:
        return (self.work / f"{name}.log").read_text()

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
                process.wait()

    def wait_until_sent(self, db: Database, count: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if db.statuses() == {"sent": count}:
                return True
            time.sleep(0.5)
        return False

    # Scenarios

    def r1(self, kind: str, server: SMTPServer) -> Result:
        result = Result("r1", kind, self.messages)
        db = self.database(kind)
        ids = self.queue(db, server)
        server.clear()
        started = time.perf_counter()
        # Each kill lands mid-send, the worst moment: the server has accepted the message and
        # holds back its answer, so the worker dies before it can record it (stall_at).
        # Just past a quarter, half and three quarters, each inside a batch of 50 of the worker
        # then running (each starts where the last was killed), so that it also holds
        # claims it has not started on.
        points = [self.messages * kill // 4 + extra for kill, extra in ((1, 23), (2, 11), (3, 37))]
        server.stall_at(*points, seconds=10)
        current = self.worker("r1-0", db, server)
        claims_at_kill = []
        for kill, point in enumerate(points, 1):
            if not server.wait_for(point, timeout=600):
                result.check(False, f"kill {kill}: the messages did not arrive")
                return result
            current.send_signal(signal.SIGKILL)
            current.wait()
            claims_at_kill.append(db.statuses().get("sending", 0))
            current = self.worker(f"r1-{kill}", db, server)
        done = self.wait_until_sent(db, self.messages, timeout=600)
        result.seconds = time.perf_counter() - started
        current.send_signal(signal.SIGTERM)
        current.wait(timeout=60)
        arrived = server.message_ids()
        duplicates = sum(arrived.values()) - len(arrived)
        took_back = sum(self.log(f"r1-{n}").count("Took back") for n in range(1, 4))
        result.figures = {
            "claims in hand at each kill": claims_at_kill,
            "duplicates": duplicates,
            "'Took back' lines in the successors' logs": took_back,
        }
        result.check(done, f"every message sent ({db.statuses()})")
        result.check(
            set(arrived) == set(ids), f"every message arrived ({len(set(arrived))} of {len(ids)})"
        )
        result.check(duplicates <= 3, f"at most one duplicate per kill ({duplicates})")
        result.check(all(claims_at_kill), f"each kill left claims to take back ({claims_at_kill})")
        result.check(took_back >= 3, f"the successors took them back ({took_back} times)")
        return result

    def r2(self, kind: str, server: SMTPServer) -> Result:
        result = Result("r2", kind, self.messages)
        db = self.database(kind)
        self.queue(db, server)
        refused = {
            f"candidate{number}@example.se"
            for number in range(7, self.messages, self.messages // REFUSED)
        }
        for address in refused:
            server.refuse_recipient(address)
        server.clear()
        server.flaky(temporary=0.2, drops=0.05)
        started = time.perf_counter()
        passes = 0
        while passes < 30:
            passes += 1
            process = self.worker(f"r2-{passes}", db, server, "--once")
            process.wait(timeout=600)
            if process.returncode != 0:
                result.check(False, f"pass {passes} exited {process.returncode}")
                break
            if "queued" not in db.statuses():
                break
            db.make_queued_due()  # the retry waits pass
        result.seconds = time.perf_counter() - started
        server._flaky = None  # the server behaves again for the next scenario
        server._refused.clear()
        statuses = db.statuses()
        arrived = server.message_ids()
        failed = dict(
            db.rows("SELECT to_address, last_error FROM messaging_message WHERE status = 'failed'")
        )
        result.figures = {
            "passes": passes,
            "statuses": statuses,
            "attempts per message": dict(sorted(db.attempts().items())),
        }
        expected = self.messages - len(refused)
        result.check(statuses == {"sent": expected, "failed": len(refused)}, f"statuses {statuses}")
        result.check(
            len(arrived) == expected and set(arrived.values()) == {1},
            f"{len(arrived)} arrived, each once",
        )
        result.check(set(failed) == refused, "exactly the refused recipients failed")
        result.check(
            all("550" in error for error in failed.values()), "with the server's 550 recorded"
        )
        refused_attempts = db.rows(
            "SELECT max(attempts) FROM messaging_message WHERE status = 'failed'"
        )
        result.check(refused_attempts[0][0] == 1, "a refusal is never retried")
        return result

    def r3(self, kind: str, server: SMTPServer) -> Result:
        result = Result("r3", kind, self.messages)
        db = self.database(kind)
        ids = self.queue(db, server)
        server.clear()
        server.hold_until_clients(2, timeout=30)
        started = time.perf_counter()
        workers = [self.worker(f"r3-{n}", db, server, "--once") for n in (1, 2)]
        for process in workers:
            process.wait(timeout=600)
        result.seconds = time.perf_counter() - started
        server.hold_until_clients(0)
        sent = [
            int(self.log(f"r3-{n}").rsplit("Worker stopped: ", 1)[1].split()[0]) for n in (1, 2)
        ]
        arrived = server.message_ids()
        result.figures = {"sent by each worker": sent}
        result.check(
            db.statuses() == {"sent": self.messages}, f"every message sent ({db.statuses()})"
        )
        result.check(
            set(arrived) == set(ids) and set(arrived.values()) == {1},
            "every message arrived exactly once",
        )
        result.check(min(sent) > 0, "both workers sent")
        return result

    def r4(self, kind: str, server: SMTPServer) -> Result:
        result = Result("r4", kind, self.messages)
        db = self.database(kind)
        if self.postgres is None:
            raise RuntimeError("r4 needs the private PostgreSQL")
        ids = self.queue(db, server)
        server.clear()
        started = time.perf_counter()
        worker = self.worker("r4", db, server, "--interval", "0.5")
        downtime = []
        for share in (0.3, 0.6):
            if not server.wait_for(int(self.messages * share), timeout=600):
                result.check(False, f"{share:.0%}: the messages did not arrive")
                return result
            down = time.perf_counter()
            self.postgres.restart(down_for=2)
            downtime.append(round(time.perf_counter() - down, 1))
        done = self.wait_until_sent(db, self.messages, timeout=600)
        result.seconds = time.perf_counter() - started
        alive = worker.poll() is None
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)
        log = self.log("r4")
        arrived = server.message_ids()
        duplicates = sum(arrived.values()) - len(arrived)
        result.figures = {
            "seconds down, each restart": downtime,
            "duplicates": duplicates,
            "errors the worker logged and survived": log.count("Delivering failed; trying again")
            + log.count("The sweeps failed"),
        }
        result.check(alive, "the worker never died")
        result.check(done, f"every message sent ({db.statuses()})")
        result.check(
            set(arrived) == set(ids), f"every message arrived ({len(set(arrived))} of {len(ids)})"
        )
        result.check(
            duplicates <= 2 * BATCH_SIZE, f"at most one batch twice per restart ({duplicates})"
        )
        return result

    def close(self, keep: bool) -> None:
        self.stop_all()
        if self.postgres is not None:
            self.postgres.close()
        if not keep:
            shutil.rmtree(self.work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--only", default=",".join(SCENARIOS), help="e.g. r1,r4")
    parser.add_argument("--databases", default="sqlite,postgres", help="for r1 and r2")
    parser.add_argument("--lease", type=int, default=5, help="the workers' lease in seconds")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    chosen = [name for name in args.only.split(",") if name]
    kinds = [name for name in args.databases.split(",") if name]
    if not set(chosen) <= set(SCENARIOS) or not set(kinds) <= {"sqlite", "postgres"}:
        parser.error(f"--only from {', '.join(SCENARIOS)}; --databases from sqlite, postgres")
    if args.messages < 100:
        parser.error("--messages ≥ 100, please")
    if server_programs() is None and ("postgres" in kinds or {"r3", "r4"} & set(chosen)):
        print("PostgreSQL's server programs (initdb, pg_ctl) are not installed.", file=sys.stderr)
        return 2

    def on_term(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    work = Path(tempfile.mkdtemp(prefix="aterkoppla-faults-"))
    bench = Bench(work, args.messages, args.lease)
    info = machine.machine_info("SQLite and a private PostgreSQL")
    print(
        f"R1–R3: {info['cpus']} CPUs ({info['cpu_model']}), {info['memory']}, Python "
        f"{info['python']}, Django {info['django']}; load before {info['load_before']}; "
        f"{args.messages} messages a scenario, lease {args.lease} s; folder {work}",
        flush=True,
    )
    results: list[Result] = []
    try:
        with SMTPServer() as server:
            for name in chosen:
                for kind in kinds if name in ("r1", "r2") else ["postgres"]:
                    busy0 = machine.machine_busy()
                    result = getattr(bench, name)(kind, server)
                    busy1 = machine.machine_busy()
                    result.passed = not result.failures
                    result.figures["machine busy"] = (
                        f"{(busy1[0] - busy0[0]) / max(1, busy1[1] - busy0[1]):.0%}"
                    )
                    results.append(result)
                    print(
                        f"\n{name} on {kind}: {'PASS' if result.passed else 'FAIL'} in "
                        f"{result.seconds:.1f} s",
                        flush=True,
                    )
                    for text in result.checks:
                        print(f"  ok    {text}")
                    for text in result.failures:
                        print(f"  FAIL  {text}")
                    for key, value in result.figures.items():
                        print(f"  {key}: {value}")
                    bench.stop_all()
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 2
    finally:
        bench.close(args.keep)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2, default=str))
    verdict = all(result.passed for result in results)
    print(f"\nR1–R3: {'PASS' if verdict else 'FAIL'}")
    return 0 if verdict else 1


if __name__ == "__main__":
    raise SystemExit(main())
