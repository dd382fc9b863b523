"""A backup can be restored (docs/DEPLOYMENT.md, "Backups" and "Restore"): dump a database
with an application and its queued acknowledgement, restore it into a fresh database, serve
the application's page from it to its recruiter, and let a worker send the acknowledgement.

On PostgreSQL with ``pg_dump --format=custom`` and ``pg_restore``, as the guide says; on SQLite
with its backup API (what ``sqlite3 … ".backup …"`` uses). The restored installation runs in
processes of its own, with nothing but the restored database and a data folder.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from aterkoppla.messaging.models import Message

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 — our own commands, fixed arguments
        list(args), env=env, cwd=ROOT, capture_output=True, text=True, timeout=180, check=False
    )


def _pg_args() -> tuple[list[str], dict[str, str]]:
    settings = connection.settings_dict
    args = ["-h", settings["HOST"] or "127.0.0.1", "-p", str(settings["PORT"] or 5432)]
    args += ["-U", settings["USER"] or "postgres"]
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    return args, env


@pytest.fixture
def restored(tmp_path: Path) -> Iterator[str]:
    """Back up the test database now, restore it as a fresh one; yield its DATABASE_URL."""
    if connection.vendor == "sqlite":
        copy = tmp_path / "restored.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(copy) as target:
            connection.connection.backup(target)
        yield f"sqlite:///{copy}"
        return
    if not shutil.which("pg_dump") or not shutil.which("pg_restore"):
        pytest.skip("pg_dump and pg_restore are not installed")
    args, env = _pg_args()
    dump = tmp_path / "aterkoppla.dump"
    source = connection.settings_dict["NAME"]
    done = _run("pg_dump", *args, "--format=custom", f"--file={dump}", source, env=env)
    assert done.returncode == 0, done.stderr
    fresh = f"aterkoppla_restored_{uuid.uuid4().hex[:8]}"
    assert _run("createdb", *args, fresh, env=env).returncode == 0
    try:
        done = _run("pg_restore", *args, "--no-owner", f"--dbname={fresh}", str(dump), env=env)
        assert done.returncode == 0, done.stderr
        settings = connection.settings_dict
        user = settings["USER"] or "postgres"
        password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
        host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
        yield f"postgres://{user}{password}@{host}:{port}/{fresh}"
    finally:
        _run("dropdb", *args, "--if-exists", fresh, env=env)


def test_a_backup_restores_into_a_fresh_database_that_serves_and_delivers(
    application, owner, tmp_path, request
):
    acknowledgement = application.messages.get()
    assert acknowledgement.status == Message.Status.QUEUED
    database_url = request.getfixturevalue("restored")
    data = tmp_path / "data"
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")} | {
        "ATERKOPPLA_DATA_DIR": str(data),
        "DATABASE_URL": database_url,
        "EMAIL_BACKEND": "aterkoppla.messaging.worker.EmlFileBackend",
        "EMAIL_HOST": "",
    }
    aterkoppla = [sys.executable, "-m", "aterkoppla"]

    migrated = _run(*aterkoppla, "manage", "migrate", "--check", env=env)
    assert migrated.returncode == 0, migrated.stdout + migrated.stderr
    # A new machine's install step (DEPLOYMENT.md): the static files for its pages.
    collected = _run(*aterkoppla, "manage", "collectstatic", "--no-input", "-v", "0", env=env)
    assert collected.returncode == 0, collected.stderr

    page = _run(
        *aterkoppla,
        "manage",
        "shell",
        "-v",
        "0",
        "-c",
        "from django.test import Client; from aterkoppla.accounts.models import User; "
        "c = Client(); c.force_login(User.objects.get(username='owner')); "
        f"r = c.get('/applications/{application.pk}/', HTTP_HOST='127.0.0.1'); "
        "print(r.status_code, 'Sara Ek' in r.content.decode())",
        env=env,
    )
    assert page.stdout.split() == ["200", "True"], page.stdout + page.stderr

    worker = _run(*aterkoppla, "worker", "--once", env=env)
    assert worker.returncode == 0, worker.stderr
    status = _run(
        *aterkoppla,
        "manage",
        "shell",
        "-v",
        "0",
        "-c",
        "from aterkoppla.messaging.models import Message; "
        f"print(Message.objects.get(pk={acknowledgement.pk}).status)",
        env=env,
    )
    assert status.stdout.strip() == "sent", status.stdout + status.stderr
    [eml] = (data / "sent-mail").iterdir()
    assert "sara.ek@example.se" in eml.read_text()
    # The original database is untouched: its message still waits for its own worker.
    acknowledgement.refresh_from_db()
    assert acknowledgement.status == Message.Status.QUEUED
