"""The demo's calendar: a history that fits before now on every day of the year.

Planning writes nothing, so these tests need no database: they plan the four recruitments at
three times of day on every day of a year, holidays and clock changes included.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from aterkoppla.demo.build import History
from aterkoppla.demo.recruitments import RECRUITMENTS
from aterkoppla.demo.schedule import Clock, OutOfTime
from aterkoppla.lib.workdays import is_working_day

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _moments(year: int) -> list[dt.datetime]:
    day, end = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    moments = []
    while day < end:
        for hour, minute in ((0, 5), (7, 0), (23, 55)):
            moments.append(dt.datetime.combine(day, dt.time(hour, minute), tzinfo=STOCKHOLM))
        day += dt.timedelta(days=1)
    return moments


def test_every_history_fits_before_now_on_any_day_of_the_year():
    for now in _moments(2027):
        clock = Clock(now)
        for spec in RECRUITMENTS:
            history = History(spec, clock=clock, people={})
            published = history.steps[0].at
            assert all(published <= step.at < now for step in history.steps), (now, spec.title)
            for track in history.tracks:
                assert published < track.received <= track.last < now, (now, track.applicant)


def test_office_work_is_on_a_working_day_before_today():
    clock = Clock(dt.datetime(2026, 12, 27, 23, 45, tzinfo=STOCKHOLM))  # a Sunday, Christmas
    assert clock.last_working_day == dt.date(2026, 12, 23)
    start = clock.at(dt.date(2026, 12, 1), 9)
    # Aimed at a holiday: the next working day; aimed past the last working day: that day.
    assert clock.office(dt.date(2026, 12, 5), 10, after=start).date() == dt.date(2026, 12, 7)
    assert clock.office(dt.date(2026, 12, 28), 10, after=start).date() == dt.date(2026, 12, 23)
    # Always after the step before, even when that pushes it later in the day.
    after = clock.at(dt.date(2026, 12, 23), 15)
    moment = clock.office(dt.date(2026, 12, 23), 10, after=after)
    assert moment > after and is_working_day(moment.date())


def test_a_step_that_would_not_have_happened_yet_is_refused():
    now = dt.datetime(2026, 3, 10, 10, 30, tzinfo=STOCKHOLM)
    with pytest.raises(OutOfTime):
        Clock(now).past(now)
