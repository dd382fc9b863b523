"""``waiting_for``: Swedish working days, and which escalation belongs to which promise."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from aterkoppla.applications.promises import promise_escalate
from aterkoppla.applications.services import application_move
from aterkoppla.dashboard.selectors import waiting_for
from aterkoppla.dashboard.tests.helpers import TODAY, receive

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]


def _due(owner, today: dt.date) -> list[str]:
    return [
        r.application.candidate.full_name for r in waiting_for(owner, today=today).due_soon.rows
    ]


def test_due_soon_counts_working_days_over_a_weekend(owner, recruitment):
    receive(recruitment, owner, "Tisdag Första", reply_by=dt.date(2026, 12, 1))
    receive(recruitment, owner, "Onsdag Andra", reply_by=dt.date(2026, 12, 2))
    friday = dt.date(2026, 11, 27)
    # Friday + 2 working days is Tuesday: the weekend does not count.
    assert waiting_for(owner, today=friday).due_by == dt.date(2026, 12, 1)
    assert _due(owner, friday) == ["Tisdag Första"]


def test_due_soon_skips_christmas(owner, recruitment):
    receive(recruitment, owner, "Tisdag Mellandagar", reply_by=dt.date(2026, 12, 29))
    receive(recruitment, owner, "Onsdag Mellandagar", reply_by=dt.date(2026, 12, 30))
    # From Wednesday 23 December: julafton, juldagen and the weekend are not working days.
    day = dt.date(2026, 12, 23)
    assert waiting_for(owner, today=day).due_by == dt.date(2026, 12, 29)
    assert _due(owner, day) == ["Tisdag Mellandagar"]


def test_a_promise_due_today_is_due_soon_not_broken(owner, recruitment):
    receive(recruitment, owner, "Tove Idag", reply_by=TODAY)
    result = waiting_for(owner, today=TODAY)
    assert (result.due_soon.total, result.broken.total) == (1, 0)
    tomorrow = waiting_for(owner, today=TODAY + dt.timedelta(days=1))
    assert (tomorrow.due_soon.total, tomorrow.broken.total) == (0, 1)
    assert tomorrow.broken.rows[0].days == 1


def test_an_escalation_of_an_earlier_promise_does_not_mark_a_new_one(owner, recruitment):
    application = receive(recruitment, owner, "Lena Sen", reply_by=dt.date(2026, 11, 20))
    promise_escalate(
        application=application, broken=application.reply_by, reason="policy", now=timezone.now()
    )
    assert waiting_for(owner).broken.rows[0].escalated
    # A new date is promised today, and that one is broken too in a week.
    application_move(application=application, to_stage="screening", by=owner, reply_by=TODAY)
    with time_machine.travel(dt.datetime(2026, 12, 2, 10, 0, tzinfo=dt.UTC)):
        row = waiting_for(owner).broken.rows[0]
        assert row.application.pk == application.pk
        assert row.days == 7
        assert not row.escalated


def test_inactive_users_see_nothing(owner, member, recruitment):
    receive(recruitment, owner, "Lena Sen", reply_by=dt.date(2026, 11, 20))
    assert waiting_for(member).broken.total == 1
    member.is_active = False
    assert waiting_for(member).broken.total == 0
