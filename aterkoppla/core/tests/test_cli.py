from __future__ import annotations

import os
import subprocess
import sys

import pytest


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 — our own CLI
        [sys.executable, "-m", "aterkoppla", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("DATABASE_URL", "postgres//127.0.0.1/x", "not a database URL"),
        ("DEBUG", "perhaps", "DEBUG='perhaps' is not a boolean"),
        ("EMAIL_PORT", "smtp", "EMAIL_PORT='smtp' is not a whole number"),
        ("SITE_URL", "aterkoppla.example.se", "SITE_URL="),
    ],
)
def test_bad_configuration_stops_with_a_message_not_a_traceback(tmp_path, name, value, says):
    result = _run("check", ATERKOPPLA_DATA_DIR=str(tmp_path), **{name: value})
    assert result.returncode == 2
    assert "configuration error" in result.stderr
    assert says in result.stderr
    assert "Traceback" not in result.stderr


def test_manage_prefix_reaches_django_commands(tmp_path):
    result = _run("manage", "check", ATERKOPPLA_DATA_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_secret_key_is_generated_once_in_the_data_folder(tmp_path):
    env = {"ATERKOPPLA_DATA_DIR": str(tmp_path), "SECRET_KEY": ""}
    code = "from django.conf import settings; print(settings.SECRET_KEY)"
    first = _run("shell", "-c", code, **env)
    second = _run("shell", "-c", code, **env)
    assert first.returncode == 0, first.stderr
    key = (tmp_path / "secret_key").read_text().strip()
    assert len(key) >= 50
    assert key in first.stdout
    assert key in second.stdout
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"


def test_serve_refuses_a_bad_port(tmp_path):
    result = _run("serve", "--port", "70000", ATERKOPPLA_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "not a TCP port" in result.stderr
    assert "Traceback" not in result.stderr
