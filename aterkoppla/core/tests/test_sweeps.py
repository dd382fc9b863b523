"""Scheduled work has owners: each app registers its sweeps; the worker runs them all."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection

from aterkoppla.core import sweeps as registry
from aterkoppla.core.sweeps import sweep, sweeps, sweeps_run

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered():
    """Sweeps registered for one test only."""
    before = dict(registry._SWEEPS)
    yield
    registry._SWEEPS.clear()
    registry._SWEEPS.update(before)


def test_each_app_registers_its_sweeps_in_its_own_module():
    found = {item.name: item.run.__module__ for item in sweeps()}
    assert found["promises"] == "aterkoppla.applications.sweeps"


def test_every_registered_sweep_runs_and_one_failing_does_not_stop_the_others(registered):
    ran: list[str] = []

    @sweep("test-first")
    def first(now: dt.datetime) -> str:
        ran.append("first")
        raise RuntimeError("broken")

    @sweep("test-second")
    def second(now: dt.datetime) -> str:
        ran.append("second")
        return "done"

    results = sweeps_run()
    assert ran == ["first", "second"]
    assert isinstance(results["test-first"], RuntimeError)
    assert results["test-second"] == "done"
    assert "promises" in results


def test_worker_once_runs_every_sweep(registered, smtp_server):
    ran: list[dt.datetime] = []
    sweep("test-once")(ran.append)
    call_command("worker", "--once")
    assert len(ran) == 1


def test_a_sweep_name_is_registered_once(registered):
    sweep("test-twice")(lambda now: None)
    with pytest.raises(ValueError, match="twice"):
        sweep("test-twice")(lambda now: None)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="synchronous_commit is PostgreSQL's")
def test_relaxed_commits_end_with_delivery(registered, smtp_server, application):
    """Delivery records may skip waiting for the disk; what a sweep writes may not."""
    from aterkoppla.messaging.worker import Worker

    seen: list[str] = []

    def setting(now: dt.datetime) -> None:
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            seen.append(cursor.fetchone()[0])

    sweep("test-commit-setting")(setting)
    Worker().deliver_batch()
    sweeps_run()
    assert seen == ["on"]
