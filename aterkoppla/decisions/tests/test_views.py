"""The decision screen, calls, call mode, call sheets and letters: who may open them and
what they do."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from aterkoppla.applications.models import Application
from aterkoppla.decisions.models import CallAttempt, CallTask
from aterkoppla.decisions.services import RejectionInput, decision_record
from aterkoppla.language.models import LanguageOverride
from aterkoppla.messaging.models import Kind, Message

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

AGE = "Hon är nog för gammal för vårt unga team"


def _decision_data(interviewed, criteria, **extra):
    sara, ali, emma = interviewed
    data = {
        f"outcome_{emma.pk}": "hired",
        f"outcome_{sara.pk}": "rejected",
        f"decisive_{sara.pk}": [str(criteria[1].pk)],
        f"explanation_{sara.pk}": "Den vi valde hade längre erfarenhet av lagerarbete.",
        f"outcome_{ali.pk}": "reserve",
        "others": "all",
        "others_reason": "",
        "reserve_until": "2027-01-15",
    }
    data.update(extra)
    return data


def _decided(recruitment, owner, interviewed, others):
    sara, ali, emma = interviewed
    criteria = list(recruitment.criteria.all())
    decision_record(
        recruitment=recruitment,
        by=owner,
        hired=[emma.pk],
        rejections=[
            RejectionInput(sara.pk, (criteria[1].pk,), "Mindre erfarenhet av lagerarbete."),
            RejectionInput(ali.pk, (criteria[0].pk,), "Truckkort A+B: less forklift experience."),
            *(RejectionInput(o.pk) for o in others),
        ],
    )
    return CallTask.objects.get(application=sara)


def test_the_decision_is_shown_before_anything_is_sent(
    client_for, owner, recruitment, interviewed, others
):
    url = reverse("decisions:decision", args=[recruitment.pk])
    client = client_for(owner)
    page = client.get(url).content.decode()
    assert all(a.candidate.full_name in page for a in interviewed)
    data = _decision_data(interviewed, list(recruitment.criteria.all()))
    response = client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bekräfta och skicka" in page
    assert 'name="confirm"' in page
    assert not CallTask.objects.exists()
    assert not Message.objects.filter(kind=Kind.REJECTION).exists()
    # Confirming sends: the form comes back with every value, and confirm=1.
    response = client.post(url, {**data, "confirm": "1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("decisions:calls", args=[recruitment.pk])
    sara, ali, emma = interviewed
    for application, stage in ((sara, "rejected"), (ali, "reserve"), (emma, "hired")):
        application.refresh_from_db()
        assert application.stage == stage
    assert CallTask.objects.get().application == sara
    assert Message.objects.filter(kind=Kind.REJECTION).count() == 2  # Nils by email, Olle by post
    assert not sara.messages.filter(kind=Kind.REJECTION).exists()


def test_an_interviewed_rejection_needs_reasons_on_the_form(
    client_for, owner, recruitment, interviewed
):
    sara = interviewed[0]
    data = {f"outcome_{sara.pk}": "rejected", "others": "keep"}
    response = client_for(owner).post(reverse("decisions:decision", args=[recruitment.pk]), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert f'href="#id_decisive_{sara.pk}"' in page or f"id_decisive_{sara.pk}" in page
    assert f"id_explanation_{sara.pk}" in page
    assert not CallTask.objects.exists()


def test_nothing_chosen_is_an_error(client_for, owner, recruitment, interviewed):
    response = client_for(owner).post(
        reverse("decisions:decision", args=[recruitment.pk]), {"others": "keep"}
    )
    assert response.status_code == 400


def test_an_explanation_is_language_checked(client_for, owner, recruitment, interviewed):
    sara = interviewed[0]
    criteria = list(recruitment.criteria.all())
    url = reverse("decisions:decision", args=[recruitment.pk])
    data = {
        f"outcome_{sara.pk}": "rejected",
        f"decisive_{sara.pk}": [str(criteria[0].pk)],
        f"explanation_{sara.pk}": AGE,
        "others": "keep",
    }
    client = client_for(owner)
    response = client.post(url, data)
    assert response.status_code == 400
    assert "för gammal" in response.content.decode()
    data["language_override_reason"] = "Citat ur kandidatens egen fråga"
    assert client.post(url, data).status_code == 200  # the confirmation
    assert client.post(url, {**data, "confirm": "1"}).status_code == 302
    event = sara.timeline.get(kind="language_override")
    assert event.data["reason"] == "Citat ur kandidatens egen fråga"
    assert LanguageOverride.objects.get().application == sara


def test_the_marked_option_rejects_only_the_marked(
    client_for, owner, recruitment, interviewed, others
):
    nils, olle = others
    Application.objects.filter(pk=nils.pk).update(
        marked_for_rejection=True, rejection_reason="Truckkort saknas."
    )
    url = reverse("decisions:decision", args=[recruitment.pk])
    data = {"others": "marked", "confirm": "1"}
    assert client_for(owner).post(url, data).status_code == 302
    nils.refresh_from_db()
    olle.refresh_from_db()
    assert (nils.stage, olle.stage) == ("rejected", "received")
    assert "Truckkort saknas." in nils.messages.get(kind=Kind.REJECTION).body_text


def test_calls_page_and_call_mode(
    client_for, owner, hiring_manager, recruitment, interviewed, others
):
    task = _decided(recruitment, owner, interviewed, others)
    client = client_for(hiring_manager)
    page = client.get(reverse("decisions:calls", args=[recruitment.pk])).content.decode()
    assert reverse("decisions:call", args=[task.pk]) in page
    assert "Olle Lind" in page  # the letter to print
    call = client.get(reverse("decisions:call", args=[task.pk])).content.decode()
    assert 'href="tel:+46701111111"' in call
    assert "Vad saknade jag jämfört med den som fick jobbet?" in call
    assert "Emma" not in call and "Berg" not in call  # the hired person is never named
    response = client.post(
        reverse("decisions:call", args=[task.pk]),
        {
            "outcome": "reached",
            "notes": "Hon frågade vad hon kan förbättra.",
            "summary_requested": "on",
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == CallTask.Status.DONE
    summary = interviewed[0].messages.get(kind=Kind.CALL_SUMMARY)
    assert summary.body_text.startswith("Hej Sara!")


def test_a_callback_gives_a_calendar_reminder(
    client_for, owner, hiring_manager, recruitment, interviewed, others
):
    task = _decided(recruitment, owner, interviewed, others)
    client = client_for(hiring_manager)
    url = reverse("decisions:call", args=[task.pk])
    response = client.post(url, {"outcome": "callback"})
    assert response.status_code == 400
    response = client.post(
        url, {"outcome": "callback", "callback_date": "2026-11-26", "callback_time": "14:30"}
    )
    assert response.status_code == 302
    ics = client.get(reverse("decisions:callback_ics", args=[task.pk]))
    assert ics["Content-Type"].startswith("text/calendar")
    event = Calendar.from_ical(ics.content).walk("VEVENT")[0]
    assert event.decoded("dtstart").hour == 14
    assert "Sara Ek" in str(event["summary"])
    assert CallAttempt.objects.get().outcome == "callback"


def test_the_call_sheet_pdf_names_the_candidate_and_never_the_hired(
    client_for, owner, recruitment, interviewed, others
):
    _decided(recruitment, owner, interviewed, others)
    sara = interviewed[0]
    url = reverse("decisions:call_sheet", args=[sara.pk])
    client = client_for(owner)
    html = client.get(url).content.decode()
    assert "Sara Ek" in html and "Emma" not in html
    response = client.get(url, {"format": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Sara Ek" in text
    assert "Erfarenhet av lagerarbete" in text
    assert "Emma" not in text and "Berg" not in text


def test_no_call_sheet_without_a_call(client_for, owner, application):
    response = client_for(owner).get(reverse("decisions:call_sheet", args=[application.pk]))
    assert response.status_code == 404


def test_letters_print_and_are_marked(client_for, owner, recruitment, interviewed, others):
    _decided(recruitment, owner, interviewed, others)
    letter = Message.objects.get(channel=Message.Channel.LETTER)
    client = client_for(owner)
    pdf = client.get(reverse("decisions:letter", args=[letter.pk]))
    assert pdf.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Olle Lind" in text and "diskrimineringslagen 2 kap. 4 §" in text
    assert client.post(reverse("decisions:letter_printed", args=[letter.pk])).status_code == 302
    letter.refresh_from_db()
    assert letter.status == Message.Status.PRINTED


def test_the_dashboard_lists_calls_and_letters(
    client_for, owner, hiring_manager, recruitment, interviewed, others
):
    task = _decided(recruitment, owner, interviewed, others)
    page = client_for(hiring_manager).get(reverse("dashboard:home")).content.decode()
    assert "Samtal att ringa" in page
    assert reverse("decisions:call", args=[task.pk]) in page
    assert "Brev att skriva ut" in page


def test_the_candidate_page_waits_for_the_call(
    client_for, owner, hiring_manager, recruitment, interviewed, others
):
    from aterkoppla.decisions.services import call_attempt_record
    from aterkoppla.portal.views import REJECTED_AFTER_INTERVIEW, status_sentence

    task = _decided(recruitment, owner, interviewed, others)
    sara = interviewed[0]
    sara.refresh_from_db()
    assert status_sentence(sara) == REJECTED_AFTER_INTERVIEW
    call_attempt_record(task=task, by=hiring_manager, outcome="reached")
    sara.refresh_from_db()
    assert status_sentence(sara) != REJECTED_AFTER_INTERVIEW


# --- Permissions ----------------------------------------------------------------------------

DECIDERS = ["owner", "member", "hiring_manager", "site_admin"]


def _urls(recruitment, task, letter):
    return [
        reverse("decisions:decision", args=[recruitment.pk]),
        reverse("decisions:calls", args=[recruitment.pk]),
        reverse("decisions:call", args=[task.pk]),
        reverse("decisions:call_sheet", args=[task.application_id]),
        reverse("decisions:letter", args=[letter.pk]),
    ]


@pytest.fixture
def decided(recruitment, owner, interviewed, others):
    task = _decided(recruitment, owner, interviewed, others)
    letter = Message.objects.get(channel=Message.Channel.LETTER)
    return task, letter


@pytest.mark.parametrize("who", DECIDERS)
def test_deciders_open_every_page(request, client_for, recruitment, decided, who):
    client = client_for(request.getfixturevalue(who))
    for url in _urls(recruitment, *decided):
        assert client.get(url).status_code == 200, url


def test_an_interviewer_cannot_decide_or_call(client_for, interviewer, recruitment, decided):
    task, letter = decided
    client = client_for(interviewer)
    for url in _urls(recruitment, task, letter):
        assert client.get(url).status_code in (403, 404), url
    # On the team, on Sara's interview: 403, not 404.
    assert client.get(reverse("decisions:decision", args=[recruitment.pk])).status_code == 403
    assert client.get(reverse("decisions:call", args=[task.pk])).status_code == 403
    assert (
        client.post(reverse("decisions:call", args=[task.pk]), {"outcome": "reached"}).status_code
        == 403
    )
    assert client.post(reverse("decisions:letter_printed", args=[letter.pk])).status_code == 404
    CallTask.objects.filter(pk=task.pk).update(callback_at=timezone.now() + dt.timedelta(hours=1))
    assert client.get(reverse("decisions:callback_ics", args=[task.pk])).status_code == 403
    task.refresh_from_db()
    assert task.is_open


def test_outsiders_get_404_and_anonymous_log_in(client_for, outsider, recruitment, decided):
    task, letter = decided
    for url in _urls(recruitment, task, letter):
        assert client_for(outsider).get(url).status_code == 404, url
        response = client_for(None).get(url)
        assert response.status_code == 302 and response["Location"].startswith(
            reverse("accounts:login")
        )
    assert (
        client_for(outsider).post(reverse("decisions:letter_printed", args=[letter.pk])).status_code
        == 404
    )
    CallTask.objects.filter(pk=task.pk).update(callback_at=timezone.now() + dt.timedelta(hours=1))
    ics = reverse("decisions:callback_ics", args=[task.pk])
    assert client_for(outsider).get(ics).status_code == 404
    assert client_for(None).get(ics).status_code == 302


@pytest.mark.parametrize("n", [2, 12])
def test_the_calls_page_has_a_fixed_number_of_queries(
    client_for, owner, recruitment, django_assert_num_queries, n
):
    from aterkoppla.decisions.tests.fixtures import apply_for as _apply

    people = []
    for i in range(n):
        application = _apply(
            recruitment, owner, f"Person{i}", "Test", f"p{i}@example.se", "0701234567"
        )
        Application.objects.filter(pk=application.pk).update(stage="interview", interviewed=True)
        people.append(application)
        _apply(recruitment, owner, f"Brev{i}", "Test")
    criterion = recruitment.criteria.first()
    decision_record(
        recruitment=recruitment,
        by=owner,
        rejections=[RejectionInput(a.pk, (criterion.pk,), "Mindre erfarenhet.") for a in people]
        + [
            RejectionInput(a.pk)
            for a in Application.objects.filter(recruitment=recruitment, stage="received")
        ],
    )
    client = client_for(owner)
    # session, user, recruitment, access, call tasks, letters
    with django_assert_num_queries(6):
        client.get(reverse("decisions:calls", args=[recruitment.pk]))


@pytest.mark.parametrize("n", [2, 12])
def test_the_decision_page_has_a_fixed_number_of_queries(
    client_for, owner, recruitment, django_assert_num_queries, n
):
    from aterkoppla.decisions.tests.fixtures import apply_for as _apply

    for i in range(n):
        application = _apply(recruitment, owner, f"Person{i}", "Test", f"p{i}@example.se")
        Application.objects.filter(pk=application.pk).update(stage="interview", interviewed=True)
        _apply(recruitment, owner, f"Annan{i}", "Test", f"a{i}@example.se")
    client = client_for(owner)
    # session, user, recruitment, access, interviewed, criteria, the warnings (merits,
    # interviewers, scorecards), the languages of everyone else, counts, the marked, open calls
    with django_assert_num_queries(13):
        response = client.get(reverse("decisions:decision", args=[recruitment.pk]))
    assert response.status_code == 200
