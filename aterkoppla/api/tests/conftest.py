"""Fixtures for API tests: tokens and token-carrying clients."""

from __future__ import annotations

import pytest

from aterkoppla.accounts.models import ApiToken, User
from aterkoppla.api.tests.helpers import ApiClient


@pytest.fixture
def token_for(db):
    """``token_for(user)`` makes a token for the user and returns the clear key."""

    def make(user: User, name: str = "Test") -> str:
        _token, key = ApiToken.issue(user=user, name=name)
        return key

    return make


@pytest.fixture
def api_as(token_for):
    """``api_as(user)`` is an API client with a token of that user; ``api_as(None)`` has none."""

    def make(user: User | None) -> ApiClient:
        return ApiClient(token_for(user) if user is not None else None)

    return make
