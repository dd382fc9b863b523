"""Where the talent pool is offered: the written rejection, the call summary after a "yes",
a message of its own after a "yes" without a summary. Always a link to the candidate's own
page, where they consent themselves: a call creates no consent."""

from __future__ import annotations

import pytest
from django.urls import reverse

from aterkoppla.applications.models import TalentPoolConsent
from aterkoppla.applications.talent_pool import talent_pool_join
from aterkoppla.decisions.models import CallAttempt, CallTask
from aterkoppla.decisions.services import RejectionInput, call_attempt_record, decision_record
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.messaging.services import TALENT_POOL_PATH
from aterkoppla.portal.tests.helpers import link_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

JOIN_SV = "Vill du att vi hör av oss om framtida jobb? Då kan du gå med i vår talangbank här:"
JOIN_EN = "Would you like us to get in touch about future jobs? Then you can join our talent pool"
YES_SV = "Du sa att du vill att vi hör av oss om framtida jobb – bekräfta här:"
YES_EN = "You said you would like us to get in touch about future jobs – confirm here:"


def _decide(recruitment, owner, interviewed, others):
    sara, ali, emma = interviewed
    experience = recruitment.criteria.all()[1].pk
    return decision_record(
        recruitment=recruitment,
        by=owner,
        hired=[emma.pk],
        rejections=[
            RejectionInput(sara.pk, (experience,), "Mindre erfarenhet av lagerarbete."),
            RejectionInput(ali.pk, (experience,), "Less warehouse experience."),
            *(RejectionInput(o.pk) for o in others),
        ],
    )


def _talent_pool_link(message: Message) -> str:
    lines = message.body_text.splitlines()
    return next(line for line in lines if line.endswith("/" + TALENT_POOL_PATH))


def test_the_talent_pool_link_is_the_candidates_talent_pool_page():
    assert reverse("portal:talent_pool", args=["t"]) == (
        reverse("portal:application", args=["t"]) + TALENT_POOL_PATH
    )


def test_a_written_rejection_offers_the_talent_pool_by_email(
    client_for, recruitment, owner, interviewed, others
):
    nils, olle = others
    ali = interviewed[1]
    _decide(recruitment, owner, interviewed, others)
    rejection = nils.messages.get(kind=Kind.REJECTION)
    assert JOIN_SV in rejection.body_text
    path = link_in(rejection)
    assert _talent_pool_link(rejection).endswith(path + "talangbank/")
    page = client_for(None).get(path + "talangbank/")
    assert page.status_code == 200 and 'name="consent"' in page.content.decode()
    # A letter to print carries no link to follow.
    letter = olle.messages.get(kind=Kind.REJECTION)
    assert letter.channel == Message.Channel.LETTER
    assert "talangbank" not in letter.body_text
    assert not ali.messages.filter(kind=Kind.REJECTION).exists()
    assert not TalentPoolConsent.objects.exists()


def test_the_english_rejection_offers_it_too(recruitment, owner, others):
    nils, _olle = others
    nils.candidate.language = "en"
    nils.candidate.save(update_fields=["language"])
    decision_record(
        recruitment=recruitment,
        by=owner,
        hired=[],
        rejections=[RejectionInput(o.pk) for o in others],
    )
    rejection = nils.messages.get(kind=Kind.REJECTION)
    assert rejection.language == "en"
    assert JOIN_EN in rejection.body_text
    assert _talent_pool_link(rejection)


def _reached(task, hiring_manager, **follow_ups):
    call_attempt_record(
        task=task, by=hiring_manager, outcome=CallAttempt.Outcome.REACHED, **follow_ups
    )


@pytest.mark.parametrize(("person", "words"), [(0, YES_SV), (1, YES_EN)])
def test_a_summary_after_a_yes_asks_to_confirm(
    recruitment, owner, hiring_manager, interviewed, others, person, words
):
    _decide(recruitment, owner, interviewed, others)
    application = interviewed[person]
    task = CallTask.objects.get(application=application)
    _reached(task, hiring_manager, summary_requested=True, talent_pool=True)
    summary = application.messages.get(kind=Kind.CALL_SUMMARY)
    assert words in summary.body_text
    assert _talent_pool_link(summary)
    assert not application.messages.filter(kind=Kind.TALENT_POOL_OFFER).exists()
    assert not TalentPoolConsent.objects.exists()


def test_a_summary_without_a_yes_says_nothing_of_it(
    recruitment, owner, hiring_manager, interviewed, others
):
    _decide(recruitment, owner, interviewed, others)
    task = CallTask.objects.get(application=interviewed[0])
    _reached(task, hiring_manager, summary_requested=True)
    summary = interviewed[0].messages.get(kind=Kind.CALL_SUMMARY)
    assert "bekräfta här" not in summary.body_text and "talangbank" not in summary.body_text


def test_a_yes_without_a_summary_gets_a_short_offer_with_the_link(
    client_for, recruitment, owner, hiring_manager, interviewed, others
):
    _decide(recruitment, owner, interviewed, others)
    sara = interviewed[0]
    _reached(CallTask.objects.get(application=sara), hiring_manager, talent_pool=True)
    offer = sara.messages.get(kind=Kind.TALENT_POOL_OFFER)
    assert offer.language == "sv" and offer.channel == Message.Channel.EMAIL
    assert offer.subject.startswith("Vill du höra om framtida jobb")
    assert YES_SV in offer.body_text
    assert not sara.messages.filter(kind=Kind.CALL_SUMMARY).exists()
    # The call made no consent: the candidate gives it on the page the link leads to.
    assert not TalentPoolConsent.objects.exists()
    path = link_in(offer)
    assert path.endswith("/talangbank/")
    client_for(None).post(path, {"consent": "on"})
    assert TalentPoolConsent.objects.get().candidate == sara.candidate


def test_the_english_offer(recruitment, owner, hiring_manager, interviewed, others):
    _decide(recruitment, owner, interviewed, others)
    ali = interviewed[1]
    _reached(CallTask.objects.get(application=ali), hiring_manager, talent_pool=True)
    offer = ali.messages.get(kind=Kind.TALENT_POOL_OFFER)
    assert offer.language == "en" and YES_EN in offer.body_text


def test_no_offer_without_a_yes_nor_to_someone_already_in(
    recruitment, owner, hiring_manager, interviewed, others
):
    sara, ali, _emma = interviewed
    talent_pool_join(candidate=ali.candidate, via=TalentPoolConsent.Via.PORTAL)
    _decide(recruitment, owner, interviewed, others)
    _reached(CallTask.objects.get(application=sara), hiring_manager)
    _reached(
        CallTask.objects.get(application=ali),
        hiring_manager,
        summary_requested=True,
        talent_pool=True,
    )
    assert not Message.objects.filter(kind=Kind.TALENT_POOL_OFFER).exists()
    assert YES_EN not in ali.messages.get(kind=Kind.CALL_SUMMARY).body_text
