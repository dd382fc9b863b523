"""The survey link reaches the candidate with the final answer, by email, in their language;
what the call sheet promises about it happens."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from aterkoppla.applications.models import Application, Candidate
from aterkoppla.applications.services import applications_close
from aterkoppla.decisions.call_sheets import call_sheet_for
from aterkoppla.decisions.models import CallTask
from aterkoppla.decisions.services import call_attempt_record
from aterkoppla.decisions.tests.fixtures import apply_for, decide_with_hire
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.portal.tests.helpers import receive

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

SURVEY_SV = "veta hur du har upplevt vår rekrytering"
SURVEY_EN = "know how you experienced our recruitment"


def _survey_path(message: Message) -> str:
    url = next(word for word in message.body_text.split() if word.endswith("/enkat/"))
    return urlsplit(url).path


def _assert_invites(message: Message, words: str) -> None:
    assert words in message.body_text
    # The link is the message's own private link to the page, to its survey, which may be
    # answered now.
    page = Client().get(_survey_path(message))
    assert page.status_code == 200
    assert 'name="recommend"' in page.content.decode()


@pytest.fixture
def decided(recruitment, owner, interviewed, others):
    """Emma hired; Sara (sv) and Ali (en) owed calls; Nils (sv, email), Olle (no email) and
    Tom (en, email) rejected in writing."""
    tom = apply_for(recruitment, owner, "Tom", "Baker", "tom@example.com", language="en")
    decide_with_hire(recruitment, owner, interviewed, [*others, tom])
    return interviewed, [*others, tom]


def test_a_written_rejection_by_email_invites_to_the_survey_in_the_candidates_language(
    decided,
):
    _interviewed, (nils, olle, tom) = decided
    swedish = nils.messages.get(kind=Kind.REJECTION)
    _assert_invites(swedish, SURVEY_SV)
    assert SURVEY_EN not in swedish.body_text
    english = tom.messages.get(kind=Kind.REJECTION)
    _assert_invites(english, SURVEY_EN)
    assert SURVEY_SV not in english.body_text

    # A letter cannot carry a link to click: it does not ask.
    letter = olle.messages.get(kind=Kind.REJECTION)
    assert letter.channel == Message.Channel.LETTER
    assert "/enkat/" not in letter.body_text
    assert SURVEY_SV not in letter.body_text


def test_a_reached_call_without_a_summary_is_followed_by_the_promised_survey(
    decided, hiring_manager
):
    (sara, ali, _emma), _others = decided
    for person, word in ((sara, "enkät"), (ali, "survey")):
        assert any(word in offer for offer in call_sheet_for(person).offers)
        call_attempt_record(
            task=CallTask.objects.get(application=person), by=hiring_manager, outcome="reached"
        )
    assert not sara.messages.filter(kind=Kind.CALL_SUMMARY).exists()
    swedish = sara.messages.get(kind=Kind.SURVEY_INVITATION)
    assert swedish.subject == "Tack för samtalet om tjänsten som Lagerarbetare"
    assert swedish.body_text.startswith("Hej Sara!")
    _assert_invites(swedish, SURVEY_SV)
    english = ali.messages.get(kind=Kind.SURVEY_INVITATION)
    assert english.language == "en"
    assert english.body_text.startswith("Hello Ali,")
    _assert_invites(english, SURVEY_EN)


def test_a_summary_carries_the_survey_and_no_second_message_is_sent(decided, hiring_manager):
    (sara, _ali, _emma), _others = decided
    call_attempt_record(
        task=CallTask.objects.get(application=sara),
        by=hiring_manager,
        outcome="reached",
        summary_requested=True,
    )
    _assert_invites(sara.messages.get(kind=Kind.CALL_SUMMARY), SURVEY_SV)
    assert not sara.messages.filter(kind=Kind.SURVEY_INVITATION).exists()


def test_without_an_address_the_sheet_promises_no_survey_and_none_is_sent(decided, hiring_manager):
    (sara, _ali, _emma), _others = decided
    Candidate.objects.filter(pk=sara.candidate_id).update(email="")
    sara = Application.objects.select_related("candidate", "recruitment").get(pk=sara.pk)
    assert not any("enkät" in offer for offer in call_sheet_for(sara).offers)
    call_attempt_record(
        task=CallTask.objects.get(application=sara), by=hiring_manager, outcome="reached"
    )
    assert not sara.messages.filter(kind=Kind.SURVEY_INVITATION).exists()


def test_the_letter_after_unanswered_calls_invites_by_email_only(decided, hiring_manager):
    (_sara, ali, _emma), _others = decided
    task = CallTask.objects.get(application=ali)
    for _ in range(3):
        call_attempt_record(task=task, by=hiring_manager, outcome="no_answer")
    with time_machine.travel(timezone.now() + dt.timedelta(days=1)):
        call_attempt_record(task=task, by=hiring_manager, outcome="busy")
    _assert_invites(ali.messages.get(kind=Kind.CALL_UNREACHABLE), SURVEY_EN)


def test_a_withdrawal_is_confirmed_with_the_survey(recruitment):
    tom = receive(recruitment)
    applications_close(applications=[tom], outcome="withdrawn", by=None, by_candidate=True)
    _assert_invites(tom.messages.get(kind=Kind.WITHDRAWAL_CONFIRMATION), SURVEY_EN)


def test_a_reserve_has_no_final_answer_and_is_not_asked(recruitment, owner, interviewed, others):
    from aterkoppla.decisions.services import RejectionInput, decision_record

    sara, ali, emma = interviewed
    criterion = recruitment.criteria.all()[1]
    decision_record(
        recruitment=recruitment,
        by=owner,
        hired=[emma.pk],
        reserve=[sara.pk],
        reserve_until=dt.date(2027, 2, 1),
        rejections=[RejectionInput(ali.pk, (criterion.pk,), "Less warehouse experience.")],
    )
    reserve = sara.messages.get(kind=Kind.RESERVE)
    assert "/enkat/" not in reserve.body_text
