"""``compilecatalog`` and ``checkcatalog`` on a small catalogue written by each test."""

from __future__ import annotations

import gettext
import io
import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from aterkoppla.core.management.commands.compilecatalog import load_polib

HEADER = """\
msgid ""
msgstr ""
"Language: sv\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""

COMPLETE = """
msgid "Recruitments"
msgstr "Rekryteringar"

msgctxt "verb"
msgid "Move"
msgstr "Flytta"

msgid "%(n)s application"
msgid_plural "%(n)s applications"
msgstr[0] "%(n)s ansökan"
msgstr[1] "%(n)s ansökningar"
"""


@pytest.fixture
def locale_dir(settings, tmp_path: Path) -> Path:
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    return tmp_path / "locale"


def write_po(locale_dir: Path, body: str, header: str = HEADER) -> Path:
    po_path = locale_dir / "sv" / "LC_MESSAGES" / "django.po"
    po_path.parent.mkdir(parents=True, exist_ok=True)
    po_path.write_text(header + textwrap.dedent(body), encoding="utf-8")
    return po_path


def check(*args: str) -> tuple[str, str]:
    """Run checkcatalog; return (stdout, stderr) or raise CommandError with stderr attached."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("checkcatalog", *args, stdout=out, stderr=err)
    except CommandError as exc:
        exc.stderr = err.getvalue()
        raise
    return out.getvalue(), err.getvalue()


def test_compiled_catalogue_is_what_gettext_reads(locale_dir: Path) -> None:
    po_path = write_po(
        locale_dir,
        COMPLETE
        + """
        #, fuzzy
        msgid "Requirement profile"
        msgstr "Kravprofil"
        """,
    )
    call_command("compilecatalog", stdout=io.StringIO())

    with po_path.with_suffix(".mo").open("rb") as mo:
        translations = gettext.GNUTranslations(mo)
    assert translations.gettext("Recruitments") == "Rekryteringar"
    assert translations.pgettext("verb", "Move") == "Flytta"
    assert translations.ngettext("%(n)s application", "%(n)s applications", 2) == (
        "%(n)s ansökningar"
    )
    # A fuzzy entry is a guess waiting for review: never shown to anyone.
    assert translations.gettext("Requirement profile") == "Requirement profile"


def test_compiling_an_unchanged_catalogue_leaves_the_mo_alone(locale_dir: Path) -> None:
    mo_path = write_po(locale_dir, COMPLETE).with_suffix(".mo")
    call_command("compilecatalog", stdout=io.StringIO())
    os.utime(mo_path, (1_000_000_000, 1_000_000_000))

    out = io.StringIO()
    call_command("compilecatalog", stdout=out)

    assert mo_path.stat().st_mtime == 1_000_000_000
    assert "Up to date" in out.getvalue()


def test_compiling_with_no_catalogue_fails(locale_dir: Path) -> None:
    with pytest.raises(CommandError, match="No catalogues found"):
        call_command("compilecatalog", stdout=io.StringIO())


def test_complete_catalogue_with_current_mo_passes(locale_dir: Path) -> None:
    write_po(locale_dir, COMPLETE)
    call_command("compilecatalog", stdout=io.StringIO())

    out, err = check()

    assert "all 3 messages translated" in out
    assert err == ""


def test_untranslated_and_fuzzy_entries_are_listed(locale_dir: Path) -> None:
    write_po(
        locale_dir,
        COMPLETE
        + """
        msgid "Log out"
        msgstr ""

        #, fuzzy
        msgid "Requirement profile"
        msgstr "Kravprofiler"

        msgid "%(n)s requirement"
        msgid_plural "%(n)s requirements"
        msgstr[0] "%(n)s krav"
        msgstr[1] ""
        """,
    )
    call_command("compilecatalog", stdout=io.StringIO())

    with pytest.raises(CommandError, match="3 problem") as caught:
        check()

    assert "untranslated: “Log out”" in caught.value.stderr
    assert "untranslated: “%(n)s requirement”" in caught.value.stderr
    assert "fuzzy: “Requirement profile”" in caught.value.stderr


def test_mo_out_of_date_with_its_po_fails(locale_dir: Path) -> None:
    po_path = write_po(locale_dir, COMPLETE)
    call_command("compilecatalog", stdout=io.StringIO())
    po_path.write_text(
        po_path.read_text(encoding="utf-8").replace('"Flytta"', '"Flytta till"'), encoding="utf-8"
    )

    with pytest.raises(CommandError, match="1 problem") as caught:
        check()

    assert "django.mo is out of date with its .po: 1 message(s) differ" in caught.value.stderr


def test_missing_mo_fails(locale_dir: Path) -> None:
    write_po(locale_dir, COMPLETE)

    with pytest.raises(CommandError) as caught:
        check()

    assert "django.mo is missing" in caught.value.stderr


def test_mo_written_by_another_compiler_counts_as_current(locale_dir: Path) -> None:
    """GNU msgfmt lays a .mo out differently from polib; the same messages are what count."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("GNU msgfmt is not installed")
    po_path = write_po(locale_dir, COMPLETE)
    mo_path = po_path.with_suffix(".mo")
    subprocess.run([msgfmt, "-o", mo_path, po_path], check=True)  # noqa: S603
    assert mo_path.read_bytes() != load_polib().pofile(str(po_path)).to_binary()

    check()


def test_header_that_breaks_gettext_is_reported(locale_dir: Path) -> None:
    header = HEADER.replace("nplurals=2; plural=(n != 1);", "nplurals=INTEGER; plural=EXPRESSION;")
    write_po(locale_dir, COMPLETE, header=header.replace("charset=UTF-8", "charset=CHARSET"))
    call_command("compilecatalog", stdout=io.StringIO())

    with pytest.raises(CommandError) as caught:
        check()

    assert "Plural-Forms is not a valid expression" in caught.value.stderr
    assert "Content-Type has no real charset" in caught.value.stderr


def test_missing_swedish_catalogue_fails(locale_dir: Path) -> None:
    with pytest.raises(CommandError) as caught:
        check()

    assert "sv/LC_MESSAGES/django.po is missing" in caught.value.stderr


needs_xgettext = pytest.mark.skipif(
    shutil.which("xgettext") is None and os.environ.get("CI") != "true",
    reason="--refresh needs GNU gettext's xgettext (Debian: apt-get install gettext)",
)


@needs_xgettext
def test_refresh_counts_strings_in_code_missing_from_the_catalogue(
    locale_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = locale_dir.parent / "views.py"
    code.write_text(
        "from django.utils.translation import gettext as _\n\n"
        'TITLE = _("Recruitments")\n'
        'NEW = _("Give the recruitment a title.")\n',
        encoding="utf-8",
    )
    po_path = write_po(locale_dir, COMPLETE)
    call_command("compilecatalog", stdout=io.StringIO())
    before = po_path.read_bytes()
    monkeypatch.chdir("/")  # --refresh must find the code by itself, not rely on the cwd

    with pytest.raises(CommandError, match="1 problem") as caught:
        check("--refresh")

    assert "untranslated: “Give the recruitment a title.”" in caught.value.stderr
    assert po_path.read_bytes() == before, "a check must leave the catalogue as it was"
