"""Headers, cookies and logs that protect personal data (issue: security and reliability)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from aterkoppla.core.logs import NoTracebackBelow500

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]


def test_every_page_has_the_policy_and_is_not_stored(client_for, owner, recruitment):
    for client, url in [
        (client_for(None), reverse("accounts:login")),
        (client_for(None), reverse("careers:job", args=[recruitment.pk])),
        (client_for(owner), reverse("applications:pipeline", args=[recruitment.pk])),
        (client_for(owner), reverse("dashboard:home")),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "no-store" in response["Cache-Control"], url
        assert response["Referrer-Policy"] == "same-origin"


def test_api_answers_are_not_stored(owner, recruitment):
    from aterkoppla.accounts.models import ApiToken
    from aterkoppla.api.tests.helpers import ApiClient

    _token, key = ApiToken.issue(user=owner, name="Test")
    response = ApiClient(key).get(f"/recruitments/{recruitment.pk}")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def _aterkoppla(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``aterkoppla ARGS`` in a fresh process with its own data folder and ``env``."""
    environment = (
        {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
        | {"ATERKOPPLA_DATA_DIR": str(tmp_path), "DEBUG": "0"}
        | env
    )
    return subprocess.run(  # noqa: S603 — our own command line, fixed arguments
        [sys.executable, "-m", "aterkoppla", *args],
        env=environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        umask=0o022,  # a usual umask: files would be world-readable
    )


def _deploy_check(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return _aterkoppla(tmp_path, "manage", "check", "--deploy", "--fail-level", "WARNING", **env)


@pytest.mark.once  # a process of its own, settings only
def test_check_deploy_is_clean_over_https(tmp_path):
    done = _deploy_check(
        tmp_path, SITE_URL="https://jobb.example.se", ALLOWED_HOSTS="jobb.example.se"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


@pytest.mark.once  # a process of its own, settings only
def test_check_deploy_names_what_is_missing_over_plain_http(tmp_path):
    done = _deploy_check(tmp_path, SITE_URL="http://jobb.example.se")
    assert done.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in done.stdout + done.stderr


@pytest.mark.once  # a process of its own, settings only
def test_settings_over_https(tmp_path):
    code = (
        "from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_PROXY_SSL_HEADER, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS)"
    )
    done = _aterkoppla(
        tmp_path, "manage", "shell", "-v", "0", "-c", code, SITE_URL="https://j.example.se"
    )
    assert done.stdout.split() == [
        "True",
        "True",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
        "True",
        "31536000",
    ], done.stderr


def test_a_refused_request_is_logged_without_a_traceback():
    try:
        raise PermissionError("not yours")
    except PermissionError:
        record = logging.LogRecord(
            "django.request",
            logging.WARNING,
            __file__,
            1,
            "Forbidden: %s",
            ("/x",),
            sys.exc_info(),
        )
    record.status_code = 403
    assert NoTracebackBelow500().filter(record)
    assert record.exc_info is None
    failure = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Error", (), (ValueError, ValueError(), None)
    )
    failure.status_code = 500
    NoTracebackBelow500().filter(failure)
    assert failure.exc_info is not None


def test_the_console_handler_uses_the_filter():
    handlers = [h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler)]
    assert any(isinstance(f, NoTracebackBelow500) for handler in handlers for f in handler.filters)


def test_gunicorns_control_socket_is_in_the_private_data_folder(tmp_path):
    from aterkoppla.core.management.commands.serve import _control_socket

    assert _control_socket(tmp_path) == ["--control-socket", str(tmp_path / "gunicorn.ctl")]
    # Too long a path for a Unix socket: none rather than a shared default.
    assert _control_socket(tmp_path / ("x" * 120)) == ["--no-control-socket"]


@pytest.mark.once  # a process of its own, settings only
def test_the_data_folder_and_its_files_are_the_service_users_alone(tmp_path):
    data = tmp_path / "data"
    done = _aterkoppla(data, "manage", "migrate", "-v", "0", DATABASE_URL="")
    assert done.returncode == 0, done.stderr
    assert data.stat().st_mode & 0o777 == 0o700
    for name in ("aterkoppla.sqlite3", "secret_key"):
        assert (data / name).stat().st_mode & 0o777 == 0o600, name
