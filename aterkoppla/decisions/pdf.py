"""PDFs drawn by WeasyPrint: call sheets to print, letters for candidates without email, and
the written information under diskrimineringslagen 2 kap. 4 §."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone, translation

from aterkoppla.core.pdf import PdfUnavailable, pdf_from_html
from aterkoppla.decisions.call_sheets import feedback_outcome
from aterkoppla.decisions.disclosure import disclosure_letter
from aterkoppla.decisions.models import DisclosureRequest
from aterkoppla.lib.call_sheet import CallSheet
from aterkoppla.lib.phone import display as phone_display
from aterkoppla.messaging.models import Message
from aterkoppla.organisation.models import Organisation
from aterkoppla.organisation.services import organisation_contact_email

__all__ = ["PdfUnavailable", "answers_of", "call_sheet_pdf", "disclosure_letter_pdf", "letter_pdf"]


def answers_of(sheet: CallSheet) -> list[tuple[str, object]]:
    return [(key, sheet.answers[key]) for key in ("q1", "q2", "q3") if key in sheet.answers]


def call_sheet_pdf(sheet: CallSheet) -> bytes:
    """The call sheet for print, labelled in the reader's language."""
    with translation.override(sheet.reader_language):
        html = render_to_string(
            "decisions/call_sheet_pdf.html",
            {"sheet": sheet, "answers": answers_of(sheet), "LANGUAGE_CODE": sheet.reader_language},
        )
    return pdf_from_html(html)


def letter_pdf(message: Message) -> bytes:
    """A letter as it goes in the post: sender, recipient, date, the message's text."""
    with translation.override(message.language):
        html = render_to_string(
            "decisions/letter_pdf.html",
            {
                "message": message,
                "organisation": Organisation.current(),
                "paragraphs": [p for p in message.body_text.strip().split("\n\n") if p.strip()],
            },
        )
    return pdf_from_html(html)


def disclosure_letter_pdf(request: DisclosureRequest) -> bytes:
    """The letter answering a request for the written information (DL 2 kap. 4 §), in the
    requester's language, to send or to post: the same sections as the email ("Den som
    anställdes", "Kallade till intervju (n)"), addressed to the requester and naming nobody
    else."""
    letter = disclosure_letter(request)
    application = request.application
    organisation = Organisation.current()
    with translation.override(letter.language):
        html = render_to_string(
            "decisions/disclosure_letter_pdf.html",
            {
                "letter": letter,
                "requester": application.candidate,
                "job_title": application.recruitment.title,
                "outcome": feedback_outcome(anyone_hired=bool(letter.hired), no_hire=False),
                "organisation": organisation,
                "organisation_email": organisation_contact_email(organisation),
                "organisation_phone": phone_display(organisation.phone),
                "today": timezone.localdate(),
            },
        )
    return pdf_from_html(html)
