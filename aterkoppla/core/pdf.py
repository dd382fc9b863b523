"""PDFs drawn by WeasyPrint from HTML: the one place that loads it."""

from __future__ import annotations


class PdfUnavailable(RuntimeError):
    """WeasyPrint cannot run here (Pango is missing): say so instead of failing."""


def pdf_from_html(html: str) -> bytes:
    """The HTML drawn as a PDF; ``PdfUnavailable`` when PDFs cannot be made on this server."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: the Pango library cannot be loaded
        raise PdfUnavailable(str(exc)) from exc
    return bytes(HTML(string=html).write_pdf())
