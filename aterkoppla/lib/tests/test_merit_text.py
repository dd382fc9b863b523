"""What may stand in a merit's role or field, and splitting free-text merits."""

from __future__ import annotations

import pytest

from aterkoppla.lib.merit_text import identifying_details, parse_merit, places_in


def _codes(text: str, organisation: str = "") -> list[tuple[str, str]]:
    return [(d.code, d.match) for d in identifying_details(text, organisation)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("lagerarbete 2016", [("year", "2016")]),
        ("plock jan 2016 till mars 2019", [("period", "jan 2016"), ("period", "mars 2019")]),
        ("lager 2016-01", [("period", "2016-01")]),
        ("lagerarbete i Borås", [("place", "Borås")]),
        (
            "ekonomi vid Jönköpings kommun",
            [("organisation", "Jönköpings kommun"), ("place", "Jönköpings")],
        ),
        ("lager, Nordlager AB", [("organisation", "AB")]),
        ("support i Norge och Tyskland", [("place", "Norge"), ("place", "Tyskland")]),
        ("customer support in Poland", [("place", "Poland")]),
        ("ring 070-123 45 67", [("phone", "070-123 45 67")]),
        ("skriv till emma@nordlager.se", [("email", "emma@nordlager.se")]),
    ],
)
def test_what_could_tell_who_it_is_is_found(text, found):
    assert _codes(text) == found


def test_the_organisation_may_not_be_repeated_in_the_role():
    assert _codes("lagerarbete på Nordlager", "Nordlager AB") == [("organisation", "Nordlager")]
    assert _codes("lagerarbete", "Nordlager AB") == []
    # Words every school or company has say nothing about which one it is.
    assert _codes("business", "Dublin Business School, Irland") == []


@pytest.mark.parametrize(
    "text",
    [
        "lagerarbete",
        "WMS-system",
        "systemutveckling i Python",
        "truckkort A+B",
        "ISO 9001",
        "mark och anläggning",
        "Mark och anläggning",  # "Mark" the municipality only inside a sentence
        "kinda good",
        "svensk lagerlogistik",
        "engelska, flytande",
    ],
)
def test_ordinary_words_are_not_details(text):
    assert _codes(text) == []


def test_a_place_that_is_also_a_word_counts_only_capitalised_inside_a_sentence():
    assert places_in("markarbete i Mark") == ["Mark"]
    assert places_in("arbete på boden i Boden") == ["Boden"]
    assert places_in("Vara kommun") == []


def test_a_merit_in_the_usual_form_is_split():
    merit = parse_merit("experience", "Lagerarbetare på Nordlager AB i Borås 2016–2022")
    assert (merit.role, merit.organisation, merit.years) == (
        "lagerarbetare",
        "Nordlager AB i Borås",
        6,
    )
    assert (merit.from_year, merit.to_year, merit.safe) == (2016, 2022, True)

    merit = parse_merit("experience", "Lagerarbetare, DB Schenker Jönköping, 2018–2024")
    assert (merit.role, merit.organisation, merit.years, merit.safe) == (
        "lagerarbetare",
        "DB Schenker Jönköping",
        6,
        True,
    )
    merit = parse_merit("experience", "Backend-utvecklare (Python, Django), Saab, 2017–2021")
    assert (merit.role, merit.organisation) == ("backend-utvecklare (Python, Django)", "Saab")
    merit = parse_merit("experience", "Warehouse operative, 3 years")
    assert (merit.role, merit.years, merit.organisation) == ("warehouse operative", 3, "")
    merit = parse_merit("experience", "Praktik som frontendutvecklare, 6 mån")
    assert (merit.role, merit.level, merit.years, merit.months) == (
        "frontendutvecklare",
        "internship",
        0,
        6,
    )


def test_a_place_after_the_role_goes_with_the_organisation():
    merit = parse_merit("experience", "Lagerarbetare i Borås")
    assert (merit.role, merit.organisation, merit.safe) == ("lagerarbetare", "Borås", True)


def test_an_education_gets_its_level_field_and_school():
    merit = parse_merit("education", "Kandidatexamen i datavetenskap, Göteborgs universitet, 2015")
    assert (merit.level, merit.field, merit.organisation, merit.to_year, merit.safe) == (
        "bachelor",
        "datavetenskap",
        "Göteborgs universitet",
        2015,
        True,
    )
    merit = parse_merit("education", "Gymnasieexamen, Ekonomiprogrammet, 2019")
    assert (merit.level, merit.field, merit.to_year) == (
        "upper_secondary",
        "ekonomiprogrammet",
        2019,
    )
    merit = parse_merit("education", "Master's degree in Finance, University of Warsaw, 2020")
    assert (merit.level, merit.organisation) == ("master", "University of Warsaw")


@pytest.mark.parametrize(
    "text",
    [
        "Truckförare Nordlager Borås 2016-2022",  # no comma or "på": where is the employer?
        "Lagerarbetare, sommarjobb, Dahl Sverige Jönköping, 2018–2020",  # two parts
        "Jönköpings kommun",  # an organisation and nothing about what was done
    ],
)
def test_what_cannot_be_split_safely_is_held(text):
    assert not parse_merit("experience", text).safe
