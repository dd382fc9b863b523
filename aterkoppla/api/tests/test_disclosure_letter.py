"""The API side of the written information under diskrimineringslagen 2 kap. 4 §: the letter
as a PDF (``?format=pdf``) and the request's promise (``due_soon``, ``overdue``)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from pypdf import PdfReader

from aterkoppla.decisions.services import disclosure_request, disclosure_send
from aterkoppla.decisions.tests.fixtures import DETAILS_NEVER_TOLD
from aterkoppla.decisions.tests.test_disclosure_letter import day_due_soon

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]


def _pdf_text(content: bytes) -> str:
    assert content.startswith(b"%PDF")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _without_addressee(text: str, application) -> str:
    """The PDF is addressed to the requester, for the envelope: the rest names no one."""
    return text.replace(application.candidate.full_name, "")


def test_the_pdf_from_the_api_lists_the_merits_and_identifies_no_one(api_as, owner, merits_decided):
    (sara, _ali, _emma), _others = merits_decided
    asked = disclosure_request(application=sara, by=None, via="portal")
    response = api_as(owner).get(f"/disclosure-requests/{asked.pk}/letter?format=pdf")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    flat = " ".join(text.split())
    assert "diskrimineringslagen 2 kap. 4 §" in flat
    assert "Den som anställdes" in flat
    assert "Kallade till intervju (1)" in flat  # Ali; Sara is not listed to herself
    assert "sex års erfarenhet som lagerarbetare" in flat
    assert "två års erfarenhet som truckförare" in flat
    assert "butiksbiträde" not in flat
    assert "Sara Ek" in flat  # the addressee
    rest = _without_addressee(flat, sara)
    for secret in DETAILS_NEVER_TOLD:
        assert secret not in rest, secret


def test_the_pdf_is_in_the_requesters_language(api_as, owner, merits_decided):
    (_sara, ali, _emma), _others = merits_decided
    asked = disclosure_request(application=ali, by=None, via="portal")
    text = " ".join(
        _pdf_text(
            api_as(owner).get(f"/disclosure-requests/{asked.pk}/letter?format=pdf").content
        ).split()
    )
    assert "The person hired" in text and "Called to interview (1)" in text
    assert "Swedish" not in text or "diskrimineringslagen 2 kap. 4 §" in text
    assert "six years of experience as lagerarbetare" in text
    assert "Den som anställdes" not in text
    rest = _without_addressee(text, ali)
    for secret in DETAILS_NEVER_TOLD:
        assert secret not in rest, secret


def test_an_unknown_format_is_a_clear_422(api_as, owner, merits_decided):
    (sara, _ali, _emma), _others = merits_decided
    asked = disclosure_request(application=sara, by=None, via="portal")
    response = api_as(owner).get(f"/disclosure-requests/{asked.pk}/letter?format=docx")
    assert response.status_code == 422
    assert response.json()["detail"] and list(response.json()["errors"]) == ["format"]


@pytest.mark.parametrize(
    ("who", "status"), [("owner", 200), ("interviewer", 403), ("outsider", 404), (None, 401)]
)
def test_who_may_get_the_pdf_from_the_api(request, api_as, merits_decided, who, status):
    (sara, _ali, _emma), _others = merits_decided
    asked = disclosure_request(application=sara, by=None, via="portal")
    user = request.getfixturevalue(who) if who else None
    response = api_as(user).get(f"/disclosure-requests/{asked.pk}/letter?format=pdf")
    assert response.status_code == status
    if status != 200:
        assert response["Content-Type"].startswith("application/json")


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9), tzinfo=dt.UTC)


def test_the_request_json_says_due_soon_and_overdue(api_as, owner, merits_decided):
    (sara, _ali, _emma), _others = merits_decided
    created = api_as(owner).post(f"/applications/{sara.pk}/disclosure-requests", {})
    assert created.status_code == 201
    body = created.json()
    assert {"id", "due", "status"} <= set(body)
    assert body["due_soon"] is False and body["overdue"] is False
    due = dt.date.fromisoformat(body["due"])
    letter = f"/disclosure-requests/{body['id']}/letter"
    with time_machine.travel(_at(day_due_soon(due))):
        read = api_as(owner).get(letter).json()
        assert read["due_soon"] is True and read["overdue"] is False
    with time_machine.travel(_at(due + dt.timedelta(days=1))):
        read = api_as(owner).get(letter).json()
        assert read["overdue"] is True and read["due_soon"] is False
        again = api_as(owner).post(f"/applications/{sara.pk}/disclosure-requests", {})
        assert again.status_code == 201 and again.json()["overdue"] is True
        disclosure_send(request=disclosure_request(application=sara, by=None, via="api"), by=owner)
        read = api_as(owner).get(letter).json()
        assert read["status"] == "answered" and read["overdue"] is False
