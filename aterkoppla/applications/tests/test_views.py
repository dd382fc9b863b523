from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from aterkoppla.applications.models import Application

pytestmark = pytest.mark.django_db

NOV_25 = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)


def _add(client, recruitment, **overrides):
    data = {
        "first_name": "Erik",
        "last_name": "Nilsson",
        "email": "erik.nilsson@example.se",
        "phone": "073-555 12 34",
        "language": "en",
        "education": "Truckkort A+B, 2019\n\nGymnasiet, Fordonsprogrammet",
        "experience": "Lagerarbetare, PostNord, 2020–2024",
        "other": "",
    }
    return client.post(reverse("applications:add", args=[recruitment.pk]), data | overrides)


@time_machine.travel(NOV_25)
def test_add_application_by_hand(client_for, member, recruitment):
    response = _add(client_for(member), recruitment)
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.source == "manual"
    assert application.reply_by == dt.date(2026, 12, 18)
    assert application.candidate.phone == "+46735551234"
    assert application.candidate.language == "en"
    # Each line split into its parts: the year to the period, the level from its words.
    assert [
        (m.kind, m.level, m.field, m.to_year, m.organisation) for m in application.merits.all()
    ] == [
        ("education", "", "truckkort A+B", 2019, ""),
        ("education", "upper_secondary", "fordonsprogrammet", None, ""),
        ("experience", "", "", 2024, "PostNord"),
    ]
    assert application.merits.get(kind="experience").role == "lagerarbetare"
    event = application.timeline.get(kind="received")
    assert event.actor_user == member
    page = client_for(member).get(response["Location"]).content.decode()
    assert "Erik Nilsson" in page
    assert "18 december 2026" in page


def test_add_application_errors(client_for, owner, recruitment):
    client = client_for(owner)
    response = _add(client, recruitment, phone="ring mig", email="nope", first_name="")
    assert response.status_code == 400
    page = response.content.decode()
    for field in ("id_phone", "id_email", "id_first_name"):
        assert f'href="#{field}"' in page
    assert not Application.objects.exists()


def test_duplicate_application_is_a_friendly_error(client_for, owner, recruitment):
    client = client_for(owner)
    _add(client, recruitment)
    response = _add(client, recruitment, email="ERIK.NILSSON@example.se")
    assert response.status_code == 400
    assert "redan sökt" in response.content.decode()
    assert Application.objects.count() == 1


@pytest.mark.usefixtures("nov_25")
def test_application_page_shows_candidate_merits_and_timeline(client_for, owner, application):
    client = client_for(owner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("applications:detail", args=[application.pk]))
    text = page.content.decode()
    assert "Sara Ek" in text
    # What others may be told, and the year that only staff see.
    assert "truckkort A+B" in text
    assert "Staff only: 2021" in text
    assert 'href="tel:+46701234567"' in text
    assert "timeline__item--received" in text


@pytest.mark.usefixtures("nov_25")
def test_move_through_the_form(client_for, owner, application):
    client = client_for(owner)
    url = reverse("applications:move", args=[application.pk])
    response = client.post(url, {"to_stage": "screening", "reply_by": "2026-12-21"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.stage, application.reply_by) == ("screening", dt.date(2026, 12, 21))


@time_machine.travel(NOV_25)
@pytest.mark.parametrize(
    "data",
    [
        {"to_stage": "hired"},
        {"to_stage": "nonsense"},
        {"to_stage": "screening", "reply_by": "2026-11-01"},
        {"to_stage": "screening", "reply_by": "not a date"},
        {},
    ],
)
def test_bad_moves_are_400_with_a_message(client_for, owner, application, data):
    response = client_for(owner).post(reverse("applications:move", args=[application.pk]), data)
    assert response.status_code == 400
    assert b"error-summary" in response.content
    application.refresh_from_db()
    assert application.stage == "received"


def test_a_name_with_a_web_address_is_a_form_error(client_for, member, recruitment):
    response = _add(client_for(member), recruitment, first_name="Vinn på www.vinst.se")
    assert response.status_code == 400
    assert "webbadress" in response.content.decode()
    assert not Application.objects.exists()
