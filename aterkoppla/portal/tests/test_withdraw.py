from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client

from aterkoppla.applications.models import Application
from aterkoppla.applications.services import applications_close
from aterkoppla.messaging.models import Message
from aterkoppla.portal.tests.helpers import assert_private, comparable, link
from aterkoppla.timeline.models import TimelineEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]


def test_withdraw_asks_first_and_explains(anon, english_application):
    path = link(english_application)
    page = anon.get(path).content.decode()
    assert f'href="{path}aterta/"' in page

    response = anon.get(f"{path}aterta/")

    assert response.status_code == 200
    confirm = response.content.decode()
    assert "Withdraw your application?" in confirm
    assert "leaves the recruitment and we stop considering it" in confirm
    assert "This cannot be undone." in confirm
    assert 'method="post"' in confirm and "csrfmiddlewaretoken" in confirm
    assert f'href="{path}"' in confirm  # the way back, without withdrawing
    assert Application.objects.get().stage == "received"


def test_withdraw_end_to_end_in_the_candidates_language(anon, english_application):
    path = link(english_application)

    response = anon.post(f"{path}aterta/")

    assert response.status_code == 302
    assert response["Location"] == path
    english_application.refresh_from_db()
    assert english_application.stage == "withdrawn"
    assert english_application.closed_from_stage == "received"
    event = english_application.timeline.filter(kind="stage_changed").get()
    assert event.actor == TimelineEvent.Actor.CANDIDATE
    assert event.actor_user is None
    assert event.data == {"from": "received", "to": "withdrawn"}
    confirmation = english_application.messages.get(kind="withdrawal_confirmation")
    assert confirmation.status == Message.Status.QUEUED
    assert confirmation.language == "en"
    assert confirmation.to_address == "tom.baker@example.com"
    assert confirmation.subject == "You have withdrawn your application for Lagerarbetare"

    page = anon.get(path).content.decode()
    assert "You have withdrawn your application. We have sent you a confirmation by email." in page
    assert "You have withdrawn your application. Thank you for your interest" in page
    assert "/aterta/" not in page
    assert "18 December 2026" not in page
    assert confirmation.subject in page  # on its way


def test_swedish_candidate_gets_the_confirmation_in_swedish(anon, application):
    anon.post(f"{link(application)}aterta/")
    confirmation = application.messages.get(kind="withdrawal_confirmation")
    assert confirmation.language == "sv"
    assert confirmation.subject == "Du har återtagit din ansökan till Lagerarbetare"


def test_closed_application_cannot_be_withdrawn(anon, owner, english_application):
    applications_close(applications=[english_application], outcome="rejected", by=owner)
    path = link(english_application)
    assert "/aterta/" not in anon.get(path).content.decode()

    shown = anon.get(f"{path}aterta/")
    assert shown.status_code == 200
    assert "no longer open, so it cannot be withdrawn" in shown.content.decode()
    assert 'method="post"' not in shown.content.decode().split("</header>")[1]

    posted = anon.post(f"{path}aterta/")
    assert posted.status_code == 409
    assert "no longer open, so it cannot be withdrawn" in posted.content.decode()
    english_application.refresh_from_db()
    assert english_application.stage == "rejected"
    assert not english_application.messages.filter(kind="withdrawal_confirmation").exists()


def test_withdrawing_twice_does_it_once(anon, english_application):
    path = f"{link(english_application)}aterta/"
    assert anon.post(path).status_code == 302
    assert anon.post(path).status_code == 409
    assert english_application.messages.filter(kind="withdrawal_confirmation").count() == 1


def test_withdraw_needs_the_csrf_token(english_application):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(f"{link(english_application)}aterta/")
    assert response.status_code == 403
    english_application.refresh_from_db()
    assert english_application.is_open


def test_withdraw_works_the_way_a_browser_posts_it(english_application):
    """The page's referrer policy decides the Origin header a browser sends with the form."""
    browser = Client(enforce_csrf_checks=True)
    path = f"{link(english_application)}aterta/"
    page = browser.get(path)
    assert page["Referrer-Policy"] == "strict-origin"
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    # Under "no-referrer" a browser would send "Origin: null", and the CSRF check refuses it.
    refused = browser.post(path, {"csrfmiddlewaretoken": csrf}, HTTP_ORIGIN="null")
    assert refused.status_code == 403
    # Under "strict-origin" it sends its origin, and a Referer without the path.
    response = browser.post(
        path,
        {"csrfmiddlewaretoken": csrf},
        HTTP_ORIGIN="http://testserver",
        HTTP_REFERER="http://testserver/",
    )
    assert response.status_code == 302
    english_application.refresh_from_db()
    assert english_application.stage == "withdrawn"


def test_withdraw_with_a_wrong_token_is_the_same_404(anon, application):
    missing = anon.get("/ansokan/not-a-token/")
    for response in (
        anon.get("/ansokan/not-a-token/aterta/"),
        anon.post("/ansokan/not-a-token/aterta/"),
    ):
        assert response.status_code == 404
        assert comparable(response.content) == comparable(missing.content)
        assert_private(response)
    application.refresh_from_db()
    assert application.is_open


def test_withdraw_posts_are_rate_limited(anon):
    with time_machine.travel(dt.datetime(2026, 11, 26, 10, tzinfo=dt.UTC), tick=False):
        for i in range(10):
            assert anon.post(f"/ansokan/guess-{i}/aterta/").status_code == 404
        assert anon.post("/ansokan/guess-10/aterta/").status_code == 429
        # Reading is limited separately and more loosely.
        assert anon.get("/ansokan/guess-11/").status_code == 404
