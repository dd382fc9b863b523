"""A filled job: its page stays and says so, without a form; it leaves the list."""

from __future__ import annotations

import pytest
from django.urls import reverse

from aterkoppla.applications.models import Application
from aterkoppla.applications.services import application_move, applications_close
from aterkoppla.decisions.services import decision_record
from aterkoppla.decisions.tests.fixtures import apply_for
from aterkoppla.recruitment.models import Recruitment
from aterkoppla.recruitment.services import recruitment_set_status, recruitment_update

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

JSON_LD = '<script type="application/ld+json">'


@pytest.fixture
def filled(recruitment, owner) -> Recruitment:
    """The recruitment after a decision hired Sara (Nils still waits: decided)."""
    sara = apply_for(recruitment, owner, "Sara", "Ek", "sara@example.se")
    apply_for(recruitment, owner, "Nils", "Holm", "nils@example.se")
    application_move(application=sara, to_stage=Application.Stage.INTERVIEW, by=owner)
    decision_record(recruitment=recruitment, by=owner, hired=[sara.pk])
    recruitment.refresh_from_db()
    assert recruitment.status == Recruitment.Status.DECIDED
    return recruitment


def _apply_form() -> dict[str, str]:
    return {
        "first_name": "Per",
        "last_name": "Ås",
        "email": "per@example.se",
        "phone": "070-765 43 21",
        "language": "sv",
        "homepage": "",
    }


def _english(client) -> None:
    client.post(reverse("set_language"), {"language": "en", "next": "/jobb/"})


def test_filled_job_leaves_the_list(client, filled):
    page = client.get(reverse("careers:list")).content.decode()
    assert filled.title not in page
    assert "Vi har inga lediga jobb just nu" in page


def test_filled_job_page_stays_and_says_it_is_filled_without_a_form(client, filled):
    response = client.get(reverse("careers:job", args=[filled.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tjänsten är tillsatt." in page
    assert "Det går inte längre att söka." in page
    assert "Truckkort A+B" in page  # the posting itself is still there
    assert reverse("careers:apply", args=[filled.pk]) not in page
    assert "Sök tjänsten" not in page
    # Search engines are not told of a job that takes no applications.
    assert JSON_LD not in page


def test_filled_job_page_in_english(client, filled):
    _english(client)
    page = client.get(reverse("careers:job", args=[filled.pk])).content.decode()
    assert "This job has been filled." in page
    assert "Applications are closed." in page
    page = client.get(reverse("careers:apply", args=[filled.pk])).content.decode()
    assert "This job has been filled, and it is no longer possible to apply for it." in page
    assert "<form" not in page.split("</header>", 1)[1].split("<footer", 1)[0]


def test_the_form_of_a_filled_job_is_gone_and_a_post_is_refused(client, filled):
    before = Application.objects.count()
    page = client.get(reverse("careers:apply", args=[filled.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Tjänsten är tillsatt och det går inte längre att söka den." in text
    assert 'name="first_name"' not in text
    refused = client.post(reverse("careers:apply", args=[filled.pk]), _apply_form())
    assert refused.status_code == 410
    assert "Tjänsten är tillsatt och det går inte längre att söka den." in refused.content.decode()
    assert Application.objects.count() == before


def test_a_completed_job_is_filled_too(client, filled, owner):
    nils = Application.objects.get(candidate__first_name="Nils")
    applications_close(applications=[nils], outcome=Application.Stage.WITHDRAWN, by=owner)
    filled.refresh_from_db()
    assert filled.status == Recruitment.Status.COMPLETED
    page = client.get(reverse("careers:job", args=[filled.pk])).content.decode()
    assert "Tjänsten är tillsatt." in page


def test_a_closed_job_says_applications_are_closed_not_filled(client, recruitment, owner):
    recruitment_update(recruitment=recruitment, by=owner, status=Recruitment.Status.CLOSED)
    page = client.get(reverse("careers:job", args=[recruitment.pk])).content.decode()
    assert "Tjänsten är stängd för ansökningar." in page
    assert "tillsatt" not in page
    assert JSON_LD not in page
    apply_page = client.get(reverse("careers:apply", args=[recruitment.pk])).content.decode()
    assert "Tjänsten är stängd för ansökningar." in apply_page
    assert "Sista dag att söka var" not in apply_page


def test_readvertised_job_takes_applications_again(client, filled, owner):
    recruitment_set_status(
        recruitment=filled, status=Recruitment.Status.OPEN, by=owner, reason="Tackade nej."
    )
    page = client.get(reverse("careers:job", args=[filled.pk])).content.decode()
    assert reverse("careers:apply", args=[filled.pk]) in page
    assert JSON_LD in page
    assert filled.title in client.get(reverse("careers:list")).content.decode()
