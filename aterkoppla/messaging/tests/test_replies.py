"""Replies reach a person: every message has a Reply-To someone reads, nothing goes out before
the organisation's contact details are complete, and the texts read right whatever is filled
in (the privacy notice, the contact sentences, the subject, the HTML part)."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from aterkoppla.applications.services import application_receive
from aterkoppla.core.sweeps import sweeps
from aterkoppla.lib.links import redact_links
from aterkoppla.messaging.models import CANDIDATE_KINDS, Kind, Message
from aterkoppla.messaging.rendering import default_template, render_strings, sample_context
from aterkoppla.messaging.services import (
    BulkItem,
    message_queue,
    message_release,
    message_template_save,
    messages_queue_bulk,
    messages_waiting_release,
    staff_message_queue,
)
from aterkoppla.messaging.worker import Worker
from aterkoppla.organisation.models import Organisation
from aterkoppla.organisation.services import organisation_update
from tests.helpers import ORGANISATION_CONTACT

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

EXTRA = {
    Kind.REJECTION: {"reason": "Tjänsten kräver truckkort A+B."},
    Kind.CALL_SUMMARY: {"summary": "Vi pratade om erfarenheten av lagerarbete."},
    Kind.CALL_UNREACHABLE: {"summary": "Det som avgjorde var erfarenheten."},
}


def _queue(application, kind, key="test"):
    return message_queue(
        application=application,
        kind=kind,
        dedupe_key=f"{key}:{kind}:{application.pk}",
        extra=EXTRA.get(kind, {}),
    )


def _no_reply(address: str) -> bool:
    return "noreply" in address or "localhost" in address


@pytest.mark.parametrize("kind", CANDIDATE_KINDS)
def test_every_kind_reaches_the_candidate_with_the_recruiters_reply_to(
    smtp_server, application, owner, kind, unguarded_deletes
):
    owner.email = "olivia@example.se"
    owner.save()
    Message.objects.all().delete()
    message = _queue(application, kind)
    assert message.reply_to == "Olivia Ägare <olivia@example.se>"

    Worker().deliver_all()

    [mail] = smtp_server.received
    [reply_to] = mail.message["Reply-To"].addresses
    assert (reply_to.display_name, reply_to.addr_spec) == ("Olivia Ägare", "olivia@example.se")
    [sender] = mail.message["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Exempel AB", "rekrytering@example.se")
    assert not _no_reply(mail.data.decode("utf-8", "replace"))


@pytest.mark.parametrize("kind", CANDIDATE_KINDS)
def test_without_a_recruiters_address_replies_go_to_the_organisation(
    smtp_server, application, kind, unguarded_deletes
):
    Message.objects.all().delete()
    _queue(application, kind)
    Worker().deliver_all()
    [mail] = smtp_server.received
    [reply_to] = mail.message["Reply-To"].addresses
    assert (reply_to.display_name, reply_to.addr_spec) == ("Exempel AB", "rekrytering@example.se")


def test_a_retry_uses_the_reply_to_stored_with_the_message(smtp_server, application, owner):
    smtp_server.fail_next_data(1, code=451)
    Worker().deliver_all()
    # The recruiter changes address after the message was queued: the message keeps its own.
    owner.email = "ny@example.se"
    owner.save()
    Message.objects.update(next_attempt_at=timezone.now())
    Worker().deliver_all()
    [mail] = smtp_server.received
    assert mail.message["Reply-To"].addresses[0].addr_spec == "rekrytering@example.se"


def test_staff_messages_answer_to_the_person_who_booked(smtp_server, owner, interviewer):
    interviewer.email = "ivar@example.se"
    interviewer.save()
    staff_message_queue(
        to=interviewer,
        kind=Kind.INTERVIEW_INVITATION,
        subject="Intervju",
        body="Hej",
        dedupe_key="a",
        by=owner,
    )
    owner.email = "olivia@example.se"
    owner.save()
    staff_message_queue(
        to=interviewer,
        kind=Kind.INTERVIEW_INVITATION,
        subject="Intervju",
        body="Hej",
        dedupe_key="b",
        by=owner,
    )
    Worker().deliver_all()
    # Booked by someone without an address: the organisation's contact takes the answers.
    assert [m.message["Reply-To"].addresses[0].addr_spec for m in smtp_server.received] == [
        "rekrytering@example.se",
        "olivia@example.se",
    ]


def test_no_message_is_ever_sent_from_or_answered_to_noreply_localhost(
    smtp_server, settings, recruitment, owner
):
    settings.DEFAULT_FROM_EMAIL = "Återkoppla <noreply@localhost>"
    organisation = Organisation.current()
    organisation.sender_email = ""
    organisation.save()
    application = application_receive(
        recruitment=recruitment, first_name="Sara", last_name="Ek", email="sara@example.se"
    )
    message = application.messages.get()
    assert message.status == Message.Status.WAITING
    assert message.from_address == ""
    Worker().deliver_all()
    assert smtp_server.received == []

    # A message queued with such an address before they were refused is not sent either.
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.QUEUED, from_address="Återkoppla <noreply@localhost>"
    )
    Worker().deliver_all()
    assert smtp_server.received == []
    message.refresh_from_db()
    assert message.status == Message.Status.WAITING


def test_messages_wait_for_the_contact_details_and_go_out_once_they_are_filled_in(
    smtp_server, recruitment, owner, organisation_without_contact
):
    application = application_receive(
        recruitment=recruitment, first_name="Sara", last_name="Ek", email="sara@example.se"
    )
    application_receive(
        recruitment=recruitment,
        first_name="Tom",
        last_name="Lee",
        email="tom@example.com",
        language="en",
    )
    messages = Message.objects.order_by("pk")
    assert [m.status for m in messages] == [Message.Status.WAITING] * 2
    assert "message_waiting" in application.timeline.values_list("kind", flat=True)
    assert Worker().deliver_all().sent == 0
    assert messages_waiting_release() == 0  # still missing: nothing moves

    organisation_update(
        organisation=organisation_without_contact,
        by=None,
        name="Nordlager AB",
        contact_email="jobb@nordlager.example.se",
        phone="+4636123456",
    )
    assert messages_waiting_release() == 0  # the sender address is still missing
    organisation_update(
        organisation=organisation_without_contact,
        by=None,
        sender_email="rekrytering@nordlager.example.se",
    )
    # The worker's sweep releases them; run it as the worker does.
    [sweep] = [s for s in sweeps() if s.name == "waiting_messages"]
    assert sweep.run(timezone.now()) == 2
    assert messages_waiting_release() == 0  # once only
    Worker().deliver_all()

    mails = {mail.recipients[0]: mail for mail in smtp_server.received}
    swedish = mails["sara@example.se"]
    assert swedish.message["From"].addresses[0].addr_spec == "rekrytering@nordlager.example.se"
    assert swedish.message["Reply-To"].addresses[0].addr_spec == "jobb@nordlager.example.se"
    text = swedish.text()
    # Written again with the details: the notice names the contact, and the link works.
    assert "Nordlager AB är personuppgiftsansvarig" in text
    assert "Kontakta oss på jobb@nordlager.example.se eller ring oss på 036-12 34 56." in text
    assert "ringa oss på 036-12 34 56" in text
    assert "Contact us at jobb@nordlager.example.se or call us on 036-12 34 56." in (
        mails["tom@example.com"].text()
    )
    assert re.search(r"/ansokan/[A-Za-z0-9_-]{20,}/", text)
    kinds = list(application.timeline.order_by("pk").values_list("kind", flat=True))
    assert kinds[-3:] == ["message_waiting", "message_queued", "message_sent"]
    assert Message.objects.get(to_address="sara@example.se").context == {}


def test_a_bulk_run_and_staff_messages_wait_too_and_keep_their_reasons(
    smtp_server, recruitment, owner, application, organisation_without_contact, unguarded_deletes
):
    Message.objects.all().delete()
    [rejection] = messages_queue_bulk(
        [
            BulkItem(
                application=application,
                kind=Kind.REJECTION,
                dedupe_key="bulk:1",
                extra={"reason": "Tjänsten kräver truckkort A+B."},
            )
        ]
    )
    owner.email = "olivia@example.se"
    owner.save()
    staff = staff_message_queue(
        to=owner, kind=Kind.INTERVIEW_INVITATION, subject="Intervju", body="Hej", dedupe_key="s"
    )
    assert {rejection.status, staff.status} == {Message.Status.WAITING}

    organisation_update(organisation=organisation_without_contact, by=None, **ORGANISATION_CONTACT)
    assert messages_waiting_release() == 2
    Worker().deliver_all()
    mails = {mail.recipients[0]: mail for mail in smtp_server.received}
    assert "Det här avgjorde för din del: Tjänsten kräver truckkort A+B." in (
        mails["sara.ek@example.se"].text()
    )
    assert mails["sara.ek@example.se"].message["Reply-To"].addresses[0].addr_spec == (
        "olivia@example.se"
    )
    assert mails["olivia@example.se"].message["From"].addresses[0].addr_spec == (
        "rekrytering@example.se"
    )


# The contact sentences of every default template, whatever is filled in.

BROKEN = [
    r"\bpå\s*[.,]",
    r"\bon\s*[.,]",
    r"Ring oss eller",
    r"Call us or",
    r"Ring oss,",
    r"Call us,",
    r"Kontakta oss på [A-ZÅÄÖ][\w ]* AB",
    r"Contact us at [A-Z][\w ]* AB",
    r"  ",
    r" [.,]",
]


@pytest.mark.parametrize("phone", ["036-12 34 56", ""])
@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("kind", CANDIDATE_KINDS)
def test_no_default_template_breaks_a_sentence_without_a_phone(kind, language, phone):
    context = sample_context(language) | {"organisation_phone": phone}
    subject, body = render_strings(*default_template(kind, language), context)
    for pattern in BROKEN:
        assert not re.search(pattern, body), (pattern, body)
    assert ("036-12 34 56" in body) is (
        bool(phone) and "organisation_phone" in "".join(default_template(kind, language))
    )
    assert subject == subject.strip() and "\n" not in subject


@pytest.mark.parametrize("phone", ["+4636123456", ""])
def test_the_acknowledgement_names_the_contact_as_filled_in(recruitment, phone):
    organisation = Organisation.current()
    organisation.name, organisation.phone = "Nordlager AB", phone
    organisation.contact_email = "jobb@nordlager.example.se"
    organisation.save()
    sara = application_receive(
        recruitment=recruitment, first_name="Sara", last_name="Ek", email="sara@example.se"
    )
    tom = application_receive(
        recruitment=recruitment,
        first_name="Tom",
        last_name="Lee",
        email="t@example.com",
        language="en",
    )
    text_sv, text_en = sara.messages.get().body_text, tom.messages.get().body_text
    if phone:
        assert (
            "Kontakta oss på jobb@nordlager.example.se eller ring oss på 036-12 34 56. " in text_sv
        )
        assert "Contact us at jobb@nordlager.example.se or call us on 036-12 34 56. " in text_en
        assert "svara på det här mejlet eller ringa oss på 036-12 34 56." in text_sv
        assert "reply to this email or call us on 036-12 34 56." in text_en
    else:
        assert "Kontakta oss på jobb@nordlager.example.se. Du kan också" in text_sv
        assert "Contact us at jobb@nordlager.example.se. You can also" in text_en
        assert "Har du frågor är du välkommen att svara på det här mejlet.\n" in text_sv
        assert "If you have any questions, just reply to this email.\n" in text_en
    for text in (text_sv, text_en):
        for pattern in BROKEN:
            assert not re.search(pattern, text), (pattern, text)


# Subjects


def test_subjects_are_one_clean_line_from_templates_releases_and_staff(
    recruitment, owner, site_admin
):
    site_admin.email = "ada@example.se"
    site_admin.save()
    template = message_template_save(
        kind=Kind.ACKNOWLEDGEMENT,
        language="sv",
        subject="  Tack för\n din ansökan,\t{{ first_name }}  ",
        body="Hej {{ first_name }}!\n",
        by=site_admin,
    )
    assert template.subject == "Tack för din ansökan, {{ first_name }}"
    application = application_receive(
        recruitment=recruitment, first_name=" Sara\n", last_name="Ek", email="sara@example.se"
    )
    message = application.messages.get()
    assert message.subject == "Tack för din ansökan, Sara"

    Message.objects.filter(pk=message.pk).update(status=Message.Status.HELD)
    released = message_release(message=message, by=owner, subject="\n Nytt ämne \n", body="Hej")
    assert released.subject == "Nytt ämne"
    staff = staff_message_queue(
        to=site_admin,
        kind=Kind.INTERVIEW_INVITATION,
        subject=" Intervju\r\n i morgon ",
        body="Hej",
        dedupe_key="staff",
    )
    assert staff.subject == "Intervju i morgon"


# The HTML part


def test_the_html_part_shows_the_separator_as_a_rule_and_links_only_the_products_links(
    smtp_server, recruitment, settings
):
    organisation = Organisation.current()
    organisation.privacy_notice_sv = (
        "Läs mer på https://nordlager.example.se/integritet. Mejla rekrytering@example.se."
    )
    organisation.save()
    application_receive(
        recruitment=recruitment, first_name="Sara", last_name="Ek", email="sara@example.se"
    )
    Worker().deliver_all()
    [mail] = smtp_server.received

    text = mail.text()
    assert "\n-- \n" in text  # the plain-text signature separator, as mail programs know it
    html = mail.html()
    # No "--" line left as text (a random link token may hold "--": links taken out first).
    assert "--" not in redact_links(re.sub(r"<[^>]+>", "", html))
    body, footer = html.split("<hr", 1)
    assert "Läs mer på https://nordlager.example.se/integritet" in footer
    assert "Så hanterar" not in body
    links = re.findall(r'<a href="([^"]+)"', html)
    assert len(links) == 1 and links[0].startswith(settings.SITE_URL + "/ansokan/")
    assert "mailto:" not in html
    assert "<p" in body and "Hej Sara!" in body
