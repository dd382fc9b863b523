"""``aterkoppla checkcatalog``: is the Swedish catalogue complete, and is every .mo current?

Fails, listing each problem, when the catalogue has an untranslated or fuzzy entry, a header
that would break gettext at run time, or a committed .mo that does not hold what compiling its
.po gives. With ``--refresh`` (as in CI) it first extracts the strings from the code with
Django's makemessages (GNU gettext's xgettext), so a string added to the code but not yet to the
catalogue counts as untranslated. The .po files are put back as they were afterwards: a check
changes nothing; ``make messages`` is what updates the catalogue.
"""

from __future__ import annotations

import codecs
import contextlib
import gettext
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from aterkoppla.core.management.commands.compilecatalog import (
    catalogue_files,
    compile_po,
    load_polib,
    read_po,
    shown,
)

if TYPE_CHECKING:
    import polib

DEFAULT_LOCALES = ["sv"]
# The same options as `make messages`, so a refresh sees what a developer would get.
MAKEMESSAGES_OPTIONS = {"no_obsolete": True, "no_location": True}


def _quoted(entry: polib.POEntry) -> str:
    text = entry.msgid.replace("\n", "\\n")
    if len(text) > 100:
        text = text[:99] + "…"
    context = f" (context “{entry.msgctxt}”)" if entry.msgctxt else ""
    return f"“{text}”{context}"


def header_problems(po: polib.POFile) -> list[str]:
    """Header values that Python's gettext would fail on when Django loads the catalogue."""
    problems = []
    content_type = po.metadata.get("Content-Type", "")
    charset = content_type.partition("charset=")[2].strip() or "ascii"
    try:
        codecs.lookup(charset)
    except LookupError:
        problems.append(f"header: Content-Type has no real charset: “{content_type}”")
    plural_forms = po.metadata.get("Plural-Forms", "")
    if plural_forms:
        try:
            # Parsed the way gettext.GNUTranslations does it.
            gettext.c2py(plural_forms.split(";")[1].split("plural=")[1])
        except (IndexError, ValueError, SyntaxError, RecursionError):
            problems.append(f"header: Plural-Forms is not a valid expression: “{plural_forms}”")
    return problems


def entry_problems(po: polib.POFile) -> list[str]:
    return [f"untranslated: {_quoted(e)}" for e in po.untranslated_entries()] + [
        f"fuzzy: {_quoted(e)}" for e in po.fuzzy_entries()
    ]


def _mo_contents(data: bytes) -> tuple[dict[str, str], dict[tuple, object]]:
    mo = load_polib().mofile(data)
    messages = {
        (e.msgctxt, e.msgid, e.msgid_plural): (
            tuple(sorted(e.msgstr_plural.items())) if e.msgid_plural else e.msgstr
        )
        for e in mo
    }
    return dict(mo.metadata), messages


def stale_mo_problem(po_path: Path) -> str | None:
    """Why the .mo beside ``po_path`` is not what compiling the .po gives, if it is not.

    Compared by content rather than by bytes, so a .mo written by GNU msgfmt counts as current
    when it holds the same messages.
    """
    mo_path = po_path.with_suffix(".mo")
    if not mo_path.exists():
        return f"{shown(mo_path)} is missing"
    try:
        committed = _mo_contents(mo_path.read_bytes())
    except (OSError, ValueError) as exc:
        return f"{shown(mo_path)} cannot be read: {exc}"
    expected = _mo_contents(compile_po(po_path))
    if committed == expected:
        return None
    committed_messages, expected_messages = committed[1], expected[1]
    differ = {
        key
        for key in committed_messages.keys() | expected_messages.keys()
        if committed_messages.get(key) != expected_messages.get(key)
    }
    what = f"{len(differ)} message(s) differ" if differ else "the header differs"
    return f"{shown(mo_path)} is out of date with its .po: {what}"


@contextlib.contextmanager
def _put_back(paths: list[Path]) -> Iterator[None]:
    """Restore ``paths`` to their current contents (or absence) when the block ends."""
    saved = {path: path.read_bytes() if path.exists() else None for path in paths}
    try:
        yield
    finally:
        for path, data in saved.items():
            if data is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(data)


def refresh(locales: list[str]) -> None:
    """Extract the strings from the code into the catalogues, as ``make messages`` does.

    makemessages scans the working directory, so it runs from the folder that holds the
    project's first locale path: the ``aterkoppla`` package.
    """
    root = Path(settings.LOCALE_PATHS[0]).parent
    try:
        with contextlib.chdir(root):
            call_command("makemessages", locale=locales, verbosity=0, **MAKEMESSAGES_OPTIONS)
    except CommandError as exc:
        raise CommandError(
            f"{exc} --refresh needs GNU gettext (Debian: apt-get install gettext)."
        ) from None


class Command(BaseCommand):
    help = (
        "Fail, listing each problem, when the Swedish catalogue has untranslated or fuzzy "
        "entries or a .mo is out of date with its .po."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--locale",
            "-l",
            action="append",
            dest="locales",
            help="Language whose catalogue must be complete (default: sv). Repeat for more.",
        )
        parser.add_argument(
            "--refresh",
            action="store_true",
            help=(
                "First extract the strings from the code (needs GNU gettext), so strings not "
                "yet in the catalogue count as untranslated. The .po files are left unchanged."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.LOCALE_PATHS:
            raise CommandError("settings.LOCALE_PATHS is empty: there is no catalogue to check.")
        locales = options["locales"] or DEFAULT_LOCALES
        catalogues = [
            Path(locale_dir) / locale / "LC_MESSAGES" / "django.po"
            for locale_dir in settings.LOCALE_PATHS
            for locale in locales
        ]
        problems = []
        # Before any refresh: the committed .mo must match the committed .po.
        for po_path in catalogue_files():
            problem = stale_mo_problem(po_path)
            if problem:
                problems.append(problem)
        present = [path for path in catalogues if path.exists()]
        problems += [f"{shown(path)} is missing" for path in catalogues if not path.exists()]

        counts = {}
        with _put_back(catalogues):
            if options["refresh"]:
                refresh(locales)
            for po_path in present:
                po = read_po(po_path)
                counts[po_path] = len([e for e in po if not e.obsolete])
                problems += [
                    f"{shown(po_path)}: {p}" for p in header_problems(po) + entry_problems(po)
                ]

        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(
                f"{len(problems)} problem(s) in the message catalogue. Run `make messages`, "
                "translate what is listed in the .po (clearing each “fuzzy” flag), then run "
                "`make messages` again."
            )
        for po_path, count in counts.items():
            message = f"{shown(po_path)}: all {count} messages translated; .mo files current."
            self.stdout.write(self.style.SUCCESS(message))
