"""The language gate reads a text that belongs to an application against its recruitment's
requirement profile: a topic the profile names is the job's, unless the text binds it to
the candidate."""

from __future__ import annotations

import pytest

from aterkoppla.language.gate import LanguageBlocked, Text, language_gate
from aterkoppla.language.models import Policy, Where
from aterkoppla.language.review import check_text, requirement_profile, review
from aterkoppla.recruitment.services import criterion_add

pytestmark = pytest.mark.django_db

NOTE = "Autism: flera års vana från LSS."


@pytest.fixture
def care_profile(application, owner):
    criterion_add(
        recruitment=application.recruitment,
        by=owner,
        name="Vana av stöd i vardagen",
        description="Erfarenhet av arbete med personer med autism.",
    )
    return application


def test_the_profile_is_the_names_and_descriptions_in_force(care_profile):
    profile = requirement_profile(care_profile.recruitment)
    assert "Truckkort A+B" in profile
    assert "Erfarenhet av arbete med personer med autism." in profile


def test_without_the_profile_the_note_is_stopped(application, owner):
    with pytest.raises(LanguageBlocked):
        language_gate(
            [Text(name="note", text=NOTE, where=Where.SCREENING, application=application)],
            policy=Policy.BLOCK,
            by=owner,
        )


def test_the_gate_reads_the_applications_profile(care_profile, owner):
    found = language_gate(
        [Text(name="note", text=NOTE, where=Where.SCREENING, application=care_profile)],
        policy=Policy.BLOCK,
        by=owner,
    )
    assert found.findings == {"note": []}
    with pytest.raises(LanguageBlocked):
        language_gate(
            [
                Text(
                    name="note",
                    text="Hon har autism.",
                    where=Where.SCREENING,
                    application=care_profile,
                )
            ],
            policy=Policy.BLOCK,
            by=owner,
        )


def test_a_text_may_bring_its_own_profile(application, owner):
    text = Text(name="note", text=NOTE, where=Where.SCREENING, profile=("Kunskap om autism",))
    assert language_gate([text], policy=Policy.BLOCK, by=owner).findings == {"note": []}


def test_check_text_and_review_take_the_profile():
    profile = ["Kunskap om autism"]
    assert check_text(NOTE, lang="sv")
    assert check_text(NOTE, lang="sv", profile=profile) == []
    assert review({"note": NOTE}, lang="sv", profile=profile).findings == {"note": []}
