"""Context by grammar, English and Swedish: a client's wish about the person hired binds the hit
(``context.person.preference``); a thesis, scheme or campaign about a topic makes it work
(``context.work.governor``). Plain pytest."""

from __future__ import annotations

import pytest

from aterkoppla.lib.language_check import check
from aterkoppla.lib.language_check.context import explain


@pytest.mark.parametrize(
    ("text", "lang", "category", "signal"),
    [
        ("The client would prefer a male engineer on site.", "en", "sex", "client would prefer"),
        ("The guests prefer a younger receptionist.", "en", "age", "guests prefer"),
        (
            "The Saudi client asked specifically for a man.",
            "en",
            "sex",
            "Saudi client asked specifically for",
        ),
        ("The clients would rather have a Swedish guy.", "en", "ethnicity", "would rather have"),
        # a client's attitude or veto about the person hired, not work with clients
        (
            "The Norrland client is conservative, better send an ethnically Swedish consultant.",
            "en",
            "ethnicity",
            "conservative",
        ),
        ("The client said no non-Europeans for this assignment.", "en", "ethnicity", "said no"),
        (
            "Our customers can be quite traditional, so a Swedish face is safer.",
            "en",
            "ethnicity",
            "traditional",
        ),
        ("The buyers might mind a dark-skinned rep, to be honest.", "en", "ethnicity", "mind"),
        ("Kunden vill ha en ung konsult, så vi skickar inte honom.", "sv", "age", "vill ha"),
        ("Gästerna föredrar en kvinnlig receptionist.", "sv", "sex", "Gästerna föredrar"),
        ("Uppdragsgivaren vill helst ha en ung och driven konsult.", "sv", "age", "ha"),
        ("Kunden har uttryckligen bett om en etniskt svensk konsult.", "sv", "ethnicity", "om"),
        ("Kunderna på Östermalm vill ha en svensk bakom disken.", "sv", "ethnicity", "vill ha"),
        ("Gästerna föredrar nog en svensk i receptionen.", "sv", "ethnicity", "föredrar"),
        (
            "Gästerna känner sig tryggare med en svensk receptionist.",
            "sv",
            "ethnicity",
            "tryggare med",
        ),
        (
            "Kunderna på landet är inte redo för en mörk tjej i butiken.",
            "sv",
            "ethnicity",
            "redo för",
        ),
    ],
)
def test_a_clients_wish_or_attitude_about_the_hire_binds_the_hit(
    text: str, lang: str, category: str, signal: str
) -> None:
    findings = [f for f in check(text, lang) if f.category == category]
    assert findings, text
    assert findings[0].context == "context.person.preference"
    hits = [e for e in explain(text, lang) if e.category == category]
    assert hits[0].signal.endswith(signal.split()[-1])


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("She has worked with male patients on a rehab ward for years.", "en"),
        ("Our clients are mainly older homeowners.", "en"),
        ("She wrote her thesis on Islamic finance and sukuk bonds.", "en"),
        ("He ran a mentoring scheme for women engineers at Scania.", "en"),
        ("She led a campaign aimed at pensioners for a pharmacy chain.", "en"),
        ("Produced a podcast about Sámi culture for Sveriges Radio.", "en"),
        ("Caseworker for unaccompanied refugee minors at Malmö municipality.", "en"),
        ("Wrote the internal guideline on religious holidays and leave requests.", "en"),
        ("Researched ageing and labour-market participation for her PhD.", "en"),
        # a wish for something about a topic is a service
        ("Kunderna vill ha information om föräldrapenning och vab.", "sv"),
        ("Hon har hjälpt kunder som vill ha föräldrapenning.", "sv"),
        ("Våra kunder är främst pensionärer i Skåne.", "sv"),
        ("Kunderna är främst svenska och norska fastighetsbolag.", "sv"),
        ("Hon har arbetat med kunder som vill ha hjälp med föräldrapenning.", "sv"),
        ("Kunden efterfrågar en lösning för rullstolsanvändare i entrén.", "sv"),
    ],
)
def test_work_with_clients_and_topics_of_work_are_not_flagged(text: str, lang: str) -> None:
    assert check(text, lang) == [], text


def test_a_thesis_or_scheme_is_a_work_governor() -> None:
    decisions = {
        e.match: (e.flagged, e.rule)
        for e in explain("He ran a mentoring scheme for women engineers at Scania.", "en")
    }
    assert decisions["women"] == (False, "context.work.governor")


def test_a_work_head_is_not_read_across_a_relative_pronoun() -> None:
    # "accent that clients find hard": "clients" is not the head of "accent".
    (finding,) = check("The candidate has a strong accent that clients find hard.", "en")
    assert finding.category == "ethnicity"
    assert finding.context == "context.person.subject"
    assert check("She has supported wheelchair users in the home.", "en") == []


def test_a_relative_clause_without_that_is_not_the_hits_head() -> None:
    # "the Nordic appearance the customers expect": "customers" is the subject of the
    # relative clause, not the head of "appearance".
    (finding,) = check("Lacks the Nordic appearance the customers expect.", "en")
    assert finding.category == "ethnicity"
    decisions = explain("Not quite the Swedish look the client asked for.", "en")
    assert decisions[0].flagged
    # a determiner and a noun without a verb after them are still the hit's object or head
    assert check("She's transitioning the support team from phone to chat.", "en") == []
    assert check("She has supported wheelchair users in the home.", "en") == []


def test_a_pronoun_inside_the_hit_binds_it() -> None:
    # "where she is from" names its own person; "Customers" before it does not make it work.
    text = "Customers keep asking where she is from, it distracts from the sale."
    (finding,) = check(text, "en")
    assert finding.category == "ethnicity"
    assert finding.context == "context.person.subject"
    assert check("Handled customers from Syria and Iraq at the Migration Agency.", "en") == []


def test_sv_a_determiner_after_the_hit_begins_another_noun_phrase() -> None:
    # "vissa kunder" is the object of "avskräcka", not the head of "Namnet … avskräcka".
    decisions = list(explain("Namnet Mohammed kan avskräcka vissa kunder.", "sv"))
    assert decisions and decisions[0].flagged
    # A work noun right after the hit is still its head.
    assert check("Hon har stöttat rullstolsanvändare i hemmet.", "sv") == []


def test_sv_att_after_the_hit_begins_a_clause_not_a_head() -> None:
    (finding,) = check("Hon ser så utländsk ut att kunderna nog undrar.", "sv")
    assert finding.category == "ethnicity"
    assert finding.context == "context.person.subject"


def test_sv_a_text_that_dealt_with_a_topic_is_work() -> None:
    text = "Hennes uppsats handlade om somaliska kvinnors etablering på arbetsmarknaden."
    assert check(text, "sv") == []
    text = "Rapporten gällde kvinnor i ledande roller inom byggbranschen."
    decisions = {e.match: e.rule for e in explain(text, "sv")}
    assert decisions["kvinnor"] == "context.work.governor", decisions
