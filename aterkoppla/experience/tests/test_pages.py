"""The figures page, its CSV, and the report for the active measures (page, CSV, PDF): who may
see what, bad input, pinned query counts, and no personal data in the report."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aterkoppla.applications.models import Application
from aterkoppla.decisions.models import CallTask
from aterkoppla.experience.tests import builders as b
from aterkoppla.language.models import LanguageOverride

pytestmark = pytest.mark.django_db

METRICS = reverse("experience:metrics")
METRICS_CSV = reverse("experience:metrics_csv")
REPORT = reverse("experience:active_measures")
REPORT_CSV = reverse("experience:active_measures_csv")
REPORT_PDF = reverse("experience:active_measures_pdf")
YEAR = timezone.localdate().year
Stage = Application.Stage


def populate(recruitment, n: int) -> None:
    day = dt.date(YEAR, 1, 5)
    for i in range(n):
        app = b.application(
            recruitment, b.at(day), stage=Stage.REJECTED, final_at=b.at(day), interviewed=True
        )
        b.acknowledged(app, b.at(day, 9, 10))
        b.call_task(app, CallTask.Status.DONE if i % 2 else CallTask.Status.WRITTEN, 2)
        b.survey(app, i % 11, outcome="rejected", channel="call" if i % 2 else "written")


@pytest.fixture
def measured(recruitment):
    populate(recruitment, 6)
    return recruitment


def test_the_page_shows_charts_and_the_table_to_the_team(client_for, owner, member, measured):
    for user in (owner, member):
        page = client_for(user).get(METRICS, {"start": f"{YEAR}-01-01"})
        assert page.status_code == 200
        text = page.content.decode()
        assert measured.title in text
        assert text.count("<svg") == 4
        assert 'id="figures"' in text and 'id="survey"' in text
        # Nothing is loaded from a CDN (an address, not a random token such as the CSRF one).
        assert not re.search(r"(?:src|href)=[\"'][^\"']*cdn", text, re.IGNORECASE)
        assert "<script" not in text.split("</header>")[1]


def test_others_see_nothing_of_the_recruitment(client_for, interviewer, outsider, measured):
    for user in (interviewer, outsider):
        page = client_for(user).get(METRICS)
        assert page.status_code == 200
        assert measured.title not in page.content.decode()
        # Asking for it by id is a form error, not a page of its figures.
        page = client_for(user).get(METRICS, {"recruitment": measured.pk})
        assert page.status_code == 400
        assert measured.title not in page.content.decode()


def test_anonymous_is_sent_to_log_in(client_for):
    for path in (METRICS, METRICS_CSV, REPORT, REPORT_CSV, REPORT_PDF):
        answer = client_for(None).get(path)
        assert answer.status_code == 302
        assert answer["Location"].startswith(reverse("accounts:login"))


def test_a_bad_period_is_a_clear_form_error(client_for, owner, measured):
    page = client_for(owner).get(METRICS, {"start": "2026-12-01", "end": "2026-11-01"})
    assert page.status_code == 400
    assert "kan inte ligga före dess början" in page.content.decode()
    page = client_for(owner).get(METRICS, {"start": "not a date"})
    assert page.status_code == 400
    answer = client_for(owner).get(METRICS_CSV, {"start": "1800-01-01"})
    assert answer.status_code == 400


def test_small_groups_are_not_shown(client_for, owner, recruitment):
    populate(recruitment, 4)
    page = client_for(owner).get(METRICS, {"start": f"{YEAR}-01-01"}).content.decode()
    assert "cNPS" in page
    # Four answers: the group is named, its figures are not.
    assert "färre än 5" in page or "fewer than 5" in page


def test_the_csv_has_a_row_per_recruitment_and_the_total(client_for, owner, measured):
    answer = client_for(owner).get(METRICS_CSV, {"start": f"{YEAR}-01-01"})
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.content.decode())))
    assert rows[0]["recruitment"] == measured.title
    assert rows[0]["applications"] == "6"
    assert rows[0]["interviewed_rejections_called"] == "0.5"
    assert rows[0]["call_attempts_per_reached"] == "2.0"
    assert rows[0]["median_hours_to_ack"] == "0.17"  # ten minutes
    assert len(rows) == 2


def test_csv_cells_cannot_become_formulas(client_for, owner, measured):
    measured.title = '=HYPERLINK("http://evil")'
    measured.save(update_fields=["title"])
    text = client_for(owner).get(METRICS_CSV, {"start": f"{YEAR}-01-01"}).content.decode()
    assert "'=HYPERLINK" in text


def _queries(client, path, data) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path, data).status_code == 200
    return len(captured)


def test_query_counts_do_not_grow_with_the_data(client_for, owner, recruitment, second_recruitment):
    client = client_for(owner)
    data = {"start": f"{YEAR}-01-01"}
    populate(recruitment, 1)
    small = _queries(client, METRICS, data), _queries(client, REPORT, {"year": YEAR})
    populate(recruitment, 9)
    populate(second_recruitment, 7)
    large = _queries(client, METRICS, data), _queries(client, REPORT, {"year": YEAR})
    assert small == large == (15, 23)


@pytest.fixture
def second_recruitment(recruitment, owner):
    from aterkoppla.recruitment.models import Recruitment, TeamMembership

    second = Recruitment.objects.create(title="Truckförare", owner=owner, status="open")
    TeamMembership.objects.create(recruitment=second, user=owner, role=TeamMembership.Role.OWNER)
    return second


def test_the_report_holds_no_personal_data(client_for, owner, measured):
    person = Application.objects.filter(recruitment=measured).select_related("candidate").first()
    person.candidate.first_name, person.candidate.last_name = "Ingrid", "Lindqvist"
    person.candidate.phone = "+46701234567"
    person.candidate.save()
    LanguageOverride.objects.create(
        where="screening",
        application=person,
        policy="block",
        reason="Ingrid Lindqvist nämnde sin graviditet",
        findings=[{"category": "parental_leave", "match": "graviditet", "field": "note"}],
        user=owner,
    )
    client = client_for(owner)
    page = client.get(REPORT, {"year": YEAR}).content.decode()
    text = client.get(REPORT_CSV, {"year": YEAR}).content.decode()
    for content in (page, text):
        assert measured.title in content
        for secret in ("Ingrid", "Lindqvist", "0701234567", "+4670", "@example.se", "graviditet"):
            assert secret not in content, secret
        assert owner.get_full_name() not in content.split("</header>")[-1]
    assert "parental_leave" in text
    pdf = client.get(REPORT_PDF, {"year": YEAR})
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_the_report_for_others_and_bad_years(client_for, interviewer, outsider, owner, measured):
    for user in (interviewer, outsider):
        page = client_for(user).get(REPORT, {"year": YEAR})
        assert page.status_code == 200
        assert measured.title not in page.content.decode()
        assert client_for(user).get(REPORT_CSV, {"recruitment": measured.pk}).status_code == 400
    assert client_for(owner).get(REPORT, {"year": "1850"}).status_code == 400
    assert client_for(owner).get(REPORT_PDF, {"year": "x"}).status_code == 400
