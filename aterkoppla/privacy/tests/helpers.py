"""Reading an export the way its reader would: the JSON, the page's text and the PDF's text."""

from __future__ import annotations

import html
import io
import re

from pypdf import PdfReader

from aterkoppla.privacy.tests.conftest import OTHERS_DETAILS


def page_text(content: bytes) -> str:
    """What a person reads on a page: no markup, no styles, entities decoded."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", content.decode(), flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(html.unescape(text).split())


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def others_in(text: str) -> list[str]:
    """The details of Emma and Ali found in ``text``, as words (so "Ali" is not "Alice")."""
    return [
        detail
        for detail in OTHERS_DETAILS
        if re.search(rf"(?<![\w.@+-]){re.escape(detail)}(?![\w@-])", text, flags=re.I)
    ]
