"""PDFs drawn by WeasyPrint: call sheets to print, and letters for candidates without email."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation

from aterkoppla.lib.call_sheet import CallSheet
from aterkoppla.messaging.models import Message
from aterkoppla.organisation.models import Organisation


class PdfUnavailable(RuntimeError):
    """WeasyPrint cannot run here (Pango is missing): say so instead of failing."""


def _pdf(html: str) -> bytes:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: the Pango library cannot be loaded
        raise PdfUnavailable(str(exc)) from exc
    return HTML(string=html).write_pdf()


def answers_of(sheet: CallSheet) -> list[tuple[str, object]]:
    return [(key, sheet.answers[key]) for key in ("q1", "q2", "q3") if key in sheet.answers]


def call_sheet_pdf(sheet: CallSheet) -> bytes:
    """The call sheet for print, labelled in the reader's language."""
    with translation.override(sheet.reader_language):
        html = render_to_string(
            "decisions/call_sheet_pdf.html",
            {"sheet": sheet, "answers": answers_of(sheet), "LANGUAGE_CODE": sheet.reader_language},
        )
    return _pdf(html)


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
    return _pdf(html)
