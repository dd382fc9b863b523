"""The survey on the candidate's page: reached by the right link only, after the final answer,
once; bad input is explained, never a 500."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
import time_machine
from django.urls import reverse

from aterkoppla.applications.services import applications_close
from aterkoppla.experience.models import SurveyResponse
from aterkoppla.portal.tests.helpers import assert_private, choose_language, link, receive
from aterkoppla.timeline.models import TimelineEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

ANSWERS = {"recommend": "9", "clear_reason": "partly", "respectful": "yes", "comment": "Bra!"}
RECOMMEND_ERROR = "Choose how likely you would be to recommend us, from 0 to 10."
CLEAR_ERROR = "Choose whether you got a clear answer as to why."
RESPECT_ERROR = "Choose whether you felt treated with respect."
QUESTIONS = (
    "How likely is it that you would recommend us as an employer to a friend?",
    "Did you get a clear answer as to why?",
    "Did you feel treated with respect?",
)


def _rejected(application, by=None):
    (closed,) = applications_close(applications=[application], outcome="rejected", by=by)
    return closed


def _page(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def tom(recruitment):
    """Tom, rejected in writing: he may answer."""
    return _rejected(receive(recruitment))


def test_the_survey_address_is_the_pages_own_plus_enkat(tom):
    token = "abc"
    assert reverse("portal:survey", args=[token]) == (
        reverse("portal:application", args=[token]) + "enkat/"
    )


def test_the_questions_as_accessible_groups_in_the_pages_language(anon, tom):
    response = anon.get(link(tom) + "enkat/")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert_private(response)
    page = _page(response)
    for question in QUESTIONS:
        assert f"<legend>{question}</legend>" in page
    assert page.count("<fieldset") == 3
    # 0 to 10, one radio each, both ends explained to a screen reader too.
    assert page.count('name="recommend"') == 11
    assert 'value="0"' in page and 'value="10"' in page
    assert "Not at all likely" in page and "Very likely" in page
    for value in ("yes", "partly", "no"):
        assert f'name="clear_reason" value="{value}"' in page
    assert 'maxlength="2000"' in page
    assert SurveyResponse.objects.count() == 0


def test_the_language_switch_decides_the_language_and_the_answer_keeps_it(anon, application):
    application = _rejected(application)
    path = link(application) + "enkat/"
    choose_language(anon, "en")
    assert "Did you feel treated with respect?" in _page(anon.get(path))
    anon.post(path, ANSWERS)
    assert SurveyResponse.objects.get().language == "en"


def test_an_answer_is_saved_and_thanked_for_on_the_candidate_page(anon, tom):
    path = link(tom)
    events = TimelineEvent.objects.count()

    response = anon.post(path + "enkat/", ANSWERS)

    assert response.status_code == 302
    assert response["Location"] == path
    answer = SurveyResponse.objects.get()
    assert (answer.application_id, answer.recommend, answer.clear_reason) == (tom.pk, 9, "partly")
    assert (answer.respectful, answer.comment, answer.language) == ("yes", "Bra!", "en")
    assert (answer.outcome, answer.channel) == ("rejected", "written")
    assert TimelineEvent.objects.count() == events  # staff read the timeline
    page = _page(anon.get(path))
    assert "Thank you for your answers! They help us do better." in page
    assert "Thank you for answering our survey." in page
    assert path + "enkat/" not in page


def test_a_second_answer_gets_a_clear_message_not_an_error(anon, tom):
    path = link(tom) + "enkat/"
    anon.post(path, ANSWERS)

    again = anon.post(path, ANSWERS | {"recommend": "0"})

    assert again.status_code == 409
    assert "You have already answered the survey for this application. Thank you!" in _page(again)
    assert SurveyResponse.objects.get().recommend == 9
    shown = anon.get(path)
    assert shown.status_code == 200
    assert "already answered" in _page(shown)
    assert 'name="recommend"' not in _page(shown)


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        ({}, [RECOMMEND_ERROR, CLEAR_ERROR, RESPECT_ERROR]),
        (ANSWERS | {"recommend": "11"}, [RECOMMEND_ERROR]),
        (ANSWERS | {"recommend": "sju"}, [RECOMMEND_ERROR]),
        (ANSWERS | {"respectful": "kanske"}, [RESPECT_ERROR]),
        (ANSWERS | {"comment": "x" * 2001}, ["at most 2000 characters"]),
        (ANSWERS | {"comment": "nul\x00"}, ["Null characters are not allowed."]),
    ],
)
def test_bad_input_is_shown_on_the_form_and_nothing_is_saved(anon, tom, data, errors):
    response = anon.post(link(tom) + "enkat/", data)
    assert response.status_code == 400
    page = _page(response)
    assert "There is a problem" in page
    for error in errors:
        # At the top, linked to its question, and at the question.
        assert page.count(error) == 2
    assert SurveyResponse.objects.count() == 0


def test_a_bad_answer_keeps_the_others_chosen(anon, tom):
    page = _page(anon.post(link(tom) + "enkat/", ANSWERS | {"respectful": ""}))
    assert re.findall(r"<input[^>]*checked[^>]*>", page) == [
        '<input type="radio" name="recommend" value="9" id="id_recommend_9" required checked>',
        '<input type="radio" name="clear_reason" value="partly" id="id_clear_reason_1" required '
        "checked>",
    ]
    assert "Bra!" in page
    # The error summary leads to the question.
    assert 'href="#id_respectful"' in page and 'id="id_respectful"' in page


def test_before_the_final_answer_the_survey_is_not_open(anon, owner, recruitment):
    tom = receive(recruitment)
    path = link(tom) + "enkat/"
    shown = anon.get(path)
    assert shown.status_code == 200
    assert "You can answer the survey once you have had our final answer." in _page(shown)
    assert 'name="recommend"' not in _page(shown)
    assert anon.post(path, ANSWERS).status_code == 409
    assert SurveyResponse.objects.count() == 0


def test_another_applications_link_answers_only_for_that_application(anon, recruitment, tom):
    sara = receive(recruitment, first_name="Sara", email="sara@example.se", language="sv")
    # Sara's link: her application is open, so it takes no answer, and none for Tom.
    assert anon.post(link(sara) + "enkat/", ANSWERS).status_code == 409
    assert SurveyResponse.objects.count() == 0
    sara = _rejected(sara)
    assert anon.post(link(sara) + "enkat/", ANSWERS).status_code == 302
    assert list(SurveyResponse.objects.values_list("application_id", flat=True)) == [sara.pk]
    # Tom may still answer for his own.
    assert anon.post(link(tom) + "enkat/", ANSWERS).status_code == 302


def test_a_wrong_link_gets_the_one_404(anon, tom):
    for path in ("/ansokan/not-a-token/enkat/", "/ansokan/" + "x" * 200 + "/enkat/"):
        assert anon.get(path).status_code == 404
        assert anon.post(path, ANSWERS).status_code == 404
    assert SurveyResponse.objects.count() == 0


def test_posts_are_rate_limited_like_the_other_token_posts(anon, tom):
    path = link(tom) + "enkat/"
    with time_machine.travel(dt.datetime(2026, 11, 26, 10, tzinfo=dt.UTC), tick=False):
        for _ in range(10):
            assert anon.post(path, {}).status_code == 400
        blocked = anon.post(path, ANSWERS)
        assert blocked.status_code == 429
        assert_private(blocked)
    assert SurveyResponse.objects.count() == 0


def test_only_get_and_post(anon, tom):
    assert anon.put(link(tom) + "enkat/").status_code == 405
