"""How a merit is said to a candidate (``merit_phrase``), and what may be stored."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from aterkoppla.applications.merits import (
    MeritData,
    merit_phrase,
    merits_from_input,
    merits_phrases,
)
from aterkoppla.applications.services import application_receive


def job(role="", **kwargs):
    return MeritData(kind="experience", role=role, **kwargs)


def edu(field="", **kwargs):
    return MeritData(kind="education", field=field, **kwargs)


def oth(field="", **kwargs):
    return MeritData(kind="other", field=field, **kwargs)


PHRASES = [
    # The organisation and period never appear, whatever they are.
    (
        job(
            "lagerarbetare",
            years=6,
            organisation="Nordlager AB i Borås",
            from_year=2016,
            to_year=2022,
        ),
        "sex års erfarenhet som lagerarbetare",
        "six years of experience as lagerarbetare",
    ),
    (
        MeritData(kind="experience", field="lagerarbete och WMS-system", years=6),
        "sex års erfarenhet av lagerarbete och WMS-system",
        "six years of experience in lagerarbete och WMS-system",
    ),
    (
        job("lagerarbetare", field="WMS-system", years=1),
        "ett års erfarenhet som lagerarbetare inom WMS-system",
        "one year of experience as lagerarbetare in WMS-system",
    ),
    (
        job("plockare", months=8),
        "åtta månaders erfarenhet som plockare",
        "eight months of experience as plockare",
    ),
    (
        job("plockare", months=1),
        "en månads erfarenhet som plockare",
        "one month of experience as plockare",
    ),
    (
        job("utvecklare", years=15),
        "15 års erfarenhet som utvecklare",
        "15 years of experience as utvecklare",
    ),
    (
        job("utvecklare", years=4, months=5),
        "drygt fyra års erfarenhet som utvecklare",
        "more than four years of experience as utvecklare",
    ),
    (
        job("teamledare", level="leadership", years=2, organisation="Boozt, Malmö"),
        "två års ledarerfarenhet som teamledare",
        "two years of experience leading others as teamledare",
    ),
    (
        job("", field="redovisning", level="internship", months=6),
        "sex månaders praktik inom redovisning",
        "six months of internship in redovisning",
    ),
    (job("lagerarbetare"), "erfarenhet som lagerarbetare", "experience as lagerarbetare"),
    (
        edu("datavetenskap", level="bachelor", organisation="Göteborgs universitet", to_year=2015),
        "kandidatexamen i datavetenskap",
        "a bachelor's degree in datavetenskap",
    ),
    (
        edu("logistik", level="vocational", years=2),
        "yrkeshögskoleexamen i logistik (två år)",
        "a higher vocational diploma in logistik (two years)",
    ),
    (edu(level="upper_secondary"), "gymnasieutbildning", "upper secondary education"),
    (edu("truckkort A+B", to_year=2018), "truckkort A+B", "truckkort A+B"),
    (oth("truckkort A+B", level="licence"), "truckkort A+B", "truckkort A+B"),
    (
        oth("styrelseledamot i förening", level="assignment", years=3),
        "styrelseledamot i förening (tre år)",
        "styrelseledamot i förening (three years)",
    ),
]


@pytest.mark.parametrize(("merit", "sv", "en"), PHRASES)
def test_a_merit_is_said_by_kind_level_and_length(merit, sv, en):
    assert merit_phrase(merit, "sv") == sv
    assert merit_phrase(merit, "en") == en


def test_the_phrase_follows_the_language_asked_for_not_the_active_one():
    with translation.override("en"):
        assert (
            merit_phrase(job("lagerarbetare", years=2), "sv")
            == "två års erfarenhet som lagerarbetare"
        )


def test_an_applications_phrases_leave_out_merits_waiting_for_review(recruitment, owner):
    application = application_receive(
        recruitment=recruitment,
        first_name="Emma",
        last_name="Berg",
        merits={
            "education": [edu("datavetenskap", level="bachelor", organisation="Lunds universitet")],
            "experience": [
                "Lagerarbetare, Nordlager AB, 2016–2022",
                "Truckförare Nordlager Borås 2012-2016",
            ],
        },
        by=owner,
    )
    assert merits_phrases(application, "sv") == [
        "kandidatexamen i datavetenskap",
        "sex års erfarenhet som lagerarbetare",
    ]


@pytest.mark.parametrize(
    ("merit", "path", "message"),
    [
        ({"role": "lagerarbetare i Borås"}, "experience.0.role", "Leave out the place “Borås”"),
        ({"role": "lagerarbetare 2016–2022"}, "experience.0.role", "Leave out the year “2016”"),
        (
            {"role": "lagerarbetare på Nordlager", "organisation": "Nordlager AB"},
            "experience.0.role",
            "Leave out “Nordlager”",
        ),
        ({"field": "lager", "level": "bachelor"}, "experience.0.level", "Choose a level"),
        ({"role": "lagerarbetare", "months": 14}, "experience.0.months", "at most 11 months"),
        ({"role": "x", "from_year": 2020, "to_year": 2019}, "experience.0.to_year", "ends before"),
        ({}, "experience.0.role", "Give the role or the field"),
    ],
)
def test_bad_merits_are_refused_by_field(english, merit, path, message):
    with pytest.raises(ValidationError) as info:
        merits_from_input({"experience": [merit]})
    assert message in " ".join(info.value.message_dict[path])


def test_the_refusal_is_in_swedish_for_a_swedish_reader():
    with translation.override("sv"), pytest.raises(ValidationError) as info:
        merits_from_input({"experience": [{"role": "lagerarbetare i Borås"}]})
    assert "Ta bort orten ”Borås”" in info.value.message_dict["experience.0.role"][0]
