"""Sensitive personal data (GDPR art. 9) in a note sent through the API: 422, and the
reminder that it must not be stored in a recruitment in ``detail`` (sv and en)."""

from __future__ import annotations

import pytest
from django.conf import settings

from aterkoppla.language.tests.test_special_category import POLITICS, REMINDER_EN, REMINDER_SV

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]


def test_the_api_says_it_in_detail(api_as, owner, application):
    api = api_as(owner)
    api.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"
    response = api.post(
        f"/applications/{application.pk}/screening",
        {"mark_for_rejection": True, "rejection_reason": POLITICS},
    )
    assert response.status_code == 422
    body = response.json()
    assert REMINDER_SV in body["detail"]
    assert REMINDER_SV in body["errors"]["rejection_reason"][0]
    assert {f["category"] for f in body["findings"]} == {"special_category"}
    application.refresh_from_db()
    assert application.rejection_reason == ""


def test_the_api_says_it_in_english_to_an_english_client(api_as, owner, application):
    response = api_as(owner).post(
        f"/applications/{application.pk}/screening",
        {"mark_for_rejection": True, "rejection_reason": POLITICS},
    )
    assert response.status_code == 422
    assert REMINDER_EN in response.json()["detail"]
