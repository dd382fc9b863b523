"""The English lexicon's families of recruiter phrasing: what a recruiter writes about a
person is flagged with its category, the same words about the work are not. Plain pytest,
no database; the sentences are new, not taken from the labelled corpus."""

from __future__ import annotations

import pytest

from aterkoppla.lib.language_check import check


def categories(text: str) -> set[str]:
    return {finding.category for finding in check(text, "en", "en")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # age: a stated age, generations, the team's average age
        ("She is 58 and would struggle with the pace.", "age"),
        ("At 62, he would not be with us for long.", "age"),
        ("He is well over 50, so we went another way.", "age"),
        ("She belongs to an older generation and avoids new tools.", "age"),
        ("We want to lower the average age of the team.", "age"),
        ("He has too many years on him for this trainee post.", "age"),
        ("She is no spring chicken.", "age"),
        # sex and pregnancy; lads and blokes wanted
        ("She is expecting in the spring, so the timing is bad.", "sex"),
        ("We were hoping for a couple of burly lads on the night shift.", "sex"),
        # transgender identity and gender expression
        ("The applicant is gender fluid.", "transgender_identity"),
        ("Her birth name was Daniel, according to the diploma.", "transgender_identity"),
        ("He looked rather feminine in the interview.", "transgender_identity"),
        ("She has been on hormones for a year.", "transgender_identity"),
        # ethnicity: names, sounding foreign, refugees, a nationality with a person
        ("He has an unusual surname that no one here can pronounce.", "ethnicity"),
        ("She sounded very foreign on the call.", "ethnicity"),
        ("He came here as a refugee last year.", "ethnicity"),
        ("We would prefer a Swedish guy on the front desk.", "ethnicity"),
        # religion: dress, groups, days of rest
        ("She wore a small cross on a chain at the interview.", "religion"),
        ("He is in some kind of sect.", "religion"),
        ("She can't work on Saturdays because of the Sabbath.", "religion"),
        # disability: named conditions, aids, therapy and medicines
        ("She has a heart problem and tires easily.", "disability"),
        ("He uses a walking stick and is slow on the stairs.", "disability"),
        ("She sees a psychiatrist every other week.", "disability"),
        ("He takes insulin at lunch.", "disability"),
        # sexual orientation: partners, Pride, slurs
        ("He mentioned that his boyfriend works in finance.", "sexual_orientation"),
        ("She is married to a woman.", "sexual_orientation"),
        ("He went to Pride with his friends.", "sexual_orientation"),
        # parental leave: children at home, custody
        ("He is at home with his son for most of the spring.", "parental_leave"),
        ("She has two-year-old twins at home.", "parental_leave"),
        ("He has shared custody and needs every other Friday off.", "parental_leave"),
        # union: named unions, safety reps, strikes
        ("She was a GMB rep at the depot.", "union"),
        ("He organised a walkout at the depot.", "union"),
        ("She was the safety representative on her shift.", "union"),
        # fit: gut and "our sort"
        ("Honestly, my gut told me no.", "fit"),
        ("She just isn't our kind of person.", "fit"),
        ("He never really gelled with the team.", "fit"),
        # disrespect
        ("He was a total numpty in the case exercise.", "disrespect"),
        ("She came across as a bit of a slacker.", "disrespect"),
        # special categories: parties, protests, genetic data
        ("He is a Tory councillor in his spare time.", "special_category"),
        ("She votes Labour and says so loudly.", "special_category"),
        ("He demonstrated outside parliament against the war.", "special_category"),
        ("She carries an inherited gene mutation.", "special_category"),
    ],
)
def test_a_recruiters_phrasing_about_a_person_is_flagged(text: str, expected: str) -> None:
    assert categories(text) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        # age groups as the work's target group
        "You will support older people living at home.",
        "The camp is for 13- to 17-year-olds from the whole region.",
        "She wrote her master's thesis on age discrimination.",
        # goods and teams for women; a helpline for trans people
        "He has managed a women's football team.",
        "She has sold men's clothing for five years.",
        "You will answer calls on our support line for trans people.",
        # HR casework and research
        "You will administer parental leave, holidays and sick leave.",
        "She has produced sickness absence statistics for the board.",
        "He has researched genetics at a university lab.",
        "She has worked on medication management in a care home.",
        "He has worked for the Royal National Institute of Blind People.",
        "She has researched cancer treatment at a teaching hospital.",
        # unions as the employer's partner
        "You will hold regular meetings with the safety reps.",
        "Pay is set by our national agreement with Unison.",
        # faith groups and subjects; science words
        "The school teaches religious education to all pupils.",
        "Our menus suit many cultures and religions.",
        "She has done radiocarbon dating of archaeological finds.",
        "We are hiring an educational psychologist.",
        "We offer language support for newly arrived colleagues.",
        "Bring your own ideas and help us unite the two teams.",
    ],
)
def test_the_same_words_about_the_work_are_not_flagged(text: str) -> None:
    assert categories(text) == set()


def test_a_new_entry_explains_itself() -> None:
    (finding,) = check("She is 58 and would struggle with the pace.", "en", "en")
    assert finding.rule == "age.stated_age"
    assert finding.basis and finding.message and finding.suggestion
