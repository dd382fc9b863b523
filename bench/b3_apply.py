"""B3 (DESIGN §12): the public application POST with a 100 KB PDF, against a bare view.

Target: throughput of ``POST /jobb/<pk>/ansok/`` (a complete, valid application with a real
~100 KB PDF as CV) ≥ 30 % of the throughput of a bare Django view (``/bench/bare/``, which
returns "ok" behind the product's middleware), both served by the same gunicorn in the same
run.

What it does:

1. makes a temporary data folder (``ATERKOPPLA_DATA_DIR``), migrates it with the benchmark
   settings (``bench/b3_site``: the product's settings and URLs plus the bare view) and creates
   an open recruitment through ``recruitment_create``;
2. starts the server through ``aterkoppla serve`` itself (``b3_site.serve`` only swaps the
   settings module at the moment serve execs gunicorn, so worker and thread counts are
   serve's) on a free 127.0.0.1 port, with ``APPLY_RATE=1000000/h`` and the locmem mail
   backend;
3. for each phase (bare GET, then application POST) runs ``--concurrency`` client threads
   (stdlib ``http.client``, one keep-alive connection each) for ``--warmup`` seconds unmeasured
   and then ``--seconds`` measured; every POST has a unique email address and must be answered
   302 to the thanks page, every GET 200 "ok" — any other answer invalidates the run;
4. checks that the database holds exactly one application and one stored CV per accepted POST,
   prints requests/s, latencies, CPU use and the verdict, stops the server and removes the
   temporary folder (also on Ctrl+C).

Run by hand from the project root (never in the test suite)::

    .venv/bin/python bench/b3_apply.py [--seconds 20] [--concurrency 8]
    .venv/bin/python bench/b3_apply.py --database-url postgres://postgres@127.0.0.1:5432/aterkoppla_bench

Exit status: 0 PASS, 1 FAIL (target missed), 2 invalid run (failed requests, setup error).
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlsplit

import machine

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = Path(__file__).resolve().parent
SETTINGS = "b3_site.settings"
TARGET_RATIO = 0.30
PDF_TARGET_BYTES = 100 * 1024
PDF_TOLERANCE = 0.05
HOST = "127.0.0.1"


# --- The CV ------------------------------------------------------------------------------------


def build_pdf(target: int = PDF_TARGET_BYTES) -> bytes:
    """A valid two-page CV of ``target`` bytes (± 1 %): text pages and a grey 'photo'.

    The text is real PDF text (Helvetica, uncompressed content streams); the photo is an
    uncompressed DeviceGray image XObject filled with deterministic noise, whose height is
    chosen so that the whole file lands on the target size. pypdf reads it back and extracts
    the text, so the product's content check sees an ordinary, well-formed PDF.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        NumberObject,
    )

    def name(value: str) -> NameObject:
        return NameObject(value)

    def make(image_rows: int) -> bytes:
        writer = PdfWriter()
        font = writer._add_object(
            DictionaryObject(
                {
                    name("/Type"): name("/Font"),
                    name("/Subtype"): name("/Type1"),
                    name("/BaseFont"): name("/Helvetica"),
                }
            )
        )
        width = 300
        photo = DecodedStreamObject()
        photo.set_data(hashlib.shake_256(b"b3 photo").digest(width * image_rows))
        photo.update(
            {
                name("/Type"): name("/XObject"),
                name("/Subtype"): name("/Image"),
                name("/Width"): NumberObject(width),
                name("/Height"): NumberObject(image_rows),
                name("/ColorSpace"): name("/DeviceGray"),
                name("/BitsPerComponent"): NumberObject(8),
            }
        )
        photo_ref = writer._add_object(photo)
        line = 0
        for page_no in range(2):
            page = writer.add_blank_page(width=595, height=842)
            resources = DictionaryObject({name("/Font"): DictionaryObject({name("/F1"): font})})
            ops = []
            if page_no == 0:
                resources[name("/XObject")] = DictionaryObject({name("/Im1"): photo_ref})
                ops.append(b"q 120 0 0 150 435 660 cm /Im1 Do Q")
                ops.append(b"BT /F1 18 Tf 40 780 Td (Sara Ek - CV) Tj ET")
            ops.append(b"BT /F1 9 Tf 11 TL 40 %d Td" % (640 if page_no == 0 else 800))
            for _ in range(55 if page_no == 0 else 70):
                line += 1
                ops.append(
                    b"(%03d  Lagerarbetare, PostNord Jonkoping 2020-2024: plock, pack, "
                    b"truck A+B, inventering.) '" % line
                )
            ops.append(b"ET")
            content = DecodedStreamObject()
            content.set_data(b"\n".join(ops))
            page[name("/Resources")] = resources
            page[name("/Contents")] = writer._add_object(content)
        writer.add_metadata({"/Title": "CV Sara Ek", "/Producer": "aterkoppla bench B3"})
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    rows = 1
    data = make(rows)
    rows = max(1, (target - len(data)) // 300)
    data = make(rows)
    rows = max(1, rows + (target - len(data)) // 300)
    data = make(rows)
    if abs(len(data) - target) > target * PDF_TOLERANCE:
        raise RuntimeError(f"the CV is {len(data)} bytes, not {target} ± 5 %")
    reader = PdfReader(io.BytesIO(data), strict=True)
    if len(reader.pages) != 2 or "Sara Ek" not in reader.pages[0].extract_text():
        raise RuntimeError("the CV does not read back as a two-page PDF with its text")
    return data


# --- Server set-up -----------------------------------------------------------------------------

SETUP_CODE = r"""
import datetime as dt
import django

django.setup()
from django.core.management import call_command

call_command("migrate", interactive=False, verbosity=0)
from django.utils import timezone

from aterkoppla.accounts.models import User
from aterkoppla.recruitment.models import Criterion, Recruitment
from aterkoppla.recruitment.services import CriterionSpec, recruitment_create

owner = User.objects.create_user(
    "bench-owner", first_name="Bengt", last_name="Bänk", is_recruiter=True
)
today = timezone.localdate()
job = recruitment_create(
    owner=owner,
    title="Lagerarbetare",
    description="Plock och pack på vårt lager i Jönköping.",
    job_tasks="Plocka order\nKöra truck\nInventera",
    status=Recruitment.Status.OPEN,
    location="Jönköping",
    application_deadline=today + dt.timedelta(days=365),
    first_reply_by=today + dt.timedelta(days=380),
    criteria=[
        CriterionSpec(name="Truckkort A+B", category=Criterion.Category.EDUCATION, weight=5),
        CriterionSpec(name="Erfarenhet av lagerarbete", weight=4),
        CriterionSpec(name="Noggrannhet", kind=Criterion.Kind.MERIT, weight=2,
                      category=Criterion.Category.PERSONAL),
    ],
)
print(job.pk)
"""

BREAKDOWN = "import runpy; runpy.run_module('b3_site.breakdown', run_name='__main__')"

COUNT_CODE = r"""
import django

django.setup()
from aterkoppla.applications.models import Application, Document
from aterkoppla.messaging.models import Message

print(Application.objects.count(), Document.objects.count(), Message.objects.count())
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def server_env(data_dir: Path, port: int, database_url: str | None) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DATABASE_URL", "DEBUG", "EMAIL_HOST", "SECRET_KEY", "ALLOWED_HOSTS"):
        env.pop(name, None)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(BENCH_DIR), env.get("PYTHONPATH")])),
            "ATERKOPPLA_DATA_DIR": str(data_dir),
            "SITE_URL": f"http://{HOST}:{port}",
            "APPLY_RATE": "1000000/h",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "LOG_LEVEL": "WARNING",
        }
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def run_django(code: str, env: dict[str, str], *, last_line: bool = True) -> str:
    result = subprocess.run(  # noqa: S603 — our own interpreter and code
        [sys.executable, "-c", code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Django subprocess failed:\n{result.stdout}{result.stderr}")
    output = result.stdout.strip()
    return output.splitlines()[-1] if last_line else output


def postgres_database(url: str, *, create: bool) -> None:
    """Create (after dropping) or drop the benchmark database named in ``url``."""
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
        if create:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))


def postgres_version(url: str) -> str:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SHOW server_version").fetchone()[0]


class Server:
    """``aterkoppla serve`` (via ``b3_site.serve``) in its own process group."""

    def __init__(self, env: dict[str, str], port: int, workers: int | None, log: Path) -> None:
        self.port = port
        self.log = log
        argv = [sys.executable, "-m", "b3_site.serve", "--no-worker", "--host", HOST]
        argv += ["--port", str(port)]
        if workers:
            argv += ["--workers", str(workers)]
        self._log_file = log.open("wb")
        self.process = subprocess.Popen(  # noqa: S603 — our own interpreter and module
            argv,
            env=env,
            cwd=ROOT,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited:\n{self.log.read_text()[-3000:]}")
            try:
                conn = http.client.HTTPConnection(HOST, self.port, timeout=2)
                conn.request("GET", "/bench/bare/")
                response = conn.getresponse()
                body = response.read()
                conn.close()
                if response.status == 200 and body == b"ok":
                    return
                if response.status == 404:
                    raise RuntimeError(
                        "the server answers but has no /bench/bare/: it did not load "
                        f"{SETTINGS} (has `aterkoppla serve` changed how it starts gunicorn?)"
                    )
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"the server did not answer within {timeout:.0f} s")

    def gunicorn_argv(self) -> str:
        for line in self.log.read_text(errors="replace").splitlines():
            if line.startswith("b3_site.serve: exec "):
                return line.removeprefix("b3_site.serve: exec ")
        return "(not found)"

    def cpu_seconds(self) -> float:
        """User + system CPU of every process in the server's process group."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            # After the command name: state, ppid, pgrp, … utime is field 14, stime 15.
            if int(fields[2]) == self.process.pid:
                total += int(fields[11]) + int(fields[12])
        return total / ticks

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
            except ProcessLookupError:
                pass
        self._log_file.close()


# --- Load --------------------------------------------------------------------------------------


@dataclass
class Phase:
    name: str
    seconds: float
    requests: int = 0
    failures: int = 0
    warmup_failures: int = 0
    accepted_total: int = 0  # successful requests including warm-up (for the database check)
    latencies: list[float] = field(default_factory=list)
    failure_examples: list[str] = field(default_factory=list)
    client_cpu: float = 0.0
    server_cpu: float = 0.0
    machine_busy: float = 0.0

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    @property
    def cpu_per_request(self) -> float:
        """Server CPU milliseconds per request (all gunicorn processes)."""
        return self.server_cpu * 1000 / self.rate if self.requests else float("nan")

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


class Request:
    """One kind of request and the check of its answer."""

    method = "GET"

    def __init__(self, path: str) -> None:
        self.path = path

    def send(self, conn: http.client.HTTPConnection, n: int) -> http.client.HTTPResponse:
        conn.request(self.method, self.path)
        return conn.getresponse()

    def check(self, response: http.client.HTTPResponse, body: bytes) -> str | None:
        if response.status != 200 or body != b"ok":
            return f"{response.status} {body[:80]!r}"
        return None


class ApplyRequest(Request):
    method = "POST"

    def __init__(self, path: str, thanks: str, csrf_cookie: str, csrf_token: str, pdf: bytes):
        super().__init__(path)
        self.thanks = thanks
        self.run = uuid.uuid4().hex[:8]
        boundary = "----b3" + uuid.uuid4().hex
        self.headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Cookie": f"csrftoken={csrf_cookie}",
        }

        def part(name: str, value: str) -> bytes:
            return (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
            ).encode()

        self.head = (
            part("csrfmiddlewaretoken", csrf_token)
            + part("first_name", "Sara")
            + part("last_name", "Ek")
            + f'--{boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\n'.encode()
        )
        self.tail = b"".join(
            [
                b"\r\n",
                part("phone", "070-123 45 67"),
                part("language", "sv"),
                (
                    f'--{boundary}\r\nContent-Disposition: form-data; name="cv"; '
                    f'filename="CV Sara Ek.pdf"\r\nContent-Type: application/pdf\r\n\r\n'
                ).encode(),
                pdf,
                b"\r\n",
                f'--{boundary}\r\nContent-Disposition: form-data; name="cover_letter"; '
                f'filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n'.encode(),
                part("education", "Truckkort A+B, 2021"),
                part("education", "Gymnasiet, handelsprogrammet"),
                part("experience", "Lagerarbetare, PostNord, 2020–2024"),
                part("other", "B-körkort"),
                part("homepage", ""),
                f"--{boundary}--\r\n".encode(),
            ]
        )

    def send(self, conn: http.client.HTTPConnection, n: int) -> http.client.HTTPResponse:
        body = self.head + f"b3-{self.run}-{n}@example.se".encode() + self.tail
        conn.request("POST", self.path, body=body, headers=self.headers)
        return conn.getresponse()

    def check(self, response: http.client.HTTPResponse, body: bytes) -> str | None:
        location = response.getheader("Location", "")
        if response.status != 302 or not location.endswith(self.thanks):
            return f"{response.status} {location!r} {body[:200]!r}"
        return None


class Counter:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._n = 0

    def next(self) -> int:
        with self._lock:
            self._n += 1
            return self._n


def run_phase(
    request: Request,
    name: str,
    port: int,
    concurrency: int,
    warmup: float,
    seconds: float,
    server: Server,
    stop: threading.Event,
) -> Phase:
    phase = Phase(name, seconds)
    lock = threading.Lock()
    counter = Counter()
    start = time.perf_counter() + 0.2
    measure_from = start + warmup
    measure_to = measure_from + seconds

    def client() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=60)
        local: list[float] = []
        ok_total = failures = warm_failures = 0
        examples: list[str] = []
        while time.perf_counter() < start:
            time.sleep(0.001)
        while not stop.is_set():
            began = time.perf_counter()
            if began >= measure_to:
                break
            try:
                response = request.send(conn, counter.next())
                body = response.read()
                problem = request.check(response, body)
            except (OSError, http.client.HTTPException) as exc:
                problem = f"{type(exc).__name__}: {exc}"
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=60)
            done = time.perf_counter()
            in_window = began >= measure_from and done <= measure_to
            if problem is None:
                ok_total += 1
                if in_window:
                    local.append(done - began)
            elif began >= measure_from:
                failures += 1
                examples.append(problem)
            else:
                warm_failures += 1
                examples.append(problem)
        conn.close()
        with lock:
            phase.latencies.extend(local)
            phase.accepted_total += ok_total
            phase.failures += failures
            phase.warmup_failures += warm_failures
            phase.failure_examples.extend(examples[:3])

    threads = [threading.Thread(target=client, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    _sleep_until(measure_from, stop)
    cpu0, server0, busy0 = time.process_time(), server.cpu_seconds(), machine.machine_busy()
    _sleep_until(measure_to, stop)
    cpu1, server1, busy1 = time.process_time(), server.cpu_seconds(), machine.machine_busy()
    for thread in threads:
        while thread.is_alive():
            thread.join(0.2)
    phase.requests = len(phase.latencies)
    phase.client_cpu = (cpu1 - cpu0) / seconds
    phase.server_cpu = (server1 - server0) / seconds
    phase.machine_busy = (busy1[0] - busy0[0]) / max(1, busy1[1] - busy0[1])
    return phase


def _sleep_until(moment: float, stop: threading.Event) -> None:
    while not stop.is_set():
        left = moment - time.perf_counter()
        if left <= 0:
            return
        time.sleep(min(left, 0.1))


def csrf_for(port: int, path: str) -> tuple[str, str]:
    """The CSRF cookie and form token from one GET of the application form."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    conn.request("GET", path)
    response = conn.getresponse()
    html = response.read().decode()
    conn.close()
    if response.status != 200:
        raise RuntimeError(f"GET {path} answered {response.status}")
    cookie = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookie.load(header)
    marker = 'name="csrfmiddlewaretoken" value="'
    if "csrftoken" not in cookie or marker not in html:
        raise RuntimeError("the form page gave no CSRF cookie or token")
    token = html.split(marker, 1)[1].split('"', 1)[0]
    return cookie["csrftoken"].value, token


# --- Report ------------------------------------------------------------------------------------


def machine_info(database: str) -> dict[str, str]:
    import gunicorn
    import pypdf

    return machine.machine_info(database, gunicorn=gunicorn.__version__, pypdf=pypdf.__version__)


def describe(phase: Phase) -> str:
    return (
        f"{phase.name:<22} {phase.rate:9.1f} req/s  n={phase.requests:<6} "
        f"p50={phase.percentile(0.50):7.1f} ms  p95={phase.percentile(0.95):7.1f} ms  "
        f"failures={phase.failures + phase.warmup_failures}  "
        f"server CPU {phase.cpu_per_request:6.2f} ms/req ({phase.server_cpu:4.2f} cores), "
        f"client {phase.client_cpu:4.2f} cores, machine {phase.machine_busy:4.0%} busy"
    )


# --- Main --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20, help="measured seconds per phase")
    parser.add_argument("--warmup", type=float, default=3, help="unmeasured seconds per phase")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads")
    parser.add_argument(
        "--workers", type=int, default=None, help="gunicorn workers (default: serve's own)"
    )
    parser.add_argument(
        "--database-url",
        help="PostgreSQL URL of a database to create and drop (its name must contain 'bench'), "
        "e.g. postgres://postgres@127.0.0.1:5432/aterkoppla_bench; default SQLite",
    )
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="afterwards, time the parts of one POST in a single process (where the time goes)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary data folder")
    args = parser.parse_args(argv)
    if args.seconds <= 0 or args.warmup < 0 or args.concurrency < 1:
        parser.error("--seconds > 0, --warmup ≥ 0 and --concurrency ≥ 1, please")

    stop = threading.Event()

    def on_term(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    # Also SIGINT: a shell may start the script with Ctrl+C ignored (`… &`).
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)

    pdf = build_pdf()
    data_dir = Path(tempfile.mkdtemp(prefix="aterkoppla-b3-"))
    port = free_port()
    env = server_env(data_dir, port, args.database_url)
    server: Server | None = None
    created_db = False
    try:
        if args.database_url:
            postgres_database(args.database_url, create=True)
            created_db = True
            database = f"PostgreSQL {postgres_version(args.database_url)}"
        else:
            import sqlite3

            database = f"SQLite {sqlite3.sqlite_version} (WAL, synchronous=NORMAL)"
        info = machine_info(database)
        print(f"B3: preparing {data_dir} …", flush=True)
        job = int(run_django(SETUP_CODE, env))
        server = Server(env, port, args.workers, data_dir / "server.log")
        server.wait_ready()
        info["server"] = server.gunicorn_argv()
        apply_path, thanks_path = f"/jobb/{job}/ansok/", f"/jobb/{job}/tack/"
        cookie, token = csrf_for(port, apply_path)

        print(
            f"B3: {info['cpus']} CPUs ({info['cpu_model']}), {info['memory']}, "
            f"Python {info['python']}, Django {info['django']}, {database}"
        )
        print(f"B3: server: {info['server']}")
        print(
            f"B3: CV {len(pdf)} bytes; {args.concurrency} client threads; "
            f"{args.warmup:g} s warm-up + {args.seconds:g} s measured per phase",
            flush=True,
        )

        bare = run_phase(
            Request("/bench/bare/"),
            "GET /bench/bare/",
            port,
            args.concurrency,
            args.warmup,
            args.seconds,
            server,
            stop,
        )
        print(describe(bare), flush=True)
        apply = run_phase(
            ApplyRequest(apply_path, thanks_path, cookie, token, pdf),
            f"POST {apply_path}",
            port,
            args.concurrency,
            args.warmup,
            args.seconds,
            server,
            stop,
        )
        print(describe(apply), flush=True)

        applications, documents, messages = map(int, run_django(COUNT_CODE, env).split())
        stored = sorted((data_dir / "uploads").rglob("*"))
        stored_files = sum(1 for p in stored if p.is_file())
        failures = bare.failures + bare.warmup_failures + apply.failures + apply.warmup_failures
        consistent = applications == documents == messages == stored_files == apply.accepted_total
        print(
            f"B3: stored {applications} applications, {documents} documents "
            f"({stored_files} files), {messages} queued acknowledgements for "
            f"{apply.accepted_total} accepted POSTs"
        )
        ratio = apply.rate / bare.rate if bare.rate else 0.0
        valid = failures == 0 and consistent and bare.requests > 0 and apply.requests > 0
        passed = valid and ratio >= TARGET_RATIO
        verdict = "INVALID" if not valid else ("PASS" if passed else "FAIL")
        cpu_ratio = bare.cpu_per_request / apply.cpu_per_request
        print(
            f"B3: ratio {ratio:.1%} (target ≥ {TARGET_RATIO:.0%}) → {verdict}; "
            f"server CPU per request: POST costs {1 / cpu_ratio:.0f}× a bare GET "
            f"(a CPU-bound ceiling of {cpu_ratio:.1%})"
        )
        for example in (bare.failure_examples + apply.failure_examples)[:5]:
            print(f"B3: failure: {example}")
        if args.breakdown:
            server.stop()
            print("B3: breakdown of one POST (single process, median):", flush=True)
            (data_dir / "cv.pdf").write_bytes(pdf)
            env_breakdown = dict(env, B3_JOB=str(job), B3_PDF=str(data_dir / "cv.pdf"))
            print(run_django(BREAKDOWN, env_breakdown, last_line=False))
        if args.json:
            result = {
                "machine": info,
                "pdf_bytes": len(pdf),
                "concurrency": args.concurrency,
                "seconds": args.seconds,
                "warmup": args.warmup,
                "phases": {
                    p.name: {
                        "rps": round(p.rate, 2),
                        "requests": p.requests,
                        "p50_ms": round(p.percentile(0.5), 2),
                        "p95_ms": round(p.percentile(0.95), 2),
                        "failures": p.failures + p.warmup_failures,
                        "server_cpu_cores": round(p.server_cpu, 2),
                        "server_cpu_ms_per_request": round(p.cpu_per_request, 2),
                        "client_cpu_cores": round(p.client_cpu, 2),
                        "machine_busy": round(p.machine_busy, 3),
                    }
                    for p in (bare, apply)
                },
                "stored": {"applications": applications, "documents": documents},
                "ratio": round(ratio, 4),
                "cpu_ceiling_ratio": round(cpu_ratio, 4),
                "verdict": verdict,
            }
            args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        return 0 if passed else (1 if valid else 2)
    except KeyboardInterrupt:
        stop.set()
        print("\nB3: interrupted", file=sys.stderr)
        return 130
    except RuntimeError as exc:
        print(f"B3: {exc}", file=sys.stderr)
        return 2
    finally:
        stop.set()
        if server is not None:
            server.stop()
        if created_db:
            postgres_database(args.database_url, create=False)
        if args.keep:
            print(f"B3: kept {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
