"""Addresses from before each app had its own prefix still lead to the page (301)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

MOVED = [
    ("/login/?next=/", "/account/login/?next=/"),
    ("/recruitments/", "/applications/"),
    ("/recruitments/7/", "/applications/recruitment/7/"),
    ("/recruitments/7/applications/new/", "/applications/recruitment/7/new/"),
    ("/recruitments/7/import/", "/applications/recruitment/7/import/"),
    ("/recruitments/7/messages/", "/applications/recruitment/7/messages/"),
    ("/recruitments/7/screening/", "/assessment/recruitments/7/screening/"),
    ("/recruitments/7/comparison/", "/assessment/recruitments/7/comparison/"),
    ("/recruitments/7/decision/", "/decisions/recruitments/7/"),
    ("/recruitments/7/calls/", "/decisions/recruitments/7/calls/"),
    ("/applications/7/screening/", "/assessment/applications/7/screening/"),
    ("/applications/7/merits/", "/assessment/applications/7/merits/"),
    ("/applications/7/call-sheet/?format=pdf", "/decisions/applications/7/call-sheet/?format=pdf"),
    ("/interviews/7/", "/assessment/interviews/7/"),
    ("/interviews/7/invitation.ics", "/assessment/interviews/7/invitation.ics"),
    ("/calls/7/", "/decisions/calls/7/"),
    ("/calls/7/call-back.ics", "/decisions/calls/7/call-back.ics"),
    ("/letters/7/", "/decisions/letters/7/"),
    ("/settings/templates/", "/messages/templates/"),
    ("/settings/templates/rejection/sv/", "/messages/templates/rejection/sv/"),
]


@pytest.mark.parametrize(("old", "new"), MOVED)
def test_an_old_address_redirects_to_the_new_one(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
