"""Legal holds on the pages: the site admins' list, setting and lifting a hold, marking a
recruitment as disputed, and the notice wherever the recruitment and its applications show."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from aterkoppla.recruitment.models import LegalHold
from aterkoppla.recruitment.services import legal_hold_lift, legal_hold_set
from aterkoppla.timeline.models import TimelineEvent
from aterkoppla.timeline.selectors import timeline_for

pytestmark = pytest.mark.django_db

HOLDS = reverse("recruitment:holds")
NOTICE_SV = "Bevarandespärr: inget i rekryteringen raderas eller anonymiseras."
NOTICE_EN = "Legal hold: nothing in the recruitment is deleted or anonymised."


def _hold(recruitment, by, source=LegalHold.Source.ADMIN, reason="DO har begärt yttrande."):
    return legal_hold_set(recruitment=recruitment, source=source, reason=reason, by=by)


def _text(response) -> str:
    return response.content.decode()


def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_site_admin_sets_a_hold_with_a_reason(client_for, site_admin, recruitment):
    response = client_for(site_admin).post(
        HOLDS, {"recruitment": recruitment.pk, "reason": "Ett krav har aviserats."}
    )
    assert response.status_code == 302
    hold = LegalHold.objects.get()
    assert (hold.recruitment, hold.source, hold.reason, hold.set_by) == (
        recruitment,
        LegalHold.Source.ADMIN,
        "Ett krav har aviserats.",
        site_admin,
    )
    assert TimelineEvent.objects.filter(recruitment=recruitment, kind="legal_hold_set").exists()


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"reason": "Krav."}, "Välj den rekrytering som ska bevaras."),
        ({"recruitment": "", "reason": "Krav."}, "Välj den rekrytering som ska bevaras."),
        ({"recruitment": "999999", "reason": "Krav."}, "Välj en av rekryteringarna i listan."),
        ({"recruitment": "abc", "reason": "Krav."}, "Välj en av rekryteringarna i listan."),
        ({"reason": "   ", "recruitment": "{pk}"}, "Skriv varför spärren sätts."),
    ],
)
def test_setting_a_hold_without_a_recruitment_or_reason_is_refused(
    client_for, site_admin, recruitment, data, error
):
    data = {k: v.format(pk=recruitment.pk) for k, v in data.items()}
    response = client_for(site_admin).post(HOLDS, data)
    assert response.status_code == 400
    assert error in _text(response)
    assert not LegalHold.objects.exists()


def test_a_second_hold_of_the_same_kind_says_the_first_is_in_force(
    client_for, site_admin, recruitment
):
    first = _hold(recruitment, site_admin)
    client = client_for(site_admin)
    response = client.post(HOLDS, {"recruitment": recruitment.pk, "reason": "Igen."}, follow=True)
    assert LegalHold.objects.get() == first
    assert "har redan den här spärren" in _text(response)


def test_the_list_shows_holds_in_force_and_lifted(client_for, site_admin, owner, recruitment):
    lifted = _hold(recruitment, site_admin, reason="Gammalt ärende.")
    legal_hold_lift(hold=lifted, reason="Ärendet avslutat utan åtgärd.", by=site_admin)
    _hold(recruitment, owner, source=LegalHold.Source.DISPUTED, reason="DO har begärt yttrande.")
    response = client_for(site_admin).get(HOLDS)
    text = _text(response)
    assert response.status_code == 200
    in_force, lifted_part = text.split('id="holds-lifted"')
    assert "DO har begärt yttrande." in in_force
    assert "Rekryteringen är föremål för en tvist" in in_force
    assert "Gammalt ärende." in lifted_part
    assert "Ärendet avslutat utan åtgärd." in lifted_part
    assert recruitment.title in in_force
    assert "Olivia Ägare" in in_force


def test_the_list_in_english(client_for, site_admin, recruitment):
    _hold(recruitment, site_admin)
    response = _english(client_for(site_admin)).get(HOLDS)
    text = _text(response)
    assert "Legal holds" in text
    assert "Set by a site admin" in text
    assert "Lift the hold" in text


def test_site_admin_lifts_a_hold_with_a_reason(client_for, site_admin, recruitment):
    hold = _hold(recruitment, site_admin)
    url = reverse("recruitment:hold_lift", args=[recruitment.pk, hold.pk])
    client = client_for(site_admin)
    refused = client.post(url, {"lift_reason": " "})
    assert refused.status_code == 400
    assert "Skriv varför spärren hävs." in _text(refused)
    hold.refresh_from_db()
    assert hold.in_force
    response = client.post(url, {"lift_reason": "Ärendet avslutat."})
    assert response.status_code == 302
    assert response.url == HOLDS
    hold.refresh_from_db()
    assert (hold.lift_reason, hold.lifted_by) == ("Ärendet avslutat.", site_admin)
    assert TimelineEvent.objects.filter(kind="legal_hold_lifted").count() == 1


def test_lifting_twice_is_a_clear_error(client_for, site_admin, recruitment):
    hold = _hold(recruitment, site_admin)
    url = reverse("recruitment:hold_lift", args=[recruitment.pk, hold.pk])
    client = client_for(site_admin)
    client.post(url, {"lift_reason": "Klart."})
    again = client.post(url, {"lift_reason": "Klart igen."})
    assert again.status_code == 400
    assert "Spärren är redan hävd." in _text(again)
    assert TimelineEvent.objects.filter(kind="legal_hold_lifted").count() == 1


def test_lifting_from_the_recruitments_page_goes_back_to_it(client_for, site_admin, recruitment):
    hold = _hold(recruitment, site_admin)
    url = reverse("recruitment:hold_lift", args=[recruitment.pk, hold.pk])
    response = client_for(site_admin).post(url, {"lift_reason": "Klart.", "back": "recruitment"})
    assert response.url == reverse("recruitment:edit", args=[recruitment.pk])


def test_a_hold_of_another_recruitment_is_not_found(client_for, site_admin, owner, recruitment):
    from aterkoppla.recruitment.services import recruitment_create

    other = recruitment_create(owner=owner, title="Annan")
    hold = _hold(recruitment, site_admin)
    url = reverse("recruitment:hold_lift", args=[other.pk, hold.pk])
    assert client_for(site_admin).post(url, {"lift_reason": "x"}).status_code == 404


def test_owner_marks_the_recruitment_disputed(client_for, owner, recruitment, application):
    client = client_for(owner)
    url = reverse("recruitment:dispute", args=[recruitment.pk])
    response = client.post(url, {"reason": "DO har begärt yttrande."})
    assert response.status_code == 302
    hold = LegalHold.objects.get()
    assert (hold.source, hold.set_by) == (LegalHold.Source.DISPUTED, owner)
    page = client.get(reverse("recruitment:edit", args=[recruitment.pk]))
    text = _text(page)
    assert NOTICE_SV in text
    assert "Rekryteringen är föremål för en tvist" in text
    assert "Bara en webbplatsadministratör kan häva en spärr." in text
    # Marked: the form is not offered again, and there is nothing to lift for the owner.
    assert f'action="{url}"' not in text
    assert "hold_lift" not in text and "/lift/" not in text
    # The set is on the application's timeline.
    assert any(e.kind == "legal_hold_set" for e in timeline_for(application))


def test_marking_disputed_needs_a_reason(client_for, owner, recruitment):
    url = reverse("recruitment:dispute", args=[recruitment.pk])
    response = client_for(owner).post(url, {"reason": ""})
    assert response.status_code == 400
    assert "Skriv vad som ifrågasätts." in _text(response)
    assert not LegalHold.objects.exists()


def test_site_admin_sees_lift_forms_on_the_recruitments_page(client_for, site_admin, recruitment):
    hold = _hold(recruitment, site_admin, source=LegalHold.Source.DISPUTED)
    text = _text(client_for(site_admin).get(reverse("recruitment:edit", args=[recruitment.pk])))
    assert reverse("recruitment:hold_lift", args=[recruitment.pk, hold.pk]) in text


@pytest.mark.parametrize("where", ["pipeline", "application", "edit"])
def test_the_notice_shows_while_a_hold_is_in_force(
    client_for, owner, site_admin, recruitment, application, where
):
    url = {
        "pipeline": reverse("applications:pipeline", args=[recruitment.pk]),
        "application": application.get_absolute_url(),
        "edit": reverse("recruitment:edit", args=[recruitment.pk]),
    }[where]
    client = client_for(owner)
    assert NOTICE_SV not in _text(client.get(url))
    hold = _hold(recruitment, site_admin, reason="Ett krav har aviserats.")
    text = _text(client.get(url))
    assert NOTICE_SV in text
    assert "Satt av en webbplatsadministratör" in text
    english = _text(_english(client_for(owner)).get(url))
    assert NOTICE_EN in english
    assert "Set by a site admin" in english
    legal_hold_lift(hold=hold, reason="Klart.", by=site_admin)
    assert NOTICE_SV not in _text(client.get(url))


def test_nav_links_to_the_holds_for_site_admins_only(client_for, site_admin, owner):
    assert HOLDS in _text(client_for(site_admin).get(reverse("dashboard:home")))
    assert HOLDS not in _text(client_for(owner).get(reverse("dashboard:home")))


# --- Who may -----------------------------------------------------------------------------


def _routes(recruitment, hold):
    lift = reverse("recruitment:hold_lift", args=[recruitment.pk, hold.pk])
    return {
        ("GET", HOLDS): {"recruitment": "", "reason": ""},
        ("POST", HOLDS): {"recruitment": recruitment.pk, "reason": "Krav."},
        ("GET", lift): {},
        ("POST", lift): {"lift_reason": "Klart."},
    }


@pytest.mark.parametrize("who", ["owner", "member", "hiring_manager", "interviewer", "outsider"])
def test_only_site_admins_use_the_holds_pages(request, client_for, site_admin, recruitment, who):
    hold = _hold(recruitment, site_admin, source=LegalHold.Source.DISPUTED)
    client = client_for(request.getfixturevalue(who))
    for (method, url), data in _routes(recruitment, hold).items():
        response = client.get(url) if method == "GET" else client.post(url, data)
        assert response.status_code == 403, (method, url)
    hold.refresh_from_db()
    assert hold.in_force
    assert LegalHold.objects.count() == 1


def test_anonymous_is_sent_to_log_in(client_for, site_admin, recruitment):
    hold = _hold(recruitment, site_admin)
    client = client_for(None)
    for (method, url), data in _routes(recruitment, hold).items():
        response = client.get(url) if method == "GET" else client.post(url, data)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))
    dispute = reverse("recruitment:dispute", args=[recruitment.pk])
    response = client.post(dispute, {"reason": "x"})
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
    assert LegalHold.objects.count() == 1


def test_site_admin_uses_the_holds_pages(client_for, site_admin, recruitment):
    hold = _hold(recruitment, site_admin, source=LegalHold.Source.DISPUTED)
    client = client_for(site_admin)
    for (method, url), data in _routes(recruitment, hold).items():
        response = client.get(url) if method == "GET" else client.post(url, data)
        assert response.status_code in {200, 302, 400}, (method, url)


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("owner", 302),
        ("site_admin", 302),
        ("member", 403),
        ("hiring_manager", 403),
        ("interviewer", 403),
        ("outsider", 404),
    ],
)
def test_who_may_mark_a_recruitment_disputed(request, client_for, recruitment, who, status):
    url = reverse("recruitment:dispute", args=[recruitment.pk])
    response = client_for(request.getfixturevalue(who)).post(url, {"reason": "Tvist."})
    assert response.status_code == status
    assert LegalHold.objects.filter(source=LegalHold.Source.DISPUTED).exists() == (status == 302)


def test_dispute_is_post_only(client_for, owner, recruitment):
    url = reverse("recruitment:dispute", args=[recruitment.pk])
    assert client_for(owner).get(url).status_code == 405


@pytest.mark.parametrize("who", ["member", "hiring_manager", "interviewer"])
def test_team_members_other_than_the_owner_are_not_offered_the_dispute_form(
    request, client_for, recruitment, who
):
    user = request.getfixturevalue(who)
    url = reverse("applications:pipeline", args=[recruitment.pk])
    with translation.override("sv"):
        text = _text(client_for(user).get(url))
    assert reverse("recruitment:dispute", args=[recruitment.pk]) not in text
