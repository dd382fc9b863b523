"""The written information under diskrimineringslagen 2 kap. 4 §, finished: the letter as a
PDF, the request as a promise (due soon, broken, the daily alert), the legal hold a request
puts on the recruitment, rejection messages that lead to the one-click request, and the whole
flow from the candidate's click to the letter in their inbox."""

from __future__ import annotations

import datetime as dt
import io
import re
from urllib.parse import urlsplit

import pytest
import time_machine
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from aterkoppla.applications.promises import promise_due_by
from aterkoppla.core.sweeps import sweeps_run
from aterkoppla.decisions.disclosure_promises import disclosure_promises_sweep
from aterkoppla.decisions.models import CallAttempt, CallTask, DisclosureRequest
from aterkoppla.decisions.services import (
    RejectionInput,
    call_attempt_record,
    decision_record,
    disclosure_request,
    disclosure_send,
)
from aterkoppla.decisions.tests.fixtures import DETAILS_NEVER_TOLD, apply_for
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.messaging.worker import Worker
from aterkoppla.portal.tests.helpers import link_in
from aterkoppla.recruitment.models import LegalHold
from aterkoppla.timeline.models import TimelineEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]


def _pdf_text(content: bytes) -> str:
    assert content.startswith(b"%PDF")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _without_addressee(text: str, application) -> str:
    """The PDF is addressed to the requester, for the envelope: the rest names no one."""
    return text.replace(application.candidate.full_name, "")


# --- 1. The letter as a PDF ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [("owner", 200), ("member", 200), ("hiring_manager", 200), ("interviewer", 403),
     ("outsider", 404)],
)  # fmt: skip
def test_who_may_download_the_pdf_from_the_review_page(
    request, client_for, merits_decided, who, status
):
    (sara, _ali, _emma), _others = merits_decided
    asked = disclosure_request(application=sara, by=None, via="portal")
    url = reverse("decisions:disclosure_pdf", args=[asked.pk])
    response = client_for(request.getfixturevalue(who)).get(url)
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "application/pdf"
        assert "Den som anställdes" in _pdf_text(response.content)
    anonymous = client_for(None).get(url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]


def test_the_review_page_links_the_pdf_in_swedish_and_english(client_for, owner, merits_decided):
    (sara, _ali, _emma), _others = merits_decided
    asked = disclosure_request(application=sara, by=None, via="portal")
    client = client_for(owner)
    url = reverse("decisions:disclosure", args=[asked.pk])
    pdf = reverse("decisions:disclosure_pdf", args=[asked.pk])
    page = client.get(url).content.decode()
    assert f'<a href="{pdf}">Ladda ner PDF</a>' in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(url).content.decode()
    assert f'<a href="{pdf}">Download PDF</a>' in page


def test_without_email_the_letter_is_made_to_print_and_the_page_offers_the_pdf(
    client_for, owner, merits_decided
):
    _interviewed, (_nils, olle) = merits_decided
    asked = disclosure_request(application=olle, by=owner, via="letter")
    client = client_for(owner)
    url = reverse("decisions:disclosure", args=[asked.pk])
    page = client.get(url).content.decode()
    assert "Kandidaten har ingen e-postadress" in page
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == url
    message = olle.messages.get(kind=Kind.DISCLOSURE_LETTER)
    assert message.channel == Message.Channel.LETTER
    assert message.status == Message.Status.TO_PRINT
    page = client.get(url).content.decode()
    pdf = reverse("decisions:disclosure_pdf", args=[asked.pk])
    assert f'href="{pdf}">Skriv ut brevet (PDF)</a>' in page
    printed = client.post(reverse("decisions:letter_printed", args=[message.pk]))
    assert printed["Location"] == url
    message.refresh_from_db()
    assert message.status == Message.Status.PRINTED
    assert "Brevet är utskrivet." in client.get(url).content.decode()
    text = " ".join(_pdf_text(client.get(pdf).content).split())
    assert "Olle Lind" in text  # to post it
    for secret in DETAILS_NEVER_TOLD:
        assert secret not in text.replace("Olle Lind", ""), secret


# --- 2. A request is a promise -------------------------------------------------------------


def _section(page: str, anchor: str) -> str:
    return page[page.index(f'id="{anchor}"') :].split("</section>")[0]


def day_due_soon(due: dt.date) -> dt.date:
    """The first day on which ``due`` is within two working days."""
    day = due - dt.timedelta(days=7)
    while promise_due_by(day) < due:
        day += dt.timedelta(days=1)
    return day


def test_due_soon_and_broken_show_on_the_dashboard_and_the_application_page(
    client_for, owner, merits_decided
):
    (sara, _ali, _emma), _others = merits_decided
    asked = disclosure_request(application=sara, by=None, via="portal")
    client = client_for(owner)
    assert not asked.due_soon and not asked.overdue
    row = _section(client.get(reverse("dashboard:home")).content.decode(), "disclosures")
    assert "Sara Ek" in row and "snart dags" not in row and "försenat" not in row
    with time_machine.travel(_at(day_due_soon(asked.due))):
        client = client_for(owner)  # a fresh session: the first one has expired by then
        row = _section(client.get(reverse("dashboard:home")).content.decode(), "disclosures")
        assert "snart dags" in row
        page = client.get(sara.get_absolute_url()).content.decode()
        assert "snart dags" in _section(page, "disclosure-title")
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        row = _section(client.get(reverse("dashboard:home")).content.decode(), "disclosures")
        assert "due soon" in row
        del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    # The day after the date, unanswered: broken.
    with time_machine.travel(_at(asked.due + dt.timedelta(days=1))):
        client = client_for(owner)
        row = _section(client.get(reverse("dashboard:home")).content.decode(), "disclosures")
        assert "försenat" in row and "snart dags" not in row
        page = client.get(sara.get_absolute_url()).content.decode()
        assert "försenat" in _section(page, "disclosure-title")
        # Answered, it is a promise kept: no mark.
        disclosure_send(request=asked, by=owner)
        page = client.get(sara.get_absolute_url()).content.decode()
        assert "försenat" not in _section(page, "disclosure-title")


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=dt.UTC)


def test_the_daily_check_alerts_the_owner_once_due_soon_and_once_broken(owner, merits_decided):
    (sara, _ali, _emma), _others = merits_decided
    owner.email = "olivia@example.se"
    owner.save(update_fields=["email"])
    asked = disclosure_request(application=sara, by=None, via="portal")
    # Not yet near: nothing.
    assert disclosure_promises_sweep(timezone.now()).due_soon == []
    soon = _at(asked.due)
    with time_machine.travel(soon):
        first = sweeps_run(now=soon)["disclosures"]
        assert first.due_soon == [asked.pk]
        for minute in range(1, 4):  # the worker runs it every minute
            again = sweeps_run(now=soon + dt.timedelta(minutes=minute))["disclosures"]
            assert again.due_soon == [] and again.overdue == []
    [reminder] = Message.objects.filter(kind=Kind.DISCLOSURE_REMINDER)
    assert reminder.to_address == "olivia@example.se" and reminder.application is None
    assert "Sara Ek" in reminder.subject
    assert "diskrimineringslagen 2 kap. 4 §" in reminder.body_text
    assert reverse("decisions:disclosure", args=[asked.pk]) in reminder.body_text
    event = sara.timeline.get(kind="disclosure_due_soon")
    assert event.data == {"request": asked.pk, "due": asked.due.isoformat(), "message": reminder.pk}
    late = _at(asked.due + dt.timedelta(days=1))
    with time_machine.travel(late):
        assert disclosure_promises_sweep(late).overdue == [asked.pk]
        assert disclosure_promises_sweep(late + dt.timedelta(days=3)).overdue == []
    late_message = Message.objects.get(kind=Kind.DISCLOSURE_REMINDER, dedupe_key__endswith="broken")
    assert "har passerat" in late_message.body_text
    assert sara.timeline.filter(kind="disclosure_overdue").count() == 1
    assert Message.objects.filter(kind=Kind.DISCLOSURE_REMINDER).count() == 2


def test_an_answered_request_is_never_alerted_and_no_email_still_records(owner, merits_decided):
    (sara, ali, _emma), _others = merits_decided
    kept = disclosure_request(application=sara, by=None, via="portal")
    disclosure_send(request=kept, by=owner)
    late = disclosure_request(application=ali, by=None, via="portal")
    after = _at(late.due + dt.timedelta(days=2))
    with time_machine.travel(after):
        result = disclosure_promises_sweep(after)
    assert result.overdue == [late.pk]
    assert not sara.timeline.filter(kind__in=["disclosure_due_soon", "disclosure_overdue"])
    # The owner has no email address: no message, the alert is still on the timeline, once.
    assert not Message.objects.filter(kind=Kind.DISCLOSURE_REMINDER).exists()
    assert ali.timeline.get(kind="disclosure_overdue").data == {
        "request": late.pk,
        "due": late.due.isoformat(),
    }


# --- 3. The legal hold ---------------------------------------------------------------------


def test_a_request_puts_a_legal_hold_on_the_recruitment(recruitment, owner, merits_decided):
    (sara, ali, _emma), _others = merits_decided
    assert not LegalHold.objects.exists()
    asked = disclosure_request(application=sara, by=None, via="portal")
    hold = LegalHold.objects.get(recruitment=recruitment)
    assert hold.source == LegalHold.Source.DISCLOSURE and hold.in_force
    assert hold.reason == (
        f"Begäran om skriftlig information enligt diskrimineringslagen 2 kap. 4 § "
        f"(ansökan {sara.pk}), mottagen 25 november 2026."
    )
    assert "Sara" not in hold.reason  # the hold outlives the applicant's name
    assert TimelineEvent.objects.filter(recruitment=recruitment, kind="legal_hold_set").exists()
    # Another request keeps the one hold; asking again changes nothing.
    disclosure_request(application=ali, by=owner, via="phone")
    assert disclosure_request(application=sara, by=None, via="portal") == asked
    assert LegalHold.objects.count() == 1


def test_a_refused_request_sets_no_hold(recruitment, owner, merits_decided):
    (_sara, _ali, emma), _others = merits_decided
    with pytest.raises(ValidationError, match=r"did not get the job|inte fick jobbet"):
        disclosure_request(application=emma, by=owner, via="phone")
    assert not LegalHold.objects.exists()


def test_a_hold_already_in_force_is_kept_as_it_is(recruitment, merits_decided):
    (sara, _ali, _emma), _others = merits_decided
    LegalHold.objects.create(
        recruitment=recruitment, source=LegalHold.Source.DISCLOSURE, reason="Tidigare begäran."
    )
    disclosure_request(application=sara, by=None, via="portal")
    # The hold in force is kept as it is: one hold, its first reason.
    assert list(LegalHold.objects.values_list("reason", flat=True)) == ["Tidigare begäran."]


# --- 4. Rejection messages lead to the one-click request -----------------------------------


def _follow_to_the_button(client, message: Message) -> str:
    path = link_in(message)
    page = client.get(path)
    assert page.status_code == 200
    html = page.content.decode()
    assert f'action="{path}skriftlig-information/"' in html, html
    return path


def test_the_written_rejection_links_to_the_page_with_the_button(client_for, merits_decided):
    _interviewed, (nils, olle) = merits_decided
    rejection = nils.messages.get(kind=Kind.REJECTION)
    assert "Du kan begära den med ett klick på din sida" in rejection.body_text
    anon = client_for(None)
    path = _follow_to_the_button(anon, rejection)
    assert "Begär den skriftliga informationen" in anon.get(path).content.decode()
    anon.post(path + "skriftlig-information/")
    assert DisclosureRequest.objects.get(application=nils).via == "portal"
    # A letter to print cannot be clicked: it says to write or call.
    letter = olle.messages.get(kind=Kind.REJECTION)
    assert letter.channel == Message.Channel.LETTER
    assert "ett klick" not in letter.body_text
    assert re.search(r"Skriv till oss på \S+@\S+", letter.body_text)


def test_the_call_summary_links_to_the_button_in_english(
    client_for, hiring_manager, merits_decided
):
    (_sara, ali, _emma), _others = merits_decided
    task = CallTask.objects.get(application=ali)
    call_attempt_record(task=task, by=hiring_manager, outcome="reached", summary_requested=True)
    summary = ali.messages.get(kind=Kind.CALL_SUMMARY)
    assert "You can ask for it with one click on your page:" in summary.body_text
    anon = client_for(None)
    path = _follow_to_the_button(anon, summary)
    assert "Ask for the written information" in anon.get(path).content.decode()


def test_the_message_after_unanswered_calls_links_to_the_button(
    client_for, hiring_manager, merits_decided
):
    (sara, _ali, _emma), _others = merits_decided
    task = CallTask.objects.get(application=sara)
    for outcome in ("no_answer", "busy", "voicemail"):
        call_attempt_record(task=task, by=hiring_manager, outcome=outcome)
    with time_machine.travel(timezone.now() + dt.timedelta(days=1)):
        call_attempt_record(task=task, by=hiring_manager, outcome=CallAttempt.Outcome.NO_ANSWER)
    message = sara.messages.get(kind=Kind.CALL_UNREACHABLE)
    assert "Du kan begära den med ett klick på din sida:" in message.body_text
    _follow_to_the_button(client_for(None), message)


def test_the_unreachable_letter_to_print_says_write_or_call(
    recruitment, owner, hiring_manager, interviewed
):
    """A candidate interviewed without an email address gets the decision as a letter."""
    paper = apply_for(recruitment, owner, "Per", "Papper", "", "070-555 55 55")
    from tests.helpers import interview_held

    interview_held(paper)
    paper.refresh_from_db()
    criteria = list(recruitment.criteria.all())
    decision_record(
        recruitment=recruitment,
        by=owner,
        rejections=[RejectionInput(paper.pk, (criteria[1].pk,), "Mindre erfarenhet av lager.")],
    )
    task = CallTask.objects.get(application=paper)
    for outcome in ("no_answer", "busy", "voicemail"):
        call_attempt_record(task=task, by=hiring_manager, outcome=outcome)
    with time_machine.travel(timezone.now() + dt.timedelta(days=1)):
        call_attempt_record(task=task, by=hiring_manager, outcome=CallAttempt.Outcome.NO_ANSWER)
    letter = paper.messages.get(kind=Kind.CALL_UNREACHABLE)
    assert letter.channel == Message.Channel.LETTER
    assert "ett klick" not in letter.body_text
    assert "så skickar vi den" in letter.body_text and "Skriv till oss på" in letter.body_text


# --- 5. The whole flow ---------------------------------------------------------------------


def test_from_the_candidates_click_to_the_letter_in_their_inbox(
    client_for, owner, merits_decided, smtp_server
):
    _interviewed, (nils, _olle) = merits_decided
    anon = client_for(None)
    path = link_in(nils.messages.get(kind=Kind.REJECTION))
    anon.post(path + "skriftlig-information/")
    asked = DisclosureRequest.objects.get(application=nils)
    # On the dashboard, with its date.
    staff = client_for(owner)
    row = _section(staff.get(reverse("dashboard:home")).content.decode(), "disclosures")
    assert "Nils Holm" in row and f"{asked.due.day}" in row
    review = reverse("decisions:disclosure", args=[asked.pk])
    assert review in row
    # Reviewed, then sent.
    page = staff.get(review).content.decode()
    assert "Den som anställdes:" in page and "Kallade till intervju (2):" in page
    assert staff.post(review).status_code == 302
    Worker().deliver_all()
    mail = next(
        m
        for m in smtp_server.received
        if m.recipients == ("nils@example.se",)
        and "Skriftlig information om meriter" in " ".join(m.subject.split())
    )
    text = mail.text()
    assert "diskrimineringslagen 2 kap. 4 §" in text
    assert "Den som anställdes:" in text and "sex års erfarenhet som lagerarbetare" in text
    body = text.split("Vänliga hälsningar")[0].replace("Hej Nils!", "")
    for secret in DETAILS_NEVER_TOLD:
        assert secret not in body, secret
    kinds = list(nils.timeline.values_list("kind", flat=True))
    assert "disclosure_requested" in kinds and "disclosure_sent" in kinds
    history = staff.get(nils.get_absolute_url()).content.decode()
    timeline = history[history.index('id="timeline-title"') :]
    assert "timeline__item--disclosure_requested" in timeline
    assert "Begärde skriftlig information enligt diskrimineringslagen 2 kap. 4 §" in timeline
    assert "timeline__item--disclosure_sent" in timeline
    # The PDF of what was sent, for the file.
    pdf = staff.get(reverse("decisions:disclosure_pdf", args=[asked.pk]))
    text = " ".join(_pdf_text(pdf.content).split())
    assert "Den som anställdes" in text and "Kallade till intervju (2)" in text
    assert urlsplit(path).path.startswith("/ansokan/")
