"""What the loaded demo shows, and that the product made all of it.

The demo is loaded once for this module (it takes a few seconds) and each test only reads
it: every test runs in a savepoint inside the load's transaction, which is rolled back after
the last one. Loading itself (twice, on odd days, next to existing accounts) is tested in
``test_demo_command.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
import time_machine
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application, Candidate
from aterkoppla.assessment.models import Interview, Scorecard, Screening
from aterkoppla.decisions.models import CallAttempt, CallTask, DecisionItem
from aterkoppla.decisions.services import RejectionInput, decision_plan
from aterkoppla.demo.build import DELIVERY_DELAY
from aterkoppla.demo.tests.helpers import (
    ALL_TITLES,
    BACKEND,
    EVENING_SHIFT,
    FINANCE,
    NOW,
    PLANNER,
    TODAY,
    WAREHOUSE,
    run_demo,
)
from aterkoppla.language.models import LanguageOverride
from aterkoppla.messaging.links import portal_url_create
from aterkoppla.messaging.models import STAFF_KINDS, Kind, Message
from aterkoppla.recruitment.models import Criterion, Recruitment
from aterkoppla.recruitment.selectors import recruitments_for_user
from aterkoppla.timeline.models import TimelineEvent
from aterkoppla.timeline.registry import kind_get

pytestmark = pytest.mark.django_db

Stage = Application.Stage


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker) -> Iterator[str]:
    """The demo as loaded at NOW, and what the command printed."""
    with django_db_blocker.unblock(), transaction.atomic():
        with time_machine.travel(NOW, tick=False):
            output = run_demo()
        yield output
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded: str) -> Iterator[str]:
    # Read at the moment the demo was loaded, so "today" is the demo's today.
    with time_machine.travel(NOW + dt.timedelta(minutes=1), tick=False):
        yield loaded


def _application(first_name: str, title: str = WAREHOUSE) -> Application:
    return Application.objects.select_related("candidate").get(
        candidate__first_name=first_name, recruitment__title=title
    )


# --- What it shows (kept from the demo written into the tables) ------------------------------


def test_demo_loads_recruitments_applications_and_english_candidates(demo):
    assert set(Recruitment.objects.values_list("title", flat=True)) == ALL_TITLES
    assert Application.objects.count() >= 35
    english = Candidate.objects.filter(language="en").count()
    assert 0.15 <= english / Candidate.objects.count() <= 0.3
    assert Recruitment.objects.filter(language="en").count() == 1
    assert "Demo data loaded: 6 recruitments" in demo


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
        # Published before the first application arrived.
        assert (
            recruitment.published_at < recruitment.applications.earliest("received_at").received_at
        )
    assert not Application.objects.filter(received_at__gte=NOW).exists()


def test_nothing_is_dated_in_the_future_but_the_interview_booked_ahead(demo):
    assert not TimelineEvent.objects.filter(at__gte=NOW).exists()
    assert not Message.objects.filter(created_at__gte=NOW).exists()
    assert not CallAttempt.objects.filter(at__gte=NOW).exists()
    ahead = Interview.objects.filter(scheduled_at__gte=NOW)
    assert [i.application.candidate.full_name for i in ahead] == ["Wei Chen"]


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


def test_every_stage_occurs(demo):
    stages = set(Application.objects.values_list("stage", flat=True))
    assert stages == set(Stage.values)


def test_decided_recruitment_has_hired_reserve_and_rejected(demo):
    decided = Recruitment.objects.get(status=Recruitment.Status.DECIDED)
    assert decided.title == FINANCE
    stages = list(decided.applications.values_list("stage", flat=True))
    assert stages.count("hired") == 1
    assert stages.count("reserve") == 1
    assert stages.count("rejected") >= 3


def test_statuses_follow_the_decisions(demo):
    # Closed for applications after the deadline, then decided by the hire; the reserve has
    # no final answer yet, so it is not completed. The others have no hire.
    for recruitment in Recruitment.objects.all():
        hired = recruitment.applications.filter(stage=Application.Stage.HIRED).exists()
        if hired:
            assert recruitment.status in {"decided", "completed"}, recruitment
        else:
            assert recruitment.status in {"open", "closed"}, recruitment
    finance = Recruitment.objects.get(title=FINANCE)
    moves = TimelineEvent.objects.filter(recruitment=finance, kind="recruitment_status")
    assert [(e.data["from"], e.data["to"]) for e in moves.order_by("at", "id")] == [
        ("draft", "open"),
        ("open", "closed"),
        ("closed", "decided"),
    ]


def test_interviewed_means_an_interview_was_held(demo):
    # The demo used to set the flag for everyone who reached the interview stage. The product
    # sets it when an interview is held; Wei Chen's interview is booked for tomorrow, so he
    # is invited and not yet interviewed (a rejection now would reach him in writing).
    not_yet = []
    for application in Application.objects.select_related("candidate"):
        held = application.interviews.filter(held_at__isnull=False).exists()
        assert application.interviewed == held, application
        if application.invited_to_interview and not held:
            not_yet.append(application.candidate.full_name)
    assert not_yet == ["Wei Chen"]


def test_moves_are_made_by_the_recruiter_the_hiring_manager_or_the_candidate(demo):
    moves = TimelineEvent.objects.filter(kind="stage_changed")
    staff = moves.filter(actor=TimelineEvent.Actor.USER)
    assert set(staff.values_list("actor_user__username", flat=True)) == {"rekryterare", "chef"}
    # New: a candidate withdrew on their own page; the product records that as theirs.
    by_candidate = moves.filter(actor=TimelineEvent.Actor.CANDIDATE)
    assert by_candidate.exists()
    assert {event.data["to"] for event in by_candidate} == {Stage.WITHDRAWN}
    assert not moves.filter(actor=TimelineEvent.Actor.SYSTEM).exists()


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
    # Through the login page, as a person logs in (the lock-out needs the request).
    response = client.post(reverse("accounts:login"), {"username": username, "password": password})
    assert response.status_code == 302
    user = User.objects.get(username=username)
    assert set(recruitments_for_user(user).values_list("title", flat=True)) == sees


def test_only_the_admin_is_a_site_admin(demo):
    admins = User.objects.filter(is_staff=True, is_superuser=True)
    assert list(admins.values_list("username", flat=True)) == ["admin"]


def test_the_team_was_there_before_the_first_recruitment(demo):
    first = Recruitment.objects.earliest("created_at").created_at
    assert all(user.date_joined < first for user in User.objects.all())


def test_output_names_the_users_their_passwords_and_the_url(demo, settings):
    for username, password in [
        ("rekryterare", "demo-rekryterare"),
        ("chef", "demo-chef"),
        ("intervjuare", "demo-intervjuare"),
        ("admin", "demo-admin"),
    ]:
        assert username in demo
        assert password in demo
    assert f"{settings.SITE_URL}/account/login/" in demo


def test_demo_has_assessments_to_compare(demo):
    warehouse = Application.objects.filter(recruitment__title=WAREHOUSE)
    interviewed = warehouse.filter(interviewed=True)
    assert interviewed.count() == 4
    assert Scorecard.objects.filter(interview__application__in=interviewed).count() >= 7
    assert Screening.objects.filter(application__in=warehouse).exists()
    for application in interviewed:
        assert application.interviews.get().held_at is not None
    # One interviewer has not scored yet: the comparison shows a missing scorecard.
    assert any(
        interview.scorecards.count() < interview.interviewers.count()
        for interview in Interview.objects.filter(held_at__isnull=False)
    )


# --- Made by the product: the rules hold because the services made every row ----------------


def test_every_rejection_was_decided(demo):
    for application in Application.objects.filter(stage=Stage.REJECTED):
        item = application.decision_items.get()
        assert item.result == DecisionItem.Result.REJECTED


def test_hire_and_reserve_were_decided(demo):
    results = set(
        DecisionItem.objects.exclude(result=DecisionItem.Result.REJECTED).values_list(
            "application__stage", "result"
        )
    )
    assert results == {(Stage.HIRED, "hired"), (Stage.RESERVE, "reserve")}


def test_interviewed_and_rejected_are_called_and_sent_no_rejection(demo):
    rejected = Application.objects.filter(stage=Stage.REJECTED, interviewed=True)
    # Finance's two and backend's one, and the five of each recruitment finished months ago.
    assert rejected.count() == 13
    for application in rejected:
        task = application.call_task
        assert task.item.decisive_criteria.exists()
        assert task.item.explanation
        assert not application.messages.filter(kind=Kind.REJECTION).exists()


def test_rejected_without_an_interview_are_answered_in_writing_and_not_called(demo):
    rejected = Application.objects.filter(stage=Stage.REJECTED, interviewed=False)
    assert rejected.count() >= 5
    for application in rejected:
        assert not CallTask.objects.filter(application=application).exists()
        assert application.messages.filter(kind=Kind.REJECTION).count() == 1
        assert application.rejection_reason, "the written rejection says why"


def test_no_one_is_scored_without_being_interviewed(demo):
    scored = Application.objects.filter(interviews__scorecards__isnull=False).distinct()
    assert scored.exists()
    assert not scored.filter(interviewed=False).exists()
    assert not Application.objects.filter(
        stage__in=Application.INVITED_STAGES,
        interviews__scorecards__isnull=False,
        interviewed=False,
    ).exists()


def test_every_timeline_event_has_the_shape_its_kind_declares(demo):
    events = list(TimelineEvent.objects.all())
    assert len(events) > 300
    for event in events:
        kind_get(event.kind).check(event.data)


def test_the_demo_texts_pass_the_language_check_without_being_kept_over_it(demo):
    assert not LanguageOverride.objects.exists()
    assert not Message.objects.filter(status=Message.Status.HELD).exists()


def test_calls_are_shown_finished_and_still_to_make(demo):
    done = CallTask.objects.filter(status=CallTask.Status.DONE)
    # Finance's two; the evening shift reached all five; the planner three of five, and
    # wrote to the other two after unanswered calls.
    assert done.count() == 2 + 5 + 3
    assert CallTask.objects.filter(status=CallTask.Status.WRITTEN).count() == 2
    assert all(task.attempts.filter(outcome=CallAttempt.Outcome.REACHED).exists() for task in done)
    # A written summary was asked for in one call, and sent.
    assert Message.objects.filter(kind=Kind.CALL_SUMMARY, status=Message.Status.SENT).count() == 1
    still = CallTask.objects.get(status=CallTask.Status.OPEN)
    assert still.application.recruitment.title == BACKEND
    assert still.due > TODAY
    assert still.attempts.get().outcome == CallAttempt.Outcome.VOICEMAIL


def test_the_warehouse_is_left_for_the_user_to_decide(demo):
    warehouse = Recruitment.objects.get(title=WAREHOUSE)
    assert not warehouse.applications.filter(stage=Stage.HIRED).exists()
    assert not CallTask.objects.filter(application__recruitment=warehouse).exists()
    gunnel = _application("Gunnel")
    assert gunnel.candidate.email == ""
    assert gunnel.source == Application.Source.MANUAL
    assert gunnel.marked_for_rejection and gunnel.rejection_reason
    # Deciding it would give the interviewed a call, Gunnel a letter and the rest an email
    # (checked without recording anything).
    interviewed = warehouse.applications.filter(interviewed=True, stage=Stage.INTERVIEW)
    must = warehouse.criteria.filter(kind=Criterion.Kind.MUST).first()
    rejections = [
        RejectionInput(a.pk, (must.pk,), "Andra kandidater hade mer erfarenhet av lagerarbete.")
        if a.interviewed
        else RejectionInput(a.pk)
        for a in warehouse.applications.filter(stage__in=Application.OPEN_STAGES)
    ]
    plan = decision_plan(recruitment=warehouse, rejections=rejections)
    assert len(plan.calls) == interviewed.count() == 4
    assert plan.letters == 1
    assert plan.emails >= 5


def test_each_message_went_out_when_it_was_queued_in_the_candidates_language(demo):
    messages = Message.objects.select_related("application__candidate")
    assert (
        messages.filter(kind=Kind.ACKNOWLEDGEMENT).count()
        == Candidate.objects.exclude(email="").count() + 1
    )  # Ida Hedlund applied twice
    for message in messages:
        assert message.status == Message.Status.SENT, message
        # Sent minutes after it was queued, as the worker would have: not as news today.
        assert message.sent_at == message.created_at + DELIVERY_DELAY < NOW
        if message.kind == Kind.ACKNOWLEDGEMENT:
            # An acknowledgement minutes after the application, never days.
            assert message.sent_at - message.application.received_at == DELIVERY_DELAY
        if message.kind not in STAFF_KINDS:
            assert message.language == message.application.candidate.language
    assert messages.filter(language="en").exclude(kind__in=STAFF_KINDS).exists()


def test_every_candidate_booked_for_an_interview_was_invited(demo, client):
    booked = Application.objects.filter(interviews__isnull=False).distinct()
    assert booked.count() >= 10
    for application in booked:
        if not application.candidate.email:
            continue
        invitation = application.messages.get(kind=Kind.INTERVIEW_BOOKED)
        assert invitation.attachment_name == "intervju.ics"
        assert application.timeline.filter(
            kind="message_queued", data__message=invitation.pk
        ).exists()
    # Wei, booked for the next working day, reads his invitation in English.
    wei = _application("Wei", BACKEND)
    invitation = wei.messages.get(kind=Kind.INTERVIEW_BOOKED)
    interview = wei.interviews.get()
    when = timezone.localtime(interview.scheduled_at)
    assert invitation.subject == (
        f"Invitation to an interview for the {wei.recruitment.title} position"
    )
    assert f"When: {when:%A} {when.day} {when:%B %Y} at {when:%H:%M} (1 hour)" in (
        invitation.body_text
    )
    assert "Where: Huvudkontoret, Jönköping, plan 3" in invitation.body_text
    assert "You will meet: Johan Ström (hiring manager) and Leila Haddad" in (invitation.body_text)
    assert "Before the interview" not in invitation.body_text  # nothing to bring was given
    # The warehouse asks its candidates to bring their licence, in Swedish.
    warehouse = Message.objects.filter(
        kind=Kind.INTERVIEW_BOOKED, application__recruitment__title=WAREHOUSE
    ).first()
    assert "Inför intervjun: Ta med id-handling och ditt truckkort." in warehouse.body_text
    # On the candidate's own page too.
    page = client.get(portal_url_create(wei)).content.decode()
    assert invitation.subject in page


def test_withdrawals_are_confirmed(demo):
    for application in Application.objects.filter(stage=Stage.WITHDRAWN):
        assert application.messages.filter(kind=Kind.WITHDRAWAL_CONFIRMATION).count() == 1


def test_candidate_page_dates_each_message_the_day_it_was_sent(demo, client):
    sanna = _application("Sanna", FINANCE)
    response = client.get(portal_url_create(sanna))
    assert response.status_code == 200
    page = response.content.decode()
    sent = [dt.datetime.fromisoformat(value) for value in re.findall(r'datetime="([^"]+)"', page)]
    assert len(sent) == sanna.messages.count() == 5
    assert min(sent) == sanna.received_at + DELIVERY_DELAY
    assert max(sent) < NOW - dt.timedelta(days=1)
    with translation.override("sv"):
        assert formats.date_format(timezone.localtime(sanna.received_at), "j F Y") in page
    assert "Du är reserv" in page


def test_the_demo_has_contact_details_so_every_message_went_out_with_a_reply_to(demo):
    messages = Message.objects.all()
    assert messages.exists()
    assert not messages.filter(status=Message.Status.WAITING).exists()
    candidates = messages.exclude(kind__in=STAFF_KINDS).exclude(channel=Message.Channel.LETTER)
    assert set(candidates.values_list("from_address", flat=True)) == {
        "Nordlager AB <rekrytering@nordlager.example.se>"
    }
    # Rebecka owns every demo recruitment: the candidates' answers reach her.
    assert set(candidates.values_list("reply_to", flat=True)) == {
        "Rebecka Lind <rekryterare@example.se>"
    }
    for message in messages:
        assert "noreply" not in message.from_address + message.reply_to


def test_every_demo_call_sheet_reads_true_and_fits_its_job(demo):
    """Tried as a new user would: each sheet opens with what decided, never praises the
    decisive requirement, says the team's notes to the candidate as "du"/"you", uses only
    notes written for its own job, and names no employer, school, place or year of the
    person chosen."""
    from aterkoppla.decisions.call_sheets import call_sheet_for
    from aterkoppla.demo.recruitments import RECRUITMENTS

    specs = {spec.title: spec for spec in RECRUITMENTS}

    def notes(spec):
        return {*spec.strengths, *spec.tips, *spec.impressions}

    # What the team wrote for the other jobs only (a general tip may fit two jobs).
    others = {
        title: {text for other in RECRUITMENTS for text in notes(other)} - notes(spec)
        for title, spec in specs.items()
    }
    tasks = CallTask.objects.select_related("application__recruitment", "application__candidate")
    assert tasks.exists()
    gendered = re.compile(r"\b(han|hon|honom|henne|hans|hennes|he|she|him|her|his)\b", re.I)
    for task in tasks:
        application = task.application
        sheet = call_sheet_for(application)
        said = " ".join(
            [*sheet.strengths_to_open_with, *(a.answer for a in sheet.answers.values())]
        )
        decisive = [row.name for row in sheet.decisive]
        english = application.candidate.language == "en"
        opening = "What decided it" if english else "Det som avgjorde"
        assert decisive and sheet.answers["q1"].answer.startswith(opening), said
        for name in decisive:
            assert not any(name in line for line in sheet.strengths_to_open_with), name
        assert not gendered.search(said), gendered.search(said)
        assert not any(text in said for text in others[application.recruitment.title])
        hired = Application.objects.filter(
            recruitment=application.recruitment, stage=Application.Stage.HIRED
        )
        for person in hired:
            for merit in person.merits.all():
                for detail in (
                    merit.organisation,
                    str(merit.from_year or ""),
                    person.candidate.last_name,
                ):
                    if detail:
                        assert detail not in sheet.summary and detail not in said, detail


def test_the_figures_tell_which_team_kept_its_promises_and_how_calls_were_rated(demo):
    """The figures page on the demo: one finished recruitment kept every promise beside one
    that did not, and candidates rated a call above a written answer."""
    from aterkoppla.experience.metrics import Period, metrics_report
    from aterkoppla.experience.models import SurveyResponse

    kept = Recruitment.objects.get(title=EVENING_SHIFT)
    slow = Recruitment.objects.get(title=PLANNER)
    report = metrics_report(recruitments=[kept, slow], period=Period())
    kept_figures, slow_figures = report.per_recruitment[kept.pk], report.per_recruitment[slow.pk]
    assert kept_figures.promises_kept == 1.0
    assert kept_figures.interviewed_rejections_called == 1.0
    assert slow_figures.promises_kept is not None and slow_figures.promises_kept < 0.5
    assert slow_figures.interviewed_rejections_called == 0.6
    assert slow_figures.median_days_to_final > 2 * kept_figures.median_days_to_final
    call = report.total.by_channel[SurveyResponse.Channel.CALL]
    written = report.total.by_channel[SurveyResponse.Channel.WRITTEN]
    assert call.shown and written.shown
    assert call.cnps > 30 > 0 > written.cnps
    # The slow team's automatic new dates reached its candidates.
    assert Message.objects.filter(
        application__recruitment=slow, kind=Kind.PROMISE_POSTPONED
    ).exists()
