"""Who may reach what: every URL of the product and every API operation, for every role.

``ACCESS`` names the rule of each route; ``test_every_route_has_a_rule`` fails when a route is
added without one, so a new view cannot ship without saying who may use it. The matrix then
asks each route as each role and checks the answer's kind:

- **allowed**: anything but 401, 403, 404 or a redirect to the login page (a form may answer
  400 to an empty POST, a move may redirect): the role got through the access check;
- **refused**: 403, 404 (a recruitment or application the user is not on does not exist to
  them), 401 for the API without a token, or the login page for a person not logged in.

Roles: a site admin; the recruitment's owner (with the organisation's recruiter role); a
team member with the team role "recruiter" (``member``); a hiring manager; an interviewer on
the interview; a staff user on no team (``outsider``); nobody logged in (``anonymous``).
Candidates reach only the portal, by a link's token: the token of one application never
shows another's (``test_a_candidate_token_reaches_only_its_own_application``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from aterkoppla.accounts.models import ApiToken, User
from aterkoppla.api.tests.helpers import application_body, recruitment_body
from aterkoppla.api.v1 import api
from aterkoppla.applications.models import Application, Document
from aterkoppla.applications.services import application_receive
from aterkoppla.decisions.models import CallTask, DisclosureRequest
from aterkoppla.decisions.services import RejectionInput, decision_record, disclosure_request
from aterkoppla.messaging.links import portal_url_create
from aterkoppla.messaging.models import Message
from aterkoppla.recruitment.models import LegalHold
from aterkoppla.recruitment.services import legal_hold_set
from tests.helpers import interview_held

pytestmark = pytest.mark.django_db

ROLES = ("site_admin", "owner", "member", "hiring_manager", "interviewer", "outsider", "anonymous")
TEAM_VIEW = {"site_admin", "owner", "member", "hiring_manager"}
MANAGE = {"site_admin", "owner", "member"}
DECIDE = MANAGE | {"hiring_manager"}
STAFF = set(ROLES) - {"anonymous"}

# The rules, by who may: each is the set of roles that get through.
PUBLIC = set(ROLES)
LOGGED_IN = STAFF
SITE_ADMIN = {"site_admin"}
RECRUITER_ROLE = {"site_admin", "owner"}  # the organisation's role (is_recruiter)
VIEW = TEAM_VIEW  # the interviewer sees only the applications of their interviews
VIEW_WITH_INTERVIEWER = TEAM_VIEW | {"interviewer"}
INTERVIEW = {"site_admin", "owner", "member", "hiring_manager", "interviewer"}
INTERVIEWERS_ONLY = {"hiring_manager", "interviewer"}  # those on the interview score
OWNER_OR_ADMIN = {"site_admin", "owner"}
CANDIDATE = "candidate"  # the portal: by a link's token, for anyone holding it
REDIRECT = "redirect"  # an old address that redirects for everyone
STATEFUL = "stateful"  # public, answers from the session (careers:thanks)


@dataclass(frozen=True)
class Rule:
    who: Any
    method: str = "GET"
    kwargs: str = ""
    body: str = ""  # the API: a valid body (world["bodies"]), so the answer is the access rule's


# Every named page route (admin excepted: Django's own, site admins only, checked below).
ACCESS: dict[str, Rule] = {
    "dashboard:home": Rule(LOGGED_IN),
    "accounts:profile": Rule(LOGGED_IN),
    "accounts:login": Rule(PUBLIC),
    "accounts:logout": Rule(STATEFUL, "POST"),  # anyone; it always ends at the login page
    "accounts:token_create": Rule(LOGGED_IN, "POST"),
    "accounts:token_revoke": Rule({"owner"}, "POST", "token"),  # one's own tokens only
    "recruitment:create": Rule(RECRUITER_ROLE),
    "recruitment:holds": Rule(SITE_ADMIN),
    "recruitment:edit": Rule(MANAGE, "GET", "recruitment"),
    "recruitment:profile": Rule(VIEW_WITH_INTERVIEWER, "GET", "recruitment"),
    "recruitment:criterion_edit": Rule(MANAGE, "GET", "criterion"),
    "recruitment:criterion_move": Rule(MANAGE, "POST", "criterion"),
    "recruitment:criterion_remove": Rule(MANAGE, "POST", "criterion"),
    "recruitment:team": Rule(VIEW_WITH_INTERVIEWER, "GET", "recruitment"),
    "recruitment:team_remove": Rule(MANAGE, "POST", "membership"),
    "recruitment:dispute": Rule(OWNER_OR_ADMIN, "POST", "recruitment"),
    "recruitment:hold_lift": Rule(SITE_ADMIN, "POST", "hold"),
    "applications:recruitments": Rule(LOGGED_IN),
    "applications:pipeline": Rule(VIEW_WITH_INTERVIEWER, "GET", "recruitment"),
    "applications:add": Rule(MANAGE, "GET", "recruitment"),
    "applications:import": Rule(MANAGE, "GET", "recruitment"),
    "applications:import_example": Rule(MANAGE, "GET", "recruitment"),
    "applications:recruitment_outbox": Rule(VIEW_WITH_INTERVIEWER, "GET", "recruitment"),
    "applications:talent_pool": Rule(LOGGED_IN),
    # Whoever sees the person; the jobs offered are those the user manages (checked in the form).
    "applications:talent_pool_invite": Rule(TEAM_VIEW, "POST", "pool_member"),
    "applications:detail": Rule(VIEW_WITH_INTERVIEWER, "GET", "application"),
    "applications:move": Rule(DECIDE, "POST", "application"),
    "applications:document": Rule(VIEW_WITH_INTERVIEWER, "GET", "document"),
    "applications:outbox": Rule(VIEW_WITH_INTERVIEWER, "GET", "application"),
    "applications:message_retry": Rule(MANAGE, "POST", "failed_message"),
    "applications:message_review": Rule(MANAGE, "GET", "held_message"),
    "applications:message_html": Rule(VIEW_WITH_INTERVIEWER, "GET", "interview_message"),
    "assessment:screening": Rule(DECIDE, "GET", "application"),
    "assessment:merits": Rule(DECIDE, "GET", "application"),
    "assessment:interview_new": Rule(DECIDE, "GET", "application"),
    "assessment:interview": Rule(INTERVIEW, "GET", "interview"),
    "assessment:interview_held": Rule(DECIDE | {"interviewer"}, "POST", "interview"),
    "assessment:interview_move": Rule(DECIDE, "GET", "interview"),
    "assessment:interview_cancel": Rule(DECIDE, "POST", "interview"),
    "assessment:scorecard": Rule(INTERVIEWERS_ONLY, "GET", "interview"),
    "assessment:interview_ics": Rule(INTERVIEW, "GET", "interview"),
    "assessment:screening_table": Rule(DECIDE, "GET", "recruitment"),
    "assessment:comparison": Rule(DECIDE, "GET", "recruitment"),
    "decisions:decision": Rule(DECIDE, "GET", "recruitment"),
    "decisions:calls": Rule(DECIDE, "GET", "recruitment"),
    "decisions:call": Rule(DECIDE, "GET", "task"),
    "decisions:callback_ics": Rule(DECIDE, "GET", "task"),
    "decisions:call_sheet": Rule(DECIDE, "GET", "rejected"),
    "decisions:letter": Rule(DECIDE, "GET", "letter"),
    "decisions:letter_printed": Rule(DECIDE, "POST", "letter"),
    "decisions:disclosure_new": Rule(DECIDE, "POST", "rejected"),
    "decisions:disclosure": Rule(DECIDE, "GET", "disclosure"),
    "decisions:disclosure_pdf": Rule(DECIDE, "GET", "disclosure"),
    "privacy:export": Rule(MANAGE, "GET", "application"),
    "privacy:export_json": Rule(MANAGE, "GET", "application"),
    "privacy:export_pdf": Rule(MANAGE, "GET", "application"),
    "privacy:erasure": Rule(MANAGE, "GET", "application"),
    "experience:metrics": Rule(LOGGED_IN),
    "experience:metrics_csv": Rule(LOGGED_IN),
    # Figures of the recruitments the user is on (all of them for a site admin), no names.
    "experience:active_measures": Rule(LOGGED_IN),
    "experience:active_measures_csv": Rule(LOGGED_IN),
    "experience:active_measures_pdf": Rule(LOGGED_IN),
    "messaging:templates": Rule(SITE_ADMIN),
    "messaging:template": Rule(SITE_ADMIN, "GET", "template"),
    "messaging:template_preview": Rule(SITE_ADMIN, "POST", "template"),
    "language:check": Rule(LOGGED_IN, "POST"),
    "language:overrides": Rule(SITE_ADMIN),
    "organisation:settings": Rule(SITE_ADMIN),
    "careers:list": Rule(PUBLIC),
    "careers:job": Rule(PUBLIC, "GET", "recruitment"),
    "careers:apply": Rule(PUBLIC, "GET", "recruitment"),
    "careers:thanks": Rule(STATEFUL, "GET", "recruitment"),
    # By the link mailed to a known address: careers/tests/test_known_address.py.
    "careers:confirm": Rule(STATEFUL),
    "portal:lost_link": Rule(PUBLIC),
    "portal:application": Rule(CANDIDATE),
    "portal:withdraw": Rule(CANDIDATE),
    "portal:disclosure": Rule(CANDIDATE),
    "portal:export": Rule(CANDIDATE),
    "portal:export_json": Rule(CANDIDATE),
    "portal:export_pdf": Rule(CANDIDATE),
    "portal:survey": Rule(CANDIDATE),
    "portal:erasure": Rule(CANDIDATE),
    "portal:talent_pool": Rule(CANDIDATE),
    "portal:talent_pool_leave": Rule(CANDIDATE),
    "portal:talent_pool_renew": Rule(CANDIDATE),
    "set_language": Rule(PUBLIC, "POST"),
    "api-v1:openapi-json": Rule(PUBLIC),
    "api-v1:openapi-view": Rule(PUBLIC),
    "api-v1:api-root": Rule(PUBLIC),
    "api-v1:not_found": Rule(STATEFUL),
}

# The API's operations, by (method, path as in the OpenAPI document): the same rules, with
# 401 for no token. Bodies are left empty: an allowed caller gets 200/201 or 422, never
# 401/403/404.
API_ACCESS: dict[tuple[str, str], Rule] = {
    ("GET", "/api/v1/me"): Rule(LOGGED_IN),
    ("GET", "/api/v1/recruitments"): Rule(LOGGED_IN),
    ("POST", "/api/v1/recruitments"): Rule(RECRUITER_ROLE, body="recruitment"),
    ("GET", "/api/v1/recruitments/{recruitment_id}"): Rule(VIEW_WITH_INTERVIEWER),
    ("PATCH", "/api/v1/recruitments/{recruitment_id}"): Rule(MANAGE, body="status"),
    ("POST", "/api/v1/recruitments/{recruitment_id}/team"): Rule(MANAGE, body="team"),
    ("POST", "/api/v1/recruitments/{recruitment_id}/applications"): Rule(
        MANAGE, body="application"
    ),
    ("GET", "/api/v1/applications/{application_id}"): Rule(VIEW_WITH_INTERVIEWER),
    ("GET", "/api/v1/messages"): Rule(LOGGED_IN),
    ("POST", "/api/v1/lint"): Rule(LOGGED_IN),
    ("POST", "/api/v1/applications/{application_id}/screening"): Rule(DECIDE),
    ("POST", "/api/v1/applications/{application_id}/interviews"): Rule(DECIDE, body="booking"),
    ("POST", "/api/v1/interviews/{interview_id}/reschedule"): Rule(DECIDE),
    ("POST", "/api/v1/interviews/{interview_id}/cancel"): Rule(DECIDE),
    ("GET", "/api/v1/interviews/{interview_id}"): Rule(INTERVIEW),
    ("POST", "/api/v1/interviews/{interview_id}/scorecards"): Rule(
        INTERVIEWERS_ONLY, body="scorecard"
    ),
    ("POST", "/api/v1/interviews/{interview_id}/held"): Rule(DECIDE | {"interviewer"}),
    ("PUT", "/api/v1/applications/{application_id}/merits"): Rule(DECIDE),
    ("POST", "/api/v1/recruitments/{recruitment_id}/decision"): Rule(DECIDE),
    ("GET", "/api/v1/applications/{application_id}/call-sheet"): Rule(DECIDE),
    ("GET", "/api/v1/call-tasks"): Rule(LOGGED_IN),
    ("POST", "/api/v1/call-tasks/{task_id}/attempts"): Rule(DECIDE, body="attempt"),
    ("POST", "/api/v1/applications/{application_id}/disclosure-requests"): Rule(DECIDE),
    ("GET", "/api/v1/disclosure-requests/{request_id}/letter"): Rule(DECIDE),
    ("GET", "/api/v1/applications/{application_id}/export"): Rule(MANAGE),
    ("POST", "/api/v1/applications/{application_id}/erasure-requests"): Rule(MANAGE),
    ("GET", "/api/v1/recruitments/{recruitment_id}/legal-holds"): Rule(VIEW_WITH_INTERVIEWER),
    ("POST", "/api/v1/recruitments/{recruitment_id}/legal-holds"): Rule(
        OWNER_OR_ADMIN, body="hold"
    ),
    ("POST", "/api/v1/legal-holds/{hold_id}/lift"): Rule(SITE_ADMIN, body="lift"),
    ("GET", "/api/v1/metrics"): Rule(LOGGED_IN),
}


def _named_routes() -> set[str]:
    def walk(patterns: list, namespace: str) -> list[tuple[str, URLPattern]]:
        found = []
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or ""
                name = f"{namespace}:{inner}" if namespace and inner else inner or namespace
                found += walk(pattern.url_patterns, name)
            else:
                found.append((namespace, pattern))
        return found

    names = set()
    for namespace, pattern in walk(get_resolver().url_patterns, ""):
        if namespace.startswith("admin") or pattern.name is None:
            continue  # Django's admin; unnamed patterns are the old addresses' redirects
        if namespace == "api-v1" and pattern.name not in {
            "openapi-json",
            "openapi-view",
            "api-root",
            "not_found",
        }:
            continue  # the API's operations: API_ACCESS
        names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


def _api_operations() -> set[tuple[str, str]]:
    schema = api.get_openapi_schema()
    return {
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method in operations
    }


def test_every_route_has_a_rule():
    assert _named_routes() == set(ACCESS), "a page route without a rule in ACCESS, or a stale one"
    assert _api_operations() == set(API_ACCESS), "an API operation without a rule in API_ACCESS"


@pytest.fixture
def world(recruitment, owner, member, hiring_manager, interviewer, site_admin, interview):
    """One of everything a route may name, in a state where its page can be shown."""
    sara = interview.application
    criterion = recruitment.criteria.first()
    # Rejected after her interview: a call task, a call sheet, written information.
    interview_held(sara)
    emma = application_receive(
        recruitment=recruitment, first_name="Emma", last_name="Berg", email="emma@example.se"
    )
    bo = application_receive(recruitment=recruitment, first_name="Bo", last_name="Brev")
    decision_record(
        recruitment=recruitment,
        by=owner,
        rejections=[
            RejectionInput(sara.pk, (criterion.pk,), "Kortare erfarenhet av lagerarbete."),
            RejectionInput(bo.pk, (criterion.pk,), "Saknar truckkort."),
        ],
    )
    task = CallTask.objects.get(application=sara)
    CallTask.objects.filter(pk=task.pk).update(callback_at=timezone.now() + dt.timedelta(days=1))
    letter = Message.objects.get(application=bo, channel=Message.Channel.LETTER)
    disclosure = disclosure_request(application=sara, by=owner, via=DisclosureRequest.Via.PHONE)
    cia = application_receive(
        recruitment=recruitment, first_name="Cia", last_name="Ek", email="cia@example.se"
    )
    held = cia.messages.get()
    Message.objects.filter(pk=held.pk).update(status=Message.Status.HELD)
    failed = emma.messages.get()
    Message.objects.filter(pk=failed.pk).update(status=Message.Status.FAILED)
    document = Document.objects.create(
        application=sara,
        kind=Document.Kind.CV,
        original_name="CV Sara.pdf",
        content_type="application/pdf",
        size=4,
        sha256="0" * 64,
        file=ContentFile(b"%PDF", name="upload"),
    )
    from aterkoppla.applications.talent_pool import talent_pool_join

    talent_pool_join(candidate=emma.candidate, via="portal")
    hold = legal_hold_set(
        recruitment=recruitment, source=LegalHold.Source.ADMIN, reason="Tvist", by=site_admin
    )
    membership = recruitment.memberships.get(user=interviewer)
    token, _key = ApiToken.issue(user=owner, name="Gammal")
    newcomer = User.objects.create_user(username="newcomer")
    later = (timezone.now() + dt.timedelta(days=3)).isoformat()
    return {
        "bodies": {
            "recruitment": recruitment_body(),
            "status": {"status": "closed"},
            "team": {"user_id": newcomer.pk, "role": "interviewer"},
            "application": application_body(),
            "booking": {"scheduled_at": later, "interviewer_ids": [interviewer.pk]},
            "scorecard": {"ratings": [{"criterion_id": criterion.pk, "score": 3}]},
            "attempt": {"outcome": "no_answer"},
            "hold": {"reason": "Tvist om urvalet", "source": "disputed"},
            "lift": {"reason": "Tvisten är avgjord"},
        },
        "recruitment": {"pk": recruitment.pk},
        "application": {"pk": sara.pk},
        "rejected": {"pk": sara.pk},
        "criterion": {"pk": recruitment.pk, "criterion_pk": criterion.pk},
        "membership": {"pk": recruitment.pk, "membership_pk": membership.pk},
        "hold": {"pk": recruitment.pk, "hold_pk": hold.pk},
        "interview": {"pk": interview.pk},
        "task": {"pk": task.pk},
        "letter": {"pk": letter.pk},
        "disclosure": {"pk": disclosure.pk},
        "document": {"pk": sara.pk, "document_pk": document.pk},
        "held_message": {"pk": held.pk},
        "interview_message": {"pk": sara.messages.order_by("pk").first().pk},
        "failed_message": {"pk": failed.pk},
        "pool_member": {"pk": emma.candidate.pk},
        "template": {"kind": "acknowledgement", "language": "sv"},
        "token": {"pk": token.pk},
        "api": {
            "recruitment_id": recruitment.pk,
            "application_id": sara.pk,
            "interview_id": interview.pk,
            "task_id": task.pk,
            "request_id": disclosure.pk,
            "hold_id": hold.pk,
        },
    }


def _client(request: pytest.FixtureRequest, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    return client


def _refused_page(response, role: str) -> bool:
    if role == "anonymous" and response.status_code == 302:
        return response.url.startswith(reverse("accounts:login"))
    return response.status_code in (401, 403, 404)


def _alone(send: Any) -> Any:
    """One role's request, undone afterwards: a POST that removes or changes something must
    not change what the next role is asked about."""
    with transaction.atomic():
        response = send()
        transaction.set_rollback(True)
    return response


@pytest.mark.parametrize("name", sorted(ACCESS))
def test_each_page_answers_each_role_by_its_rule(request, world, name):
    rule = ACCESS[name]
    if rule.who in (CANDIDATE, STATEFUL):
        return  # the portal: test_a_candidate_token_…; careers:thanks answers from the session
    url = reverse(name, kwargs=world[rule.kwargs] if rule.kwargs else None)
    wrong = []
    for role in ROLES:
        client = _client(request, role)
        response = _alone(
            lambda client=client: client.get(url) if rule.method == "GET" else client.post(url, {})
        )
        assert response.status_code < 500, (name, role, response.status_code)
        refused = _refused_page(response, role)
        if refused == (role in rule.who):
            wrong.append(f"{role}: {response.status_code}")
    assert not wrong, f"{name} {url}: {', '.join(wrong)}"


@pytest.mark.parametrize(("method", "path"), sorted(API_ACCESS))
def test_each_api_operation_answers_each_role_by_its_rule(request, world, method, path):
    rule = API_ACCESS[(method, path)]
    url = path.format(**world["api"])
    wrong = []
    for role in ROLES:
        headers = {}
        if role != "anonymous":
            _token, key = ApiToken.issue(user=request.getfixturevalue(role), name="Matris")
            headers["Authorization"] = f"Bearer {key}"
        body = json.dumps(world["bodies"][rule.body] if rule.body else {})
        response = _alone(
            lambda headers=headers, body=body: Client().generic(
                method, url, body, content_type="application/json", headers=headers
            )
        )
        assert response.status_code < 500, (method, path, role, response.content)
        refused = response.status_code in (401, 403, 404)
        if refused == (role in rule.who):
            wrong.append(f"{role}: {response.status_code}")
    assert not wrong, f"{method} {path}: {', '.join(wrong)}"


def test_the_admin_is_for_site_admins_only(request, world):
    for url in ("/admin/", "/admin/accounts/user/", "/admin/applications/application/"):
        for role in ROLES:
            response = _client(request, role).get(url)
            if role == "site_admin":
                assert response.status_code == 200, url
            else:
                assert response.status_code == 302, (url, role)
                assert "/admin/login/" in response.url


def test_a_candidate_token_reaches_only_its_own_application(world, recruitment):
    """Each portal page with the token of one application shows that application and never
    another's; a made-up token finds nothing; a staff session is no token."""
    sara = Application.objects.get(candidate__first_name="Sara")
    emma = Application.objects.get(candidate__first_name="Emma")
    sara_token = portal_url_create(sara).rstrip("/").rsplit("/", 1)[1]
    emma_token = portal_url_create(emma).rstrip("/").rsplit("/", 1)[1]
    for name, rule in ACCESS.items():
        if rule.who != CANDIDATE:
            continue
        own = Client().get(reverse(name, kwargs={"token": emma_token}))
        assert own.status_code < 500, name
        post_only = own.status_code == 405
        if own.status_code == 200 and own["Content-Type"].startswith("text/html"):
            # Words only: attribute values (links with their random tokens) left out.
            words = re.sub(r'="[^"]*"', "", own.content.decode())
            assert "Sara" not in words and "sara.ek@" not in words, name
        url = reverse(name, kwargs={"token": "x" * 43})
        made_up = Client().post(url, {}) if post_only else Client().get(url)
        assert made_up.status_code == 404, name
        assert sara_token != emma_token
    # Sara's own page names her and not Emma.
    page = Client().get(reverse("portal:application", kwargs={"token": sara_token}))
    assert page.status_code == 200
    text = re.sub(r'="[^"]*"', "", page.content.decode())
    assert "Sara" in text and "Emma" not in text
    assert timezone.now() - sara.received_at < dt.timedelta(days=1)
