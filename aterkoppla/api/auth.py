"""Bearer-token authentication for the API: ``Authorization: Bearer ak_…``."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from aterkoppla.accounts.models import ApiToken, User


class ApiRequest(HttpRequest):
    """The request an API route sees: ``TokenAuth`` let it in, so ``auth`` is the token's user
    (ninja sets it to what ``authenticate`` returned), and so is ``user``."""

    auth: User
    user: User


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        api_token = ApiToken.authenticate(token.strip())
        if api_token is None:
            return None
        api_token.touch()
        # The access rules read request.user, as in the UI. The API never uses the session
        # (a logged-in browser gets no API access without a token, so no CSRF exposure).
        request.user = api_token.user
        return api_token.user
