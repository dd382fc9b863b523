"""The decision of a recruitment and the feedback it owes each candidate (DESIGN §4, §5).

A ``Decision`` is one act on the decision screen (or one API call): who is hired, who is a
reserve, who is rejected. Each named application gets a ``DecisionItem`` with the channel its
feedback takes: a call (``CallTask``) for someone interviewed, else a written rejection by
email, or a letter to print when there is no email address.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aterkoppla.applications.feedback import Channel


class Decision(models.Model):
    recruitment = models.ForeignKey(
        "recruitment.Recruitment", on_delete=models.CASCADE, related_name="decisions"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)
    # Nobody is hired: the recruitment is cancelled or advertised again. No text then says
    # "we chose another candidate" or compares with "the person we chose".
    no_hire = models.BooleanField(_("nobody is hired"), default=False)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_at", "-id"]

    def __str__(self) -> str:
        return f"{self.recruitment} ({self.decided_at:%Y-%m-%d})"


class DecisionItem(models.Model):
    class Result(models.TextChoices):
        HIRED = "hired", _("Hired")
        RESERVE = "reserve", _("Reserve")
        REJECTED = "rejected", _("Rejected")

    # How the candidate is told: the rule for a rejection is ``applications.feedback``'s.
    Channel = Channel

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="items")
    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="decision_items"
    )
    result = models.CharField(_("result"), max_length=8, choices=Result.choices)
    channel = models.CharField(_("feedback"), max_length=8, choices=Channel.choices)
    # The criteria the decider named as decisive, and the explanation in their words
    # (language-checked). Required for a rejection after an interview.
    decisive_criteria = models.ManyToManyField(
        "recruitment.Criterion", blank=True, related_name="+", verbose_name=_("decisive criteria")
    )
    explanation = models.TextField(_("explanation"), blank=True)

    class Meta:
        verbose_name = _("decision on an application")
        verbose_name_plural = _("decisions on applications")
        ordering = ["-id"]
        indexes = [models.Index(fields=["application", "-id"], name="decisionitem_latest")]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.result}"


class CallTask(models.Model):
    """A feedback call owed to someone interviewed and not chosen (DESIGN §4)."""

    class Status(models.TextChoices):
        OPEN = "open", _("To call")
        DONE = "done", _("Called")
        WRITTEN = "written", _("Written to after unanswered calls")

    application = models.OneToOneField(
        "applications.Application", on_delete=models.CASCADE, related_name="call_task"
    )
    item = models.ForeignKey(DecisionItem, on_delete=models.CASCADE, related_name="+")
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="call_tasks",
        verbose_name=_("caller"),
    )
    due = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    callback_at = models.DateTimeField(_("call back at"), null=True, blank=True)
    summary_requested = models.BooleanField(_("written summary wanted"), default=False)
    talent_pool = models.BooleanField(_("interested in the talent pool"), default=False)
    disclosure_requested = models.BooleanField(
        _("asked for the information under DL 2 kap. 4 §"), default=False
    )

    class Meta:
        verbose_name = _("call task")
        verbose_name_plural = _("call tasks")
        ordering = ["due", "id"]
        indexes = [models.Index(fields=["status", "due"], name="calltask_open_due")]

    def __str__(self) -> str:
        return f"{self.application} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class DisclosureRequest(models.Model):
    """A request for the written information under diskrimineringslagen 2 kap. 4 §: the
    education, work experience and other merits of the person hired and of those called to
    interview. A promise with a due date, answered by a letter."""

    class Via(models.TextChoices):
        PORTAL = "portal", _("The candidate's page")
        CALL = "call", _("During the feedback call")
        PHONE = "phone", _("By phone")
        EMAIL = "email", _("By email")
        LETTER = "letter", _("By letter")
        API = "api", _("Through the API")

    class Status(models.TextChoices):
        OPEN = "open", _("To answer")
        ANSWERED = "answered", _("Answered")

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="disclosure_requests"
    )
    via = models.CharField(_("received"), max_length=8, choices=Via.choices)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    due = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.OPEN
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("request for written information")
        verbose_name_plural = _("requests for written information")
        ordering = ["due", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(status="open"),
                name="disclosure_one_open_per_application",
            )
        ]
        indexes = [models.Index(fields=["status", "due"], name="disclosure_open_due")]

    def __str__(self) -> str:
        return f"{self.application} ({self.get_status_display()}, {self.due})"

    def promise_state(self, today: dt.date | None = None) -> str:
        """As every promise (``applications.promises``): ``"broken"`` past its date and not
        answered, ``"due_soon"`` within two working days, else ``""``."""
        from aterkoppla.applications.promises import promise_state

        if self.status != self.Status.OPEN:
            return ""
        return promise_state(self.due, today or timezone.localdate())

    @property
    def overdue(self) -> bool:
        return self.promise_state() == "broken"

    @property
    def due_soon(self) -> bool:
        return self.promise_state() == "due_soon"


class CallAttempt(models.Model):
    class Outcome(models.TextChoices):
        REACHED = "reached", _("Reached")
        NO_ANSWER = "no_answer", _("No answer")
        VOICEMAIL = "voicemail", _("Voicemail")
        BUSY = "busy", _("Busy")
        WRONG_NUMBER = "wrong_number", _("Wrong number")
        CALLBACK = "callback", _("Call back requested")

    FAILED = frozenset({Outcome.NO_ANSWER, Outcome.VOICEMAIL, Outcome.BUSY, Outcome.WRONG_NUMBER})

    task = models.ForeignKey(CallTask, on_delete=models.CASCADE, related_name="attempts")
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    notes = models.TextField(_("notes"), blank=True)
    callback_at = models.DateTimeField(_("call back at"), null=True, blank=True)

    class Meta:
        verbose_name = _("call attempt")
        verbose_name_plural = _("call attempts")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.at:%Y-%m-%d %H:%M})"
