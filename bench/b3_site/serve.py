"""Run ``aterkoppla serve --no-worker`` unchanged, but with the B3 settings module.

``serve --no-worker`` migrates, creates the cache table, collects static files and then
replaces itself with gunicorn (``os.execv``) after setting
``DJANGO_SETTINGS_MODULE=aterkoppla.settings``. This launcher wraps ``os.execv`` so that
gunicorn starts with exactly serve's own arguments (worker and thread counts, logging,
timeouts) but loads ``b3_site.settings``, which adds the bare view.

    PYTHONPATH=bench python -m b3_site.serve --no-worker --port 8123 [--workers N]
"""

from __future__ import annotations

import os
import sys

SETTINGS = "b3_site.settings"


def main() -> int:
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    real_execv = os.execv

    def execv(path: str, argv: list[str]) -> None:
        os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
        print("b3_site.serve: exec " + " ".join(argv), flush=True)
        real_execv(path, argv)

    os.execv = execv
    from aterkoppla.cli import main as aterkoppla_main

    return aterkoppla_main(["serve", *sys.argv[1:]])


if __name__ == "__main__":
    raise SystemExit(main())
