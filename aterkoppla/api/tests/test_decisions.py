"""The decision routes of API v1: deciding a recruitment, call sheets, call tasks and attempts.

The channel rules (DESIGN §4) are the services'; here they are seen through the API: an
interviewed candidate gets a call task and no rejection message, the others a written
rejection (email, or a letter without an email address).
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pypdf import PdfReader

from aterkoppla.accounts.models import User
from aterkoppla.api.decisions_schemas import MAX_REJECTIONS
from aterkoppla.applications.models import Application, Candidate, Merit
from aterkoppla.applications.services import applications_close
from aterkoppla.decisions.models import CallAttempt, CallTask, Decision, DecisionItem
from aterkoppla.decisions.pdf import PdfUnavailable
from aterkoppla.decisions.tests.fixtures import apply_for as _apply
from aterkoppla.language.models import LanguageOverride, Where
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.recruitment.models import Recruitment, TeamMembership
from aterkoppla.recruitment.services import recruitment_create, team_member_add
from aterkoppla.timeline.models import TimelineEvent
from tests.helpers import as_recruiter

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

AGE = "Hon är nog för gammal för vårt unga team"
AGE_EN = "She is probably too old for our young team"
SARA_WHY = "Mindre erfarenhet av lagerarbete än den vi valde."
ALI_WHY = "Less warehouse experience than the person we chose."


# --- The recruitment to decide ----------------------------------------------------------


def _body(recruitment, interviewed, others, **extra):
    sara, ali, emma = interviewed
    experience = recruitment.criteria.get(name="Erfarenhet av lagerarbete").pk
    return {
        "hired": [emma.pk],
        "rejections": [
            {"application_id": sara.pk, "decisive_criteria": [experience], "explanation": SARA_WHY},
            {"application_id": ali.pk, "decisive_criteria": [experience], "explanation": ALI_WHY},
            *({"application_id": other.pk} for other in others),
        ],
    } | extra


def _decide(client, recruitment, body):
    return client.post(f"/recruitments/{recruitment.pk}/decision", body)


@pytest.fixture
def decided(api_as, owner, recruitment, interviewed, others):
    response = _decide(api_as(owner), recruitment, _body(recruitment, interviewed, others))
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def task(decided, interviewed) -> CallTask:
    """The call owed to Sara."""
    return CallTask.objects.get(application=interviewed[0])


def _bulk_applications(recruitment, n, prefix="p"):
    """``n`` applications received without a word to anyone: for sizes the services' own
    path would take long to build."""
    candidates = Candidate.objects.bulk_create(
        Candidate(first_name=f"{prefix}{i}", last_name="Test", email=f"{prefix}{i}@example.se")
        for i in range(n)
    )
    applications = Application.objects.bulk_create(
        Application(
            candidate=candidate,
            recruitment=recruitment,
            source=Application.Source.IMPORT,
            reply_by=dt.date(2026, 12, 18),
        )
        for candidate in candidates
    )
    Merit.objects.bulk_create(
        Merit(application=application, kind=Merit.Kind.OTHER, field="truckkort A+B")
        for application in applications
    )
    return applications


def _written_state() -> dict[str, int]:
    return {
        "decisions": Decision.objects.count(),
        "items": DecisionItem.objects.count(),
        "tasks": CallTask.objects.count(),
        "attempts": CallAttempt.objects.count(),
        "messages": Message.objects.count(),
        "events": TimelineEvent.objects.count(),
        "overrides": LanguageOverride.objects.count(),
        "open": Application.objects.exclude(stage__in=Application.CLOSED_STAGES).count(),
    }


# --- Deciding ---------------------------------------------------------------------------


def test_decision_answers_what_it_did(decided, recruitment, hiring_manager, interviewed, others):
    sara, ali, emma = interviewed
    tasks = {task.application_id: task for task in CallTask.objects.all()}
    assert decided == {
        "decision_id": Decision.objects.get().pk,
        "hired": [emma.pk],
        "reserve": [],
        "calls": [
            {
                "application_id": application.pk,
                "call_task_id": tasks[application.pk].pk,
                # Wednesday 25 November + 2 working days
                "due": "2026-11-27",
                "assigned_to": {"id": hiring_manager.pk, "name": "Hanna Chef"},
            }
            for application in (sara, ali)
        ],
        "written": {"emails": 1, "letters": 1, "held": 0, "unassessed": 2},
        "warnings": [],
    }
    stages = dict(Application.objects.values_list("pk", "stage"))
    assert stages[emma.pk] == "hired"
    assert {stages[a.pk] for a in (sara, ali, *others)} == {"rejected"}


def test_the_channel_rules_through_the_api(api_as, member, decided, interviewed, others):
    client = api_as(member)

    def kinds(application):
        response = client.get(f"/messages?application={application.pk}")
        return {(m["kind"], m["channel"]) for m in response.json()}

    sara, ali, emma = interviewed
    nils, olle = others
    # Interviewed: a call, never a rejection message.
    for application in (sara, ali):
        assert not {kind for kind, _channel in kinds(application)} & {
            "rejection",
            "call_unreachable",
            "call_summary",
        }
    assert ("rejection", "email") in kinds(nils)
    assert ("rejection", "letter") in kinds(olle)
    assert "rejection" not in {kind for kind, _channel in kinds(emma)}
    listed = client.get("/call-tasks").json()
    assert [task["application_id"] for task in listed] == [sara.pk, ali.pk]


def test_applications_not_named_stay_as_they_are(api_as, owner, recruitment, interviewed, others):
    nils, olle = others
    response = _decide(api_as(owner), recruitment, {"rejections": [{"application_id": nils.pk}]})
    assert response.status_code == 200
    assert response.json()["written"] == {"emails": 1, "letters": 0, "held": 0, "unassessed": 1}
    assert response.json()["calls"] == []
    olle.refresh_from_db()
    assert olle.stage == "received"
    assert {a.stage for a in Application.objects.filter(pk__in=[a.pk for a in interviewed])} == {
        "interview"
    }


def test_reserves_get_a_date(api_as, member, recruitment, interviewed):
    ali = interviewed[1]
    response = _decide(
        api_as(member), recruitment, {"reserve": [ali.pk], "reserve_until": "2027-01-15"}
    )
    assert response.status_code == 200, response.content
    assert response.json()["reserve"] == [ali.pk]
    ali.refresh_from_db()
    assert (ali.stage, ali.reply_by) == ("reserve", dt.date(2027, 1, 15))
    assert ali.messages.filter(kind=Kind.RESERVE).exists()


def test_warnings_are_said(api_as, owner, recruitment, interviewed, others):
    sara = interviewed[0]
    Candidate.objects.filter(pk=sara.candidate_id).update(phone="")
    response = _decide(api_as(owner), recruitment, _body(recruitment, interviewed, others))
    assert response.status_code == 200
    assert any("Sara Ek" in warning for warning in response.json()["warnings"])


def _problem(problem, recruitment, owner, interviewed, others):
    """A decision body with one thing wrong, beside valid parts (so that half-writing shows)."""
    body = _body(recruitment, interviewed, others)
    _sara, ali, emma = interviewed
    nils = others[0]
    if problem == "no_decisive_criteria":
        body["rejections"][0]["decisive_criteria"] = []
    elif problem == "no_explanation":
        body["rejections"][0]["explanation"] = ""
    elif problem == "unknown_application":
        body["rejections"].append({"application_id": 999_999})
    elif problem == "foreign_application":
        other = recruitment_create(owner=owner, title="Annat jobb")
        stranger = _apply(other, owner, "Stina", "Annan", "stina@example.se")
        body["rejections"].append({"application_id": stranger.pk})
    elif problem == "twice":
        body["reserve"] = [emma.pk]
    elif problem == "closed":
        applications_close(applications=[nils], outcome=Application.Stage.WITHDRAWN, by=owner)
    elif problem == "unknown_criterion":
        body["rejections"][1]["decisive_criteria"] = [999_999]
    elif problem == "not_interviewed_hired":
        body["hired"] = [nils.pk]
        body["rejections"] = body["rejections"][:2]
    elif problem == "reserve_in_the_past":
        body |= {"reserve": [ali.pk], "reserve_until": "2026-11-01"}
        body["rejections"].pop(1)
    elif problem == "nobody":
        body = {}
    return body


@pytest.mark.parametrize(
    ("problem", "message"),
    [
        ("no_decisive_criteria", "Sara Ek was interviewed"),
        ("no_explanation", "Sara Ek was interviewed"),
        ("unknown_application", "999999"),
        ("foreign_application", "not in this recruitment"),
        ("twice", "named more than once"),
        ("closed", "Already decided"),
        ("unknown_criterion", "999999"),
        ("not_interviewed_hired", "Nils Holm"),
        ("reserve_in_the_past", "past"),
        ("nobody", "at least one candidate"),
    ],
)
def test_an_invalid_decision_is_422_and_changes_nothing(
    api_as, owner, recruitment, interviewed, others, problem, message
):
    body = _problem(problem, recruitment, owner, interviewed, others)
    before = _written_state()

    response = _decide(api_as(owner), recruitment, body)

    assert response.status_code == 422, response.content
    data = response.json()
    assert data["detail"]
    assert message in " ".join(m for messages in data["errors"].values() for m in messages)
    assert _written_state() == before


@pytest.mark.parametrize(
    "body",
    [
        {"rejections": [{"application_id": 1, "decisive_criteria": [2, 2], "explanation": "x"}]},
        {"rejections": [{"application_id": "1"}]},
        {"rejections": [{"application_id": 0}]},
        {"hired": "all"},
        {"reserve_until": "soon"},
        {"rejections": [{"application_id": 1, "explanation": "x" * 5_001}]},
    ],
)
def test_a_body_out_of_shape_is_422(api_as, owner, recruitment, body):
    response = _decide(api_as(owner), recruitment, body)
    assert response.status_code == 422
    assert response.json()["errors"]


def test_at_most_20000_rejections(api_as, owner, recruitment):
    body = {"rejections": [{"application_id": n} for n in range(1, MAX_REJECTIONS + 2)]}
    response = _decide(api_as(owner), recruitment, body)
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["rejections"]


def test_ten_thousand_rejections_are_checked_in_a_few_queries(api_as, owner, recruitment):
    """A whole recruitment in one body: checked with a fixed number of queries, and refused
    whole when one id is wrong."""
    applications = _bulk_applications(recruitment, 10_000)
    body = {
        "rejections": [
            {"application_id": a.pk, "explanation": "Tjänsten kräver truckkort."}
            for a in applications
        ]
        + [{"application_id": 999_999_999}]
    }
    client = api_as(owner)
    client.get("/me")
    before = _written_state()
    with CaptureQueriesContext(connection) as queries:
        response = _decide(client, recruitment, body)
    assert response.status_code == 422
    assert "999999999" in response.json()["errors"]["__all__"][0]
    assert len(queries) < 15
    assert _written_state() == before


def _selects(queries) -> int:
    # The services look up the message template once per message (see the report on
    # ``messaging.services.template_for``): left out here, as are the batched inserts.
    return sum(
        1
        for query in queries
        if query["sql"].startswith("SELECT") and "messaging_messagetemplate" not in query["sql"]
    )


def test_the_route_reads_no_more_for_more_rejections(api_as, owner, recruitment):
    client = api_as(owner)
    client.get("/me")
    counts = []
    for n, prefix in ((5, "a"), (120, "b")):
        applications = _bulk_applications(recruitment, n, prefix=prefix)
        body = {"rejections": [{"application_id": a.pk} for a in applications]}
        with CaptureQueriesContext(connection) as queries:
            response = _decide(client, recruitment, body)
        assert response.status_code == 200
        assert response.json()["written"]["emails"] == n
        counts.append(_selects(queries))
    assert counts[0] == counts[1]


# --- The language check on explanations -------------------------------------------------


def test_a_blocked_explanation_is_422_with_findings(
    api_as, owner, recruitment, interviewed, others
):
    body = _body(recruitment, interviewed, others)
    body["rejections"][1]["explanation"] = AGE_EN
    before = _written_state()

    response = _decide(api_as(owner), recruitment, body)

    assert response.status_code == 422
    data = response.json()
    assert "language_override_reason" in data["detail"]
    assert list(data["errors"]) == ["rejections.1.explanation"]
    finding = data["findings"][0]
    assert finding["field"] == "rejections.1.explanation"
    assert (finding["category"], finding["severity"]) == ("age", "block")
    assert AGE_EN[finding["start"] : finding["end"]] == finding["match"]
    assert _written_state() == before


def test_an_override_is_recorded_for_that_application(
    api_as, owner, recruitment, interviewed, others
):
    sara, ali, _emma = interviewed
    body = _body(recruitment, interviewed, others, language_override_reason="Ordagrant citat")
    body["rejections"][1]["explanation"] = AGE_EN

    response = _decide(api_as(owner), recruitment, body)

    assert response.status_code == 200, response.content
    override = LanguageOverride.objects.get()
    assert (override.where, override.application, override.user) == (Where.REJECTION, ali, owner)
    assert override.reason == "Ordagrant citat"
    event = ali.timeline.get(kind="language_override")
    assert (event.data["reason"], event.data["where"]) == ("Ordagrant citat", Where.REJECTION)
    assert not sara.timeline.filter(kind="language_override").exists()


def test_a_kept_reason_still_holds_the_written_rejection(api_as, owner, recruitment, others):
    """The reason keeps the explanation; the message that would carry it to the candidate is
    checked again and waits for a person (``held``)."""
    nils = others[0]
    body = {
        "rejections": [{"application_id": nils.pk, "explanation": AGE}],
        "language_override_reason": "Citat ur ansökan",
    }
    response = _decide(api_as(owner), recruitment, body)
    assert response.status_code == 200, response.content
    assert response.json()["written"] == {"emails": 0, "letters": 0, "held": 1, "unassessed": 1}
    assert nils.messages.get(kind=Kind.REJECTION).status == Message.Status.HELD


# --- The call sheet ---------------------------------------------------------------------


def test_call_sheet_json(api_as, hiring_manager, decided, interviewed):
    sara = interviewed[0]
    response = api_as(hiring_manager).get(f"/applications/{sara.pk}/call-sheet")

    assert response.status_code == 200, response.content
    sheet = response.json()
    assert sheet["application_id"] == sara.pk
    assert sheet["candidate_name"] == "Sara Ek"
    assert sheet["phone_uri"] == "tel:+46701111111"
    assert sheet["language"] == "sv"
    assert sheet["reader_language"] == "en"
    assert sheet["explanation"] == SARA_WHY
    assert sheet["decisive_basis"] == "marked"
    assert [row["name"] for row in sheet["decisive"]] == ["Erfarenhet av lagerarbete"]
    assert set(sheet["answers"]) == {"q1", "q2", "q3"}
    assert all(answer["answer"] for answer in sheet["answers"].values())
    assert len(sheet["rows"]) == 3
    # The hired person is compared with, never named.
    assert "Emma" not in response.content.decode()
    assert "Berg" not in response.content.decode()


def test_call_sheet_pdf(api_as, owner, decided, interviewed):
    sara = interviewed[0]
    response = api_as(owner).get(f"/applications/{sara.pk}/call-sheet?format=pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="call-sheet-sara-ek.pdf"'
    assert response.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Sara Ek" in text
    assert "Emma" not in text and "Berg" not in text


def test_call_sheet_pdf_unavailable_is_503(api_as, owner, decided, interviewed, monkeypatch):
    def missing(sheet):
        raise PdfUnavailable("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr("aterkoppla.api.decisions.call_sheet_pdf", missing)
    response = api_as(owner).get(f"/applications/{interviewed[0].pk}/call-sheet?format=pdf")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_call_sheet_unknown_format_is_422(api_as, owner, decided, interviewed):
    response = api_as(owner).get(f"/applications/{interviewed[0].pk}/call-sheet?format=docx")
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["format"]


@pytest.mark.parametrize("who", ["hired", "written", "open"])
def test_no_call_sheet_without_a_call(
    api_as, owner, decided, interviewed, others, recruitment, who
):
    application = {
        "hired": interviewed[2],
        "written": others[0],
        "open": _apply(recruitment, owner, "Per", "Öppen", "per@example.se"),
    }[who]
    response = api_as(owner).get(f"/applications/{application.pk}/call-sheet")
    assert response.status_code == 409
    assert "no call to prepare" in response.json()["detail"]


# --- Call tasks -------------------------------------------------------------------------


def test_call_tasks_list(api_as, owner, hiring_manager, recruitment, decided, interviewed):
    sara, ali, _emma = interviewed
    response = api_as(owner).get(f"/call-tasks?recruitment={recruitment.pk}")

    assert response.status_code == 200
    listed = response.json()
    assert listed[0] == {
        "id": CallTask.objects.get(application=sara).pk,
        "application_id": sara.pk,
        "candidate": {"name": "Sara Ek", "phone": "+46701111111", "language": "sv"},
        "recruitment": {"id": recruitment.pk, "title": "Lagerarbetare"},
        "due": "2026-11-27",
        "status": "open",
        "assigned_to": {"id": hiring_manager.pk, "name": "Hanna Chef"},
        "callback_at": None,
        "attempts": [],
    }
    assert listed[1]["candidate"]["language"] == "en"
    assert [t["application_id"] for t in listed] == [sara.pk, ali.pk]


def test_call_tasks_ordered_by_due(api_as, owner, decided, interviewed):
    sara, ali, _emma = interviewed
    CallTask.objects.filter(application=ali).update(due=dt.date(2026, 11, 26))
    listed = api_as(owner).get("/call-tasks").json()
    assert [t["application_id"] for t in listed] == [ali.pk, sara.pk]


def test_call_tasks_status_filter(api_as, hiring_manager, task, interviewed):
    client = api_as(hiring_manager)
    response = client.post(
        f"/call-tasks/{task.pk}/attempts", {"outcome": "reached", "notes": "Gick bra."}
    )
    assert response.status_code == 201
    ali = interviewed[1]
    assert [t["application_id"] for t in client.get("/call-tasks").json()] == [ali.pk]
    done = client.get("/call-tasks?status=done").json()
    assert [t["application_id"] for t in done] == [task.application_id]
    assert [(a["outcome"], a["notes"]) for a in done[0]["attempts"]] == [("reached", "Gick bra.")]
    assert done[0]["attempts"][0]["by"] == {"id": hiring_manager.pk, "name": "Hanna Chef"}
    assert client.get("/call-tasks?status=written").json() == []
    assert len(client.get("/call-tasks?status=all").json()) == 2
    assert client.get("/call-tasks?status=closed").status_code == 422


def test_call_tasks_only_where_the_caller_decides(
    api_as, owner, outsider, interviewer, site_admin, recruitment, decided
):
    other = recruitment_create(owner=as_recruiter(outsider), title="Annat jobb")
    assert len(api_as(owner).get("/call-tasks").json()) == 2
    assert api_as(outsider).get("/call-tasks").json() == []
    # An interviewer on the team sees no call tasks (and is refused them by name).
    assert api_as(interviewer).get("/call-tasks").json() == []
    assert api_as(interviewer).get(f"/call-tasks?recruitment={recruitment.pk}").status_code == 403
    assert len(api_as(site_admin).get("/call-tasks").json()) == 2
    assert api_as(site_admin).get(f"/call-tasks?recruitment={other.pk}").json() == []


@pytest.mark.parametrize("value", ["999999", "abc", "0", "-1", str(2**64)])
def test_call_tasks_of_an_unknown_recruitment_is_404(api_as, owner, recruitment, value):
    response = api_as(owner).get(f"/call-tasks?recruitment={value}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_call_tasks_of_a_recruitment_not_yours_is_404(api_as, outsider, recruitment):
    assert api_as(outsider).get(f"/call-tasks?recruitment={recruitment.pk}").status_code == 404


def _call_tasks(recruitment, owner, n, prefix):
    """``n`` call tasks with two attempts each, written straight to the tables."""
    applications = _bulk_applications(recruitment, n, prefix=prefix)
    decision = Decision.objects.create(recruitment=recruitment, decided_by=owner)
    items = DecisionItem.objects.bulk_create(
        DecisionItem(decision=decision, application=a, result="rejected", channel="call")
        for a in applications
    )
    tasks = CallTask.objects.bulk_create(
        CallTask(application=a, item=item, assigned_to=owner, due=dt.date(2026, 11, 27))
        for a, item in zip(applications, items, strict=True)
    )
    CallAttempt.objects.bulk_create(
        CallAttempt(task=task, by=owner, outcome=outcome)
        for task in tasks
        for outcome in ("no_answer", "busy")
    )


@pytest.mark.parametrize("filtered", [False, True])
def test_call_tasks_take_a_fixed_number_of_queries(
    api_as, owner, recruitment, django_assert_num_queries, filtered
):
    client = api_as(owner)
    client.get("/me")  # the first use of a token records it; the next ones within a minute not
    path = f"/call-tasks?recruitment={recruitment.pk}" if filtered else "/call-tasks"
    # The token; (the recruitment and the caller's role on it;) the tasks with candidate,
    # recruitment and caller; their attempts with who made them.
    queries = 5 if filtered else 3
    _call_tasks(recruitment, owner, 2, "a")
    with django_assert_num_queries(queries):
        response = client.get(path)
    assert len(response.json()) == 2
    _call_tasks(recruitment, owner, 18, "b")
    with django_assert_num_queries(queries):
        response = client.get(path)
    assert len(response.json()) == 20
    assert all(len(task["attempts"]) == 2 for task in response.json())


# --- Call attempts ----------------------------------------------------------------------


def _attempt(client, task, **body):
    return client.post(f"/call-tasks/{task.pk}/attempts", body)


def test_reached_with_a_summary(api_as, hiring_manager, task):
    response = _attempt(
        api_as(hiring_manager),
        task,
        outcome="reached",
        notes="Frågade om erfarenhet och tips.",
        summary_requested=True,
        talent_pool=True,
    )

    assert response.status_code == 201, response.content
    data = response.json()
    attempt = CallAttempt.objects.get()
    message = Message.objects.get(kind=Kind.CALL_SUMMARY)
    assert data | {"at": None} == {
        "id": attempt.pk,
        "outcome": "reached",
        "at": None,
        "task": {"id": task.pk, "status": "done", "callback_at": None},
        "messages": [
            {"id": message.pk, "kind": "call_summary", "channel": "email", "status": "queued"}
        ],
    }
    task.refresh_from_db()
    assert task.summary_requested and task.talent_pool and not task.disclosure_requested
    assert attempt.by == hiring_manager


def test_callback_sets_the_time(api_as, owner, task):
    when = "2026-11-26T14:30:00+01:00"
    response = _attempt(api_as(owner), task, outcome="callback", callback_at=when)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["messages"] == []
    assert data["task"]["status"] == "open"
    assert dt.datetime.fromisoformat(data["task"]["callback_at"]) == dt.datetime.fromisoformat(when)
    listed = api_as(owner).get("/call-tasks").json()
    assert listed[0]["callback_at"] == data["task"]["callback_at"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"outcome": "callback", "callback_at": "2026-11-26T14:30:00"}, "callback_at"),
        ({"outcome": "callback"}, "callback_at"),
        ({"outcome": "callback", "callback_at": "2026-11-24T14:30:00Z"}, "callback_at"),
        ({"outcome": "callback", "callback_at": 1_800_000_000}, "callback_at"),
        ({"outcome": "hung_up"}, "outcome"),
        ({}, "outcome"),
        ({"outcome": "no_answer", "summary_requested": True}, "__all__"),
        ({"outcome": "reached", "talent_pool": "yes"}, "talent_pool"),
    ],
)
def test_an_invalid_attempt_is_422(api_as, owner, task, body, field):
    before = _written_state()
    response = _attempt(api_as(owner), task, **body)
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert _written_state() == before


def test_three_failed_calls_on_two_days_are_written_instead(api_as, hiring_manager, task):
    client = api_as(hiring_manager)
    for outcome in ("no_answer", "busy", "voicemail"):
        data = _attempt(client, task, outcome=outcome).json()
        assert (data["task"]["status"], data["messages"]) == ("open", [])
    with time_machine.travel(timezone.now() + dt.timedelta(days=1)):
        response = _attempt(client, task, outcome="no_answer")
    assert response.status_code == 201
    data = response.json()
    assert data["task"]["status"] == "written"
    message = Message.objects.get(kind=Kind.CALL_UNREACHABLE)
    assert data["messages"] == [
        {"id": message.pk, "kind": "call_unreachable", "channel": "email", "status": "queued"}
    ]
    assert api_as(hiring_manager).get("/call-tasks?status=written").json()[0]["id"] == task.pk


def test_a_finished_call_is_409(api_as, owner, task):
    assert _attempt(api_as(owner), task, outcome="reached").status_code == 201
    before = _written_state()
    response = _attempt(api_as(owner), task, outcome="no_answer")
    assert response.status_code == 409
    assert response.json() == {"detail": "This call is already finished."}
    assert _written_state() == before


def test_an_unknown_task_is_404(api_as, owner, recruitment):
    assert _attempt(api_as(owner), CallTask(pk=999_999), outcome="reached").status_code == 404


def test_blocked_notes_are_422_and_an_override_is_recorded(api_as, owner, task, interviewed):
    notes = "Hon berättade att hon är gravid."
    response = _attempt(api_as(owner), task, outcome="no_answer", notes=notes)
    assert response.status_code == 422
    data = response.json()
    assert list(data["errors"]) == ["notes"]
    assert data["findings"][0]["category"] == "sex"
    assert not CallAttempt.objects.exists()

    response = _attempt(
        api_as(owner),
        task,
        outcome="no_answer",
        notes=notes,
        language_override_reason="Hon tog själv upp det",
    )
    assert response.status_code == 201
    override = LanguageOverride.objects.get()
    assert (override.where, override.application, override.reason) == (
        Where.CALL,
        interviewed[0],
        "Hon tog själv upp det",
    )
    assert CallAttempt.objects.get().notes == notes


# --- Who may --------------------------------------------------------------------------


@pytest.fixture
def second_interviewer(recruitment, owner) -> User:
    """On the team as an interviewer, but on none of the interviews."""
    user = User.objects.create_user(username="ivy", first_name="Ivy", last_name="Intervju")
    team_member_add(
        recruitment=recruitment, by=owner, user=user, role=TeamMembership.Role.INTERVIEWER
    )
    return user


@pytest.fixture
def routes(recruitment, owner, task, interviewed):
    """(method, path, body, success status, what an interviewer not on the interview gets)."""
    per = _apply(recruitment, owner, "Per", "Persson", "per@example.se")
    sara = interviewed[0]
    return {
        "decision": (
            "POST",
            f"/recruitments/{recruitment.pk}/decision",
            {"rejections": [{"application_id": per.pk}]},
            200,
            403,
        ),
        "call_sheet": ("GET", f"/applications/{sara.pk}/call-sheet", None, 200, 404),
        "call_tasks": ("GET", f"/call-tasks?recruitment={recruitment.pk}", None, 200, 403),
        "attempt": (
            "POST",
            f"/call-tasks/{task.pk}/attempts",
            {"outcome": "no_answer"},
            201,
            404,
        ),
    }


def _send(client, method, path, body):
    return client.get(path) if method == "GET" else client.post(path, body)


ROUTE_NAMES = ["decision", "call_sheet", "call_tasks", "attempt"]


@pytest.mark.parametrize("route", ROUTE_NAMES)
@pytest.mark.parametrize("who", ["owner", "member", "hiring_manager", "site_admin"])
def test_deciding_roles_and_site_admins_may(request, api_as, routes, route, who):
    method, path, body, ok, _unseen = routes[route]
    response = _send(api_as(request.getfixturevalue(who)), method, path, body)
    assert response.status_code == ok, response.content


@pytest.mark.parametrize("route", ROUTE_NAMES)
@pytest.mark.parametrize("who", ["interviewer", "second_interviewer", "outsider", "anonymous"])
def test_others_may_not(request, api_as, routes, route, who):
    method, path, body, _ok, unseen = routes[route]
    user = None if who == "anonymous" else request.getfixturevalue(who)
    expected = {
        "interviewer": 403,  # on the interviews: sees the candidates, but does not decide
        "second_interviewer": unseen,  # sees the recruitment, not these candidates
        "outsider": 404,
        "anonymous": 401,
    }[who]
    before = _written_state()
    response = _send(api_as(user), method, path, body)
    assert response.status_code == expected, response.content
    assert response.json()["detail"]
    assert _written_state() == before


def test_a_deleted_recruitment_is_404(api_as, owner, recruitment):
    pk = recruitment.pk
    Recruitment.objects.filter(pk=pk).delete()
    assert _decide(api_as(owner), Recruitment(pk=pk), {"hired": [1]}).status_code == 404


def test_a_reason_in_the_other_language_is_refused(api_as, owner, recruitment, others):
    """A candidate never receives a reason in a language other than their own."""
    from aterkoppla.decisions.tests.fixtures import apply_for

    english = apply_for(recruitment, owner, "John", "Smith", "john@example.com", "", "en")
    response = api_as(owner).post(
        f"/recruitments/{recruitment.pk}/decision",
        {
            "rejections": [
                {
                    "application_id": english.pk,
                    "explanation": "Vi har gått vidare med kandidater som har mer erfarenhet.",
                }
            ]
        },
    )
    assert response.status_code == 422
    assert "reads English but would get a reason in Swedish" in response.json()["detail"]
    assert not english.messages.filter(kind="rejection").exists()


def test_nobody_hired_is_said_and_counted(api_as, owner, recruitment, others):
    nils = others[0]
    response = api_as(owner).post(
        f"/recruitments/{recruitment.pk}/decision",
        {"no_hire": True, "rejections": [{"application_id": nils.pk}]},
    )
    assert response.status_code == 200, response.content
    assert response.json()["written"]["unassessed"] == 1
    body = nils.messages.get(kind="rejection").body_text
    assert "Vi har beslutat att inte tillsätta tjänsten" in body


def test_a_request_for_written_information(api_as, owner, decided, interviewed, others):
    """DL 2 kap. 4 §: 201 with its promised date; the person hired cannot ask (422)."""
    sara, _ali, emma = interviewed
    response = api_as(owner).post(f"/applications/{sara.pk}/disclosure-requests", {})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "open" and body["via"] == "api"
    assert dt.date.fromisoformat(body["due"]) > dt.date.fromisoformat(body["requested_at"][:10])
    again = api_as(owner).post(f"/applications/{sara.pk}/disclosure-requests", {"via": "phone"})
    assert again.status_code == 201 and again.json()["id"] == body["id"]
    refused = api_as(owner).post(f"/applications/{emma.pk}/disclosure-requests", {})
    assert refused.status_code == 422
    assert "did not get the job" in refused.json()["detail"]


@pytest.mark.parametrize(
    ("who", "status"), [("owner", 200), ("interviewer", 403), ("outsider", 404), (None, 401)]
)
def test_the_letter_for_a_request(request, api_as, owner, decided, interviewed, who, status):
    sara = interviewed[0]
    asked = api_as(owner).post(f"/applications/{sara.pk}/disclosure-requests", {}).json()
    user = request.getfixturevalue(who) if who else None
    response = api_as(user).get(f"/disclosure-requests/{asked['id']}/letter")
    assert response.status_code == status, response.content
    if status == 200:
        letter = response.json()
        assert letter["language"] == "sv" and letter["status"] == "open"
        assert len(letter["hired"]) == 1
        assert "Den som anställdes:" in letter["text"]
        assert "Emma" not in letter["text"] and "Berg" not in letter["text"]
