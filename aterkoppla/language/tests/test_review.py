"""The language check where texts are saved: the cached check, reviews and policies."""

from __future__ import annotations

import pytest
from django.utils import translation

from aterkoppla.language.models import LanguageOverride, Policy, Where
from aterkoppla.language.review import check_text, record_override, review
from aterkoppla.lib.language_check import check
from aterkoppla.messaging.models import CANDIDATE_KINDS
from aterkoppla.messaging.rendering import default_template, render_strings, sample_context

AGE = "Hon är nog för gammal för vårt unga team"
FINE = "Du saknade erfarenhet av äldre versioner av SAP"


def test_line_by_line_check_finds_what_the_whole_text_check_finds():
    text = f"Hej Sara!\n\n{AGE}.\nVi hörs.\n{FINE}."
    cached = check_text(text, lang="sv", reader="sv")
    whole = check(text, lang="sv", reader_lang="sv")
    assert [(f.category, f.start, f.end) for f in cached] == [
        (f.category, f.start, f.end) for f in whole
    ]
    assert cached and all(text[f.start : f.end] == f.match for f in cached)


def test_findings_are_explained_in_the_users_language():
    with translation.override("en"):
        english = check_text(AGE)
    with translation.override("sv"):
        swedish = check_text(AGE)
    assert english[0].message != swedish[0].message
    assert "Age" in english[0].message or "age" in english[0].message


def test_a_block_finding_needs_an_override_only_under_the_blocking_policy():
    blocking = review({"reason": AGE}, policy=Policy.BLOCK)
    assert blocking.needs_override and blocking.blocked
    assert set(blocking.blocking) == {"reason"}
    warning = review({"reason": AGE}, policy=Policy.WARN)
    assert warning.blocked and not warning.needs_override
    assert {f.category for f in warning.advice()} == {"age"}


def test_ordinary_job_language_passes_without_a_word():
    found = review({"reason": FINE, "note": ""}, policy=Policy.BLOCK)
    assert found.findings == {"reason": []}
    assert not found.blocked and not found.advice()


@pytest.mark.django_db
def test_an_override_without_an_application_is_only_in_the_log(owner):
    found = review({"body": AGE}, labels={"body": "Text"})
    override = record_override(
        found, where=Where.TEMPLATE, by=owner, reason="Citat i utbildningsmaterial", subject="T"
    )
    assert override is not None
    assert LanguageOverride.objects.get() == override
    assert override.findings[0]["category"] == "age"
    assert override.findings[0]["label"] == "Text"
    assert record_override(review({"body": FINE}), where=Where.TEMPLATE, by=owner) is None
    with pytest.raises(TypeError):
        LanguageOverride.objects.all().delete()
    with pytest.raises(TypeError):
        override.save()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", CANDIDATE_KINDS)
@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_default_messages_pass_the_check(kind, language):
    subject, body = render_strings(*default_template(kind, language), sample_context(language))
    assert check_text(subject + "\n" + body, lang=language) == []
