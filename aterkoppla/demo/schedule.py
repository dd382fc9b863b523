"""When things happened in the demo: a calendar relative to today, with nothing in the future.

Applications arrive at any hour on any day; the team works on Swedish working days. A step
is placed on the working day it aims at, but never later than the last working day before
today (a busy week squeezes into fewer days) and always after the step before it, so the
history keeps its order on any day of the year: around Christmas, at Easter, on a night
the clocks change.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from aterkoppla.lib.workdays import add_working_days, is_working_day

# Between two steps of the same application, when they fall on the same day.
GAP = dt.timedelta(minutes=10)


class OutOfTime(RuntimeError):
    """A step of the demo's history would happen now or later: the data asks for too much."""


def previous_working_day(day: dt.date) -> dt.date:
    """The last working day before ``day``."""
    day -= dt.timedelta(days=1)
    while not is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


class Clock:
    """Moments in the past, relative to ``now``, in the current time zone."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now
        self.today = timezone.localdate(now)
        self.last_working_day = previous_working_day(self.today)

    def at(self, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
        # Steps happen between 07 and 22, never in the hour the clocks skip.
        return dt.datetime.combine(
            day, dt.time(hour, minute), tzinfo=timezone.get_current_timezone()
        )

    def days_ago(self, days: int) -> dt.date:
        return self.today - dt.timedelta(days=days)

    def working_days_ago(self, count: int) -> dt.date:
        """The ``count``-th working day before today (1 is the last one)."""
        day = self.today
        for _ in range(count):
            day = previous_working_day(day)
        return day

    def working_days_after(self, day: dt.date, count: int) -> dt.date:
        return add_working_days(day, count)

    def office(
        self, day: dt.date, hour: int, minute: int = 0, *, after: dt.datetime
    ) -> dt.datetime:
        """At ``hour`` on ``day`` (the next working day if ``day`` is not one), but no later
        than the last working day before today, and after ``after``."""
        while not is_working_day(day):
            day += dt.timedelta(days=1)
        moment = self.at(min(day, self.last_working_day), hour, minute)
        return self.past(max(moment, after + GAP))

    def office_before(self, day: dt.date, hour: int) -> dt.datetime:
        """At ``hour`` on ``day``, or on the working day before it if it is not one."""
        if not is_working_day(day):
            day = previous_working_day(day)
        return self.at(day, hour)

    def ahead(self, working_days: int, hour: int) -> dt.datetime:
        """A moment in the future: ``working_days`` working days from today, at ``hour``."""
        return self.at(add_working_days(self.today, working_days), hour)

    def past(self, moment: dt.datetime) -> dt.datetime:
        """``moment``, after checking that it has happened."""
        if moment >= self.now:
            raise OutOfTime(f"A demo step at {moment.isoformat()} is not in the past.")
        return moment
