"""The candidate's own copy of their data, from their private link: page, JSON and PDF."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import time_machine
from django.conf import settings

from aterkoppla.portal.tests.helpers import assert_private
from aterkoppla.privacy.events import DATA_EXPORTED
from aterkoppla.privacy.tests.conftest import more_messages
from aterkoppla.privacy.tests.helpers import others_in, page_text, pdf_text
from aterkoppla.timeline.models import TimelineEvent

pytestmark = pytest.mark.django_db

# The rate limit's counter in the database cache (12, as on the candidate page), the link
# (1); the candidate's applications, the other applicants' names, merits, documents, screening,
# interviews, scorecards and their ratings, decisions and their requirements, call tasks and
# their attempts, requests for written information, answers to the survey, talent-pool
# consents and invitations, the organisation (17); per application its timeline and messages
# (2 × 2); the organisation for the page (1); the record: the applications and one insert, in
# a savepoint (4).
QUERIES = 12 + 1 + 17 + 2 * 2 + 1 + 4

FORMATS = {"page": "dina-uppgifter/", "json": "dina-uppgifter/json/", "pdf": "dina-uppgifter/pdf/"}


@pytest.fixture
def anon(client_for):
    return client_for(None)


def _exports() -> list[TimelineEvent]:
    return list(TimelineEvent.objects.filter(kind=DATA_EXPORTED).order_by("id"))


def test_the_candidate_page_links_to_the_export(anon, scene):
    link = scene.link()
    page = anon.get(link).content.decode()
    assert "Dina uppgifter" in page
    assert "Ladda ner dina uppgifter" in page
    assert f'href="{link}dina-uppgifter/"' in page


def test_the_page_shows_everything_about_sara_and_nobody_else(anon, scene):
    response = anon.get(scene.link() + FORMATS["page"])
    assert response.status_code == 200
    assert_private(response)
    assert response["Content-Language"] == "sv"
    text = page_text(response.content)
    assert "Dina uppgifter" in text
    assert "Hej Sara! Här är allt Exempel AB har om dig från dina ansökningar." in text
    for seen in (
        "sara.ek@example.se",
        "+46701234567",
        "Jula Logistik",
        "Truckskolan i Jönköping",
        "Intervjuarnas bedömningar av dig",
        "Intervjuare 2",
        "Ge fler konkreta exempel från lagret.",
        "[utelämnat: nämner en annan sökande]",
        "Din ansökan: Lagerarbetare",
        "Din ansökan: Truckförare",
        "Tack för din ansökan till Lagerarbetare",
    ):
        assert seen in text, seen
    assert others_in(text) == []


def test_the_language_switch_gives_the_export_in_english(anon, scene):
    anon.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = anon.get(scene.link() + FORMATS["page"])
    assert response["Content-Language"] == "en"
    text = page_text(response.content)
    assert "Hello Sara! Here is everything Exempel AB holds about you" in text
    assert "[left out: names another applicant]" in text
    assert "Interviewer 1 submitted a scorecard." in text
    data = json.loads(anon.get(scene.link() + FORMATS["json"]).content)
    assert data["language"] == "en"


def test_json_is_a_download_that_parses(anon, scene):
    response = anon.get(scene.link() + FORMATS["json"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('.json"')
    assert_private(response)
    data = json.loads(response.content)
    assert data["candidate"]["email"] == "sara.ek@example.se"
    assert len(data["applications"]) == 2
    assert others_in(response.content.decode()) == []


def test_pdf_is_a_pdf_with_her_data_and_nobody_elses(anon, scene):
    response = anon.get(scene.link() + FORMATS["pdf"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "Dina uppgifter" in text
    assert "Sara" in text
    assert "Ek" in text
    assert "Jula Logistik" in text
    assert others_in(text) == []


@pytest.mark.parametrize("export_format", FORMATS)
def test_another_application_of_the_same_person_gives_the_same_export(anon, scene, export_format):
    response = anon.get(scene.link(scene.sara_elsewhere) + FORMATS[export_format])
    assert response.status_code == 200
    if export_format == "json":
        data = json.loads(response.content)
        assert data["candidate"]["email"] == "sara.ek@example.se"
        assert {app["job"] for app in data["applications"]} == {"Lagerarbetare", "Truckförare"}


@pytest.mark.parametrize("export_format", FORMATS)
def test_another_persons_link_never_shows_sara(anon, scene, export_format):
    response = anon.get(scene.link(scene.tom) + FORMATS[export_format])
    assert response.status_code == 200
    text = (
        pdf_text(response.content)
        if export_format == "pdf"
        else page_text(response.content)
        if export_format == "page"
        else response.content.decode()
    )
    assert "Tom" in text
    for detail in ("Sara", "sara.ek@example.se", "Lagerarbetare", "Jula Logistik"):
        assert detail not in text, detail
    # Recorded on Tom's application only.
    assert {event.application_id for event in _exports()} == {scene.tom.pk}


@pytest.mark.parametrize("export_format", FORMATS)
def test_a_wrong_link_finds_nothing_and_records_nothing(anon, scene, export_format):
    response = anon.get("/ansokan/not-a-real-token/" + FORMATS[export_format])
    assert response.status_code == 404
    assert "Sara" not in response.content.decode()
    assert _exports() == []


def test_posting_to_the_export_is_refused(anon, scene):
    assert anon.post(scene.link() + FORMATS["json"]).status_code == 405
    assert _exports() == []


@pytest.mark.parametrize("export_format", FORMATS)
def test_each_export_is_on_the_timeline_of_each_of_her_applications(anon, scene, export_format):
    anon.get(scene.link() + FORMATS[export_format])
    events = _exports()
    assert {event.application_id for event in events} == {scene.sara.pk, scene.sara_elsewhere.pk}
    for event in events:
        assert event.actor == TimelineEvent.Actor.CANDIDATE
        assert event.actor_user is None
        assert event.data == {"by": "candidate", "format": export_format}
    # And the team reads it on the application page.
    assert "(GDPR art. 15)" in events[0].summary()


def test_the_export_page_reads_as_many_rows_however_many_messages(
    anon, scene, django_assert_num_queries
):
    path = scene.link() + FORMATS["page"]
    with time_machine.travel(dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        anon.get(path)  # the first visit notes the link as used
        with django_assert_num_queries(QUERIES):
            anon.get(path)
        more_messages(scene.sara, 6)
        more_messages(scene.sara_elsewhere, 3)
        with django_assert_num_queries(QUERIES):
            response = anon.get(path)
    assert page_text(response.content).count("Lägesbesked") >= 7
