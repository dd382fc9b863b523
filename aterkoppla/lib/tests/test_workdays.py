from __future__ import annotations

import datetime as dt

import pytest

from aterkoppla.lib.workdays import add_working_days, is_working_day, working_days_between


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (dt.date(2026, 11, 25), True),  # a Wednesday
        (dt.date(2026, 11, 28), False),  # Saturday
        (dt.date(2026, 12, 24), False),  # julafton
        (dt.date(2026, 12, 31), False),  # nyårsafton
        (dt.date(2026, 6, 19), False),  # midsommarafton
        (dt.date(2026, 6, 6), False),  # nationaldagen (a Saturday anyway)
        (dt.date(2027, 1, 6), False),  # trettondedag jul
        (dt.date(2026, 4, 3), False),  # långfredagen
        (dt.date(2026, 4, 7), True),  # Tuesday after Easter
    ],
)
def test_swedish_working_days(day, working):
    assert is_working_day(day) is working


def test_add_working_days_skips_weekends_and_holidays():
    # Friday 18 December + 5 working days: 21, 22, 23, (24, 25, 26, 27 closed), 28, 29.
    assert add_working_days(dt.date(2026, 12, 18), 5) == dt.date(2026, 12, 29)
    assert add_working_days(dt.date(2026, 11, 25), 0) == dt.date(2026, 11, 25)


def test_add_working_days_refuses_negative():
    with pytest.raises(ValueError):
        add_working_days(dt.date(2026, 11, 25), -1)


def test_working_days_between():
    assert working_days_between(dt.date(2026, 11, 27), dt.date(2026, 11, 30)) == 1
    assert working_days_between(dt.date(2026, 11, 30), dt.date(2026, 11, 27)) == 0
