"""Importing applications from a CSV file: check every row first, then receive them.

The file is read by ``aterkoppla.lib.csvimport``; here each row is checked with the rules that
``services.application_receive`` applies, duplicates are found (by email, within the file and
against the recruitment's applications), and the good rows go through ``application_receive``
like every other way in. By default it is all or nothing, in one transaction: a list that is
half imported is hard to correct and import again. ``skip_bad`` imports the good rows and
reports the rest.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import DataError, IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from aterkoppla.accounts.models import User
from aterkoppla.applications.merits import MeritData, merit_clean, merits_from_input
from aterkoppla.applications.models import Application, Candidate, Merit
from aterkoppla.applications.services import application_receive
from aterkoppla.core.meta import max_length, model_field
from aterkoppla.lib.csvimport import CsvError, CsvMerit, CsvRow, Problem, read_csv
from aterkoppla.lib.phone import InvalidPhoneNumber, to_e164
from aterkoppla.recruitment.models import Recruitment

if TYPE_CHECKING:
    from django.utils.functional import Promise

logger = logging.getLogger(__name__)

NAME_MAX = max_length(Candidate, "first_name")
EMAIL_MAX = max_length(Candidate, "email")

DELIMITER_NAMES = {
    ",": _("separated by commas"),
    ";": _("separated by semicolons"),
    "\t": _("separated by tabs"),
    "|": _("separated by vertical bars"),
}


class Column(NamedTuple):
    heading: str  # Swedish, as in the example file
    english: str  # the English heading, which works as well
    required: bool
    description: str | Promise


# What the upload page says about each column, in the order of the example file.
COLUMNS = (
    Column("förnamn", "first_name", True, _("The candidate's first name.")),
    Column("efternamn", "last_name", True, _("The candidate's last name.")),
    Column(
        "e-post",
        "email",
        False,
        _("Email address. Someone already on the recruitment with it is not imported again."),
    ),
    Column(
        "telefon", "phone", False, _("Phone number, for example 070-123 45 67 or +44 20 7946 0958.")
    ),
    Column("språk", "language", False, _("sv or en. Empty: the language of the recruitment.")),
    Column(
        "utbildning 1",
        "education 1",
        False,
        _(
            "The field of an education (“datavetenskap”), without school, place or years. "
            "Number the columns for more: utbildning 2, utbildning 3 …"
        ),
    ),
    Column(
        "utbildning 1 nivå",
        "education 1 level",
        False,
        _(
            "kurs, gymnasial, yrkeshögskola, högskolestudier, kandidatexamen, masterexamen "
            "or forskarutbildning."
        ),
    ),
    Column(
        "utbildning 1 skola",
        "education 1 school",
        False,
        _("The school, with its place if you like. Only staff see it."),
    ),
    Column(
        "utbildning 1 period",
        "education 1 period",
        False,
        _("The years, such as 2012–2015, or the year it ended. Only staff see it."),
    ),
    Column(
        "erfarenhet 1",
        "experience 1",
        False,
        _("The role (“lagerarbetare”), without employer, place or years."),
    ),
    Column(
        "erfarenhet 1 område",
        "experience 1 field",
        False,
        _("The field of the work, if the role does not say it (“WMS-system”)."),
    ),
    Column(
        "erfarenhet 1 nivå",
        "experience 1 level",
        False,
        _("Empty for employment; chef (leading others) or praktik (internship)."),
    ),
    Column("erfarenhet 1 längd", "experience 1 length", False, _("6 år, 8 mån or 2 år 3 mån.")),
    Column(
        "erfarenhet 1 arbetsgivare",
        "experience 1 employer",
        False,
        _("The employer, with its place if you like. Only staff see it."),
    ),
    Column(
        "erfarenhet 1 period",
        "experience 1 period",
        False,
        _("The years, such as 2016–2022, or 2019– if it goes on. Only staff see it."),
    ),
    Column(
        "övrigt 1",
        "other 1",
        False,
        _("Another merit: a licence, certificate or language (“truckkort A+B”)."),
    ),
    Column(
        "övrigt 1 nivå",
        "other 1 level",
        False,
        _("körkort, certifikat, språk or förtroendeuppdrag."),
    ),
    Column(
        "utbildning",
        "education",
        False,
        _(
            "Or merits as free text, several separated by | (also “erfarenhet” and “övriga "
            "meriter”). They are split into their parts; what cannot be split safely waits "
            "for review before any of it is told to other candidates."
        ),
    ),
    Column(
        "inkommen",
        "received_at",
        False,
        _("When the application arrived: 2026-11-20 or 2026-11-20 09:30. Empty: now."),
    ),
)


@dataclass(frozen=True)
class ValidRow:
    """A row that ``application_receive`` will accept, with its values normalised."""

    line: int
    first_name: str
    last_name: str
    email: str
    phone: str
    language: str
    merits: list[MeritData]
    received_at: dt.datetime | None


@dataclass(frozen=True)
class BadRow:
    line: int
    reasons: tuple[str, ...]  # translated, each a sentence starting in lower case

    @property
    def messages(self) -> list[str]:
        return [line_message(self.line, reason) for reason in self.reasons]


@dataclass(frozen=True)
class Duplicate:
    line: int
    email: str
    first_line: int | None  # the earlier row of the file; None: applied before this import

    @property
    def message(self) -> str:
        if self.first_line is None:
            return gettext("Line %(line)s: %(email)s has already applied to this recruitment.") % {
                "line": self.line,
                "email": self.email,
            }
        return gettext("Line %(line)s: %(email)s has already applied (line %(first)s).") % {
            "line": self.line,
            "email": self.email,
            "first": self.first_line,
        }


@dataclass
class ImportResult:
    rows: int
    imported: int
    skip_bad: bool
    encoding: str
    delimiter: str
    bad_rows: list[BadRow] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        """Nothing was imported because some rows have problems (and skip_bad was not asked)."""
        return bool(self.bad_rows) and not self.skip_bad

    def read_note(self) -> str:
        return ngettext(
            "Read %(count)s row (%(encoding)s, %(separator)s).",
            "Read %(count)s rows (%(encoding)s, %(separator)s).",
            self.rows,
        ) % {
            "count": self.rows,
            "encoding": self.encoding,
            "separator": DELIMITER_NAMES.get(self.delimiter, self.delimiter),
        }

    def summary(self) -> list[str]:
        """What happened, in a few sentences for the page and the command."""
        lines = []
        bad = len(self.bad_rows)
        if self.refused:
            lines.append(
                ngettext(
                    "Nothing was imported, because %(count)s row has a problem.",
                    "Nothing was imported, because %(count)s rows have problems.",
                    bad,
                )
                % {"count": bad}
            )
        else:
            lines.append(
                ngettext(
                    "%(count)s application was imported.",
                    "%(count)s applications were imported.",
                    self.imported,
                )
                % {"count": self.imported}
            )
            if bad:
                lines.append(
                    ngettext(
                        "%(count)s row with a problem was left out.",
                        "%(count)s rows with problems were left out.",
                        bad,
                    )
                    % {"count": bad}
                )
        if self.duplicates:
            lines.append(
                ngettext(
                    "%(count)s application was already there and is not imported twice.",
                    "%(count)s applications were already there and are not imported twice.",
                    len(self.duplicates),
                )
                % {"count": len(self.duplicates)}
            )
        return lines


def line_message(line: int, reason: str) -> str:
    return gettext("Line %(line)s: %(reason)s") % {"line": line, "reason": reason}


def problem_text(problem: Problem) -> str:
    return gettext(problem.message) % dict(problem.params)


def applications_import(
    *,
    recruitment: Recruitment,
    data: bytes,
    by: User | None,
    skip_bad: bool = False,
    acknowledge: bool = True,
    max_rows: int | None = None,
) -> ImportResult:
    """Import the applications in the CSV ``data`` to ``recruitment``.

    Raises ValidationError (on ``file``) when the file as a whole cannot be read, or has more
    than ``max_rows`` rows. Otherwise returns what was imported and what was not: rows with
    problems, and duplicates, which are reported but never block the rest (importing the same
    list twice imports nothing new).
    """
    try:
        parsed = read_csv(data, max_rows=max_rows)
    except CsvError as exc:
        raise ValidationError(
            {"file": [problem_text(problem) for problem in exc.problems]}, code="unreadable"
        ) from None
    good, bad, duplicates = check_rows(parsed.rows, recruitment=recruitment, now=timezone.now())
    result = ImportResult(
        rows=len(parsed.rows),
        imported=0,
        skip_bad=skip_bad,
        encoding=parsed.encoding,
        delimiter=parsed.delimiter,
        bad_rows=bad,
        duplicates=duplicates,
    )
    if result.refused:
        return result
    imported, failed = receive_rows(
        good, recruitment=recruitment, by=by, acknowledge=acknowledge, skip_bad=skip_bad
    )
    result.imported = imported
    result.bad_rows = sorted([*bad, *failed], key=lambda row: row.line)
    return result


def check_rows(
    rows: Iterable[CsvRow], *, recruitment: Recruitment, now: dt.datetime
) -> tuple[list[ValidRow], list[BadRow], list[Duplicate]]:
    """Every row checked: the good ones, those with problems, and the duplicates."""
    existing = {
        email.lower()
        for email in Application.objects.filter(recruitment=recruitment)
        .exclude(candidate__email="")
        .values_list("candidate__email", flat=True)
    }
    first_seen: dict[str, int] = {}
    good: list[ValidRow] = []
    bad: list[BadRow] = []
    duplicates: list[Duplicate] = []
    for row in rows:
        checked = check_row(row, default_language=recruitment.language, now=now)
        if isinstance(checked, BadRow):
            bad.append(checked)
            continue
        key = checked.email.lower()
        if key and key in existing:
            duplicates.append(Duplicate(line=row.line, email=checked.email, first_line=None))
        elif key and key in first_seen:
            duplicates.append(
                Duplicate(line=row.line, email=checked.email, first_line=first_seen[key])
            )
        else:
            # Only good rows count as "first": a bad row with the same address is corrected
            # and imported later, or left out; either way the good row should not be lost.
            if key:
                first_seen[key] = row.line
            good.append(checked)
    return good, bad, duplicates


def check_row(row: CsvRow, *, default_language: str, now: dt.datetime) -> ValidRow | BadRow:
    """The row as ``application_receive`` will take it, or every reason it would not."""
    reasons = [problem_text(problem) for problem in row.problems]
    if not row.cells_match:
        return BadRow(line=row.line, reasons=tuple(reasons))
    reasons += _name_reasons(row.first_name, first=True)
    reasons += _name_reasons(row.last_name, first=False)
    if row.email and not _is_email(row.email):
        reasons.append(
            gettext("the email address “%(email)s” is not valid.") % {"email": row.email}
        )
    phone = ""
    try:
        phone = to_e164(row.phone)
    except InvalidPhoneNumber:
        reasons.append(
            gettext("“%(phone)s” is not a phone number we can call.") % {"phone": row.phone}
        )
    if row.received_at is not None and row.received_at > now:
        reasons.append(
            gettext("the date received, %(date)s, is in the future.")
            % {"date": timezone.localtime(row.received_at).strftime("%Y-%m-%d %H:%M")}
        )
    merits: list[MeritData] = []
    for merit in row.structured:
        try:
            merits.append(merit_clean(_merit_data(merit)))
        except ValidationError as exc:
            reasons += _merit_reasons(merit, exc)
    try:
        merits += merits_from_input(row.merits)
    except ValidationError as exc:
        reasons += exc.messages
    language = row.language or default_language
    if not reasons:
        reasons += _model_reasons(row, phone=phone, language=language)
    if reasons:
        return BadRow(line=row.line, reasons=tuple(reasons))
    return ValidRow(
        line=row.line,
        first_name=row.first_name,
        last_name=row.last_name,
        email=row.email,
        phone=phone,
        language=language,
        merits=merits,
        received_at=row.received_at,
    )


def _merit_data(merit: CsvMerit) -> MeritData:
    role, field = merit.role, merit.field
    if merit.kind == Merit.Kind.EXPERIENCE:
        role = role or merit.text
    else:
        field = field or merit.text
    return MeritData(
        kind=merit.kind,
        role=role,
        field=field,
        level=merit.level,
        years=merit.years,
        months=merit.months,
        organisation=merit.organisation,
        from_year=merit.from_year,
        to_year=merit.to_year,
    )


def _merit_reasons(merit: CsvMerit, exc: ValidationError) -> list[str]:
    return [
        gettext("“%(column)s”: %(message)s") % {"column": merit.column, "message": message}
        for messages in exc.message_dict.values()
        for message in messages
    ]


def _name_reasons(value: str, *, first: bool) -> list[str]:
    if not value:
        return [
            gettext("a first name is missing.") if first else gettext("a last name is missing.")
        ]
    if len(value) > NAME_MAX:
        message = (
            gettext("the first name is longer than %(max)s characters.")
            if first
            else gettext("the last name is longer than %(max)s characters.")
        )
        return [message % {"max": NAME_MAX}]
    return []


def _is_email(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return len(value) <= EMAIL_MAX


def _model_reasons(row: CsvRow, *, phone: str, language: str) -> list[str]:
    """Whatever else the model refuses: the service runs the same full_clean."""
    candidate = Candidate(
        first_name=row.first_name,
        last_name=row.last_name,
        email=row.email,
        phone=phone,
        language=language,
    )
    try:
        candidate.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        return [
            gettext("%(field)s: %(message)s")
            % {"field": model_field(Candidate, name).verbose_name, "message": message}
            for name, messages in exc.message_dict.items()
            for message in messages
        ]
    return []


class _RowFailed(Exception):
    def __init__(self, bad: BadRow) -> None:
        super().__init__(bad.reasons)
        self.bad = bad


def receive_rows(
    rows: Sequence[ValidRow],
    *,
    recruitment: Recruitment,
    by: User | None,
    acknowledge: bool,
    skip_bad: bool,
) -> tuple[int, list[BadRow]]:
    """Receive checked rows in one transaction; return how many went in and which failed.

    A row can still fail here if the data changed since it was checked (the same person
    applied meanwhile). Without ``skip_bad`` that undoes the whole import; with it, only that
    row is rolled back (a savepoint) and reported.
    """
    failed: list[BadRow] = []
    imported = 0
    try:
        with transaction.atomic():
            for row in rows:
                try:
                    with transaction.atomic():
                        _receive(row, recruitment=recruitment, by=by, acknowledge=acknowledge)
                except (ValidationError, IntegrityError, DataError) as exc:
                    bad = BadRow(line=row.line, reasons=_failure_reasons(exc))
                    if not skip_bad:
                        raise _RowFailed(bad) from exc
                    failed.append(bad)
                else:
                    imported += 1
    except _RowFailed as exc:
        return 0, [exc.bad]
    return imported, failed


def _receive(
    row: ValidRow, *, recruitment: Recruitment, by: User | None, acknowledge: bool
) -> Application:
    return application_receive(
        recruitment=recruitment,
        first_name=row.first_name,
        last_name=row.last_name,
        email=row.email,
        phone=row.phone,
        language=row.language,
        merits=row.merits,
        source=Application.Source.IMPORT,
        by=by,
        received_at=row.received_at,
        acknowledge=acknowledge,
    )


def _failure_reasons(exc: Exception) -> tuple[str, ...]:
    if isinstance(exc, ValidationError):
        return tuple(exc.messages)
    logger.warning("Import row could not be saved: %s", exc)
    return (gettext("the row could not be saved."),)


def example_csv() -> bytes:
    """The example file offered on the upload page: Swedish headings, two candidates.

    Semicolons and a byte order mark, because that is what Excel on a Swedish computer opens
    straight into columns with å, ä and ö intact. The phone numbers are from the range the
    Swedish Post and Telecom Authority keeps for fiction (070-174 06 05 to 06 99).
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.heading for column in COLUMNS])
    writer.writerow(
        [
            "Åsa",
            "Öberg",
            "asa.oberg@example.se",
            "070-174 06 05",
            "sv",
            "handel och administration",
            "gymnasial",
            "Per Brahegymnasiet, Jönköping",
            "2018–2021",
            "lagerarbetare",
            "plock och pack",
            "",
            "4 år",
            "Jönköpings Lager AB",
            "2021–2025",
            "truckkort A+B",
            "körkort",
            "",
            "2026-11-20 09:30",
        ]
    )
    writer.writerow(
        [
            "Daniel",
            "Kowalski",
            "daniel.kowalski@example.se",
            "+44 20 7946 0958",
            "en",
            "logistics",
            "kandidatexamen",
            "University of Leeds",
            "2016–2019",
            "teamledare",
            "lager",
            "chef",
            "1 år",
            "DHL Supply Chain, Leeds",
            "2023–2024",
            "",
            "",
            "Forklift licence",
            "",
        ]
    )
    return codecs.BOM_UTF8 + out.getvalue().encode()
