from __future__ import annotations

import pytest
from django.test import Client

from aterkoppla.applications.models import Application
from aterkoppla.portal.tests.helpers import receive


@pytest.fixture
def anon(client_for) -> Client:
    return client_for(None)


@pytest.fixture
def english_application(recruitment) -> Application:
    """Tom asked for our messages in English."""
    return receive(recruitment)
