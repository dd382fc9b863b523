"""Free-text merits become structured merits (migration 0012), and back."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("applications", "0010_closed_has_final_answer")]
AFTER = [("applications", "0013_remove_application_merits_text")]

# A chosen person's merits as they were typed before, employer, place and years included.
EMMA = {
    "education": [
        "Kandidatexamen i datavetenskap, Göteborgs universitet, 2015",
        "Truckkort A+B, 2018",
    ],
    "experience": [
        "Lagerarbetare på Nordlager AB i Borås 2016–2022",
        "Truckförare Nordlager Borås 2012-2016",  # no comma, no "på": cannot be split safely
    ],
    "other": ["B-körkort"],
}


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_apps(transactional_db):
    apps = _migrate(BEFORE)
    yield apps
    _migrate(executor_leaf())


def executor_leaf():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _application(apps, merits):
    User = apps.get_model("accounts", "User")
    Recruitment = apps.get_model("recruitment", "Recruitment")
    Candidate = apps.get_model("applications", "Candidate")
    Application = apps.get_model("applications", "Application")
    owner = User.objects.create(username="olivia")
    recruitment = Recruitment.objects.create(
        title="Lagerarbetare",
        owner=owner,
        application_deadline=dt.date(2026, 12, 1),
        first_reply_by=dt.date(2026, 12, 18),
    )
    candidate = Candidate.objects.create(first_name="Emma", last_name="Berg")
    return Application.objects.create(
        candidate=candidate,
        recruitment=recruitment,
        source="manual",
        reply_by=dt.date(2026, 12, 18),
        merits=merits,
    )


def test_free_text_merits_are_split_and_unsure_ones_held_for_review(old_apps):
    application = _application(old_apps, EMMA)
    apps = _migrate(AFTER)
    Merit = apps.get_model("applications", "Merit")
    rows = [
        (
            m.kind,
            m.role,
            m.field,
            m.level,
            m.years,
            m.organisation,
            m.from_year,
            m.to_year,
            m.needs_review,
        )
        for m in Merit.objects.filter(application_id=application.pk).order_by("kind", "position")
    ]
    assert rows == [
        (
            "education",
            "",
            "datavetenskap",
            "bachelor",
            None,
            "Göteborgs universitet",
            None,
            2015,
            False,
        ),
        ("education", "", "truckkort A+B", "", None, "", None, 2018, False),
        ("experience", "lagerarbetare", "", "", 6, "Nordlager AB i Borås", 2016, 2022, False),
        ("experience", "", "Truckförare Nordlager Borås 2012-2016", "", None, "", None, None, True),
        ("other", "", "B-körkort", "licence", None, "", None, None, False),
    ]
    held = Merit.objects.get(needs_review=True)
    assert held.source_text == "Truckförare Nordlager Borås 2012-2016"

    # And back: one line per merit again, the held one as it was written.
    apps = _migrate(BEFORE)
    Application = apps.get_model("applications", "Application")
    merits = Application.objects.get(pk=application.pk).merits
    assert merits["experience"] == [
        "lagerarbetare, Nordlager AB i Borås, 2016–2022",
        "Truckförare Nordlager Borås 2012-2016",
    ]
    assert merits["education"][0] == "kandidatexamen i datavetenskap, Göteborgs universitet, 2015"
    assert merits["other"] == ["B-körkort"]
