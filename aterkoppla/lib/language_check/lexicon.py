"""The lexicon: data files read once, checked, and compiled into one regular expression.

Files (``data/``): ``categories.toml`` gives each category its default severity, legal basis,
messages and suggestions; ``sv.toml`` and ``en.toml`` hold the entries of each language. The
format is described at the top of each file and in docs/LANGUAGE_CHECK.md.
"""

from __future__ import annotations

import functools
import re
import sys
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Any

from aterkoppla.lib.language_check.names import name_sets
from aterkoppla.lib.language_check.patterns import (
    PatternError,
    compile_pattern,
    first_word_forms,
)

DATA_DIR = Path(__file__).parent / "data"
LANGUAGES = ("sv", "en")
SEVERITIES = ("block", "warn", "info")
CATEGORIES = (
    "sex",
    "transgender_identity",
    "ethnicity",
    "religion",
    "disability",
    "sexual_orientation",
    "age",
    "parental_leave",
    "union",
    "fit",
    "disrespect",
    "special_category",
)
TEXT_FIELDS = ("basis", "message_sv", "message_en", "suggestion_sv", "suggestion_en")
ENTRY_FIELDS = {
    "id",
    "category",
    "severity",
    "patterns",
    "exceptions",
    "unless_near",
    "only_near",
    "window",
    "window_first",
    *TEXT_FIELDS,
}
DEFAULT_WINDOW = 6
FLAGS = re.IGNORECASE | re.UNICODE
# Exception phrases are looked for this far (in characters) around a match.
OVERLAP_REACH = 80
_SENTENCE_END = re.compile(r"[.!?;\n]")
_WORD = re.compile(r"[\w'’]+")


class LexiconError(ValueError):
    """A data file that cannot be used, naming the file and the entry."""


_PHRASE_GROUP = re.compile(r"\(([^()]*)\)")


def expand_phrases(pattern: str) -> list[str]:
    """``pattern`` with each ``(a b|c)`` group spelt out: one pattern per alternative.

    In the pattern language ``|`` separates the alternatives of ONE word, so
    ``gender equality|pay gap`` reads as "gender" + ("equality" or "pay") + "gap". A group
    in parentheses holds whole phrases: ``gender (equality|pay gap)`` is "gender equality" or
    "gender pay gap". Regular expressions (``re:``) are left alone.
    """
    if pattern.startswith("re:") or "(" not in pattern:
        if ")" in pattern and not pattern.startswith("re:"):
            raise PatternError(f"{pattern!r} closes a group it never opens")
        return [pattern]
    found = _PHRASE_GROUP.search(pattern)
    if found is None:
        raise PatternError(f"{pattern!r} has a group that is not closed, or groups in groups")
    head, tail = pattern[: found.start()], pattern[found.end() :]
    alternatives = [alt.strip() for alt in found.group(1).split("|")]
    if any(not alt for alt in alternatives):
        raise PatternError(f"{pattern!r} has an empty phrase in a group")
    expanded: list[str] = []
    for alt in alternatives:
        expanded.extend(expand_phrases(f"{head}{alt}{tail}"))
    return [" ".join(p.split()) for p in expanded]


def _expand_all(phrases: list[Any], where: str) -> list[Any]:
    out: list[Any] = []
    for phrase in phrases:
        if not isinstance(phrase, str):
            out.append(phrase)  # reported as "not text" by the caller
            continue
        try:
            out.extend(expand_phrases(phrase))
        except PatternError as exc:
            raise LexiconError(f"{where}: {exc}") from None
    return out


class LazyRegex:
    """A regular expression compiled on first use: an entry's exceptions and windows are
    many large alternations, and most are never needed by a process that checks a few
    texts. The phrases are checked when the data file is loaded all the same."""

    __slots__ = ("_compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, FLAGS)
        return self._compiled

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, pos, endpos)


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    category: str
    severity: str
    basis: str
    message_sv: str
    message_en: str
    suggestion_sv: str
    suggestion_en: str
    patterns: tuple[str, ...]
    exceptions: LazyRegex | None
    unless_near: LazyRegex | None
    window: int
    only_near: LazyRegex | None = None
    # Whether the windows decide before the sentence's grammar (``window_first = true``; the
    # default for an entry with ``only_near``): see ``context.Judge.decide``.
    window_first: bool = False

    def excepted(self, text: str, start: int, end: int) -> bool:
        """Whether one of the entry's exceptions (a phrase of ordinary job language)
        overlaps ``text[start:end]``."""
        if self.exceptions is None:
            return False
        lo = max(0, start - OVERLAP_REACH)
        for found in self.exceptions.finditer(text, lo, min(len(text), end + OVERLAP_REACH)):
            if found.start() < end and found.end() > start:
                return True
            if found.start() >= end:
                break
        return False

    def cancelled(self, text: str, start: int, end: int) -> bool:
        """Whether the context around ``text[start:end]`` shows ordinary job language."""
        if self.excepted(text, start, end):
            return True
        if self.unless_near is not None or self.only_near is not None:
            lo, hi = _word_window(text, start, end, self.window)
            # Around the match, not in it: "chemist*" must not cancel "chemistry".
            near = self.unless_near
            if near is not None and (near.search(text, lo, start) or near.search(text, end, hi)):
                return True
            # A match that needs a person beside it ("hon är" before "från Syrien").
            need = self.only_near
            if need is not None and not (
                need.search(text, lo, start) or need.search(text, end, hi)
            ):
                return True
        return False

    def message(self, reader: str) -> str:
        return self.message_en if reader == "en" else self.message_sv

    def suggestion(self, reader: str) -> str:
        return self.suggestion_en if reader == "en" else self.suggestion_sv


def _word_window(text: str, start: int, end: int, words: int) -> tuple[int, int]:
    """``words`` words either side of the span, within its sentence."""
    before = text[max(0, start - 30 * words) : start]
    cut = None
    for cut in _SENTENCE_END.finditer(before):  # noqa: B007 — the last one counts
        pass
    offset = start - len(before)
    if cut is not None:
        before, offset = before[cut.end() :], offset + cut.end()
    # The start of the ``words``-th word before the span (or of the first one there is).
    starts = [found.start() for found in _WORD.finditer(before)]
    lo = offset + (starts[max(0, len(starts) - words)] if starts else len(before))
    after = text[end : end + 30 * words]
    stop = _SENTENCE_END.search(after)
    if stop:
        after = after[: stop.start()]
    found = re.match(r"(?:\W*[\w'’]+){0,%d}" % words, after)  # noqa: UP031
    hi = end + (found.end() if found else 0)
    return lo, hi


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: str
    entries: tuple[Entry, ...]
    # One per pattern: the entry it belongs to and its own compiled expression.
    pattern_entries: tuple[Entry, ...]
    prefilter: re.Pattern[str]
    by_initial: Mapping[str, tuple[int, ...]]
    # The patterns' expressions, for the per-letter alternations of ``combined_at``.
    regex_texts: tuple[str, ...] = ()
    # The patterns as written and the sets they use, for the per-letter expressions.
    pattern_texts: tuple[str, ...] = ()
    sets: Mapping[str, list[str]] = dataclass_field(default_factory=dict, repr=False)
    _at: dict[str, re.Pattern[str]] = dataclass_field(
        default_factory=dict, repr=False, compare=False
    )

    @property
    def combined(self) -> re.Pattern[str]:
        """Every pattern in one alternation, a named group ``p<index>`` each (compiled on
        first use: loading stays fast for a process that never needs it)."""
        found = self._at.get("*")
        if found is None:
            found = self._at["*"] = re.compile(
                r"(?<![\w])(?:"
                + "|".join(f"(?P<p{i}>{rx})" for i, rx in enumerate(self.regex_texts))
                + ")",
                FLAGS,
            )
        return found

    def pattern_regex(self, index: int) -> re.Pattern[str]:
        """Pattern ``index`` on its own (compiled on first use)."""
        key = f"#{index}"
        found = self._at.get(key)
        if found is None:
            found = self._at[key] = re.compile(r"(?<![\w])" + self.regex_texts[index], FLAGS)
        return found

    def scan(self, text: str) -> Iterator[tuple[int, int, int]]:
        """Every match of the patterns in ``text``, left to right and not overlapping, as
        ``(start, end, pattern index)``: what ``combined.finditer`` finds, at the speed of
        the prefilter and the per-letter expressions."""
        position = 0
        while (candidate := self.prefilter.search(text, position)) is not None:
            at = candidate.start()
            found = self.combined_at(text[at]).match(text, at)
            if found is None or found.lastgroup is None:
                position = at + 1
                continue
            yield at, found.end(), int(found.lastgroup[1:])
            position = max(found.end(), at + 1)

    def combined_at(self, char: str) -> re.Pattern[str]:
        """The combined expression cut down to the patterns a match beginning with ``char``
        can come from (those that can begin with any letter included), in the same order:
        at one position it gives the same match as ``combined``, trying a fraction of the
        alternatives. Compiled on first use, once per letter and process."""
        key = char.lower()
        if key not in self.by_initial:
            key = ""
        found = self._at.get(key)
        if found is None:
            indices = sorted({*self.by_initial.get(key, ()), *self.by_initial.get("", ())})
            found = re.compile(
                r"(?<![\w])(?:"
                + ("|".join(f"(?P<p{i}>{self._regex_at(i, key)})" for i in indices) or "(?!)")
                + ")",
                FLAGS,
            )
            self._at[key] = found
        return found

    def _regex_at(self, index: int, key: str) -> str:
        """Pattern ``index``'s expression for a match that begins with the letter ``key``:
        the alternatives of its first word (and the phrases of a set there) that cannot
        begin with it are left out, in the same order. A pattern that begins with a set of
        250 country names is otherwise repeated whole under every letter they begin with,
        and compiling those copies was most of a process's first check."""
        regex = self.regex_texts[index]
        pattern = self.pattern_texts[index] if self.pattern_texts else ""
        if not key or not pattern or pattern.startswith("re:"):
            return regex
        first, _, rest = pattern.partition(" ")
        if first.startswith("["):
            return regex
        narrowed: dict[str, list[str]] = {}
        kept: list[str] = []
        for alt in first.split("|"):
            name = alt[1:]
            if alt.startswith("@") and name in self.sets:
                phrases = [p for p in self.sets[name] if {key, ""} & _initials(p, self.sets, 1)]
                if len(phrases) == len(self.sets[name]):
                    kept.append(alt)
                elif phrases:
                    narrowed[f"{name}.{key}"] = phrases
                    kept.append(f"@{name}.{key}")
            elif {key, ""} & _initials(alt, self.sets, 1):
                kept.append(alt)
        if not kept or kept == first.split("|"):
            return regex
        sets = {**self.sets, **narrowed} if narrowed else self.sets
        return compile_pattern(" ".join(["|".join(kept), rest]).strip(), sets)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: not valid TOML: {exc}") from None


def _phrases_regex(
    phrases: list[str], sets: Mapping[str, list[str]], where: str
) -> LazyRegex | None:
    for phrase in phrases:
        if not isinstance(phrase, str):
            raise LexiconError(f"{where}: {phrase!r} is not text")
    phrases = _expand_all(phrases, where)
    if not phrases:
        return None
    try:
        parts = [compile_pattern(p, sets) for p in phrases]
    except PatternError as exc:
        raise LexiconError(f"{where}: {exc}") from None
    return LazyRegex(r"(?<![\w])(?:" + "|".join(parts) + ")")


def _entry(
    raw: Any, index: int, path: Path, categories: Mapping[str, Mapping[str, str]], sets: Any
) -> Entry:
    name = raw.get("id") if isinstance(raw, dict) else None
    where = f"{path.name}: entry {name!r}" if name else f"{path.name}: entry #{index + 1}"
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: must be a table ([[entry]])")
    if not isinstance(name, str) or not name:
        raise LexiconError(f"{where}: needs an id")
    unknown = set(raw) - ENTRY_FIELDS
    if unknown:
        raise LexiconError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    category = raw.get("category")
    if category not in CATEGORIES:
        raise LexiconError(f"{where}: category {category!r} is not one of {', '.join(CATEGORIES)}")
    defaults = categories[category]
    severity = raw.get("severity", defaults["severity"])
    if severity not in SEVERITIES:
        raise LexiconError(f"{where}: severity {severity!r} is not one of block, warn, info")
    patterns = raw.get("patterns")
    if not isinstance(patterns, list) or not patterns:
        raise LexiconError(f"{where}: patterns must be a non-empty list")
    patterns = _expand_all(patterns, f"{where}: patterns")
    for pattern in patterns:
        if not isinstance(pattern, str):
            raise LexiconError(f"{where}: pattern {pattern!r} is not text")
        try:
            compile_pattern(pattern, sets)
        except PatternError as exc:
            raise LexiconError(f"{where}: pattern {pattern!r}: {exc}") from None
    window = raw.get("window", DEFAULT_WINDOW)
    if not isinstance(window, int) or isinstance(window, bool) or not 0 < window <= 50:
        raise LexiconError(f"{where}: window must be a whole number of words, 1–50")
    texts = {}
    for field in TEXT_FIELDS:
        value = raw.get(field, defaults.get(field))
        if not isinstance(value, str) or not value.strip():
            raise LexiconError(f"{where}: {field} is missing (and has no category default)")
        texts[field] = value.strip()
    for field in ("exceptions", "unless_near", "only_near"):
        if not isinstance(raw.get(field, []), list):
            raise LexiconError(f"{where}: {field} must be a list")
    window_first = raw.get("window_first", "only_near" in raw)
    if not isinstance(window_first, bool):
        raise LexiconError(f"{where}: window_first must be true or false")
    if window_first and not ("unless_near" in raw or "only_near" in raw):
        raise LexiconError(f"{where}: window_first needs unless_near or only_near")
    return Entry(
        id=name,
        category=category,
        severity=severity,
        patterns=tuple(patterns),
        exceptions=_phrases_regex(raw.get("exceptions", []), sets, f"{where}: exceptions"),
        unless_near=_phrases_regex(raw.get("unless_near", []), sets, f"{where}: unless_near"),
        only_near=_phrases_regex(raw.get("only_near", []), sets, f"{where}: only_near"),
        window=window,
        window_first=window_first,
        **texts,
    )


def load_categories(path: Path) -> dict[str, dict[str, str]]:
    data = _read(path)
    categories = data.get("category")
    if not isinstance(categories, dict):
        raise LexiconError(f"{path.name}: needs a [category.<name>] table per category")
    for name in CATEGORIES:
        table = categories.get(name)
        if not isinstance(table, dict):
            raise LexiconError(f"{path.name}: category {name!r} is missing")
        if table.get("severity") not in SEVERITIES:
            raise LexiconError(f"{path.name}: category {name!r}: severity must be block/warn/info")
    unknown = set(categories) - set(CATEGORIES)
    if unknown:
        raise LexiconError(f"{path.name}: unknown category {', '.join(sorted(unknown))}")
    return categories


def _regex_initials(regex: str) -> set[str]:
    """The letters a match of a ``re:`` pattern can begin with, read from its parse tree
    (a letter, a class of letters, alternatives, groups); ``{""}`` when it could be any."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        letters = _first_letters(list(_parser.parse(regex, FLAGS)), _parser)
    except Exception:  # any surprise means "could begin with anything"
        return {""}
    return letters if letters and "" not in letters else {""}


def _first_letters(items: list[Any], parser: Any) -> set[str]:
    c = parser  # the opcodes live in re._constants, re-exported by the parser module
    for op, arg in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width: the next item begins the match
        if op is c.LITERAL:
            return {chr(arg).lower()}
        if op is c.IN:
            letters: set[str] = set()
            for kind, value in arg:
                if kind is c.LITERAL:
                    letters.add(chr(value).lower())
                elif kind is c.CATEGORY and value is c.CATEGORY_DIGIT:
                    letters |= set("0123456789")
                elif kind is c.RANGE and value[1] - value[0] < 64:
                    letters |= {chr(n).lower() for n in range(value[0], value[1] + 1)}
                else:
                    return {""}
            return letters
        if op is c.BRANCH:
            found: set[str] = set()
            for branch in arg[1]:
                found |= _first_letters(list(branch), parser)
            return found
        if op is c.SUBPATTERN:
            return _first_letters(list(arg[-1]), parser)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and arg[0] >= 1:
            return _first_letters(list(arg[2]), parser)
        return {""}
    return {""}


def _initials(
    pattern: str, sets: Mapping[str, list[str]] | None = None, depth: int = 0
) -> set[str]:
    """The letters a match of ``pattern`` can begin with; ``""`` when it could be any."""
    if pattern.startswith("re:"):
        return _regex_initials(pattern[3:])
    if depth > 3:
        return {""}
    tokens = pattern.split()
    first = tokens[0]
    if first.startswith("[") and first.endswith("]") and len(tokens) > 1:
        # An optional first word: its letters and those of the words after it.
        return _initials(first[1:-1], sets, depth + 1) | _initials(
            " ".join(tokens[1:]), sets, depth + 1
        )
    letters: set[str] = set()
    for alt in first.split("|"):
        if alt.startswith("@") and sets is not None and alt[1:] in sets:
            for phrase in sets[alt[1:]]:
                letters |= _initials(phrase, sets, depth + 1) if phrase.strip() else {""}
        elif not alt or not alt[0].isalnum():
            return {""}
        else:
            letters.add(alt[0].lower())
    return letters if "" not in letters else {""}


def _sort_key(pattern: str) -> tuple[int, int]:
    # Longer phrases first: at one position the first alternative that matches wins.
    return (-len(pattern.split()), -len(pattern))


def load_lexicon(path: Path, categories_path: Path | None = None, language: str = "") -> Lexicon:
    """Read, check and compile one language's entries. Raises ``LexiconError``."""
    categories = load_categories(categories_path or DATA_DIR / "categories.toml")
    data = _read(path)
    sets = data.get("sets", {})
    if not isinstance(sets, dict) or not all(
        isinstance(v, list) and all(isinstance(p, str) for p in v) for v in sets.values()
    ):
        raise LexiconError(f"{path.name}: [sets] must map names to lists of phrases")
    sets = {name: _expand_all(v, f"{path.name}: set {name!r}") for name, v in sets.items()}
    # @country, @language, @nationality (names.py) unless the file has its own of that name.
    sets = {**name_sets(language or path.stem), **sets}
    raw_entries = data.get("entry")
    if not isinstance(raw_entries, list) or not raw_entries:
        raise LexiconError(f"{path.name}: has no [[entry]] tables")
    entries: list[Entry] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_entries):
        entry = _entry(raw, index, path, categories, sets)
        if entry.id in seen:
            raise LexiconError(f"{path.name}: entry {entry.id!r}: the id is used twice")
        seen.add(entry.id)
        entries.append(entry)
    ordered = sorted(
        ((pattern, entry) for entry in entries for pattern in entry.patterns),
        key=lambda item: _sort_key(item[0]),
    )
    regexes = [compile_pattern(pattern, sets) for pattern, _entry_ in ordered]
    firsts = {form for pattern, _entry_ in ordered for form in first_word_forms(pattern, sets)}
    prefilter = re.compile(
        r"(?<![\w])(?:" + "|".join(sorted(firsts, key=len, reverse=True)) + ")", FLAGS
    )
    by_initial: dict[str, list[int]] = {}
    for index, (pattern, _unused) in enumerate(ordered):
        for key in _initials(pattern, sets):
            by_initial.setdefault(key, []).append(index)
    return Lexicon(
        language=language or path.stem,
        entries=tuple(entries),
        pattern_entries=tuple(entry for _pattern, entry in ordered),
        prefilter=prefilter,
        by_initial={key: tuple(value) for key, value in by_initial.items()},
        regex_texts=tuple(regexes),
        pattern_texts=tuple(pattern for pattern, _entry_ in ordered),
        sets=sets,
    )


def data_sets(language: str) -> dict[str, list[str]]:
    """The sets a built-in lexicon's patterns can use: its file's ``[sets]`` (phrase groups
    spelt out) and the name lists of names.py."""
    data = _read(DATA_DIR / f"{language}.toml")
    own = {name: _expand_all(v, f"{language}.toml") for name, v in data.get("sets", {}).items()}
    return {**name_sets(language), **own}


@functools.cache
def categories() -> dict[str, dict[str, str]]:
    """The built-in categories' defaults (categories.toml), read once per process."""
    return load_categories(DATA_DIR / "categories.toml")


@functools.cache
def lexicon(language: str) -> Lexicon:
    """The built-in lexicon of ``sv`` or ``en``, compiled once per process."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    return load_lexicon(DATA_DIR / f"{language}.toml", language=language)
