"""Språkgranskning: discriminatory reasoning, vague reasons and disrespect in Swedish and
English feedback texts. Plain Python, no Django.

    >>> from aterkoppla.lib.language_check import check
    >>> [f.category for f in check("Hon är nog för gammal för vårt unga team")]
    ['age', 'age']

See docs/LANGUAGE_CHECK.md for the categories, the data files and how to extend them.
"""

from __future__ import annotations

from aterkoppla.lib.language_check.lexicon import (
    CATEGORIES,
    SEVERITIES,
    Lexicon,
    LexiconError,
    lexicon,
    load_lexicon,
)
from aterkoppla.lib.language_check.matcher import (
    READER_LANGUAGES,
    TEXT_LANGUAGES,
    Finding,
    check,
)
from aterkoppla.lib.language_check.normalise import detect_language, language_of

__all__ = [
    "CATEGORIES",
    "READER_LANGUAGES",
    "SEVERITIES",
    "TEXT_LANGUAGES",
    "Finding",
    "Lexicon",
    "LexiconError",
    "check",
    "detect_language",
    "language_of",
    "lexicon",
    "load_lexicon",
]
