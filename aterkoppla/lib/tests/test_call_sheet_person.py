"""Notes written about the candidate, said to the candidate ("du"/"you"), or not at all."""

from __future__ import annotations

import pytest

from aterkoppla.lib.call_sheet.person import names_anyone, second_person, speaks_of_someone


@pytest.mark.parametrize(
    ("note", "language", "said"),
    [
        ("Tydlig när hon förklarar sin kod.", "sv", "Tydlig när du förklarar din kod."),
        ("Hon gav bra exempel men tappade tråden.", "sv", "Du gav bra exempel men tappade tråden."),
        ("Vi bad honom beskriva sig själv.", "sv", "Vi bad dig beskriva dig själv."),
        (
            "Gav ett exempel från sitt senaste jobb.",
            "sv",
            "Gav ett exempel från ditt senaste jobb.",
        ),
        ("Anna förklarade tydligt hur hon tänkte.", "sv", "Du förklarade tydligt hur du tänkte."),
        ("Konkreta exempel på prioritering.", "sv", "Konkreta exempel på prioritering."),
        ("She clearly explains her reasoning.", "en", "You clearly explain your reasoning."),
        (
            "We asked her about it and she was calm.",
            "en",
            "We asked you about it and you were calm.",
        ),
        ("He tries hard and is calm.", "en", "You try hard and are calm."),
        ("Gave an example from their latest job.", "en", "Gave an example from your latest job."),
        ("Strong on SQL.", "en", "Strong on SQL."),
    ],
)
def test_a_note_is_said_to_the_candidate(note, language, said):
    assert second_person(note, language, ("Anna",)) == said


@pytest.mark.parametrize(
    ("note", "language"),
    [
        # "din" or "ditt" depends on the noun: not ours to guess.
        ("Hennes kod var tydlig.", "sv"),
        ("Annas svar var genomtänkta.", "sv"),
        # A second verb that may be a noun ("likes cats and dogs").
        ("He tries hard and watches the details.", "en"),
    ],
)
def test_a_note_that_cannot_be_rewritten_is_not_said(note, language):
    assert second_person(note, language, ("Anna",)) is None


def test_names_and_pronouns_are_found():
    assert speaks_of_someone("Hon var lugn")
    assert speaks_of_someone("Anna var lugn", ("Anna",))
    assert not speaks_of_someone("Lugn och saklig")
    assert names_anyone("Emma Berg hade längre erfarenhet", ("Emma",))
    assert not names_anyone("Hon hade längre erfarenhet", ("Emma",))


def test_employers_schools_and_years_are_found_whole():
    details = ("Nordlager AB", "2019", "Chalmers tekniska högskola")
    assert names_anyone("Hon har jobbat på Nordlager AB sedan 2019.", details)
    assert names_anyone("Examen från Chalmers  tekniska högskola", details)
    assert names_anyone("sedan 2019", details)
    assert not names_anyone("minst 20190 order", details)
    assert not names_anyone("Nordlagerbolaget", details)
