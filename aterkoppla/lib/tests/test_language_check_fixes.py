"""Issue 16 fixes of the language check: phrase groups in the data files, language
detection on short lines, and the coverage of countries, nationalities, languages and the
patterns the issue lists. Plain pytest, no database."""

from __future__ import annotations

from pathlib import Path

import pytest

from aterkoppla.lib.language_check import LexiconError, check, detect_language, load_lexicon
from aterkoppla.lib.language_check.lexicon import expand_phrases


def categories(text: str, lang: str = "auto") -> list[str]:
    return [finding.category for finding in check(text, lang)]


# --------------------------------------------------------------- multi-word phrases


def test_a_group_holds_whole_phrases():
    assert expand_phrases("gender (equality|pay gap)") == ["gender equality", "gender pay gap"]
    assert expand_phrases("(a b|c) (d|e f)") == ["a b d", "a b e f", "c d", "c e f"]
    assert expand_phrases("re:(?:a|b) c") == ["re:(?:a|b) c"]
    assert expand_phrases("plain|word") == ["plain|word"]


@pytest.mark.parametrize(
    "text",
    [
        "We work for gender equality.",
        "The report shows the gender pay gap in the sector.",
        "A gender-neutral job title.",
        "Gender balance on the board is a goal.",
    ],
)
def test_multi_word_exceptions_cancel_as_written(text):
    assert categories(text, "en") == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("She was burnt out last year.", "disability"),
        ("She burned out at her last job.", "disability"),
        ("He has far right views.", "special_category"),
        ("He is dark skinned.", "ethnicity"),
        ("She would not thrive here.", "fit"),
        ("He had a relationship with his boss.", "special_category"),
        ("We want a man in this role, not a woman; gender matters here.", "sex"),
    ],
)
def test_multi_word_alternatives_in_patterns_match(text, category):
    assert category in categories(text, "en")


@pytest.mark.parametrize(
    ("pattern", "says"),
    [
        ("gender (equality|pay gap", "not closed"),
        ("gender equality)", "never opens"),
        ("gender (equality||pay gap)", "empty phrase"),
    ],
)
def test_a_broken_group_names_the_entry(tmp_path: Path, pattern: str, says: str):
    path = tmp_path / "xx.toml"
    path.write_text(
        f'[[entry]]\nid = "x.one"\ncategory = "sex"\npatterns = ["kvinna"]\n'
        f'exceptions = ["{pattern}"]\n',
        encoding="utf-8",
    )
    with pytest.raises(LexiconError) as caught:
        load_lexicon(path)
    assert "xx.toml: entry 'x.one': exceptions" in str(caught.value)
    assert says in str(caught.value)


# --------------------------------------------------------------- language detection


@pytest.mark.parametrize(
    "text",
    [
        "Strong Python skills, poor culture fit",
        "Too old for the team",
        "Poor culture fit",
        "Heavy accent",
        "Strong accent",
        "Nice guy, pregnant though",
        "Wheelchair user",
        "Nigerian guy",
        "Speaks broken English",
        "Often sick",
        "Union rep",
        "Shop steward",
        "Just had a baby",
        "No chemistry",
        "Overqualified",
        "Wears make-up",
    ],
)
def test_short_english_lines_are_read_as_english(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Stark i Python, dålig kemi",
        "Svag svenska",
        "Polsk kille",
        "Talar arabiska",
        "Bryter kraftigt",
        "Bred dialekt",
        "Rullstolsburen",
        "Sjukskriven ofta",
        "Homosexuell",
        "Fackligt aktiv",
        "Gravid",
        "Överkvalificerad",
        "Trevlig men lat",
        "Sminkad",
        "Tack",
        "",
    ],
)
def test_short_swedish_lines_stay_swedish(text):
    assert detect_language(text) == "sv"


def test_a_short_english_line_gets_the_english_lexicon():
    assert categories("Strong Python skills, poor culture fit") == ["fit"]
    assert categories("Too old for the team") == ["age"]
