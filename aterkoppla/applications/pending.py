"""Applications from the career form to an address that already has a candidate record.

The public form answers the same whether or not an address is known: "Du har redan sökt"
would tell anyone who types an address whether that person has applied here. And an
application from a known address does not join that person's record at once: whoever knows
the address could otherwise add an application, with a CV of their choosing, to it. Such an
application waits (``PendingApplication``) until the address's owner confirms it by the link
mailed to the address; then it is received like any other (``application_receive``). Not
confirmed within ``PENDING_DAYS``, it is deleted with its files by the ``pending`` sweep.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse

from aterkoppla.applications.models import (
    Application,
    Candidate,
    PendingApplication,
    pending_document_path,
)
from aterkoppla.applications.services import IncomingDocument, application_receive
from aterkoppla.lib.documents import DOCX, ODT, PDF, DocumentType
from aterkoppla.messaging.links import token_hash
from aterkoppla.messaging.services import confirmation_queue

logger = logging.getLogger(__name__)

PENDING_DAYS = 7
_TYPES: dict[str, DocumentType] = {type_.kind: type_ for type_ in (PDF, DOCX, ODT)}


def address_known(email: str) -> bool:
    """Whether a candidate record has this address (any letter case)."""
    return Candidate.with_email(email).exists()


@transaction.atomic
def pending_create(
    *,
    recruitment: Any,
    first_name: str,
    last_name: str,
    email: str,
    phone: str,
    language: str,
    merits: Any,
    documents: Sequence[IncomingDocument],
) -> PendingApplication:
    """Keep the application aside and mail the address a link to confirm it."""
    token = secrets.token_urlsafe(32)
    stored: list[dict[str, str]] = []
    try:
        for incoming in documents:
            incoming.file.seek(0)
            path = default_storage.save(pending_document_path(None, incoming.name), incoming.file)
            stored.append(
                {
                    "path": path,
                    "name": incoming.name,
                    "kind": incoming.kind,
                    "type": incoming.type.kind,
                }
            )
        pending = PendingApplication.objects.create(
            recruitment=recruitment,
            email=email.strip(),
            data={
                "first_name": first_name,
                "last_name": last_name,
                "phone": phone,
                "language": language,
                "merits": merits,
            },
            documents=stored,
            token_hash=token_hash(token),
        )
        confirmation_queue(
            to_address=pending.email,
            first_name=first_name,
            last_name=last_name,
            language=language,
            job_title=recruitment.title,
            confirm_url=settings.SITE_URL + reverse("careers:confirm", args=[token]),
            dedupe_key=f"application_confirmation:{pending.pk}",
        )
    except BaseException:
        _remove_files(stored)
        raise
    return pending


def pending_for_token(token: str, *, now: dt.datetime) -> PendingApplication | None:
    """The waiting application the link belongs to, unless it has expired (None)."""
    if not token or len(token) > 100:
        return None
    return (
        PendingApplication.objects.select_related("recruitment")
        .filter(token_hash=token_hash(token), created_at__gte=now - dt.timedelta(PENDING_DAYS))
        .first()
    )


@transaction.atomic
def pending_confirm(pending: PendingApplication) -> Application:
    """Receive the application as the person sent it; the waiting row and its files go.
    A ``ValidationError`` (already applied, the job filled) leaves both for the caller."""
    data = pending.data
    files = [default_storage.open(doc["path"], "rb") for doc in pending.documents]
    try:
        documents = [
            IncomingDocument(
                kind=doc["kind"],
                name=doc["name"],
                file=File(ContentFile(handle.read(), name=doc["name"])),
                type=_TYPES[doc["type"]],
            )
            for doc, handle in zip(pending.documents, files, strict=True)
        ]
    finally:
        for handle in files:
            handle.close()
    application = application_receive(
        recruitment=pending.recruitment,
        first_name=data["first_name"],
        last_name=data["last_name"],
        email=pending.email,
        phone=data["phone"],
        language=data["language"],
        merits=data["merits"],
        documents=documents,
        source=Application.Source.FORM,
    )
    pending_discard(pending)
    return application


def pending_discard(pending: PendingApplication) -> None:
    """Delete the waiting row; its files go once that is committed (a rollback keeps both)."""
    documents = list(pending.documents)
    pending.delete()
    transaction.on_commit(lambda: _remove_files(documents))


def pending_sweep(now: dt.datetime) -> int:
    """Delete the waiting applications nobody confirmed in time, with their files."""
    expired = PendingApplication.objects.filter(created_at__lt=now - dt.timedelta(PENDING_DAYS))
    count = 0
    for pending in expired:
        pending_discard(pending)
        count += 1
    return count


def _remove_files(documents: Sequence[dict[str, str]]) -> None:
    for doc in documents:
        try:
            default_storage.delete(doc["path"])
        except OSError:
            logger.warning("Could not delete %s", doc["path"])
