"""Typed readers for configuration from the environment.

Each helper fails loudly with :class:`ConfigError` on a value it cannot use, naming the
variable and what it expected, so a typo in deployment never turns into a silent default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class ConfigError(Exception):
    """A configuration value from the environment cannot be used."""


def _raw(name: str, environ: Mapping[str, str] | None) -> str | None:
    return (os.environ if environ is None else environ).get(name)


def env_str(name: str, default: str = "", *, environ: Mapping[str, str] | None = None) -> str:
    value = _raw(name, environ)
    return default if value is None else value.strip()


def env_bool(name: str, default: bool, *, environ: Mapping[str, str] | None = None) -> bool:
    value = _raw(name, environ)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigError(f"{name}={value!r} is not a boolean; use one of 1/0, true/false, yes/no.")


def env_int(
    name: str,
    default: int,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    value = _raw(name, environ)
    if value is None or not value.strip():
        return default
    try:
        number = int(value.strip())
    except ValueError:
        raise ConfigError(f"{name}={value!r} is not a whole number.") from None
    if minimum is not None and number < minimum:
        raise ConfigError(f"{name}={number} is below the minimum {minimum}.")
    if maximum is not None and number > maximum:
        raise ConfigError(f"{name}={number} is above the maximum {maximum}.")
    return number


def env_list(
    name: str, default: list[str], *, environ: Mapping[str, str] | None = None
) -> list[str]:
    value = _raw(name, environ)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_path(name: str, default: Path, *, environ: Mapping[str, str] | None = None) -> Path:
    value = _raw(name, environ)
    if value is None or not value.strip():
        return default.resolve()
    return Path(value.strip()).expanduser().resolve()


def env_url(
    name: str, default: str, *, schemes: set[str], environ: Mapping[str, str] | None = None
) -> str:
    value = _raw(name, environ)
    url = default if value is None or not value.strip() else value.strip()
    parts = urlsplit(url)
    if parts.scheme not in schemes or not parts.netloc:
        wanted = ", ".join(sorted(schemes))
        raise ConfigError(
            f"{name}={url!r} is not a URL with a host and one of the schemes {wanted}."
        )
    return url.rstrip("/")


_DB_SCHEMES = {"sqlite", "postgres", "postgresql", "pgsql", "postgis"}


def database_url(name: str, default: str, *, environ: Mapping[str, str] | None = None) -> str:
    """Return a database URL after checking the parts a typo usually breaks."""
    value = _raw(name, environ)
    url = default if value is None or not value.strip() else value.strip()
    parts = urlsplit(url)
    if parts.scheme not in _DB_SCHEMES:
        raise ConfigError(
            f"{name}={url!r} is not a database URL Återkoppla supports; "
            "use sqlite:////absolute/path.sqlite3 or postgres://user:password@host:5432/name."
        )
    if parts.scheme == "sqlite":
        if not parts.path or parts.path == "/":
            raise ConfigError(f"{name}={url!r} names no SQLite file.")
        return url
    try:
        port = parts.port
    except ValueError:
        raise ConfigError(f"{name}={url!r} has a port that is not a number.") from None
    if not parts.hostname and port is None and "host=" not in parts.query:
        raise ConfigError(f"{name}={url!r} names no database host.")
    if not parts.path.strip("/"):
        raise ConfigError(f"{name}={url!r} names no database.")
    return url
