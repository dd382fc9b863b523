"""Reading CSV lists of applications: encodings, separators, headings, line numbers, garbage."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aterkoppla.lib.csvimport import (
    STOCKHOLM,
    CsvError,
    CsvFile,
    parse_language,
    parse_received_at,
    read_csv,
    split_merits,
)

FAST = settings(max_examples=150, deadline=None, derandomize=True)


def messages(data: bytes) -> str:
    with pytest.raises(CsvError) as caught:
        read_csv(data)
    return str(caught.value)


# Encodings and separators


def test_excel_semicolons_in_windows_1252_with_swedish_letters():
    text = (
        "Förnamn;Efternamn;E-post;Övriga meriter\r\n"
        "Åsa;Öberg;asa@example.se;Körkort B\r\n"
        "Jörgen;Äng;;\r\n"
    )
    parsed = read_csv(text.encode("cp1252"))
    assert (parsed.encoding, parsed.delimiter) == ("Windows-1252", ";")
    assert parsed.columns == ("first_name", "last_name", "email", "other")
    assert [(r.line, r.first_name, r.last_name) for r in parsed.rows] == [
        (2, "Åsa", "Öberg"),
        (3, "Jörgen", "Äng"),
    ]
    assert parsed.rows[0].merits["other"] == ["Körkort B"]


def test_utf8_with_byte_order_mark():
    parsed = read_csv(codecs.BOM_UTF8 + "förnamn,efternamn\nÅsa,Öberg\n".encode())
    assert parsed.encoding == "UTF-8"
    assert parsed.columns == ("first_name", "last_name")  # the BOM is not part of the heading
    assert parsed.rows[0].first_name == "Åsa"


def test_utf8_without_byte_order_mark_and_tabs():
    parsed = read_csv("first_name\tlast_name\nÅsa\tÖberg\n".encode())
    assert (parsed.encoding, parsed.delimiter) == ("UTF-8", "\t")
    assert parsed.rows[0].last_name == "Öberg"


def test_excel_unicode_text_is_utf16_with_tabs():
    parsed = read_csv("Förnamn\tEfternamn\r\nÅsa\tÖberg\r\n".encode("utf-16"))
    assert (parsed.encoding, parsed.delimiter) == ("UTF-16", "\t")
    assert parsed.rows[0].first_name == "Åsa"


def test_excel_sep_line_decides_the_separator_and_keeps_line_numbers():
    parsed = read_csv(b"sep=,\nfirst_name,last_name\nAnna;Maria,Ek\n")
    assert parsed.delimiter == ","
    assert parsed.rows[0].line == 3
    assert parsed.rows[0].first_name == "Anna;Maria"


def test_decomposed_letters_from_a_mac_are_composed():
    text = unicodedata.normalize("NFD", "Förnamn;Efternamn\nÅsa;Öberg\n")
    parsed = read_csv(text.encode())
    assert parsed.rows[0].first_name == "Åsa"
    assert parsed.columns == ("first_name", "last_name")


# Headings


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("FÖRNAMN", "first_name"),
        ("First name", "first_name"),
        ("first-name", "first_name"),
        ("Efternamn", "last_name"),
        ("E-post", "email"),
        ("epost", "email"),
        ("E-mail", "email"),
        ("Telefon", "phone"),
        ("Mobil", "phone"),
        ("Språk", "language"),
        ("Utbildning", "education"),
        ("Arbetslivserfarenhet", "experience"),
        ("Erfarenhet", "experience"),
        ("Övriga meriter", "other"),
        ("övrigt", "other"),
        ("Inkommen", "received_at"),
        ("received_at", "received_at"),
    ],
)
def test_headings_in_swedish_and_english_any_case(heading, field):
    names = {"first_name": "förnamn", "last_name": "efternamn"}
    columns = [heading if name == field else names[name] for name in names]
    if field not in names:
        columns.append(heading)
    parsed = read_csv((";".join(columns) + "\n" + ";".join(["x"] * len(columns))).encode())
    assert field in parsed.columns


def test_columns_in_any_order():
    parsed = read_csv(b"email,last_name,first_name\nsara@example.se,Ek,Sara\n")
    row = parsed.rows[0]
    assert (row.first_name, row.last_name, row.email) == ("Sara", "Ek", "sara@example.se")


def test_missing_name_columns_are_named():
    says = messages(b"email;phone\nsara@example.se;070-1234567\n")
    assert "The file has no column for the first name." in says
    assert "The file has no column for the last name." in says


def test_unknown_column_is_named():
    says = messages("förnamn;efternamn;Ålder\nSara;Ek;34\n".encode())
    assert "The file has a column “Ålder” that we do not recognise." in says


def test_two_columns_for_the_same_thing():
    says = messages(b"first_name,last_name,E-post,email\nSara,Ek,a@example.se,b@example.se\n")
    assert "two columns for the same thing: “E-post” and “email”" in says


def test_a_trailing_separator_on_the_heading_row_is_harmless():
    parsed = read_csv(b"first_name;last_name;\nSara;Ek;\nPer;Ek\n")
    assert [row.first_name for row in parsed.rows] == ["Sara", "Per"]
    assert all(row.cells_match and not row.problems for row in parsed.rows)


def test_a_value_under_an_unnamed_column_is_a_row_problem():
    parsed = read_csv(b"first_name;;last_name\nSara;oops;Ek\n")
    assert "column without a heading" in str(parsed.rows[0].problems[0])


# Lines, quotes and cells


def test_line_numbers_count_lines_inside_quoted_cells_and_blank_lines():
    data = (
        b"first_name,last_name,education\r\n"
        b'Sara,Ek,"Truckkort A+B\r\nGymnasiet, handel"\r\n'
        b"\r\n"
        b'"Per, Jr",Ek,"one\ntwo\nthree"\r\n'
        b"Lisa,Berg,\r\n"
    )
    parsed = read_csv(data)
    assert [(row.line, row.first_name) for row in parsed.rows] == [
        (2, "Sara"),
        (5, "Per, Jr"),
        (8, "Lisa"),
    ]
    assert parsed.rows[0].merits["education"] == ["Truckkort A+B", "Gymnasiet, handel"]
    assert parsed.rows[1].merits["education"] == ["one", "two", "three"]


def test_old_mac_line_endings_count_as_lines():
    parsed = read_csv(b"first_name,last_name\rSara,Ek\rPer,Ek\r")
    assert [row.line for row in parsed.rows] == [2, 3]


def test_rows_of_empty_cells_under_the_list_are_ignored():
    parsed = read_csv(b"first_name;last_name;email\nSara;Ek;\n;;\n;;\n")
    assert len(parsed.rows) == 1


def test_too_many_cells_is_a_problem_with_the_counts():
    parsed = read_csv(b"first_name,last_name,email\nSara,Ek,sara@example.se,extra\n")
    (row,) = parsed.rows
    assert not row.cells_match
    assert "has 4 cells but there are 3 columns" in str(row.problems[0])


def test_too_few_cells_is_a_problem():
    parsed = read_csv(b"first_name,last_name,email\nSara\n")
    assert "has 1 cells but there are 3 columns" in str(parsed.rows[0].problems[0])


def test_extra_empty_cells_at_the_end_are_harmless():
    parsed = read_csv(b"first_name,last_name\nSara,Ek,,,\n")
    assert parsed.rows[0].cells_match


def test_unclosed_quote_gives_the_line_it_opened_on():
    says = messages(b'first_name,last_name\nSara,Ek\n"Per,Ek\nLisa,Berg\n')
    assert says.startswith("Line 3: a quotation mark is opened and never closed")


def test_misplaced_quote_gives_its_line():
    says = messages(b'first_name,last_name\nSara,Ek\n"Per" Jr,Ek\n')
    assert says.startswith("Line 3: a quotation mark is in the wrong place")


def test_quotes_inside_an_unquoted_cell_are_kept():
    parsed = read_csv(b'first_name,last_name\nAnna "Annie",Ek\n')
    assert parsed.rows[0].first_name == 'Anna "Annie"'


# Resource limits: a hostile file within the 5 MB upload costs little and gets a clear answer


def test_reading_stops_at_the_first_row_past_max_rows():
    # Two and a half million rows: read whole, they took 8 s and 600 MB before the refusal.
    data = b"first_name;last_name\n" + b"a;b\n" * 2_500_000
    with pytest.raises(CsvError) as caught:
        read_csv(data, max_rows=2000)
    assert str(caught.value) == (
        "The file has more than 2000 rows, the most that can be imported at once here. "
        "Split the list into smaller files."
    )
    assert len(read_csv(b"first_name;last_name\n" + b"a;b\n" * 2000, max_rows=2000).rows) == 2000


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"first_name;last_name\n" + b";" * 5_000_000 + b"x\n", 2),
        # The heading row itself: the separator sniffing read it whole and raised csv.Error.
        (b";" * 5_000_000 + b"\nSara;Ek\n", 1),
        (b"first_name;last_name\n" + b"a;b" + b";" * 500 + b"\n", 2),
    ],
)
def test_a_record_wider_than_max_columns_is_refused_with_its_line(data, line):
    assert messages(data) == (
        f"Line {line} has more than 500 columns. Check the separator, or remove the empty "
        "columns at the right of the sheet."
    )


def test_a_heading_cell_past_the_field_limit_is_a_problem_not_a_crash():
    assert messages(b"x" * 200_000 + b"\nSara\n") == (
        "Line 1: a cell is too long to read. Check that every quotation mark is closed."
    )


def test_five_hundred_columns_are_still_read():
    parsed = read_csv(b"first_name;last_name" + b";" * 498 + b"\nSara;Ek" + b";" * 498 + b"\n")
    assert parsed.rows[0].first_name == "Sara"


# Files that are not lists


@pytest.mark.parametrize("data", [b"", b"  \r\n\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n\n"])
def test_empty_file(data):
    assert messages(data) == "The file is empty."


def test_heading_row_only():
    assert messages(b"first_name;last_name\r\n;\r\n") == (
        "The file has column headings but no applications."
    )


def test_pdf_renamed_to_csv():
    assert "This is a PDF file" in messages(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")


@pytest.mark.parametrize("magic", [b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"])
def test_excel_workbook_instead_of_csv(magic):
    assert "spreadsheet workbook" in messages(magic + b"\x14\x00\x06\x00rest")


def test_binary_garbage():
    says = messages(bytes(range(256)) * 4)
    assert "not plain text" in says


def test_a_control_character_gives_its_line():
    says = messages(b"first_name,last_name\nSara,Ek\nPer\x07,Ek\n")
    assert "line 3 contains characters" in says


def test_dos_end_of_file_mark_is_ignored():
    assert read_csv(b"first_name,last_name\r\nSara,Ek\r\n\x1a").rows[0].last_name == "Ek"


# Values


@pytest.mark.parametrize(
    ("value", "language"),
    [
        ("sv", "sv"),
        ("SV", "sv"),
        ("svenska", "sv"),
        ("Swedish", "sv"),
        ("en", "en"),
        ("Engelska", "en"),
        ("english", "en"),
        ("", None),
    ],
)
def test_languages(value, language):
    assert parse_language(value) == language


def test_unknown_language_is_a_row_problem():
    parsed = read_csv("förnamn;efternamn;språk\nSara;Ek;finska\nPer;Ek;\n".encode())
    assert "the language “finska” is not one we know" in str(parsed.rows[0].problems[0])
    assert parsed.rows[1].language is None  # the recruitment's language applies


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-20", dt.datetime(2026, 11, 20, 0, 0, tzinfo=STOCKHOLM)),
        ("2026-11-20 09:30", dt.datetime(2026, 11, 20, 9, 30, tzinfo=STOCKHOLM)),
        ("2026-11-20 9.30", dt.datetime(2026, 11, 20, 9, 30, tzinfo=STOCKHOLM)),
        ("2026-06-20T09:30:15", dt.datetime(2026, 6, 20, 9, 30, 15, tzinfo=STOCKHOLM)),
        ("2026-11-20T08:30:00Z", dt.datetime(2026, 11, 20, 9, 30, tzinfo=STOCKHOLM)),
        ("2026-11-20T09:30+01:00", dt.datetime(2026, 11, 20, 9, 30, tzinfo=STOCKHOLM)),
        ("", None),
    ],
)
def test_dates_received(value, expected):
    assert parse_received_at(value) == expected


def test_local_times_follow_summer_and_winter_time():
    assert parse_received_at("2026-07-01 12:00").utcoffset() == dt.timedelta(hours=2)
    assert parse_received_at("2026-12-01 12:00").utcoffset() == dt.timedelta(hours=1)


@pytest.mark.parametrize(
    "value",
    [
        "20/11/2026",
        "2026-13-01",
        "2026-02-30",
        "2026-11-20 25:00",
        "igår",
        "1026-11-20",
        "20261120",
    ],
)
def test_unreadable_dates(value):
    with pytest.raises(ValueError):
        parse_received_at(value)


def test_unreadable_date_is_a_row_problem():
    parsed = read_csv(b"first_name;last_name;received_at\nSara;Ek;20/11/2026\n")
    assert "the date received, “20/11/2026”, cannot be read" in str(parsed.rows[0].problems[0])


def test_merits_split_on_bars_and_lines():
    assert split_merits(" Truckkort | Körkort B\n\nGymnasiet\r\n") == [
        "Truckkort",
        "Körkort B",
        "Gymnasiet",
    ]


# Properties


def _problems_are_readable(exc: CsvError) -> None:
    assert exc.problems
    for problem in exc.problems:
        assert str(problem)  # every placeholder is filled


@FAST
@given(st.binary(max_size=600))
def test_any_bytes_give_rows_or_a_clear_error(data):
    try:
        parsed = read_csv(data)
    except CsvError as exc:
        _problems_are_readable(exc)
    else:
        assert isinstance(parsed, CsvFile)
        assert parsed.rows


@FAST
@given(st.text(max_size=300), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_any_text_gives_rows_or_a_clear_error(text, encoding):
    data = text.encode(encoding, errors="replace")
    try:
        parsed = read_csv(b"first_name;last_name;email;language;received_at\n" + data)
    except CsvError as exc:
        _problems_are_readable(exc)
    else:
        for row in parsed.rows:
            for problem in row.problems:
                assert str(problem)


# Cells as a spreadsheet would hold them: anything printable, separators, quotes, line breaks.
cell_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
    | st.sampled_from([",", ";", "\t", '"', "|", "\n", "\r", " "]),
    max_size=25,
)
name_text = cell_text.filter(lambda value: value.strip() != "")
swedish_text = st.text(st.sampled_from("abcÅÄÖåäöéü ,;\"|\n-'"), max_size=20)


@FAST
@given(
    rows=st.lists(st.tuples(name_text, cell_text, cell_text, cell_text), min_size=1, max_size=8),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig"]),
)
def test_what_a_spreadsheet_writes_is_read_back_with_its_line_numbers(rows, delimiter, encoding):
    _assert_round_trip(rows, delimiter, encoding)


@FAST
@given(
    rows=st.lists(
        st.tuples(swedish_text.filter(str.strip), swedish_text, swedish_text, swedish_text),
        min_size=1,
        max_size=8,
    ),
    delimiter=st.sampled_from([",", ";"]),
)
def test_windows_1252_lists_are_read_back_too(rows, delimiter):
    _assert_round_trip(rows, delimiter, "cp1252")


def _assert_round_trip(rows, delimiter, encoding):
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["Förnamn", "Efternamn", "E-post", "Utbildning"])
    starts = []
    for row in rows:
        starts.append(len(re.findall(r"\r\n|\r|\n", out.getvalue())) + 1)
        writer.writerow(row)

    parsed = read_csv(out.getvalue().encode(encoding))

    def nfc(value):
        return unicodedata.normalize("NFC", value).strip()

    assert [row.line for row in parsed.rows] == starts
    for row, (first, last, email, education) in zip(parsed.rows, rows, strict=True):
        assert row.cells_match
        assert (row.first_name, row.last_name, row.email) == (nfc(first), nfc(last), nfc(email))
        assert row.merits["education"] == split_merits(nfc(education))


def test_numbered_merit_columns_are_read_as_structured_merits():
    from aterkoppla.lib.csvimport import CsvMerit, parse_length, parse_period

    data = (
        "First name;Last name;Experience 2;Experience 2 length;Experience 2 employer;"
        "Experience 2 period;Education 1 level\n"
        "Ada;Berg;warehouse worker;2 år 3 mån;Nordlager AB;2019–;Masterexamen\n"
    ).encode()
    parsed = read_csv(data)
    assert parsed.rows[0].structured == (
        CsvMerit(kind="education", number=1, column="Education 1 level", level="master"),
        CsvMerit(
            kind="experience",
            number=2,
            column="Experience 2",
            text="warehouse worker",
            years=2,
            months=3,
            organisation="Nordlager AB",
            from_year=2019,
        ),
    )
    assert parse_length("8 mån") == (None, 8)
    assert parse_length("18 months") == (1, 6)
    assert parse_length("6") == (6, None)
    assert parse_period("2021") == (None, 2021)
    assert parse_period("2016 - 2022") == (2016, 2022)
