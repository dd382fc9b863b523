"""The call sheet's wording comes from the catalogue: every phrase has its Swedish, and the
sheet speaks the candidate's language to the candidate and the reader's to the caller."""

from __future__ import annotations

import string

import pytest
from django.utils import translation
from django.utils.translation import gettext

from aterkoppla.decisions.call_sheets import call_sheet_for, written_summary
from aterkoppla.decisions.tests.fixtures import decide_with_hire
from aterkoppla.lib.call_sheet.phrases import CANDIDATE, QUESTIONS, READER

# Every phrase the composer can use, by where it is kept.
PHRASES = {
    f"{group}.{key}": msgid
    for group, phrases in (("candidate", CANDIDATE), ("reader", READER), ("question", QUESTIONS))
    for key, msgid in phrases.items()
}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(PHRASES))
def test_every_call_sheet_phrase_has_its_swedish_in_the_catalogue(key):
    msgid = PHRASES[key]
    with translation.override("sv"):
        swedish = gettext(msgid)
    with translation.override("en"):
        english = gettext(msgid)
    assert swedish != msgid, f"{key} is not translated"
    assert _fields(swedish) == _fields(msgid), f"{key}: the placeholders differ"
    assert english == msgid


@pytest.mark.django_db
@pytest.mark.usefixtures("nov_25")
def test_the_candidate_hears_their_language_and_the_caller_reads_theirs(
    recruitment, owner, interviewed, others
):
    decide_with_hire(recruitment, owner, interviewed, others)
    sara, ali, _emma = interviewed  # Sara speaks Swedish, Ali English
    with translation.override("en"):
        for_sara = call_sheet_for(sara)
    with translation.override("sv"):
        for_ali = call_sheet_for(ali)

    assert for_sara.answers["q1"].question == "Vad saknade jag jämfört med den som fick jobbet?"
    assert for_sara.decision.startswith("Vi har valt en annan kandidat till tjänsten som")
    assert "diskrimineringslagen (2 kap. 4 §)" in for_sara.rights
    assert for_sara.reader_language == "en"
    assert any(line.startswith("Never mention sex") for line in for_sara.reminders)

    assert for_ali.answers["q1"].question == (
        "What did I lack compared to the person who got the job?"
    )
    assert for_ali.decision.startswith("We have chosen another candidate for the")
    assert for_ali.reader_language == "sv"
    assert any(line.startswith("Nämn aldrig kön") for line in for_ali.reminders)


@pytest.mark.django_db
@pytest.mark.usefixtures("nov_25")
def test_the_written_summary_is_in_the_candidates_language_whatever_is_active(
    recruitment, owner, interviewed, others
):
    decide_with_hire(recruitment, owner, interviewed, others)
    sara, ali, _emma = interviewed
    with translation.override("en"):
        assert written_summary(sara)["summary"].startswith("Vi har valt en annan kandidat")
    with translation.override("sv"):
        assert written_summary(ali)["summary"].startswith("We have chosen another candidate")
