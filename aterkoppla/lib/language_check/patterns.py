"""The lexicon's small pattern language, compiled to regular expressions.

A pattern is a phrase of tokens separated by spaces; it matches whole words, case-insensitively,
with any run of spaces or hyphens between the words:

- ``gravid`` — the word itself;
- ``gravid*`` — the word and anything that continues it (gravida, graviditet, graviditeten);
- ``gamm{al,la,le}`` — the stem with one of the endings; an empty ending (``ung{,a,t}``) allows
  the bare stem;
- ``*mamma`` — a word ending in the part: the part alone or as the last part of a compound
  (mamma, tvåbarnsmamma); ``*mamm{a,an,or}`` also takes the endings;
- ``a|b`` — either alternative, each with its own ``*``/``{…}``;
- ``[för|alltför]`` — an optional token;
- ``~`` — zero to three arbitrary words (``passar ~ in`` matches "passar nog inte in");
- ``@name`` — any phrase of the list ``name`` in the file's ``[sets]`` table;
- ``re:<regex>`` — the whole pattern as a Python regular expression (case-insensitive, matched
  from the start of a word; use ``(?:…)``, never capturing groups).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

SEPARATOR = r"[\s\-–]+"
GAP = r"(?:[\s\-–,]+[\w'’]+){0,3}"
_ALTERNATIVE = re.compile(r"(\*)?([\w'’.\-]+?)(\*|\{[\w'’,]*\})?", re.UNICODE)


class PatternError(ValueError):
    """A pattern that does not follow the pattern language."""


def _alternative(text: str) -> str:
    match = _ALTERNATIVE.fullmatch(text)
    if match is None:
        raise PatternError(f"{text!r} is not a word, stem*, *part or stem{{endings}}")
    compound, body, ending = match.groups()
    # A hyphen inside a word is any run of spaces or hyphens, as between words: writers drop
    # it ("non native", "dark skinned" for "non-native", "dark-skinned").
    regex = (r"\w*" if compound else "") + re.escape(body).replace(r"\-", SEPARATOR)
    if ending == "*":
        regex += r"\w*"
    elif ending:
        endings = ending[1:-1].split(",")
        listed = "|".join(re.escape(e) for e in sorted(set(endings) - {""}, key=len, reverse=True))
        if not listed:
            raise PatternError(f"{text!r} lists no endings")
        regex += f"(?:{listed})" + ("?" if "" in endings else "")
    return regex


def _token(text: str, sets: Mapping[str, list[str]]) -> str:
    alternatives = text.split("|")
    if any(not alt for alt in alternatives):
        raise PatternError(f"empty alternative in {text!r}")
    regexes: list[str] = []
    for alt in alternatives:
        if alt.startswith("@"):
            if alt[1:] not in sets:
                raise PatternError(f"unknown set {alt}")
            regexes.extend(compile_pattern(p, sets, _depth=1) for p in sets[alt[1:]])
        else:
            regexes.append(_alternative(alt) + r"(?!\w)")
    return regexes[0] if len(regexes) == 1 else "(?:" + "|".join(regexes) + ")"


def compile_pattern(
    pattern: str, sets: Mapping[str, list[str]] | None = None, *, _depth: int = 0
) -> str:
    """The regular expression (as text, without flags) that ``pattern`` stands for.

    It starts at a word start (the caller adds the look-behind) and ends at a word end.
    """
    sets = sets or {}
    pattern = pattern.strip()
    if _depth and "@" in pattern:
        raise PatternError(f"sets cannot use other sets ({pattern!r})")
    if not pattern:
        raise PatternError("empty pattern")
    if pattern.startswith("re:"):
        regex = pattern[3:]
        try:
            compiled = re.compile(regex, re.IGNORECASE)
        except re.error as exc:
            raise PatternError(f"invalid regex {regex!r}: {exc}") from None
        if compiled.groups:
            raise PatternError(f"regex {regex!r} has capturing groups; use (?:…)")
        return f"(?:{regex})"
    tokens = pattern.split()
    for edge in (tokens[0], tokens[-1]):
        if edge == "~" or edge.startswith("["):
            raise PatternError(f"{pattern!r} must begin and end with a required word")
    parts = [_token(tokens[0], sets)]
    for token in tokens[1:]:
        if token == "~":
            parts.append(GAP)
        elif token.startswith("[") and token.endswith("]"):
            parts.append(f"(?:{SEPARATOR}{_token(token[1:-1], sets)})?")
        else:
            parts.append(SEPARATOR + _token(token, sets))
    return "".join(parts)


def first_word_forms(pattern: str, sets: Mapping[str, list[str]] | None = None) -> list[str]:
    """Regex texts for how a match of ``pattern`` can begin: its first word's alternatives.

    The matcher's prefilter alternates these for all patterns, which is much cheaper than
    the full patterns; the full expression then runs only where the prefilter hits.
    """
    if pattern.startswith("re:"):
        return [f"(?:{pattern[3:]})"]
    forms: list[str] = []
    for alt in pattern.split()[0].split("|"):
        if alt.startswith("@"):
            forms.extend(compile_pattern(p, sets, _depth=1) for p in (sets or {})[alt[1:]])
        else:
            forms.append(_alternative(alt) + r"(?!\w)")
    return forms


def surface_forms(pattern: str, sets: Mapping[str, list[str]] | None = None) -> list[str]:
    """Regex texts for the pattern's surface forms, one per combination of optional tokens
    and alternatives: the plain alternation the benchmark compares the checker against."""
    if pattern.startswith("re:"):
        return [f"(?:{pattern[3:]})"]
    forms = [""]
    for index, token in enumerate(pattern.split()):
        sep = "" if index == 0 else r"\s+"
        if token == "~":
            forms = [f + GAP for f in forms]
            continue
        if token.startswith("@"):
            forms = [f + sep + _token(token, sets or {}) for f in forms]
            continue
        optional = token.startswith("[")
        choices = [
            sep + _alternative(alt) for alt in (token[1:-1] if optional else token).split("|")
        ]
        if optional:
            choices.append("")
        forms = [f + c for f in forms for c in choices]
    return forms
