"""Feedback a rejected candidate can trust: what the call sheet, the summary after the call and
the written rejections say is consistent, true, in the candidate's language, and names nobody.

Realistic data: interviewers write about the candidate in the third person ("hon", "han"), a
group mixes Swedish and English readers, some applications were never screened, and one
recruitment ends with nobody hired.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from aterkoppla.applications.models import Application
from aterkoppla.assessment.models import Scorecard
from aterkoppla.assessment.services import (
    ScreeningResult,
    application_mark_for_rejection,
    screening_record,
)
from aterkoppla.decisions.call_sheets import call_sheet_for
from aterkoppla.decisions.models import CallTask
from aterkoppla.decisions.services import RejectionInput, call_attempt_record, decision_record
from aterkoppla.decisions.tests.fixtures import apply_for
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.messaging.services import message_template_save

pytestmark = pytest.mark.django_db

GENDERED = re.compile(r"\b(han|hon|honom|henne|hans|hennes|he|she|him|her|his)\b", re.I)
SPOKEN = ("jag vill gärna berätta", "Först vill jag säga", "I would like to explain", "First, I")


def _criteria(recruitment):
    return {c.name: c for c in recruitment.criteria.all()}


def _third_person_notes(application):
    """The interviewers' notes on ``application``, written as interviewers do: about her."""
    Scorecard.objects.filter(interview__application=application).update(
        strengths="Tydlig när hon förklarar sin plockordning.",
        impression="Hon verkade lugn och väl förberedd.",
        tips="Hon kan ge fler konkreta exempel med siffror.",
    )


def _sheet_text(sheet) -> str:
    return json.dumps(sheet.to_dict(), ensure_ascii=False)


def _decide(recruitment, owner, interviewed, others, **extra):
    sara, ali, emma = interviewed
    criteria = _criteria(recruitment)
    return decision_record(
        recruitment=recruitment,
        by=owner,
        hired=[emma.pk],
        rejections=[
            RejectionInput(
                sara.pk,
                (criteria["Erfarenhet av lagerarbete"].pk,),
                "Den vi valde har längre erfarenhet av lagerarbete med höga volymer.",
            ),
            RejectionInput(
                ali.pk,
                (criteria["Erfarenhet av lagerarbete"].pk,),
                "The person we chose has longer warehouse experience at high volumes.",
            ),
            *(RejectionInput(o.pk) for o in others),
        ],
        **extra,
    )


# --- 1. No contradictions; 3. notes said to the candidate ------------------------------------


def test_the_decisive_requirement_is_never_a_strength_and_q1_opens_with_it(
    recruitment, owner, interviewed, others
):
    sara = interviewed[0]
    _third_person_notes(sara)
    # Sara's strengths note names the requirement that decided: it is not read as a strength.
    Scorecard.objects.filter(interview__application=sara).update(
        strengths="Stark erfarenhet av lagerarbete."
    )
    _decide(recruitment, owner, interviewed, others)
    sara.refresh_from_db()
    sheet = call_sheet_for(sara)
    assert [row.name for row in sheet.decisive] == ["Erfarenhet av lagerarbete"]
    assert not any("lagerarbete" in line.lower() for line in sheet.strengths_to_open_with)
    assert "lagerarbete" not in sheet.answers["q3"].answer.lower()
    assert sheet.answers["q1"].answer.startswith(
        "Det som avgjorde var framför allt Erfarenhet av lagerarbete."
    )


def test_notes_about_her_are_said_to_the_candidate_as_du(recruitment, owner, interviewed, others):
    sara = interviewed[0]
    _third_person_notes(sara)
    _decide(recruitment, owner, interviewed, others)
    sara.refresh_from_db()
    sheet = call_sheet_for(sara)
    said = " ".join(
        [*sheet.strengths_to_open_with, *(a.answer for a in sheet.answers.values()), sheet.summary]
    )
    assert not GENDERED.search(said), GENDERED.search(said)
    assert "Tydlig när du förklarar din plockordning" in said
    assert "Du verkade lugn och väl förberedd" in said
    assert "Du kan ge fler konkreta exempel med siffror" in said


# --- 2. Words that fit the kind of requirement ----------------------------------------------


def test_a_licence_is_had_or_not_and_its_tip_says_get_it(recruitment, owner, interviewed, others):
    sara, _ali, emma = interviewed
    criteria = _criteria(recruitment)
    licence = criteria["Truckkort A+B"]
    screening_record(
        application=sara,
        by=owner,
        results=[ScreeningResult(licence.pk, "not_met", "Inget truckkort i ansökan.")],
    )
    # The licence was not scored in the interview: it is judged from the documents.
    from aterkoppla.assessment.models import Rating

    Rating.objects.filter(criterion=licence).delete()
    decision_record(
        recruitment=recruitment,
        by=owner,
        hired=[emma.pk],
        rejections=[
            RejectionInput(sara.pk, (licence.pk,), "Truckkort A+B är ett skallkrav för tjänsten.")
        ],
    )
    sara.refresh_from_db()
    sheet = call_sheet_for(sara)
    q1, q2 = sheet.answers["q1"].answer, sheet.answers["q2"].answer
    assert "Det är ett krav för tjänsten, och vi kunde inte se i din ansökan att du har det." in q1
    assert (
        "Truckkort A+B var ett skallkrav här; skaffa det, eller nämn det tydligt i ansökan om du "
        "redan har det." in q2
    )
    everything = _sheet_text(sheet)
    assert "intervjun – " not in " ".join(
        line for line in sheet.strengths_to_open_with if "Truckkort" in line
    )
    assert "Truckkort A+B (" not in sheet.answers["q3"].answer
    assert "gjorde starkt ifrån dig på Truckkort" not in everything


# --- 5. The written summary is a letter -------------------------------------------------------


@pytest.mark.parametrize("who", ["sara", "ali"])
def test_the_summary_after_the_call_is_a_letter_with_the_promised_date(
    recruitment, owner, hiring_manager, interviewed, others, who
):
    sara, ali, _emma = interviewed
    candidate = sara if who == "sara" else ali
    _third_person_notes(sara)
    _decide(recruitment, owner, interviewed, others)
    task = CallTask.objects.get(application=candidate)
    with time_machine.travel(dt.datetime(2026, 12, 7, 10, tzinfo=dt.UTC)):
        call_attempt_record(
            task=task,
            by=hiring_manager,
            outcome="reached",
            summary_requested=True,
            disclosure_requested=True,
        )
    body = Message.objects.get(application=candidate, kind=Kind.CALL_SUMMARY).body_text
    for spoken in SPOKEN:
        assert spoken not in body
    assert not GENDERED.search(body)
    if who == "sara":
        assert "Det här såg vi som dina styrkor:" in body
        assert "Det som avgjorde var framför allt Erfarenhet av lagerarbete." in body
        assert "Tips inför nästa gång:" in body
        # Ten working days after 7 December 2026.
        assert "Den skickar vi till dig senast den 21 december 2026." in body
        assert "Svara på det här mejlet" not in body
    else:
        # His interviewers' notes are Swedish: left out, so no strengths section of notes.
        assert "Tips for next time:" in body
        assert "Noggrann med" not in body and "Lugn och saklig" not in body
        assert "We will send it to you by 21 December 2026." in body
        assert "Reply to this email" not in body
        # The team's Swedish notes on his scorecards never reach Ali. (The requirements are
        # named as the profile names them, the one thing not translated.)
        letter = body.split("Kind regards")[0]
        for name in ("Erfarenhet av lagerarbete", "Truckkort A+B", "Noggrannhet"):
            letter = letter.replace(name, "")
        assert not re.search(r"\b(och|att|för|med|hon|inte)\b", letter), letter


# --- 6. Only the candidate's language ---------------------------------------------------------


def test_a_swedish_reason_never_reaches_an_english_reader(recruitment, owner, interviewed, others):
    _sara, ali, emma = interviewed
    criteria = _criteria(recruitment)
    with pytest.raises(ValidationError) as refused:
        decision_record(
            recruitment=recruitment,
            by=owner,
            hired=[emma.pk],
            rejections=[
                RejectionInput(
                    ali.pk,
                    (criteria["Erfarenhet av lagerarbete"].pk,),
                    "Vi har gått vidare med kandidater vars erfarenhet av lagerarbete är längre.",
                )
            ],
        )
    assert "engelska" in str(refused.value)
    assert not CallTask.objects.exists()


def test_the_decision_screen_asks_for_the_reason_in_each_language(
    client_for, owner, recruitment, interviewed, others
):
    english = apply_for(recruitment, owner, "John", "Smith", "john@example.com", "", "en")
    url = reverse("decisions:decision", args=[recruitment.pk])
    client = client_for(owner)
    page = client.get(url).content.decode()
    assert "Motivering på svenska, för dem som läser svenska" in page
    assert "Motivering på engelska, för dem som läser engelska" in page
    data = {
        "others": "all",
        "others_reason_sv": "Tjänsten kräver truckkort A+B, som vi inte kunde se i din ansökan.",
        "others_reason_en": "Tjänsten kräver truckkort A+B, som vi inte kunde se i din ansökan.",
        "confirm": "1",
    }
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Skriv den på engelska: kandidaten läser engelska." in response.content.decode()
    data["others_reason_en"] = (
        "The job requires a forklift licence, which your application did not show."
    )
    response = client.post(url, data)
    assert response.status_code == 302
    english_body = english.messages.get(kind=Kind.REJECTION).body_text
    assert "What decided it for you: The job requires a forklift licence" in english_body
    assert "Tjänsten" not in english_body
    swedish_body = others[0].messages.get(kind=Kind.REJECTION).body_text
    assert "Det här avgjorde för din del: Tjänsten kräver truckkort A+B" in swedish_body


def test_a_reason_proposed_at_screening_is_in_the_candidates_language(
    recruitment, owner, interviewed, others
):
    english = apply_for(recruitment, owner, "John", "Smith", "john@example.com", "", "en")
    with pytest.raises(ValidationError):
        application_mark_for_rejection(
            application=english,
            by=owner,
            marked=True,
            reason="Vi kunde inte se att du har truckkort, som är ett krav för tjänsten.",
        )
    english.refresh_from_db()
    assert not english.marked_for_rejection


def test_a_template_is_in_its_own_language(owner):
    with pytest.raises(ValidationError):
        message_template_save(
            kind=Kind.REJECTION,
            language="en",
            subject="Besked om din ansökan",
            body="Hej {{ first_name }}! Tack för att du sökte hos oss och för ditt intresse.",
            by=owner,
        )


# --- 7. No message says what did not happen ---------------------------------------------------


def test_an_unscreened_application_is_not_told_it_was_assessed(
    recruitment, owner, interviewed, others
):
    nils, olle = others
    criteria = _criteria(recruitment)
    screening_record(
        application=olle,
        by=owner,
        results=[ScreeningResult(criteria["Truckkort A+B"].pk, "not_met", "")],
    )
    outcome = _decide(recruitment, owner, interviewed, others)
    assert outcome.emails == 1 and outcome.letters == 1
    nils_body = nils.messages.get(kind=Kind.REJECTION).body_text
    assert "gått igenom ansökningarna" not in nils_body
    assert "Tjänsten är nu tillsatt" in nils_body
    assert "hur vi bedömde din ansökan" not in nils_body
    olle_body = olle.messages.get(kind=Kind.REJECTION).body_text
    assert "Vi har nu gått igenom ansökningarna mot kravprofilen" in olle_body


def test_the_confirmation_counts_the_unassessed(
    client_for, owner, recruitment, interviewed, others
):
    url = reverse("decisions:decision", args=[recruitment.pk])
    page = client_for(owner).post(url, {"others": "all"}).content.decode()
    assert "2 av dem som får skriftligt avslag har inte bedömts mot kravprofilen" in page
    assert "Gallra dem först" in page


def test_nobody_hired_means_nobody_chosen_in_any_text(recruitment, owner, interviewed, others):
    sara, _ali, emma = interviewed
    criteria = _criteria(recruitment)
    decision_record(
        recruitment=recruitment,
        by=owner,
        no_hire=True,
        rejections=[
            RejectionInput(
                sara.pk,
                (criteria["Erfarenhet av lagerarbete"].pk,),
                "Ingen motsvarade kravet på erfarenhet av lagerarbete med höga volymer.",
            ),
            *(RejectionInput(o.pk) for o in others),
        ],
    )
    sara.refresh_from_db()
    sheet = call_sheet_for(sara)
    said = {
        key: value
        for key, value in sheet.to_dict().items()
        if key not in ("reminders", "findings", "rows", "decisive")
    }
    text = json.dumps(said, ensure_ascii=False)
    assert sheet.outcome == "none"
    assert "den vi valde" not in text and "valt en annan kandidat" not in text
    assert "den som fick" not in text
    assert sheet.decision.startswith(
        "Vi har beslutat att inte tillsätta tjänsten som lagerarbetare"
    )
    assert sheet.answers["q1"].question == "Varför fick jag inte jobbet?"
    body = others[0].messages.get(kind=Kind.REJECTION).body_text
    assert "Vi har beslutat att inte tillsätta tjänsten" in body
    assert "andra sökande" not in body and "den som fick tjänsten" not in body
    with pytest.raises(ValidationError):
        decision_record(recruitment=recruitment, by=owner, hired=[emma.pk], no_hire=True)


# --- 9. Staff lists say what the candidate knows ---------------------------------------------


def test_answered_only_once_the_call_is_made(
    client_for, owner, hiring_manager, recruitment, interviewed, others
):
    sara = interviewed[0]
    with time_machine.travel(dt.datetime(2026, 12, 7, 10, tzinfo=dt.UTC)):
        _decide(recruitment, owner, interviewed, others)
    sara.refresh_from_db()
    assert sara.stage == Application.Stage.REJECTED and sara.final_answer_at is None
    client = client_for(owner)
    pipeline = client.get(reverse("applications:pipeline", args=[recruitment.pk])).content.decode()
    row = pipeline[pipeline.index("Sara Ek") :].split("</tr>")[0]
    assert "Samtal senast 9 december" in row and "Besked lämnat" not in row
    detail = client.get(sara.get_absolute_url()).content.decode()
    assert "återkopplingssamtalet ska ringas senast 9 december 2026" in detail
    from aterkoppla.portal.tests.helpers import link

    page = client_for(None).get(link(sara)).content.decode()
    assert "Vi ringer dig senast 9 december 2026." in page
    call_attempt_record(
        task=CallTask.objects.get(application=sara), by=hiring_manager, outcome="reached"
    )
    sara.refresh_from_db()
    assert sara.final_answer_at is not None
    pipeline = client.get(reverse("applications:pipeline", args=[recruitment.pk])).content.decode()
    row = pipeline[pipeline.index("Sara Ek") :].split("</tr>")[0]
    assert "Besked lämnat" in row and "Samtal senast" not in row


# --- 3. The person chosen is never named, in the PDF either -----------------------------------


def test_the_pdf_sheet_reads_as_the_json_and_names_nobody(
    client_for, owner, recruitment, interviewed, others
):
    sara = interviewed[0]
    _third_person_notes(sara)
    _decide(recruitment, owner, interviewed, others)
    response = client_for(owner).get(
        reverse("decisions:call_sheet", args=[sara.pk]), {"format": "pdf"}
    )
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Emma" not in text and "Berg" not in text
    assert "Det som avgjorde var framför allt Erfarenhet av lagerarbete." in text
    assert "Tydlig när du förklarar din plockordning" in text


def test_a_printed_letter_never_asks_for_a_reply_to_an_email(
    recruitment, owner, interviewed, others
):
    _decide(recruitment, owner, interviewed, others)
    olle = others[1]  # no email address: a letter to print
    letter = olle.messages.get(kind=Kind.REJECTION)
    assert letter.channel == Message.Channel.LETTER
    assert "mejlet" not in letter.body_text
    assert "Skriv till oss på " in letter.body_text
    email = others[0].messages.get(kind=Kind.REJECTION)
    assert "Svara på det här mejlet" in email.body_text
