"""Words the lexicon's patterns miss: inflections, misspellings and Swedish compounds.

The matcher's regular expressions find the forms the data files list. This step looks at the
words they did not match and asks, per word (each answer cached):

1. **lemma** — is the word's base form (simplemma) a lexicon word? ("kvinnornas" → "kvinna",
   "laziest" → "lazy"); rule suffix ``~lemma``;
2. **spelling** — words of five letters or more that are no known word: is a lexicon word or
   stem one slip away (a letter dropped, doubled or two neighbours swapped)? ("homosexuel",
   "graivd"); rule suffix ``~spelling``;
3. **compound** (Swedish) — does the word split into two known words, with a linking -s- or
   -e- allowed, the first of which is a lexicon word of five letters or more?
   ("fackföreningsaktiv", "graviditetsrelaterad");
   rule suffix ``~compound``. A compound whose last part names a thing or a kind of care (the
   lexicon's ``@object`` and ``@care`` sets, or ``NEUTRAL_HEADS``) is about that thing, not a
   person: "äldreomsorg", "ålderspension", "sjukvård".

Every hit, old or new, is then checked against its entry's exceptions a second time in a
variant of the text where the compounds around it are written as separate words and the
matched word as the form it matched: "brytning i underjordsgruvan" is cancelled by "brytning
i ~ gruva*", and "healthier food" by "healthy food".
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import simplemma
from rapidfuzz.distance import Indel

from aterkoppla.lib.language_check.lexicon import (
    DATA_DIR,
    FLAGS,
    OVERLAP_REACH,
    Entry,
    Lexicon,
)
from aterkoppla.lib.language_check.patterns import compile_pattern

# A compound's last part that makes it a thing, a place or an arrangement, not a trait of a
# person; together with the lexicon's @object and @care sets.
NEUTRAL_HEADS = {
    "sv": (
        "pension*",
        "gräns*",
        "sköterska*",
        "sköterskor*",
        "lärare*",
        "hem",
        "hemmet",
        "hemmen",
        "försäkring*",
        "skrift*",
        "hus",
        "huset",
        "husen",
        "kunskap*",
        "mottagning*",
        "vård*",
        "omsorg*",
        "avdelning*",
        "klinik*",
        "boende*",
        "skola*",
        "skolan",
        "skolor*",
        "grupp*",
        "kontroll*",
        "test*",
        "forskning*",
        "diskriminering*",
        "fördelning*",
        "beredskap*",
        "policy*",
        "regel*",
        "regler*",
        "lag",
        "lagen",
        "ärende*",
        "förhandling*",
        "hantering*",
        "delegering*",
        "genomgång*",
        "jour*",
        "lots*",
        "ombud*",
        "konsulent*",
        "samordnare*",
        "plan",
        "planen",
        "planer*",
        "frihet*",
        "förening*",
        "ersättning*",
        "utveckling*",
        "försäljning*",
        "tillverkning*",
        "prövning*",
        "industri*",
        "distribution*",
        "granskning*",
        "säkerhet*",
        "administration*",
        "handläggning*",
        "uppföljning*",
        "utredning*",
        "rapport*",
        # "ursprungliga" is "ursprunglig", no "ursprung" + "liga"; "accentljus" is a lamp.
        "liga",
        "ligan",
        "ligor*",
        "ljus",
        "ljuset",
        "belysning*",
    ),
    "en": (),
}
MIN_FUZZY = 5  # letters in a word (and a lexicon form) for spelling tolerance
MIN_COMPOUND = 8  # letters in a word for compound splitting
# Letters beyond which a word is no compound: the longest words of the Swedish dictionary
# have about 50. Every split point is tried, each with a lexicon lookup as long as the part,
# so without a bound a 20,000-letter "word" would take half a minute to read.
MAX_COMPOUND = 64
MIN_PART = 3  # letters in the first part of a compound
MIN_TAIL = 4  # letters in the last part
MIN_LEXICON_PART = 5  # letters in the part of a compound that is a lexicon word
# First parts that are prefixes of everyday words far more often than words of their own:
# "transporter" is no "trans" + "porter", "internat" no "inter" + "nat".
PREFIXES = frozenset({"trans", "inter", "multi", "super", "extra", "ultra", "homog", "arabe"})
_LEFT_TO_PATTERNS = {"sv": "at", "en": "s"}
_WORD = re.compile(r"[^\W\d_]+")
_SPLIT_REACH = OVERLAP_REACH


@dataclass(frozen=True, slots=True)
class Reading:
    """How a word was read: the form that matched, the pattern index and the step."""

    form: str
    index: int
    how: str  # "lemma", "spelling" or "compound"
    variant: str  # the word as written in the variant text for exceptions


def _read_sets(language: str) -> dict[str, list[str]]:
    with (DATA_DIR / f"{language}.toml").open("rb") as handle:
        sets = tomllib.load(handle).get("sets", {})
    return sets if isinstance(sets, dict) else {}


class Morphology:
    """One language's word readings, built from its lexicon and cached per word."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.language = lex.language
        self.forms: dict[str, list[str]] = {}
        self.stems: dict[str, list[str]] = {}
        self._single_word_forms()
        sets = _read_sets(self.language) if self.language in NEUTRAL_HEADS else {}
        neutral = [*sets.get("object", []), *sets.get("care", [])]
        neutral = [p for p in neutral if " " not in p and "|" not in p]
        neutral += NEUTRAL_HEADS.get(self.language, ())
        self.neutral = (
            re.compile("(?:" + "|".join(compile_pattern(p) for p in neutral) + ")", FLAGS)
            if neutral
            else None
        )
        self.reading = functools.lru_cache(maxsize=20000)(self._reading)
        self.split = functools.lru_cache(maxsize=20000)(self._split)
        self._word_like = functools.lru_cache(maxsize=50000)(self._word_like)  # type: ignore[method-assign]

    # ------------------------------------------------------------------ the lexicon's words
    def _single_word_forms(self) -> None:
        """Every single-word pattern's literal forms (``kvinn{a,or}`` → kvinna, kvinnor) and
        stems (``gravid*`` → gravid), by first letter, for spelling tolerance."""
        alternative = re.compile(r"\*?([^\W\d_]+)(\*|\{[\w,]*\})?")
        for entry in self.lex.entries:
            for pattern in entry.patterns:
                if " " in pattern or pattern.startswith("re:") or "@" in pattern:
                    continue
                for alt in pattern.split("|"):
                    found = alternative.fullmatch(alt)
                    if found is None:
                        continue
                    body, ending = found.group(1).lower(), found.group(2)
                    if ending == "*":
                        words, target = [body], self.stems
                    elif ending:
                        words, target = [body + e for e in ending[1:-1].split(",")], self.forms
                    else:
                        words, target = [body], self.forms
                    for word in words:
                        if len(word) >= MIN_FUZZY:
                            bucket = target.setdefault(word[0], [])
                            if word not in bucket:
                                bucket.append(word)

    def lexicon_index(self, form: str) -> int | None:
        """The pattern a single word matches whole, or ``None``."""
        found = self.lex.combined_at(form[:1]).fullmatch(form)
        if found is None or found.lastgroup is None:
            return None
        return int(found.lastgroup[1:])

    def known(self, word: str) -> bool:
        """A word of the language (or of the other one) that simplemma knows."""
        return simplemma.is_known(word, lang="sv") or simplemma.is_known(word, lang="en")

    # ----------------------------------------------------------------------------- steps
    def _reading(self, word: str, may_correct: bool) -> Reading | None:
        """How ``word`` (lower case) reaches the lexicon; ``None`` also when the patterns
        match it themselves (they judged it already, exceptions included)."""
        if self.lex.combined_at(word[:1]).fullmatch(word) is not None:
            return None
        lemma = simplemma.lemmatize(word, lang=self.language)
        # Endings the patterns list when they mean them are left to them: Swedish adjective
        # agreement (-a, -t: "tysk|tyskt" leaves out "tyska", the language) and the English
        # plural -s ("blinds", "races").
        agreement = word[:-1] == lemma and word[-1] in _LEFT_TO_PATTERNS[self.language]
        if lemma != word and not agreement:
            index = self.lexicon_index(lemma)
            if index is not None:
                return Reading(lemma, index, "lemma", lemma)
        if len(word) < MIN_FUZZY:
            return None
        known = self.known(word)
        # A compound of known words is no typo: "aktivitetssamordnare" is not "aktivist".
        compound = (
            self.language == "sv"
            and len(word) >= MIN_COMPOUND
            and any(len(h) >= 5 and len(t) >= 5 for h, _, t in self.split(word))
        )
        if may_correct and not known and not compound:
            form = self._near_form(word)
            if form is not None:
                index = self.lexicon_index(form)
                if index is not None:
                    return Reading(form, index, "spelling", form)
        if self.language == "sv" and len(word) >= MIN_COMPOUND:
            return self._compound_reading(word)
        return None

    def _near_form(self, word: str) -> str | None:
        """A lexicon form or stem one slip from ``word``."""
        for form in self.forms.get(word[0], ()):
            if abs(len(form) - len(word)) <= 1 and _one_slip(word, form):
                return form
        for stem in self.stems.get(word[0], ()):
            size = len(stem)
            for cut in (size - 1, size, size + 1):
                if cut <= len(word) and _one_slip(word[:cut], stem):
                    return stem
        return None

    def _part_index(self, part: str) -> int | None:
        if len(part) < MIN_LEXICON_PART:
            return None
        index = self.lexicon_index(part)
        if index is None:
            lemma = simplemma.lemmatize(part, lang=self.language)
            if lemma != part and len(lemma) >= MIN_LEXICON_PART:
                index = self.lexicon_index(lemma)
        return index

    def _word_like(self, part: str) -> bool:
        return len(part) >= MIN_PART and (
            simplemma.is_known(part, lang="sv") or self.lexicon_index(part) is not None
        )

    def _first_part(self, part: str, depth: int) -> bool:
        """A word, a word with a linking -s- or -e-, or (once) a compound itself."""
        if self._word_like(part) or (part[-1] in "se" and self._word_like(part[:-1])):
            return True
        return depth > 0 and self._splits(part, depth - 1) != ()

    def _splits(self, word: str, depth: int = 1) -> tuple[tuple[str, str, str], ...]:
        """Every ``(first part, linking letter, last part)`` of a Swedish compound, the
        shortest last part first; the last part is a word, the first one may be a compound."""
        found = []
        for cut in range(len(word) - MIN_TAIL, MIN_PART - 1, -1):
            head, tail = word[:cut], word[cut:]
            if not self._word_like(tail) or not self._first_part(head, depth):
                continue
            if head[-1] in "se" and not self._word_like(head) and len(head) > MIN_PART:
                found.append((head[:-1], head[-1], tail))
            else:
                found.append((head, "", tail))
        return tuple(found)

    def _split(self, word: str) -> tuple[tuple[str, str, str], ...]:
        if len(word) > MAX_COMPOUND:
            return ()
        return self._splits(word)

    def _compound_reading(self, word: str) -> Reading | None:
        splits = self.split(word)
        if not splits:
            return None
        if self.neutral is not None and any(self.neutral.fullmatch(tail) for *_, tail in splits):
            return None
        # The first part only: a word ending in a lexicon word is a kind of that word, and
        # the patterns say which ones count ("*mamma"); "schemaläggning" is no "läggning".
        for head, link, tail in splits:
            if head in PREFIXES:
                continue
            index = self._part_index(head)
            if index is not None:
                return Reading(head, index, "compound", f"{head}{link} {tail}")
        return None

    # ---------------------------------------------------------------------- the variant
    def split_words(self, text: str) -> str:
        """``text`` with each Swedish compound written as two words."""
        if self.language != "sv":
            return text

        def spaced(found: re.Match[str]) -> str:
            word = found.group()
            # A word the dictionary knows as it is stays whole: "Kandidaten" is no
            # "Kandi daten", and a person word beside a hit must still read as one.
            if len(word) < MIN_COMPOUND or simplemma.is_known(word.lower(), lang="sv"):
                return word
            splits = self.split(word.lower())
            if not splits:
                return word
            cut = len(splits[0][0]) + len(splits[0][1])
            return word[:cut] + " " + word[cut:]

        return _WORD.sub(spaced, text)

    def cancelled(
        self, entry: Entry, text: str, start: int, end: int, form: str, window: bool = True
    ) -> bool:
        """Whether the entry's exceptions cancel the hit once compounds around it are split
        and the matched word is written as ``form``; ``window``: its ``unless_near`` and
        ``only_near`` windows too (not when the grammar bound the hit to a person, whose
        word wins over every window: "Han är med i Vision och sitter i
        förhandlingsdelegationen")."""
        if entry.exceptions is None and (entry.unless_near is None or not window):
            return False
        lo = max(0, start - _SPLIT_REACH)
        before = self.split_words(text[lo:start])
        after = self.split_words(text[end : end + _SPLIT_REACH])
        variant = before + form + after
        if variant == text[lo : end + _SPLIT_REACH]:
            return False
        if not window:
            return entry.excepted(variant, len(before), len(before) + len(form))
        return entry.cancelled(variant, len(before), len(before) + len(form))


def _one_slip(word: str, form: str) -> bool:
    """One letter dropped or added (Indel distance 1), or two neighbours swapped."""
    if word == form:
        return False
    if len(word) != len(form):
        return Indel.distance(word, form, score_cutoff=1) == 1
    diff = [i for i in range(len(word)) if word[i] != form[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and word[diff[0]] == form[diff[1]]
        and word[diff[1]] == form[diff[0]]
    )


_BUILT: dict[int, Morphology] = {}


def morphology(lex: Lexicon) -> Morphology:
    """The word readings of ``lex``, built once per lexicon object."""
    built = _BUILT.get(id(lex))
    if built is None or built.lex is not lex:
        built = _BUILT[id(lex)] = Morphology(lex)
    return built


def _may_correct(text: str, start: int, word: str) -> bool:
    """Spelling tolerance skips capitalised words inside a sentence: names, not typos."""
    if not word[0].isupper():
        return True
    before = text[max(0, start - 20) : start].rstrip()
    return not before or before[-1] in ".!?:\n\"'"


def refine(
    lex: Lexicon,
    text: str,
    hits: Iterable[tuple[int, int, Entry]],
    bound: Callable[[int, int, Entry], bool] | None = None,
) -> list[tuple[int, int, Entry, str]]:
    """The matcher's hits less those cancelled inside compounds, plus the words the patterns
    missed, each with the step that read it (``""`` for the patterns themselves).
    ``bound(start, end, entry)``: the sentence's grammar bound the pattern hit to a person,
    so that only exceptions, not windows, may cancel it in the split variant."""
    morph = morphology(lex)
    out: list[tuple[int, int, Entry, str]] = []
    covered: list[tuple[int, int]] = []
    for start, end, entry in hits:
        covered.append((start, end))
        window = bound is None or not bound(start, end, entry)
        if not morph.cancelled(entry, text, start, end, text[start:end], window):
            out.append((start, end, entry, ""))
    covered.sort()
    reading = morph.reading
    next_hit, reach = 0, -1  # the furthest end of the hits that start before this word ends
    for found in _WORD.finditer(text):
        word = found.group()
        if len(word) < 4:
            continue
        start, end = found.span()
        while next_hit < len(covered) and covered[next_hit][0] < end:
            reach = max(reach, covered[next_hit][1])
            next_hit += 1
        if reach > start:
            continue  # inside a hit of the patterns
        result = reading(word.lower(), _may_correct(text, start, word))
        if result is None:
            continue
        entry = lex.pattern_entries[result.index]
        if entry.cancelled(text, start, end) or morph.cancelled(
            entry, text, start, end, result.variant
        ):
            continue
        out.append((start, end, entry, "~" + result.how))
    out.sort(key=lambda hit: hit[0])
    return out
