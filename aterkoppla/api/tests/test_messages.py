"""``GET /api/v1/messages?application={id}``: an application's outbox (DESIGN §9)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from aterkoppla.accounts.models import ApiToken
from aterkoppla.api.schemas import MAX_ID
from aterkoppla.api.tests.helpers import BASE, ApiClient
from aterkoppla.applications.services import application_move
from aterkoppla.lib.links import redact_links
from aterkoppla.messaging.models import Kind, Message

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

CONTRACT_FIELDS = {"id", "kind", "channel", "to", "subject", "body", "status", "sent_at"}


def _path(application_id: object) -> str:
    return f"/messages?application={application_id}"


@pytest.fixture
def sent_and_failed(application, owner):
    """Sara's acknowledgement, sent; then her status update, which failed for good."""
    acknowledgement = Message.objects.get(application=application)
    acknowledgement.status = Message.Status.SENT
    acknowledgement.attempts = 1
    acknowledgement.sent_at = timezone.now()
    acknowledgement.save()
    application_move(application=application, to_stage="screening", by=owner)
    update = Message.objects.get(application=application, kind=Kind.STATUS_UPDATE)
    update.status = Message.Status.FAILED
    update.attempts = 2
    update.last_error = "550 5.1.1 Recipient address rejected"
    update.save()
    return acknowledgement, update


def test_openapi_describes_the_route_and_its_contract_fields():
    openapi = Client().get(f"{BASE}/openapi.json").json()
    operation = openapi["paths"]["/api/v1/messages"]["get"]
    [parameter] = operation["parameters"]
    assert parameter["name"] == "application"
    assert parameter["in"] == "query"
    assert parameter["required"] is True
    assert parameter["schema"]["type"] == "integer"
    assert {"200", "401", "404", "422"} <= set(operation["responses"])
    assert set(openapi["components"]["schemas"]["MessageOut"]["properties"]) >= CONTRACT_FIELDS


def test_lists_the_messages_oldest_first_exactly_as_sent(api_as, owner, sent_and_failed):
    acknowledgement, update = sent_and_failed
    response = api_as(owner).get(_path(acknowledgement.application_id))
    assert response.status_code == 200
    first, second = response.json()
    assert set(first) >= CONTRACT_FIELDS
    assert first == {
        "id": acknowledgement.pk,
        "application_id": acknowledgement.application_id,
        "kind": "acknowledgement",
        "channel": "email",
        "to": "sara.ek@example.se",
        "to_name": "Sara Ek",
        "from_address": "Exempel AB <rekrytering@example.se>",
        # The owner has no address: answers go to the organisation's contact address.
        "reply_to": "Exempel AB <rekrytering@example.se>",
        "language": "sv",
        "subject": acknowledgement.subject,
        # As sent, but without the secret of the candidate's link.
        "body": redact_links(acknowledgement.body_text),
        "body_html": redact_links(acknowledgement.body_html),
        "status": "sent",
        "attempts": 1,
        "last_error": "",
        "created_at": first["created_at"],
        "sent_at": first["sent_at"],
    }
    # Times are given to the millisecond.
    for name in ("sent_at", "created_at"):
        given = dt.datetime.fromisoformat(first[name])
        assert abs(given - getattr(acknowledgement, name)) < dt.timedelta(milliseconds=1)
    assert "Sara" in first["body"]
    assert (second["id"], second["kind"], second["status"]) == (
        update.pk,
        "status_update",
        "failed",
    )
    assert second["sent_at"] is None
    assert second["attempts"] == 2
    assert second["last_error"] == "550 5.1.1 Recipient address rejected"


def test_only_the_applications_own_messages(api_as, owner, recruitment, application):
    from aterkoppla.applications.services import application_receive

    other = application_receive(
        recruitment=recruitment, first_name="Erik", last_name="Nilsson", email="erik@example.se"
    )
    body = api_as(owner).get(_path(application.pk)).json()
    assert [m["to"] for m in body] == ["sara.ek@example.se"]
    assert [m["to"] for m in api_as(owner).get(_path(other.pk)).json()] == ["erik@example.se"]


def test_an_application_without_messages_is_an_empty_list(
    api_as, owner, application, unguarded_deletes
):
    Message.objects.filter(application=application).delete()
    response = api_as(owner).get(_path(application.pk))
    assert (response.status_code, response.json()) == (200, [])


@pytest.mark.parametrize("who", ["owner", "member", "hiring_manager", "site_admin"])
def test_every_team_member_and_site_admin_may_read(request, api_as, application, who):
    response = api_as(request.getfixturevalue(who)).get(_path(application.pk))
    assert response.status_code == 200
    assert len(response.json()) == 1


def test_interviewer_reads_only_the_applications_they_interview(
    request, api_as, interviewer, application
):
    assert api_as(interviewer).get(_path(application.pk)).status_code == 404
    request.getfixturevalue("interview")
    response = api_as(interviewer).get(_path(application.pk))
    assert response.status_code == 200
    # The acknowledgement, the status update for the interview stage and the invitation.
    assert [m["kind"] for m in response.json()] == [
        "acknowledgement",
        "status_update",
        "interview_booked",
    ]


def test_outsider_gets_404(api_as, outsider, application):
    response = api_as(outsider).get(_path(application.pk))
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_no_token_gets_401(application):
    response = ApiClient(None).get(_path(application.pk))
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_revoked_token_gets_401(owner, application):
    token, key = ApiToken.issue(user=owner, name="Old")
    token.revoke()
    response = ApiClient(key).get(_path(application.pk))
    assert response.status_code == 401
    assert response.json()["detail"]


def test_token_of_inactive_user_gets_401(member, application):
    _token, key = ApiToken.issue(user=member, name="Left")
    member.is_active = False
    member.save(update_fields=["is_active"])
    assert ApiClient(key).get(_path(application.pk)).status_code == 401


@pytest.mark.parametrize(
    "value", ["999999", "0", "-1", "abc", "1.5", "", " 1", "1e3", "٣", str(MAX_ID + 1), "9" * 40]
)
def test_an_id_that_names_nothing_is_404(api_as, owner, application, value):
    response = api_as(owner).get(f"/messages?application={value}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_missing_application_is_422(api_as, owner):
    response = api_as(owner).get("/messages")
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["application"]


def test_only_get(api_as, owner, application):
    response = api_as(owner).post(_path(application.pk), {})
    assert response.status_code == 405
    assert response.json()["detail"]


# token (with its user), the application, team membership, the messages
API_QUERIES = 4


@pytest.mark.parametrize("moves", [0, 3])
def test_query_count_is_fixed(django_assert_num_queries, owner, token_for, application, moves):
    for stage in ["screening", "interview", "reserve"][:moves]:
        application = application_move(
            application=application, to_stage=stage, by=owner, reply_by=dt.date(2026, 12, 18)
        )
    client = ApiClient(token_for(owner))
    client.get("/me")  # the token's first use is recorded once; not part of the count
    with django_assert_num_queries(API_QUERIES):
        response = client.get(_path(application.pk))
    assert len(response.json()) == 1 + moves


def test_a_message_waiting_for_the_contact_details_says_so(
    api_as, owner, recruitment, organisation_without_contact
):
    from aterkoppla.applications.services import application_receive

    application = application_receive(
        recruitment=recruitment, first_name="Sara", last_name="Ek", email="sara@example.se"
    )
    [message] = api_as(owner).get(_path(application.pk)).json()
    assert (message["status"], message["from_address"], message["reply_to"]) == ("waiting", "", "")
