"""The person chosen is described by kind, level and length only: no employer, school,
place or year reaches the call sheet, its PDF, the API or the written summary."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from aterkoppla.accounts.models import ApiToken
from aterkoppla.api.tests.helpers import ApiClient
from aterkoppla.assessment.services import merits_update
from aterkoppla.decisions.call_sheets import written_summary
from aterkoppla.decisions.services import RejectionInput, decision_record

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

# What colleagues could tell the chosen person by.
IDENTIFYING = (
    "Emma",
    "Berg",
    "Nordlager",
    "Borås",
    "Göteborg",
    "Chalmers",
    "2016",
    "2022",
    "2012",
    "Truckförare",
)


@pytest.fixture
def decided(recruitment, owner, interviewed, others):
    sara, ali, emma = interviewed
    merits_update(
        application=emma,
        by=owner,
        merits={
            "education": [
                {
                    "field": "datavetenskap",
                    "level": "bachelor",
                    "organisation": "Göteborgs universitet",
                    "from_year": 2012,
                    "to_year": 2015,
                },
            ],
            "experience": [
                {
                    "role": "lagerarbetare",
                    "field": "WMS-system",
                    "years": 6,
                    "organisation": "Nordlager AB, Borås",
                    "from_year": 2016,
                    "to_year": 2022,
                },
                # Typed as free text and not yet checked: held back whole.
                "Truckförare Nordlager Borås 2012-2016",
            ],
            "other": [
                {"field": "truckkort A+B", "level": "licence", "organisation": "Chalmers Lager"}
            ],
        },
    )
    criteria = list(recruitment.criteria.all())
    decision_record(
        recruitment=recruitment,
        by=owner,
        hired=[emma.pk],
        rejections=[
            RejectionInput(sara.pk, (criteria[1].pk,), "Mindre erfarenhet av lagerarbete."),
            RejectionInput(ali.pk, (criteria[1].pk,), "Less warehouse experience."),
            *(RejectionInput(o.pk) for o in others),
        ],
    )
    return sara, ali


def _assert_anonymous(shown: object) -> None:
    # Whole words only: on PostgreSQL an id such as 12016 is not a year.
    text = str(shown)
    found = [word for word in IDENTIFYING if re.search(rf"\b{re.escape(word)}\b", text)]
    assert found == []


def test_the_call_sheet_json_describes_the_chosen_without_identifying(owner, decided):
    sara, ali = decided
    _token, key = ApiToken.issue(user=owner, name="Test")
    client = ApiClient(key)
    for application, merits in (
        (
            sara,
            [
                "kandidatexamen i datavetenskap",
                "sex års erfarenhet som lagerarbetare inom WMS-system",
                "truckkort A+B",
            ],
        ),
        (
            ali,
            [
                "a bachelor's degree in datavetenskap",
                "six years of experience as lagerarbetare in WMS-system",
                "truckkort A+B",
            ],
        ),
    ):
        response = client.get(f"/applications/{application.pk}/call-sheet")
        assert response.status_code == 200, response.content
        sheet = response.json()
        assert sheet["hired_merits"] == merits
        _assert_anonymous(json.dumps(sheet, ensure_ascii=False))
        _assert_anonymous(written_summary(application))


def test_the_call_sheet_page_and_pdf_describe_the_chosen_without_identifying(
    client_for, owner, decided
):
    sara, _ali = decided
    url = reverse("decisions:call_sheet", args=[sara.pk])
    client = client_for(owner)
    html = client.get(url).content.decode()
    assert "sex års erfarenhet som lagerarbetare inom WMS-system" in html
    _assert_anonymous(html.replace("Sara Ek", ""))
    pdf = client.get(url, {"format": "pdf"}).content
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    _assert_anonymous(text)


def test_a_reason_naming_the_chosen_persons_employer_or_years_is_refused(
    recruitment, owner, interviewed, others
):
    from django.core.exceptions import ValidationError

    sara, _ali, emma = interviewed
    merits_update(
        application=emma,
        by=owner,
        merits={
            "experience": [
                {
                    "role": "lagerarbetare",
                    "years": 6,
                    "organisation": "Nordlager AB",
                    "from_year": 2016,
                    "to_year": 2022,
                }
            ]
        },
    )
    criteria = list(recruitment.criteria.all())
    with pytest.raises(ValidationError) as refused:
        decision_record(
            recruitment=recruitment,
            by=owner,
            hired=[emma.pk],
            rejections=[
                RejectionInput(
                    sara.pk,
                    (criteria[1].pk,),
                    "Den vi valde har arbetat på Nordlager AB sedan 2016, med lagerarbete.",
                )
            ],
        )
    assert "Nordlager AB" in str(refused.value) and "2016" in str(refused.value)
    sara.refresh_from_db()
    assert sara.is_open


def test_a_note_naming_the_chosen_person_is_never_read_out(owner, decided, interviewed):
    from aterkoppla.assessment.models import Scorecard
    from aterkoppla.decisions.call_sheets import call_sheet_for

    sara = interviewed[0]
    Scorecard.objects.filter(interview__application=sara).update(
        strengths="Lika noggrann som Emma, men kortare erfarenhet."
    )
    sheet = call_sheet_for(sara)
    said = " ".join([*sheet.strengths_to_open_with, *(a.answer for a in sheet.answers.values())])
    assert "Emma" not in said and "Emma" not in sheet.summary
    assert any(
        "namnger den vi valde" in line or "names the person chosen" in line
        for line in sheet.reminders
    )
