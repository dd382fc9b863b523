"""``aterkoppla lint``: the language check (språkgranskning) on a file or standard input.

Every line is checked on its own. Exit status: 0 when no finding is a ``block``, 1 when at
least one is (so scripts and CI can stop on it), 2 for usage errors such as a missing file.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from typing import IO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aterkoppla.lib.language_check import Finding, check


class Command(BaseCommand):
    help = (
        "Check feedback texts for discriminatory reasoning, vague reasons and disrespect, one "
        "line at a time. Exit status 1 when a finding blocks, 0 otherwise."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", default="-", help="A text file, or - for stdin.")
        parser.add_argument("--lang", choices=("sv", "en", "auto"), default="auto")
        parser.add_argument(
            "--reader",
            choices=("sv", "en"),
            default="sv",
            help="The language of messages and suggestions (default sv).",
        )
        parser.add_argument("--jsonl", action="store_true", help="One JSON object per input line.")

    def handle(self, *args: object, **options: object) -> None:
        lines = self._read(str(options["file"]))
        blocked = False
        counts: Counter[str] = Counter()
        for number, line in enumerate(lines, start=1):
            text = line.rstrip("\r\n")
            findings = check(text, lang=str(options["lang"]), reader_lang=str(options["reader"]))
            blocked = blocked or any(f.severity == "block" for f in findings)
            counts.update(f.severity for f in findings)
            if options["jsonl"]:
                record = {"text": text, "findings": [f.to_dict() for f in findings]}
                self.stdout.write(json.dumps(record, ensure_ascii=False))
            else:
                self._report(number, text, findings)
        if not options["jsonl"]:
            self.stdout.write(
                f"{len(lines)} line(s) checked: {counts['block']} block, {counts['warn']} warn, "
                f"{counts['info']} info."
            )
        if blocked:
            self.stdout.flush()
            sys.exit(1)

    def _read(self, name: str) -> list[str]:
        if name == "-":
            return self._lines(sys.stdin)
        try:
            with open(name, encoding="utf-8") as handle:
                return self._lines(handle)
        except FileNotFoundError:
            raise CommandError(f"No such file: {name}", returncode=2) from None
        except IsADirectoryError:
            raise CommandError(f"{name} is a folder, not a file.", returncode=2) from None
        except PermissionError:
            raise CommandError(f"Cannot read {name}: permission denied.", returncode=2) from None

    @staticmethod
    def _lines(handle: IO[str]) -> list[str]:
        try:
            return handle.read().splitlines()
        except UnicodeDecodeError as exc:
            raise CommandError(
                f"The input is not UTF-8 text ({exc.reason}).", returncode=2
            ) from None

    def _report(self, number: int, text: str, findings: list[Finding]) -> None:
        for finding in findings:
            marked = f"{text[: finding.start]}[[{finding.match}]]{text[finding.end :]}"
            self.stdout.write(
                f"{number}:{finding.start + 1}: {finding.severity} {finding.category}: {marked}"
            )
            self.stdout.write(f"    {finding.message}")
            self.stdout.write(f"    → {finding.suggestion}")
