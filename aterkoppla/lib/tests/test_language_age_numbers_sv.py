"""Swedish age carried by numbers, dates and comparisons (batch svageh): a school-leaving or
military-service year, an age worked out from a year, a round birthday, long service read
as age, the team's average age or an age gap, insurance and pension costs by age; and the
same numbers and dates in ordinary job language, which must stay quiet. Plain pytest."""

from __future__ import annotations

import pytest

from aterkoppla.lib.language_check import check


def rules(text: str) -> dict[str, str]:
    return {finding.rule: finding.category for finding in check(text, "sv", "sv")}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Tog studenten -88, så han är runt 55 nu.", "age.arskull"),
        ("Gick ut gymnasiet i Borås 1979, knappast en junior.", "age.arskull"),
        ("Gjorde värnplikten 1985 på F7, inte rätt profil för oss.", "age.arskull"),
        ("Personnumret säger 59, räcker för mig.", "age.arskull"),
        ("Examen 1984 från Lund, räknar man baklänges är han snart pensionär.", "age.arsrakning"),
        ("Sextioårsdagen är i juni, hon pratar redan om att trappa ner.", "age.fodelsedag"),
        ("Hon har 40-årsfest nästa helg, vi tänker oss någon annan.", "age.fodelsedag"),
        ("Firar 60 i maj, ingen långsiktig satsning.", "age.years"),
        ("Född 2001, lite för tidigt för kundansvaret.", "age.years"),
        ("Fyrtio år i branschen gör henne stel och svår att forma.", "age.tjanstear"),
        ("Hon har 35 tjänsteår bakom sig, alldeles för inkörd i gamla rutiner.", "age.tjanstear"),
        ("Snittåldern i teamet är 27, han skulle sticka ut.", "age.jamforelse"),
        ("Hon skulle höja medelåldern rejält i gruppen.", "age.jamforelse"),
        ("15 år mer än chefen, det blir konstigt.", "age.jamforelse"),
        ("30 år mellan henne och resten av säljarna.", "age.jamforelse"),
        ("Premierna blir högre för honom efter 60, inte lönsamt för oss.", "age.kostnad"),
        ("Hur länge orkar kandidaten till, egentligen?", "age.hur_lange_kvar"),
    ],
)
def test_an_age_in_numbers_is_found(text, rule):
    assert rules(text).get(rule) == "age"


@pytest.mark.parametrize(
    "text",
    [
        "Bolaget firar 50 år i maj och hon ska leda jubileumsprojektet.",
        "Firade 25 år på Ikea 2022 och fick guldklocka av vd.",
        "Snittet på avdelningen är 29 ärenden per dag.",
        "Snittlönen i teamet är 45 000 kr.",
        "Hon har 30 års erfarenhet av redovisning och uppfyller kravprofilen.",
        "Räknar man på det blir lönekostnaden 55 000 kr i månaden 2025.",
        "Räknar man baklänges från driftstarten 2026 behöver hon börja i mars.",
        "Tog studenten 2019 från Ekonomiprogrammet och läser nu till civilekonom.",
        "Efter studenten 2014 jobbade hon två år på Ica innan hon började på KTH.",
        "Hon tar studenten 2026 och vill jobba extra på helgerna.",
        "Premien för gruppförsäkringen höjs efter 65 enligt avtalet, vilket hon informerade om.",
        "Planerade 50-årsfirandet för Scania och 900 gäster.",
        "Kommunens 100-årsdag firades med en utställning som hon producerade.",
        "Har 30 år i yrket som elektriker och har alla behörigheter som krävs.",
        "Ligger runt 40 timmar i veckan under högsäsong.",
        "Hon frågade hur vår försäkring fungerar vid sjukdom.",
        "Ansvarar för kompetensöverföringen när 12 montörer går i pension 2026.",
    ],
)
def test_the_same_numbers_in_job_language_give_no_finding(text):
    assert rules(text) == {}


def test_sickness_foretold_from_a_birthday_is_an_age_remark_only():
    found = rules("Fyller 63 i december, räknar med mer frånvaro pga krämpor de sista åren.")
    assert set(found.values()) == {"age"}
