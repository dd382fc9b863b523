"""Every rendered message passes the language check before it is queued."""

from __future__ import annotations

import pytest
from django.urls import reverse

from aterkoppla.language.models import LanguageOverride, Policy
from aterkoppla.messaging.models import Kind, Message, MessageTemplate
from aterkoppla.messaging.services import message_queue
from aterkoppla.messaging.worker import Worker
from aterkoppla.recruitment.models import Recruitment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

BAD_BODY = "Hej {{ first_name }}!\n\nVi söker någon ung och hungrig, så du går vidare.\n"


@pytest.fixture
def bad_template():
    return MessageTemplate.objects.create(
        kind=Kind.STATUS_UPDATE, language="sv", subject="Om din ansökan", body=BAD_BODY
    )


def _queue(application, key="test-1"):
    return message_queue(application=application, kind=Kind.STATUS_UPDATE, dedupe_key=key)


def test_a_message_with_a_blocking_finding_is_stopped(application, bad_template):
    message = _queue(application)
    assert message.status == Message.Status.HELD
    assert {f["category"] for f in message.findings} == {"age"}
    assert message.findings[0]["field"] == "body"
    event = application.timeline.get(kind="message_held")
    assert event.data["message"] == message.pk
    assert not application.timeline.filter(kind="message_queued", data__message=message.pk).exists()


def test_the_worker_never_sends_a_stopped_message(application, bad_template, smtp_server):
    message = _queue(application)
    Worker().deliver_all()
    message.refresh_from_db()
    assert message.status == Message.Status.HELD
    assert message.message_id not in smtp_server.message_ids()


def test_a_warning_policy_sends_it_and_records_why(application, bad_template):
    Recruitment.objects.filter(pk=application.recruitment_id).update(language_policy=Policy.WARN)
    application.recruitment.refresh_from_db()
    message = _queue(application)
    assert message.status == Message.Status.QUEUED
    override = LanguageOverride.objects.get()
    assert (override.policy, override.application) == (Policy.WARN, application)


def test_an_edited_message_is_released(client_for, owner, application, bad_template):
    message = _queue(application)
    url = reverse("applications:message_review", args=[message.pk])
    client = client_for(owner)
    page = client.get(url).content.decode()
    assert "ung och hungrig" in page
    edited = "Hej Sara!\n\nDu går vidare till nästa steg.\n"
    response = client.post(url, {"subject": message.subject, "body": edited})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == Message.Status.QUEUED
    assert message.body_text == edited.strip()
    assert "nästa steg" in message.body_html and "hungrig" not in message.body_html
    assert message.findings == []
    assert application.timeline.filter(kind="message_released").exists()
    assert not LanguageOverride.objects.exists()


def test_an_unchanged_message_needs_a_reason(client_for, owner, application, bad_template):
    message = _queue(application)
    url = reverse("applications:message_review", args=[message.pk])
    client = client_for(owner)
    data = {"subject": message.subject, "body": message.body_text}
    response = client.post(url, data)
    assert response.status_code == 400
    message.refresh_from_db()
    assert message.status == Message.Status.HELD
    data["language_override_reason"] = "Kandidaten bad själv om formuleringen"
    assert client.post(url, data).status_code == 302
    message.refresh_from_db()
    assert message.status == Message.Status.QUEUED
    event = application.timeline.get(kind="language_override")
    assert event.data["reason"] == "Kandidaten bad själv om formuleringen"


def test_a_message_not_stopped_is_not_reviewed(client_for, owner, application):
    message = Message.objects.filter(application=application).first()
    response = client_for(owner).get(reverse("applications:message_review", args=[message.pk]))
    assert response.status_code == 302


def test_stopped_messages_wait_on_the_dashboard_and_in_the_outbox(
    client_for, owner, application, bad_template
):
    message = _queue(application)
    client = client_for(owner)
    review = reverse("applications:message_review", args=[message.pk])
    assert review in client.get(reverse("dashboard:home")).content.decode()
    outbox = client.get(reverse("applications:outbox", args=[application.pk]))
    assert review in outbox.content.decode()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("owner", 200),
        ("member", 200),
        ("site_admin", 200),
        ("hiring_manager", 403),
        ("outsider", 404),
    ],
)
def test_review_permissions(request, client_for, application, bad_template, who, status):
    message = _queue(application)
    client = client_for(request.getfixturevalue(who))
    url = reverse("applications:message_review", args=[message.pk])
    assert client.get(url).status_code == status
    if status != 200:
        assert client.post(url, {"subject": "x", "body": "y"}).status_code == status
        message.refresh_from_db()
        assert message.status == Message.Status.HELD


def test_review_permissions_interviewer_and_anonymous(
    request, client_for, interviewer, application, bad_template
):
    message = _queue(application)
    url = reverse("applications:message_review", args=[message.pk])
    assert client_for(interviewer).get(url).status_code == 404
    request.getfixturevalue("interview")
    assert client_for(interviewer).get(url).status_code == 403
    response = client_for(None).get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
