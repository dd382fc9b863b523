"""Swedish and English text made matchable, and which of the two a text is written in.

Normalisation keeps offsets: every character of the normalised text knows where it came from,
so findings point into the text the recruiter wrote.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata

# One character for one: typographic quotes, dashes and spaces as their plain forms.
_SAME_LENGTH = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "—": "-",
    }
)
# Characters that change the length when normalised: combining marks (an "a" followed by a
# combining ring is "å") and soft hyphens and zero-width spaces inside words.
_NEEDS_MAPPING = re.compile("[\u0300-\u036f\u00ad\u200b\u200c\u200d]")
_DROPPED = {"\u00ad", "\u200b", "\u200c", "\u200d"}


def normalise(text: str) -> tuple[str, list[int] | None]:
    """The text to match and, when lengths differ, each of its characters' original offset
    (plus one final entry for the end); ``None`` means offsets are unchanged."""
    if text.isascii():
        return text, None
    text_same = text.translate(_SAME_LENGTH)
    if not _NEEDS_MAPPING.search(text_same):
        return text_same, None
    out: list[str] = []
    origin: list[int] = []
    index = 0
    while index < len(text_same):
        end = index + 1
        while end < len(text_same) and unicodedata.combining(text_same[end]):
            end += 1
        piece = text_same[index:end]
        if piece in _DROPPED:
            index = end
            continue
        piece = unicodedata.normalize("NFC", piece)
        out.append(piece)
        origin.extend([index] * len(piece))
        index = end
    origin.append(len(text_same))
    return "".join(out), origin


def original_span(origin: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """The span in the original text of ``start:end`` in the normalised one."""
    if origin is None:
        return start, end
    return origin[start], origin[end]


_SWEDISH = frozenset(
    [
        "och",
        "att",
        "är",
        "inte",
        "för",
        "som",
        "med",
        "på",
        "av",
        "det",
        "den",
        "ett",
        "har",
        "hade",
        "vi",
        "du",
        "hon",
        "han",
        "var",
        "till",
        "kan",
        "nog",
        "men",
        "eller",
        "om",
        "vår",
        "vårt",
        "våra",
        "hennes",
        "hans",
        "sig",
        "också",
        "från",
        "när",
        "så",
        "ska",
        "skulle",
        "mycket",
        "hade",
        "inga",
        "ingen",
        "tyvärr",
        "valde",
        "saknade",
        "sökte",
        "bättre",
        "tack",
        "erfarenhet",
        "kandidat",
        "kandidaten",
        "vill",
    ]
)
_ENGLISH = frozenset(
    [
        "the",
        "and",
        "is",
        "are",
        "not",
        "to",
        "of",
        "with",
        "for",
        "she",
        "he",
        "we",
        "you",
        "was",
        "were",
        "has",
        "have",
        "had",
        "an",
        "on",
        "it",
        "his",
        "her",
        "our",
        "but",
        "or",
        "if",
        "can",
        "be",
        "too",
        "very",
        "also",
        "from",
        "when",
        "would",
        "should",
        "that",
        "this",
        "they",
        "their",
        "unfortunately",
        "chose",
        "lacked",
        "candidate",
        "experience",
        "did",
        "does",
        "thank",
    ]
)
_WORD = re.compile(r"[a-zåäöéü]+")

# Content words common in feedback that belong to one language only; they decide short lines
# without function words ("Strong Python skills, poor culture fit", "Svag svenska").
_ENGLISH_ONLY_WORDS = """
    strong weak poor good great bad nice skills skill culture fit team's old young guy guys
    though lack lacks lacking role job interview interviewed candidates work worked working
    really just no yes being could seemed seems looks looked felt feel user speaks speak
    spoke broken english often rep much more less some other others about after before well
    than then what who which how why there here my your me him them us into out up down by
    at of heavy sick ill wife husband girlfriend boyfriend kid kids baby just said says
    always never quite rather bit lot lots very definitely probably maybe however overall
    attitude communication confident nervous arrogant polite friendly rude late early
"""
_ENGLISH_ONLY = frozenset(_ENGLISH_ONLY_WORDS.split())
_SWEDISH_ONLY_WORDS = """
    inte bra dålig dåligt dåliga svag svagt svaga stark starkt starka kille killar tjej tjejer
    snäll trevlig kandidat tjänst tjänsten intervju intervjun teamet arbete jobb jobbet
    kunskap kunskaper svenska engelska talar pratar kunde verkade kändes lite väldigt ganska
    ofta aldrig alltid bara ju dock ändå själv sin sitt sina honom henne dem oss mig dig ni
    jag hen en ett ingen inget inga någon något några efter innan mer mindre utan genom
    kanske nej ja hela helt även mest sämre bäst också här där vad vem vilken hur varför
"""
_SWEDISH_ONLY = frozenset(_SWEDISH_ONLY_WORDS.split())
_ENGLISH_SUFFIXES = ("ly", "ness", "ship", "ful", "less", "ous", "ity", "ies", "ised", "ized")
_SWEDISH_SUFFIXES = (
    "het",
    "heten",
    "ning",
    "ningen",
    "arna",
    "erna",
    "orna",
    "igt",
    "liga",
    "ligt",
    "ande",
    "ende",
    "skap",
    "ighet",
)
# With the function words this many signs of a language, and twice the other's, decide at once.
_CLEAR = 3
# The slower signs (vocabulary, suffixes) look at this many words at most.
_VOCABULARY_WORDS = 60


def _function_word_counts(words: list[str]) -> tuple[int, int]:
    swedish = english = 0
    for word in words:
        if word in _SWEDISH:
            swedish += 1
        elif word in _ENGLISH:
            english += 1
    return swedish, english


@functools.cache
def _lexicon_vocabulary(language: str) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """The words of a language's lexicon: whole words, stems (``gravid*``) and compound
    endings (``*mamma``), from the patterns of its data file. Words of three letters or fewer
    are left out: too many are words of the other language too ("add", "ms")."""
    from aterkoppla.lib.language_check.lexicon import DATA_DIR, expand_phrases

    with (DATA_DIR / f"{language}.toml").open("rb") as handle:
        data = tomllib.load(handle)
    words: set[str] = set()
    stems: set[str] = set()
    endings: set[str] = set()
    for entry in data.get("entry", []):
        for raw in entry.get("patterns", []):
            for pattern in expand_phrases(raw):
                if pattern.startswith("re:"):
                    continue
                for token in pattern.split():
                    for alt in token.strip("[]").split("|"):
                        _add_alternative(alt.lower(), words, stems, endings)
    return frozenset(words), tuple(sorted(stems)), tuple(sorted(endings))


def _add_alternative(alt: str, words: set[str], stems: set[str], endings: set[str]) -> None:
    if not alt or alt == "~" or alt.startswith("@"):
        return
    compound = alt.startswith("*")
    alt = alt.lstrip("*")
    open_end = alt.endswith("*")
    alt = alt.rstrip("*")
    forms = [alt]
    if "{" in alt and alt.endswith("}"):
        body, _brace, listed = alt[:-1].partition("{")
        forms = [body + ending for ending in listed.split(",")]
    for form in forms:
        if len(form) <= 3 or not form.replace("-", "").replace("'", "").isalpha():
            continue
        if compound and not open_end:
            endings.add(form)
        elif open_end and not compound:
            stems.add(form)
        elif not compound:
            words.add(form)


def _vocabulary_counts(words: list[str]) -> tuple[float, float]:
    sv_words, sv_stems, sv_endings = _lexicon_vocabulary("sv")
    en_words, en_stems, en_endings = _lexicon_vocabulary("en")
    swedish = english = 0.0
    for word in words[:_VOCABULARY_WORDS]:
        if word in _SWEDISH or word in _ENGLISH:
            continue  # counted already
        sv = word in _SWEDISH_ONLY or (
            word in sv_words or word.startswith(sv_stems) or word.endswith(sv_endings)
        )
        en = word in _ENGLISH_ONLY or (
            word in en_words or word.startswith(en_stems) or word.endswith(en_endings)
        )
        if sv and not en:
            swedish += 1
        elif en and not sv:
            english += 1
        elif not sv and not en and len(word) > 4:
            if word.endswith(_SWEDISH_SUFFIXES):
                swedish += 0.5
            elif word.endswith(_ENGLISH_SUFFIXES) or "w" in word or word.startswith("th"):
                english += 0.5
    return swedish, english


def detect_language(text: str) -> str:
    """``"sv"`` or ``"en"``.

    Function words decide when they are clear. A short line without them ("Strong Python
    skills, poor culture fit", "Svag svenska") is read from its other words: each word with
    å, ä or ö, words of one language only (a short list and the words of each language's
    lexicon that the other's lacks), and typical endings (-ness, -ly; -het, -ning).
    Swedish wins a tie: it is the product's default language.
    """
    lowered = text.lower()
    words = _WORD.findall(lowered)
    swedish, english = _function_word_counts(words)
    if max(swedish, english) >= _CLEAR and min(swedish, english) * 2 <= max(swedish, english):
        return "en" if english > swedish else "sv"
    sv_more, en_more = _vocabulary_counts(words)
    swedish_score = swedish + sv_more + sum(1 for w in words[:_VOCABULARY_WORDS] if _has_ring(w))
    english_score = english + en_more
    return "en" if english_score > swedish_score else "sv"


def _has_ring(word: str) -> bool:
    return "å" in word or "ä" in word or "ö" in word


def language_of(text: str, signs: int = 2) -> str | None:
    """``"sv"`` or ``"en"`` when ``text`` clearly reads as one of them, else ``None`` (a name,
    a term, a line too short to tell). Clear: at least ``signs`` signs of one language
    (function words; å, ä, ö for Swedish) and at least twice as many as of the other."""
    lowered = text.lower()
    swedish = english = 0
    for word in _WORD.findall(lowered):
        if word in _SWEDISH:
            swedish += 1
        elif word in _ENGLISH:
            english += 1
    if "å" in lowered or "ä" in lowered or "ö" in lowered:
        swedish += 1
    if swedish >= signs and swedish >= 2 * english:
        return "sv"
    if english >= signs and english >= 2 * swedish:
        return "en"
    return None
