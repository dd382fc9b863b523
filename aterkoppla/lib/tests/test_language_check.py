"""The language check: the corpus's precision and recall, offsets, merging, languages,
exceptions and the data files' errors. Plain pytest, no database."""

from __future__ import annotations

import functools
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from aterkoppla.lib.language_check import (
    CATEGORIES,
    Finding,
    LexiconError,
    check,
    detect_language,
    load_lexicon,
)
from aterkoppla.lib.language_check.context import Judge
from aterkoppla.lib.language_check.lexicon import DATA_DIR
from aterkoppla.lib.language_check.matcher import _merge

CORPUS = Path(__file__).with_name("language_check_corpus.toml")
THRESHOLD = 0.95


def corpus() -> list[tuple[str, str, frozenset[str]]]:
    data = tomllib.loads(CORPUS.read_text(encoding="utf-8"))
    cases = []
    for lang in ("sv", "en"):
        for category, sentences in data[lang].items():
            expected = frozenset() if category == "none" else frozenset({category})
            cases += [(text, lang, expected) for text in sentences]
    cases += [(m["text"], m["lang"], frozenset(m["categories"])) for m in data["multi"]]
    return cases


@functools.cache
def scores() -> dict[str, tuple[float, float]]:
    """Precision and recall per category (sentence level) and ``overall``; measured once
    per process for the thirteen tests that read it."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for text, lang, expected in corpus():
        found = {finding.category for finding in check(text, lang)}
        tp.update(found & expected)
        fp.update(found - expected)
        fn.update(expected - found)

    def ratio(hits: int, misses: int) -> float:
        return hits / (hits + misses) if hits + misses else 1.0

    result = {c: (ratio(tp[c], fp[c]), ratio(tp[c], fn[c])) for c in CATEGORIES}
    total_tp = sum(tp.values())
    result["overall"] = (ratio(total_tp, sum(fp.values())), ratio(total_tp, sum(fn.values())))
    return result


def test_corpus_is_large_with_as_many_hard_negatives_as_positives():
    cases = corpus()
    positives = [c for c in cases if c[2]]
    negatives = [c for c in cases if not c[2]]
    assert len(cases) >= 400
    assert len(negatives) >= len(positives)
    for category in CATEGORIES:
        for lang in ("sv", "en"):
            assert any(category in c[2] and c[1] == lang for c in cases), (category, lang)


@pytest.mark.parametrize("category", [*CATEGORIES, "overall"])
def test_precision_and_recall_reach_the_target(category):
    precision, recall = scores()[category]
    assert precision >= THRESHOLD, f"{category}: precision {precision:.3f}"
    assert recall >= THRESHOLD, f"{category}: recall {recall:.3f}"


def test_acceptance_too_old_for_a_young_team():
    text = "Hon är nog för gammal för vårt unga team"
    findings = check(text)
    assert findings[0] == Finding(
        category="age",
        severity="block",
        start=11,
        end=21,
        match="för gammal",
        message=findings[0].message,
        suggestion=findings[0].suggestion,
        rule="age.for_gammal_ung",
        basis=findings[0].basis,
    )
    assert "ålder" in findings[0].message.lower()
    assert "kravprofilen" in findings[0].suggestion
    assert all(f.category == "age" and f.severity == "block" for f in findings)


def test_acceptance_older_versions_of_sap_is_fine():
    assert check("Du saknade erfarenhet av äldre versioner av SAP") == []


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("Hon är gravid.", "gravid"),
        ("De gravida söker sällan hos oss.", "gravida"),
        ("Med tanke på graviditeten väntar vi.", "graviditeten"),
        ("Hon är tvåbarnsmamma.", "tvåbarnsmamma"),
        ("Han är småbarnsförälder.", "småbarnsförälder"),
        ("Vi valde en yngre förmåga.", "yngre förmåga"),
        ("Hon är pensionsnära.", "pensionsnära"),
    ],
)
def test_swedish_inflections_and_compounds(text, match):
    findings = check(text, "sv")
    assert [f.match for f in findings] == [match]
    assert all(text[f.start : f.end] == f.match for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "Vi är en ung bransch.",
        "Lönen följer löneavtalet.",
        "Vi har kollektivavtal.",
        "Erfarenhet av barnomsorg är meriterande.",
        "Tjänsten är ett vikariat under föräldraledighet.",
        "Krav på flytande tyska enligt kravprofilen.",
        "Vi söker en senior utvecklare.",
        "Koden är gammal.",
        "Hon har arbetat inom äldreomsorgen.",
        "Mammografi ingår i arbetet.",
    ],
)
def test_swedish_job_language_is_left_alone(text):
    assert check(text, "sv") == []


@pytest.mark.parametrize(
    ("text", "category"),
    [("She is pregnant.", "sex"), ("Her pregnancy", "sex"), ("She is older.", "age")],
)
def test_english_inflections(text, category):
    assert [f.category for f in check(text, "en")] == [category]


@pytest.mark.parametrize(
    "text",
    ["The job requires fluent German.", "Excel 2010 is older.", "A junior role.", "Senior dev."],
)
def test_english_job_language_is_left_alone(text):
    assert check(text, "en") == []


def test_offsets_point_into_the_original_text_after_normalisation():
    # A soft hyphen inside a word, a decomposed "ö" (o + combining diaeresis) and a
    # typographic apostrophe: matched as the plain forms, reported where they are.
    text = "Kollegan sa: hon är gra\u00advid och dessutom fo\u0308r gammal."
    findings = check(text, "sv")
    assert [f.match for f in findings] == ["gra\u00advid", "fo\u0308r gammal"]
    assert all(text[f.start : f.end] == f.match for f in findings)
    english = "She’s too old, isn’t she?"
    [finding] = check(english, "en")
    assert english[finding.start : finding.end] == finding.match == "too old"


def test_findings_are_sorted_and_overlaps_of_one_category_merged():
    text = "Hon är gravid och har två barn och är dessutom för gammal."
    findings = check(text, "sv")
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    assert [f.category for f in findings] == ["sex", "parental_leave", "age"]
    a = Finding("age", "warn", 0, 5, "ab cd", "m1", "s1")
    b = Finding("age", "block", 3, 9, "cd efgh", "m2", "s2")
    c = Finding("fit", "warn", 4, 6, "d ", "m3", "s3")
    merged = _merge([c, b, a], "ab cd efgh")
    assert [(f.category, f.severity, f.start, f.end, f.message) for f in merged] == [
        ("age", "block", 0, 9, "m2"),
        ("fit", "warn", 4, 6, "m3"),
    ]
    assert merged[0].match == "ab cd efg"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hon är för gammal för tjänsten.", "sv"),
        ("Vi valde en annan kandidat med mer erfarenhet", "sv"),
        ("She is too old for the role.", "en"),
        ("We chose another candidate with more experience", "en"),
        ("Tack", "sv"),
        ("", "sv"),
    ],
)
def test_auto_detects_the_language(text, lang):
    assert detect_language(text) == lang


def test_auto_detection_agrees_with_the_corpus_labels():
    cases = corpus()
    right = sum(detect_language(text) == lang for text, lang, _expected in cases)
    assert right / len(cases) >= 0.97


def test_auto_uses_the_detected_languages_lexicon():
    assert [f.category for f in check("She is pregnant and has a strong accent.")] == [
        "sex",
        "ethnicity",
    ]


def test_messages_follow_the_reader_not_the_text():
    [sv] = check("She is pregnant.", "en", reader_lang="sv")
    [en] = check("She is pregnant.", "en", reader_lang="en")
    assert sv.message.startswith("Graviditet") and en.message.startswith("Pregnancy")
    assert sv.to_dict()["suggestion"] == sv.suggestion
    assert set(en.to_dict()) >= {"category", "severity", "start", "end", "match", "message"}


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="lang"):
        check("x", lang="de")
    with pytest.raises(ValueError, match="reader_lang"):
        check("x", reader_lang="de")


def test_exceptions_cancel_only_around_the_match():
    assert check("Du saknade erfarenhet av äldre versioner.", "sv") == []
    assert [f.category for f in check("En äldre kandidat, med äldre versioner.", "sv")] == ["age"]
    # unless_near looks beside the match, not in it: "chemist*" does not cancel "chemistry".
    assert [f.category for f in check("There was no chemistry.", "en")] == ["fit"]
    assert check("She has a degree in chemistry.", "en") == []


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "xx.toml"
    path.write_text(body, encoding="utf-8")
    return path


ENTRY = '[[entry]]\nid = "x.one"\ncategory = "age"\npatterns = ["gammal"]\n'


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("[[entry]\n", "xx.toml: not valid TOML"),
        ("title = 1\n", "xx.toml: has no [[entry]] tables"),
        (ENTRY.replace('"age"', '"looks"'), "xx.toml: entry 'x.one': category 'looks'"),
        (ENTRY.replace('["gammal"]', '["gam{}"]'), "xx.toml: entry 'x.one': pattern 'gam{}'"),
        (ENTRY.replace('["gammal"]', '["re:(a)"]'), "capturing groups"),
        (ENTRY.replace('["gammal"]', "[]"), "entry 'x.one': patterns must be a non-empty list"),
        (ENTRY + 'severity = "stop"\n', "entry 'x.one': severity 'stop'"),
        (ENTRY + 'colour = "red"\n', "entry 'x.one': unknown field(s) colour"),
        (ENTRY + 'exceptions = ["@nowhere"]\n', "entry 'x.one': exceptions: unknown set @nowhere"),
        (ENTRY + ENTRY, "entry 'x.one': the id is used twice"),
        ('[[entry]]\ncategory = "age"\npatterns = ["a"]\n', "xx.toml: entry #1: needs an id"),
        (ENTRY + 'window_first = "yes"\n', "entry 'x.one': window_first must be true or false"),
        (ENTRY + "window_first = true\n", "entry 'x.one': window_first needs unless_near"),
    ],
)
def test_a_malformed_data_file_names_the_file_and_the_entry(tmp_path, body, says):
    with pytest.raises(LexiconError, match=None) as caught:
        load_lexicon(_write(tmp_path, body))
    assert says in str(caught.value)


def test_window_first_lets_the_window_decide_before_the_grammar(tmp_path):
    # "hon" is the subject, so the grammar keeps the hit; a window that decides first
    # cancels it beside "krav". Without the setting the grammar decides.
    base = ENTRY.replace('["gammal"]', '["talar tyska"]') + 'unless_near = ["krav"]\n'
    text = "Hon talar tyska, vilket är ett krav."
    late = load_lexicon(_write(tmp_path, base))
    first = load_lexicon(_write(tmp_path, base + "window_first = true\n"))
    assert [e.window_first for e in (*late.entries, *first.entries)] == [False, True]
    start, end = 4, 15
    assert text[start:end] == "talar tyska"
    assert not Judge(text, "sv")(late.entries[0], start, end)
    assert Judge(text, "sv")(first.entries[0], start, end)
    # only_near decides first unless it says otherwise
    needs = ENTRY + 'only_near = ["hon"]\n'
    assert load_lexicon(_write(tmp_path, needs)).entries[0].window_first


def test_an_entry_without_texts_and_no_category_default_is_refused(tmp_path):
    categories = (DATA_DIR / "categories.toml").read_text(encoding="utf-8")
    broken = tmp_path / "categories.toml"
    broken.write_text(categories.replace("[category.age]\n", "[category.age]\nx = 1\n"), "utf-8")
    lexicon = load_lexicon(_write(tmp_path, ENTRY), broken)
    assert lexicon.entries[0].basis.startswith("Diskrimineringslagen")
    emptied = categories.replace('message_en = "Age, or words', 'message_en_old = "Age')
    broken.write_text(emptied, "utf-8")
    with pytest.raises(LexiconError, match=r"entry 'x\.one': message_en is missing"):
        load_lexicon(_write(tmp_path, ENTRY), broken)


def test_the_built_in_data_files_load():
    for lang in ("sv", "en"):
        lexicon = load_lexicon(DATA_DIR / f"{lang}.toml")
        assert {entry.category for entry in lexicon.entries} == set(CATEGORIES)


def test_each_letters_expression_keeps_only_the_set_phrases_that_begin_with_it(tmp_path):
    body = '[sets]\nland = ["Polen", "Syrien", "Sri Lanka", "polska"]\n' + ENTRY.replace(
        '["gammal"]', '["@land|somalisk kille", "*mamma"]'
    )
    lexicon = load_lexicon(_write(tmp_path, body))
    at_s, at_p = lexicon.combined_at("s").pattern, lexicon.combined_at("P").pattern
    assert "Syrien" in at_s and "Lanka" in at_s and "somalisk" in at_s and "Polen" not in at_s
    assert "Polen" in at_p and "polska" in at_p and "Syrien" not in at_p
    # the same match as the whole expression, wherever a match begins
    text = "En polska kille, en Sri Lanka kille och en tvåbarnsmamma från Syrien kille."
    for at in range(len(text)):
        whole = lexicon.combined.match(text, at)
        letter = lexicon.combined_at(text[at]).match(text, at)
        assert (whole and (whole.span(), whole.lastgroup)) == (
            letter and (letter.span(), letter.lastgroup)
        )
