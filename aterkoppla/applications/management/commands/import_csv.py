"""``aterkoppla import-csv RECRUITMENT_ID FILE``: import applications from a CSV file.

The columns are described in the README and on the upload page. What was imported goes to
standard output; rows with problems go to standard error. The exit status is non-zero when
rows with problems kept the import from happening (without ``--skip-bad``), and when the
recruitment or the file cannot be found or read.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext

from aterkoppla.applications.importing import applications_import
from aterkoppla.recruitment.models import Recruitment


class Command(BaseCommand):
    help = (
        "Import applications to a recruitment from a CSV file (UTF-8 or Windows-1252; comma, "
        "semicolon or tab). Nothing is imported if any row has a problem, unless --skip-bad."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("recruitment_id", type=int, metavar="RECRUITMENT_ID")
        parser.add_argument("file", metavar="FILE", help="The CSV file; - reads standard input.")
        parser.add_argument(
            "--skip-bad",
            action="store_true",
            help="Import the good rows and report the others, instead of importing nothing.",
        )
        parser.add_argument(
            "--no-ack",
            action="store_true",
            help="Send no acknowledgements: the candidates were already told elsewhere.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        recruitment = Recruitment.objects.filter(pk=options["recruitment_id"]).first()
        if recruitment is None:
            raise CommandError(
                gettext("There is no recruitment with id %(id)s.")
                % {"id": options["recruitment_id"]}
            )
        data = self._read(str(options["file"]))
        try:
            result = applications_import(
                recruitment=recruitment,
                data=data,
                by=None,
                skip_bad=bool(options["skip_bad"]),
                acknowledge=not options["no_ack"],
            )
        except ValidationError as exc:
            raise CommandError("\n".join(exc.messages)) from None

        self.stdout.write(result.read_note())
        for bad in result.bad_rows:
            for message in bad.messages:
                self.stderr.write(message)
        for duplicate in result.duplicates:
            self.stdout.write(duplicate.message)
        summary = " ".join(result.summary())
        if result.refused:
            hint = gettext(
                "Correct those rows and run the command again, or add --skip-bad to import "
                "the other rows."
            )
            raise CommandError(f"{summary} {hint}")
        style = self.style.WARNING if result.bad_rows else self.style.SUCCESS
        self.stdout.write(
            style(
                gettext("%(summary)s Recruitment: “%(title)s”.")
                % {"summary": summary, "title": recruitment.title}
            )
        )

    def _read(self, name: str) -> bytes:
        if name == "-":
            return sys.stdin.buffer.read()
        try:
            return Path(name).read_bytes()
        except OSError as exc:
            raise CommandError(
                gettext("Cannot read the file %(name)s: %(reason)s.")
                % {"name": name, "reason": exc.strerror or exc}
            ) from None
