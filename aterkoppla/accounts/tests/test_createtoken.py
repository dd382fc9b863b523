"""``aterkoppla createtoken USERNAME [--create] [--name NAME]``."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from aterkoppla.accounts.models import ApiToken, User

pytestmark = pytest.mark.django_db


def createtoken(*args: str) -> list[str]:
    out = io.StringIO()
    call_command("createtoken", *args, stdout=out)
    return out.getvalue().splitlines()


def _me(key: str):
    return Client().get("/api/v1/me", headers={"Authorization": f"Bearer {key}"})


def test_last_line_is_a_token_that_works(owner):
    lines = createtoken("owner")

    key = lines[-1]
    assert key.startswith("ak_")
    assert len(lines) > 1, "an explanation comes before the token"
    assert "shown only now" in lines[-2]
    response = _me(key)
    assert response.status_code == 200
    assert response.json()["username"] == "owner"


def test_only_the_hash_is_stored(owner):
    key = createtoken("owner", "--name", "Rekryteringssajten")[-1]

    token = ApiToken.objects.get()
    assert token.name == "Rekryteringssajten"
    assert token.user == owner
    assert token.key_hash == ApiToken.hash_key(key)
    assert key.startswith(token.prefix)
    assert key not in {token.key_hash, token.prefix, token.name}


def test_each_run_makes_a_new_token(owner):
    first, second = createtoken("owner")[-1], createtoken("owner")[-1]
    assert first != second
    assert ApiToken.objects.filter(user=owner).count() == 2


def test_unknown_user_is_an_error():
    with pytest.raises(CommandError, match=r"There is no user “nobody”.*--create"):
        createtoken("nobody")
    assert not User.objects.exists()
    assert not ApiToken.objects.exists()


def test_create_makes_a_recruiter_user():
    lines = createtoken("rekryterare", "--create")

    user = User.objects.get(username="rekryterare")
    assert user.is_active
    assert not user.has_usable_password()
    assert not user.is_staff
    assert not user.is_superuser
    assert "Created the user" in lines[0]
    assert _me(lines[-1]).json()["username"] == "rekryterare"


def test_create_uses_the_existing_user(owner):
    lines = createtoken("owner", "--create")
    assert User.objects.filter(username="owner").count() == 1
    assert not any("Created the user" in line for line in lines)
    assert owner.api_tokens.count() == 1


def test_create_refuses_an_impossible_username():
    with pytest.raises(CommandError, match="Cannot create the user"):
        createtoken("no spaces please", "--create")
    assert not User.objects.exists()


def test_inactive_user_gets_no_token(owner):
    owner.is_active = False
    owner.save(update_fields=["is_active"])
    with pytest.raises(CommandError, match="inactive"):
        createtoken("owner")
    assert not ApiToken.objects.exists()


def test_from_the_command_line(tmp_path):
    """As a script uses it: a non-zero exit on an unknown user, else the token on the last line."""
    env = {
        **os.environ,
        "ATERKOPPLA_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # noqa: S603 — our own CLI
            [sys.executable, "-m", "aterkoppla", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    assert run("manage", "migrate", "--verbosity", "0").returncode == 0
    unknown = run("createtoken", "nobody")
    assert unknown.returncode != 0
    assert "no user “nobody”" in unknown.stderr
    assert unknown.stdout == ""

    created = run("createtoken", "intake", "--create")
    assert created.returncode == 0, created.stderr
    assert created.stdout.splitlines()[-1].startswith("ak_")
