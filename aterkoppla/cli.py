"""The ``aterkoppla`` command.

``aterkoppla serve|demo|…`` run Återkoppla's own management commands; ``aterkoppla manage …``
gives every Django command (``migrate``, ``createsuperuser``, ``shell`` …).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["manage"]:
        args = args[1:]
    if args and not args[0].startswith("-"):
        # Commands are spelled with hyphens on the command line (import-csv) and with
        # underscores as Django modules (import_csv).
        args[0] = args[0].replace("-", "_")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aterkoppla.settings")

    from aterkoppla.lib.env import ConfigError

    try:
        import django

        django.setup()
    except ConfigError as exc:
        print(f"aterkoppla: configuration error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        from django.core.exceptions import ImproperlyConfigured

        if isinstance(exc, ImproperlyConfigured):
            print(f"aterkoppla: configuration error: {exc}", file=sys.stderr)
            return 2
        raise

    from django.core.management import execute_from_command_line

    execute_from_command_line(["aterkoppla", *(args or ["help"])])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
