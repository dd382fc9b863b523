"""The outbox: every written message to a candidate, exactly as it was sent (P9)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aterkoppla.recruitment.models import Language


class Kind(models.TextChoices):
    ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement")
    STATUS_UPDATE = "status_update", _("Status update")
    PROMISE_POSTPONED = "promise_postponed", _("New answer date")
    RESERVE = "reserve", _("Reserve")
    WITHDRAWAL_CONFIRMATION = "withdrawal_confirmation", _("Withdrawal confirmed")
    PORTAL_LINK = "portal_link", _("Link to the candidate page")
    # The career form, to an address that already has applications with us: the application
    # joins that person's record only once it is confirmed from this mail.
    APPLICATION_CONFIRMATION = "application_confirmation", _("Confirm an application")
    REJECTION = "rejection", _("Rejection")
    CALL_NOTICE = "call_notice", _("Before the feedback call")
    CALL_SUMMARY = "call_summary", _("Summary of the feedback call")
    CALL_UNREACHABLE = "call_unreachable", _("Decision after unanswered calls")
    DISCLOSURE_LETTER = "disclosure_letter", _("Written information (DL 2 kap. 4 §)")
    ERASURE_SCHEDULED = "erasure_scheduled", _("Erasure scheduled")
    # The talent pool: an offer to join after a call's "yes", a month's notice to renew, and
    # staff inviting someone in it to apply to a new job.
    TALENT_POOL_OFFER = "talent_pool_offer", _("Talent pool: confirm joining")
    TALENT_POOL_RENEWAL = "talent_pool_renewal", _("Talent pool: renew")
    TALENT_POOL_INVITE = "talent_pool_invite", _("Talent pool: invitation to apply")
    # After a feedback call that reached the candidate and wanted no written summary: the
    # survey the call sheet promised.
    SURVEY_INVITATION = "survey_invitation", _("Survey after the feedback call")
    # To the candidate, each with the interview's calendar file.
    INTERVIEW_BOOKED = "interview_booked", _("Invitation to interview")
    INTERVIEW_MOVED = "interview_moved", _("Interview moved")
    INTERVIEW_CANCELLED = "interview_cancelled", _("Interview cancelled")
    # To staff, not to candidates: a calendar invitation to an interview, and its withdrawal.
    INTERVIEW_INVITATION = "interview_invitation", _("Interview invitation")
    INTERVIEW_CANCELLATION = "interview_cancellation", _("Interview cancellation")
    # To the recruitment's owner: a request for written information falls due, or is late.
    DISCLOSURE_REMINDER = "disclosure_reminder", _("Written information due (to staff)")


# The kinds that reach candidates: their wording is the organisation's (templates).
STAFF_KINDS = frozenset(
    {Kind.INTERVIEW_INVITATION, Kind.INTERVIEW_CANCELLATION, Kind.DISCLOSURE_REMINDER}
)
CANDIDATE_KINDS = [kind for kind in Kind if kind not in STAFF_KINDS]


class Message(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", _("Email")
        LETTER = "letter", _("Letter")

    class Status(models.TextChoices):
        # Stopped by the language check: a person edits it or releases it with a reason.
        HELD = "held", _("Stopped for review")
        # The organisation's contact details are not complete (organisation_contact_missing):
        # rendered again and sent once they are (messaging.sweeps).
        WAITING = "waiting", _("Waiting for the contact details")
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        # Letters (channel "letter"): printed and posted by a person.
        TO_PRINT = "to_print", _("To print")
        PRINTED = "printed", _("Printed")
        # Never sent: the application was anonymised first (retention or erasure).
        CANCELLED = "cancelled", _("Cancelled (the data was erased)")

    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.CASCADE,
        related_name="messages",
        null=True,
        blank=True,
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    channel = models.CharField(
        _("channel"), max_length=8, choices=Channel.choices, default=Channel.EMAIL
    )
    to_address = models.EmailField(_("to"), blank=True)
    to_name = models.CharField(_("recipient"), max_length=200, blank=True)
    from_address = models.CharField(_("from"), max_length=254)
    # Where the candidate's answer goes: the recruiter, else the organisation's contact
    # address. Kept with the message, so a retry and the outbox show the same.
    reply_to = models.CharField(_("reply to"), max_length=254, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    # One text attachment at most (a calendar file), sent as stored: see ``Attachment``.
    attachment_name = models.CharField(max_length=100, blank=True)
    attachment_type = models.CharField(max_length=100, blank=True)
    attachment = models.TextField(blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    # The language check's findings on the rendered text, as the API gives them.
    findings = models.JSONField(_("language-check findings"), default=list, blank=True)
    # A waiting message's own template names (reason, summary, earlier date), to render it
    # again when the contact details are complete; emptied then.
    context = models.JSONField(default=dict, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # One message per cause: the same key is never queued twice.
    dedupe_key = models.CharField(max_length=200, unique=True)
    # The RFC 5322 Message-ID, fixed at creation so that a retry is recognisably the same mail.
    message_id = models.CharField(max_length=255, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="message_due",
                condition=Q(status="queued"),
            ),
            models.Index(fields=["status", "claimed_at"], name="message_status_claimed"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.to_address or self.to_name}"


@dataclass(frozen=True)
class Attachment:
    """The one text file a message may carry (a calendar file), stored beside its text."""

    name: str
    content_type: str
    content: str

    def put_on(self, message: Message) -> None:
        message.attachment_name = self.name
        message.attachment_type = self.content_type
        message.attachment = self.content


class MessageTemplate(models.Model):
    """An organisation's own wording of one kind of message in one language.

    Without a row, the default text in ``messaging/defaults/`` is used. Both render in a
    Jinja2 sandbox over a fixed set of names (see ``aterkoppla.messaging.rendering``).
    """

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("text"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("message template")
        verbose_name_plural = _("message templates")
        ordering = ["kind", "language"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "language"], name="template_one_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.language})"


class PortalToken(models.Model):
    """One private link to an application's candidate page.

    Every message that carries a link gets a token of its own, so a link in an older message
    keeps working; all of an application's tokens lead to the same page.
    """

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="portal_tokens"
    )
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # The table keeps the name it had in the portal app, which only reads it now.
        db_table = "portal_portaltoken"
        verbose_name = _("candidate link")
        verbose_name_plural = _("candidate links")

    def __str__(self) -> str:
        return f"{self.application_id} ({self.created_at:%Y-%m-%d})"
