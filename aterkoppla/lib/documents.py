"""Recognise uploaded documents by their content, never by their name.

Accepted: PDF, Word (DOCX) and OpenDocument text (ODT). A file is accepted only when it
parses as what it is: a renamed executable, an image, a zip of something else or a
truncated file is refused.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any, Protocol

from pypdf import PdfReader
from pypdf.errors import PyPdfError


class Readable(Protocol):
    """What is read: an open binary file, or the file Django made of an upload."""

    def seek(self, offset: int, whence: int = 0, /) -> int: ...
    def read(self, n: int = -1, /) -> bytes: ...


class DocumentRejected(ValueError):
    """The file is not a document we accept; ``reason`` is a code for the message to show."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class DocumentType:
    kind: str  # "pdf", "docx", "odt"
    content_type: str
    extension: str


PDF = DocumentType("pdf", "application/pdf", ".pdf")
DOCX = DocumentType(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".docx",
)
ODT = DocumentType("odt", "application/vnd.oasis.opendocument.text", ".odt")

# Refuse zip bombs: a document's unpacked parts may not exceed this in all (a CV with photos
# unpacks to a few MB), nor be more parts than this, nor any part pack smaller than 1/200 of
# itself (text and images do not; a bomb does). Checked on the archive's directory, before
# anything is unpacked.
_MAX_UNPACKED = 50 * 1024 * 1024
_MAX_PARTS = 2_000
_MAX_RATIO = 200
# A PDF's page count as its page tree states it (/Count), never by walking the tree: a tree
# nested thousands deep, or with millions of leaves, costs nothing to refuse.
_MAX_PAGES = 2_000


def identify(stream: Readable) -> DocumentType:
    """Return the document's type, or raise :class:`DocumentRejected` (``empty``,
    ``unknown``, ``damaged``)."""
    stream.seek(0)
    head = stream.read(8)
    stream.seek(0)
    if not head:
        raise DocumentRejected("empty")
    if head.startswith(b"%PDF-"):
        _check_pdf(stream)
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return _identify_zip(stream)
    raise DocumentRejected("unknown")


def _check_pdf(stream: Readable) -> None:
    data = stream.read()
    stream.seek(0)
    # A complete PDF ends with %%EOF (possibly followed by whitespace); a cut-off upload does not.
    if b"%%EOF" not in data[-2048:]:
        raise DocumentRejected("damaged")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        # pypdf types the objects it reads as plain PDF objects; these are dictionaries.
        trailer: Any = reader.trailer
        count = trailer["/Root"]["/Pages"]["/Count"]
        if not isinstance(count, int) or not 1 <= count <= _MAX_PAGES:
            raise DocumentRejected("damaged")
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError):
        raise DocumentRejected("damaged") from None


def _identify_zip(stream: Readable) -> DocumentType:
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
            parts = archive.infolist()
            if len(parts) > _MAX_PARTS or sum(p.file_size for p in parts) > _MAX_UNPACKED:
                raise DocumentRejected("damaged")
            if any(p.file_size > _MAX_RATIO * max(p.compress_size, 1) for p in parts):
                raise DocumentRejected("damaged")
            if archive.testzip() is not None:
                raise DocumentRejected("damaged")
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return DOCX
            if "mimetype" in names and "content.xml" in names:
                mimetype = archive.read("mimetype").strip()
                if mimetype == ODT.content_type.encode():
                    return ODT
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError):
        raise DocumentRejected("damaged") from None
    finally:
        stream.seek(0)
    raise DocumentRejected("unknown")
