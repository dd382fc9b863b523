"""Reading a list of applications from a CSV file, the way spreadsheets really save it.

Framework-free like the rest of ``aterkoppla.lib``: bytes in, rows with their physical line
numbers out, or a ``CsvError`` saying why the file cannot be read. What a row means for a
recruitment (a valid email address, a phone number we can call, duplicates) is checked in
``aterkoppla.applications.importing``.

Accepted: UTF-8 with or without a byte order mark, UTF-16 with one (Excel's "Unicode text"),
otherwise Windows-1252 (Excel's "CSV (semicolon separated)" on Swedish Windows); comma,
semicolon or tab between cells, guessed from the heading row or given by an Excel ``sep=;``
first line; headings in English or Swedish, in any case and spelling of spaces and hyphens.

Messages are English msgids marked with ``gettext_noop`` so that ``makemessages`` extracts
them; whoever shows a ``Problem`` translates ``message`` and then fills in ``params``.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def gettext_noop(message: str) -> str:
    """Mark a message for translation without translating it here (see the module docstring)."""
    return message


MERIT_FIELDS = ("education", "experience", "other")

# The headings each column may have. Matching ignores case and everything but letters and
# digits, so "E-post", "e post" and "EPOST" are the same heading. The ASCII spellings are there
# because some exports strip å, ä and ö.
HEADINGS: dict[str, tuple[str, ...]] = {
    "first_name": ("förnamn", "first_name", "first name", "given name", "fornamn"),
    "last_name": ("efternamn", "last_name", "last name", "surname", "family name"),
    "email": (
        "e-post",
        "email",
        "epost",
        "e-postadress",
        "e-mail",
        "email address",
        "mejl",
        "mejladress",
    ),
    "phone": (
        "telefon",
        "phone",
        "mobil",
        "telefonnummer",
        "mobilnummer",
        "phone number",
        "mobile",
    ),
    "language": ("språk", "language", "sprak"),
    "education": ("utbildning", "education"),
    "experience": (
        "erfarenhet",
        "experience",
        "arbetslivserfarenhet",
        "work experience",
    ),
    "other": ("övriga meriter", "other", "övrigt", "other merits", "ovriga meriter", "ovrigt"),
    "received_at": ("inkommen", "received_at", "received", "date received", "inkom"),
}

LANGUAGES = {
    "sv": "sv",
    "sv-se": "sv",
    "svenska": "sv",
    "swedish": "sv",
    "en": "en",
    "en-gb": "en",
    "en-us": "en",
    "engelska": "en",
    "english": "en",
}

DELIMITERS = (";", ",", "\t")
# A list of applications has a dozen columns; a record far wider is a wrong separator or a
# hostile file, refused before its cells are looked at.
MAX_COLUMNS = 500

# What can be wrong with a file as a whole.
EMPTY = gettext_noop("The file is empty.")
NO_ROWS = gettext_noop("The file has column headings but no applications.")
PDF = gettext_noop(
    "This is a PDF file, not a CSV file. Save the list from your spreadsheet as “CSV UTF-8” "
    "and upload that file."
)
WORKBOOK = gettext_noop(
    "This is a spreadsheet workbook (such as an Excel file), not a CSV file. In Excel, choose "
    "Save as and the file type “CSV UTF-8”, and upload that file."
)
NOT_TEXT = gettext_noop(
    "The file is not plain text in a character set we can read. Save the list from your "
    "spreadsheet as “CSV UTF-8” and upload that file."
)
CONTROL_CHARACTERS = gettext_noop(
    "The file is not plain text: line %(line)s contains characters that are not letters, "
    "digits or punctuation. Save the list from your spreadsheet as “CSV UTF-8” and upload "
    "that file."
)
QUOTE_NOT_CLOSED = gettext_noop(
    "Line %(line)s: a quotation mark is opened and never closed, so the rest of the file "
    "cannot be read."
)
QUOTE_MISPLACED = gettext_noop(
    "Line %(line)s: a quotation mark is in the wrong place. A cell with quotation marks in it "
    "must be inside quotation marks itself, with each inner one doubled (“”)."
)
CELL_TOO_LONG = gettext_noop(
    "Line %(line)s: a cell is too long to read. Check that every quotation mark is closed."
)
UNREADABLE_LINE = gettext_noop("Line %(line)s cannot be read.")
TOO_MANY_COLUMNS = gettext_noop(
    "Line %(line)s has more than %(max)s columns. Check the separator, or remove the empty "
    "columns at the right of the sheet."
)
TOO_MANY_ROWS = gettext_noop(
    "The file has more than %(max)s rows, the most that can be imported at once here. Split "
    "the list into smaller files."
)
UNKNOWN_COLUMN = gettext_noop(
    "The file has a column “%(name)s” that we do not recognise. Name the columns as in the "
    "example file, or remove that column."
)
DOUBLE_COLUMN = gettext_noop(
    "The file has two columns for the same thing: “%(first)s” and “%(second)s”. Remove one of them."
)
MISSING_COLUMN = {
    "first_name": gettext_noop(
        "The file has no column for the first name. Name the columns as in the example file."
    ),
    "last_name": gettext_noop(
        "The file has no column for the last name. Name the columns as in the example file."
    ),
}
# What can be wrong with one row; shown after "Line N: ", hence the lower case.
WRONG_CELL_COUNT = gettext_noop(
    "the row has %(cells)s cells but there are %(columns)s columns; a separator is missing or "
    "there is one too many."
)
VALUE_WITHOUT_HEADING = gettext_noop(
    "there is a value, “%(value)s”, in a column without a heading."
)
UNKNOWN_LANGUAGE = gettext_noop(
    "the language “%(value)s” is not one we know. Write sv (Swedish) or en (English)."
)
UNREADABLE_LENGTH = gettext_noop(
    "the length “%(value)s” in the column “%(column)s” cannot be read. Write it as 6 år, "
    "8 mån or 2 år 3 mån."
)
UNREADABLE_PERIOD = gettext_noop(
    "the period “%(value)s” in the column “%(column)s” cannot be read. Write it as "
    "2016–2022, 2019– or 2021."
)
UNKNOWN_LEVEL = gettext_noop(
    "the level “%(value)s” in the column “%(column)s” is not one we know. Use a level from "
    "the list on the import page."
)
UNREADABLE_DATE = gettext_noop(
    "the date received, “%(value)s”, cannot be read. Write it as 2026-11-20 or 2026-11-20 09:30."
)

# Signatures of the files recruiters most often pick by mistake.
_PDF = b"%PDF-"
_ZIP = b"PK\x03\x04"  # .xlsx, .ods, .docx
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .doc

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # category Cc, but not \t \r \n
_SEP_LINE = re.compile(r"\A[ \t]*sep=([,;\t|])[ \t]*(?=\r\n|\r|\n|\Z)", re.IGNORECASE)
_MERIT_SPLIT = re.compile(r"[|\r\n]")
_DATE_TIME = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[ T](\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?[ ]?(Z|[+-]\d{2}:?\d{2})?)?",
    re.ASCII | re.IGNORECASE,
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong, as a translatable message with its placeholders."""

    message: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.message % dict(self.params)


class CsvError(ValueError):
    """The file as a whole cannot be read. ``problems`` says why (with a line where known)."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__(" ".join(str(problem) for problem in problems))
        self.problems = problems


def _error(message: str, **params: object) -> CsvError:
    return CsvError(Problem(message, params))


# Structured merits: numbered columns per merit, "erfarenhet 1", "erfarenhet 1 arbetsgivare",
# "utbildning 2 nivå" (or in English "experience 1", "experience 1 employer", ...). The bare
# column is the role (work experience) or the field (education, other merits).
MERIT_KINDS: dict[str, str] = {
    "utbildning": "education",
    "education": "education",
    "erfarenhet": "experience",
    "arbetslivserfarenhet": "experience",
    "experience": "experience",
    "workexperience": "experience",
    "övrigt": "other",
    "ovrigt": "other",
    "övrigameriter": "other",
    "ovrigameriter": "other",
    "other": "other",
    "othermerits": "other",
}
MERIT_PARTS: dict[str, str] = {
    "": "text",
    "roll": "role",
    "role": "role",
    "område": "field",
    "omrade": "field",
    "field": "field",
    "nivå": "level",
    "niva": "level",
    "level": "level",
    "längd": "length",
    "langd": "length",
    "length": "length",
    "arbetsgivare": "organisation",
    "employer": "organisation",
    "skola": "organisation",
    "school": "organisation",
    "organisation": "organisation",
    "organization": "organisation",
    "period": "period",
}
# The words for each level, as a heading key ("Kandidatexamen" → "kandidatexamen").
MERIT_LEVELS: dict[str, str] = {
    **dict.fromkeys(("kurs", "course"), "course"),
    **dict.fromkeys(
        ("gymnasial", "gymnasieutbildning", "gymnasieexamen", "gymnasium", "uppersecondary"),
        "upper_secondary",
    ),
    **dict.fromkeys(
        ("yrkeshögskola", "yrkeshogskola", "yh", "yhexamen", "yrkeshögskoleexamen", "vocational"),
        "vocational",
    ),
    **dict.fromkeys(
        ("högskolestudier", "hogskolestudier", "universitetsstudier", "university"), "university"
    ),
    **dict.fromkeys(("kandidatexamen", "kandidat", "bachelor", "bachelors"), "bachelor"),
    **dict.fromkeys(("masterexamen", "master", "masters", "magisterexamen"), "master"),
    **dict.fromkeys(
        ("forskarutbildning", "doktorsexamen", "doctorate", "phd", "doktor"), "doctorate"
    ),
    **dict.fromkeys(("chef", "arbetsledare", "ledande", "leadership", "manager"), "leadership"),
    **dict.fromkeys(("praktik", "internship", "lia"), "internship"),
    **dict.fromkeys(("körkort", "korkort", "licens", "licence", "license", "kort"), "licence"),
    **dict.fromkeys(("certifikat", "certifiering", "certificate"), "certificate"),
    **dict.fromkeys(("språk", "sprak", "language"), "language"),
    **dict.fromkeys(
        ("förtroendeuppdrag", "fortroendeuppdrag", "ideellt", "assignment", "volunteer"),
        "assignment",
    ),
}
_MERIT_COLUMN = re.compile(
    r"("
    + "|".join(sorted(MERIT_KINDS, key=len)[::-1])
    + r")(\d{1,2})("
    + "|".join(sorted((p for p in MERIT_PARTS if p), key=len)[::-1])
    + r")?"
)
_LENGTH = re.compile(
    r"(?:(\d{1,2})\s*(?:år|ar|years?|y))?\s*(?:(\d{1,3})\s*(?:månader|månad|mån|man|months?|m))?",
    re.IGNORECASE,
)
_PERIOD = re.compile(r"((?:19|20)\d{2})(?:\s*([-–—])\s*((?:19|20)\d{2})?)?")


@dataclass(frozen=True)
class CsvMerit:
    """One merit from the numbered columns, its length and period read as numbers; ``level``
    is the level's code (or "" if none was given). ``column`` names it for messages."""

    kind: str
    number: int
    column: str
    text: str = ""
    role: str = ""
    field: str = ""
    level: str = ""
    years: int | None = None
    months: int | None = None
    organisation: str = ""
    from_year: int | None = None
    to_year: int | None = None


def merit_column(key: str) -> str | None:
    """The field name ("experience.1.organisation") of a heading key, if it names a part of
    a numbered merit."""
    match = _MERIT_COLUMN.fullmatch(key)
    if match is None or int(match.group(2)) < 1:
        return None
    kind, number, part = match.groups()
    return f"{MERIT_KINDS[kind]}.{int(number)}.{MERIT_PARTS[part or '']}"


def parse_length(value: str) -> tuple[int | None, int | None]:
    """Years and months from "6 år", "8 mån", "2 år 3 mån", "6 years" or "6"; ValueError
    for anything else."""
    value = value.strip()
    if not value:
        return None, None
    if value.isdigit():
        return int(value), None
    match = _LENGTH.fullmatch(value)
    if match is None or not any(match.groups()):
        raise ValueError(value)
    years = int(match.group(1)) if match.group(1) else None
    months = int(match.group(2)) if match.group(2) else None
    if months is not None and months >= 12:
        years, months = (years or 0) + months // 12, (months % 12) or None
    return years, months


def parse_period(value: str) -> tuple[int | None, int | None]:
    """From and to year from "2016–2022", "2019–" (still going) or "2021" (the year it
    ended); ValueError for anything else."""
    value = value.strip()
    if not value:
        return None, None
    match = _PERIOD.fullmatch(value)
    if match is None:
        raise ValueError(value)
    start, dash, end = match.groups()
    if dash is None:
        return None, int(start)
    return int(start), int(end) if end else None


def _merits_from_columns(
    values: Mapping[str, str], headings: Mapping[str, str]
) -> tuple[tuple[CsvMerit, ...], list[Problem]]:
    found: dict[tuple[str, int], dict[str, object]] = {}
    problems: list[Problem] = []
    for name, value in values.items():
        if name.count(".") != 2 or not value:
            continue
        kind, number, part = name.split(".")
        merit = found.setdefault((kind, int(number)), {})
        column = headings[name]
        try:
            if part == "length":
                merit["years"], merit["months"] = parse_length(value)
            elif part == "period":
                merit["from_year"], merit["to_year"] = parse_period(value)
            elif part == "level":
                level = MERIT_LEVELS.get(heading_key(value))
                if level is None:
                    problems.append(Problem(UNKNOWN_LEVEL, {"value": value, "column": column}))
                merit["level"] = level or ""
            else:
                merit[part] = value
        except ValueError:
            message = UNREADABLE_LENGTH if part == "length" else UNREADABLE_PERIOD
            problems.append(Problem(message, {"value": value, "column": column}))
    merits = []
    for (kind, index), parts in sorted(found.items()):
        column = headings.get(f"{kind}.{index}.text") or next(
            headings[name] for name in headings if name.startswith(f"{kind}.{index}.")
        )
        merits.append(CsvMerit(kind=kind, number=index, column=column, **parts))  # type: ignore[arg-type]
    return tuple(merits), problems


@dataclass(frozen=True)
class CsvRow:
    """One application as written in the file, cells stripped, merits split into lists.

    ``line`` is the physical line the row starts on (the heading row is usually line 1).
    ``language`` is None when the cell is empty: the recruitment's language applies.
    ``problems`` are what this module could tell; when ``cells_match`` is False the cells did
    not line up with the headings and the other fields are left empty, because reading them
    would only add confusing follow-on errors.
    """

    line: int
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""
    language: str | None = None
    merits: dict[str, list[str]] = field(default_factory=dict)
    structured: tuple[CsvMerit, ...] = ()
    received_at: dt.datetime | None = None
    problems: tuple[Problem, ...] = ()
    cells_match: bool = True


@dataclass(frozen=True)
class CsvFile:
    rows: tuple[CsvRow, ...]
    columns: tuple[str, ...]  # the fields found, in the file's order
    encoding: str  # for people: "UTF-8", "UTF-16" or "Windows-1252"
    delimiter: str


def heading_key(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFC", text).casefold() if ch.isalnum())


_FIELD_BY_KEY = {
    heading_key(name): name_field for name_field, names in HEADINGS.items() for name in names
}


def read_csv(data: bytes, *, tz: dt.tzinfo = STOCKHOLM, max_rows: int | None = None) -> CsvFile:
    """Read every row of ``data``; raise ``CsvError`` if the file as a whole is unusable.

    With ``max_rows``, reading stops at the first row past it: a file of millions of short
    rows costs no more than one of ``max_rows + 1``."""
    text, encoding = decode(data)
    text, delimiter = _take_sep_line(text)
    delimiter = delimiter or sniff_delimiter(text)
    header: _Header | None = None
    rows: list[CsvRow] = []
    for line, cells in _records(text, delimiter):
        if not any(cell.strip() for cell in cells):
            continue  # blank lines, and Excel's ";;;;" rows under the list
        if header is None:
            header = _map_headings(cells)
        elif max_rows is not None and len(rows) >= max_rows:
            raise _error(TOO_MANY_ROWS, max=max_rows)
        else:
            rows.append(_row(line, cells, header, tz))
    if header is None:
        raise _error(EMPTY)
    if not rows:
        raise _error(NO_ROWS)
    columns = tuple(sorted(header.columns, key=header.columns.__getitem__))
    return CsvFile(rows=tuple(rows), columns=columns, encoding=encoding, delimiter=delimiter)


def decode(data: bytes) -> tuple[str, str]:
    """The text of the file and the name of its encoding, or ``CsvError`` if it is not text."""
    if not data.strip():
        raise _error(EMPTY)
    if data.startswith(_PDF):
        raise _error(PDF)
    if data.startswith((_ZIP, _OLE)):
        raise _error(WORKBOOK)
    text, encoding = _decoded(data)
    text = unicodedata.normalize("NFC", text.rstrip("\x1a"))  # \x1a: DOS end-of-file mark
    if not text.strip():
        raise _error(EMPTY)
    control = _CONTROL.search(text)
    if control is not None:
        # NUL and other control characters mean a binary file (and PostgreSQL refuses NUL).
        raise _error(CONTROL_CHARACTERS, line=_line_of(text, control.start()))
    return text, encoding


def _decoded(data: bytes) -> tuple[str, str]:
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "UTF-8"
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16"), "UTF-16"
    except UnicodeDecodeError:
        raise _error(NOT_TEXT) from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        # Not UTF-8: Excel's "CSV (semicolon separated)" on Swedish Windows writes Windows-1252.
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise _error(NOT_TEXT) from None


def _line_of(text: str, index: int) -> int:
    return len(_LINE_BREAK.findall(text, 0, index)) + 1


def _take_sep_line(text: str) -> tuple[str, str | None]:
    """Honour Excel's ``sep=;`` first line, blanking it so that line numbers stay the same."""
    match = _SEP_LINE.match(text)
    if match is None:
        return text, None
    return text[match.end() :], match.group(1)


def sniff_delimiter(text: str) -> str:
    """The separator that splits the heading row into the most headings we know."""
    heading = next((line for line in _LINE_BREAK.split(text, 50) if line.strip()), "")
    heading = heading[:10_000]  # far more than any real heading row; a hostile one is refused later
    best, best_score = DELIMITERS[0], (-1, -1)
    for delimiter in DELIMITERS:
        try:
            cells = next(csv.reader([heading], delimiter=delimiter, skipinitialspace=True), [])
        except csv.Error:
            continue  # a heading cell past the field limit: reading the file says so
        known = sum(1 for cell in cells if heading_key(cell) in _FIELD_BY_KEY)
        score = (known, len(cells))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Each record with the physical line it starts on; cells may span lines when quoted."""
    # newline="" keeps line breaks inside quoted cells and counts \r\n, \r and \n as one line
    # each, as editors and spreadsheets do. strict: a stray quotation mark is an error with its
    # line, rather than a cell that silently swallows the rest of the file.
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, strict=True, skipinitialspace=True
    )
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _csv_error(str(exc), start, reader.line_num) from None
        if len(cells) > MAX_COLUMNS:
            raise _error(TOO_MANY_COLUMNS, line=start, max=MAX_COLUMNS)
        yield start, cells
        start = reader.line_num + 1


def _csv_error(reason: str, start: int, current: int) -> CsvError:
    if "unexpected end of data" in reason:
        return _error(QUOTE_NOT_CLOSED, line=start)
    if "expected after" in reason:
        return _error(QUOTE_MISPLACED, line=current)
    if "field larger than field limit" in reason:
        return _error(CELL_TOO_LONG, line=start)
    return _error(UNREADABLE_LINE, line=start)


@dataclass(frozen=True)
class _Header:
    columns: dict[str, int]  # field → index of its cell
    headings: dict[str, str]  # field → the heading as written
    unnamed: list[int]  # indexes of columns without a heading, which must stay empty
    width: int  # how many cells a row needs


def _map_headings(cells: list[str]) -> _Header:
    columns: dict[str, int] = {}
    unnamed: list[int] = []
    problems: list[Problem] = []
    for index, heading in enumerate(cell.strip() for cell in cells):
        name = _FIELD_BY_KEY.get(heading_key(heading)) or merit_column(heading_key(heading))
        if not heading:
            unnamed.append(index)
        elif name is None:
            problems.append(Problem(UNKNOWN_COLUMN, {"name": heading}))
        elif name in columns:
            first = cells[columns[name]].strip()
            problems.append(Problem(DOUBLE_COLUMN, {"first": first, "second": heading}))
        else:
            columns[name] = index
    problems += [
        Problem(message) for name, message in MISSING_COLUMN.items() if name not in columns
    ]
    if problems:
        raise CsvError(*problems)
    # Trailing unnamed columns (a ";" at the end of the heading row) need no cell.
    width = max(columns.values()) + 1
    headings = {name: cells[index].strip() for name, index in columns.items()}
    return _Header(columns, headings, [index for index in unnamed if index < width], width)


def _row(line: int, cells: list[str], header: _Header, tz: dt.tzinfo) -> CsvRow:
    used = max(index for index, cell in enumerate(cells) if cell.strip()) + 1
    too_few = len(cells) < header.width
    if too_few or used > header.width:
        counts = {"cells": len(cells) if too_few else used, "columns": header.width}
        return CsvRow(line=line, cells_match=False, problems=(Problem(WRONG_CELL_COUNT, counts),))
    values = {name: cells[index].strip() for name, index in header.columns.items()}
    problems: list[Problem] = []
    stray = next((cells[i].strip() for i in header.unnamed if cells[i].strip()), None)
    if stray is not None:
        problems.append(Problem(VALUE_WITHOUT_HEADING, {"value": stray}))
    language: str | None = None
    received_at: dt.datetime | None = None
    try:
        language = parse_language(values.get("language", ""))
    except ValueError:
        problems.append(Problem(UNKNOWN_LANGUAGE, {"value": values["language"]}))
    try:
        received_at = parse_received_at(values.get("received_at", ""), tz=tz)
    except ValueError:
        problems.append(Problem(UNREADABLE_DATE, {"value": values["received_at"]}))
    structured, merit_problems = _merits_from_columns(values, header.headings)
    problems += merit_problems
    return CsvRow(
        line=line,
        first_name=values.get("first_name", ""),
        last_name=values.get("last_name", ""),
        email=values.get("email", ""),
        phone=values.get("phone", ""),
        language=language,
        merits={name: split_merits(values.get(name, "")) for name in MERIT_FIELDS},
        structured=structured,
        received_at=received_at,
        problems=tuple(problems),
    )


def parse_language(value: str) -> str | None:
    """``sv`` or ``en`` for the ways people write them; None for empty; ValueError otherwise."""
    value = value.strip()
    if not value:
        return None
    try:
        return LANGUAGES[value.casefold()]
    except KeyError:
        raise ValueError(value) from None


def parse_received_at(value: str, *, tz: dt.tzinfo = STOCKHOLM) -> dt.datetime | None:
    """An aware datetime from an ISO date, ``YYYY-MM-DD HH:MM`` or an ISO date-time.

    Without an offset the time is local (``tz``); a date alone means its first minute. Raises
    ValueError for anything else, and for years before 2000, which are typing mistakes (and
    would overflow when converted between time zones).
    """
    value = value.strip()
    if not value:
        return None
    match = _DATE_TIME.fullmatch(value)
    if match is None:
        raise ValueError(value)
    year, month, day, hour, minute, second, offset = match.groups()
    if int(year) < 2000:
        raise ValueError(value)
    zone = tz if offset is None else _offset(offset)
    return dt.datetime(
        int(year),
        int(month),
        int(day),
        int(hour or 0),
        int(minute or 0),
        int(second or 0),
        tzinfo=zone,
    )


def _offset(text: str) -> dt.tzinfo:
    if text.upper() == "Z":
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        raise ValueError(text)
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def split_merits(value: str) -> list[str]:
    """Several merits in one cell, one per line or separated by ``|``."""
    return [part.strip() for part in _MERIT_SPLIT.split(value) if part.strip()]
