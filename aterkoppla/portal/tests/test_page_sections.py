"""The candidate page at a glance: the steps, the interview booked, and what the candidate
can do (the survey among it)."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
import time_machine
from django.utils import timezone, translation

from aterkoppla.applications.services import application_move, applications_close
from aterkoppla.assessment.services import interview_cancel, interview_schedule
from aterkoppla.experience.survey import survey_answer
from aterkoppla.messaging.models import Message
from aterkoppla.messaging.services import message_queue
from aterkoppla.portal.progress import progress_steps
from aterkoppla.portal.tests.helpers import link
from aterkoppla.portal.tests.test_candidate_page import QUERIES
from tests.helpers import interview_held

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]


def _page(anon, application) -> str:
    return html.unescape(anon.get(link(application)).content.decode())


def _states(application) -> list[tuple[str, str, str]]:
    with translation.override("en"):
        return [(str(s.label), str(s.state), str(s.note)) for s in progress_steps(application)]


def _close(application, outcome, by):
    (closed,) = applications_close(applications=[application], outcome=outcome, by=by)
    return closed


def test_steps_of_an_open_application(english_application, owner):
    app = english_application
    assert _states(app) == [
        ("Application received", "current", ""),
        ("Review", "ahead", ""),
        ("Interview", "ahead", ""),
        ("Answer", "ahead", ""),
    ]
    app = application_move(application=app, to_stage="screening", by=owner)
    assert [s for _l, s, _n in _states(app)] == ["done", "current", "ahead", "ahead"]
    app = application_move(application=app, to_stage="interview", by=owner)
    app = application_move(application=app, to_stage="reserve", by=owner)
    assert _states(app)[2] == ("Interview", "current", "You are a reserve")


@pytest.mark.parametrize(
    ("moves", "outcome", "states", "note"),
    [
        ([], "withdrawn", ["done", "skipped", "skipped", "current"], "You withdrew"),
        (["screening"], "rejected", ["done", "done", "skipped", "current"], "Not this time"),
        (["interview", "offer"], "hired", ["done", "done", "done", "current"], "You got the job"),
    ],
)
def test_steps_of_a_closed_application_say_how_it_ended(
    english_application, owner, moves, outcome, states, note
):
    app = english_application
    for to_stage in moves:
        app = application_move(application=app, to_stage=to_stage, by=owner)
    app = _close(app, outcome, owner)
    assert [s for _l, s, _n in _states(app)] == states
    assert _states(app)[3][2] == note


def test_a_no_after_an_interview_is_not_told_by_the_steps_before_the_call(
    english_application, owner, anon
):
    app = interview_held(english_application)
    (app,) = applications_close(applications=[app], outcome="rejected", by=owner, answered=False)
    assert _states(app)[3] == ("Answer", "current", "Comes by phone")
    page = _page(anon, app)
    assert "Not this time" not in page
    # Nor does the survey come before the answer.
    assert "/enkat/" not in page


def test_the_steps_are_an_ordered_list_with_the_current_step_marked(anon, english_application):
    page = _page(anon, english_application)
    steps = page[page.index('<ol class="progress">') : page.index("</ol>")]
    assert steps.count("<li") == 4
    assert steps.count('aria-current="step"') == 1
    current = re.search(r'<li[^>]*aria-current="step"[^>]*>(.*?)</li>', steps, re.S)
    assert current is not None and "Application received" in current.group(1)
    # The steps come before everything else under the heading.
    assert page.index('class="progress"') < page.index("Where your application stands")


def test_the_interview_booked_shows_when_and_where_in_swedish_time(
    anon, english_application, owner
):
    app = application_move(application=english_application, to_stage="interview", by=owner)
    booked = interview_schedule(
        application=app,
        by=owner,
        # 9:00 UTC is 10:00 in Stockholm in December.
        scheduled_at=dt.datetime(2026, 12, 8, 9, 0, tzinfo=dt.UTC),
        interviewers=[owner],
        location="Storgatan 1, Jönköping",
        video_url="https://meet.example.se/intervju",
        duration_minutes=45,
    )
    page = _page(anon, app)
    assert "Your interview" in page
    assert "Tuesday 8 December 2026 at 10:00" in page
    assert "45 minutes" in page
    assert "Storgatan 1, Jönköping" in page
    assert 'href="https://meet.example.se/intervju"' in page

    interview_cancel(interview=booked, by=owner)
    assert 'id="interview-title"' not in _page(anon, app)


def test_an_interview_held_is_no_longer_shown_as_ahead(anon, english_application):
    app = interview_held(english_application)
    assert 'id="interview-title"' not in _page(anon, app)


def test_every_action_in_one_section(anon, english_application, owner):
    page = _page(anon, english_application)
    section = page[page.index('id="actions"') : page.index('id="privacy"')]
    assert "What you can do" in section
    for action in (
        "/aterta/",  # withdraw
        "/dina-uppgifter/",  # a copy of the data
        "/radera/",  # erasure
        'id="talent-pool"',
    ):
        assert action in section
    # The survey waits for the final answer.
    assert "/enkat/" not in section

    closed = _close(english_application, "rejected", owner)
    section = _page(anon, closed)
    section = section[section.index('id="actions"') : section.index('id="privacy"')]
    assert "/skriftlig-information/" in section  # the written information (DL 2 kap. 4 §)
    assert "/enkat/" in section and "Answer the survey" in section
    assert "/aterta/" not in section

    survey_answer(
        application=closed, recommend=7, clear_reason="yes", respectful="yes", language="en"
    )
    section = _page(anon, closed)
    assert "Thank you for answering our survey." in section
    assert "/enkat/" not in section


def _sent(message: Message, at: dt.datetime) -> None:
    Message.objects.filter(pk=message.pk).update(status=Message.Status.SENT, sent_at=at)


@pytest.mark.parametrize("messages", [1, 5])
def test_a_closed_application_costs_one_query_more_and_not_one_per_message(
    anon, application, owner, django_assert_max_num_queries, messages
):
    application = _close(application, "rejected", owner)
    at = dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC)
    for n in range(messages):
        message = message_queue(application=application, kind="status_update", dedupe_key=f"t{n}")
        _sent(message, at + dt.timedelta(minutes=n))
    path = link(application)
    with time_machine.travel(at + dt.timedelta(days=1), tick=False):
        anon.get(path)  # the first visit notes the link as used
        # Whether the survey was answered.
        with django_assert_max_num_queries(QUERIES + 1):
            page = anon.get(path).content.decode()
    assert "/enkat/" in page


def test_an_interview_stage_application_costs_one_query_more(
    anon, english_application, owner, django_assert_max_num_queries
):
    app = application_move(application=english_application, to_stage="interview", by=owner)
    interview_schedule(
        application=app,
        by=owner,
        scheduled_at=timezone.now() + dt.timedelta(days=2),
        interviewers=[owner],
        location="Kontoret",
    )
    path = link(app)
    anon.get(path)
    # The interview booked.
    with django_assert_max_num_queries(QUERIES + 1):
        assert "Your interview" in anon.get(path).content.decode()
