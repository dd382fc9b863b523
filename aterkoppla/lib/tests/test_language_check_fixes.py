"""Issue 16 fixes of the language check: phrase groups in the data files, language
detection on short lines, and the coverage of countries, nationalities, languages and the
patterns the issue lists. Plain pytest, no database."""

from __future__ import annotations

from pathlib import Path

import pytest

from aterkoppla.lib.language_check import LexiconError, check, detect_language, load_lexicon
from aterkoppla.lib.language_check.lexicon import data_sets, expand_phrases, lexicon
from aterkoppla.lib.language_check.names import countries, languages, nationalities
from aterkoppla.lib.language_check.patterns import surface_forms


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


# --------------------------------------------------------------- names from pycountry


def test_names_come_from_pycountry_in_both_languages():
    assert {"Syrien", "Polen", "Tyskland", "Ryssland"} <= set(countries("sv"))
    assert {"Syria", "Poland", "Germany", "Turkey"} <= set(countries("en"))
    assert {"arabiska", "polska", "persiska"} <= set(languages("sv"))
    assert {"arabic", "polish", "somali"} <= set(languages("en"))
    # The working languages are a requirement, not a sign of origin.
    assert "svenska" not in languages("sv") and "english" not in languages("en")
    assert "polsk{,a,t}" in nationalities("sv") and "nigerian" in nationalities("en")


@pytest.mark.parametrize(
    ("text", "lang", "rule", "severity"),
    [
        ("Hon är från Syrien.", "sv", "ethnicity.land", "block"),
        ("Han kommer ursprungligen från Irak.", "sv", "ethnicity.land", "block"),
        ("Han är född i Turkiet.", "sv", "ethnicity.land", "block"),
        ("Det är en polsk kille.", "sv", "ethnicity.nationalitet_person", "block"),
        ("Hon har ett eritreanskt namn.", "sv", "ethnicity.nationalitet_person", "block"),
        ("Hon är nog ukrainsk.", "sv", "ethnicity.ar_nationalitet", "block"),
        ("Han talar arabiska.", "sv", "ethnicity.talar_sprak", "warn"),
        ("She is from Syria.", "en", "ethnicity.country", "block"),
        ("He was born in Turkey.", "en", "ethnicity.country", "block"),
        ("He is Nigerian.", "en", "ethnicity.nationality", "block"),
        ("He is probably Ghanaian.", "en", "ethnicity.is_nationality", "block"),
        ("A Lebanese guy applied.", "en", "ethnicity.nationality_person", "block"),
        ("She speaks Arabic at home.", "en", "ethnicity.speaks_language", "warn"),
    ],
)
def test_origin_nationality_and_language_of_a_person(text, lang, rule, severity):
    findings = [f for f in check(text, lang) if f.category == "ethnicity"]
    assert [(f.rule, f.severity) for f in findings] == [(rule, severity)]
    assert findings[0].message and findings[0].suggestion and findings[0].basis


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Vi exporterar till Polen.", "sv"),
        ("Varorna kommer från Polen och Tyskland.", "sv"),
        ("Du saknade erfarenhet av den tyska marknaden.", "sv"),
        ("Vi har kunder i Syrien och Irak.", "sv"),
        ("Tjänsten kräver att du talar tyska.", "sv"),
        ("Hon talar flytande tyska, vilket tjänsten kräver.", "sv"),
        ("Hon är duktig på polska.", "sv"),
        ("We export to Poland.", "en"),
        ("Our goods come from Poland.", "en"),
        ("Experience of the German market.", "en"),
        ("German-speaking customers are our main clients, so the job needs German.", "en"),
        ("She speaks fluent German, which the role requires.", "en"),
    ],
)
def test_countries_and_languages_as_plain_job_facts_are_left_alone(text, lang):
    assert "ethnicity" not in categories(text, lang)


# --------------------------------------------------------------- the issue's list


@pytest.mark.parametrize(
    ("text", "lang", "category", "severity"),
    [
        ("Hon bor med sin fru.", "sv", "sexual_orientation", "block"),
        ("Han bor med sin man.", "sv", "sexual_orientation", "block"),
        ("Han pratade mycket om sin sambo.", "sv", "sexual_orientation", "warn"),
        ("Hon är aktiv i Kommunal.", "sv", "union", "block"),
        ("Han är med i IF Metall.", "sv", "union", "block"),
        ("Unionen-medlem sedan länge.", "sv", "union", "block"),
        ("Hon är med i LO.", "sv", "union", "block"),
        ("Han är aktiv i Vision.", "sv", "union", "block"),
        ("Hon är medlem i Akademikerförbundet SSR.", "sv", "union", "block"),
        ("He is a union rep.", "en", "union", "block"),
        ("She was a shop steward.", "en", "union", "block"),
        ("Han stammar.", "sv", "disability", "block"),
        ("Hon medicinerar.", "sv", "disability", "block"),
        ("Han tar antidepressiva.", "sv", "disability", "block"),
        ("He stutters.", "en", "disability", "block"),
        ("She has a stammer.", "en", "disability", "block"),
        ("She is on medication.", "en", "disability", "block"),
        ("Han var sminkad.", "sv", "transgender_identity", "block"),
        ("Han klär sig som en kvinna.", "sv", "transgender_identity", "block"),
        ("He wears make-up.", "en", "transgender_identity", "block"),
        ("We need a guy for this role.", "en", "sex", "block"),
        ("We are looking for a guy for the warehouse.", "en", "sex", "block"),
        ("Vi vill ha en kille i teamet.", "sv", "sex", "block"),
        ("She just had a baby.", "en", "parental_leave", "block"),
        ("She had a baby in May.", "en", "parental_leave", "block"),
        ("Hon har precis fått barn.", "sv", "parental_leave", "block"),
        ("Han skulle inte smälta in i gruppen.", "sv", "fit", "warn"),
        ("Hon känns som en av oss.", "sv", "fit", "warn"),
        ("She is not one of us.", "en", "fit", "warn"),
        ("He would not blend in.", "en", "fit", "warn"),
        ("Hon har ett svårt namn.", "sv", "ethnicity", "block"),
        ("Konstigt namn.", "sv", "ethnicity", "block"),
        ("She has a strange name.", "en", "ethnicity", "block"),
        ("Hard to pronounce name.", "en", "ethnicity", "block"),
        ("Han har bred dialekt.", "sv", "ethnicity", "warn"),
        ("He has a strong dialect.", "en", "ethnicity", "warn"),
        ("Strong accent.", "en", "ethnicity", "block"),
        ("Dålig svenska.", "sv", "ethnicity", "warn"),
        ("Knackig svenska.", "sv", "ethnicity", "warn"),
        ("Han bryter.", "sv", "ethnicity", "warn"),
        ("Poor English.", "en", "ethnicity", "warn"),
    ],
)
def test_the_patterns_the_issue_lists(text, lang, category, severity):
    found = [f for f in check(text, lang) if f.category == category]
    assert [f.severity for f in found] == [severity], check(text, lang)
    assert found[0].message and found[0].suggestion and found[0].rule


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Erfarenhet av kommunal verksamhet.", "sv"),
        ("Vi arbetar med vår vision.", "sv"),
        ("Ordet stammar från latinet.", "sv"),
        ("Erfarenhet av vård av nyfödda.", "sv"),
        ("En av oss kontaktar dig i nästa vecka.", "sv"),
        ("Tjänsten kräver god svenska; arbetsprovet visade svag svenska.", "sv"),
        ("Han bryter mot reglerna.", "sv"),
        ("Maskulint substantiv.", "sv"),
        ("Thanks guys.", "en"),
        ("One of us will contact you next week.", "en"),
        ("Experience caring for newborns in a neonatal unit.", "en"),
        ("We gave the project an odd name.", "en"),
        ("Weird name for a variable.", "en"),
        ("The role requires fluent English; the test showed poor English.", "en"),
    ],
)
def test_the_new_patterns_leave_job_language_alone(text, lang):
    assert check(text, lang) == []


def test_only_near_needs_the_phrase_beside_the_match(tmp_path: Path):
    path = tmp_path / "xx.toml"
    path.write_text(
        '[[entry]]\nid = "x.one"\ncategory = "ethnicity"\npatterns = ["från Polen"]\n'
        'only_near = ["hon"]\nwindow = 3\n',
        encoding="utf-8",
    )
    lexicon = load_lexicon(path)
    [entry] = lexicon.entries
    assert not entry.cancelled("hon är från Polen", 7, 17)
    assert entry.cancelled("varorna är från Polen", 11, 21)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_pattern_has_surface_forms_for_the_b4_baseline(language: str) -> None:
    # bench/b4_language_check.py spells every pattern out into surface forms; a set mixed
    # into an alternation ("svensk|@nationality ansikte") is read by the matcher but not
    # there, so such a pattern stopped the benchmark.
    sets = data_sets(language)
    for entry in lexicon(language).entries:
        for pattern in entry.patterns:
            assert surface_forms(pattern, sets), (entry.id, pattern)
