"""The survey answer and personal data: the comment goes with the application's other words;
the candidate's copy of their data holds their answer, a copy made by staff does not."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from aterkoppla.applications.services import applications_close
from aterkoppla.experience.models import SurveyResponse
from aterkoppla.experience.survey import survey_answer
from aterkoppla.portal.tests.helpers import link
from aterkoppla.privacy.export import candidate_export
from aterkoppla.privacy.services import Cause, application_anonymise
from aterkoppla.privacy.tests.helpers import page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

COMMENT = "Vänligt bemött, men beskedet kom sent."


@pytest.fixture
def answered(application, owner):
    (closed,) = applications_close(applications=[application], outcome="rejected", by=owner)
    survey_answer(
        application=closed,
        recommend=6,
        clear_reason="partly",
        respectful="yes",
        comment=COMMENT,
        language="sv",
    )
    return closed


def test_anonymising_empties_the_comment_and_keeps_what_the_metrics_count(answered):
    application_anonymise(answered, cause=Cause.RETENTION)
    answer = SurveyResponse.objects.get()
    assert answer.comment == ""
    assert (answer.recommend, answer.clear_reason, answer.respectful) == (6, "partly", "yes")
    assert (answer.outcome, answer.channel, answer.application_id) == (
        "rejected",
        "written",
        answered.pk,
    )


def test_keeping_a_talent_pool_profile_still_empties_the_comment(answered):
    application_anonymise(answered, cause=Cause.RETENTION, keep_profile=True)
    assert SurveyResponse.objects.get().comment == ""


def test_the_candidates_own_copy_holds_their_answer(answered):
    export = candidate_export(answered.candidate, language="en", for_candidate=True)
    (app,) = export["applications"]
    assert app["survey"]["recommend"] == 6
    assert app["survey"]["clear_reason_label"] == "Partly"
    assert app["survey"]["respectful_label"] == "Yes"
    assert app["survey"]["comment"] == COMMENT


def test_the_copy_on_the_candidates_page_shows_it(client, answered):
    anon = client
    anon.cookies["django_language"] = "en"
    download = anon.get(link(answered) + "dina-uppgifter/json/")
    assert download.status_code == 200
    (app,) = json.loads(download.content)["applications"]
    assert app["survey"]["comment"] == COMMENT
    page = page_text(anon.get(link(answered) + "dina-uppgifter/").content)
    assert COMMENT in page
    # The page is in the candidate's own language (Swedish here).
    assert "Dina svar på vår enkät" in page
    assert "6 av 10" in page


@pytest.mark.parametrize("route", ["privacy:export", "privacy:export_json"])
def test_a_copy_made_by_staff_leaves_the_answer_out(client_for, owner, answered, route):
    response = client_for(owner).get(reverse(route, args=[answered.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert COMMENT not in text
    if route.endswith("json"):
        (app,) = json.loads(text)["applications"]
        assert app["survey"] == {"on_own_page": True}
    export = candidate_export(answered.candidate, language="en")
    assert export["applications"][0]["survey"] == {"on_own_page": True}


def test_no_answer_no_survey_part(application):
    (app,) = candidate_export(application.candidate, for_candidate=True)["applications"]
    assert app["survey"] is None
