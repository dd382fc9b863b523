from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from aterkoppla.applications.services import application_move, application_receive
from aterkoppla.recruitment.models import Recruitment
from aterkoppla.recruitment.services import StatusCause, recruitment_set_status

pytestmark = pytest.mark.django_db

NOV_25 = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)


def _create_data(**overrides):
    data = {
        "title": "Backend-utvecklare",
        "description": "Python och Django.",
        "job_tasks": "Bygga API:er\nGranska kod",
        "language": "sv",
        "status": "open",
        "employment_type": "FULL_TIME",
        "location": "Jönköping",
        "application_deadline": "2026-12-10",
        "first_reply_by": "2026-12-18",
        "criteria-TOTAL_FORMS": "5",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "30",
    }
    rows = [
        ("Python", "must", "skill", "5"),
        ("Django", "must", "skill", "4"),
        ("PostgreSQL", "merit", "skill", "3"),
        ("Högskoleexamen i datavetenskap", "merit", "education", "2"),
        ("Samarbetsförmåga", "must", "personal", "3"),
    ]
    for i, (name, kind, category, weight) in enumerate(rows):
        data |= {
            f"criteria-{i}-name": name,
            f"criteria-{i}-kind": kind,
            f"criteria-{i}-category": category,
            f"criteria-{i}-weight": weight,
            f"criteria-{i}-job_task": "Bygga API:er",
            f"criteria-{i}-description": "",
        }
    return data | overrides


def test_create_recruitment_with_five_criteria(client_for, owner):
    response = client_for(owner).post(reverse("recruitment:create"), _create_data())
    recruitment = Recruitment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == recruitment.get_absolute_url()
    assert recruitment.owner == owner
    assert [c.name for c in recruitment.criteria.all()] == [
        "Python",
        "Django",
        "PostgreSQL",
        "Högskoleexamen i datavetenskap",
        "Samarbetsförmåga",
    ]
    assert recruitment.criteria.get(name="PostgreSQL").kind == "merit"


def _blank_row(i):
    return {
        f"criteria-{i}-name": "",
        f"criteria-{i}-kind": "must",
        f"criteria-{i}-category": "experience",
        f"criteria-{i}-weight": "3",
        f"criteria-{i}-job_task": "",
    }


def test_untouched_criterion_rows_are_ignored(client_for, owner):
    data = _create_data(**_blank_row(3), **_blank_row(4))
    client_for(owner).post(reverse("recruitment:create"), data)
    assert Recruitment.objects.get().criteria.count() == 3


def test_a_half_filled_criterion_row_asks_for_its_name(client_for, owner):
    data = _create_data(**_blank_row(4), **{"criteria-4-description": "Något"})
    response = client_for(owner).post(reverse("recruitment:create"), data)
    assert 'href="#id_criteria-4-name"' in response.content.decode()
    assert not Recruitment.objects.exists()


def test_empty_title_and_negative_weight_are_shown_as_errors(client_for, owner):
    response = client_for(owner).post(
        reverse("recruitment:create"), _create_data(title="  ", **{"criteria-1-weight": "-3"})
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert 'href="#id_title"' in page
    assert 'href="#id_criteria-1-weight"' in page
    assert "Krav 2, vikt: Vikten ska vara mellan 1 och 5." in page
    assert "Ge rekryteringen en titel." in page
    assert not Recruitment.objects.exists()


def test_answer_date_before_deadline_is_an_error_on_the_form(client_for, owner):
    response = client_for(owner).post(
        reverse("recruitment:create"), _create_data(first_reply_by="2026-12-01")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_first_reply_by"' in page
    assert "Datumet för besked kan inte ligga före sista ansökningsdag" in page
    assert not Recruitment.objects.exists()


def test_duplicate_requirement_names_are_an_error(client_for, owner):
    response = client_for(owner).post(
        reverse("recruitment:create"), _create_data(**{"criteria-1-name": "python"})
    )
    assert "Två krav har samma namn" in response.content.decode()
    assert not Recruitment.objects.exists()


def test_garbage_management_form_is_not_a_500(client_for, owner):
    data = _create_data(**{"criteria-TOTAL_FORMS": "many"})
    response = client_for(owner).post(reverse("recruitment:create"), data)
    assert response.status_code == 400
    assert not Recruitment.objects.exists()


def test_edit_recruitment(client_for, member, recruitment):
    url = reverse("recruitment:edit", args=[recruitment.pk])
    data = {
        "title": "Lagerarbetare, natt",
        "description": recruitment.description,
        "job_tasks": recruitment.job_tasks,
        "language": "sv",
        "status": "closed",
        "employment_type": "PART_TIME",
        "application_deadline": "2026-12-10",
        "first_reply_by": "2026-12-18",
    }
    response = client_for(member).post(url, data)
    assert response.status_code == 302
    recruitment.refresh_from_db()
    assert (recruitment.title, recruitment.status) == ("Lagerarbetare, natt", "closed")


def test_add_reorder_edit_and_remove_criteria(client_for, owner, recruitment):
    client = client_for(owner)
    profile = reverse("recruitment:profile", args=[recruitment.pk])
    response = client.post(
        profile, {"name": "B-körkort", "kind": "merit", "category": "other", "weight": "1"}
    )
    assert response.status_code == 302
    new = recruitment.criteria.get(name="B-körkort")
    client.post(
        reverse("recruitment:criterion_move", args=[recruitment.pk, new.pk]), {"direction": "up"}
    )
    assert list(recruitment.criteria.values_list("name", flat=True))[2] == "B-körkort"
    client.post(
        reverse("recruitment:criterion_edit", args=[recruitment.pk, new.pk]),
        {"name": "B-körkort", "kind": "must", "category": "other", "weight": "2"},
    )
    new.refresh_from_db()
    assert (new.kind, new.weight) == ("must", 2)
    client.post(reverse("recruitment:criterion_remove", args=[recruitment.pk, new.pk]))
    assert not recruitment.criteria.filter(name="B-körkort").exists()


def test_bad_criterion_input_is_a_form_error(client_for, owner, recruitment):
    profile = reverse("recruitment:profile", args=[recruitment.pk])
    response = client_for(owner).post(
        profile, {"name": "Truckkort A+B", "kind": "must", "category": "skill", "weight": "-3"}
    )
    assert response.status_code == 200
    assert b"error-summary" in response.content
    assert recruitment.criteria.count() == 3
    move = reverse(
        "recruitment:criterion_move", args=[recruitment.pk, recruitment.criteria.first().pk]
    )
    assert client_for(owner).post(move, {"direction": "sideways"}).status_code == 302


def test_team_add_and_remove(client_for, owner, outsider, recruitment):
    client = client_for(owner)
    team = reverse("recruitment:team", args=[recruitment.pk])
    assert client.post(team, {"username": "outsider", "role": "interviewer"}).status_code == 302
    assert recruitment.memberships.filter(user=outsider).exists()
    response = client.post(team, {"username": "nobody", "role": "interviewer"})
    assert "Det finns ingen aktiv användare" in response.content.decode()
    response = client.post(team, {"username": "outsider", "role": "recruiter"})
    assert "finns redan i teamet" in response.content.decode()
    membership = recruitment.memberships.get(user=outsider)
    client.post(reverse("recruitment:team_remove", args=[recruitment.pk, membership.pk]))
    assert not recruitment.memberships.filter(user=outsider).exists()
    owner_membership = recruitment.memberships.get(user=owner)
    client.post(reverse("recruitment:team_remove", args=[recruitment.pk, owner_membership.pk]))
    assert recruitment.memberships.filter(user=owner).exists()


def _applications(recruitment, n):
    for i in range(n):
        application_receive(
            recruitment=recruitment,
            first_name=f"Kandidat{i:02d}",
            last_name=f"Efternamn{(n - i):02d}",
            email=f"k{i}@example.se",
        )


@pytest.mark.parametrize("n", [3, 30])
def test_recruitment_page_query_count_does_not_grow(
    client_for, owner, recruitment, n, django_assert_num_queries
):
    _applications(recruitment, n)
    client = client_for(owner)
    url = reverse("applications:pipeline", args=[recruitment.pk])
    # session, user, recruitment, membership, legal holds in force (the notice), criteria,
    # stage counts, applications
    with django_assert_num_queries(8):
        response = client.get(url + "?sort=-waiting")
    assert response.status_code == 200


@pytest.mark.parametrize("n", [1, 8])
def test_recruitment_list_query_count_does_not_grow(
    client_for, owner, n, django_assert_num_queries
):
    from aterkoppla.recruitment.services import recruitment_create

    for i in range(n):
        recruitment_create(owner=owner, title=f"Rekrytering {i}")
    client = client_for(owner)
    # session, user, recruitments with counts and owners
    with django_assert_num_queries(3):
        client.get(reverse("applications:recruitments"))


@time_machine.travel(NOV_25)
def test_applications_sort_and_filter(client_for, owner, recruitment):
    _applications(recruitment, 3)
    first = recruitment.applications.get(candidate__first_name="Kandidat00")
    application_move(application=first, to_stage="screening", by=owner)
    client = client_for(owner)
    url = reverse("applications:pipeline", args=[recruitment.pk])
    page = client.get(url + "?sort=name").content.decode()
    assert page.index("Efternamn01") < page.index("Efternamn03")
    page = client.get(url + "?sort=-name").content.decode()
    assert page.index("Efternamn03") < page.index("Efternamn01")
    page = client.get(url + "?stage=screening").content.decode()
    assert "Kandidat00" in page
    assert "Kandidat01" not in page
    page = client.get(url + "?sort=nonsense&stage=nonsense").content.decode()
    assert "Kandidat01" in page
    assert "18 december 2026" in page


def test_pages_are_swedish_by_default_and_english_on_request(client_for, owner, recruitment):
    from django.conf import settings

    client = client_for(owner)
    url = reverse("applications:pipeline", args=[recruitment.pk])
    # An English-language browser still gets Swedish until the user switches.
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="sv">' in page
    assert "Kravprofil" in page
    client.post(reverse("set_language"), {"language": "en", "next": url})
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = client.get(url).content.decode()
    assert '<html lang="en">' in page
    assert "Requirement profile" in page


def _edit_data(recruitment, **overrides):
    return {
        "title": recruitment.title,
        "description": recruitment.description,
        "job_tasks": recruitment.job_tasks,
        "language": recruitment.language,
        "status": recruitment.status,
        "employment_type": recruitment.employment_type,
        "application_deadline": "2026-12-10",
        "first_reply_by": "2026-12-18",
    } | overrides


def _decided(recruitment, owner):
    recruitment_set_status(
        recruitment=recruitment,
        status=Recruitment.Status.DECIDED,
        by=owner,
        cause=StatusCause.DECISION,
    )
    recruitment.refresh_from_db()
    return recruitment


def _status_options(page: str) -> list[str]:
    select = page.split('name="status"', 1)[1].split("</select>", 1)[0]
    return re.findall(r'<option value="([a-z]+)"', select)


def test_edit_form_offers_only_the_allowed_statuses(client_for, owner, recruitment):
    url = reverse("recruitment:edit", args=[recruitment.pk])
    page = client_for(owner).get(url).content.decode()
    assert _status_options(page) == ["open", "closed"]
    assert 'name="status_reason"' not in page
    _decided(recruitment, owner)
    page = client_for(owner).get(url).content.decode()
    assert _status_options(page) == ["decided", "open", "closed"]
    assert 'name="status_reason"' in page
    assert "Statushistorik" in page


def test_new_recruitment_is_a_draft_or_open(client_for, owner):
    page = client_for(owner).get(reverse("recruitment:create")).content.decode()
    assert _status_options(page) == ["draft", "open"]
    response = client_for(owner).post(reverse("recruitment:create"), _create_data(status="closed"))
    assert response.status_code == 400
    assert "Välj en av de statusar som erbjuds" in response.content.decode()
    assert not Recruitment.objects.exists()


def test_a_status_the_form_does_not_offer_is_a_form_error(client_for, owner, recruitment):
    url = reverse("recruitment:edit", args=[recruitment.pk])
    response = client_for(owner).post(url, _edit_data(recruitment, status="decided"))
    assert response.status_code == 400
    assert "Välj en av de statusar som erbjuds" in response.content.decode()
    recruitment.refresh_from_db()
    assert recruitment.status == Recruitment.Status.OPEN


def test_reopening_a_decided_recruitment_asks_for_a_reason(client_for, owner, recruitment):
    _decided(recruitment, owner)
    url = reverse("recruitment:edit", args=[recruitment.pk])
    client = client_for(owner)
    response = client.post(url, _edit_data(recruitment, status="open", title="Nytt namn"))
    assert response.status_code == 400
    assert "Säg varför rekryteringen går tillbaka" in response.content.decode()
    recruitment.refresh_from_db()
    assert (recruitment.status, recruitment.title) == ("decided", "Lagerarbetare")
    response = client.post(
        url,
        _edit_data(recruitment, status="open", status_reason="Den anställda tackade nej."),
    )
    assert response.status_code == 302
    recruitment.refresh_from_db()
    assert recruitment.status == Recruitment.Status.OPEN
    page = client.get(url).content.decode()
    assert "Rekryteringen öppnades för ansökningar igen. Skäl: Den anställda tackade nej." in page


def test_recruitment_pages_show_the_status(client_for, owner, recruitment):
    _decided(recruitment, owner)
    client = client_for(owner)
    listing = client.get(reverse("applications:recruitments")).content.decode()
    assert "status--decided" in listing and "Beslutad" in listing
    page = client.get(reverse("applications:pipeline", args=[recruitment.pk])).content.decode()
    assert "status--decided" in page and "Beslutad" in page


def test_a_first_answer_date_years_ahead_is_a_form_error(client_for, owner):
    response = client_for(owner).post(
        reverse("recruitment:create"), _create_data(first_reply_by="9999-12-31")
    )
    assert response.status_code == 400
    assert "för långt fram" in response.content.decode()
    assert not Recruitment.objects.exists()


def test_a_last_day_to_apply_years_ahead_is_refused_on_edit(client_for, owner, recruitment):
    url = reverse("recruitment:edit", args=[recruitment.pk])
    response = client_for(owner).post(
        url, _edit_data(recruitment, application_deadline="2999-01-01", first_reply_by="")
    )
    assert response.status_code == 400
    assert "för långt fram" in response.content.decode()
    recruitment.refresh_from_db()
    assert recruitment.application_deadline == dt.date(2026, 12, 10)
