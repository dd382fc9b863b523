"""Who is owed a call: one rule (``applications.feedback``), and every surface follows it.

The guide's rule: "Har du intervjuat kandidaten bör du ringa". A held interview earns a call;
being invited, or sitting in the interview stage, does not. The surfaces that depend on it
(the decision plan, the decision screen, the API, the dashboard's calls, the candidate page)
are checked against the same two facts below.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from aterkoppla.accounts.models import ApiToken
from aterkoppla.api.tests.helpers import ApiClient
from aterkoppla.applications.feedback import (
    Channel,
    owed_a_call,
    rejection_channel,
    rejection_channel_of,
)
from aterkoppla.applications.models import Application
from aterkoppla.applications.services import application_move, application_receive
from aterkoppla.dashboard.selectors import waiting_for
from aterkoppla.decisions.models import CallTask, DecisionItem
from aterkoppla.decisions.services import RejectionInput, decision_plan
from aterkoppla.portal.tests.helpers import link
from aterkoppla.portal.views import REJECTED_AFTER_INTERVIEW
from tests.helpers import interview_held

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]


@pytest.mark.parametrize(
    ("interviewed", "email", "channel"),
    [
        (True, "sara@example.se", Channel.CALL),
        (True, "", Channel.CALL),  # a call needs no address
        (False, "sara@example.se", Channel.EMAIL),
        (False, "", Channel.LETTER),  # a postal application
    ],
)
def test_the_channel_of_a_rejection(interviewed, email, channel):
    assert owed_a_call(interviewed=interviewed) is interviewed
    assert rejection_channel_of(interviewed=interviewed, email=email) == channel


def _invited(recruitment, owner, email="nils@example.se") -> Application:
    application = application_receive(
        recruitment=recruitment,
        first_name="Nils",
        last_name="Holm",
        email=email,
        phone="070-555 55 55",
        by=owner,
    )
    return application_move(application=application, to_stage="interview", by=owner)


def _surfaces(application: Application, recruitment, owner, client_for) -> dict[str, object]:
    """What each surface says, before anything is decided, about rejecting ``application``."""
    criterion = recruitment.criteria.first()
    plan = decision_plan(
        recruitment=recruitment,
        rejections=[RejectionInput(application.pk, (criterion.pk,), "Kortare erfarenhet.")],
    )
    client = client_for(owner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("decisions:decision", args=[recruitment.pk]))
    label = dict(page.context["form"].fields[f"outcome_{application.pk}"].choices)["rejected"]
    return {
        "rule": rejection_channel(application),
        "plan": "call" if plan.calls else "written",
        "screen": "call" if "feedback call" in str(label) else "written",
    }


def test_every_surface_follows_the_rule_for_someone_invited_but_not_interviewed(
    recruitment, owner, client_for, english
):
    application = _invited(recruitment, owner)
    assert not application.interviewed
    assert _surfaces(application, recruitment, owner, client_for) == {
        "rule": Channel.EMAIL,
        "plan": "written",
        "screen": "written",
    }
    # The API decides it: a written rejection, no call task.
    _token, key = ApiToken.issue(user=owner, name="Test")
    answer = ApiClient(key).post(
        f"/recruitments/{recruitment.pk}/decision",
        {"rejections": [{"application_id": application.pk}]},
    )
    assert answer.status_code == 200, answer.json()
    assert answer.json()["calls"] == []
    assert answer.json()["written"]["emails"] == 1
    assert not CallTask.objects.exists()
    assert DecisionItem.objects.get(application=application).channel == Channel.EMAIL
    # Nothing on the dashboard's calls, and the candidate reads the written no.
    assert waiting_for(owner).calls.total == 0
    page = client_for(None).get(link(application)).content.decode()
    assert "We have made our decision and will tell you about it by phone" not in page
    assert application.messages.filter(kind="rejection").exists()


def test_every_surface_follows_the_rule_once_the_interview_was_held(
    recruitment, owner, client_for, english
):
    application = interview_held(_invited(recruitment, owner))
    assert application.interviewed
    assert _surfaces(application, recruitment, owner, client_for) == {
        "rule": Channel.CALL,
        "plan": "call",
        "screen": "call",
    }
    _token, key = ApiToken.issue(user=owner, name="Test")
    criterion = recruitment.criteria.first()
    answer = ApiClient(key).post(
        f"/recruitments/{recruitment.pk}/decision",
        {
            "rejections": [
                {
                    "application_id": application.pk,
                    "decisive_criteria": [criterion.pk],
                    "explanation": "Kortare erfarenhet av truck.",
                }
            ]
        },
    )
    assert answer.status_code == 200, answer.json()
    assert [call["application_id"] for call in answer.json()["calls"]] == [application.pk]
    assert DecisionItem.objects.get(application=application).channel == Channel.CALL
    assert waiting_for(owner).calls.total == 1
    assert not application.messages.filter(kind="rejection").exists()
    page = client_for(None).get(link(application)).content.decode()
    assert str(REJECTED_AFTER_INTERVIEW) in page


def test_a_postal_applicant_not_interviewed_gets_a_letter(recruitment, owner):
    application = _invited(recruitment, owner, email="")
    assert rejection_channel(application) == Channel.LETTER
    plan = decision_plan(recruitment=recruitment, rejections=[RejectionInput(application.pk)])
    assert (plan.calls, plan.emails, plan.letters) == ([], 0, 1)


def test_changing_the_rule_in_its_one_place_changes_every_surface(
    recruitment, owner, client_for, english, monkeypatch
):
    """Were the rule ever to change (here: nobody is called), the plan, the decision screen
    and the candidate page follow it without a change anywhere else."""
    from aterkoppla.applications import feedback

    application = interview_held(_invited(recruitment, owner))
    monkeypatch.setattr(feedback, "owed_a_call", lambda *, interviewed: False)
    assert _surfaces(application, recruitment, owner, client_for) == {
        "rule": Channel.EMAIL,
        "plan": "written",
        "screen": "written",
    }
    monkeypatch.setattr(feedback, "owed_a_call", lambda *, interviewed: True)
    others = _invited(recruitment, owner, email="eva@example.se")
    assert rejection_channel(others) == Channel.CALL
    assert _surfaces(others, recruitment, owner, client_for)["plan"] == "call"
