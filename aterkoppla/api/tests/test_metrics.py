"""``GET /api/v1/metrics``: exactly the keys of DESIGN §9, null for nothing to count, and only
the recruitments the caller may measure."""

from __future__ import annotations

import datetime as dt

import pytest

from aterkoppla.applications.models import Application
from aterkoppla.experience.metrics import API_KEYS
from aterkoppla.experience.tests import builders as b

pytestmark = pytest.mark.django_db


@pytest.fixture
def measured(recruitment):
    received = b.at(dt.date(2026, 11, 2))
    for minutes in (10, 90):
        b.acknowledged(
            b.application(recruitment, received), received + dt.timedelta(minutes=minutes)
        )
    old = b.at(dt.date(2025, 6, 1))
    b.application(recruitment, old, stage=Application.Stage.WITHDRAWN, final_at=old)
    return recruitment


def test_the_answer_has_exactly_the_designed_keys(api_as, owner, measured):
    answer = api_as(owner).get(f"/metrics?recruitment={measured.pk}")
    assert answer.status_code == 200
    body = answer.json()
    assert tuple(body) == API_KEYS
    assert body["applications"] == 3
    assert body["acknowledged_within_1h"] == 0.5
    # One final answer (the withdrawal), no survey answer: a rate of 0, and no cNPS.
    assert body["survey_responses"] == 0.0
    assert body["cnps"] is None


def test_the_period_filters_by_arrival(api_as, owner, measured):
    body = api_as(owner).get("/metrics?from=2026-01-01&to=2026-12-31").json()
    assert body["applications"] == 2
    assert api_as(owner).get("/metrics?from=2027-01-01").json() == {
        "applications": 0,
        **{key: None for key in API_KEYS if key != "applications"},
    }


@pytest.mark.parametrize(
    "query",
    ["from=2026-13-01", "to=yesterday", "to=0", "from=20261201", "from=2026-12-01&to=2026-11-01"],
)
def test_bad_dates_are_a_422_with_a_detail(api_as, owner, measured, query):
    answer = api_as(owner).get(f"/metrics?{query}")
    assert answer.status_code == 422
    assert answer.json()["detail"]


def test_access(api_as, owner, member, hiring_manager, interviewer, outsider, site_admin, measured):
    path = f"/metrics?recruitment={measured.pk}"
    for user in (owner, member, hiring_manager, site_admin):
        assert api_as(user).get(path).status_code == 200, user
    # An interviewer sees only their own interviews' candidates; an outsider nothing.
    for user in (interviewer, outsider):
        answer = api_as(user).get(path)
        assert answer.status_code == 404, user
        assert answer.json()["detail"]
        assert api_as(user).get("/metrics").json()["applications"] == 0
    assert api_as(None).get(path).status_code == 401
    assert api_as(owner).get("/metrics?recruitment=abc").status_code == 404
