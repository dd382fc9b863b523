"""Swedish and English text made matchable, and which of the two a text is written in.

Normalisation keeps offsets: every character of the normalised text knows where it came from,
so findings point into the text the recruiter wrote.
"""

from __future__ import annotations

import re
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


def detect_language(text: str) -> str:
    """``"sv"`` or ``"en"`` from the function words, with å, ä and ö counting for Swedish.

    Swedish wins a tie: it is the product's default language.
    """
    lowered = text.lower()
    swedish = english = 0
    for word in _WORD.findall(lowered):
        if word in _SWEDISH:
            swedish += 1
        elif word in _ENGLISH:
            english += 1
    if "å" in lowered or "ä" in lowered or "ö" in lowered:
        swedish += 1
    return "en" if english > swedish else "sv"


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
