from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from aterkoppla.applications.services import (
    IncomingDocument,
    application_move,
    application_receive,
)
from aterkoppla.assessment.services import interview_schedule
from aterkoppla.lib.documents import DOCX, PDF
from aterkoppla.lib.tests import samples

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_documents(recruitment):
    application = application_receive(
        recruitment=recruitment,
        first_name="Sara",
        last_name="Ek",
        email="sara@example.se",
        documents=[
            IncomingDocument(
                kind="cv",
                name="../../etc/CV Sara.exe.pdf",
                file=SimpleUploadedFile("x", samples.pdf_bytes()),
                type=PDF,
            ),
            IncomingDocument(
                kind="cover_letter",
                name="brev.pdf",  # a DOCX someone named .pdf: stored with its real extension
                file=SimpleUploadedFile("x", samples.docx_bytes()),
                type=DOCX,
            ),
        ],
    )
    return application


def _url(document):
    return reverse("applications:document", args=[document.application_id, document.pk])


@pytest.mark.parametrize("who", ["owner", "member", "hiring_manager", "interviewer", "site_admin"])
def test_team_downloads_documents(request, client_for, with_documents, who):
    if who == "interviewer":
        # An interviewer sees the documents of the candidates they interview.
        owner = request.getfixturevalue("owner")
        interview_schedule(
            application=application_move(
                application=with_documents, to_stage="interview", by=owner
            ),
            by=owner,
            scheduled_at=timezone.now() + dt.timedelta(days=1),
            interviewers=[request.getfixturevalue("interviewer")],
            location="Kontoret",
        )
    cv = with_documents.documents.get(kind="cv")
    response = client_for(request.getfixturevalue(who)).get(_url(cv))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == samples.pdf_bytes()
    assert response["Content-Type"] == "application/pdf"
    assert 'attachment; filename="CV Sara.exe.pdf"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"


def test_only_pdfs_open_inline(client_for, owner, with_documents):
    client = client_for(owner)
    cv = with_documents.documents.get(kind="cv")
    letter = with_documents.documents.get(kind="cover_letter")
    assert client.get(_url(cv) + "?inline=1")["Content-Disposition"].startswith("inline")
    response = client.get(_url(letter) + "?inline=1")
    assert response["Content-Disposition"] == 'attachment; filename="brev.docx"'


def test_outsider_gets_404_and_anonymous_goes_to_login(client_for, outsider, with_documents):
    cv = with_documents.documents.get(kind="cv")
    assert client_for(outsider).get(_url(cv)).status_code == 404
    response = client_for(None).get(_url(cv))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_document_of_another_application_is_404(client_for, owner, with_documents, application):
    cv = with_documents.documents.get(kind="cv")
    url = reverse("applications:document", args=[application.pk, cv.pk])
    assert client_for(owner).get(url).status_code == 404


def test_no_public_url_reaches_uploaded_files(client_for, owner, with_documents):
    cv = with_documents.documents.get(kind="cv")
    for prefix in ("/media/", "/uploads/", "/static/", "/"):
        assert client_for(owner).get(prefix + cv.file.name).status_code == 404
        assert client_for(None).get(prefix + cv.file.name).status_code in {404, 302}


def test_application_page_lists_documents(client_for, owner, with_documents):
    page = client_for(owner).get(with_documents.get_absolute_url()).content.decode()
    assert "CV: CV Sara.exe.pdf" in page
    assert "brev.docx" in page


def test_files_are_removed_when_the_application_is_refused(recruitment, application, settings):
    from django.core.exceptions import ValidationError

    before = (
        set((settings.MEDIA_ROOT / "documents").iterdir())
        if (settings.MEDIA_ROOT / "documents").exists()
        else set()
    )
    with pytest.raises(ValidationError):
        application_receive(
            recruitment=recruitment,
            first_name="Sara",
            last_name="Ek",
            email=application.candidate.email,
            documents=[
                IncomingDocument(
                    kind="cv",
                    name="cv.pdf",
                    file=SimpleUploadedFile("x", samples.pdf_bytes()),
                    type=PDF,
                )
            ],
        )
    after = (
        set((settings.MEDIA_ROOT / "documents").iterdir())
        if (settings.MEDIA_ROOT / "documents").exists()
        else set()
    )
    assert after == before
