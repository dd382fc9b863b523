"""B6 — the candidate-experience figures over many applications, counted in the database.

DESIGN §12 names no target for the figures; the issue behind them asks that they are counted in
the database with a query count independent of data size. This measures, on PostgreSQL (or
SQLite without ``--postgres``), ``metrics_report`` over every recruitment and over one, and the
report for the active measures, on ``--applications`` applications spread over
``--recruitments`` recruitments, each with its acknowledgement, its promise, and for a share of
them a feedback call with attempts, a request for the written information and a survey answer.
The rows are written directly (bulk inserts), as the services would leave them.

    .venv/bin/python bench/b6_metrics.py [--applications 200000] [--recruitments 1000] \\
        [--postgres [postgres://postgres@127.0.0.1:5432/aterkoppla_bench_b6]] [--repeat 5]

Checks: the query counts of every measured call are the same at a tenth of the data and at
all of it (exit status 1 otherwise); the totals add up to what was written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.machine import machine_busy, machine_info  # noqa: E402

DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/aterkoppla_bench_b6"
BATCH = 5000


def postgres_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    dbname = urlsplit(url).path.lstrip("/")
    if "bench" not in dbname:
        raise SystemExit(f"refusing to drop and create {dbname!r}: its name must contain 'bench'")
    maintenance = urlsplit(url)._replace(path="/postgres").geturl()
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))


def populate(total: int, recruitments: int, start: int = 0) -> None:
    """``total`` applications (numbered from ``start``) over the first ``recruitments``."""
    from django.db import transaction
    from django.utils import timezone

    from aterkoppla.accounts.models import User
    from aterkoppla.applications.models import Application, Candidate, Promise
    from aterkoppla.decisions.models import (
        CallAttempt,
        CallTask,
        Decision,
        DecisionItem,
        DisclosureRequest,
    )
    from aterkoppla.experience.models import SurveyResponse
    from aterkoppla.messaging.models import Kind, Message
    from aterkoppla.recruitment.models import Recruitment

    owner, _ = User.objects.get_or_create(username="bench-owner")
    existing = list(Recruitment.objects.order_by("pk"))
    for number in range(len(existing), recruitments):
        existing.append(
            Recruitment.objects.create(title=f"Tjänst {number}", owner=owner, status="closed")
        )
    decisions = {r.pk: Decision.objects.create(recruitment=r, decided_by=owner) for r in existing}
    base = timezone.now() - dt.timedelta(days=200)
    for first in range(start, start + total, BATCH):
        numbers = range(first, min(first + BATCH, start + total))
        with transaction.atomic():
            candidates = Candidate.objects.bulk_create(
                Candidate(first_name="P", last_name=str(n), email=f"p{n}@example.se")
                for n in numbers
            )
            applications = []
            for n, candidate in zip(numbers, candidates, strict=True):
                received = base + dt.timedelta(minutes=n % 250_000)
                rejected = n % 3 != 0
                applications.append(
                    Application(
                        candidate=candidate,
                        recruitment=existing[n % recruitments],
                        source="form",
                        received_at=received,
                        stage_changed_at=received,
                        stage="rejected" if rejected else "screening",
                        closed_from_stage="screening" if rejected else "",
                        reply_by=(received + dt.timedelta(days=14)).date(),
                        final_answer_at=received + dt.timedelta(days=10 + n % 9)
                        if rejected
                        else None,
                        interviewed=n % 10 == 1,
                    )
                )
            applications = Application.objects.bulk_create(applications)
            Message.objects.bulk_create(
                Message(
                    application=a,
                    kind=Kind.ACKNOWLEDGEMENT,
                    channel="email",
                    to_address=a.candidate.email,
                    from_address="jobb@example.se",
                    language="sv",
                    subject="Tack",
                    body_text="Tack för din ansökan.",
                    status="sent",
                    sent_at=a.received_at + dt.timedelta(minutes=a.pk % 90),
                    dedupe_key=f"bench-ack:{a.pk}",
                    message_id=f"<bench-{a.pk}@example.se>",
                )
                for a in applications
            )
            Promise.objects.bulk_create(
                Promise(
                    application=a,
                    due=a.reply_by,
                    given_at=a.received_at,
                    closed_at=a.final_answer_at,
                    outcome=(
                        ""
                        if a.final_answer_at is None
                        else "kept"
                        if a.final_answer_at.date() <= a.reply_by
                        else "broken"
                    ),
                )
                for a in applications
            )
            called = [a for a in applications if a.interviewed and a.stage == "rejected"]
            items = DecisionItem.objects.bulk_create(
                DecisionItem(
                    decision=decisions[a.recruitment_id],
                    application=a,
                    result="rejected",
                    channel="call",
                )
                for a in called
            )
            tasks = CallTask.objects.bulk_create(
                CallTask(
                    application=a,
                    item=item,
                    due=a.final_answer_at.date(),
                    status="done" if a.pk % 4 else "written",
                )
                for a, item in zip(called, items, strict=True)
            )
            CallAttempt.objects.bulk_create(
                CallAttempt(task=task, outcome="reached" if i == 1 else "no_answer")
                for task in tasks
                for i in range(2 if task.status == "done" else 3)
            )
            answered = [a for a in applications if a.final_answer_at and a.pk % 5 == 0]
            SurveyResponse.objects.bulk_create(
                SurveyResponse(
                    application=a,
                    language="sv",
                    recommend=a.pk % 11,
                    clear_reason="yes",
                    respectful="partly",
                    outcome="rejected",
                    channel="call" if a.interviewed else "written",
                )
                for a in answered
            )
            DisclosureRequest.objects.bulk_create(
                DisclosureRequest(
                    application=a,
                    via="portal",
                    due=a.final_answer_at.date() + dt.timedelta(days=14),
                    status="answered",
                    answered_at=a.final_answer_at + dt.timedelta(days=a.pk % 20),
                )
                for a in applications
                if a.final_answer_at and a.pk % 50 == 0
            )


def measure(repeat: int):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from aterkoppla.experience.active_measures import active_measures
    from aterkoppla.experience.metrics import Period, metrics_report
    from aterkoppla.recruitment.models import Recruitment

    recruitments = list(Recruitment.objects.order_by("pk"))
    one = recruitments[:1]
    year = timezone.localdate().year
    cases = {
        "all recruitments": lambda: metrics_report(recruitments=recruitments, period=Period()),
        "one recruitment": lambda: metrics_report(recruitments=one, period=Period()),
        "active measures, all": lambda: active_measures(recruitments=recruitments, year=year),
    }
    results = {}
    for name, run in cases.items():
        reset_queries()  # the log keeps at most 9,000: start it empty
        with CaptureQueriesContext(connection) as captured:
            result = run()
        queries = len(captured)  # read now: the log is emptied below
        times = []
        for _ in range(repeat):
            reset_queries()
            began = time.perf_counter()
            run()
            times.append(time.perf_counter() - began)
        results[name] = (queries, times, result)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applications", type=int, default=200_000)
    parser.add_argument("--recruitments", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", nargs="?", const=DEFAULT_POSTGRES, default=None)
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="aterkoppla-b6-"))
    for name in ("DATABASE_URL", "DEBUG", "SECRET_KEY"):
        os.environ.pop(name, None)
    if args.postgres:
        postgres_database(args.postgres)
        os.environ["DATABASE_URL"] = args.postgres
        database = "PostgreSQL"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
        database = "SQLite"
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "aterkoppla.settings",
            "ATERKOPPLA_DATA_DIR": str(work / "data"),
            "LOG_LEVEL": "WARNING",
            # No query log while measuring (CaptureQueriesContext turns it on for the count).
            "DEBUG": "0",
            "ALLOWED_HOSTS": "localhost",
        }
    )
    import django

    django.setup()
    from django.core.management import call_command

    from aterkoppla.applications.retention import RetentionRefused  # noqa: F401 - app ready

    call_command("migrate", interactive=False, verbosity=0)
    info = machine_info(database)
    print(
        f"B6: {info['cpus']} CPUs ({info['cpu_model']}), {info['memory']}, Python "
        f"{info['python']}, Django {info['django']}, {database}; load before {info['load_before']}"
    )
    tenth = args.applications // 10
    began = time.perf_counter()
    populate(tenth, args.recruitments)
    small = measure(1)
    populate(args.applications - tenth, args.recruitments, start=tenth)
    if args.postgres:
        # What autovacuum does soon after bulk writes: without table statistics the planner
        # takes the new tables for empty.
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"B6: {args.applications} applications in {args.recruitments} recruitments written "
        f"in {time.perf_counter() - began:.0f} s"
    )
    busy_before = machine_busy()
    large = measure(args.repeat)
    busy_after = machine_busy()
    status = 0
    print(f"{'case':24} {'queries':>8} {'at 1/10':>8} {'median s':>9} {'min s':>7} {'max s':>7}")
    for name, (queries, times, _result) in large.items():
        same = queries == small[name][0]
        status |= 0 if same else 1
        print(
            f"{name:24} {queries:>8} {small[name][0]:>8} {statistics.median(times):>9.3f} "
            f"{min(times):>7.3f} {max(times):>7.3f}{'' if same else '  QUERY COUNT GREW'}"
        )
    total = large["all recruitments"][2].total
    if total.applications != args.applications:
        print(f"B6: INVALID: counted {total.applications} applications")
        return 2
    busy = (busy_after[0] - busy_before[0]) / max(1, busy_after[1] - busy_before[1])
    print(f"B6: machine busy {busy:.0%} while measuring; figures: {total.api()}")
    print("B6:", "PASS" if status == 0 else "FAIL")
    return status


if __name__ == "__main__":
    sys.exit(main())
