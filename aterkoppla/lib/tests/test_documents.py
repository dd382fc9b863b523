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


def _docx_with(extra: dict[str, bytes]) -> bytes:
    """The sample DOCX with more parts added."""
    import zipfile

    out = io.BytesIO(samples.docx_bytes())
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        for name, content in extra.items():
            archive.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    "extra",
    [
        {"word/media/bomb.bin": b"\0" * (8 * 1024 * 1024)},  # 8 MB packing to ~8 kB
        {f"word/part{n}.xml": b"<x/>" for n in range(2_001)},  # too many parts
    ],
    ids=["packed-1000-to-1", "2001-parts"],
)
def test_zip_bombs_are_refused_from_the_directory(extra):
    with pytest.raises(DocumentRejected) as info:
        identify(io.BytesIO(_docx_with(extra)))
    assert info.value.reason == "damaged"


def test_a_docx_with_photos_passes():
    import os

    photo = os.urandom(3 * 1024 * 1024)  # a photo does not pack
    assert identify(io.BytesIO(_docx_with({"word/media/image1.jpeg": photo}))) == DOCX


def _pdf_claiming(count: str) -> bytes:
    return samples.pdf_bytes().replace(b"/Count 1", f"/Count {count}".encode(), 1)


@pytest.mark.parametrize("count", ["0", "9999999", "-1"])
def test_a_pdf_is_judged_by_its_page_tree_count_without_walking_it(count):
    data = _pdf_claiming(count)
    assert data != samples.pdf_bytes()
    with pytest.raises(DocumentRejected):
        identify(io.BytesIO(data))
