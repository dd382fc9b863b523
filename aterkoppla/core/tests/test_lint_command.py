"""``aterkoppla lint``: report, JSON lines, exit status 0/1/2."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

AGEIST = "Hon är nog för gammal för vårt unga team"
FINE = "Du saknade erfarenhet av äldre versioner av SAP"

# The command reads text and the lexicon, never the database.
pytestmark = pytest.mark.once


def _lint(*args: str, stdin: str | None = None) -> tuple[int, str]:
    out = io.StringIO()
    old_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        call_command("lint", *args, stdout=out)
        status = 0
    except SystemExit as exc:
        status = int(exc.code or 0)
    finally:
        sys.stdin = old_stdin
    return status, out.getvalue()


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    path = tmp_path / "texts.txt"
    path.write_text(f"{AGEIST}\n{FINE}\n", encoding="utf-8")
    return path


def test_report_marks_the_match_and_exits_1_on_a_block(texts):
    status, out = _lint(str(texts))
    assert status == 1
    assert "1:12: block age: Hon är nog [[för gammal]] för vårt unga team" in out
    assert "2 line(s) checked: 2 block, 0 warn, 0 info." in out
    assert "→ Skriv vilken kompetens" in out


def test_clean_text_exits_0(tmp_path):
    path = tmp_path / "fine.txt"
    path.write_text(FINE + "\n", encoding="utf-8")
    status, out = _lint(str(path))
    assert status == 0
    assert "1 line(s) checked: 0 block, 0 warn, 0 info." in out


def test_warn_alone_exits_0():
    status, out = _lint("-", stdin="Det fanns ingen kemi mellan oss.\n")
    assert status == 0
    assert "warn fit" in out


def test_jsonl_gives_one_object_per_line_in_the_readers_language(texts):
    status, out = _lint("--jsonl", "--reader", "en", str(texts))
    records = [json.loads(line) for line in out.splitlines()]
    assert status == 1
    assert [r["text"] for r in records] == [AGEIST, FINE]
    first = records[0]["findings"][0]
    assert first["match"] == AGEIST[first["start"] : first["end"]] == "för gammal"
    assert first["message"].startswith("Age")
    assert records[1]["findings"] == []
    assert "för gammal" in out  # ensure_ascii=False: Swedish letters as they are


def test_lang_option_is_used_for_the_texts_language():
    _status, out = _lint("--jsonl", "--lang", "en", "-", stdin="She is pregnant.\n")
    assert json.loads(out)["findings"][0]["category"] == "sex"


def test_missing_file_is_a_usage_error():
    with pytest.raises(CommandError, match="No such file") as caught:
        call_command("lint", "/nonexistent/texts.txt")
    assert caught.value.returncode == 2


def test_cli_reads_stdin_and_exits_by_severity(tmp_path):
    env = {**os.environ, "ATERKOPPLA_DATA_DIR": str(tmp_path)}
    cli = Path(sys.executable).with_name("aterkoppla")
    blocked = subprocess.run(  # noqa: S603 — our own CLI
        [str(cli), "lint", "--jsonl", "-"],
        input=AGEIST + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert blocked.returncode == 1, blocked.stderr
    assert json.loads(blocked.stdout)["findings"][0]["category"] == "age"
    missing = subprocess.run(  # noqa: S603
        [str(cli), "lint", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert missing.returncode == 2
    assert "No such file" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_report_shows_the_match_in_context_not_the_whole_line():
    line = ("Vi har gått igenom ansökan noga. " * 20) + AGEIST + (" Tack för visat intresse." * 20)
    status, out = _lint("-", stdin=line + "\n")
    assert status == 1
    [reported] = [row for row in out.splitlines() if "[[för gammal]]" in row]
    assert reported.endswith("…") and "block age: …" in reported
    assert len(reported) < 2 * 40 + 60
    assert len(out) < 2_000


def test_findings_printed_are_capped_and_the_rest_counted(tmp_path):
    from aterkoppla.core.management.commands.lint import MAX_REPORTED

    path = tmp_path / "many.txt"
    path.write_text((AGEIST + "\n") * 150, encoding="utf-8")
    status, out = _lint(str(path))
    assert status == 1
    assert out.count("[[") == MAX_REPORTED
    assert "… 100 more finding(s) not shown (at most 200); use --jsonl for all." in out
    assert "150 line(s) checked: 300 block, 0 warn, 0 info." in out


def test_a_line_longer_than_the_apis_limit_is_refused(tmp_path):
    path = tmp_path / "one-line.txt"
    path.write_text(FINE + " " + AGEIST * 25_000, encoding="utf-8")  # about 1 MB, one line
    with pytest.raises(CommandError, match=r"Line 1 is too long: .* at most 20,000") as caught:
        call_command("lint", str(path), stdout=io.StringIO())
    assert caught.value.returncode == 2


def test_an_input_larger_than_the_limit_is_refused(tmp_path):
    from aterkoppla.core.management.commands.lint import MAX_INPUT

    path = tmp_path / "big.txt"
    path.write_text((FINE + "\n") * (MAX_INPUT // len(FINE) + 1), encoding="utf-8")
    with pytest.raises(CommandError, match="The input is too large") as caught:
        call_command("lint", str(path), stdout=io.StringIO())
    assert caught.value.returncode == 2


def test_a_large_input_within_the_limits_gives_a_bounded_report(tmp_path):
    path = tmp_path / "large.txt"
    path.write_text((AGEIST + " " + FINE + ". " * 400 + "\n") * 300, encoding="utf-8")
    status, out = _lint(str(path))
    assert status == 1
    assert len(out) < 100_000
