"""Retention for the outbox: a message of an anonymised application keeps its kind, channel,
language, status and times (the metrics count them) and the categories the language check
found; the recipient, the subject, the text, the attachment and the links to the candidate's
page go."""

from __future__ import annotations

from collections.abc import Iterable

from aterkoppla.messaging.models import Message, PortalToken


def messages_anonymise(application_ids: Iterable[int]) -> int:
    """Remove the words and the recipient of every message of these applications, and their
    private links (a link in an old email then leads nowhere). A message not sent yet is
    cancelled: there is nobody left to send it to."""
    ids = list(application_ids)
    PortalToken.objects.filter(application_id__in=ids).delete()
    rows = list(Message.objects.filter(application_id__in=ids))
    Status = Message.Status
    unsent = {Status.QUEUED, Status.HELD, Status.WAITING, Status.TO_PRINT}
    for row in rows:
        row.to_address = row.to_name = row.reply_to = ""
        row.subject = row.body_text = row.body_html = row.last_error = ""
        row.attachment = row.attachment_name = row.attachment_type = ""
        row.context = {}
        row.findings = [{"category": finding.get("category", "")} for finding in row.findings]
        if row.status in unsent:
            row.status = Status.CANCELLED
    Message.objects.bulk_update(
        rows,
        [
            "to_address", "to_name", "reply_to", "subject", "body_text", "body_html",
            "last_error", "attachment", "attachment_name", "attachment_type", "context",
            "findings", "status",
        ],
        batch_size=500,
    )  # fmt: skip
    return len(rows)
