"""What the API adds to the domain services: idempotent intake and team changes by user id.

The domain work itself stays in the apps' services; every application still comes in through
``aterkoppla.applications.services.application_receive``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, TypedDict

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from aterkoppla.accounts.models import User
from aterkoppla.api.models import IdempotencyKey
from aterkoppla.applications.models import Application
from aterkoppla.applications.services import application_receive
from aterkoppla.recruitment.models import Recruitment, TeamMembership
from aterkoppla.recruitment.services import team_member_add


class Conflict(Exception):
    """The request clashes with what is already there (HTTP 409)."""


class AlreadyApplied(Conflict):
    """The person has already applied to this recruitment."""


def request_hash(*, recruitment: Recruitment, body: dict[str, Any]) -> str:
    """SHA-256 of the request in canonical JSON: the same request gives the same hash."""
    canonical = json.dumps(
        {"recruitment": recruitment.pk, "body": body},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


class CandidateData(TypedDict):
    """The candidate of an application as the API takes it (``schemas.CandidateIn``)."""

    first_name: str
    last_name: str
    email: str
    phone: str
    language: str


def _receive(
    *, recruitment: Recruitment, by: User, candidate: CandidateData, merits: dict[str, list[str]]
) -> Application:
    try:
        return application_receive(
            recruitment=recruitment,
            **candidate,
            merits=merits,
            source=Application.Source.API,
            by=by,
        )
    except ValidationError as exc:
        # The service says "already applied" as an error on the email. For the API that is a
        # conflict with data already there (409), not invalid input: check it really is.
        email = candidate.get("email", "").strip()
        if (
            email
            and "email" in getattr(exc, "error_dict", {})
            and Application.objects.filter(
                recruitment=recruitment, candidate__email__iexact=email
            ).exists()
        ):
            raise AlreadyApplied(exc.message_dict["email"][0]) from exc
        raise


def _stored(*, by: User, key: str, digest: str) -> Application | None:
    """The application an earlier request with this key made; Conflict if it was another one."""
    stored = IdempotencyKey.objects.select_related("application").filter(user=by, key=key).first()
    if stored is None:
        return None
    if stored.request_hash != digest:
        raise Conflict(_("This Idempotency-Key was already used for a different request."))
    return stored.application


def application_receive_once(
    *,
    recruitment: Recruitment,
    by: User,
    candidate: CandidateData,
    merits: dict[str, list[str]],
    idempotency_key: str | None,
) -> tuple[Application, bool]:
    """Receive an application; with a key, at most once. Returns it and whether it was replayed.

    A retry with the same key and the same request gets the application the first request
    created. The same key with another request is a client error (Conflict).

    Two requests with one key at the same time: the first to commit stores the key (it is
    unique per user). The other, finding the key only at its end (the key or the person
    clashes, or the person has applied by then), is rolled back, application included, and
    answers with the first one's application.
    """
    if idempotency_key is None:
        return _receive(recruitment=recruitment, by=by, candidate=candidate, merits=merits), False
    digest = request_hash(recruitment=recruitment, body={"candidate": candidate, "merits": merits})
    for _attempt in range(2):
        try:
            with transaction.atomic():
                # Inside the transaction: on SQLite (IMMEDIATE) it holds the write lock, so a
                # key committed by a concurrent request is already visible here.
                application = _stored(by=by, key=idempotency_key, digest=digest)
                if application is not None:
                    return application, True
                application = _receive(
                    recruitment=recruitment, by=by, candidate=candidate, merits=merits
                )
                IdempotencyKey.objects.create(
                    user=by,
                    key=idempotency_key,
                    recruitment=recruitment,
                    request_hash=digest,
                    application=application,
                )
            return application, False
        except (IntegrityError, AlreadyApplied) as exc:
            application = _stored(by=by, key=idempotency_key, digest=digest)
            if application is not None:
                return application, True
            if isinstance(exc, AlreadyApplied):
                raise
    raise Conflict(_("Another request for the same application arrived at once; try again."))


def team_member_add_by_id(
    *, recruitment: Recruitment, by: User, user_id: int, role: str
) -> TeamMembership:
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        raise ValidationError({"user_id": _("There is no active user with that id.")})
    if role != TeamMembership.Role.OWNER and recruitment.memberships.filter(user=user).exists():
        raise Conflict(_("This person is already on the team."))
    return team_member_add(recruitment=recruitment, by=by, user=user, role=role)
