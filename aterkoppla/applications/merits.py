"""Merits: what every way in takes, what may stand in a merit's role or field, and how a
merit is said to a candidate.

One home for the wording: :func:`merit_phrase` writes a merit for a text that another
candidate reads (the call sheet, a written summary, the written information of
diskrimineringslagen 2 kap. 4 §) from its kind, role, field, level and length only, never
its organisation or period, so that colleagues cannot tell who got the job:
"sex års erfarenhet som lagerarbetare", "a bachelor's degree in datavetenskap".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, npgettext, pgettext

from aterkoppla.applications.models import MERIT_SECTIONS, Merit
from aterkoppla.lib import merit_text
from aterkoppla.lib.merit_text import Detail, identifying_details, parse_merit

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from aterkoppla.applications.models import Application

MAX_MERITS = 100
YEAR_MIN, YEAR_MAX = 1900, 2100
TEXTS = ("role", "field", "organisation")
NUMBERS = ("years", "months", "from_year", "to_year")


@dataclass(frozen=True)
class MeritData:
    """One merit as a form, the API, an import or the demo gives it."""

    kind: str
    role: str = ""
    field: str = ""
    level: str = ""
    years: int | None = None
    months: int | None = None
    organisation: str = ""
    from_year: int | None = None
    to_year: int | None = None
    needs_review: bool = False
    source_text: str = ""

    @classmethod
    def of(cls, merit: Merit) -> MeritData:
        return cls(
            kind=merit.kind,
            role=merit.role,
            field=merit.field,
            level=merit.level,
            years=merit.years,
            months=merit.months,
            organisation=merit.organisation,
            from_year=merit.from_year,
            to_year=merit.to_year,
            needs_review=merit.needs_review,
            source_text=merit.source_text,
        )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def model(self, application: Application, position: int) -> Merit:
        return Merit(application=application, position=position, **asdict(self))


# --- Checking what may be stored ------------------------------------------------------------

DETAIL_MESSAGES: dict[str, Promise] = {
    merit_text.YEAR: gettext_lazy(
        "Leave out the year “%(match)s”: give the length instead, and the years in the "
        "period fields."
    ),
    merit_text.PERIOD: gettext_lazy(
        "Leave out the date “%(match)s”: give the length instead, and the years in the "
        "period fields."
    ),
    merit_text.ORGANISATION: gettext_lazy(
        "Leave out “%(match)s”: the employer or school goes in its own field, which other "
        "candidates never see."
    ),
    merit_text.EMAIL: gettext_lazy("Leave out the email address “%(match)s”."),
    merit_text.PHONE: gettext_lazy("Leave out the phone number “%(match)s”."),
    merit_text.PLACE: gettext_lazy(
        "Leave out the place “%(match)s”: it could tell others who the person is. Write it "
        "with the employer or school."
    ),
}


def detail_messages(details: Iterable[Detail]) -> list[str]:
    seen: dict[str, str] = {}
    for detail in details:
        seen.setdefault(
            detail.code + detail.match, DETAIL_MESSAGES[detail.code] % {"match": detail.match}
        )
    return list(seen.values())


def merit_errors(data: MeritData) -> dict[str, list[str]]:
    """What is wrong with a merit, by field; empty when it may be stored.

    A merit that needs review may carry details in its role or field (it came as free
    text): they stay out of what candidates read until a person has checked it.
    """
    errors: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    if data.kind not in MERIT_SECTIONS:
        add("kind", _("Choose education, work experience or other merit."))
        return errors
    if data.level and data.level not in Merit.LEVELS[data.kind]:
        add("level", _("Choose a level of this kind of merit."))
    for name in TEXTS:
        value = getattr(data, name)
        if "\x00" in value:
            add(name, _("Null characters are not allowed."))
        elif len(value) > Merit.TEXT_MAX:
            add(name, _("Keep it under %(max)s characters.") % {"max": Merit.TEXT_MAX})
    if data.kind == Merit.Kind.EXPERIENCE and not (data.role or data.field):
        add("role", _("Give the role or the field of the work."))
    elif data.kind != Merit.Kind.EXPERIENCE and not (data.field or data.level):
        add("field", _("Give the field or the level."))
    if data.role and data.kind != Merit.Kind.EXPERIENCE:
        add("role", _("Only work experience has a role; write the rest in the field."))
    for name in NUMBERS:
        value = getattr(data, name)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            add(name, _("Give a whole number."))
    if errors:
        return errors
    if data.years is not None and not 0 <= data.years <= 80:
        add("years", _("Give between 0 and 80 years."))
    if data.months is not None and not 0 <= data.months <= 11:
        add("months", _("Give at most 11 months; count whole years as years."))
    for name in ("from_year", "to_year"):
        value = getattr(data, name)
        if value is not None and not YEAR_MIN <= value <= YEAR_MAX:
            add(name, _("Give a year such as 2019."))
    if data.from_year and data.to_year and data.to_year < data.from_year:
        add("to_year", _("The period ends before it starts."))
    if not data.needs_review:
        for name in ("role", "field"):
            messages = detail_messages(identifying_details(getattr(data, name), data.organisation))
            if messages:
                errors.setdefault(name, []).extend(messages)
    return errors


def merit_clean(data: MeritData) -> MeritData:
    """The merit with its texts stripped; ValidationError (by field) if it may not be stored."""
    data = replace(
        data,
        role=" ".join(data.role.split()),
        field=" ".join(data.field.split()),
        organisation=" ".join(data.organisation.split()),
    )
    if not data.needs_review:
        data = replace(data, source_text="")
    errors = merit_errors(data)
    if errors:
        raise ValidationError(errors)
    return data


def merit_from_text(kind: str, text: str) -> MeritData:
    """A merit written as free text ("Lagerarbetare, Nordlager AB, 2016–2022"), split into
    its parts; held for review (with the text as written) when the split is not safe."""
    parsed = parse_merit(kind, text)
    limits_kept = all(len(value) <= Merit.TEXT_MAX for value in (parsed.role, parsed.field))
    data = MeritData(
        kind=kind,
        role=parsed.role[: Merit.TEXT_MAX],
        field=parsed.field[: Merit.TEXT_MAX],
        level=parsed.level,
        years=parsed.years if parsed.years is None or parsed.years <= 80 else None,
        months=parsed.months,
        organisation=parsed.organisation[: Merit.TEXT_MAX],
        from_year=parsed.from_year,
        to_year=parsed.to_year,
    )
    if not data.role and not data.field and not data.level:
        data = replace(data, field=" ".join(text.split())[: Merit.TEXT_MAX])
    if not (parsed.safe and limits_kept) or merit_errors(data):
        data = replace(data, needs_review=True, source_text=text.strip())
    return data


def _item(kind: str, item: Any, path: str) -> MeritData:
    if isinstance(item, MeritData):
        return merit_clean(replace(item, kind=kind))
    if isinstance(item, str):
        if "\x00" in item:
            raise ValidationError({path: [_("Null characters are not allowed.")]})
        return merit_from_text(kind, item)
    if isinstance(item, Mapping):
        values = {key: item[key] for key in MeritData.__dataclass_fields__ if key in item}
        values["kind"] = kind
        for name in TEXTS:
            values[name] = values.get(name) or ""
        values.pop("needs_review", None)
        values.pop("source_text", None)
        try:
            return merit_clean(MeritData(**values))
        except ValidationError as exc:
            raise ValidationError(
                {f"{path}.{name}": messages for name, messages in exc.message_dict.items()}
            ) from None
    raise ValidationError({path: [_("Give a merit as a text or an object.")]})


def merits_from_input(value: Any) -> list[MeritData]:
    """Merits as every way in gives them, checked: ``{education: [...], experience: [...],
    other: [...]}`` with texts (split into their parts, held for review when unsure),
    objects or :class:`MeritData`; or a list of :class:`MeritData` or ``Merit``.

    Raises ValidationError named by the path of each wrong part ("experience.0.role").
    """
    if value is None:
        return []
    if isinstance(value, list):
        value = [MeritData.of(item) if isinstance(item, Merit) else item for item in value]
        if not all(isinstance(item, MeritData) for item in value):
            raise ValidationError(
                _("Merits must be an object with education, experience and other.")
            )
        found = [_item(item.kind, item, f"{index}") for index, item in enumerate(value)]
    elif isinstance(value, Mapping):
        unknown = set(value) - set(MERIT_SECTIONS)
        if unknown:
            raise ValidationError(
                _("Unknown merit sections: %(names)s.") % {"names": ", ".join(sorted(unknown))}
            )
        found = []
        errors: dict[str, list[str]] = {}
        for section in MERIT_SECTIONS:
            rows = value.get(section) or []
            if not isinstance(rows, list | tuple):
                errors[section] = [_("Each merit section must be a list.")]
                continue
            for index, row in enumerate(rows):
                if isinstance(row, str) and not row.strip():
                    continue
                try:
                    found.append(_item(section, row, f"{section}.{index}"))
                except ValidationError as exc:
                    for name, messages in exc.message_dict.items():
                        errors.setdefault(name, []).extend(messages)
        if errors:
            raise ValidationError(errors)
    else:
        raise ValidationError(_("Merits must be an object with education, experience and other."))
    if len(found) > MAX_MERITS:
        raise ValidationError(_("At most %(max)s merits.") % {"max": MAX_MERITS})
    return found


def merits_save(application: Application, merits: Iterable[MeritData]) -> list[Merit]:
    """Store ``merits`` (already checked) as the application's, in their order per kind."""
    application.merits.all().delete()
    positions = dict.fromkeys(MERIT_SECTIONS, 0)
    rows = []
    for data in merits:
        rows.append(data.model(application, positions[data.kind]))
        positions[data.kind] += 1
    return Merit.objects.bulk_create(rows)


def merits_by_kind(merits: Iterable[Merit]) -> dict[str, list[Merit]]:
    grouped: dict[str, list[Merit]] = {section: [] for section in MERIT_SECTIONS}
    for merit in merits:
        grouped[merit.kind].append(merit)
    return grouped


# --- Saying a merit to a candidate --------------------------------------------------------


def _number(value: int, unit: str) -> str:
    """Up to twelve in words ("sex", "six"), above that in digits."""
    if value == 1:
        # Translators: "one" year (Swedish "ett") or month (Swedish "en").
        return pgettext("one year", "one") if unit == "years" else pgettext("one month", "one")
    words = {
        2: pgettext("number", "two"),
        3: pgettext("number", "three"),
        4: pgettext("number", "four"),
        5: pgettext("number", "five"),
        6: pgettext("number", "six"),
        7: pgettext("number", "seven"),
        8: pgettext("number", "eight"),
        9: pgettext("number", "nine"),
        10: pgettext("number", "ten"),
        11: pgettext("number", "eleven"),
        12: pgettext("number", "twelve"),
    }
    return words.get(value, str(value))


def length_words(months_total: int, *, before_noun: bool) -> str:
    """A length in words: years (with "more than" for the months over), or months under a
    year. ``before_noun``: the form that stands before "experience" (Swedish "sex års")."""
    years, months = divmod(months_total, 12)
    if years:
        n = _number(years, "years")
        if before_noun:
            # Translators: before a noun, as in "six years of experience" (Swedish "sex års").
            text = npgettext("before a noun", "{n} year", "{n} years", years).format(n=n)
        else:
            text = npgettext("length", "{n} year", "{n} years", years).format(n=n)
        if months:
            text = _("more than {length}").format(length=text)
        return text
    n = _number(months, "months")
    if before_noun:
        # Translators: before a noun, as in "six months of internship" (Swedish "sex månaders").
        return npgettext("before a noun", "{n} month", "{n} months", months).format(n=n)
    return npgettext("length", "{n} month", "{n} months", months).format(n=n)


def _experience(merit: Merit | MeritData, length: int | None) -> str:
    if length:
        words = length_words(length, before_noun=True)
        nouns: dict[str, str] = {
            "": _("{length} of experience"),
            Merit.Level.LEADERSHIP: _("{length} of experience leading others"),
            Merit.Level.INTERNSHIP: _("{length} of internship"),
        }
        noun = nouns[merit.level].format(length=words)
    else:
        bare: dict[str, str] = {
            "": _("experience"),
            Merit.Level.LEADERSHIP: _("experience leading others"),
            Merit.Level.INTERNSHIP: _("an internship"),
        }
        noun = bare[merit.level]
    if merit.role and merit.field:
        return _("{noun} as {role} in {field}").format(
            noun=noun, role=merit.role, field=merit.field
        )
    if merit.role:
        return _("{noun} as {role}").format(noun=noun, role=merit.role)
    if merit.level:
        # Translators: leading others or an internship in a field (Swedish "inom").
        return pgettext("led or interned in", "{noun} in {field}").format(
            noun=noun, field=merit.field
        )
    # Translators: experience of a field (Swedish "av", as in "erfarenhet av lagerarbete").
    return pgettext("experience of", "{noun} in {field}").format(noun=noun, field=merit.field)


def _education(merit: Merit | MeritData) -> str:
    Level = Merit.Level
    if not merit.level:
        return merit.field
    if merit.field:
        templates: dict[str, str] = {
            Level.COURSE: _("a course in {field}"),
            Level.UPPER_SECONDARY: _("upper secondary education ({field})"),
            Level.VOCATIONAL: _("a higher vocational diploma in {field}"),
            Level.UNIVERSITY: _("university studies in {field}"),
            Level.BACHELOR: _("a bachelor's degree in {field}"),
            Level.MASTER: _("a master's degree in {field}"),
            Level.DOCTORATE: _("a doctorate in {field}"),
        }
        return templates[merit.level].format(field=merit.field)
    names: dict[str, str] = {
        Level.COURSE: _("a course"),
        Level.UPPER_SECONDARY: _("upper secondary education"),
        Level.VOCATIONAL: _("a higher vocational diploma"),
        Level.UNIVERSITY: _("university studies"),
        Level.BACHELOR: _("a bachelor's degree"),
        Level.MASTER: _("a master's degree"),
        Level.DOCTORATE: _("a doctorate"),
    }
    return names[merit.level]


def merit_phrase(merit: Merit | MeritData, language: str) -> str:
    """The merit as a candidate reads it about someone else, in ``language`` ("sv"/"en"):
    kind, role, field, level and length; never the organisation or the period."""
    months_total = None
    if merit.years is not None or merit.months is not None:
        months_total = (merit.years or 0) * 12 + (merit.months or 0)
    with translation.override(language):
        if merit.kind == Merit.Kind.EXPERIENCE:
            return _experience(merit, months_total)
        text = _education(merit) if merit.kind == Merit.Kind.EDUCATION else merit.field
        if not text:
            text = str(Merit.Level(merit.level).label) if merit.level else ""
        if months_total:
            length = length_words(months_total, before_noun=False)
            text = _("{merit} ({length})").format(merit=text, length=length)
        return text


def merits_phrases(application: Application, language: str) -> list[str]:
    """Every merit of ``application`` that may be told to another candidate, as phrases in
    ``language``: education, then work experience, then other merits. Merits that wait for
    review are left out. Uses the prefetched ``merits`` when there are any."""
    return [
        merit_phrase(merit, language)
        for merit in application.merits.all()
        if not merit.needs_review
    ]


# --- Describing a merit to staff ------------------------------------------------------------


def merit_period(merit: Merit | MeritData) -> str:
    if merit.from_year and merit.to_year:
        return f"{merit.from_year}–{merit.to_year}"
    if merit.from_year:
        return _("since %(year)s") % {"year": merit.from_year}
    return str(merit.to_year) if merit.to_year else ""
