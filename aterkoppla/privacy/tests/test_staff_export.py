"""Staff export a candidate's data on their behalf, from the application page (GDPR art. 15)."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from aterkoppla.privacy.events import DATA_EXPORTED
from aterkoppla.privacy.tests.helpers import others_in, page_text, pdf_text
from aterkoppla.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db

ROUTES = ("privacy:export", "privacy:export_json", "privacy:export_pdf")
FORMAT_OF = {"privacy:export": "page", "privacy:export_json": "json", "privacy:export_pdf": "pdf"}


def _exports() -> list[TimelineEvent]:
    return list(TimelineEvent.objects.filter(kind=DATA_EXPORTED).order_by("id"))


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("who", ["owner", "member", "site_admin"])
def test_the_owner_a_recruiter_and_a_site_admin_may_export(request, client_for, scene, route, who):
    user = request.getfixturevalue(who)
    response = client_for(user).get(reverse(route, args=[scene.sara.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    events = _exports()
    assert {event.application_id for event in events} == {scene.sara.pk, scene.sara_elsewhere.pk}
    for event in events:
        assert event.actor == TimelineEvent.Actor.USER
        assert event.actor_user == user
        assert event.data == {"by": "staff", "format": FORMAT_OF[route]}


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("who", ["hiring_manager", "interviewer"])
def test_other_team_roles_may_not(request, client_for, scene, route, who):
    # Both interviewed Sara, so both may see her application; neither may export her data.
    response = client_for(request.getfixturevalue(who)).get(reverse(route, args=[scene.sara.pk]))
    assert response.status_code == 403
    assert "sara.ek@example.se" not in response.content.decode()
    assert _exports() == []


@pytest.mark.parametrize("route", ROUTES)
def test_an_outsider_finds_nothing(client_for, outsider, scene, route):
    response = client_for(outsider).get(reverse(route, args=[scene.sara.pk]))
    assert response.status_code == 404
    assert _exports() == []


@pytest.mark.parametrize("route", ROUTES)
def test_an_interviewer_of_someone_else_finds_nothing(client_for, interviewer, scene, route):
    # Ali was never interviewed: the interviewer does not see his application at all.
    response = client_for(interviewer).get(reverse(route, args=[scene.ali.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("route", ROUTES)
def test_anonymous_is_sent_to_log_in(client_for, scene, route):
    path = reverse(route, args=[scene.sara.pk])
    response = client_for(None).get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert _exports() == []


def test_an_unknown_application_is_not_found(client_for, owner, scene):
    assert client_for(owner).get(reverse("privacy:export", args=[999_999])).status_code == 404


def test_the_application_page_offers_the_export_to_those_who_may(
    client_for, scene, owner, hiring_manager, interviewer
):
    label = "Exportera kandidatens uppgifter"
    href = reverse("privacy:export", args=[scene.sara.pk])
    page = client_for(owner).get(scene.sara.get_absolute_url()).content.decode()
    assert label in page
    assert f'href="{href}"' in page
    for user in (hiring_manager, interviewer):
        page = client_for(user).get(scene.sara.get_absolute_url()).content.decode()
        assert label not in page


def test_the_page_is_in_the_candidates_language_and_holds_nobody_else(client_for, owner, scene):
    response = client_for(owner).get(reverse("privacy:export", args=[scene.sara.pk]))
    text = page_text(response.content)
    assert "Uppgifterna vi har om Sara Ek" in text
    assert "Visas på svenska, kandidatens språk." in text
    assert "Intervjuarnas bedömningar av dig" in text
    assert "[utelämnat: nämner en annan sökande]" in text
    assert "Din ansökan: Truckförare" in text
    assert others_in(text.replace("Olivia Ägare", "")) == []


def test_the_page_can_be_shown_in_the_other_language(client_for, owner, scene):
    path = reverse("privacy:export", args=[scene.sara.pk])
    text = page_text(client_for(owner).get(path + "?language=en").content)
    assert "Visas på engelska; kandidaten läser svenska." in text
    assert "The interviewers' assessments of you" in text
    assert "[left out: names another applicant]" in text
    # An unknown language is the candidate's own.
    text = page_text(client_for(owner).get(path + "?language=xx").content)
    assert "Visas på svenska, kandidatens språk." in text


def test_json_and_pdf_are_downloads_of_the_whole_person(client_for, member, scene):
    client = client_for(member)
    response = client.get(reverse("privacy:export_json", args=[scene.sara.pk]))
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert {app["job"] for app in data["applications"]} == {"Lagerarbetare", "Truckförare"}
    assert others_in(response.content.decode()) == []
    response = client.get(reverse("privacy:export_pdf", args=[scene.sara.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "Sara" in text
    assert others_in(text) == []


def test_posting_is_refused(client_for, owner, scene):
    response = client_for(owner).post(reverse("privacy:export_json", args=[scene.sara.pk]))
    assert response.status_code == 405
    assert _exports() == []


def test_the_record_shows_on_the_application_page(client_for, owner, scene):
    client = client_for(owner)
    client.get(reverse("privacy:export_pdf", args=[scene.sara.pk]))
    page = page_text(client.get(scene.sara_elsewhere.get_absolute_url()).content)
    assert "En kopia av kandidatens uppgifter togs fram som PDF (GDPR art. 15)." in page
