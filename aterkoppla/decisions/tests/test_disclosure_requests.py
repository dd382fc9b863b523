"""Requests for the written information under diskrimineringslagen 2 kap. 4 §: who may ask,
the date it is promised by, and every way a request arrives (the candidate's page, the call,
staff on the candidate's behalf, the API), with the dashboard listing it."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from aterkoppla.decisions.models import CallTask, DisclosureRequest
from aterkoppla.decisions.services import (
    RejectionInput,
    call_attempt_record,
    decision_record,
    disclosure_request,
)
from aterkoppla.decisions.tests.fixtures import decide_with_hire
from aterkoppla.lib.workdays import add_working_days
from aterkoppla.messaging.models import Kind
from aterkoppla.organisation.models import Organisation
from aterkoppla.portal.tests.helpers import link
from aterkoppla.timeline.models import TimelineEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]


@pytest.fixture
def decided(recruitment, owner, interviewed, others):
    return decide_with_hire(recruitment, owner, interviewed, others)


def test_who_may_ask(owner, application, decided):
    (sara, _ali, emma), (nils, _olle) = decided
    with pytest.raises(ValidationError, match=r"did not get the job|inte fick jobbet"):
        disclosure_request(application=emma, by=owner, via="phone")
    assert application.is_open  # not decided yet: no answer, nothing to compare with
    with pytest.raises(ValidationError):
        disclosure_request(application=application, by=owner, via="phone")
    asked = disclosure_request(application=nils, by=owner, via="letter")
    assert asked.status == DisclosureRequest.Status.OPEN
    # Asking again promises nothing new.
    assert disclosure_request(application=nils, by=None, via="portal") == asked
    assert DisclosureRequest.objects.count() == 1
    with pytest.raises(ValidationError):
        disclosure_request(application=sara, by=owner, via="pigeon")


def test_the_due_date_counts_the_organisations_working_days_past_the_holidays(owner, decided):
    (_sara, _ali, _emma), (nils, _olle) = decided
    Organisation.objects.filter(pk=1).update(disclosure_working_days=5)
    with time_machine.travel(dt.datetime(2026, 12, 22, 9, tzinfo=dt.UTC)):
        asked = disclosure_request(application=nils, by=owner, via="phone")
    assert asked.due == add_working_days(dt.date(2026, 12, 22), 5)
    # Christmas and New Year are not working days: five of them reach into January.
    assert asked.due > dt.date(2026, 12, 31)
    event = TimelineEvent.objects.get(kind="disclosure_requested")
    assert event.data == {"request": asked.pk, "via": "phone", "due": asked.due.isoformat()}


def test_one_click_on_the_candidates_page(client_for, decided):
    (_sara, _ali, _emma), (nils, _olle) = decided
    anon = client_for(None)
    page = anon.get(link(nils)).content.decode()
    assert "Begär den skriftliga informationen" in page
    token_path = link(nils)
    response = anon.post(token_path + "skriftlig-information/")
    assert response.status_code == 302
    asked = DisclosureRequest.objects.get(application=nils)
    assert asked.via == DisclosureRequest.Via.PORTAL
    page = anon.get(token_path).content.decode()
    assert "Du har begärt den skriftliga informationen" in page
    assert "Begär den skriftliga informationen" not in page
    event = TimelineEvent.objects.get(kind="disclosure_requested")
    assert event.actor == TimelineEvent.Actor.CANDIDATE


def test_an_open_application_has_no_button_and_a_post_is_refused(client_for, application):
    anon = client_for(None)
    path = link(application)
    assert "Begär den skriftliga informationen" not in anon.get(path).content.decode()
    response = anon.post(path + "skriftlig-information/", follow=True)
    assert "när ansökan har fått sitt besked" in response.content.decode()
    assert not DisclosureRequest.objects.exists()


def test_asked_in_the_call_is_a_request_and_the_summary_names_its_date(hiring_manager, decided):
    (sara, _ali, _emma), _others = decided
    task = CallTask.objects.get(application=sara)
    call_attempt_record(
        task=task,
        by=hiring_manager,
        outcome="reached",
        summary_requested=True,
        disclosure_requested=True,
    )
    asked = DisclosureRequest.objects.get(application=sara)
    assert asked.via == DisclosureRequest.Via.CALL
    summary = sara.messages.get(kind=Kind.CALL_SUMMARY).body_text
    day = asked.due
    months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
              "september", "oktober", "november", "december"]  # fmt: skip
    assert f"senast den {day.day} {months[day.month - 1]} {day.year}" in summary


@pytest.mark.parametrize(
    ("who", "status"),
    [("owner", 302), ("hiring_manager", 302), ("interviewer", 403), ("outsider", 404)],
)
def test_staff_record_a_request_on_the_candidates_behalf(request, client_for, decided, who, status):
    (sara, _ali, _emma), _others = decided
    client = client_for(request.getfixturevalue(who))
    url = reverse("decisions:disclosure_new", args=[sara.pk])
    response = client.post(url, {"via": "phone"})
    assert response.status_code == status
    assert DisclosureRequest.objects.filter(application=sara).exists() == (status == 302)


def test_anonymous_staff_url_asks_to_log_in(client_for, decided):
    (_sara, _ali, _emma), (nils, _olle) = decided
    response = client_for(None).post(
        reverse("decisions:disclosure_new", args=[nils.pk]), {"via": "phone"}
    )
    assert response.status_code == 302 and "login" in response["Location"]
    assert not DisclosureRequest.objects.exists()


def test_the_application_page_and_the_dashboard_show_the_promise(client_for, owner, decided):
    (_sara, _ali, _emma), (nils, _olle) = decided
    asked = disclosure_request(application=nils, by=owner, via="email")
    client = client_for(owner)
    page = client.get(nils.get_absolute_url()).content.decode()
    assert "Skriftlig information (diskrimineringslagen 2 kap. 4 §)" in page
    dashboard = client.get(reverse("dashboard:home")).content.decode()
    section = dashboard[dashboard.index('id="disclosures"') :].split("</section>")[0]
    assert "Nils Holm" in section
    assert f"{asked.due.day}" in section


# --- The letter ---------------------------------------------------------------------------


@pytest.fixture
def with_merits(recruitment, owner, interviewed, others):
    """As ``decided``, with the merits of Emma (hired) and Ali (interviewed) recorded first,
    holding an employer, a school, a place and years that must never reach the letter."""
    from aterkoppla.assessment.services import merits_update

    _sara, ali, emma = interviewed
    merits_update(
        application=emma,
        by=owner,
        merits={
            "education": [
                {
                    "field": "logistik",
                    "level": "vocational",
                    "organisation": "Jönköping University",
                    "from_year": 2014,
                    "to_year": 2016,
                }
            ],
            "experience": [{"role": "lagerarbetare", "years": 6, "organisation": "Nordlager AB"}],
        },
    )
    merits_update(
        application=ali,
        by=owner,
        merits={"experience": [{"role": "truckförare", "years": 2, "organisation": "DHL"}]},
    )
    return decide_with_hire(recruitment, owner, interviewed, others)


def test_the_letter_lists_merits_and_identifies_no_one(client_for, owner, with_merits):
    (sara, _ali, _emma), _others = with_merits
    asked = disclosure_request(application=sara, by=None, via="portal")
    page = client_for(owner).get(reverse("decisions:disclosure", args=[asked.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Den som anställdes:" in text
    assert "sex års erfarenhet som lagerarbetare" in text
    assert "två års erfarenhet som truckförare" in text
    response = client_for(owner).post(reverse("decisions:disclosure", args=[asked.pk]))
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == DisclosureRequest.Status.ANSWERED
    message = sara.messages.get(kind=Kind.DISCLOSURE_LETTER)
    for secret in ("Emma", "Berg", "Ali", "Hassan", "Nordlager", "DHL", "Jönköping", "2014",
                   "2016", "@", "070-"):  # fmt: skip
        assert secret not in message.body_text.split("Vänliga hälsningar")[0], secret
    assert "diskrimineringslagen 2 kap. 4 §" in message.body_text
    assert "Sara" in message.body_text  # addressed to her, and she is not in the list
    assert TimelineEvent.objects.filter(kind="disclosure_sent").exists()
    again = client_for(owner).post(reverse("decisions:disclosure", args=[asked.pk]), follow=True)
    assert "redan besvarats" in again.content.decode()
    assert sara.messages.filter(kind=Kind.DISCLOSURE_LETTER).count() == 1


def test_the_letter_is_in_the_requesters_language(owner, with_merits):
    from aterkoppla.decisions.disclosure import disclosure_letter

    (_sara, ali, _emma), _others = with_merits
    asked = disclosure_request(application=ali, by=None, via="portal")
    letter = disclosure_letter(asked)
    assert letter.language == "en"
    assert "The person hired:" in letter.text
    assert "six years of experience as lagerarbetare" in letter.text
    assert "truckförare" not in letter.text  # his own merits are not listed to him


@pytest.mark.parametrize(
    ("who", "status"),
    [("hiring_manager", 200), ("interviewer", 403), ("outsider", 404)],
)
def test_who_may_review_and_send_the_letter(request, client_for, decided, who, status):
    (sara, _ali, _emma), _others = decided
    asked = disclosure_request(application=sara, by=None, via="portal")
    client = client_for(request.getfixturevalue(who))
    url = reverse("decisions:disclosure", args=[asked.pk])
    assert client.get(url).status_code == status
    assert client_for(None).get(url).status_code == 302
    if status != 200:
        assert client.post(url).status_code == status
        asked.refresh_from_db()
        assert asked.status == DisclosureRequest.Status.OPEN


def test_a_refusal_on_the_page_is_in_the_candidates_language(client_for, recruitment, owner):
    from aterkoppla.decisions.tests.fixtures import apply_for

    john = apply_for(recruitment, owner, "John", "Smith", "john@example.com", "", "en")
    anon = client_for(None)
    response = anon.post(link(john) + "skriftlig-information/", follow=True)
    assert "can be asked for once the application has its answer" in response.content.decode()
    assert not DisclosureRequest.objects.exists()


def test_before_anyone_is_hired_the_letter_speaks_of_no_one_who_got_the_job(
    recruitment, owner, interviewed
):
    from aterkoppla.decisions.services import disclosure_send

    sara = interviewed[0]
    criteria = list(recruitment.criteria.all())
    decision_record(
        recruitment=recruitment,
        by=owner,
        rejections=[
            RejectionInput(sara.pk, (criteria[1].pk,), "Mindre erfarenhet av lagerarbete.")
        ],
    )
    sara.refresh_from_db()
    asked = disclosure_request(application=sara, by=None, via="portal")
    body = disclosure_send(request=asked, by=owner).body_text
    assert "ingen har anställts" in body
    assert "den som fick tjänsten" not in body and "Den som fick tjänsten" not in body
    assert "Kallade till intervju (2):\nPerson 1:" in body
