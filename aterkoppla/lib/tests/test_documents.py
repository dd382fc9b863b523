from __future__ import annotations

import io

import pytest

from aterkoppla.lib.documents import DOCX, ODT, PDF, DocumentRejected, identify
from aterkoppla.lib.tests import samples


@pytest.mark.parametrize(
    ("data", "expected"),
    [(samples.pdf_bytes(), PDF), (samples.docx_bytes(), DOCX), (samples.odt_bytes(), ODT)],
)
def test_real_documents_are_recognised_by_content(data, expected):
    assert identify(io.BytesIO(data)) == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (samples.exe_bytes(), "unknown"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "unknown"),
        (b"Hej, det h\xc3\xa4r \xc3\xa4r mitt CV i textform.", "unknown"),
        (samples.other_zip_bytes(), "unknown"),
        (samples.pdf_bytes()[:200], "damaged"),
        (samples.pdf_bytes()[:-30], "damaged"),
        (samples.docx_bytes()[:300], "damaged"),
        (b"%PDF-1.7\n%%EOF\n", "damaged"),
    ],
)
def test_fakes_and_truncated_files_are_refused(data, reason):
    with pytest.raises(DocumentRejected) as info:
        identify(io.BytesIO(data))
    assert info.value.reason == reason


def test_stream_is_rewound():
    stream = io.BytesIO(samples.docx_bytes())
    identify(stream)
    assert stream.tell() == 0
