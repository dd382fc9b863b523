"""API v1: one NinjaAPI, bearer tokens, JSON errors. Routes live in ``routes``."""

from __future__ import annotations

from django.conf import settings
from ninja import NinjaAPI

from aterkoppla.api import errors
from aterkoppla.api.auth import TokenAuth
from aterkoppla.api.lint import router as lint_router
from aterkoppla.api.routes import router

DESCRIPTION = """\
Återkoppla's REST API. Authenticate with a personal token: `Authorization: Bearer <token>`.
Tokens are made on your profile page or with `aterkoppla createtoken USERNAME`; they act as
you, with your access.

Errors are JSON `{"detail": "…"}`; invalid input (422) adds `errors`, the messages per field.
400: the body is not JSON; 401: no valid token; 403: your role does not allow it; 404: not
found, or not yours to see; 409: conflicts with what exists; 422: invalid input.
"""

api = NinjaAPI(
    title="Återkoppla API",
    version="1",
    description=DESCRIPTION,
    auth=TokenAuth(),
    parser=errors.JsonParser(),
    urls_namespace="api-v1",
    # ninja serves Swagger UI from its own static files only when it is an installed app;
    # otherwise it would load it from a CDN, which Återkoppla never depends on.
    docs_url="/docs" if "ninja" in settings.INSTALLED_APPS else None,
)
errors.install(api)
api.add_router("", router)
api.add_router("", lint_router)
api.add_router("", "aterkoppla.api.assessment.router")
api.add_router("", "aterkoppla.api.decisions.router")
api.add_router("", "aterkoppla.api.privacy.router")
api.add_router("", "aterkoppla.api.holds.router")
api.add_router("", "aterkoppla.api.metrics.router")
