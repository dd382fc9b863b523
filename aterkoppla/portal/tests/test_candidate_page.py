from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from aterkoppla.applications.models import Application
from aterkoppla.applications.services import application_move, applications_close
from aterkoppla.messaging.models import Message, PortalToken
from aterkoppla.messaging.services import message_queue
from aterkoppla.portal.tests.helpers import (
    assert_private,
    choose_language,
    comparable,
    link,
    receive,
)
from aterkoppla.portal.views import REJECTED_AFTER_INTERVIEW, STATUS_SENTENCES
from aterkoppla.recruitment.services import recruitment_create
from tests.helpers import interview_held

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

# The link, the messages, the organisation, the request for written information, the
# talent pool consent and a scheduled erasure; the rest is the rate limit's counter in the
# database cache (a cull check, an add and an increment, each in a savepoint).
QUERIES = 6 + 12


def _sent(message: Message, at: dt.datetime) -> None:
    Message.objects.filter(pk=message.pk).update(status=Message.Status.SENT, sent_at=at)


def _english(text: str) -> str:
    with translation.override("en"):
        return str(text)


def _at(day: int, hour: int = 12) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, tzinfo=dt.UTC)


def test_swedish_candidate_sees_job_status_and_promised_date(anon, application):
    response = anon.get(link(application))
    assert response.status_code == 200
    assert response["Content-Language"] == "sv"
    page = response.content.decode()
    assert '<html lang="sv">' in page
    assert "Lagerarbetare" in page
    assert "Exempel AB" in page
    assert "Sara" in page
    with translation.override("sv"):
        assert str(STATUS_SENTENCES["received"]) in page
    assert "Du får besked från oss senast 18 december 2026." in page
    assert "/aterta/" in page


def test_english_candidate_sees_the_page_in_english(anon, english_application):
    response = anon.get(link(english_application))
    assert response["Content-Language"] == "en"
    page = response.content.decode()
    assert '<html lang="en">' in page
    assert "Hello Tom!" in page
    assert "You will hear from us no later than 18 December 2026." in page
    assert "We have received your application and will read it against the requirements." in page


def test_the_language_switch_wins_over_the_candidates_language(
    anon, application, english_application
):
    path = link(application)
    switched = anon.post(reverse("set_language"), {"language": "en", "next": path})
    assert switched["Location"] == path
    assert "18 December 2026" in anon.get(path).content.decode()
    choose_language(anon, "sv")
    page = anon.get(link(english_application)).content.decode()
    assert "Du får besked från oss senast 18 december 2026." in page


def test_every_link_to_the_application_leads_to_the_same_page(anon, application):
    first, second = link(application), link(application)
    assert first != second
    assert anon.get(first).status_code == anon.get(second).status_code == 200


@pytest.mark.parametrize(
    ("moves", "stage"),
    [
        ([], "received"),
        (["screening"], "screening"),
        (["interview"], "interview"),
        (["interview", "reserve"], "reserve"),
        (["interview", "offer"], "offer"),
        (["interview", "offer", "hired"], "hired"),
        (["rejected"], "rejected"),
        (["withdrawn"], "withdrawn"),
    ],
)
def test_each_stage_in_one_plain_sentence(anon, owner, english_application, moves, stage):
    for to_stage in moves:
        if to_stage in Application.CLOSED_STAGES:
            applications_close(applications=[english_application], outcome=to_stage, by=owner)
        else:
            application_move(application=english_application, to_stage=to_stage, by=owner)
    page = anon.get(link(english_application)).content.decode()
    assert _english(STATUS_SENTENCES[stage]) in page
    open_stage = stage not in {"hired", "rejected", "withdrawn"}
    assert ("18 December 2026" in page) is open_stage
    assert ("/aterta/" in page) is open_stage


def test_no_after_an_interview_is_not_told_before_the_phone_call(anon, owner, english_application):
    interview_held(english_application)
    # As a decision closes it: the answer is the call, still to be made.
    applications_close(
        applications=[english_application], outcome="rejected", by=owner, answered=False
    )
    page = anon.get(link(english_application)).content.decode()
    assert _english(REJECTED_AFTER_INTERVIEW) in page
    assert _english(STATUS_SENTENCES["rejected"]) not in page
    assert "Rejected" not in page


def test_invited_but_never_interviewed_reads_the_written_no(anon, owner, english_application):
    """Sitting in the interview stage is not an interview: no call is owed, no call promised."""
    application_move(application=english_application, to_stage="interview", by=owner)
    applications_close(applications=[english_application], outcome="rejected", by=owner)
    page = anon.get(link(english_application)).content.decode()
    assert _english(REJECTED_AFTER_INTERVIEW) not in page
    assert _english(STATUS_SENTENCES["rejected"]) in page


def test_a_broken_promise_is_admitted(anon, english_application):
    with time_machine.travel(dt.datetime(2026, 12, 21, 9, tzinfo=dt.UTC)):
        page = anon.get(link(english_application)).content.decode()
    assert "We promised you an answer by 18 December 2026 and we are late." in page


def test_messages_sent_newest_first_with_full_text(anon, english_application):
    acknowledgement = english_application.messages.get()
    _sent(acknowledgement, _at(25, 10))
    application_move(application=english_application, to_stage="screening", by=None)
    update = english_application.messages.get(kind="status_update")
    _sent(update, _at(27))
    page = anon.get(link(english_application)).content.decode()
    assert page.index(update.subject) < page.index(acknowledgement.subject)
    assert "27 November 2026" in page and "25 November 2026" in page
    assert "<details" in page and f"<summary>{acknowledgement.subject}</summary>" in page
    assert "Hello Tom," in page  # the text itself, inside the <details>


def test_a_queued_message_shows_as_on_its_way_and_a_failed_one_not_at_all(
    anon, english_application
):
    acknowledgement = english_application.messages.get()
    page = anon.get(link(english_application)).content.decode()
    assert "On its way" in page and acknowledgement.subject in page
    Message.objects.filter(pk=acknowledgement.pk).update(
        status=Message.Status.FAILED, last_error="550 mailbox unavailable at mx.internal"
    )
    page = anon.get(link(english_application)).content.decode()
    assert acknowledgement.subject not in page
    assert "mx.internal" not in page
    assert "We have not sent you any messages yet." in page


def test_only_this_application_is_shown(anon, owner, recruitment, english_application):
    other_person = receive(
        recruitment, first_name="Zlatan", last_name="Zetterlund", email="zz@example.se"
    )
    _sent(other_person.messages.get(), _at(25))
    truck_job = recruitment_create(owner=owner, title="Truckförare", status="open")
    same_person_other_job = receive(truck_job)
    _sent(same_person_other_job.messages.get(), _at(25))
    _sent(english_application.messages.get(), _at(25))

    page = anon.get(link(english_application)).content.decode()

    assert "Zlatan" not in page and "Zetterlund" not in page
    assert "Truckförare" not in page
    assert page.count('<details class="portal-message"') == 1


def test_no_staff_or_internal_data(anon, application):
    page = anon.get(link(application)).content.decode()
    for internal in (
        "Olivia",  # the owner who entered the application
        "Ägare",
        "sara.ek@example.se",
        "+46701234567",
        "Truckkort A+B, 2021",  # merits are assessed by the staff, not shown back
        "Erfarenhet av lagerarbete",  # the requirement profile's weights and names
        "Received",
        "Mottagen",
        f"/applications/{application.pk}",
    ):
        assert internal not in page, internal


@pytest.mark.parametrize(
    "token",
    [
        "wrong-but-well-formed-token-aaaaaaaaaaaaaaaaaaaaaaaaaa",
        "short",
        "%00",
        "%FF%FE",
        "ö' OR 1=1 --",
        "a" * 101,
        "a" * 5000,
    ],
)
def test_wrong_and_malformed_tokens_get_the_same_404_as_an_erased_application(
    anon, application, token
):
    from aterkoppla.privacy.services import erasure_request

    gone = link(application)
    erasure_request(candidate=application.candidate, via="portal")
    missing = anon.get(gone)
    wrong = anon.get(f"/ansokan/{token}/")
    assert missing.status_code == wrong.status_code == 404
    assert comparable(wrong.content) == comparable(missing.content)
    assert "/ansokan/ny-lank/" in wrong.content.decode()
    assert_private(wrong)


def test_not_found_page_is_the_public_one(anon, db):
    page = anon.get("/ansokan/nothing-here/").content.decode()
    assert 'class="public"' in page
    assert "/jobb/" in page


def test_every_page_is_kept_private(anon, application):
    path = link(application)
    for url in (path, f"{path}aterta/", "/ansokan/ny-lank/", "/ansokan/wrong/"):
        assert_private(anon.get(url))
    assert 'name="robots" content="noindex"' in anon.get(path).content.decode()


def test_the_page_only_reads(anon, application):
    response = anon.post(link(application))
    assert response.status_code == 405


def test_last_used_is_written_at_most_once_an_hour(anon, application):
    path = link(application)
    token = PortalToken.objects.latest("pk")
    assert token.last_used_at is None
    with time_machine.travel(_at(26, 10), tick=False):
        anon.get(path)
        token.refresh_from_db()
        assert token.last_used_at == timezone.now()
    with time_machine.travel(_at(26, 10) + dt.timedelta(minutes=59), tick=False):
        anon.get(path)
        token.refresh_from_db()
        assert token.last_used_at == _at(26, 10)
    with time_machine.travel(_at(26, 11) + dt.timedelta(minutes=1), tick=False):
        anon.get(path)
        token.refresh_from_db()
        assert token.last_used_at == _at(26, 11) + dt.timedelta(minutes=1)


def test_query_count_does_not_grow_with_messages(anon, application, django_assert_max_num_queries):
    for n in range(5):
        message = message_queue(application=application, kind="status_update", dedupe_key=f"t{n}")
        _sent(message, _at(25, 10 + n))
    path = link(application)
    with time_machine.travel(_at(26, 10), tick=False):
        anon.get(path)  # the first visit notes the link as used
        with django_assert_max_num_queries(QUERIES):
            page = anon.get(path).content.decode()
    assert page.count('<details class="portal-message"') == 5


def test_a_burst_of_guesses_is_stopped(anon, application):
    with time_machine.travel(_at(26, 10), tick=False):
        for i in range(60):
            assert anon.get(f"/ansokan/guess-{i}/").status_code == 404
        blocked = anon.get("/ansokan/guess-60/")
        assert blocked.status_code == 429
        assert_private(blocked)
        # The right link from the same address waits too: the limit is per address.
        assert anon.get(link(application)).status_code == 429
        assert anon.get(link(application), REMOTE_ADDR="10.9.8.7").status_code == 200
