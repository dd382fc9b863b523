"""Notes written about the candidate, said to the candidate.

Interviewers write about the candidate in the third person ("när hon förklarar sin kod",
"she explains her reasoning well"). Read out or sent as they are, such notes talk about the
candidate in front of them, and a gendered pronoun is a description nobody asked for. The
candidate is addressed as "du" / "you": ``second_person`` rewrites a note that way when it can
do so correctly, and says ``None`` when it cannot (a Swedish possessive "hennes"/"hans", whose
"din/ditt/dina" depends on the noun; an English "her" it cannot place), so that the note is
shown to the caller to say in their own words and never read out or sent.

Plain Python, no Django.
"""

from __future__ import annotations

import re

from aterkoppla.lib.call_sheet.phrases import GENDERED_PRONOUNS

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|[\W\d_]+", re.UNICODE)

# Swedish: the third-person forms and what they become when the candidate is "du". "sig",
# "sin", "sitt" and "sina" refer back to the subject, so they follow it to the second person.
_SV = {
    "han": "du",
    "hon": "du",
    "honom": "dig",
    "henne": "dig",
    "sig": "dig",
    "själv": "själv",
    "sin": "din",
    "sitt": "ditt",
    "sina": "dina",
    "kandidaten": "du",
    "sökanden": "du",
    "den sökande": "du",
}
_SV_SUBJECT = frozenset({"han", "hon", "kandidaten", "sökanden"})
_SV_REFLEXIVE = frozenset({"sin", "sitt", "sina"})
_SV_UNSURE = frozenset({"hans", "hennes", "kandidatens", "sökandens"})

_EN_SUBJECT = frozenset({"he", "she"})
_EN = {
    "him": "you",
    "his": "your",
    "himself": "yourself",
    "herself": "yourself",
    "hers": "yours",
    # The singular "they" of a note about the candidate.
    "they": "you",
    "them": "you",
    "their": "your",
    "theirs": "yours",
    "themselves": "yourself",
    "themself": "yourself",
}
_EN_VERBS = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "isn't": "aren't",
    "wasn't": "weren't",
    "hasn't": "haven't",
    "doesn't": "don't",
    "isn’t": "aren’t",
    "wasn’t": "weren’t",
    "hasn’t": "haven’t",
    "doesn’t": "don’t",
}
# After these, "her" is an object ("we asked her about"); before anything else a possessive.
_EN_AFTER_OBJECT = frozenset(
    {
        "to", "about", "for", "with", "in", "on", "at", "that", "and", "or", "but", "a", "an",
        "the", "as", "if", "when", "how", "what", "why", "again", "too", "more", "back", "up",
        "through", "from", "into", "some", "any", "this", "these", "those",
    }
)  # fmt: skip
_NOT_VERBS_ENDING_S = frozenset({"always", "perhaps", "sometimes", "als", "thus", "various"})


def _third_person_verb(word: str) -> str | None:
    """The plural form of an English third-person present verb ("explains" → "explain"), or
    ``None`` when ``word`` is not one."""
    lower = word.lower()
    if lower in _EN_VERBS:
        return _EN_VERBS[lower]
    if (
        not word.isalpha()
        or len(lower) < 4
        or not lower.endswith("s")
        or lower.endswith(("ss", "us", "is", "ous"))
        or lower in _NOT_VERBS_ENDING_S
    ):
        return None
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return word[:-2]
    return word[:-1]


def _match_case(original: str, replacement: str) -> str:
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _words(tokens: list[str]) -> list[int]:
    return [index for index, token in enumerate(tokens) if token[:1].isalpha()]


def _swedish(text: str, names: frozenset[str]) -> str | None:
    tokens = _TOKEN.findall(text)
    indexes = _words(tokens)
    lowered = {i: tokens[i].casefold() for i in indexes}
    if any(word in _SV_UNSURE or _possessive_name(word, names) for word in lowered.values()):
        return None
    subject = any(word in _SV_SUBJECT or word in names for word in lowered.values())
    # In a note about the candidate, a reflexive with no subject is the candidate's too
    # ("Gav ett exempel från sitt senaste jobb").
    reflexive = any(word in _SV_REFLEXIVE for word in lowered.values())
    if not subject and not reflexive and not any(w in ("honom", "henne") for w in lowered.values()):
        return text
    for i in indexes:
        word = lowered[i]
        if word in names:
            tokens[i] = _match_case(tokens[i], "du")
        elif word in _SV:
            tokens[i] = _match_case(tokens[i], _SV[word])
    return "".join(tokens)


def _possessive_name(word: str, names: frozenset[str]) -> bool:
    return any(word == f"{name}s" or word == f"{name}'s" for name in names)


def _english(text: str, names: frozenset[str]) -> str | None:
    tokens = _TOKEN.findall(text)
    indexes = _words(tokens)
    if any(_possessive_name(tokens[i].casefold(), names) for i in indexes):
        return None
    subject_seen = False
    for position, i in enumerate(indexes):
        word = tokens[i].casefold()
        if word in _EN_SUBJECT or word in names:
            subject_seen = True
            tokens[i] = _match_case(tokens[i], "you")
            # The verb follows, perhaps after an adverb ("she clearly explains").
            for j in indexes[position + 1 : position + 3]:
                verb = _third_person_verb(tokens[j])
                if verb is not None:
                    tokens[j] = verb
                    break
                if not tokens[j].casefold().endswith("ly"):
                    break
        elif word in ("and", "but", "or") and subject_seen and position + 1 < len(indexes):
            # A second verb of the same subject ("she listens and asks"): rewritten when it
            # is certainly a verb, else the note is not ours to rewrite ("likes cats and dogs").
            j = indexes[position + 1]
            following = tokens[j].casefold()
            if following in _EN_VERBS:
                tokens[j] = _EN_VERBS[following]
            elif _third_person_verb(tokens[j]) is not None:
                return None
        elif word in _EN:
            tokens[i] = _match_case(tokens[i], _EN[word])
        elif word == "her":
            following = indexes[position + 1] if position + 1 < len(indexes) else None
            gap = tokens[i + 1] if i + 1 < len(tokens) else ""
            ends_clause = following is None or any(mark in gap for mark in ".,;:!?")
            if following is None or ends_clause or tokens[following].casefold() in _EN_AFTER_OBJECT:
                tokens[i] = _match_case(tokens[i], "you")
            else:
                tokens[i] = _match_case(tokens[i], "your")
    return "".join(tokens)


def names_anyone(text: str, names: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``names`` (or its genitive) as a word; a name of several
    words ("Nordlager AB", "Chalmers tekniska högskola") as those words in a row, a year
    ("2019") as that number."""
    words = frozenset(name.casefold() for name in names if len(name) > 1 and name.isalpha())
    if any(
        token.casefold() in words or _possessive_name(token.casefold(), words)
        for token in _TOKEN.findall(text)
    ):
        return True
    folded = " ".join(text.split()).casefold()
    return any(
        re.search(rf"(?<!\w){re.escape(' '.join(name.split()).casefold())}(?!\w)", folded)
        for name in names
        if len(name.strip()) > 1 and not name.strip().isalpha()
    )


def speaks_of_someone(text: str, names: tuple[str, ...] = ()) -> bool:
    """Whether ``text`` speaks of someone in the third person: a gendered pronoun in Swedish
    or English, or one of ``names`` (the candidate's first name)."""
    pronouns = GENDERED_PRONOUNS["sv"] | GENDERED_PRONOUNS["en"]
    folded = {name.casefold() for name in names if len(name) > 1}
    for token in _TOKEN.findall(text):
        word = token.casefold()
        if word in pronouns or word in folded or _possessive_name(word, frozenset(folded)):
            return True
    return False


def second_person(text: str, language: str, names: tuple[str, ...] = ()) -> str | None:
    """``text`` addressed to the candidate ("du" / "you"), or ``None`` when it speaks of them
    in a way that cannot be rewritten correctly. ``names`` are the candidate's own names, which
    count as the third person too ("Anna förklarade tydligt" → "Du förklarade tydligt").
    Text that speaks of nobody comes back unchanged."""
    folded = frozenset(name.casefold() for name in names if len(name) > 1)
    rewritten = _swedish(text, folded) if language == "sv" else _english(text, folded)
    if rewritten is None or speaks_of_someone(rewritten, names):
        return None
    return rewritten
