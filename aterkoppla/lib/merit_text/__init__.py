"""Merits that say what a person can, never who they are. Plain Python, no Django.

What another candidate is told about the person chosen (diskrimineringslagen 2 kap. 4 §, the
call sheet, a written summary) describes each merit by kind, level and length only. The
employer or school, the place and the years are kept in fields of their own that only staff
see. Two things here hold that line:

- :func:`identifying_details` finds what may not stand in the role or field of a merit: a
  year, a date or period, the organisation's name, an email address, a phone number, or a
  place (a Swedish municipality, county or province, a country, a large city abroad).
- :func:`parse_merit` splits a merit written as free text ("Lagerarbetare, Nordlager AB i
  Borås, 2016–2022") into those parts, and says whether the split is safe: anything it
  cannot tell apart with confidence is held for a person to check.

Codes, not messages: whoever shows a :class:`Detail` words it in the reader's language.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

# What a Detail is about.
YEAR = "year"
PERIOD = "period"
ORGANISATION = "organisation"
EMAIL = "email"
PHONE = "phone"
PLACE = "place"

KINDS = ("education", "experience", "other")


@dataclass(frozen=True)
class Detail:
    """Something in a text that could tell who the person is: ``code`` says what, ``match``
    is the text found."""

    code: str
    match: str


# --- Places -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Places:
    anywhere: re.Pattern[str]  # matched in any case
    proper: re.Pattern[str]  # also ordinary words: only capitalised and not first


def _alternation(names: list[str]) -> str:
    # Longest first, so that "Upplands Väsby" wins over a shorter name inside it.
    parts = [re.escape(name).replace(r"\ ", r"\s+") for name in sorted(names, key=len)[::-1]]
    return r"(?<![\w-])(?:" + "|".join(parts) + r")s?(?![\w-])"


@cache
def _places() -> _Places:
    anywhere: list[str] = []
    proper: list[str] = []
    for line in (DATA / "places.txt").read_text(encoding="utf-8").splitlines():
        name = unicodedata.normalize("NFC", line.strip())
        if not name or name.startswith("#"):
            continue
        if name.startswith("~"):
            proper.append(name[1:])
        else:
            anywhere.append(name)
    return _Places(
        anywhere=re.compile(_alternation(anywhere), re.IGNORECASE),
        proper=re.compile(_alternation(proper)),
    )


def places_in(text: str) -> list[str]:
    """The place names in ``text``, as written there."""
    text = unicodedata.normalize("NFC", text)
    places = _places()
    found = [(m.start(), m.group()) for m in places.anywhere.finditer(text)]
    found += [(m.start(), m.group()) for m in places.proper.finditer(text) if m.start() > 0]
    return [name for _start, name in sorted(found)]


# --- What may not be in a role or field -----------------------------------------------------

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_MONTHS = (
    r"jan(?:uari|uary)?|feb(?:ruari|ruary)?|mar(?:s|ch)?|apr(?:il)?|maj|may|jun(?:i|e)?|"
    r"jul(?:i|y)?|aug(?:usti|ust)?|sep(?:tember)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|"
    r"dec(?:ember)?"
)
_PERIOD = re.compile(
    # "jan 2016", "mars -22", "2016-01", "01/2016", "1/3 2020", "2016-01-31", "'16–'22"
    rf"(?<!\w)(?:(?:{_MONTHS})\.?\s*[-'’]?\d{{2,4}}"
    r"|\d{4}-\d{1,2}(?:-\d{1,2})?"
    r"|\d{1,2}/\d{1,2}(?:[/ ]\d{2,4})?|\d{1,2}/\d{4}"
    r"|['’]\d{2}\s*[-–—]\s*['’]?\d{2})(?!\w)",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d\s()-]{5,}\d(?!\w)")
# Words that only stand in the name of a company, an authority or a school.
_COMPANY = re.compile(
    r"(?<![\w-])(?:AB|HB|KB|Ab|Ltd|Inc|GmbH|Oy|Oyj|ASA|AS|A/S|ApS|Plc|LLC|S\.A\.|B\.V\.)"
    r"(?![\w-])"
)
_AUTHORITY = re.compile(
    r"(?<![\w-])(?:Kommun|Region|Landsting|Universitet|Högskola|Högskolan|University|College|"
    r"Folkhögskola|Gymnasium|[A-ZÅÄÖ][\w-]*s\s+(?:kommun|universitet|högskola|län|stad))"
    r"(?![\w-])"
)
# Words of an organisation's name that say nothing about which one it is.
_GENERIC_WORDS = frozenset(
    [
        "ab",
        "hb",
        "kb",
        "ltd",
        "inc",
        "gmbh",
        "oy",
        "oyj",
        "asa",
        "as",
        "a/s",
        "aps",
        "plc",
        "llc",
        "group",
        "gruppen",
        "koncern",
        "sverige",
        "sweden",
        "svenska",
        "swedish",
        "nordic",
        "norden",
        "scandinavia",
        "kommun",
        "region",
        "landsting",
        "universitet",
        "university",
        "högskola",
        "högskolan",
        "college",
        "school",
        "skola",
        "skolan",
        "gymnasium",
        "gymnasiet",
        "folkhögskola",
        "yrkeshögskola",
        "institute",
        "institutet",
        "of",
        "the",
        "and",
        "och",
        "i",
        "in",
        "på",
        "for",
        "för",
        "de",
        "del",
        "la",
        "le",
        "et",
        "company",
        "företag",
        "bolag",
        "center",
        "centre",
        "centrum",
        "business",
        "technology",
        "technologies",
        "services",
        "solutions",
        "consulting",
        "utbildning",
        "education",
        "training",
    ]
)


def _organisation_words(organisation: str) -> list[str]:
    words = re.findall(r"[\w][\w&+.'-]*", organisation)
    return [w for w in words if len(w) > 2 and w.casefold() not in _GENERIC_WORDS]


def identifying_details(text: str, organisation: str = "") -> tuple[Detail, ...]:
    """What in ``text`` (a merit's role or field) could tell who the person is.

    ``organisation`` is the merit's employer or school, which must not be repeated in it.
    """
    text = unicodedata.normalize("NFC", text)
    details: list[Detail] = []
    rest = text
    for pattern, code in ((_EMAIL, EMAIL), (_PERIOD, PERIOD)):
        for match in pattern.finditer(rest):
            details.append(Detail(code, match.group()))
        rest = pattern.sub(" ", rest)
    for match in _YEAR.finditer(rest):
        details.append(Detail(YEAR, match.group()))
    for match in _PHONE.finditer(_YEAR.sub(" ", rest)):
        if sum(ch.isdigit() for ch in match.group()) >= 7:
            details.append(Detail(PHONE, match.group().strip()))
    organisation = unicodedata.normalize("NFC", organisation).strip()
    if organisation:
        if organisation.casefold() in text.casefold():
            details.append(Detail(ORGANISATION, organisation))
        else:
            for word in _organisation_words(organisation):
                if re.search(rf"(?<![\w-]){re.escape(word)}s?(?![\w-])", text, re.IGNORECASE):
                    details.append(Detail(ORGANISATION, word))
                    break
    for match in (*_COMPANY.finditer(text), *_AUTHORITY.finditer(text)):
        details.append(Detail(ORGANISATION, match.group()))
    details += [Detail(PLACE, name) for name in places_in(text)]
    return tuple(details)


# --- Free text to parts ---------------------------------------------------------------------

NUMBER_WORDS = {
    "en": 1, "ett": 1, "one": 1, "a": 1, "två": 2, "two": 2, "tre": 3, "three": 3,
    "fyra": 4, "four": 4, "fem": 5, "five": 5, "sex": 6, "six": 6, "sju": 7, "seven": 7,
    "åtta": 8, "eight": 8, "nio": 9, "nine": 9, "tio": 10, "ten": 10, "elva": 11,
    "eleven": 11, "tolv": 12, "twelve": 12,
}  # fmt: skip
_NUMBER = r"(\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len)[::-1]) + ")"
_LENGTH_YEARS = re.compile(rf"(?<!\w){_NUMBER}\s*(?:års?|years?|yrs?)(?!\w)", re.IGNORECASE)
_LENGTH_MONTHS = re.compile(
    rf"(?<!\w){_NUMBER}\s*(?:månader|månad|mån|months?|mths?)\.?(?!\w)", re.IGNORECASE
)
_OPEN_END = r"nu|idag|i dag|pågående|present|now|today|ongoing"
_RANGE = re.compile(
    rf"(?<!\d)((?:19|20)\d{{2}})\s*(?:[-–—]|to|till)\s*((?:19|20)\d{{2}}|{_OPEN_END})?(?!\w)",
    re.IGNORECASE,
)
# What follows a level's words before the field: "Master's degree in", "B.Tech. in".
_LEVEL_TAIL = re.compile(
    r"^[.'’]*s?\.?\s*(?:(?:degree|examen|exam|diploma|utbildning|education)\b\.?\s*)?"
    r"(?:(?:i|in|inom|en|of|från|from)\b\s*)?",
    re.IGNORECASE,
)
_DANGLING = re.compile(
    r"\s+(?:i|in|för|for|under|during|sedan|since|mellan|between|från|from)\s*(?=$|[,;|])",
    re.IGNORECASE,
)
# A comma, semicolon or bar that is not inside parentheses: "Utvecklare (Python, Django), X".
_PARTS = re.compile(r"[,;|](?![^()]*\))")
_SINCE = re.compile(r"(?<!\w)(?:sedan|since|from|från)\s+((?:19|20)\d{2})(?!\d)", re.IGNORECASE)
_PREPOSITION = re.compile(r"\s+(?:på|hos|vid|at|från|from)\s+(?=[A-ZÅÄÖ0-9])")
_IN_PLACE = re.compile(r"^(.*?)\s+(?:i|in)\s+(\S.*)$")

# Education: what the words say about the level (the first that matches wins).
EDUCATION_LEVELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (level, re.compile(pattern, re.IGNORECASE))
    for level, pattern in (
        ("doctorate", r"\b(?:doktorsexamen|doktor|forskarutbildning|licentiat\w*|ph\.?\s?d\.?)"),
        (
            "master",
            r"\b(?:masterexamen|master|magisterexamen|magister|civilingenjör\w*|civilekonom\w*|"
            r"m\.?sc\.?|m\.?a\.?|mba)\b",
        ),
        (
            "bachelor",
            r"\b(?:kandidatexamen|kandidat|högskoleingenjör\w*|b\.?sc\.?|b\.?a\.?|b\.?tech\.?|"
            r"bachelor(?:'s)?(?:\s+degree)?|grado)\b",
        ),
        ("vocational", r"\b(?:yh-examen|yh|yrkeshögskole\w*|yrkeshögskola)\b"),
        ("university", r"\b(?:högskolestudier|universitetsstudier|\d+\s*hp)\b"),
        ("upper_secondary", r"\b(?:gymnasieexamen|gymnasie\w*|gymnasial\w*|high school)\b"),
        ("course", r"\b(?:kurs|course|komvux)\b"),
    )
)
OTHER_LEVELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (level, re.compile(pattern, re.IGNORECASE))
    for level, pattern in (
        ("licence", r"(?:körkort|truckkort|licen[cs]e|behörighet|\bkort\b)"),
        ("certificate", r"(?:certifi|certified|certificate)"),
        (
            "language",
            r"\b(?:engelska|svenska|tyska|franska|spanska|arabiska|finska|norska|danska|"
            r"polska|ryska|somaliska|persiska|kinesiska|english|swedish|german|french|"
            r"spanish|arabic|language|språk)\b",
        ),
        ("assignment", r"(?:styrelse|förtroende|ideell|volont|volunteer|board member)"),
    )
)
EXPERIENCE_LEVELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (level, re.compile(pattern, re.IGNORECASE))
    for level, pattern in (
        ("internship", r"^(?:praktik|internship|lia)\b(?:\s+(?:som|as)\b)?"),
        ("leadership", r"^(?:chef|arbetsledare|manager)\b"),
    )
)
# Product and technology names are capitalised without naming who the person is.
_KNOWN_NAMES = frozenset(
    [
        "python",
        "django",
        "java",
        "javascript",
        "typescript",
        "react",
        "angular",
        "vue",
        "postgresql",
        "mysql",
        "sql",
        "linux",
        "windows",
        "excel",
        "word",
        "office",
        "powerpoint",
        "outlook",
        "visma",
        "fortnox",
        "sap",
        "ewm",
        "wms",
        "kubernetes",
        "docker",
        "aws",
        "azure",
        "fastapi",
        "c",
        "c#",
        "c++",
        "go",
        "rust",
        "php",
        "ruby",
        "rails",
        "node.js",
        "html",
        "css",
        "git",
    ]
)


@dataclass(frozen=True)
class ParsedMerit:
    """A merit read from free text. ``safe`` is False when a person must check it before
    any of it is told to another candidate; ``doubts`` says why (codes)."""

    kind: str
    role: str = ""
    field: str = ""
    level: str = ""
    years: int | None = None
    months: int | None = None
    organisation: str = ""
    from_year: int | None = None
    to_year: int | None = None
    safe: bool = True
    doubts: tuple[str, ...] = ()


def _number(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS[text.casefold()]


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\(\s*\)", "", text)
    return text.strip(" ,;:-–—|/").strip()


def _lower_first(text: str) -> str:
    """ "Lagerarbetare" → "lagerarbetare" (it stands inside a sentence); "IT-tekniker",
    "AWS" and "Python" keep their capitals."""
    word = re.match(r"[\w]+", text)
    if not word or len(word.group()) < 2:
        return text
    if word.group().casefold() in _KNOWN_NAMES:
        return text
    if word.group()[0].isupper() and word.group()[1:].islower():
        return text[0].lower() + text[1:]
    return text


def _looks_like_organisation(text: str) -> bool:
    return bool(
        _COMPANY.search(text)
        or _AUTHORITY.search(text)
        or places_in(text)
        or re.search(r"(?<![\w-])[A-ZÅÄÖ0-9]", text)
    )


def _unknown_names(text: str) -> list[str]:
    """Capitalised words after the first that are no known product: perhaps a name."""
    words = re.findall(r"[\w][\w.#+-]*", text)
    return [
        word
        for word in words[1:]
        if word[0].isupper()
        and not word.isupper()
        and not any(ch.isdigit() for ch in word)
        and word.casefold() not in _KNOWN_NAMES
        and word.split("-")[0].casefold() not in _KNOWN_NAMES
    ]


def _level(kind: str, text: str) -> tuple[str, str]:
    """The level the words of ``text`` name, and the text without those words."""
    tables = {"education": EDUCATION_LEVELS, "experience": EXPERIENCE_LEVELS}
    for level, pattern in tables.get(kind, OTHER_LEVELS):
        match = pattern.search(text)
        if not match:
            continue
        if kind == "other" or level == "leadership":  # "B-körkort" says it all
            return level, text
        after = _LEVEL_TAIL.sub("", text[match.end() :])
        rest = _tidy(text[: match.start()] + " " + after)
        return level, _tidy(rest)
    return "", text


def parse_merit(kind: str, text: str) -> ParsedMerit:
    """Split one merit written as free text into its parts.

    Understood: a period of years ("2016–2022", "2019–nu", "sedan 2019") or a single year,
    a length ("6 år", "3 years", "8 mån"), the organisation as a comma-separated part, after
    "på"/"hos"/"vid"/"at"/"från" or recognised by a word such as "AB", "Kommun", "Region",
    "universitet" or "högskola", and for education the level ("Kandidatexamen i ...").
    What is left is the role (work experience) or the field (education, other merits).
    """
    text = _tidy(unicodedata.normalize("NFC", text))
    original = text
    doubts: list[str] = []
    years = months = from_year = to_year = None

    ranges = list(_RANGE.finditer(text))
    if len(ranges) == 1:
        start, end = ranges[0].group(1), ranges[0].group(2)
        from_year = int(start)
        to_year = int(end) if end and end.isdigit() else None
        if to_year is not None and to_year < from_year:
            doubts.append(PERIOD)
        text = _RANGE.sub(" ", text)
    elif not ranges:
        since = list(_SINCE.finditer(text))
        singles = _YEAR.findall(text)
        if len(since) == 1:
            from_year = int(since[0].group(1))
            text = _SINCE.sub(" ", text)
        elif len(singles) == 1:
            to_year = int(singles[0])
            text = _YEAR.sub(" ", text)
    for pattern in (_LENGTH_YEARS, _LENGTH_MONTHS):
        found = list(pattern.finditer(text))
        if len(found) == 1:
            value = _number(found[0].group(1))
            if pattern is _LENGTH_YEARS:
                years = value
            else:
                years, months = (years or 0) + value // 12, value % 12
            text = pattern.sub(" ", text)
    if years is None and months is None and from_year is not None and to_year is not None:
        years = max(to_year - from_year, 0) or None
        if years is None:
            doubts.append(PERIOD)

    if text != original:  # "i sex år", "under 2019": the words that led to what was taken
        text = _DANGLING.sub("", text)
    parts = [_tidy(part) for part in _PARTS.split(text)]
    parts = [part for part in parts if part]
    head = parts[0] if parts else ""
    candidates = parts[1:]
    if (
        kind == "education"
        and candidates
        and not _level(kind, head)[1]
        and not (_COMPANY.search(candidates[0]) or _AUTHORITY.search(candidates[0]))
        and not places_in(candidates[0])
    ):
        # "Gymnasieexamen, Ekonomiprogrammet, 2019": the level, then the field.
        head = f"{head} {candidates.pop(0)}"
    split = _PREPOSITION.split(head, maxsplit=1)
    if len(split) == 2:
        head = _tidy(split[0])
        candidates.insert(0, _tidy(split[1]))
    in_place = _IN_PLACE.match(head)
    if in_place and places_in(in_place.group(2)) and not _tidy(_strip_places(in_place.group(2))):
        head = _tidy(in_place.group(1))
        candidates.append(_tidy(in_place.group(2)))
    if not candidates and (_COMPANY.search(head) or _AUTHORITY.search(head)):
        # "Jönköpings kommun" alone: the organisation and nothing to say what was done.
        candidates, head = [head], ""
        doubts.append("no_role")
    organisation = ", ".join(candidates)
    if len(candidates) > 1 or (candidates and not _looks_like_organisation(candidates[0])):
        doubts.append("parts")

    level, head = _level(kind, head)
    head = _lower_first(head)
    if not head and not level:
        doubts.append("no_role")
    if identifying_details(head, organisation):
        doubts.append("details")
    if _unknown_names(head):
        doubts.append("names")
    role, subject = (head, "") if kind == "experience" else ("", head)
    return ParsedMerit(
        kind=kind,
        role=role,
        field=subject,
        level=level,
        years=years,
        months=months or None,
        organisation=organisation,
        from_year=from_year,
        to_year=to_year,
        safe=not doubts,
        doubts=tuple(dict.fromkeys(doubts)),
    )


def _strip_places(text: str) -> str:
    for name in places_in(text):
        text = text.replace(name, " ")
    return text
