"""The merits page: structured merits per kind, the checks on what others may be told, and
merits that wait for review. (Who may open it: ``test_views.APPLICATION_PAGES``.)"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from aterkoppla.applications.models import Merit
from aterkoppla.assessment.services import merits_update

FIELDS = ("role", "field", "level", "years", "months", "organisation", "from_year", "to_year")


def _url(application):
    return reverse("assessment:merits", args=[application.pk])


def _post_data(rows: dict[str, list[dict]], initial: dict[str, int] | None = None) -> dict:
    """The page's form as a browser sends it: one formset per kind."""
    initial = initial or {}
    data: dict[str, str] = {}
    for kind in ("education", "experience", "other"):
        forms = rows.get(kind, [])
        data |= {
            f"{kind}-TOTAL_FORMS": str(len(forms)),
            f"{kind}-INITIAL_FORMS": str(initial.get(kind, 0)),
            f"{kind}-MIN_NUM_FORMS": "0",
            f"{kind}-MAX_NUM_FORMS": "30",
        }
        for index, form in enumerate(forms):
            for name, value in form.items():
                if value is True:
                    value = "on"
                data[f"{kind}-{index}-{name}"] = "" if value is None else str(value)
    return data


def _client(client_for, user, language="en"):
    client = client_for(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _rows(application):
    return [
        (m.kind, m.role, m.field, m.level, m.years, m.organisation, m.from_year, m.to_year)
        for m in application.merits.all()
    ]


def test_the_page_shows_each_merit_with_its_staff_fields(client_for, owner, application):
    page = _client(client_for, owner).get(_url(application)).content.decode()
    assert 'name="education-0-field" value="truckkort A+B"' in page
    assert 'name="education-0-to_year" value="2021"' in page
    assert 'name="experience-0-role" value="lagerarbetare"' in page
    assert 'name="experience-0-years" value="3"' in page
    # Labels say which merit each field belongs to, and how to add more.
    assert "Work experience 1" in page and "Employer or school" in page
    assert 'for="id_experience-0-DELETE">Remove this merit' in page


def test_merits_are_added_changed_and_removed(client_for, owner, application):
    data = _post_data(
        {
            "education": [
                {"field": "truckkort A+B", "level": "course", "to_year": 2021},
                {
                    "field": "datavetenskap",
                    "level": "bachelor",
                    "organisation": "Lunds universitet",
                    "from_year": 2012,
                    "to_year": 2015,
                },
            ],
            "experience": [{"role": "lagerarbetare", "years": 3, "DELETE": True}],
            "other": [{"field": "B-körkort", "level": "licence"}, {}],
        },
        initial={"education": 1, "experience": 1},
    )
    response = _client(client_for, owner).post(_url(application), data)
    assert response.status_code == 302
    assert _rows(application) == [
        ("education", "", "truckkort A+B", "course", None, "", None, 2021),
        ("education", "", "datavetenskap", "bachelor", None, "Lunds universitet", 2012, 2015),
        ("other", "", "B-körkort", "licence", None, "", None, None),
    ]
    event = application.timeline.get(kind="merits_updated")
    assert event.actor_user == owner


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Leave out the place “Borås”"),
        ("sv", "Ta bort orten ”Borås”"),
    ],
)
def test_a_role_with_a_place_year_or_employer_is_refused_on_the_form(
    client_for, owner, application, language, message
):
    data = _post_data(
        {
            "experience": [
                {"role": "lagerarbetare i Borås", "years": 6, "organisation": "Nordlager AB"},
                {"role": "truckförare på Nordlager", "organisation": "Nordlager AB"},
                {"role": "plockare 2016–2022"},
            ],
        },
        initial={"experience": 1},
    )
    response = _client(client_for, owner, language).post(_url(application), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Nordlager" in page and "2016" in page  # each row says what to leave out
    assert 'href="#id_experience-0-role"' in page  # the summary links to the field
    assert _rows(application) == [
        ("education", "", "truckkort A+B", "", None, "", None, 2021),
        ("experience", "lagerarbetare", "", "", 3, "", None, None),
    ]


def test_a_merit_held_for_review_is_shown_and_released_when_checked(client_for, owner, application):
    merits_update(
        application=application,
        by=owner,
        merits={"experience": ["Truckförare Nordlager Borås 2016-2022"]},
    )
    held = application.merits.get()
    assert held.needs_review and held.source_text == "Truckförare Nordlager Borås 2016-2022"
    client = _client(client_for, owner)
    page = client.get(_url(application)).content.decode()
    assert 'id="merits-review"' in page
    assert "Truckförare Nordlager Borås 2016-2022" in page
    assert "experience-0-reviewed" in page

    # Ticked but still naming the place: refused, and it stays held.
    fixed = {
        "role": "truckförare",
        "years": 6,
        "organisation": "Nordlager AB, Borås",
        "from_year": 2016,
        "to_year": 2022,
    }
    bad = _post_data(
        {"experience": [fixed | {"role": "truckförare i Borås", "reviewed": True}]},
        initial={"experience": 1},
    )
    assert client.post(_url(application), bad).status_code == 400
    assert application.merits.get().needs_review

    # Saved without ticking: the corrections are kept, and it still waits.
    unticked = _post_data({"experience": [fixed]}, initial={"experience": 1})
    assert client.post(_url(application), unticked).status_code == 302
    assert application.merits.get().needs_review

    good = _post_data({"experience": [fixed | {"reviewed": True}]}, initial={"experience": 1})
    assert client.post(_url(application), good).status_code == 302
    merit = application.merits.get()
    assert (merit.needs_review, merit.source_text, merit.role) == (False, "", "truckförare")
    page = client.get(application.get_absolute_url()).content.decode()
    assert "six years of experience as truckförare" in page
    assert "Nordlager AB, Borås, 2016–2022" in page


def test_a_stopped_role_shows_on_its_row(client_for, owner, application):
    data = _post_data({"experience": [{"role": "lagerarbetare, för gammal för tempot"}]})
    response = _client(client_for, owner).post(_url(application), data)
    assert response.status_code == 400
    assert Merit.objects.filter(application=application).count() == 2
    assert "id_experience-0-role_error" in response.content.decode()
