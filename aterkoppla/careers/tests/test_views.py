from __future__ import annotations

import datetime as dt
import json
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aterkoppla.applications.models import Application, Document
from aterkoppla.lib.tests import samples
from aterkoppla.recruitment.models import Recruitment
from aterkoppla.recruitment.services import recruitment_create, recruitment_update

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]


def _form(**overrides):
    data = {
        "first_name": "Sara",
        "last_name": "Ek",
        "email": "sara.ek@example.se",
        "phone": "070-123 45 67",
        "language": "sv",
        "education": ["Truckkort A+B, 2021", "", "Gymnasiet"],
        "experience": ["Lagerarbetare, PostNord, 2020–2024"],
        "other": [""],
        "cv": SimpleUploadedFile("CV Sara.pdf", samples.pdf_bytes(), "application/pdf"),
        "homepage": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def _apply(client, recruitment, **overrides):
    return client.post(reverse("careers:apply", args=[recruitment.pk]), _form(**overrides))


def _stored_files(settings):
    folder = settings.MEDIA_ROOT / "documents"
    return list(folder.iterdir()) if folder.exists() else []


def test_list_shows_open_jobs_only(client, recruitment, owner):
    recruitment_create(owner=owner, title="Utkastet")
    closed = recruitment_create(owner=owner, title="Stängd", status="open")
    recruitment_update(recruitment=closed, by=owner, status="closed")
    past = recruitment_create(
        owner=owner, title="Passerad", status="open", application_deadline=dt.date(2026, 11, 1)
    )
    page = client.get(reverse("careers:list")).content.decode()
    assert "Lagerarbetare" in page
    for title in ("Utkastet", "Stängd", past.title):
        assert title not in page


def test_draft_job_is_not_found(client, owner):
    draft = recruitment_create(owner=owner, title="Utkast")
    assert client.get(reverse("careers:job", args=[draft.pk])).status_code == 404
    assert client.get(reverse("careers:apply", args=[draft.pk])).status_code == 404


def test_job_page_has_profile_in_plain_words_and_job_posting_json_ld(client, recruitment):
    response = client.get(reverse("careers:job", args=[recruitment.pk]))
    page = response.content.decode()
    assert "Vi söker dig som har" in page
    assert "Truckkort A+B" in page
    assert "Det är meriterande om du har" in page
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Lagerarbetare"
    assert data["datePosted"] == "2026-11-25" or data["datePosted"] <= "2026-11-25"
    assert data["validThrough"].startswith("2026-12-10T23:59:59")
    assert data["hiringOrganization"]["name"]
    assert data["employmentType"] == "FULL_TIME"
    assert "Plock och pack" in data["description"]
    assert "jobLocation" in data or "applicantLocationRequirements" in data


def test_json_ld_cannot_be_broken_out_of(client, owner):
    job = recruitment_create(
        owner=owner, title="</script><script>alert(1)</script>", status="open", location="X"
    )
    page = client.get(reverse("careers:job", args=[job.pk])).content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert json.loads(script.group(1))["title"] == "</script><script>alert(1)</script>"
    assert "<script>alert(1)" not in page


def test_staff_html_in_the_description_is_sanitised_for_job_boards(client, owner):
    job = recruitment_create(
        owner=owner,
        title="Lagerarbetare",
        status="open",
        location="Jönköping",
        description=(
            '<b onclick="steal()">Krav:</b> truckkort.<img src=x onerror=alert(1)>\n\n'
            '<script>alert(2)</script><a href="https://evil.example/">Läs mer</a>'
        ),
        job_tasks="Plocka <iframe src=https://evil.example></iframe>order",
    )
    page = client.get(reverse("careers:job", args=[job.pk])).content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    description = json.loads(script.group(1))["description"]
    assert description == (
        "<p><b>Krav:</b> truckkort.</p>\n\n<p>Läs mer</p><ul><li>Plocka order</li></ul>"
    )


def test_remote_job_names_the_country(client, owner):
    job = recruitment_create(owner=owner, title="Distans", status="open", remote=True)
    page = client.get(reverse("careers:job", args=[job.pk])).content.decode()
    data = json.loads(re.search(r"ld\+json\">(.*?)</script>", page, re.S).group(1))
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == {"@type": "Country", "name": "SE"}


def test_apply_with_a_pdf_cv(client, recruitment, settings):
    response = _apply(client, recruitment)
    assert response.status_code == 302
    assert response["Location"] == reverse("careers:thanks", args=[recruitment.pk])
    application = Application.objects.get()
    assert application.source == "form"
    assert application.candidate.phone == "+46701234567"
    # What the candidate wrote, split into its parts; the employer and years for staff only.
    assert [
        (m.kind, m.role, m.field, m.level, m.organisation, m.from_year, m.to_year)
        for m in application.merits.all()
    ] == [
        ("education", "", "truckkort A+B", "", "", None, 2021),
        ("education", "", "", "upper_secondary", "", None, None),
        ("experience", "lagerarbetare", "", "", "PostNord", 2020, 2024),
    ]
    document = application.documents.get()
    assert (document.kind, document.original_name, document.content_type) == (
        "cv",
        "CV Sara.pdf",
        "application/pdf",
    )
    assert document.file.name.startswith("documents/")
    assert "Sara" not in document.file.name
    thanks = client.get(response["Location"]).content.decode()
    assert "Tack för din ansökan, Sara!" in thanks
    assert "18 december 2026" in thanks


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("brev.docx", samples.docx_bytes(), "application/octet-stream"),
        ("brev.odt", samples.odt_bytes(), ""),
        # Named wrongly, but a real PDF: recognised by content and stored as a PDF.
        ("brev.txt", samples.pdf_bytes(), "text/plain"),
    ],
)
def test_cover_letters_in_each_format(client, recruitment, name, data, content_type):
    letter = SimpleUploadedFile(name, data, content_type)
    assert _apply(client, recruitment, cover_letter=letter).status_code == 302
    stored = Document.objects.get(kind="cover_letter")
    assert stored.original_name.rsplit(".", 1)[1] in {"docx", "odt", "pdf"}
    assert stored.size == len(data)


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (samples.exe_bytes(), "inte ett PDF"),
        (samples.pdf_bytes()[:300], "kunde inte läsas"),
        (samples.other_zip_bytes(), "inte ett PDF"),
        (b"", "tom"),
    ],
)
def test_fake_or_damaged_cv_is_refused_and_nothing_is_stored(
    client, recruitment, settings, data, says
):
    cv = SimpleUploadedFile("cv.pdf", data, "application/pdf")
    response = _apply(client, recruitment, cv=cv)
    assert response.status_code == 400
    assert says in response.content.decode()
    assert not Application.objects.exists()
    assert _stored_files(settings) == []


def test_too_large_file_is_refused(client, recruitment, settings):
    settings.UPLOAD_MAX_MB = 1
    settings.UPLOAD_MAX_BYTES = 100
    response = _apply(client, recruitment)
    assert response.status_code == 400
    assert "större än 1 MB" in response.content.decode()
    assert not Application.objects.exists()


def test_cv_is_required(client, recruitment):
    response = _apply(client, recruitment, cv=None)
    assert response.status_code == 400
    assert 'href="#id_cv"' in response.content.decode()


def test_applying_twice_gives_a_friendly_message_and_no_second_application(
    client, recruitment, settings
):
    """The second time, the form answers as the first (it tells nobody whether an address is
    known); the mail to the address asks to confirm, and confirming says it was already
    there, to the address's owner only."""
    from aterkoppla.messaging.models import Message

    _apply(client, recruitment)
    response = _apply(client, recruitment, email="SARA.EK@example.se")
    assert response.status_code == 302
    assert Application.objects.count() == 1
    confirmation = Message.objects.get(kind="application_confirmation")
    token = re.search(r"/jobb/bekrafta/([^/\s]+)/", confirmation.body_text).group(1)
    refused = client.post(reverse("careers:confirm", args=[token]))
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Du har redan sökt den här tjänsten. Din tidigare ansökan gäller." in page
    assert "Den här personen" not in page  # spoken to the person, not about them
    assert Application.objects.count() == 1
    assert len(_stored_files(settings)) == 1
    assert client.get(reverse("careers:confirm", args=[token])).status_code == 404


@time_machine.travel(dt.datetime(2026, 12, 11, 8, 0, tzinfo=dt.UTC))
def test_form_is_closed_after_the_deadline(client, recruitment):
    page = client.get(reverse("careers:apply", args=[recruitment.pk]))
    assert "Sista dag att söka var 10 december 2026" in page.content.decode()
    assert _apply(client, recruitment).status_code == 410
    assert not Application.objects.exists()


def test_deadline_day_itself_is_still_open(client, recruitment):
    with time_machine.travel(dt.datetime(2026, 12, 10, 22, 30, tzinfo=dt.UTC)):  # 23:30 in Sweden
        assert _apply(client, recruitment).status_code == 302


def test_honeypot_stops_bots_and_stores_nothing(client, recruitment, settings):
    response = _apply(client, recruitment, homepage="http://spam.example")
    assert response.status_code == 400
    assert not Application.objects.exists()
    assert _stored_files(settings) == []


def test_rate_limit_per_address(client, recruitment, settings):
    settings.APPLY_RATE = "3/h"
    for i in range(3):
        _apply(client, recruitment, email=f"a{i}@example.se")
    response = _apply(client, recruitment, email="a9@example.se")
    assert response.status_code == 429
    assert "För många försök" in response.content.decode()
    assert Application.objects.count() == 3
    other = client.post(
        reverse("careers:apply", args=[recruitment.pk]),
        _form(email="b@example.se"),
        REMOTE_ADDR="10.1.2.3",
    )
    assert other.status_code == 302


def test_an_address_over_the_limit_is_refused_before_the_body_is_read(recruitment, settings):
    """The rate limit answers before the CSRF check reads (and spools) the body: without a
    CSRF token the answer is still 429, not 403."""
    from django.test import Client

    settings.APPLY_RATE = "2/h"
    client = Client(enforce_csrf_checks=True)
    url = reverse("careers:apply", args=[recruitment.pk])
    page = client.get(url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    for i in range(2):
        response = client.post(url, _form(email=f"a{i}@example.se", csrfmiddlewaretoken=token))
        assert response.status_code == 302
    refused = client.post(url, _form(email="c@example.se"))
    assert refused.status_code == 429
    assert Application.objects.count() == 2


def test_a_body_larger_than_the_limit_is_refused_unread(client, recruitment, settings):
    url = reverse("careers:apply", args=[recruitment.pk])
    size = settings.REQUEST_MAX_BYTES + 1
    response = client.post(url, _form(), CONTENT_LENGTH=str(size))
    assert response.status_code == 413
    assert "Det du skickade är större" in response.content.decode()
    assert not Application.objects.exists()
    assert not _stored_files(settings)


def test_the_api_says_413_in_json(client, settings):
    response = client.post(
        "/api/v1/recruitments",
        b"{}",
        content_type="application/json",
        CONTENT_LENGTH=str(settings.REQUEST_MAX_BYTES + 1),
    )
    assert response.status_code == 413
    assert "too large" in response.json()["detail"] or "för stor" in response.json()["detail"]


def test_bad_input_is_a_form_error(client, recruitment):
    response = _apply(
        client,
        recruitment,
        first_name="",
        email="inte-en-adress",
        phone="ring mig",
        language="de",
        education=["x" * 400],
    )
    assert response.status_code == 400
    page = response.content.decode()
    for field in ("first_name", "email", "phone", "language", "education"):
        assert f'href="#id_{field}' in page
    assert not Application.objects.exists()


def test_confirmation_is_only_for_the_applicant(client, recruitment):
    assert client.get(reverse("careers:thanks", args=[recruitment.pk])).status_code == 404


def test_english_career_page(client, recruitment):
    client.post(reverse("set_language"), {"language": "en", "next": "/jobb/"})
    page = client.get(reverse("careers:apply", args=[recruitment.pk])).content.decode()
    assert "Send application" in page
    assert "How we handle your personal data" in page
    assert 'value="en" ' in page or 'value="en" checked' in page


def test_privacy_notice_is_shown_before_submitting(client, recruitment):
    page = client.get(reverse("careers:apply", args=[recruitment.pk])).content.decode()
    assert "Integritetsskyddsmyndigheten" in page or "IMY" in page
    assert "24 månader" in page
    assert page.index("personuppgifter") < page.index("Skicka ansökan")


def test_closed_recruitment_page_says_so(client, recruitment, owner):
    recruitment_update(recruitment=recruitment, by=owner, status=Recruitment.Status.CLOSED)
    page = client.get(reverse("careers:job", args=[recruitment.pk])).content.decode()
    assert "stängd för ansökningar" in page


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("first_name", "Flood https://evil.example/prize", "webbadress"),
        ("last_name", "Ek\r\nBcc: alla@example.se", "radbrytningar"),
    ],
)
def test_a_name_with_a_web_address_or_a_line_break_is_a_form_error(
    client, recruitment, settings, field, value, says
):
    response = _apply(client, recruitment, **{field: value})
    assert response.status_code == 400
    page = response.content.decode()
    assert f'href="#id_{field}' in page
    assert says in page
    assert not Application.objects.exists()
    assert not _stored_files(settings)


def test_a_failure_after_the_files_are_written_leaves_no_file_behind(
    client, recruitment, settings, monkeypatch
):
    """The rows roll back with the transaction; the files written for them are removed too
    (an orphan from a rollback further out is the retention sweep's to remove)."""
    from aterkoppla.applications import services

    def broken(**kwargs):
        raise RuntimeError("the timeline is unavailable")

    monkeypatch.setattr(services, "timeline_record", broken)
    with pytest.raises(RuntimeError):
        _apply(client, recruitment)
    assert not Application.objects.exists()
    assert not _stored_files(settings)
