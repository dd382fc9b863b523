from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from aterkoppla.messaging.links import application_for_token
from aterkoppla.messaging.models import Message
from aterkoppla.portal.services import LINKS_PER_DAY
from aterkoppla.portal.tests.helpers import (
    assert_private,
    choose_language,
    comparable,
    link_in,
    receive,
)
from aterkoppla.recruitment.services import recruitment_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

URL = "/ansokan/ny-lank/"


def _links() -> list[Message]:
    return list(Message.objects.filter(kind="portal_link"))


def test_the_form_has_a_labelled_email_field(anon):
    response = anon.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<label for="id_email">' in page
    assert 'autocomplete="email"' in page
    assert_private(response)


def test_known_and_unknown_addresses_get_the_same_answer(anon, application):
    choose_language(anon, "en")
    known = anon.post(URL, {"email": "SARA.EK@example.se"})
    unknown = anon.post(URL, {"email": "nobody@example.se"})

    assert known.status_code == unknown.status_code == 200
    assert comparable(known.content) == comparable(unknown.content)
    assert "If we have an application from that address, we have sent you a link." in (
        known.content.decode()
    )
    assert "sara" not in known.content.decode().lower().split("</header>")[1]
    assert [m.application for m in _links()] == [application]


def test_the_new_link_opens_the_candidate_page(anon, english_application):
    anon.post(URL, {"email": "tom.baker@example.com"})
    message = _links()[0]
    assert message.language == "en"
    assert message.to_address == "tom.baker@example.com"
    page = anon.get(link_in(message)).content.decode()
    assert "Hello Tom!" in page


def test_one_link_for_each_application(anon, owner, english_application):
    truck_job = recruitment_create(owner=owner, title="Truckförare", status="open")
    second = receive(truck_job)

    anon.post(URL, {"email": "Tom.Baker@Example.com"})

    messages = _links()
    assert {m.application for m in messages} == {english_application, second}
    assert {application_for_token(link_in(m).split("/")[2]) for m in messages} == {
        english_application,
        second,
    }


def test_an_inbox_gets_at_most_three_links_a_day(anon, english_application):
    for n in range(LINKS_PER_DAY + 2):
        response = anon.post(URL, {"email": "tom.baker@example.com"}, REMOTE_ADDR=f"10.0.0.{n}")
        assert response.status_code == 200
    assert len(_links()) == LINKS_PER_DAY
    with time_machine.travel(dt.datetime(2026, 11, 26, 12, tzinfo=dt.UTC)):
        anon.post(URL, {"email": "tom.baker@example.com"}, REMOTE_ADDR="10.0.1.1")
    assert len(_links()) == LINKS_PER_DAY + 1


def test_an_invalid_address_is_a_form_error(anon, application):
    response = anon.post(URL, {"email": "sara.ek@"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_email"' in page
    assert 'class="error-summary"' in page
    assert _links() == []


def test_requests_are_rate_limited_per_address(anon, application):
    with time_machine.travel(dt.datetime(2026, 11, 26, 10, tzinfo=dt.UTC), tick=False):
        for n in range(5):
            assert anon.post(URL, {"email": f"person{n}@example.se"}).status_code == 200
        blocked = anon.post(URL, {"email": "sara.ek@example.se"})
        assert blocked.status_code == 429
        assert_private(blocked)
        assert _links() == []
        # Reading the form is not limited, and another address is not affected.
        assert anon.get(URL).status_code == 200
        other = anon.post(URL, {"email": "sara.ek@example.se"}, REMOTE_ADDR="10.2.3.4")
        assert other.status_code == 200
    assert len(_links()) == 1


def test_candidate_without_email_is_not_found_by_an_empty_address(anon, recruitment):
    receive(recruitment, email="", first_name="Brev")
    assert anon.post(URL, {"email": ""}).status_code == 400
    assert _links() == []


def test_the_links_are_written_after_the_page_is_sent(application, rf):
    """The answer takes as long for a known address as for an unknown one: nothing is looked
    up or written until the response has been sent (closed by the server)."""
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.core.signals import request_finished
    from django.db import close_old_connections

    from aterkoppla.portal.views import lost_link

    request = rf.post(URL, {"email": "sara.ek@example.se"}, REMOTE_ADDR="10.9.9.9")
    SessionMiddleware(lambda r: None).process_request(request)
    request._dont_enforce_csrf_checks = True
    response = lost_link(request)
    assert response.status_code == 200
    assert _links() == []
    # As the server does once the page is out; the test's database connection stays open
    # (Django's test client keeps it the same way).
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    assert len(_links()) == 1
