"""API v1: a recruitment's legal holds, read by its team, set by a site admin (or, as
"disputed", by its owner), lifted by a site admin."""

from __future__ import annotations

import pytest

from aterkoppla.api.tests.helpers import ApiClient
from aterkoppla.recruitment.models import LegalHold
from aterkoppla.recruitment.services import legal_hold_lift, legal_hold_set
from aterkoppla.timeline.models import TimelineEvent
from aterkoppla.timeline.selectors import timeline_for

pytestmark = pytest.mark.django_db

TEAM = ["owner", "member", "hiring_manager", "interviewer"]


def _hold(recruitment, by, source=LegalHold.Source.ADMIN, reason="Ett krav har aviserats."):
    return legal_hold_set(recruitment=recruitment, source=source, reason=reason, by=by)


def _holds_url(recruitment) -> str:
    return f"/recruitments/{recruitment.pk}/legal-holds"


def test_site_admin_sets_a_hold(api_as, site_admin, recruitment, application):
    response = api_as(site_admin).post(
        _holds_url(recruitment), {"reason": "DO har begärt yttrande.", "source": "admin"}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    hold = LegalHold.objects.get()
    assert body["id"] == hold.pk
    assert (body["source"], body["reason"], body["lifted_at"]) == (
        "admin",
        "DO har begärt yttrande.",
        None,
    )
    assert body["set_at"] and body["set_by"] == "Ada Admin"
    assert any(event.kind == "legal_hold_set" for event in timeline_for(application))


def test_setting_the_same_kind_again_answers_the_hold_in_force(api_as, site_admin, recruitment):
    first = _hold(recruitment, site_admin)
    response = api_as(site_admin).post(
        _holds_url(recruitment), {"reason": "Igen.", "source": "admin"}
    )
    assert response.status_code == 200
    assert response.json()["id"] == first.pk
    assert LegalHold.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"source": "admin"}, "reason"),
        ({"reason": "   ", "source": "admin"}, "reason"),
        ({"reason": "x" * 2001, "source": "admin"}, "reason"),
        ({"reason": "Krav.", "source": "disclosure"}, "source"),
        ({"reason": "Krav."}, "source"),
        ({"reason": 5, "source": "admin"}, "reason"),
        ({"reason": "nul\x00", "source": "admin"}, "reason"),
    ],
)
def test_bad_input_is_a_422_and_sets_nothing(api_as, site_admin, recruitment, body, field):
    response = api_as(site_admin).post(_holds_url(recruitment), body)
    assert response.status_code == 422
    assert response.json()["detail"]
    assert field in response.json()["errors"]
    assert not LegalHold.objects.exists()


def test_not_json_is_a_400(api_as, site_admin, recruitment):
    response = api_as(site_admin).post(_holds_url(recruitment), raw="reason=x")
    assert response.status_code == 400
    assert response.json()["detail"]


def test_owner_marks_the_recruitment_disputed(api_as, owner, recruitment):
    response = api_as(owner).post(
        _holds_url(recruitment), {"reason": "DO har begärt yttrande.", "source": "disputed"}
    )
    assert response.status_code == 201
    assert LegalHold.objects.get().source == LegalHold.Source.DISPUTED


@pytest.mark.parametrize(
    ("who", "source", "status"),
    [
        ("site_admin", "admin", 201),
        ("site_admin", "disputed", 201),
        ("owner", "disputed", 201),
        ("owner", "admin", 403),
        ("member", "admin", 403),
        ("member", "disputed", 403),
        ("hiring_manager", "disputed", 403),
        ("interviewer", "disputed", 403),
        ("outsider", "admin", 404),
        ("outsider", "disputed", 404),
    ],
)
def test_who_may_set_which_hold(request, api_as, recruitment, who, source, status):
    response = api_as(request.getfixturevalue(who)).post(
        _holds_url(recruitment), {"reason": "Tvist.", "source": source}
    )
    assert response.status_code == status, response.content
    assert response.json()["detail"] if status >= 400 else True
    assert LegalHold.objects.exists() == (status == 201)


@pytest.mark.parametrize("who", [*TEAM, "site_admin"])
def test_team_and_site_admins_read_the_holds(request, api_as, site_admin, recruitment, who):
    lifted = _hold(recruitment, site_admin, reason="Gammalt.")
    legal_hold_lift(hold=lifted, reason="Klart.", by=site_admin)
    in_force = _hold(recruitment, site_admin, source=LegalHold.Source.DISPUTED)
    response = api_as(request.getfixturevalue(who)).get(_holds_url(recruitment))
    assert response.status_code == 200
    body = response.json()
    assert [hold["id"] for hold in body] == [in_force.pk, lifted.pk]
    assert body[1]["lift_reason"] == "Klart." and body[1]["lifted_at"]
    assert body[0]["source_label"] == "The recruitment is disputed"


def test_outsider_and_no_token_cannot_read(api_as, outsider, recruitment):
    assert api_as(outsider).get(_holds_url(recruitment)).json() == {"detail": "Not found."}
    assert ApiClient(None).get(_holds_url(recruitment)).status_code == 401
    assert api_as(outsider).get("/recruitments/999999/legal-holds").status_code == 404


def test_no_token_sets_and_lifts_nothing(site_admin, recruitment):
    hold = _hold(recruitment, site_admin)
    anonymous = ApiClient(None)
    body = {"reason": "x", "source": "admin"}
    assert anonymous.post(_holds_url(recruitment), body).status_code == 401
    assert anonymous.post(f"/legal-holds/{hold.pk}/lift", {"reason": "x"}).status_code == 401
    hold.refresh_from_db()
    assert hold.in_force and LegalHold.objects.count() == 1


def test_site_admin_lifts_a_hold(api_as, site_admin, recruitment):
    hold = _hold(recruitment, site_admin)
    response = api_as(site_admin).post(f"/legal-holds/{hold.pk}/lift", {"reason": "Avslutat."})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["id"] == hold.pk and body["lifted_at"] and body["lift_reason"] == "Avslutat."
    assert TimelineEvent.objects.filter(kind="legal_hold_lifted").count() == 1
    again = api_as(site_admin).post(f"/legal-holds/{hold.pk}/lift", {"reason": "Igen."})
    assert again.status_code == 422
    assert "already been lifted" in again.json()["detail"]


def test_lifting_needs_a_reason(api_as, site_admin, recruitment):
    hold = _hold(recruitment, site_admin)
    response = api_as(site_admin).post(f"/legal-holds/{hold.pk}/lift", {"reason": " "})
    assert response.status_code == 422
    assert "reason" in response.json()["errors"]
    hold.refresh_from_db()
    assert hold.in_force


@pytest.mark.parametrize("who", [*TEAM, "outsider"])
def test_only_a_site_admin_lifts(request, api_as, site_admin, recruitment, who):
    hold = _hold(recruitment, site_admin, source=LegalHold.Source.DISPUTED)
    response = api_as(request.getfixturevalue(who)).post(
        f"/legal-holds/{hold.pk}/lift", {"reason": "Klart."}
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "Only a site admin can lift a legal hold."
    hold.refresh_from_db()
    assert hold.in_force


@pytest.mark.parametrize("hold_id", ["999999", "0", "abc"])
def test_lifting_an_unknown_hold_is_a_404(api_as, site_admin, hold_id):
    response = api_as(site_admin).post(f"/legal-holds/{hold_id}/lift", {"reason": "x"})
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_the_schema_lists_the_routes():
    from django.test import Client

    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    assert {"get", "post"} <= set(paths["/api/v1/recruitments/{recruitment_id}/legal-holds"])
    assert "post" in paths["/api/v1/legal-holds/{hold_id}/lift"]
