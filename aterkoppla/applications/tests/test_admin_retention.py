"""The Django admin deletes nothing the retention rule keeps (``retention.deletion_refusal``):
no delete page for a kept row, and "delete selected" refuses the whole selection when any
row in it is kept, saying why. Holds and erasure requests are shown there for reading only."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.messages import get_messages
from django.urls import reverse

from aterkoppla.applications.models import Application, Candidate
from aterkoppla.privacy.models import ErasureRequest
from aterkoppla.recruitment.models import LegalHold, Recruitment
from aterkoppla.recruitment.services import legal_hold_lift, legal_hold_set, recruitment_create

pytestmark = pytest.mark.django_db

KEPT_SV = "inom sin lagringstid eller har en bevarandespärr"


def _delete_url(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_delete", args=[obj.pk])


def _change_url(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def _changelist(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def _hold(recruitment, by):
    return legal_hold_set(
        recruitment=recruitment, source=LegalHold.Source.ADMIN, reason="Ett krav.", by=by
    )


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("held", [False, True], ids=["in-window", "held"])
@pytest.mark.parametrize("what", ["application", "candidate", "recruitment"])
def test_site_admin_cannot_delete_a_kept_row(
    client_for, site_admin, recruitment, application, held, what
):
    if held:
        _hold(recruitment, site_admin)
    obj = {
        "application": application,
        "candidate": application.candidate,
        "recruitment": recruitment,
    }[what]
    client = client_for(site_admin)
    assert client.get(_delete_url(obj)).status_code == 403
    assert client.post(_delete_url(obj), {"post": "yes"}).status_code == 403
    assert type(obj).objects.filter(pk=obj.pk).exists()
    # No delete link on its page.
    page = client.get(_change_url(obj)).content.decode()
    assert _delete_url(obj) not in page


def test_a_held_recruitment_says_why_in_the_bulk_action(client_for, site_admin, owner):
    recruitment = recruitment_create(owner=owner, title="Utkast med spärr")
    _hold(recruitment, site_admin)
    response = client_for(site_admin).post(
        _changelist(Recruitment),
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [recruitment.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert Recruitment.objects.filter(pk=recruitment.pk).exists()
    [message] = _messages(response)
    assert "Inget raderades" in message and "bevarandespärr" in message


def test_site_admin_deletes_a_draft_recruitment_without_applications(client_for, site_admin, owner):
    draft = recruitment_create(owner=owner, title="Felskapad")
    client = client_for(site_admin)
    assert client.get(_delete_url(draft)).status_code == 200
    response = client.post(_delete_url(draft), {"post": "yes"})
    assert response.status_code == 302
    assert not Recruitment.objects.filter(pk=draft.pk).exists()


def test_a_recruitment_whose_hold_was_lifted_is_kept_for_the_record(client_for, site_admin, owner):
    # The hold is the record that it was kept: a lifted one still protects the recruitment
    # row from deletion (models.PROTECT), shown by Django as objects that must stay, no 500.
    draft = recruitment_create(owner=owner, title="Spärr hävd")
    legal_hold_lift(hold=_hold(draft, site_admin), reason="Klart.", by=site_admin)
    client = client_for(site_admin)
    assert client.get(_delete_url(draft)).status_code == 200
    client.post(_delete_url(draft), {"post": "yes"})
    assert Recruitment.objects.filter(pk=draft.pk).exists()


def test_bulk_delete_of_a_mix_deletes_nothing(
    client_for, site_admin, owner, recruitment, application
):
    draft = recruitment_create(owner=owner, title="Felskapad")
    client = client_for(site_admin)
    data = {"action": "delete_selected", ACTION_CHECKBOX_NAME: [draft.pk, recruitment.pk]}
    # Both steps of the action: asking for the confirmation, and confirming.
    for extra in ({}, {"post": "yes"}):
        response = client.post(_changelist(Recruitment), data | extra, follow=True)
        assert response.status_code == 200
        assert Recruitment.objects.filter(pk__in=[draft.pk, recruitment.pk]).count() == 2
        [message] = _messages(response)
        assert "Inget raderades" in message
        assert KEPT_SV in message
        assert "Lagerarbetare" in message


@pytest.mark.parametrize("model", [Application, Candidate])
def test_bulk_delete_of_kept_applications_and_candidates_is_refused(
    client_for, site_admin, application, model
):
    obj = application if model is Application else application.candidate
    response = client_for(site_admin).post(
        _changelist(model),
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [obj.pk], "post": "yes"},
        follow=True,
    )
    assert response.status_code == 200
    assert model.objects.filter(pk=obj.pk).exists()
    assert "Inget raderades" in _messages(response)[0]


def test_bulk_delete_still_offered_in_the_list(client_for, site_admin, application):
    page = client_for(site_admin).get(_changelist(Application)).content.decode()
    assert 'value="delete_selected"' in page


def test_legal_holds_are_read_only_in_the_admin(client_for, site_admin, recruitment):
    hold = _hold(recruitment, site_admin)
    client = client_for(site_admin)
    assert client.get(_changelist(LegalHold)).status_code == 200
    page = client.get(_change_url(hold))
    assert page.status_code == 200
    assert "Ett krav." in page.content.decode()
    assert 'name="reason"' not in page.content.decode()
    assert client.post(_change_url(hold), {"reason": "Ändrat."}).status_code == 403
    assert client.get(_delete_url(hold)).status_code == 403
    assert client.get(reverse("admin:recruitment_legalhold_add")).status_code == 403
    hold.refresh_from_db()
    assert hold.reason == "Ett krav." and hold.in_force


def test_erasure_requests_are_read_only_in_the_admin(client_for, site_admin, application):
    request = ErasureRequest.objects.create(
        candidate=application.candidate, via=ErasureRequest.Via.EMAIL, language="sv"
    )
    client = client_for(site_admin)
    assert client.get(_changelist(ErasureRequest)).status_code == 200
    assert client.get(_change_url(request)).status_code == 200
    assert client.post(_change_url(request), {"note": "x"}).status_code == 403
    assert client.get(_delete_url(request)).status_code == 403
    assert client.get(reverse("admin:privacy_erasurerequest_add")).status_code == 403
