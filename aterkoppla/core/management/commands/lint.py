"""``aterkoppla lint``: the language check (språkgranskning) on a file or standard input.

Every line is checked on its own. Exit status: 0 when no finding is a ``block``, 1 when at
least one is (so scripts and CI can stop on it), 2 for usage errors such as a missing file or
an input too large.

The input is bounded like the API's (``POST /api/v1/lint``): a line may be at most
``MAX_LINE`` characters, the same limit as ``aterkoppla.language.review.MAX_TEXT`` (which this
layer cannot import; a test keeps the two equal), and the whole input at most ``MAX_INPUT``.
The report shows each match with a little context, never the whole line, and at most
``MAX_REPORTED`` findings; ``--jsonl`` gives them all.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from typing import IO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aterkoppla.lib.language_check import Finding, check

MAX_LINE = 20_000
MAX_INPUT = 2_000_000
MAX_REPORTED = 200
CONTEXT = 40


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
        for number, line in enumerate(lines, start=1):
            if len(line) > MAX_LINE:
                raise CommandError(
                    f"Line {number} is too long: {len(line):,} characters, at most "
                    f"{MAX_LINE:,} per line (the API's limit). Split the text into lines.",
                    returncode=2,
                )
        blocked = False
        counts: Counter[str] = Counter()
        self._reported = 0
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
            hidden = sum(counts.values()) - self._reported
            if hidden:
                self.stdout.write(
                    f"… {hidden} more finding(s) not shown (at most {MAX_REPORTED}); "
                    "use --jsonl for all."
                )
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
            text = handle.read(MAX_INPUT + 1)
        except UnicodeDecodeError as exc:
            raise CommandError(
                f"The input is not UTF-8 text ({exc.reason}).", returncode=2
            ) from None
        if len(text) > MAX_INPUT:
            raise CommandError(
                f"The input is too large: at most {MAX_INPUT:,} characters. Check it in parts.",
                returncode=2,
            )
        return text.splitlines()

    def _report(self, number: int, text: str, findings: list[Finding]) -> None:
        for finding in findings:
            if self._reported >= MAX_REPORTED:
                return
            self._reported += 1
            lo, hi = max(0, finding.start - CONTEXT), min(len(text), finding.end + CONTEXT)
            before = ("…" if lo else "") + text[lo : finding.start]
            after = text[finding.end : hi] + ("…" if hi < len(text) else "")
            marked = f"{before}[[{finding.match}]]{after}"
            self.stdout.write(
                f"{number}:{finding.start + 1}: {finding.severity} {finding.category}: {marked}"
            )
            self.stdout.write(f"    {finding.message}")
            self.stdout.write(f"    → {finding.suggestion}")
