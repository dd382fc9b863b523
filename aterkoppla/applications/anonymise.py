"""Retention for applications and candidates: the words and documents go, and the person
goes last (``aterkoppla.privacy.services`` runs each app's part in one transaction)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction

from aterkoppla.applications.models import Application, Candidate, Document, Merit

# An upload younger than this may belong to an application still being saved.
ORPHAN_GRACE = dt.timedelta(hours=1)


def _delete_files_on_commit(names: Iterable[str]) -> None:
    """Delete stored files once the transaction that dropped their rows has committed (a
    rollback keeps both)."""
    names = [name for name in names if name]

    def delete() -> None:
        for name in names:
            default_storage.delete(name)

    if names:
        transaction.on_commit(delete)


def application_texts_remove(application: Application, *, keep_profile: bool) -> None:
    """Remove the reason for a rejection and the candidate's documents and merits.
    ``keep_profile`` keeps what a talent-pool consent covers: the merits and the CV."""
    documents = Document.objects.filter(application=application)
    merits = Merit.objects.filter(application=application)
    if keep_profile:
        documents = documents.exclude(kind=Document.Kind.CV)
        merits = merits.none()
    _delete_files_on_commit(documents.values_list("file", flat=True))
    documents.delete()
    merits.delete()
    if application.rejection_reason:
        application.rejection_reason = ""
        application.save(update_fields=["rejection_reason"])


def application_detach(application: Application, *, at: dt.datetime) -> None:
    """Move ``application`` to an empty candidate record of its own (no name, no contact
    details, the same language) and remove the person's record once no application of theirs
    is left. Nothing then ties the application to the person, or to their other
    applications."""
    person = application.candidate
    nobody = Candidate.objects.create(
        first_name="", last_name="", email="", phone="", language=person.language, anonymised_at=at
    )
    application.candidate = nobody
    application.save(update_fields=["candidate"])
    if not person.applications.exists():
        person.delete()


def orphaned_uploads(now: dt.datetime) -> list[Path]:
    """Stored documents no row points to, older than ``ORPHAN_GRACE`` (an application that
    failed half-way, or a document whose row went without its file)."""
    folder = Path(settings.MEDIA_ROOT) / "documents"
    if not folder.is_dir():
        return []
    known = {Path(name).name for name in Document.objects.values_list("file", flat=True)}
    cutoff = (now - ORPHAN_GRACE).timestamp()
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file() and path.name not in known and path.stat().st_mtime < cutoff
    )
