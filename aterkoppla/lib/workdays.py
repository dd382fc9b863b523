"""Swedish working days.

A working day is Monday to Friday, except Swedish public holidays and the three eves that
Swedish working life treats as holidays (midsommarafton, julafton, nyårsafton — they count
as Sundays under semesterlagen 3 a §, although they are not public holidays by law).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _closed_days(year: int) -> frozenset[dt.date]:
    public = holidays.country_holidays("SE", years=year, include_sundays=False)
    days = set(public.keys())
    for day, name in public.items():
        if "Midsummer Day" in name or "Midsommardagen" in name:
            days.add(day - dt.timedelta(days=1))
    days.add(dt.date(year, 12, 24))
    days.add(dt.date(year, 12, 31))
    return frozenset(days)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _closed_days(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """Return the date ``days`` working days after ``start`` (``start`` itself not counted)."""
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    remaining = days
    while remaining:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Count working days after ``start`` up to and including ``end`` (0 when end <= start)."""
    count = 0
    current = start
    while current < end:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count
