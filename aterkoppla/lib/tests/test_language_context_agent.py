"""English grammar for job language (helper enneg): a person as the agent of a work verb,
people in general ("people with diabetes"), a work product's possessive ("her thesis on
Islam") and other people's possessive ("employees' parental leave") make a hit a subject of
work; a blanket exclusion ("we don't hire people with epilepsy") and the same words about
the candidate stay flagged. Each decision names its rule. Plain pytest."""

from __future__ import annotations

import pytest

from aterkoppla.lib.language_check import check
from aterkoppla.lib.language_check.context import explain

# (work use: not flagged, the rule that cancelled it)
WORK = [
    ("She ran payroll for 400 staff, including parental leave pay and holidays.", ""),
    ("He restored a 12th-century church and a mosque in Visby.", "context.work.agent"),
    ("He tested the booking flow with blind screen reader users.", "context.work.agent"),
    ("She developed an app that reminds people with diabetes to eat.", "context.work.generic"),
    ("As a coordinator he follows up employees on sick leave.", "context.work.generic"),
    ("She wrote her thesis on Islam in medieval Spain.", "context.work.governor"),
    ("He advised managers on planning around employees' parental leave.", ""),
    ("He updated the HR system so employees can register their pronouns.", ""),
]

FLAGGED = [
    ("We don't hire people with epilepsy for this job.", "disability", "context.person.generic"),
    ("She is blind in one eye.", "disability", "context.person.subject"),
    ("He organised a union drive at his last company.", "union", ""),
    ("She runs to the union over every little thing.", "union", ""),
    ("She is planning her parental leave for the spring.", "parental_leave", ""),
    ("He developed depression after the layoffs.", "disability", "context.person.subject"),
]


@pytest.mark.parametrize(("text", "rule"), WORK)
def test_work_language_is_not_flagged(text: str, rule: str) -> None:
    assert check(text, "en") == []
    if rule:
        assert rule in {e.rule for e in explain(text, "en") if not e.flagged}


@pytest.mark.parametrize(("text", "category", "rule"), FLAGGED)
def test_the_same_words_about_a_person_are_flagged(text: str, category: str, rule: str) -> None:
    findings = check(text, "en")
    assert category in {f.category for f in findings}
    if rule:
        assert rule in {e.rule for e in explain(text, "en") if e.flagged}


def test_an_agent_verb_does_not_cancel_union_activity() -> None:
    # The verb is the activity itself; the grammar looks past it to the subject.
    decisions = [e for e in explain("He represented the union at the plant.", "en") if e.flagged]
    assert decisions and decisions[0].rule == "context.person.subject"


def test_a_thing_after_the_hit_is_read_only_when_no_person_is_named() -> None:
    text = "Turkish and Greek yoghurt are our top-selling dairy products."
    assert check(text, "en") == []
    assert "context.work.thing" in {e.rule for e in explain(text, "en")}
    # A person as the subject still binds the hit: the place is her practice.
    findings = check("She goes to a Buddhist temple every week.", "en")
    assert {f.category for f in findings} == {"religion"}
