"""Erasure (GDPR art. 17) from the candidate's page, by staff on the candidate's behalf and
through the API: done at once where nothing keeps the data, otherwise scheduled for the day the
claim window ends, with the date told to the candidate."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from aterkoppla.accounts.models import ApiToken
from aterkoppla.api.tests.helpers import ApiClient
from aterkoppla.applications.models import Application, Candidate
from aterkoppla.applications.services import (
    IncomingDocument,
    application_receive,
    applications_close,
)
from aterkoppla.lib.documents import PDF
from aterkoppla.lib.tests import samples
from aterkoppla.messaging.links import portal_url_create
from aterkoppla.messaging.models import Message
from aterkoppla.privacy.models import ErasureRequest
from aterkoppla.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db


def _apply(recruitment, first="Ali", last="Hassan", email="ali.hassan@example.com", **extra):
    return application_receive(
        recruitment=recruitment,
        first_name=first,
        last_name=last,
        email=email,
        documents=[
            IncomingDocument(
                kind="cv",
                name="cv.pdf",
                file=SimpleUploadedFile("x", samples.pdf_bytes()),
                type=PDF,
            )
        ],
        **extra,
    )


def _link(application):
    return portal_url_create(application).replace(settings.SITE_URL, "")


def _files(application):
    return [Path(settings.MEDIA_ROOT) / d.file.name for d in application.documents.all()]


# -- The candidate's page ---------------------------------------------------------------------


def test_the_page_offers_erasure_and_says_what_it_will_do(client, recruitment):
    application = _apply(recruitment)
    link = _link(application)
    page = client.get(link)
    erasure_url = link + "radera/"
    assert "Be oss radera dina uppgifter" in page.content.decode()
    assert erasure_url in page.content.decode()
    confirm = client.get(erasure_url).content.decode()
    assert "Din öppna ansökan återtas först." in confirm
    assert "En ansökan raderas direkt." in confirm
    assert "Ja, radera mina uppgifter" in confirm


def test_an_open_application_is_withdrawn_and_erased_at_once(
    client, recruitment, django_capture_on_commit_callbacks
):
    application = _apply(recruitment)
    files = _files(application)
    link = _link(application)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link + "radera/")
    assert response.status_code == 200
    assert "Dina uppgifter är raderade" in response.content.decode()
    application.refresh_from_db()
    assert application.stage == "withdrawn" and application.anonymised_at is not None
    assert not Candidate.objects.filter(email="ali.hassan@example.com").exists()
    assert not any(path.exists() for path in files)
    # The link is gone with the person.
    assert client.get(link).status_code == 404
    request = ErasureRequest.objects.get()
    assert (request.via, request.status, request.erased_now) == ("portal", "done", 1)


def test_a_rejected_application_is_kept_until_the_claim_window_ends_and_the_date_is_told(
    client, recruitment, owner, english
):
    application = _apply(recruitment, language="en")
    applications_close(applications=[application], outcome="rejected", by=owner)
    link = _link(application)
    response = client.post(link + "radera/", follow=True)
    text = response.content.decode()
    today = timezone.localdate()
    expected = today.replace(year=today.year + 2).strftime("%-d %B %Y")
    assert f"We will erase your data on {expected}" in text
    assert "Ask us to erase your data" not in text  # the promise, not the offer again
    message = Message.objects.get(application=application, kind="erasure_scheduled")
    assert message.language == "en" and expected in message.subject
    assert "Discrimination Act" in message.body_text
    application.refresh_from_db()
    assert application.anonymised_at is None
    # Asking again shows the date, and changes nothing.
    again = client.post(link + "radera/")
    assert again.status_code == 409 and expected in again.content.decode()
    assert ErasureRequest.objects.count() == 1


def test_another_persons_link_cannot_erase_anyone_else(client, recruitment, application):
    other = _apply(recruitment)
    client.post(_link(other) + "radera/")
    application.refresh_from_db()
    assert application.anonymised_at is None
    assert Candidate.objects.filter(email="sara.ek@example.se").exists()


def test_a_wrong_link_is_not_found(client, recruitment):
    assert (
        client.post("/ansokan/nonsense-token-aaaaaaaaaaaaaaaaaaaaaaaaaaa/radera/").status_code
        == 404
    )


# -- Staff on the candidate's behalf ----------------------------------------------------------


@pytest.mark.parametrize("who", ["owner", "member", "site_admin"])
def test_the_owner_a_recruiter_and_a_site_admin_may_record_an_erasure(
    request, client_for, recruitment, who
):
    user = request.getfixturevalue(who)
    application = _apply(recruitment)
    url = reverse("privacy:erasure", args=[application.pk])
    page = client_for(user).get(url)
    assert page.status_code == 200 and "Ali Hassan" in page.content.decode()
    response = client_for(user).post(url, {"via": "phone", "note": "Samtal 4 december"})
    assert response.status_code == 302
    request_row = ErasureRequest.objects.get()
    assert (request_row.via, request_row.requested_by, request_row.note) == (
        "phone",
        user,
        "Samtal 4 december",
    )
    application.refresh_from_db()
    assert application.anonymised_at is not None
    events = TimelineEvent.objects.filter(application=application, kind="erasure_requested")
    assert events.count() == 1


@pytest.mark.parametrize("who", ["hiring_manager", "interviewer"])
def test_other_team_roles_may_not(request, client_for, interview, application, who):
    url = reverse("privacy:erasure", args=[application.pk])
    user = request.getfixturevalue(who)
    assert client_for(user).get(url).status_code == 403
    assert client_for(user).post(url, {"via": "phone"}).status_code == 403
    assert not ErasureRequest.objects.exists()


def test_an_outsider_finds_nothing_and_anonymous_logs_in(client_for, outsider, application):
    url = reverse("privacy:erasure", args=[application.pk])
    assert client_for(outsider).post(url, {"via": "phone"}).status_code == 404
    response = client_for(None).post(url, {"via": "phone"})
    assert response.status_code == 302 and "/account/" in response["Location"]
    assert not ErasureRequest.objects.exists()


def test_a_bad_form_says_why_and_erases_nothing(client_for, owner, application):
    url = reverse("privacy:erasure", args=[application.pk])
    response = client_for(owner).post(url, {"via": "pigeon"})
    assert response.status_code == 400
    assert not ErasureRequest.objects.exists()
    application.refresh_from_db()
    assert application.anonymised_at is None and application.is_open


def test_the_application_page_offers_it_to_those_who_may(
    client_for, owner, interviewer, interview, application
):
    url = reverse("privacy:erasure", args=[application.pk])
    assert url in client_for(owner).get(application.get_absolute_url()).content.decode()
    assert url not in client_for(interviewer).get(application.get_absolute_url()).content.decode()


# -- API ---------------------------------------------------------------------------------------


@pytest.fixture
def api_as(db):
    def make(user):
        _token, key = ApiToken.issue(user=user, name="Test")
        return ApiClient(key)

    return make


def test_the_api_records_an_erasure_and_answers_what_it_did(api_as, owner, recruitment):
    application = _apply(recruitment)
    applications_close(applications=[application], outcome="rejected", by=owner)
    response = api_as(owner).post(
        f"/applications/{application.pk}/erasure-requests", {"via": "email"}
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["erased_now"], body["scheduled"]) == ("scheduled", 0, 1)
    assert body["erase_on"] and body["via"] == "email"
    again = api_as(owner).post(f"/applications/{application.pk}/erasure-requests", {})
    assert again.status_code == 422 and "detail" in again.json()


def test_the_api_refuses_an_unknown_way_of_asking(api_as, owner, application):
    response = api_as(owner).post(
        f"/applications/{application.pk}/erasure-requests", {"via": "pigeon"}
    )
    assert response.status_code == 422
    assert Application.objects.get(pk=application.pk).anonymised_at is None
    assert len(mail.outbox) == 0
