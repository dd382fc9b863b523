"""``aterkoppla demo``: loading on any day, loading twice, next to accounts that exist."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application, Candidate
from aterkoppla.assessment.models import Interview, Rating, Scorecard, Screening
from aterkoppla.decisions.models import CallAttempt, CallTask, Decision, DecisionItem
from aterkoppla.demo.tests.helpers import ALL_TITLES, FINANCE, NOW, PLANNER, run_demo
from aterkoppla.messaging.models import Message, PortalToken
from aterkoppla.recruitment.models import Criterion, ProfileVersion, Recruitment, TeamMembership
from aterkoppla.recruitment.services import recruitment_update
from aterkoppla.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db

STOCKHOLM = ZoneInfo("Europe/Stockholm")
COUNTED = (
    User,
    Recruitment,
    Criterion,
    ProfileVersion,
    TeamMembership,
    Candidate,
    Application,
    Screening,
    Interview,
    Scorecard,
    Rating,
    Decision,
    DecisionItem,
    CallTask,
    CallAttempt,
    Message,
    PortalToken,
    TimelineEvent,
)


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.fixture
def loaded() -> str:
    with time_machine.travel(NOW, tick=False):
        return run_demo()


def test_a_second_run_only_looks_creates_nothing_new_and_says_so(
    loaded, django_assert_max_num_queries
):
    # `serve --demo` runs it on every start: one look at the recruitments, one per user.
    before = _counts()
    with (
        time_machine.travel(NOW + dt.timedelta(days=1), tick=False),
        django_assert_max_num_queries(8),
    ):
        output = run_demo()
    assert _counts() == before
    assert "already loaded; nothing new was created" in output
    assert "rekryterare" in output


def test_a_missing_demo_recruitment_is_added_again(loaded):
    # A demo recruitment is known by its title: one renamed by a user counts as missing.
    finance = Recruitment.objects.get(title=FINANCE)
    recruitment_update(recruitment=finance, by=finance.owner, title="Ekonomiassistent 2026")
    before = Application.objects.count()
    with time_machine.travel(NOW + dt.timedelta(hours=2), tick=False):
        output = run_demo()
    titles = set(Recruitment.objects.values_list("title", flat=True))
    assert titles == ALL_TITLES | {"Ekonomiassistent 2026"}
    assert Application.objects.count() == before + 10
    assert f"Created “{FINANCE}” with 10 applications." in output
    assert "Already there, left as they were" in output


def test_an_existing_account_is_left_alone_and_flagged():
    User.objects.create_user(username="admin", password="my-own-password")
    with time_machine.travel(NOW, tick=False):
        output = run_demo()
    admin = User.objects.get(username="admin")
    assert admin.check_password("my-own-password")
    assert not admin.is_superuser
    assert "“admin” existed before the demo" in output


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2026, 12, 27, 23, 45, tzinfo=STOCKHOLM),  # Christmas
        # Calendars only: the PostgreSQL pass keeps the two moments near midnight and DST.
        pytest.param(
            dt.datetime(2027, 1, 4, 7, 0, tzinfo=STOCKHOLM),  # after New Year: few working days
            marks=pytest.mark.once,
        ),
        dt.datetime(2027, 3, 28, 0, 30, tzinfo=STOCKHOLM),  # DST night, Easter Sunday
        pytest.param(
            dt.datetime(2026, 6, 19, 7, 0, tzinfo=STOCKHOLM),  # midsommarafton
            marks=pytest.mark.once,
        ),
    ],
)
def test_demo_loads_on_any_day_with_past_receipts_and_open_promises(moment):
    with time_machine.travel(moment, tick=False):
        run_demo()
        today = timezone.localdate()
    assert Application.objects.count() >= 35
    assert not Application.objects.filter(received_at__gte=moment).exists()
    assert not TimelineEvent.objects.filter(at__gte=moment).exists()
    open_applications = Application.objects.filter(stage__in=Application.OPEN_STAGES)
    assert all(a.reply_by >= today for a in open_applications)
    # Every promise kept, except by the team the figures page shows letting its dates pass.
    closed = Application.objects.exclude(stage__in=Application.OPEN_STAGES)
    for application in closed.exclude(recruitment__title=PLANNER):
        answered = timezone.localtime(application.stage_changed_at).date()
        assert answered <= application.reply_by, application
    late = [
        application
        for application in closed.filter(recruitment__title=PLANNER)
        if timezone.localtime(application.stage_changed_at).date() > application.reply_by
    ]
    assert len(late) >= 8
