"""Structured merits in the API: written and read back, refused with their field, and the
older form of texts still taken. (Who may: ``test_permissions.ROUTES``.)"""

from __future__ import annotations

import pytest

from aterkoppla.api.tests.helpers import application_body

pytestmark = pytest.mark.django_db

EMMA = {
    "education": [
        {
            "field": "datavetenskap",
            "level": "bachelor",
            "organisation": "Göteborgs universitet",
            "from_year": 2012,
            "to_year": 2015,
        }
    ],
    "experience": [
        {
            "role": "lagerarbetare",
            "field": "WMS-system",
            "length": {"years": 6},
            "organisation": "Nordlager AB, Borås",
            "from_year": 2016,
            "to_year": 2022,
        },
        "Truckförare Nordlager Borås 2012-2016",
    ],
    "other": [{"field": "truckkort A+B", "level": "licence"}],
}


def _strip(merit: dict) -> dict:
    return {key: value for key, value in merit.items() if key != "id"}


def test_merits_are_written_and_read_back(api_as, owner, application):
    client = api_as(owner)
    response = client.put(f"/applications/{application.pk}/merits", EMMA)
    assert response.status_code == 200, response.content
    body = response.json()
    assert [_strip(m) for m in body["experience"]] == [
        {
            "role": "lagerarbetare",
            "field": "WMS-system",
            "level": "",
            "length": {"years": 6, "months": None},
            "organisation": "Nordlager AB, Borås",
            "from_year": 2016,
            "to_year": 2022,
            "needs_review": False,
            "written_as": "",
            "phrases": {
                "sv": "sex års erfarenhet som lagerarbetare inom WMS-system",
                "en": "six years of experience as lagerarbetare in WMS-system",
            },
        },
        {
            # Split as far as it goes, and held: the role still names the employer and place.
            "role": "truckförare Nordlager Borås",
            "field": "",
            "level": "",
            "length": {"years": 4, "months": None},
            "organisation": "",
            "from_year": 2012,
            "to_year": 2016,
            "needs_review": True,
            "written_as": "Truckförare Nordlager Borås 2012-2016",
            "phrases": None,
        },
    ]
    assert body["education"][0]["phrases"]["en"] == "a bachelor's degree in datavetenskap"
    detail = client.get(f"/applications/{application.pk}").json()
    assert detail["merits"] == body
    assert application.timeline.filter(kind="merits_updated").count() == 1


def test_a_new_application_takes_objects_and_texts(api_as, owner, recruitment):
    body = application_body() | {"merits": EMMA}
    response = api_as(owner).post(f"/recruitments/{recruitment.pk}/applications", body)
    assert response.status_code == 201, response.content
    detail = api_as(owner).get(f"/applications/{response.json()['id']}").json()
    assert [m["organisation"] for m in detail["merits"]["experience"]] == [
        "Nordlager AB, Borås",
        "",
    ]


@pytest.mark.parametrize(
    ("merit", "path", "message"),
    [
        ({"role": "lagerarbetare i Borås"}, "experience.0.role", "Leave out the place “Borås”"),
        (
            {"role": "lagerarbetare hos Nordlager", "organisation": "Nordlager AB"},
            "experience.0.role",
            "Leave out “Nordlager”",
        ),
        ({"role": "plockare 2016–2022"}, "experience.0.role", "Leave out the year “2016”"),
        ({"role": "x", "length": {"months": 14}}, "experience.0.length.months", "less than or"),
        ({"role": "x", "level": "bachelor"}, "experience.0.level", "Choose a level"),
        ({"role": "x", "level": "expert"}, "experience.0.level", "Input should be"),
    ],
)
def test_bad_merits_are_422_with_their_field(api_as, owner, application, merit, path, message):
    response = api_as(owner).put(f"/applications/{application.pk}/merits", {"experience": [merit]})
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["detail"]
    assert message in " ".join(body["errors"][path])
    assert application.merits.count() == 2  # nothing changed


def test_a_role_the_language_check_stops_is_422_with_findings(api_as, owner, application):
    body = {"experience": [{"role": "lagerarbetare, för gammal för tempot"}]}
    response = api_as(owner).put(f"/applications/{application.pk}/merits", body)
    assert response.status_code == 422
    assert [f["field"] for f in response.json()["findings"]] == ["experience.0.role"]
    body["language_override_reason"] = "Citat ur ansökan."
    assert api_as(owner).put(f"/applications/{application.pk}/merits", body).status_code == 200
