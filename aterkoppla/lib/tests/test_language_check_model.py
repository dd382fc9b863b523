"""The second reader (model.py): stored models match the corpus and the training code, and
its findings are warnings that explain themselves."""

from __future__ import annotations

import gzip
import json

import pytest

from aterkoppla.lib.language_check import check, model, training
from aterkoppla.lib.language_check.context import sentence_spans
from aterkoppla.lib.language_check.model import Model
from aterkoppla.lib.tests.corpus_eval import (
    HELDOUT_FILES,
    LANGUAGES,
    training_files,
    training_set,
)


def _stored(language: str) -> dict:
    with gzip.open(model.model_path(language), "rt", encoding="utf-8") as stored:
        return json.load(stored)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_stored_model_was_trained_on_the_current_corpus(language):
    stored = _stored(language)
    assert stored["corpus_sha256"] == training.corpus_sha256(training_files()), (
        "the tuning corpus changed: run `make languagemodel` and commit the new models"
    )
    sentences = [case for case in training_set() if case.lang == language]
    assert stored["settings"]["sentences"] == len(sentences)


def test_the_heldout_split_is_never_trained_on():
    assert not set(HELDOUT_FILES) & set(training_files())
    trained = _stored("sv")["settings"]["sentences"] + _stored("en")["settings"]["sentences"]
    assert trained == len(training_set())


@pytest.mark.parametrize("language", LANGUAGES)
def test_training_again_gives_the_stored_model(language):
    pytest.importorskip("sklearn")
    examples = [(case.text, case.expected) for case in training_set() if case.lang == language]
    again = Model.from_dict(training.fit(language, examples, "-"))
    stored = model.model(language)
    assert stored is not None
    assert again.classes == stored.classes
    assert again.threshold == stored.threshold
    # The same decision on every tuning sentence, with near-equal probabilities (the fit is
    # deterministic; the tolerance only absorbs a different BLAS on another machine).
    for text, _categories in examples[::7]:
        mine, theirs = again.read(text), stored.read(text)
        assert (mine is None) == (theirs is None), text
        if mine is not None and theirs is not None:
            assert mine.category == theirs.category, text
            assert abs(mine.probability - theirs.probability) < 0.02, text


def test_a_phrasing_no_rule_knows_is_a_warning_naming_its_words():
    text = "Vi behöver någon som kan stanna länge, inte någon som snart ska gå hem och vila."
    (finding,) = check(text, "sv")
    assert finding.category == "age"
    assert finding.severity == "warn"
    assert finding.rule == "model.age"
    assert (finding.start, finding.end) == (0, len(text))
    assert finding.basis.startswith("Diskrimineringslagen")
    assert finding.context.startswith("model p=")
    assert finding.message.startswith("Meningen liknar anteckningar")
    assert "vägde tyngst: ”" in finding.message
    (english,) = check(text, "sv", reader_lang="en")
    assert english.message.startswith("The sentence reads like notes")
    assert english.suggestion.startswith("Name the skill or experience")


def test_the_words_named_are_words_of_the_sentence():
    text = "Han verkar vara från samma trakter som förra killen, kunderna klagade då."
    reading = model.model("sv").flags(text)
    assert reading is not None and reading.category == "ethnicity"
    assert 1 <= len(reading.words) <= model.EXPLAINED_WORDS
    assert set(reading.words) <= set(model.words_of(text))


def test_country_names_are_read_as_one_word_and_named_as_written():
    assert model.words_of("Kunder i Syrien och Irak") == [
        "kunder",
        "i",
        "@country",
        "och",
        "@country",
    ]
    reader = model.model("sv")
    one = reader.read("Vi har dålig erfarenhet av folk från Syrien, de håller inte tider.")
    other = reader.read("Vi har dålig erfarenhet av folk från Eritrea, de håller inte tider.")
    assert one is not None and other is not None
    assert one.probability == other.probability
    assert "@country" not in one.words


def test_a_sentence_with_a_rule_finding_is_not_read_again():
    text = "Hon är för gammal för vårt unga team."
    assert {finding.rule.split(".")[0] for finding in check(text, "sv")} == {"age"}
    assert not any(finding.rule.startswith("model.") for finding in check(text, "sv"))


def test_only_the_sentence_the_model_reads_is_marked():
    first = "Hon ledde flytten till det nya lönesystemet under 2021."
    second = "Vi behöver någon som kan stanna länge, inte någon som snart ska gå hem och vila."
    text = f"{first} {second}"
    (finding,) = check(text, "sv")
    assert finding.match == second
    assert finding.start == len(first) + 1


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hon har lång erfarenhet av redovisning och bokslut.", "sv"),
        ("Kandidaten har arbetat på Volvo sedan 1998 och vill nu byta bana.", "sv"),
        ("Han ledde projektet i tre år och levererade i tid.", "sv"),
        ("He led the migration to the new payroll system in 2021.", "en"),
        ("Ung", "sv"),
        ("Too old", "en"),
    ],
)
def test_ordinary_work_and_fragments_are_not_flagged(text, lang):
    assert [f for f in check(text, lang) if f.rule.startswith("model.")] == []


def test_sentences_are_cut_at_their_ends_and_trimmed():
    text = "  Första meningen. Andra? Tredje\nfjärde  "
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Första meningen.",
        "Andra?",
        "Tredje",
        "fjärde",
    ]


def test_a_model_of_another_format_is_refused():
    stored = _stored("sv")
    with pytest.raises(ValueError, match="format"):
        Model.from_dict({**stored, "format": 99})
    with pytest.raises(ValueError, match="none"):
        Model.from_dict({**stored, "classes": ["age"], "bias": [0.0]})
