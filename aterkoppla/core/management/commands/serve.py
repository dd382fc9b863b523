"""``aterkoppla serve``: migrate, optionally load the demo, and run the web server.

Unless ``--no-worker``, one ``aterkoppla worker`` runs beside gunicorn, so that a single
command gives a working product: messages go out while the site is up.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Migrate the database, optionally load demo data, and serve Återkoppla with gunicorn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--demo", action="store_true", help="Load the demo data first.")
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on.")
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", "2")),
            help="Web worker processes (default: WEB_CONCURRENCY or 2).",
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Serve the web only; run `aterkoppla worker` separately to deliver messages.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        port = options["port"]
        if not 0 < port < 65536:
            raise CommandError(f"--port {port} is not a TCP port (1–65535).")
        if options["workers"] < 1:
            raise CommandError("--workers must be at least 1.")
        host = options["host"]
        bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        shown = "127.0.0.1" if host in {"0.0.0.0", "::"} else host  # noqa: S104
        if not os.environ.get("SITE_URL"):
            # Links in messages must lead here; an explicit SITE_URL (a proxy, a domain) wins.
            shown_host = f"[{shown}]" if ":" in shown else shown
            os.environ["SITE_URL"] = settings.SITE_URL = f"http://{shown_host}:{port}"
            settings.CSRF_TRUSTED_ORIGINS = [settings.SITE_URL]
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        if options["demo"]:
            # Fictional people: their links in the sent-mail copies stay usable (the worker
            # beside gunicorn inherits the setting).
            os.environ["SENT_MAIL_LIVE_LINKS"] = "1"
            settings.SENT_MAIL_LIVE_LINKS = True
            call_command("demo")
        self.stdout.write(self.style.SUCCESS(f"Återkoppla is running at http://{shown}:{port}/"))
        self.stdout.write("Stop it with Ctrl+C.")
        sys.stdout.flush()
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or "gunicorn"
        argv = [
            gunicorn,
            "aterkoppla.wsgi:application",
            "--bind",
            bind,
            "--workers",
            str(options["workers"]),
            "--threads",
            "4",
            "--access-logfile",
            "-",
            "--graceful-timeout",
            "10",
            # Gunicorn's control socket: in this instance's private data folder, not a fixed
            # path every instance on the machine would share (~/.gunicorn/gunicorn.ctl).
            *_control_socket(settings.DATA_DIR),
        ]
        os.environ["DJANGO_SETTINGS_MODULE"] = "aterkoppla.settings"
        os.environ["ATERKOPPLA_DATA_DIR"] = str(settings.DATA_DIR)
        if options["no_worker"]:
            os.execv(argv[0], argv)  # noqa: S606 — replace this process so signals reach gunicorn
        sys.exit(run_beside(argv, [sys.executable, "-m", "aterkoppla", "worker"]))


def _control_socket(data_dir: Path) -> list[str]:
    path = data_dir / "gunicorn.ctl"
    # A Unix socket's path has room for about a hundred bytes.
    if len(os.fsencode(path)) > 100:
        return ["--no-control-socket"]
    return ["--control-socket", str(path)]


def run_beside(web: list[str], worker: list[str], *, restart_after: float = 5.0) -> int:
    """Run the web server and a worker as children; return the web server's exit code.

    SIGTERM and SIGINT go to both. When the web server ends, so does the worker. A worker
    that dies on its own is started again (at most every ``restart_after`` seconds): without
    it no message would leave, and nobody would notice.
    """
    stopping = False
    children: dict[str, subprocess.Popen[bytes]] = {}

    def forward(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True
        for child in children.values():
            if child.poll() is None:
                child.send_signal(signum)

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        children["web"] = subprocess.Popen(web)  # noqa: S603 — our own commands
        children["worker"] = subprocess.Popen(worker)  # noqa: S603
        worker_started = time.monotonic()
        while children["web"].poll() is None:
            time.sleep(0.2)
            died = children["worker"].poll()
            if died is None or stopping:
                continue
            if time.monotonic() - worker_started >= restart_after:
                print(f"The worker stopped (exit code {died}); starting it again.", file=sys.stderr)
                children["worker"] = subprocess.Popen(worker)  # noqa: S603
                worker_started = time.monotonic()
        _stop(children["worker"])
        return children["web"].returncode
    finally:
        for child in children.values():
            if child.poll() is None:
                child.kill()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _stop(child: subprocess.Popen[bytes], *, grace: float = 30.0) -> None:
    """SIGTERM, then SIGKILL if it has not finished its message in ``grace`` seconds."""
    if child.poll() is None:
        child.terminate()
    try:
        child.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
