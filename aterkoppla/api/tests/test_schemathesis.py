"""Property-based run of the whole API against its own OpenAPI schema (schemathesis).

Every operation gets schema-valid and schema-invalid requests from a user who owns a
recruitment, through the real WSGI application. What must hold for each: no 500, every status
is one the schema declares, and every answer matches its declared schema.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from aterkoppla.accounts.models import ApiToken
from aterkoppla.api.schemas import MAX_ID

CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {
            "max-examples": 25,
            "deterministic": True,
            "database": "none",
            # The test sends a real token itself; generated Authorization headers would only
            # be overridden by it. Requests without a token are still tried (ignored_auth).
            "with-security-parameters": False,
        },
        "checks": {
            # An input that fits the schema may still be refused by a rule the schema
            # cannot state (a promise date before the deadline, an unknown user id): 422
            # there is correct, so "valid by schema means accepted" does not hold here.
            "positive_data_acceptance": {"enabled": False},
        },
    }
)
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json", get_wsgi_application(), config=CONFIG
)

# Path ids that name real objects, so that generated requests reach past the 404.
REAL_IDS = {"recruitment_id": "recruitment", "application_id": "application"}


@pytest.fixture
def test_transaction_kept():
    """Keep the test's transaction open across requests, as Django's test client does.

    A plain WSGI call starts and ends by closing a connection that is not in autocommit mode,
    which on PostgreSQL would end the test's transaction (the in-memory test SQLite ignores it).
    """
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def real_objects(owner, recruitment, application, outsider) -> dict[str, int]:
    return {"recruitment": recruitment.pk, "application": application.pk, "user": outsider.pk}


@pytest.fixture
def bearer(owner) -> dict[str, str]:
    _token, key = ApiToken.issue(user=owner, name="schemathesis")
    return {"Authorization": f"Bearer {key}"}


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_matches_its_schema(case, bearer, real_objects, test_transaction_kept):
    for name, kind in REAL_IDS.items():
        value = (case.path_parameters or {}).get(name)
        # Point valid ids at a real object; leave invalid ones (negative tests) as they are.
        if type(value) is int and 1 <= value <= MAX_ID:
            case.path_parameters[name] = real_objects[kind]
    body = case.body
    if (
        isinstance(body, dict)
        and type(body.get("user_id")) is int
        and 1 <= body["user_id"] <= MAX_ID
    ):
        body["user_id"] = real_objects["user"]  # someone who can join the team
    case.call_and_validate(headers=bearer)
