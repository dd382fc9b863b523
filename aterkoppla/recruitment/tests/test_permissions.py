"""Every recruiter view, for every kind of user: who sees it, who may change things."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.helpers import as_recruiter

pytestmark = pytest.mark.django_db

# (url name, needs the criterion/membership, method, what a team member may do)
#   "view": every team member; "manage": owner and recruiter only (others get 403).
ROUTES = [
    ("applications:pipeline", "GET", "view"),
    ("recruitment:profile", "GET", "view"),
    ("recruitment:team", "GET", "view"),
    ("recruitment:edit", "GET", "manage"),
    ("recruitment:edit", "POST", "manage"),
    ("recruitment:profile", "POST", "manage"),
    ("recruitment:team", "POST", "manage"),
    ("recruitment:criterion_edit", "GET", "manage"),
    ("recruitment:criterion_edit", "POST", "manage"),
    ("recruitment:criterion_move", "POST", "manage"),
    ("recruitment:criterion_remove", "POST", "manage"),
    ("recruitment:team_remove", "POST", "manage"),
    ("applications:add", "GET", "manage"),
    ("applications:add", "POST", "manage"),
]

ALLOWED = {"view": 200, "manage": 200}


def _url(name, recruitment):
    kwargs = {"pk": recruitment.pk}
    if "criterion" in name:
        kwargs["criterion_pk"] = recruitment.criteria.last().pk
    if name == "recruitment:team_remove":
        kwargs["membership_pk"] = recruitment.memberships.get(user__username="interviewer").pk
    return reverse(name, kwargs=kwargs)


def _request(client, method, url):
    return client.get(url) if method == "GET" else client.post(url, {})


def _ok(response):
    # A permitted POST with an empty body either redirects (move/remove) or shows the form
    # again with errors (200/400); never a 403, a 404 or a 500.
    return response.status_code in {200, 302, 400}


@pytest.mark.parametrize(("name", "method", "needs"), ROUTES)
@pytest.mark.parametrize("who", ["owner", "member", "site_admin"])
def test_owner_recruiter_and_site_admin_may(
    request, client_for, recruitment, name, method, needs, who
):
    response = _request(client_for(request.getfixturevalue(who)), method, _url(name, recruitment))
    assert _ok(response), response.status_code


@pytest.mark.parametrize(("name", "method", "needs"), ROUTES)
@pytest.mark.parametrize("who", ["hiring_manager", "interviewer"])
def test_other_team_roles_see_but_may_not_manage(
    request, client_for, recruitment, name, method, needs, who
):
    response = _request(client_for(request.getfixturevalue(who)), method, _url(name, recruitment))
    if needs == "view" and method == "GET":
        assert response.status_code == 200
    else:
        assert response.status_code == 403


@pytest.mark.parametrize(("name", "method", "needs"), ROUTES)
def test_outsider_gets_404(client_for, outsider, recruitment, name, method, needs):
    response = _request(client_for(outsider), method, _url(name, recruitment))
    assert response.status_code == 404


@pytest.mark.parametrize(("name", "method", "needs"), ROUTES)
def test_anonymous_is_sent_to_login(client_for, recruitment, name, method, needs):
    url = _url(name, recruitment)
    response = _request(client_for(None), method, url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_nothing_changed_by_refused_requests(client_for, outsider, interviewer, recruitment):
    before = list(recruitment.criteria.values_list("name", "order"))
    criterion = recruitment.criteria.first()
    for user in (outsider, interviewer, None):
        client = client_for(user)
        client.post(
            _url("recruitment:criterion_remove", recruitment).replace(
                str(recruitment.criteria.last().pk), str(criterion.pk)
            )
        )
        client.post(reverse("recruitment:edit", args=[recruitment.pk]), {"title": "Hacked"})
    recruitment.refresh_from_db()
    assert recruitment.title == "Lagerarbetare"
    assert list(recruitment.criteria.values_list("name", "order")) == before


def test_list_and_create_need_login(client_for):
    for name in ("applications:recruitments", "recruitment:create"):
        response = client_for(None).get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_list_shows_only_recruitments_the_user_is_on(
    client_for, owner, outsider, site_admin, recruitment
):
    from aterkoppla.recruitment.services import recruitment_create

    recruitment_create(owner=as_recruiter(outsider), title="Outsiderns rekrytering")
    assert (
        "Lagerarbetare"
        in client_for(owner).get(reverse("applications:recruitments")).content.decode()
    )
    outsider_page = client_for(outsider).get(reverse("applications:recruitments")).content.decode()
    assert "Lagerarbetare" not in outsider_page
    assert "Outsiderns rekrytering" in outsider_page
    admin_page = client_for(site_admin).get(reverse("applications:recruitments")).content.decode()
    assert "Lagerarbetare" in admin_page
    assert "Outsiderns rekrytering" in admin_page


def test_a_criterion_of_another_recruitment_is_404(client_for, owner, outsider, recruitment):
    from aterkoppla.recruitment.services import CriterionSpec, recruitment_create

    other = recruitment_create(
        owner=as_recruiter(outsider), title="Annan", criteria=[CriterionSpec(name="X")]
    )
    url = reverse(
        "recruitment:criterion_edit",
        kwargs={"pk": recruitment.pk, "criterion_pk": other.criteria.get().pk},
    )
    assert client_for(owner).get(url).status_code == 404


def test_inactive_users_see_nothing(client_for, member, recruitment):
    member.is_active = False
    member.save()
    response = client_for(member).get(reverse("applications:pipeline", args=[recruitment.pk]))
    assert response.status_code in {302, 404}
