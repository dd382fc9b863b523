"""``aterkoppla compilecatalog``: compile every message catalogue (.po) to .mo with polib.

Django's ``compilemessages`` needs GNU msgfmt, which a fresh machine may not have; polib is a
dev dependency, so ``make messages`` works wherever ``make test`` does.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

if TYPE_CHECKING:
    import polib


def load_polib() -> ModuleType:
    try:
        import polib
    except ImportError:
        raise CommandError(
            "polib is missing: it is a dev dependency, install with pip install -e '.[dev]'."
        ) from None
    return polib


def catalogue_files() -> list[Path]:
    """Every ``<locale path>/<language>/LC_MESSAGES/<domain>.po`` of the project."""
    return sorted(
        po
        for locale_dir in settings.LOCALE_PATHS
        for po in Path(locale_dir).glob("*/LC_MESSAGES/*.po")
    )


def read_po(path: Path) -> polib.POFile:
    try:
        return load_polib().pofile(str(path))
    except (OSError, ValueError) as exc:
        raise CommandError(f"{shown(path)} cannot be read: {exc}") from None


def compile_po(path: Path) -> bytes:
    """The .mo for the catalogue at ``path``: translated entries only, never fuzzy ones."""
    return read_po(path).to_binary()


def shown(path: Path) -> str:
    """``path`` relative to the working directory when it is below it, for messages."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class Command(BaseCommand):
    help = "Compile every message catalogue (.po) of Återkoppla to .mo, without GNU gettext."

    def handle(self, *args: object, **options: object) -> None:
        catalogues = catalogue_files()
        if not catalogues:
            raise CommandError(
                "No catalogues found in " + ", ".join(str(p) for p in settings.LOCALE_PATHS)
            )
        for po_path in catalogues:
            mo_path = po_path.with_suffix(".mo")
            data = compile_po(po_path)
            # Rewrite only on change, so that an unchanged .mo keeps its timestamp.
            if mo_path.exists() and mo_path.read_bytes() == data:
                verb = "Up to date"
            else:
                mo_path.write_bytes(data)
                verb = "Compiled"
            self.stdout.write(f"{verb}: {shown(mo_path)}")
