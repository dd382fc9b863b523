from __future__ import annotations

from pathlib import Path

import pytest

from aterkoppla.lib.env import (
    ConfigError,
    database_url,
    env_bool,
    env_int,
    env_list,
    env_path,
    env_url,
)


def test_bool_accepts_common_spellings():
    assert env_bool("X", False, environ={"X": "Yes"}) is True
    assert env_bool("X", True, environ={"X": "0"}) is False
    assert env_bool("X", True, environ={}) is True


def test_bool_refuses_anything_else():
    with pytest.raises(ConfigError, match="X='maybe' is not a boolean"):
        env_bool("X", False, environ={"X": "maybe"})


def test_int_checks_number_and_range():
    assert env_int("P", 25, environ={"P": " 587 "}) == 587
    assert env_int("P", 25, environ={"P": ""}) == 25
    with pytest.raises(ConfigError, match="not a whole number"):
        env_int("P", 25, environ={"P": "25a"})
    with pytest.raises(ConfigError, match="above the maximum"):
        env_int("P", 25, maximum=65535, environ={"P": "70000"})


def test_list_splits_on_commas():
    assert env_list("H", ["a"], environ={"H": "x.se, y.se,,"}) == ["x.se", "y.se"]
    assert env_list("H", ["a"], environ={}) == ["a"]


def test_path_resolves(tmp_path):
    assert env_path("D", Path("data"), environ={"D": str(tmp_path)}) == tmp_path.resolve()


def test_url_needs_scheme_and_host():
    assert env_url("U", "http://x", schemes={"https"}, environ={"U": "https://a.se/"}) == (
        "https://a.se"
    )
    with pytest.raises(ConfigError, match="not a URL"):
        env_url("U", "http://x", schemes={"http", "https"}, environ={"U": "a.se"})


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u@h/db", "not a database URL"),
        ("postgres//127.0.0.1/db", "not a database URL"),
        ("postgres://postgres@127.0.0.1:54x2/db", "port that is not a number"),
        ("postgres://postgres@127.0.0.1:5432/", "names no database"),
        ("sqlite://", "names no SQLite file"),
    ],
)
def test_malformed_database_url_is_refused_with_a_clear_message(url, message):
    with pytest.raises(ConfigError, match=message):
        database_url("DATABASE_URL", "sqlite:////tmp/x.sqlite3", environ={"DATABASE_URL": url})


def test_good_database_urls_pass():
    for url in ("postgres://postgres@127.0.0.1:5432/aterkoppla", "sqlite:////var/lib/a.sqlite3"):
        assert database_url("DATABASE_URL", "x", environ={"DATABASE_URL": url}) == url
