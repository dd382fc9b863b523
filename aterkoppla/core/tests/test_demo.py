from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application, Candidate
from aterkoppla.recruitment.models import Criterion, Recruitment, TeamMembership
from aterkoppla.recruitment.selectors import recruitments_for_user
from aterkoppla.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db

# A Tuesday; the demo's dates are relative to it.
NOW = dt.datetime(2026, 3, 10, 10, 30, tzinfo=ZoneInfo("Europe/Stockholm"))
TODAY = NOW.date()
BACKEND = "Backend-utvecklare (Python/Django)"
WAREHOUSE = "Lagerarbetare till vårt lager i Jönköping"
ALL_TITLES = {
    WAREHOUSE,
    BACKEND,
    "Ekonomiassistent",
    "Customer Support Specialist (English-speaking)",
}


def _demo() -> str:
    out = io.StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo() -> str:
    with time_machine.travel(NOW, tick=False):
        return _demo()


def _counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (User, Recruitment, Criterion, TeamMembership, Candidate, Application)
    } | {"TimelineEvent": TimelineEvent.objects.count()}


def test_demo_loads_recruitments_applications_and_english_candidates(demo):
    assert set(Recruitment.objects.values_list("title", flat=True)) == ALL_TITLES
    assert Application.objects.count() >= 35
    english = Candidate.objects.filter(language="en").count()
    assert 0.15 <= english / Candidate.objects.count() <= 0.3
    assert Recruitment.objects.filter(language="en").count() == 1
    assert "Demo data loaded: 4 recruitments" in demo


def test_every_recruitment_has_a_profile_tied_to_its_job_tasks(demo):
    for recruitment in Recruitment.objects.all():
        criteria = list(recruitment.criteria.all())
        assert 4 <= len(criteria) <= 6
        assert {c.kind for c in criteria} == {Criterion.Kind.MUST, Criterion.Kind.MERIT}
        assert all(c.job_task in recruitment.job_task_list() for c in criteria)
        assert all(c.description for c in criteria)
    categories = set(Criterion.objects.values_list("category", flat=True))
    assert categories == set(Criterion.Category.values)


def test_dates_are_relative_to_today(demo):
    for recruitment in Recruitment.objects.all():
        assert recruitment.first_reply_by > recruitment.application_deadline
        if recruitment.status == Recruitment.Status.OPEN:
            assert TODAY < recruitment.application_deadline <= TODAY + dt.timedelta(weeks=3)
        else:
            assert recruitment.application_deadline < TODAY
    assert not Application.objects.filter(received_at__gte=NOW).exists()


def test_every_open_application_has_a_promise_that_has_not_passed(demo):
    open_applications = Application.objects.filter(stage__in=Application.OPEN_STAGES)
    assert open_applications.exists()
    for application in open_applications:
        assert application.reply_by is not None
        assert application.reply_by >= TODAY


def test_every_final_answer_came_by_the_date_promised(demo):
    # The demo feeds the metrics page; it should not start out with broken promises.
    for application in Application.objects.exclude(stage__in=Application.OPEN_STAGES):
        answered = timezone.localtime(application.stage_changed_at).date()
        assert answered <= application.reply_by, application


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2026, 12, 27, 23, 45, tzinfo=ZoneInfo("Europe/Stockholm")),  # Christmas
        dt.datetime(2027, 3, 28, 0, 30, tzinfo=ZoneInfo("Europe/Stockholm")),  # DST night
        dt.datetime(2026, 6, 19, 7, 0, tzinfo=ZoneInfo("Europe/Stockholm")),  # midsommarafton
    ],
)
def test_demo_loads_on_any_day_with_past_receipts_and_open_promises(moment):
    with time_machine.travel(moment, tick=False):
        _demo()
        today = timezone.localdate()
    assert Application.objects.count() >= 35
    assert not Application.objects.filter(received_at__gte=moment).exists()
    open_applications = Application.objects.filter(stage__in=Application.OPEN_STAGES)
    assert all(a.reply_by >= today for a in open_applications)


def test_every_stage_occurs(demo):
    stages = set(Application.objects.values_list("stage", flat=True))
    assert stages == set(Application.Stage.values)


def test_closed_recruitment_has_hired_reserve_and_rejected(demo):
    closed = Recruitment.objects.get(status=Recruitment.Status.CLOSED)
    stages = list(closed.applications.values_list("stage", flat=True))
    assert stages.count("hired") == 1
    assert stages.count("reserve") == 1
    assert stages.count("rejected") >= 3


def test_interviewed_flag_marks_those_who_reached_interview(demo):
    for application in Application.objects.all():
        reached = application.stage in {"interview", "reserve", "offer", "hired"} or (
            application.closed_from_stage in {"interview", "reserve", "offer"}
        )
        assert application.interviewed == reached, application


def test_moves_are_made_by_the_recruiter_or_the_hiring_manager(demo):
    moves = TimelineEvent.objects.filter(kind="stage_changed")
    assert moves.exists()
    movers = set(moves.values_list("actor_user__username", flat=True))
    assert movers == {"rekryterare", "chef"}


def test_running_twice_creates_nothing_new_and_says_so(demo):
    before = _counts()
    with time_machine.travel(NOW + dt.timedelta(days=1), tick=False):
        output = _demo()
    assert _counts() == before
    assert "already loaded; nothing new was created" in output
    assert "rekryterare" in output


@pytest.mark.parametrize(
    ("username", "password", "sees"),
    [
        ("rekryterare", "demo-rekryterare", ALL_TITLES),
        ("chef", "demo-chef", ALL_TITLES),
        ("intervjuare", "demo-intervjuare", {WAREHOUSE, BACKEND}),
        ("admin", "demo-admin", ALL_TITLES),
    ],
)
def test_demo_users_can_log_in_and_see_their_recruitments(demo, client, username, password, sees):
    assert client.login(username=username, password=password)
    user = User.objects.get(username=username)
    assert set(recruitments_for_user(user).values_list("title", flat=True)) == sees


def test_only_the_admin_is_a_site_admin(demo):
    admins = User.objects.filter(is_staff=True, is_superuser=True)
    assert list(admins.values_list("username", flat=True)) == ["admin"]


def test_output_names_the_users_their_passwords_and_the_url(demo, settings):
    for username, password in [
        ("rekryterare", "demo-rekryterare"),
        ("chef", "demo-chef"),
        ("intervjuare", "demo-intervjuare"),
        ("admin", "demo-admin"),
    ]:
        assert username in demo
        assert password in demo
    assert f"{settings.SITE_URL}/login/" in demo


def test_an_existing_account_is_left_alone_and_flagged():
    User.objects.create_user(username="admin", password="my-own-password")
    with time_machine.travel(NOW, tick=False):
        output = _demo()
    admin = User.objects.get(username="admin")
    assert admin.check_password("my-own-password")
    assert not admin.is_superuser
    assert "“admin” existed before the demo" in output


def test_demo_has_assessments_to_compare(demo):
    from aterkoppla.assessment.models import Scorecard, Screening

    warehouse = Application.objects.filter(recruitment__title=WAREHOUSE)
    interviewed = warehouse.filter(interviewed=True)
    assert interviewed.count() == 4
    assert Scorecard.objects.filter(interview__application__in=interviewed).count() >= 7
    assert Screening.objects.filter(application__in=warehouse).exists()
    for application in interviewed:
        assert application.interviews.get().held_at is not None
