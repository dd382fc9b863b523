"""Each figure on hand-built data whose answer is worked out by hand (DESIGN §10)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aterkoppla.applications.models import Application, Promise
from aterkoppla.decisions.models import CallTask
from aterkoppla.experience.metrics import API_KEYS, Period, metrics_report
from aterkoppla.experience.tests import builders as b
from aterkoppla.recruitment.models import Recruitment

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 11, 2)
NOW = b.at(dt.date(2026, 12, 1), 12)
Stage = Application.Stage


@pytest.fixture
def second(owner) -> Recruitment:
    return Recruitment.objects.create(title="Truckförare", owner=owner, status="open")


def report(*recruitments, period: Period | None = None):
    return metrics_report(recruitments=recruitments, period=period or Period(), now=NOW)


def test_no_data_gives_none_for_every_share_and_median(recruitment):
    figures = report(recruitment).total
    assert figures.api() == {
        "applications": 0,
        "acknowledged_within_1h": None,
        "median_hours_to_ack": None,
        "promises_kept": None,
        "median_days_to_final": None,
        "waiting_past_reply_by": None,
        "interviewed_rejections_called": None,
        "disclosure_on_time": None,
        "survey_responses": None,
        "cnps": None,
    }
    assert tuple(figures.api()) == API_KEYS
    assert figures.attempts_per_reached is None


def test_acknowledgements_within_an_hour_and_their_median(recruitment):
    received = b.at(DAY, 9)
    for minutes in (1, 30, 59, 61, 180):  # sent after these many minutes
        app = b.application(recruitment, received)
        b.acknowledged(app, received + dt.timedelta(minutes=minutes))
    b.acknowledged(b.application(recruitment, received), None)  # never sent: late
    # Received a moment ago and not sent yet: not late yet, not counted.
    b.acknowledged(b.application(recruitment, NOW - dt.timedelta(minutes=5)), None)
    figures = report(recruitment).total
    assert figures.applications == 7
    assert figures.acknowledged_within_1h == round(3 / 6, 4)
    # Sent after 1, 30, 59, 61 and 180 minutes: the median is 59 minutes.
    assert figures.median_hours_to_ack == round(59 / 60, 2)


def test_median_of_an_even_number_is_the_mean_of_the_middle_two(recruitment):
    received = b.at(DAY, 9)
    for hours in (1, 2, 4, 10):
        b.acknowledged(b.application(recruitment, received), received + dt.timedelta(hours=hours))
    assert report(recruitment).total.median_hours_to_ack == 3.0


def test_promises_kept_broken_void_and_still_ahead(recruitment):
    app = b.application(recruitment, b.at(DAY))
    b.promise(app, dt.date(2026, 11, 10), closed=b.at(dt.date(2026, 11, 10), 16), outcome="kept")
    b.promise(app, dt.date(2026, 11, 20), closed=b.at(dt.date(2026, 11, 23)), outcome="broken")
    b.promise(app, dt.date(2026, 11, 25), closed=b.at(dt.date(2026, 11, 24)), outcome="void")
    b.promise(b.application(recruitment, b.at(DAY)), dt.date(2026, 11, 30))  # open, passed
    b.promise(b.application(recruitment, b.at(DAY)), dt.date(2026, 12, 8))  # open, ahead
    figures = report(recruitment).total
    # kept 1 of: kept, broken, open-and-passed (void and ahead are not counted)
    assert figures.promises_kept == round(1 / 3, 4)


def test_open_applications_past_their_promise(recruitment):
    b.application(recruitment, b.at(DAY), reply_by=dt.date(2026, 11, 30))  # passed
    b.application(recruitment, b.at(DAY), reply_by=dt.date(2026, 12, 1))  # today: not passed
    b.application(recruitment, b.at(DAY), stage=Stage.INTERVIEW, reply_by=dt.date(2026, 12, 9))
    b.application(
        recruitment,
        b.at(DAY),
        stage=Stage.REJECTED,
        reply_by=dt.date(2026, 11, 3),
        final_at=b.at(dt.date(2026, 11, 20)),
    )
    assert report(recruitment).total.waiting_past_reply_by == round(1 / 3, 4)


def test_median_days_to_the_final_answer_leaves_withdrawals_out(recruitment):
    received = b.at(DAY, 9)
    for days, stage in ((4, Stage.REJECTED), (10, Stage.HIRED), (30, Stage.REJECTED)):
        b.application(recruitment, received, stage=stage, final_at=received + dt.timedelta(days))
    b.application(recruitment, received, stage=Stage.WITHDRAWN, final_at=received)
    assert report(recruitment).total.median_days_to_final == 10.0


def test_interviewed_rejections_called_and_attempts_per_reached(recruitment):
    received = b.at(DAY)
    for status, attempts in (
        (CallTask.Status.DONE, 1),
        (CallTask.Status.DONE, 3),
        (CallTask.Status.WRITTEN, 3),
        (CallTask.Status.OPEN, 1),  # not ended yet: not counted
    ):
        app = b.application(recruitment, received, stage=Stage.REJECTED, interviewed=True)
        b.call_task(app, status, attempts)
    figures = report(recruitment).total
    assert figures.interviewed_rejections_called == round(2 / 3, 4)
    assert figures.attempts_per_reached == 2.0


def test_disclosure_requests_answered_on_time(recruitment):
    app = b.application(recruitment, b.at(DAY), stage=Stage.REJECTED)
    due = dt.date(2026, 11, 20)
    b.disclosure(app, due, answered=b.at(due, 23, 30))  # on the day, late in the evening
    b.disclosure(
        b.application(recruitment, b.at(DAY)), due, answered=b.at(dt.date(2026, 11, 21), 8)
    )
    b.disclosure(b.application(recruitment, b.at(DAY)), due)  # open, late
    b.disclosure(b.application(recruitment, b.at(DAY)), dt.date(2026, 12, 10))  # open, ahead
    assert report(recruitment).total.disclosure_on_time == round(1 / 3, 4)


def test_survey_rate_cnps_and_splits_only_from_five_answers(recruitment):
    final = b.at(dt.date(2026, 11, 20))
    scores = [10, 9, 9, 7, 3, 10]  # called: 6 answers, 3 promoters... see below
    for score in scores:
        app = b.application(recruitment, b.at(DAY), stage=Stage.REJECTED, final_at=final)
        b.survey(app, score, outcome="rejected", channel="call")
    for score in (2, 10, 6, 8):  # written: 4 answers, a group too small to show
        app = b.application(recruitment, b.at(DAY), stage=Stage.REJECTED, final_at=final)
        b.survey(app, score, outcome="rejected", channel="written", clear_reason="no")
    for _ in range(10):  # told, no answer
        b.application(recruitment, b.at(DAY), stage=Stage.REJECTED, final_at=final)
    b.application(recruitment, b.at(DAY))  # still open: not asked yet
    figures = report(recruitment).total
    assert figures.survey_response_rate == round(10 / 20, 4)
    # All ten: promoters 10, 9, 9, 10, 10 = 5; detractors 3, 2, 6 = 3 → (5 − 3) / 10
    assert figures.cnps == 20
    call, written = figures.by_channel["call"], figures.by_channel["written"]
    # Called: promoters 4 of 6, detractor 1 → 50
    assert (call.answers, call.cnps) == (6, 50)
    assert written.answers == 4
    assert written.cnps is None and written.clear_share is None
    assert figures.by_outcome["rejected"].clear_share == 0.6


def test_cnps_is_not_shown_for_fewer_than_five_answers(recruitment):
    for score in (10, 10, 10, 10):
        app = b.application(recruitment, b.at(DAY), stage=Stage.HIRED, final_at=b.at(DAY))
        b.survey(app, score, outcome="hired", channel="call")
    figures = report(recruitment).total
    assert figures.ratings.answers == 4
    assert figures.cnps is None
    assert figures.survey_response_rate == 1.0


def test_per_recruitment_and_overall_are_counted_apart(recruitment, second):
    received = b.at(DAY, 9)
    b.acknowledged(b.application(recruitment, received), received + dt.timedelta(minutes=10))
    b.acknowledged(b.application(second, received), received + dt.timedelta(hours=5))
    b.acknowledged(b.application(second, received), received + dt.timedelta(minutes=20))
    result = report(recruitment, second)
    assert result.per_recruitment[recruitment.pk].acknowledged_within_1h == 1.0
    assert result.per_recruitment[second.pk].acknowledged_within_1h == 0.5
    assert result.total.acknowledged_within_1h == round(2 / 3, 4)
    assert result.per_recruitment[second.pk].median_hours_to_ack == round(2.5 + 1 / 6, 2)
    assert result.total.median_hours_to_ack == round(20 / 60, 2)


def test_the_period_is_that_of_the_applications(recruitment):
    b.application(recruitment, b.at(dt.date(2026, 10, 31), 23, 30))
    inside = b.application(recruitment, b.at(dt.date(2026, 11, 1), 0, 10))
    b.promise(inside, dt.date(2026, 11, 10), closed=b.at(DAY), outcome="kept")
    b.application(recruitment, b.at(dt.date(2026, 11, 30), 23, 50))
    b.application(recruitment, b.at(dt.date(2026, 12, 1), 0, 5))
    figures = report(
        recruitment, period=Period(start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 30))
    ).total
    assert figures.applications == 2
    assert figures.promises_kept == 1.0


def _populate(recruitment, n: int) -> None:
    final = b.at(dt.date(2026, 11, 20))
    for i in range(n):
        app = b.application(
            recruitment, b.at(DAY), stage=Stage.REJECTED, final_at=final, interviewed=True
        )
        b.acknowledged(app, b.at(DAY, 9, 5))
        b.promise(app, dt.date(2026, 11, 20), closed=final, outcome=Promise.Outcome.KEPT)
        b.call_task(app, CallTask.Status.DONE, 2)
        b.disclosure(app, dt.date(2026, 11, 30), answered=final)
        b.survey(app, i % 11, outcome="rejected", channel="call")


def test_the_number_of_queries_does_not_grow_with_the_data(recruitment, second):
    _populate(recruitment, 2)
    with CaptureQueriesContext(connection) as small:
        report(recruitment, second)
    _populate(recruitment, 12)
    _populate(second, 7)
    with CaptureQueriesContext(connection) as large:
        result = report(recruitment, second)
    assert len(large) == len(small) == 11
    assert result.total.applications == 21


def test_the_channel_split_is_that_of_the_no(recruitment):
    final = b.at(dt.date(2026, 11, 20))
    for _ in range(5):
        app = b.application(recruitment, b.at(DAY), stage=Stage.HIRED, final_at=final)
        b.survey(app, 10, outcome="hired", channel="written")
    figures = report(recruitment).total
    assert figures.ratings.answers == 5
    assert figures.by_outcome["hired"].cnps == 100
    assert "written" not in figures.by_channel
