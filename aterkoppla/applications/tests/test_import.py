"""Importing applications from CSV: row checks, duplicates, all or nothing, --skip-bad."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aterkoppla.applications.importing import (
    BadRow,
    ValidRow,
    applications_import,
    check_row,
    check_rows,
    example_csv,
    receive_rows,
)
from aterkoppla.applications.models import Application, Candidate
from aterkoppla.lib.csvimport import CsvRow, read_csv
from aterkoppla.timeline.models import TimelineEvent

NOV_25 = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)

pytestmark = pytest.mark.usefixtures("english", "nov_25")

HEADER = "förnamn;efternamn;e-post;telefon;språk;utbildning;erfarenhet;övriga meriter;inkommen\n"
SARA = "Sara;Ek;sara.ek@example.se;070-123 45 67;;Truckkort A+B|Gymnasiet;Lager, 3 år;;\n"
PER = "Per;Lind;per.lind@example.se;;en;;;Körkort B;2026-11-20 09:30\n"
LISA = "Lisa;Berg;;+44 20 7946 0958;svenska;;;;\n"


def csv_bytes(*rows: str, encoding: str = "utf-8") -> bytes:
    return (HEADER + "".join(rows)).encode(encoding)


def run(recruitment, data: bytes, **options):
    return applications_import(recruitment=recruitment, data=data, by=None, **options)


def test_good_rows_are_received_as_imports(recruitment, owner):
    result = applications_import(recruitment=recruitment, data=csv_bytes(SARA, PER, LISA), by=owner)

    assert (result.imported, result.bad_rows, result.duplicates) == (3, [], [])
    assert result.summary() == ["3 applications were imported."]
    sara = Application.objects.get(candidate__email="sara.ek@example.se")
    assert sara.source == Application.Source.IMPORT
    assert sara.candidate.phone == "+46701234567"
    assert sara.candidate.language == "sv"  # the recruitment's language
    assert [(m.kind, m.role, m.field, m.level, m.years) for m in sara.merits.all()] == [
        ("education", "", "truckkort A+B", "", None),
        ("education", "", "", "upper_secondary", None),
        ("experience", "lager", "", "", 3),
    ]
    assert sara.reply_by == dt.date(2026, 12, 18)
    event = sara.timeline.get(kind="received")
    assert (event.actor_user, event.data) == (owner, {"source": "import", "reply_by": "2026-12-18"})
    per = Application.objects.get(candidate__email="per.lind@example.se")
    assert per.candidate.language == "en"
    assert per.received_at == dt.datetime(2026, 11, 20, 8, 30, tzinfo=dt.UTC)
    assert per.timeline.get(kind="received").at == per.received_at
    assert Candidate.objects.get(last_name="Berg").language == "sv"


def test_no_ack_is_recorded_on_the_timeline(recruitment):
    run(recruitment, csv_bytes(SARA), acknowledge=False)
    event = TimelineEvent.objects.get(kind="received")
    assert event.data["acknowledge"] is False
    assert event.data["source"] == "import"


def test_windows_1252_with_semicolons_from_swedish_excel(recruitment):
    data = csv_bytes("Åsa;Öberg;asa@example.se;;;;;;\n", encoding="cp1252")
    result = run(recruitment, data)
    assert result.imported == 1
    assert result.read_note() == "Read 1 row (Windows-1252, separated by semicolons)."
    assert Candidate.objects.get().full_name == "Åsa Öberg"


def test_one_bad_row_refuses_the_whole_file_with_its_line_number(recruitment):
    data = csv_bytes(SARA, "Anna;Berg;anna@;;;;;;\n", PER)

    result = run(recruitment, data)

    assert result.refused
    assert result.imported == 0
    assert [bad.messages for bad in result.bad_rows] == [
        ["Line 3: the email address “anna@” is not valid."]
    ]
    assert result.summary() == ["Nothing was imported, because 1 row has a problem."]
    assert not Application.objects.exists()
    assert not Candidate.objects.exists()


def test_skip_bad_imports_the_good_rows_and_reports_the_rest(recruitment):
    data = csv_bytes(SARA, ";Berg;;;;;;;\n", PER, "Ola;Ek;;12;;;;;\n")

    result = run(recruitment, data, skip_bad=True)

    assert not result.refused
    assert result.imported == 2
    assert [m for bad in result.bad_rows for m in bad.messages] == [
        "Line 3: a first name is missing.",
        "Line 5: “12” is not a phone number we can call.",
    ]
    assert result.summary() == [
        "2 applications were imported.",
        "2 rows with problems were left out.",
    ]
    assert Application.objects.count() == 2


def test_every_problem_of_a_row_is_reported(recruitment):
    result = run(recruitment, csv_bytes(";;x@;ring mig;klingon;;;;2026-13-01\n"))
    (bad,) = result.bad_rows
    assert bad.messages == [
        "Line 2: the language “klingon” is not one we know. Write sv (Swedish) or en (English).",
        "Line 2: the date received, “2026-13-01”, cannot be read. "
        "Write it as 2026-11-20 or 2026-11-20 09:30.",
        "Line 2: a first name is missing.",
        "Line 2: a last name is missing.",
        "Line 2: the email address “x@” is not valid.",
        "Line 2: “ring mig” is not a phone number we can call.",
    ]


def test_a_row_with_the_wrong_number_of_cells_says_so_and_nothing_else(recruitment):
    result = run(recruitment, csv_bytes(SARA, "Per;Lind;per@example.se\n"))
    assert result.bad_rows[0].messages == [
        "Line 3: the row has 3 cells but there are 9 columns; a separator is missing or there "
        "is one too many."
    ]


def test_future_and_overlong_values_are_refused(recruitment):
    long_name = "A" * 101
    result = run(
        recruitment,
        csv_bytes(f"{long_name};Ek;;;;;;;\n", "Per;Lind;;;;;;;2026-12-24 15:00\n"),
    )
    assert [m for bad in result.bad_rows for m in bad.messages] == [
        "Line 2: the first name is longer than 100 characters.",
        "Line 3: the date received, 2026-12-24 15:00, is in the future.",
    ]


def test_duplicates_in_the_file_are_reported_not_imported_twice(recruitment):
    data = csv_bytes(SARA, PER, "Sara;Ekström;SARA.EK@example.se;;;;;;\n")

    result = run(recruitment, data)

    assert result.imported == 2
    assert [d.message for d in result.duplicates] == [
        "Line 4: SARA.EK@example.se has already applied (line 2)."
    ]
    assert result.summary() == [
        "2 applications were imported.",
        "1 application was already there and is not imported twice.",
    ]
    assert Candidate.objects.get(email__iexact="sara.ek@example.se").last_name == "Ek"


def test_duplicates_of_existing_applications_are_reported(recruitment, application):
    result = run(recruitment, csv_bytes("Sara;Ek;Sara.Ek@Example.se;;;;;;\n", PER))
    assert result.imported == 1
    assert [d.message for d in result.duplicates] == [
        "Line 2: Sara.Ek@Example.se has already applied to this recruitment."
    ]


def test_importing_the_same_file_twice_imports_nothing_new(recruitment):
    data = csv_bytes(SARA, PER, LISA)
    run(recruitment, data)
    again = run(recruitment, data)
    # Lisa has no email address, so she cannot be recognised: that is what emails are for.
    assert (again.imported, len(again.duplicates)) == (1, 2)
    assert not again.refused


def test_a_bad_row_does_not_make_a_good_row_with_the_same_email_a_duplicate(recruitment):
    data = csv_bytes("Sara;Ek;sara.ek@example.se;12;;;;;\n", SARA)
    result = run(recruitment, data, skip_bad=True)
    assert result.imported == 1
    assert result.duplicates == []
    assert result.bad_rows[0].line == 2


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "The file is empty."),
        (HEADER.encode(), "The file has column headings but no applications."),
        (b"%PDF-1.4\n1 0 obj", "This is a PDF file, not a CSV file."),
        (bytes(range(256)), "The file is not plain text"),
        (
            b"namn;e-post\nSara Ek;sara@example.se\n",
            "The file has no column for the first name. Name the columns as in the example file.",
        ),
    ],
)
def test_an_unreadable_file_is_refused_as_a_whole(recruitment, data, says):
    with pytest.raises(ValidationError) as caught:
        run(recruitment, data)
    assert says in " ".join(caught.value.message_dict["file"])
    assert not Application.objects.exists()


def test_a_row_that_fails_when_received_undoes_the_whole_import(recruitment, application):
    # Checked rows can still fail if the data changed after the check, e.g. the same person
    # applied meanwhile. Here the second row is such a person.
    rows = [
        _valid(2, "per.lind@example.se"),
        _valid(3, "sara.ek@example.se"),
        _valid(4, "lisa@example.se"),
    ]

    imported, failed = receive_rows(
        rows, recruitment=recruitment, by=None, acknowledge=True, skip_bad=False
    )

    assert imported == 0
    assert failed == [
        BadRow(line=3, reasons=("This person has already applied to this recruitment.",))
    ]
    assert list(Application.objects.all()) == [application]


def test_with_skip_bad_a_row_that_fails_when_received_is_left_out(recruitment, application):
    rows = [_valid(2, "per.lind@example.se"), _valid(3, "sara.ek@example.se")]
    imported, failed = receive_rows(
        rows, recruitment=recruitment, by=None, acknowledge=True, skip_bad=True
    )
    assert imported == 1
    assert [bad.line for bad in failed] == [3]
    assert Application.objects.count() == 2


def _valid(line: int, email: str) -> ValidRow:
    return ValidRow(
        line=line,
        first_name="Test",
        last_name=f"Rad {line}",
        email=email,
        phone="",
        language="sv",
        merits=[],
        received_at=None,
    )


def test_the_example_file_imports_cleanly(recruitment):
    result = run(recruitment, example_csv())
    assert (result.imported, result.bad_rows) == (2, [])
    daniel = Candidate.objects.get(first_name="Daniel")
    assert daniel.language == "en"
    merits = daniel.applications.get().merits.all()
    assert [
        (m.kind, m.role, m.field, m.level, m.years, m.organisation, m.from_year, m.to_year)
        for m in merits
    ] == [
        ("education", "", "logistics", "bachelor", None, "University of Leeds", 2016, 2019),
        ("education", "", "forklift licence", "", None, "", None, None),
        (
            "experience",
            "teamledare",
            "lager",
            "leadership",
            1,
            "DHL Supply Chain, Leeds",
            2023,
            2024,
        ),
    ]


def test_checking_costs_one_query_however_many_rows(recruitment, django_assert_num_queries):
    rows = read_csv(csv_bytes(*[f"P{n};Ek;p{n}@example.se;;;;;;\n" for n in range(30)])).rows
    with django_assert_num_queries(1):
        good, bad, duplicates = check_rows(rows, recruitment=recruitment, now=NOV_25)
    assert (len(good), bad, duplicates) == (30, [], [])


# Properties

FIELDS = st.text(max_size=40)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    first_name=FIELDS,
    last_name=FIELDS,
    email=FIELDS,
    phone=FIELDS,
    language=st.none() | st.sampled_from(["sv", "en"]),
    merit=FIELDS,
)
def test_any_text_in_any_field_gives_a_valid_row_or_reasons(
    first_name, last_name, email, phone, language, merit
):
    row = CsvRow(
        line=7,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email.strip(),
        phone=phone,
        language=language,
        merits={"education": [merit], "experience": [], "other": []},
    )
    checked = check_row(row, default_language="sv", now=NOV_25)
    if isinstance(checked, BadRow):
        assert checked.line == 7
        assert checked.reasons
        assert all(message.startswith("Line 7: ") for message in checked.messages)
    else:
        assert isinstance(checked, ValidRow)


cells = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(';"|\n'), max_size=30
)
# Each column: values people really write, mixed with anything at all.
row_cells = st.tuples(
    st.sampled_from(["Åsa", " Per-Olof ", "D'Angelo"]) | cells,
    st.sampled_from(["Öberg", "von Essen"]) | cells,
    st.just("") | st.emails() | cells,
    st.sampled_from(["", "070-123 45 67", "+44 20 7946 0958", "08-123 456 78"]) | cells,
    st.sampled_from(["", "sv", "EN", "svenska", "finska"]) | cells,
    cells,
    cells,
    cells,
    st.sampled_from(["", "2026-11-20", "2026-11-20 09:30", "2030-01-01", "20/11"]) | cells,
)


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    # Each example runs in its own savepoint, rolled back below.
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(row_cells)
def test_a_row_the_check_accepts_is_one_the_service_stores(recruitment, row):
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";").writerow(row)
    data = (HEADER + out.getvalue()).encode()
    with transaction.atomic():
        try:
            result = run(recruitment, data)
        except ValidationError as exc:
            assert exc.message_dict["file"]  # a file-level problem, clearly said
        else:
            # Never an exception from the service: what the check let through, it stored.
            assert result.imported + len(result.bad_rows) == 1
            assert Application.objects.count() == result.imported
        transaction.set_rollback(True)


BAD_ROWS = {
    "no first name": ["", "Ek", "", "", "", "", "", "", ""],
    "bad email": ["Anna", "Ek", "anna@", "", "", "", "", "", ""],
    "bad phone": ["Anna", "Ek", "", "ring mig", "", "", "", "", ""],
    "bad language": ["Anna", "Ek", "", "", "finska", "", "", "", ""],
    "bad date": ["Anna", "Ek", "", "", "", "", "", "", "igår"],
    "too few cells": ["Anna", "Ek"],
}
plain = st.text(st.sampled_from("abcdefghijÅÄÖåäö -'"), min_size=1, max_size=12).filter(str.strip)
merit_cell = st.lists(plain, max_size=3).map("\n".join)  # multi-line cells move line numbers


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    good=st.lists(st.tuples(plain, plain, merit_cell), min_size=1, max_size=6),
    bad=st.sampled_from(sorted(BAD_ROWS)),
    position=st.integers(min_value=0, max_value=6),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
def test_a_csv_with_one_bad_row_is_refused_with_its_line_number(
    recruitment, good, bad, position, delimiter, encoding
):
    rows = [
        [first, last, f"p{n}@example.se", "", "", merits, "", "", ""]
        for n, (first, last, merits) in enumerate(good)
    ]
    position = min(position, len(rows))
    rows.insert(position, BAD_ROWS[bad])
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER.strip().split(";"))
    for index, row in enumerate(rows):
        if index == position:
            bad_line = out.getvalue().count("\n") + 1
        writer.writerow(row)

    with transaction.atomic():
        result = run(recruitment, out.getvalue().encode(encoding))
        assert result.refused
        assert [row.line for row in result.bad_rows] == [bad_line]
        assert result.bad_rows[0].messages[0].startswith(f"Line {bad_line}: ")
        assert not Application.objects.exists()
        transaction.set_rollback(True)


# Structured merits in numbered columns

STRUCTURED = (
    "förnamn;efternamn;e-post;erfarenhet 1;erfarenhet 1 område;erfarenhet 1 längd;"
    "erfarenhet 1 arbetsgivare;erfarenhet 1 period;utbildning 1;utbildning 1 nivå;"
    "utbildning 1 skola;övrigt 1;övrigt 1 nivå\n"
)


def test_structured_merits_are_imported_with_the_staff_only_parts(recruitment):
    row = (
        "Emma;Berg;emma@example.se;lagerarbetare;WMS-system;6 år;Nordlager AB, Borås;2016–2022;"
        "datavetenskap;kandidatexamen;Göteborgs universitet;truckkort A+B;körkort\n"
    )
    result = run(recruitment, (STRUCTURED + row).encode())
    assert (result.imported, result.bad_rows) == (1, [])
    merits = Application.objects.get().merits.all()
    assert [
        (m.kind, m.role, m.field, m.level, m.years, m.organisation, m.from_year, m.to_year)
        for m in merits
    ] == [
        ("education", "", "datavetenskap", "bachelor", None, "Göteborgs universitet", None, None),
        ("experience", "lagerarbetare", "WMS-system", "", 6, "Nordlager AB, Borås", 2016, 2022),
        ("other", "", "truckkort A+B", "licence", None, "", None, None),
    ]


def test_a_structured_role_with_a_place_is_refused_with_its_column(recruitment):
    row = "Emma;Berg;emma@example.se;lagerarbetare i Borås;;6 år;;;;;;;\n"
    bad_length = "Per;Lind;per@example.se;plockare;;sex-ish;;2016/2022;;doktor x;;;\n"
    result = run(recruitment, (STRUCTURED + row + bad_length).encode())
    assert result.imported == 0
    assert [row.messages for row in result.bad_rows] == [
        [
            "Line 2: “erfarenhet 1”: Leave out the place “Borås”: it could tell others who the "
            "person is. Write it with the employer or school."
        ],
        [
            "Line 3: the length “sex-ish” in the column “erfarenhet 1 längd” cannot be read. "
            "Write it as 6 år, 8 mån or 2 år 3 mån.",
            "Line 3: the period “2016/2022” in the column “erfarenhet 1 period” cannot be read. "
            "Write it as 2016–2022, 2019– or 2021.",
            "Line 3: the level “doktor x” in the column “utbildning 1 nivå” is not one we know. "
            "Use a level from the list on the import page.",
            "Line 3: “utbildning 1”: Give the field or the level.",
        ],
    ]
