"""``aterkoppla serve``: migrate, optionally load the demo, and run the web server."""

from __future__ import annotations

import os
import shutil
import sys

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

    def handle(self, *args: object, **options: object) -> None:
        port = options["port"]
        if not 0 < port < 65536:
            raise CommandError(f"--port {port} is not a TCP port (1–65535).")
        if options["workers"] < 1:
            raise CommandError("--workers must be at least 1.")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        if options["demo"]:
            call_command("demo")
        host = options["host"]
        bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        shown = "127.0.0.1" if host in {"0.0.0.0", "::"} else host  # noqa: S104
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
        ]
        os.environ["DJANGO_SETTINGS_MODULE"] = "aterkoppla.settings"
        os.environ["ATERKOPPLA_DATA_DIR"] = str(settings.DATA_DIR)
        os.execv(argv[0], argv)  # noqa: S606 — replace this process so signals reach gunicorn
