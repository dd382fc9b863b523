"""``aterkoppla import-csv RECRUITMENT_ID FILE [--skip-bad] [--no-ack]``."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from aterkoppla.applications.models import Application
from aterkoppla.timeline.models import TimelineEvent

pytestmark = pytest.mark.usefixtures("english", "nov_25")

HEADER = "förnamn;efternamn;e-post;telefon\n"
GOOD = "Sara;Ek;sara.ek@example.se;070-123 45 67\nPer;Lind;per@example.se;\n"
BAD = "Anna;Berg;anna@;\n"


def import_csv(*args: object) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_csv", *map(str, args), stdout=out, stderr=err)
    except CommandError as exc:
        exc.stdout, exc.stderr = out.getvalue(), err.getvalue()
        raise
    return out.getvalue(), err.getvalue()


@pytest.fixture
def write(tmp_path):
    def make(text: str | bytes, name: str = "ansokningar.csv"):
        path = tmp_path / name
        path.write_bytes(text.encode() if isinstance(text, str) else text)
        return path

    return make


def test_imports_a_file_and_says_so(recruitment, write):
    out, err = import_csv(recruitment.pk, write(HEADER + GOOD))
    assert "Read 2 rows (UTF-8, separated by semicolons)." in out
    assert "2 applications were imported. Recruitment: “Lagerarbetare”." in out
    assert err == ""
    event = TimelineEvent.objects.filter(application__recruitment=recruitment).first()
    assert event.actor == TimelineEvent.Actor.SYSTEM
    assert event.data == {"source": "import", "reply_by": "2026-12-18"}


def test_windows_1252_file(recruitment, write):
    out, _err = import_csv(recruitment.pk, write((HEADER + "Åsa;Öberg;;\n").encode("cp1252")))
    assert "Windows-1252" in out
    assert Application.objects.get().candidate.full_name == "Åsa Öberg"


def test_reads_standard_input(recruitment, monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO((HEADER + GOOD).encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    out, _err = import_csv(recruitment.pk, "-")
    assert "2 applications were imported." in out


def test_a_bad_row_refuses_the_file_with_the_line_on_stderr(recruitment, write):
    with pytest.raises(CommandError) as caught:
        import_csv(recruitment.pk, write(HEADER + GOOD + BAD))
    assert caught.value.stderr == "Line 4: the email address “anna@” is not valid.\n"
    assert str(caught.value) == (
        "Nothing was imported, because 1 row has a problem. Correct those rows and run the "
        "command again, or add --skip-bad to import the other rows."
    )
    assert not Application.objects.exists()


def test_skip_bad_imports_the_rest_and_exits_normally(recruitment, write):
    out, err = import_csv(recruitment.pk, write(HEADER + BAD + GOOD), "--skip-bad")
    assert err == "Line 2: the email address “anna@” is not valid.\n"
    assert "2 applications were imported. 1 row with a problem was left out." in out
    assert Application.objects.count() == 2


def test_no_ack_is_on_the_timeline(recruitment, write):
    import_csv(recruitment.pk, write(HEADER + GOOD), "--no-ack")
    assert {e.data["acknowledge"] for e in TimelineEvent.objects.filter(kind="received")} == {False}


def test_duplicates_are_listed_and_do_not_fail(recruitment, application, write):
    out, err = import_csv(recruitment.pk, write(HEADER + GOOD))
    assert "Line 2: sara.ek@example.se has already applied to this recruitment." in out
    assert "1 application was imported." in out
    assert err == ""


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "The file is empty."),
        (HEADER.encode(), "The file has column headings but no applications."),
        (b"%PDF-1.5\n%\xb5\xb5\xb5\xb5\n1 0 obj", "This is a PDF file, not a CSV file."),
        (b"\x00\x01\x02\x03\xff\xfe\x00", "The file is not plain text"),
        (b"name,mail\nSara,sara@example.se\n", "The file has no column for the first name."),
    ],
)
def test_unusable_files_stop_with_a_message(recruitment, write, content, says):
    with pytest.raises(CommandError, match=re.escape(says)):
        import_csv(recruitment.pk, write(content))
    assert not Application.objects.exists()


def test_unknown_recruitment(db, write):
    with pytest.raises(CommandError, match=re.escape("There is no recruitment with id 999999.")):
        import_csv(999999, write(HEADER + GOOD))


def test_missing_file_and_folder(recruitment, tmp_path):
    with pytest.raises(CommandError, match=r"Cannot read the file .*nej\.csv: No such file"):
        import_csv(recruitment.pk, tmp_path / "nej.csv")
    with pytest.raises(CommandError, match="Cannot read the file"):
        import_csv(recruitment.pk, tmp_path)


def test_the_cli_spells_it_import_csv(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "aterkoppla", "import-csv", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "ATERKOPPLA_DATA_DIR": str(tmp_path)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "RECRUITMENT_ID FILE" in result.stdout
    assert "--skip-bad" in result.stdout
