"""Lists, membership and a person's own role in the grammar of the language check."""

from __future__ import annotations

import pytest

from aterkoppla.lib.language_check import check
from aterkoppla.lib.language_check.context import explain


def _rules(text: str, lang: str) -> list[tuple[str, bool, str]]:
    return [(e.match, e.flagged, e.rule) for e in explain(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "match"),
    [
        ("Vi har rutiner för sjukfrånvaro, föräldraledighet och vab.", "sv", "vab"),
        ("Vi har rutiner för sjukfrånvaro, föräldraledighet och vab.", "sv", "föräldraledighet"),
        (
            "Hon har tagit fram en handlingsplan mot trakasserier på grund av kön och "
            "sexuell läggning.",
            "sv",
            "sexuell läggning",
        ),
    ],
)
def test_the_next_item_of_a_list_that_is_work_is_work_too(text, lang, match):
    assert check(text, lang) == []
    assert (match, False, "context.work.coordinated") in _rules(text, lang)


def test_a_clause_after_och_is_not_a_list_item():
    # "och ber själv": a verb begins a clause of its own, whose subject is the candidate.
    text = "Han har guidat i moskéer och ber själv fem gånger om dagen."
    assert [f.category for f in check(text, "sv")] == ["religion"]
    # A list of people after a work governor stays work, a list after a person stays theirs.
    assert [f.category for f in check("Hon är muslim och gravid.", "sv")] != []


def test_an_exception_of_one_entry_does_not_cancel_another_entry_on_the_same_words():
    assert [f.category for f in check("Vi har redan många tjejer i teamet.", "sv")] == ["sex"]


@pytest.mark.parametrize(
    ("text", "lang", "category"),
    [
        ("Kandidaten är med i en hbtq-förening.", "sv", "sexual_orientation"),
        ("Han är medlem i ett fackförbund och frågade om kollektivavtal.", "sv", "union"),
        ("Engagerad i Vårdförbundet lokalt, vilket kan skapa friktion.", "sv", "union"),
    ],
)
def test_belonging_to_an_association_is_the_persons_own(text, lang, category):
    findings = check(text, lang)
    assert [f.category for f in findings] == [category]
    assert findings[0].context == "context.person.membership"


def test_an_association_as_a_workplace_is_still_work():
    assert check("Hon har arbetat som jurist på ett fackförbund i tio år.", "sv") == []


def test_a_role_that_is_the_hit_is_the_persons_own():
    findings = check("Kandidaten jobbar i dag som regionalt skyddsombud för Byggnads.", "sv")
    assert [f.category for f in findings] == ["union"]
    assert findings[0].context == "context.person.role"
    # The hit inside a longer role is that role's subject matter.
    assert check("She has worked as a sexual health educator.", "en") == []


@pytest.mark.parametrize(
    ("text", "lang", "category"),
    [
        ("Vi har dålig erfarenhet av folk från Rumänien.", "sv", "ethnicity"),
        ("We've had bad experience with people from Romania.", "en", "ethnicity"),
        ("Vi kan inte stötta någon med ADHD i den här rollen.", "sv", "disability"),
    ],
)
def test_a_judgement_or_a_refusal_before_a_work_governor_is_about_people(text, lang, category):
    findings = check(text, lang)
    assert [f.category for f in findings] == [category]
    assert findings[0].context == "context.person.judgement"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hon har erfarenhet av att arbeta med människor från Syrien.", "sv"),
        ("Hon har god erfarenhet av arbete med personer med ADHD.", "sv"),
        ("She has worked with people from Syria in a refugee programme.", "en"),
    ],
)
def test_experience_of_people_without_a_judgement_is_work(text, lang):
    assert check(text, lang) == []
