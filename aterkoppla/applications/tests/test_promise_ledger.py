"""The promise ledger: each answer date given, and whether the news came by it (DESIGN §10)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from aterkoppla.applications.models import Application, Promise
from aterkoppla.applications.services import (
    application_answered,
    application_move,
    application_receive,
    applications_close,
)
from aterkoppla.applications.sweeps import promises

STOCKHOLM = ZoneInfo("Europe/Stockholm")
Stage = Application.Stage
Outcome = Promise.Outcome


def at(month: int, day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=STOCKHOLM)


def ledger(application: Application) -> list[tuple[dt.date, str, bool]]:
    return [
        (p.due, p.outcome, p.closed_at is None)
        for p in Promise.objects.filter(application=application).order_by("given_at", "pk")
    ]


@pytest.fixture
def received(recruitment, owner):
    with time_machine.travel(at(11, 2), tick=False):
        return application_receive(
            recruitment=recruitment,
            first_name="Sara",
            last_name="Ek",
            email="sara.ek@example.se",
            by=owner,
        )


def test_receiving_gives_the_first_promise(received):
    assert ledger(received) == [(received.reply_by, "", True)]


def test_a_stage_change_keeping_the_date_is_the_same_promise(received, owner):
    with time_machine.travel(at(11, 4), tick=False):
        application_move(application=received, to_stage=Stage.SCREENING, by=owner)
    assert ledger(received) == [(received.reply_by, "", True)]


def test_a_new_date_before_the_old_one_keeps_it(received, owner):
    first = received.reply_by
    with time_machine.travel(at(11, 4), tick=False):
        application_move(
            application=received,
            to_stage=Stage.INTERVIEW,
            by=owner,
            reply_by=dt.date(2026, 12, 22),
        )
    assert ledger(received) == [
        (first, Outcome.KEPT, False),
        (dt.date(2026, 12, 22), "", True),
    ]


def test_an_automatic_new_date_after_the_promise_passed_breaks_it(received):
    first = received.reply_by
    moment = dt.datetime.combine(first + dt.timedelta(days=1), dt.time(8), tzinfo=STOCKHOLM)
    with time_machine.travel(moment, tick=False):
        promises(moment)
    received.refresh_from_db()
    assert ledger(received) == [(first, Outcome.BROKEN, False), (received.reply_by, "", True)]


def test_the_final_answer_keeps_or_breaks_the_promise_in_force(recruitment, owner, received):
    with time_machine.travel(at(11, 2), tick=False):
        late = application_receive(
            recruitment=recruitment, first_name="Olle", last_name="Berg", email="o@example.se"
        )
    with time_machine.travel(at(11, 20), tick=False):
        applications_close(applications=[received], outcome=Stage.REJECTED, by=owner)
    moment = dt.datetime.combine(late.reply_by, dt.time(23, 30), tzinfo=STOCKHOLM)
    Application.objects.filter(pk=late.pk).update(reply_by=late.reply_by)
    with time_machine.travel(moment + dt.timedelta(hours=1), tick=False):
        # Past midnight: the day after the date, and no sweep ran in between.
        applications_close(applications=[late], outcome=Stage.REJECTED, by=owner)
    assert ledger(received)[0][1] == Outcome.KEPT
    assert ledger(late)[0][1] == Outcome.BROKEN


def test_a_withdrawal_voids_the_promise(received, owner):
    applications_close(applications=[received], outcome=Stage.WITHDRAWN, by=None, by_candidate=True)
    assert ledger(received)[0][1] == Outcome.VOID


def test_a_rejection_owed_a_call_keeps_the_promise_open_until_the_call(received, owner):
    with time_machine.travel(at(11, 20), tick=False):
        applications_close(
            applications=[received], outcome=Stage.REJECTED, by=owner, answered=False
        )
    assert ledger(received)[0][2] is True
    application_answered(application=received, at=at(11, 23))
    assert ledger(received)[0][1] == Outcome.KEPT
    # Told once: a second answer changes nothing.
    application_answered(application=received, at=at(12, 30))
    assert ledger(received)[0][1] == Outcome.KEPT
