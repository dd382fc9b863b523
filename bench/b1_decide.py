"""B1 (DESIGN §12): decide a recruitment of 10,000 applications and deliver the rejections.

Target: deciding a recruitment of 10,000 applications (20 interviewed, 1 hired) — all
written rejections delivered to a local SMTP server, the call tasks created — takes at most
twice the time of plain ``smtplib`` sending the same number of messages to the same server
in the same run; the worker's peak memory is at most 200 MB.

What it does, for each run (``--repeat``), in a fresh copy of a migrated database:

1. setup (not timed): a database (SQLite file in a temporary folder, or a PostgreSQL database
   of our own), the organisation, an owner and a hiring manager, an open recruitment with a
   three-criterion profile put in force, and ``--applications`` open applications (bulk
   inserts) with merits and a promised answer date; every candidate has an email address
   except every hundredth (a letter), every tenth writes in English, every third was marked
   for rejection at screening with a reason; 20 are interviewed (stage ``interview``,
   ``interviewed=True``). Then a warm-up: a four-candidate decision on another recruitment,
   so that phase A runs in a process that has loaded its URLs, lexicons and templates, as a
   web worker that has served requests has (letters only: nothing of it reaches phase B);
2. phase A (timed, in this process, as a request would): one ``decision_record`` hiring
   one interviewed candidate and rejecting the 19 others (a decisive criterion and an
   explanation each: call tasks) and everyone else (written rejections). Checks: 19 call
   tasks; one email per candidate with an address and one letter to print per candidate
   without. A message the language check holds is reported and not sent; it does not
   invalidate the run;
3. phase B (timed): ``python -m aterkoppla worker --once`` — the production command, in its
   own process, with the environment a deployment gives it — delivers the queue to an
   aiosmtpd server on 127.0.0.1 (``tests/smtp.py``'s ``SMTPServer``, in a thread of
   this process). The time is the worker process's whole life, Django's start included. A
   bare launcher process starts it and reports its peak resident memory (``ru_maxrss`` of its
   only child: a child of this process would also count this process's memory, which Linux
   carries across exec); ``VmHWM`` polled from /proc is printed beside it as a check.
   Checks: every queued Message-ID arrived exactly once and every email is ``sent``;
4. baseline (timed): a separate Python process with nothing but the standard library builds
   the same messages (sender, recipient, subject, text and HTML part as stored; the lean
   ``email.mime`` classes, UTF-8 bodies 8bit or quoted-printable as Django sends them) and
   sends them with ``smtplib.sendmail`` over ONE connection to the same server. Building and
   sending are timed (and shown) apart; the baseline is their sum. No interpreter start or
   file reading is timed, while phase B counts the worker's start: both make the ratio
   stricter, not looser. "Against sending alone" compares with the sending part only.

``--breakdown`` times the parts of phase A (wrapping the functions where they are looked
up); ``--profile`` runs phase A and the worker under cProfile and prints the hot spots (the
times are then inflated and no verdict is given).

Run by hand from the project root (never in the test suite)::

    .venv/bin/python bench/b1_decide.py [--applications 10000] [--repeat 1]
    .venv/bin/python bench/b1_decide.py --postgres [postgres://postgres@127.0.0.1:5432/aterkoppla_bench_b1]

Exit status: 0 PASS, 1 FAIL (a target missed), 2 invalid run (a check failed, setup error).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import machine

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 2.0
TARGET_PEAK_MB = 200.0
INTERVIEWED = 20
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/aterkoppla_bench_b1"

FIRST_NAMES = ["Sara", "Ali", "Emma", "Nils", "Olle", "Fatima", "Johan", "Maria", "Erik", "Lina"]
LAST_NAMES = ["Ek", "Hassan", "Berg", "Holm", "Lind", "Nilsson", "Karlsson", "Ahmed", "Sund"]
# Reasons written at screening, each in the candidate's language (a reason in another
# language is refused by the decision).
SCREENING_REASONS = {
    "sv": [
        "Tjänsten kräver truckkort A+B, och det framgick inte av din ansökan.",
        "Vi sökte någon med minst två års erfarenhet av lagerarbete.",
    ],
    "en": [
        "The job requires a forklift licence (A+B), which your application did not show.",
        "We were looking for someone with at least two years of warehouse work.",
    ],
}


class InvalidRun(RuntimeError):
    """A check failed: the figures of this run mean nothing."""


# --- The database ------------------------------------------------------------------------------


def postgres_database(url: str, *, create: bool, template: str | None = None) -> None:
    """Create (after dropping) or drop the database named in ``url``."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    dbname = parts.path.lstrip("/")
    if "bench" not in dbname:
        raise SystemExit(f"refusing to drop and create {dbname!r}: its name must contain 'bench'")
    maintenance = parts._replace(path="/postgres").geturl()
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname))
        )
        if create and template:
            conn.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(dbname), sql.Identifier(template)
                )
            )
        elif create:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))


def postgres_settings(url: str) -> str:
    import psycopg

    with psycopg.connect(url) as conn:
        version = conn.execute("SHOW server_version").fetchone()[0]
        sync = conn.execute("SHOW synchronous_commit").fetchone()[0]
        fsync = conn.execute("SHOW fsync").fetchone()[0]
    return f"PostgreSQL {version} (synchronous_commit={sync}, fsync={fsync})"


class Databases:
    """A migrated template, and a fresh copy of it for each run.

    Django in this process is pointed at each copy in turn; the worker gets its URL.
    """

    def __init__(self, work: Path, postgres_url: str | None) -> None:
        self.work = work
        self.postgres_url = postgres_url
        if postgres_url:
            parts = urlsplit(postgres_url)
            self.name = parts.path.lstrip("/")
            self.template = f"{self.name}_template"
            self.template_url = parts._replace(path=f"/{self.template}").geturl()
            postgres_database(self.template_url, create=True)
            self.first_url = self.template_url
        else:
            self.template_path = work / "template.sqlite3"
            self.first_url = f"sqlite:///{self.template_path}"
        self.current_url = self.first_url

    def describe(self) -> str:
        if self.postgres_url:
            return postgres_settings(self.template_url)
        return f"SQLite {sqlite3.sqlite_version} (WAL, synchronous=NORMAL, BEGIN IMMEDIATE)"

    def migrate_template(self) -> None:
        from django.core.management import call_command
        from django.db import connections

        call_command("migrate", interactive=False, verbosity=0)
        connections.close_all()
        if not self.postgres_url:
            with sqlite3.connect(self.template_path) as db:
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def fresh(self, run: int) -> str:
        """A new database for run ``run``; returns its URL, Django points at it."""
        from django.db import connections

        connections.close_all()
        default = connections["default"].settings_dict
        if self.postgres_url:
            postgres_database(self.postgres_url, create=True, template=self.template)
            default["NAME"] = self.name
            self.current_url = self.postgres_url
        else:
            path = self.work / f"run{run}.sqlite3"
            shutil.copy(self.template_path, path)
            default["NAME"] = str(path)
            self.current_url = f"sqlite:///{path}"
        return self.current_url

    def drop(self) -> None:
        from django.db import connections

        connections.close_all()
        if self.postgres_url:
            postgres_database(self.postgres_url, create=False)
            postgres_database(self.template_url, create=False)


# --- Setup (not timed) -------------------------------------------------------------------------


@dataclass
class Setup:
    recruitment_id: int
    owner_id: int
    hired: int
    interviewed: list[int]
    others: list[int]
    criterion: int
    with_email: int
    without_email: int


def setup_data(applications: int) -> Setup:
    import datetime as dt

    from django.db import transaction
    from django.utils import timezone

    from aterkoppla.accounts.models import User
    from aterkoppla.applications.models import Application, Candidate, Merit
    from aterkoppla.organisation.models import Organisation
    from aterkoppla.recruitment.models import Criterion, Recruitment, TeamMembership
    from aterkoppla.recruitment.services import (
        CriterionSpec,
        profile_freeze,
        recruitment_create,
        team_member_add,
    )
    from aterkoppla.timeline.services import timeline_event, timeline_record_many

    today = timezone.localdate()
    with transaction.atomic():
        organisation = Organisation.current()
        organisation.name = "Exempel AB"
        organisation.sender_email = "rekrytering@example.se"
        organisation.contact_email = "rekrytering@example.se"
        organisation.phone = "+46361234567"
        organisation.save()
        owner = User.objects.create_user(
            "bench-owner", first_name="Bengt", last_name="Bänk", is_recruiter=True
        )
        manager = User.objects.create_user(
            "bench-manager", first_name="Hanna", last_name="Chef", email="hanna@example.se"
        )
        job = recruitment_create(
            owner=owner,
            title="Lagerarbetare",
            description="Plock och pack på vårt lager i Jönköping.",
            job_tasks="Plocka order\nKöra truck\nInventera",
            status=Recruitment.Status.OPEN,
            location="Jönköping",
            application_deadline=today + dt.timedelta(days=30),
            first_reply_by=today + dt.timedelta(days=45),
            criteria=[
                CriterionSpec(
                    name="Truckkort A+B", category=Criterion.Category.EDUCATION, weight=5
                ),
                CriterionSpec(name="Erfarenhet av lagerarbete", weight=4),
                CriterionSpec(
                    name="Noggrannhet",
                    kind=Criterion.Kind.MERIT,
                    weight=2,
                    category=Criterion.Category.PERSONAL,
                ),
            ],
        )
        team_member_add(
            recruitment=job, by=owner, user=manager, role=TeamMembership.Role.HIRING_MANAGER
        )
        profile_freeze(recruitment=job, by=owner)
        criterion = job.criteria.order_by("pk")[1].pk

    now = timezone.now()
    # The interviewed are spread over the list and all have an email address and a phone.
    step = max(1, applications // INTERVIEWED)
    interviewed_at = {n * step + 1 for n in range(min(INTERVIEWED, applications))}
    candidates, rows = [], []
    for n in range(applications):
        no_email = n % 100 == 99 and n not in interviewed_at
        candidates.append(
            Candidate(
                first_name=FIRST_NAMES[n % len(FIRST_NAMES)],
                last_name=f"{LAST_NAMES[n % len(LAST_NAMES)]}{n}",
                email="" if no_email else f"kandidat{n}@example.se",
                phone=f"+4670{n:07d}" if no_email or n in interviewed_at else "",
                language="en" if n % 10 == 3 else "sv",
            )
        )
    with transaction.atomic():
        Candidate.objects.bulk_create(candidates, batch_size=1000)
        if candidates[0].pk is None:
            ids = dict(Candidate.objects.values_list("last_name", "pk"))
            for candidate in candidates:
                candidate.pk = ids[candidate.last_name]
        for n, candidate in enumerate(candidates):
            interviewed = n in interviewed_at
            marked = n % 3 == 0 and not interviewed
            reasons = SCREENING_REASONS[candidate.language]
            reason = reasons[n % len(reasons)] if marked else ""
            rows.append(
                Application(
                    candidate=candidate,
                    recruitment=job,
                    source=Application.Source.FORM,
                    received_at=now - dt.timedelta(minutes=n),
                    stage=(
                        Application.Stage.INTERVIEW
                        if interviewed
                        else Application.Stage.SCREENING
                        if n % 2
                        else Application.Stage.RECEIVED
                    ),
                    reply_by=today + dt.timedelta(days=14),
                    interviewed=interviewed,
                    marked_for_rejection=marked,
                    rejection_reason=reason,
                )
            )
        Application.objects.bulk_create(rows, batch_size=1000)
        if rows[0].pk is None:
            ids = dict(
                Application.objects.filter(recruitment=job).values_list("candidate_id", "pk")
            )
            for row in rows:
                row.pk = ids[row.candidate_id]
        merits = []
        for n, row in enumerate(rows):
            merits += [
                Merit(application=row, kind="education", field="truckkort A+B", to_year=2021)
                if n % 2
                else Merit(application=row, kind="education", level="upper_secondary"),
                Merit(application=row, kind="experience", role="lagerarbetare", years=n % 7 + 1),
            ]
            if n % 4 == 0:
                merits.append(Merit(application=row, kind="other", field="B-körkort"))
        Merit.objects.bulk_create(merits, batch_size=1000)
        for start in range(0, len(rows), 1000):
            timeline_record_many(
                timeline_event(
                    application=row,
                    at=row.received_at,
                    kind="received",
                    data={"source": row.source, "reply_by": row.reply_by.isoformat()},
                )
                for row in rows[start : start + 1000]
            )
    interviewed = [row.pk for n, row in enumerate(rows) if n in interviewed_at]
    others = [row.pk for n, row in enumerate(rows) if n not in interviewed_at]
    without = sum(1 for n, c in enumerate(candidates) if not c.email and n not in interviewed_at)
    return Setup(
        recruitment_id=job.pk,
        owner_id=owner.pk,
        hired=interviewed[0],
        interviewed=interviewed[1:],
        others=others,
        criterion=criterion,
        with_email=len(others) - without,
        without_email=without,
    )


def warm_up(setup: Setup) -> None:
    """A small decision on another recruitment, before phase A and not timed.

    A web worker that takes the real decision has served requests before: its URLs are
    loaded, the language check has read its lexicons, templates are compiled. A fresh
    process pays for that on its first message (about half a second here), which is not the
    cost of deciding. The warm-up's rejections are letters (no email address), so the worker
    has nothing of it to send.
    """
    import datetime as dt

    from django.utils import timezone

    from aterkoppla.accounts.models import User
    from aterkoppla.applications.models import Application, Candidate, Merit
    from aterkoppla.decisions.services import RejectionInput, decision_record
    from aterkoppla.recruitment.models import Recruitment
    from aterkoppla.recruitment.services import CriterionSpec, recruitment_create

    owner = User.objects.get(pk=setup.owner_id)
    today = timezone.localdate()
    job = recruitment_create(
        owner=owner,
        title="Truckförare",
        status=Recruitment.Status.OPEN,
        application_deadline=today + dt.timedelta(days=30),
        first_reply_by=today + dt.timedelta(days=45),
        criteria=[CriterionSpec(name="Truckkort A+B", weight=5)],
    )
    rows = []
    for n, (language, interviewed) in enumerate(
        [("sv", True), ("en", True), ("sv", False), ("en", False)]
    ):
        candidate = Candidate.objects.create(
            first_name="Uppvärmning",
            last_name=f"Kandidat{n}",
            email=f"uppvarmning{n}@example.se" if interviewed else "",
            phone="+46700000000",
            language=language,
        )
        rows.append(
            Application.objects.create(
                candidate=candidate,
                recruitment=job,
                source=Application.Source.FORM,
                stage=Application.Stage.INTERVIEW if interviewed else Application.Stage.RECEIVED,
                interviewed=interviewed,
                reply_by=today + dt.timedelta(days=14),
            )
        )
        Merit.objects.create(application=rows[-1], kind="education", field="truckkort A+B")
    criterion = job.criteria.get().pk
    decision_record(
        recruitment=job,
        by=owner,
        hired=[rows[0].pk],
        rejections=[
            RejectionInput(rows[1].pk, (criterion,), "We chose someone with more experience."),
            RejectionInput(rows[2].pk),
            RejectionInput(rows[3].pk),
        ],
    )


# --- Phase A: the decision ---------------------------------------------------------------------


@dataclass
class PhaseA:
    seconds: float
    queries: int
    sql_seconds: float
    calls: int
    emails: int
    letters: int
    held: int


class QueryCounter:
    """Counts SQL statements and the time spent in them (driver and database)."""

    def __init__(self) -> None:
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started


# --breakdown: the parts of phase A, timed by wrapping the functions where they are looked up.
BREAKDOWN = [
    ("aterkoppla.decisions.services", "decision_plan", "decision_plan (checks, reads)"),
    ("aterkoppla.decisions.services", "_call_tasks", "_call_tasks (19 interviewed)"),
    ("aterkoppla.decisions.services", "applications_close", "applications_close (all batches)"),
    ("aterkoppla.decisions.services", "messages_queue_bulk", "messages_queue_bulk (all batches)"),
    ("aterkoppla.messaging.services", "_compose", "  _compose (one per message)"),
    ("aterkoppla.messaging.services", "_context", "    _context"),
    ("aterkoppla.messaging.services", "render_strings", "    render_strings (Jinja)"),
    ("aterkoppla.messaging.services", "message_review", "    message_review (language check)"),
    ("aterkoppla.messaging.services", "to_html", "    to_html (HTML part, urlize)"),
    ("aterkoppla.messaging.services", "portal_token_new", "  portal_token_new"),
]


class Breakdown:
    """Inclusive time and calls of the functions in BREAKDOWN and of bulk_create per model."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._restore: list[tuple[object, str, object]] = []

    def _timed(self, label: str, function):
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[label] = self.seconds.get(label, 0.0) + time.perf_counter() - started
                self.calls[label] = self.calls.get(label, 0) + 1

        return timed

    def __enter__(self) -> Breakdown:
        import importlib

        from django.db.models.query import QuerySet

        for module_name, name, label in BREAKDOWN:
            module = importlib.import_module(module_name)
            original = getattr(module, name)
            self._restore.append((module, name, original))
            setattr(module, name, self._timed(label, original))
        bulk_create = QuerySet.bulk_create
        self._restore.append((QuerySet, "bulk_create", bulk_create))
        breakdown = self

        def timed_bulk_create(queryset, *args, **kwargs):
            label = f"bulk_create {queryset.model.__name__}"
            return breakdown._timed(label, bulk_create)(queryset, *args, **kwargs)

        QuerySet.bulk_create = timed_bulk_create
        return self

    def __exit__(self, *exc_info: object) -> None:
        for owner, name, original in reversed(self._restore):
            setattr(owner, name, original)

    def report(self, phase: PhaseA) -> str:
        lines = ["  phase A breakdown (inclusive seconds; wrappers add a little):"]
        labels = [label for _m, _n, label in BREAKDOWN]
        labels += sorted(label for label in self.seconds if label.startswith("bulk_create"))
        for label in labels:
            if label in self.seconds:
                lines.append(
                    f"    {label:<40} {self.seconds[label]:7.2f} s  ({self.calls[label]} calls)"
                )
        outside = phase.seconds - sum(
            self.seconds.get(label, 0.0)
            for _m, name, label in BREAKDOWN
            if name in ("decision_plan", "_call_task", "messages_queue_bulk")
        )
        lines.append(f"    {'rest of decision_record':<40} {outside:7.2f} s")
        lines.append(
            f"    {'all SQL statements (driver + database)':<40} {phase.sql_seconds:7.2f} s  "
            f"({phase.queries} statements)"
        )
        return "\n".join(lines)


def phase_a(setup: Setup, profile: Path | None, breakdown: Breakdown | None = None) -> PhaseA:
    from django.db import connection

    from aterkoppla.accounts.models import User
    from aterkoppla.decisions.models import CallTask
    from aterkoppla.decisions.services import RejectionInput, decision_record
    from aterkoppla.messaging.models import Kind, Message
    from aterkoppla.recruitment.models import Recruitment

    recruitment = Recruitment.objects.get(pk=setup.recruitment_id)
    owner = User.objects.get(pk=setup.owner_id)
    rejections = [
        RejectionInput(
            pk,
            (setup.criterion,),
            "Vi valde en kandidat med längre erfarenhet av lagerarbete och truck.",
        )
        for pk in setup.interviewed
    ] + [RejectionInput(pk) for pk in setup.others]
    counter = QueryCounter()
    profiler = None
    if profile is not None:
        import cProfile

        profiler = cProfile.Profile()
    with connection.execute_wrapper(counter), breakdown or contextlib.nullcontext():
        started = time.perf_counter()
        if profiler is not None:
            profiler.enable()
        outcome = decision_record(
            recruitment=recruitment, by=owner, hired=[setup.hired], rejections=rejections
        )
        if profiler is not None:
            profiler.disable()
        seconds = time.perf_counter() - started
    if profiler is not None:
        profiler.dump_stats(profile)
    result = PhaseA(
        seconds=seconds,
        queries=counter.count,
        sql_seconds=counter.seconds,
        calls=len(outcome.calls),
        emails=outcome.emails,
        letters=outcome.letters,
        held=outcome.held,
    )
    # Checks: what the decision owes, in the database.
    problems = []
    tasks = CallTask.objects.filter(application__recruitment_id=setup.recruitment_id).count()
    if tasks != len(setup.interviewed) or result.calls != len(setup.interviewed):
        problems.append(f"{tasks} call tasks, not {len(setup.interviewed)}")
    # A message the language check stops is held for a person, not sent: reported, not a
    # failure of the run; but every candidate must have exactly one rejection.
    ours = Message.objects.filter(application__recruitment_id=setup.recruitment_id)
    rejections_qs = ours.filter(kind=Kind.REJECTION)
    emails = rejections_qs.filter(channel=Message.Channel.EMAIL).count()
    letters = rejections_qs.filter(channel=Message.Channel.LETTER).count()
    queued = rejections_qs.filter(status=Message.Status.QUEUED).count()
    if (emails, letters) != (setup.with_email, setup.without_email) or queued != result.emails:
        problems.append(
            f"{emails} emails ({queued} queued), {letters} letters, {result.held} held; "
            f"expected {setup.with_email} emails and {setup.without_email} letters"
        )
    if ours.exclude(kind=Kind.REJECTION).exists():
        problems.append("messages other than rejections were queued")
    if Message.objects.filter(channel=Message.Channel.EMAIL).exclude(
        application__recruitment_id=setup.recruitment_id
    ):
        problems.append("the warm-up queued emails")
    if problems:
        raise InvalidRun("phase A: " + "; ".join(problems))
    return result


def export_queue(path: Path) -> list[str]:
    """Write the queued emails, as stored, for the baseline; return their Message-IDs."""
    from aterkoppla.messaging.models import Message

    ids = []
    with path.open("w", encoding="utf-8") as out:
        queued = Message.objects.filter(
            channel=Message.Channel.EMAIL, status=Message.Status.QUEUED
        ).order_by("pk")
        for row in queued.values(
            "from_address",
            "to_name",
            "to_address",
            "subject",
            "body_text",
            "body_html",
            "language",
            "message_id",
        ).iterator(chunk_size=1000):
            ids.append(row["message_id"])
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return ids


# --- Phase B: the worker -----------------------------------------------------------------------


@dataclass
class PhaseB:
    seconds: float  # the worker process, from its start to its exit
    first_message: float  # seconds from the worker's start to the first message at the server
    peak_mb: float  # ru_maxrss of the worker, from its launcher's wait
    hwm_mb: float  # VmHWM seen while polling /proc (a check on the above)
    received: int
    mean_bytes: float
    worker_output: str = field(repr=False, default="")


# The worker is started by this small launcher, not by the benchmark itself: a child's
# ru_maxrss also counts the memory of the process it was forked from (Linux carries the
# high-water mark across exec), and the benchmark process holds Django and the data. The
# launcher is a bare Python of a few MB; it times the worker and reports its peak RSS.
LAUNCHER = r"""
import json, resource, subprocess, sys, time
started = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=sys.stderr)
print(json.dumps({"pid": process.pid}), flush=True)
code = process.wait()
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": code, "seconds": seconds, "maxrss_kb": peak}), flush=True)
"""


def _vm_hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def phase_b(
    server, env: dict[str, str], expected_ids: list[str], work: Path, options: argparse.Namespace
) -> PhaseB:
    from django.db.models import Count

    from aterkoppla.messaging.models import Kind, Message

    argv = [sys.executable]
    if options.profile:
        argv += ["-m", "cProfile", "-o", str(work / "worker.prof")]
    argv += ["-m", "aterkoppla", "worker", "--once"]
    if options.batch_size:
        argv += ["--batch-size", str(options.batch_size)]
    log = work / "worker.log"
    with log.open("w") as out:
        launcher = subprocess.Popen(  # noqa: S603 — our own interpreter and code
            [sys.executable, "-S", "-c", LAUNCHER, *argv],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=out,
            text=True,
        )
        started = time.perf_counter()
        pid = json.loads(launcher.stdout.readline())["pid"]
        first = None
        hwm = 0
        try:
            while launcher.poll() is None:
                hwm = max(hwm, _vm_hwm_kb(pid))
                if first is None and server.received:
                    first = time.perf_counter() - started
                time.sleep(0.02)
        finally:
            if launcher.poll() is None:  # interrupted: stop the worker, then its launcher
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGTERM)
                try:
                    launcher.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
                    launcher.kill()
                    launcher.wait()
        report = launcher.stdout.read().strip().splitlines()
    output = log.read_text(errors="replace")
    if launcher.returncode != 0 or not report:
        raise InvalidRun(f"the worker's launcher failed:\n{output[-3000:]}")
    figures = json.loads(report[-1])
    if figures["code"] != 0:
        raise InvalidRun(f"the worker exited {figures['code']}:\n{output[-3000:]}")
    received = server.received
    arrived = server.message_ids()
    problems = []
    if len(received) != len(expected_ids):
        problems.append(f"{len(received)} messages arrived, {len(expected_ids)} were queued")
    twice = [mid for mid, n in arrived.items() if n > 1]
    if twice:
        problems.append(f"{len(twice)} Message-IDs arrived more than once, e.g. {twice[0]}")
    if set(arrived) != set(expected_ids):
        problems.append("the Message-IDs that arrived are not those that were queued")
    statuses = dict(
        Message.objects.filter(kind=Kind.REJECTION, channel=Message.Channel.EMAIL)
        .exclude(status=Message.Status.HELD)
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    if statuses != {Message.Status.SENT: len(expected_ids)}:
        problems.append(f"email statuses afterwards: {statuses}")
    if problems:
        raise InvalidRun("phase B: " + "; ".join(problems))
    mean_bytes = statistics.fmean(len(mail.data) for mail in received) if received else 0.0
    return PhaseB(
        seconds=figures["seconds"],
        first_message=first if first is not None else float("nan"),
        peak_mb=figures["maxrss_kb"] / 1024,
        hwm_mb=hwm / 1024,
        received=len(received),
        mean_bytes=mean_bytes,
        worker_output=output,
    )


# --- Baseline: plain smtplib -------------------------------------------------------------------

BASELINE_CODE = r"""
import json, smtplib, sys, time
from email.charset import QP, Charset
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import formataddr, parseaddr

host, port, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, encoding="utf-8") as source:
    rows = [json.loads(line) for line in source]
wire = compat32.clone(linesep="\r\n")
# UTF-8 bodies as 8bit, or quoted-printable when a line is too long for SMTP (as Django does).
eight_bit, quoted = Charset("utf-8"), Charset("utf-8")
eight_bit.body_encoding, quoted.body_encoding = None, QP


def part(text, subtype):
    too_long = any(len(line.encode()) > 998 for line in text.splitlines())
    return MIMEText(text, subtype, quoted if too_long else eight_bit)


started = time.perf_counter()
mails = []
for row in rows:
    message = MIMEMultipart("alternative")
    message["Subject"] = Header(row["subject"], "utf-8")
    message["From"] = formataddr(parseaddr(row["from_address"]), "utf-8")
    message["To"] = formataddr((row["to_name"], row["to_address"]), "utf-8")
    message["Message-ID"] = row["message_id"]
    message["Content-Language"] = row["language"]
    message["Auto-Submitted"] = "auto-generated"
    message.attach(part(row["body_text"], "plain"))
    message.attach(part(row["body_html"], "html"))
    data = message.as_bytes(policy=wire)
    mails.append((parseaddr(row["from_address"])[1], [row["to_address"]], data))
built = time.perf_counter()
with smtplib.SMTP(host, port, timeout=30) as smtp:
    for sender, recipients, data in mails:
        smtp.sendmail(sender, recipients, data)
sent = time.perf_counter()
print(json.dumps({"build": built - started, "send": sent - built, "sent": len(mails)}))
"""


@dataclass
class Baseline:
    seconds: float  # build + send
    build: float  # making the messages with the email package
    send: float  # sending them with smtplib over one connection
    received: int
    mean_bytes: float


def baseline(server, queue_file: Path, expected: int) -> Baseline:
    server.clear()
    result = subprocess.run(  # noqa: S603 — our own interpreter and code
        [sys.executable, "-c", BASELINE_CODE, server.host, str(server.port), str(queue_file)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if result.returncode != 0:
        raise InvalidRun(f"the baseline failed:\n{result.stdout}{result.stderr}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    received = server.received
    if len(received) != expected or figures["sent"] != expected:
        raise InvalidRun(f"baseline: {len(received)} arrived of {expected}")
    mean_bytes = statistics.fmean(len(mail.data) for mail in received) if received else 0.0
    server.clear()
    return Baseline(
        seconds=figures["build"] + figures["send"],
        build=figures["build"],
        send=figures["send"],
        received=len(received),
        mean_bytes=mean_bytes,
    )


# --- Report ------------------------------------------------------------------------------------


@dataclass
class Run:
    number: int
    setup_seconds: float
    a: PhaseA
    b: PhaseB
    base: Baseline
    machine_busy: float

    @property
    def total(self) -> float:
        return self.a.seconds + self.b.seconds

    @property
    def ratio(self) -> float:
        return self.total / self.base.seconds


def machine_info(database: str) -> dict[str, str]:
    import aiosmtpd

    return machine.machine_info(database, aiosmtpd=aiosmtpd.__version__)


def describe(run: Run) -> str:
    a, b, base = run.a, run.b, run.base
    return "\n".join(
        [
            f"Run {run.number}: setup {run.setup_seconds:.1f} s (not timed)",
            f"  phase A  decision_record        {a.seconds:8.2f} s  ({a.queries} SQL statements "
            f"taking {a.sql_seconds:.2f} s; "
            f"{a.calls} call tasks, {a.emails} emails queued, {a.letters} letters, "
            f"{a.held} held)",
            f"  phase B  worker --once          {b.seconds:8.2f} s  ({b.received} delivered, "
            f"first after {b.first_message:.2f} s, {b.mean_bytes:,.0f} bytes each; "
            f"peak RSS {b.peak_mb:.1f} MB, VmHWM seen {b.hwm_mb:.1f} MB)",
            f"  total    A + B                  {run.total:8.2f} s",
            f"  baseline smtplib, 1 connection  {base.seconds:8.2f} s  ({base.received} "
            f"delivered, {base.mean_bytes:,.0f} bytes each; building {base.build:.2f} s, "
            f"sending {base.send:.2f} s)",
            f"  ratio    total / baseline       {run.ratio:8.2f}    (target ≤ {TARGET_RATIO:g}) "
            f"{'PASS' if run.ratio <= TARGET_RATIO else 'FAIL'}; against sending alone "
            f"{run.total / base.send:.2f}",
            f"  memory   worker peak            {b.peak_mb:8.1f} MB (target ≤ "
            f"{TARGET_PEAK_MB:g}) {'PASS' if b.peak_mb <= TARGET_PEAK_MB else 'FAIL'}",
            f"  machine  {run.machine_busy:.0%} busy during the run",
        ]
    )


def print_profile(path: Path, title: str, limit: int = 25) -> None:
    import pstats

    print(f"\n--- {title}: {path} (top {limit} by own time, then by cumulative time)")
    stats = pstats.Stats(str(path))
    stats.sort_stats("tottime").print_stats(limit)
    stats.sort_stats("cumulative").print_stats(limit)


# --- Main --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--applications", type=int, default=10_000, help="applications in the recruitment"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs, each in a fresh database")
    parser.add_argument(
        "--postgres",
        nargs="?",
        const=DEFAULT_POSTGRES,
        metavar="URL",
        help=f"use PostgreSQL (default URL {DEFAULT_POSTGRES}); the database and "
        "<name>_template are dropped and created, their name must contain 'bench'",
    )
    parser.add_argument(
        "--batch-size", type=int, default=None, help="the worker's --batch-size (default: its own)"
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="profile phase A and the worker with cProfile and print the hot spots "
        "(times are then inflated: no verdict)",
    )
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="also time the parts of phase A (decision checks, rendering, language check, "
        "HTML part, inserts)",
    )
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    if args.applications < INTERVIEWED + 1 or args.repeat < 1:
        parser.error(f"--applications ≥ {INTERVIEWED + 1} and --repeat ≥ 1, please")

    def on_term(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)

    work = Path(tempfile.mkdtemp(prefix="aterkoppla-b1-"))
    data_dir = work / "data"
    for name in ("DATABASE_URL", "DEBUG", "EMAIL_HOST", "EMAIL_BACKEND", "SECRET_KEY"):
        os.environ.pop(name, None)
    databases = Databases(work, args.postgres)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "aterkoppla.settings",
            "ATERKOPPLA_DATA_DIR": str(data_dir),
            "DATABASE_URL": databases.first_url,
            "LOG_LEVEL": "WARNING",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from tests.smtp import SMTPServer

    runs: list[Run] = []
    status = 0
    try:
        info = machine_info(databases.describe())
        print(
            f"B1: {info['cpus']} CPUs ({info['cpu_model']}), {info['memory']}, "
            f"Python {info['python']}, Django {info['django']}, aiosmtpd {info['aiosmtpd']}, "
            f"{info['database']}; load before {info['load_before']}",
            flush=True,
        )
        print(
            f"B1: {args.applications} applications ({INTERVIEWED} interviewed, 1 hired), "
            f"{args.repeat} run(s), worker batch size "
            f"{args.batch_size or 'default'}; folder {work}",
            flush=True,
        )
        databases.migrate_template()
        with SMTPServer() as server:
            for number in range(1, args.repeat + 1):
                url = databases.fresh(number)
                busy0 = machine.machine_busy()
                started = time.perf_counter()
                setup = setup_data(args.applications)
                warm_up(setup)
                setup_seconds = time.perf_counter() - started
                breakdown = Breakdown() if args.breakdown else None
                a = phase_a(setup, work / "phase_a.prof" if args.profile else None, breakdown)
                queue_file = work / "queue.jsonl"
                expected = export_queue(queue_file)
                env = {
                    **os.environ,
                    **server.environ(),
                    "DATABASE_URL": url,
                    "LOG_LEVEL": "INFO",
                }
                server.clear()
                b = phase_b(server, env, expected, work, args)
                server.clear()
                base = baseline(server, queue_file, len(expected))
                busy1 = machine.machine_busy()
                run = Run(
                    number=number,
                    setup_seconds=setup_seconds,
                    a=a,
                    b=b,
                    base=base,
                    machine_busy=(busy1[0] - busy0[0]) / max(1, busy1[1] - busy0[1]),
                )
                runs.append(run)
                print(describe(run), flush=True)
                if breakdown is not None:
                    print(breakdown.report(a), flush=True)
                if args.profile:
                    print_profile(work / "phase_a.prof", "phase A")
                    print_profile(work / "worker.prof", "worker")
        if len(runs) > 1:
            ratios = [run.ratio for run in runs]
            print(
                f"B1: median ratio {statistics.median(ratios):.2f} "
                f"(runs: {', '.join(f'{r:.2f}' for r in ratios)}), "
                f"highest worker peak {max(run.b.peak_mb for run in runs):.1f} MB"
            )
        worst_ratio = max(run.ratio for run in runs)
        worst_peak = max(run.b.peak_mb for run in runs)
        ratio_ok = statistics.median([run.ratio for run in runs]) <= TARGET_RATIO
        peak_ok = worst_peak <= TARGET_PEAK_MB
        if args.profile:
            print("B1: profiled run — times are inflated, no verdict")
        else:
            print(
                f"B1: ratio {'PASS' if ratio_ok else 'FAIL'} (median of runs, target ≤ "
                f"{TARGET_RATIO:g}; worst {worst_ratio:.2f}); worker memory "
                f"{'PASS' if peak_ok else 'FAIL'} ({worst_peak:.1f} MB, target ≤ "
                f"{TARGET_PEAK_MB:g} MB)"
            )
            status = 0 if ratio_ok and peak_ok else 1
        if args.json:
            args.json.write_text(
                json.dumps(
                    {
                        "machine": info,
                        "applications": args.applications,
                        "batch_size": args.batch_size,
                        "runs": [
                            {
                                "number": run.number,
                                "setup_seconds": run.setup_seconds,
                                "phase_a": asdict(run.a),
                                "phase_b": {
                                    k: v for k, v in asdict(run.b).items() if k != "worker_output"
                                },
                                "baseline": asdict(run.base),
                                "total": run.total,
                                "ratio": run.ratio,
                                "machine_busy": run.machine_busy,
                            }
                            for run in runs
                        ],
                    },
                    indent=2,
                )
            )
    except InvalidRun as exc:
        print(f"B1: INVALID run: {exc}", file=sys.stderr)
        status = 2
    except KeyboardInterrupt:
        print("B1: interrupted", file=sys.stderr)
        status = 2
    finally:
        try:
            databases.drop()
        finally:
            if args.keep:
                print(f"B1: kept {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
