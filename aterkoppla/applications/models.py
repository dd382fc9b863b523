"""Candidates, their applications and the append-only timeline of each application."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aterkoppla.recruitment.models import Language, Recruitment

MERIT_SECTIONS = ("education", "experience", "other")


def empty_merits() -> dict[str, list[str]]:
    return {section: [] for section in MERIT_SECTIONS}


def clean_merits(value: Any) -> dict[str, list[str]]:
    """Normalise merits to ``{education: [...], experience: [...], other: [...]}``.

    Raises ValidationError for anything that is not that shape, so bad API or import
    input is refused instead of stored.
    """
    if value is None:
        return empty_merits()
    if not isinstance(value, dict):
        raise ValidationError(_("Merits must be an object with education, experience and other."))
    unknown = set(value) - set(MERIT_SECTIONS)
    if unknown:
        raise ValidationError(
            _("Unknown merit sections: %(names)s."), params={"names": ", ".join(sorted(unknown))}
        )
    cleaned = empty_merits()
    for section in MERIT_SECTIONS:
        rows = value.get(section) or []
        if not isinstance(rows, list) or not all(isinstance(row, str) for row in rows):
            raise ValidationError(_("Each merit section must be a list of texts."))
        if any("\x00" in row for row in rows):
            raise ValidationError(_("Null characters are not allowed."))
        cleaned[section] = [row.strip() for row in rows if row.strip()]
    return cleaned


class Candidate(models.Model):
    """A person who applies. No account: they reach their applications through private links."""

    first_name = models.CharField(
        _("first name"), max_length=100, validators=[ProhibitNullCharactersValidator()]
    )
    last_name = models.CharField(
        _("last name"), max_length=100, validators=[ProhibitNullCharactersValidator()]
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, help_text=_("E.164"))
    language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.SV
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="candidate_unique_email",
                violation_error_message=_("A candidate with this email already exists."),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Application(models.Model):
    class Stage(models.TextChoices):
        RECEIVED = "received", _("Received")
        SCREENING = "screening", _("Screening")
        INTERVIEW = "interview", _("Interview")
        RESERVE = "reserve", _("Reserve")
        OFFER = "offer", _("Offer")
        HIRED = "hired", _("Hired")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Source(models.TextChoices):
        FORM = "form", _("Career page")
        API = "api", _("API")
        IMPORT = "import", _("Import")
        MANUAL = "manual", _("Added by hand")

    CLOSED_STAGES = frozenset({Stage.HIRED, Stage.REJECTED, Stage.WITHDRAWN})
    OPEN_STAGES = frozenset(set(Stage) - CLOSED_STAGES)
    # Allowed moves. `rejected` and `withdrawn` may end any open stage; `reserve` only follows
    # an interview. Closed stages are final.
    TRANSITIONS: dict[str, frozenset[str]] = {
        Stage.RECEIVED: frozenset(
            {Stage.SCREENING, Stage.INTERVIEW, Stage.REJECTED, Stage.WITHDRAWN}
        ),
        Stage.SCREENING: frozenset({Stage.INTERVIEW, Stage.REJECTED, Stage.WITHDRAWN}),
        Stage.INTERVIEW: frozenset({Stage.OFFER, Stage.RESERVE, Stage.REJECTED, Stage.WITHDRAWN}),
        Stage.RESERVE: frozenset({Stage.OFFER, Stage.REJECTED, Stage.WITHDRAWN}),
        Stage.OFFER: frozenset({Stage.HIRED, Stage.RESERVE, Stage.REJECTED, Stage.WITHDRAWN}),
        Stage.HIRED: frozenset(),
        Stage.REJECTED: frozenset(),
        Stage.WITHDRAWN: frozenset(),
    }

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="applications")
    recruitment = models.ForeignKey(
        Recruitment, on_delete=models.CASCADE, related_name="applications"
    )
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    stage = models.CharField(
        _("stage"), max_length=10, choices=Stage.choices, default=Stage.RECEIVED
    )
    stage_changed_at = models.DateTimeField(_("stage changed"), default=timezone.now)
    # The open stage a closed application left from: decides the feedback channel (DESIGN §4).
    closed_from_stage = models.CharField(
        _("closed from stage"), max_length=10, choices=Stage.choices, blank=True
    )
    reply_by = models.DateField(_("answer promised by"), null=True, blank=True)
    interviewed = models.BooleanField(_("interviewed"), default=False)
    merits = models.JSONField(_("merits"), default=empty_merits, blank=True)
    # Screening's proposal; the decision (and its feedback) is made on the decision screen.
    marked_for_rejection = models.BooleanField(_("marked for rejection"), default=False)
    # Written with the proposal; the written rejection tells the candidate (language-checked).
    rejection_reason = models.TextField(_("reason for the rejection"), blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "recruitment"],
                name="application_one_per_candidate",
                violation_error_message=_("This person has already applied to this recruitment."),
            ),
            # P2: no open application without a promised answer date.
            models.CheckConstraint(
                condition=Q(stage__in=["hired", "rejected", "withdrawn"])
                | Q(reply_by__isnull=False),
                name="application_open_has_reply_by",
                violation_error_message=_("An open application needs a promised answer date."),
            ),
        ]
        indexes = [models.Index(fields=["recruitment", "stage"])]

    def __str__(self) -> str:
        return f"{self.candidate} → {self.recruitment}"

    def get_absolute_url(self) -> str:
        return reverse("applications:detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.stage in self.OPEN_STAGES

    @property
    def outcome(self) -> str | None:
        """The final result (`hired`, `rejected`, `withdrawn`), None while still open."""
        return None if self.is_open else self.stage

    @property
    def promise_passed(self) -> bool:
        """Open, and the promised answer date is behind us (P2)."""
        return self.is_open and self.reply_by is not None and self.reply_by < timezone.localdate()

    @property
    def merits_missing(self) -> bool:
        """No education, experience or other merits recorded: the DL 2 kap. 4 § letter would
        have nothing to say about this person."""
        return not any(self.merits.get(section) for section in MERIT_SECTIONS)

    @property
    def invited_to_interview(self) -> bool:
        """Reached the interview stage at some point (the people DL 2 kap. 4 § is about)."""
        return (
            self.interviewed
            or self.stage
            in {
                self.Stage.INTERVIEW,
                self.Stage.RESERVE,
                self.Stage.OFFER,
                self.Stage.HIRED,
            }
            or self.closed_from_stage
            in {
                self.Stage.INTERVIEW,
                self.Stage.RESERVE,
                self.Stage.OFFER,
            }
        )

    def allowed_next_stages(self) -> list[str]:
        return [stage for stage in self.Stage if stage in self.TRANSITIONS[self.stage]]

    def days_waiting(self, today: dt.date | None = None) -> int:
        """Calendar days since the application arrived (until it closed)."""
        end = today or timezone.localdate()
        if not self.is_open:
            end = timezone.localtime(self.stage_changed_at).date()
        return max((end - timezone.localtime(self.received_at).date()).days, 0)


def document_path(instance: Document, filename: str) -> str:
    """Random file names in a folder that no URL maps to."""
    return f"documents/{secrets.token_hex(16)}"


class Document(models.Model):
    """A file the candidate sent (CV, cover letter). Served only through an access check."""

    class Kind(models.TextChoices):
        CV = "cv", _("CV")
        COVER_LETTER = "cover_letter", _("Cover letter")
        OTHER = "other", _("Other document")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    file = models.FileField(upload_to=document_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["kind", "uploaded_at"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("applications:document", args=[self.application_id, self.pk])


class TimelineQuerySet(models.QuerySet):
    """Timeline events are evidence (DL 6 kap. 3 §): the code offers no update or delete."""

    def update(self, **kwargs: Any) -> int:
        raise TypeError("Timeline events are append-only.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise TypeError("Timeline events are append-only.")


class TimelineEvent(models.Model):
    class Actor(models.TextChoices):
        USER = "user", _("Staff")
        SYSTEM = "system", _("System")
        CANDIDATE = "candidate", _("Candidate")

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Application received")
        STAGE_CHANGED = "stage_changed", _("Stage changed")
        PROFILE_CHANGED = "profile_changed", _("Requirement profile changed")
        MESSAGE_QUEUED = "message_queued", _("Message queued")
        MESSAGE_SENT = "message_sent", _("Message sent")
        MESSAGE_FAILED = "message_failed", _("Message could not be delivered")
        PROMISE_POSTPONED = "promise_postponed", _("Answer date postponed")
        PROMISE_ESCALATED = "promise_escalated", _("Broken promise escalated")
        SCREENED = "screened", _("Screened")
        MARKED_FOR_REJECTION = "marked_for_rejection", _("Marked for rejection")
        INTERVIEW_SCHEDULED = "interview_scheduled", _("Interview scheduled")
        INTERVIEW_HELD = "interview_held", _("Interview held")
        SCORECARD_SUBMITTED = "scorecard_submitted", _("Scorecard submitted")
        SCORECARD_CHANGED = "scorecard_changed", _("Scorecard changed after submission")
        MERITS_UPDATED = "merits_updated", _("Merits summary updated")
        LANGUAGE_OVERRIDE = "language_override", _("Language check overridden")
        MESSAGE_HELD = "message_held", _("Message stopped by the language check")
        MESSAGE_RELEASED = "message_released", _("Stopped message released")
        DECIDED = "decided", _("Decision")
        CALL_ATTEMPTED = "call_attempted", _("Feedback call")
        FOLLOW_UP = "follow_up", _("Follow-up requested")
        LETTER_PRINTED = "letter_printed", _("Letter printed")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="timeline")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.CharField(max_length=10, choices=Actor.choices)
    actor_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)
    data = models.JSONField(default=dict, blank=True)

    objects = TimelineQuerySet.as_manager()

    class Meta:
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.at:%Y-%m-%d %H:%M})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise TypeError("Timeline events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise TypeError("Timeline events are append-only.")

    def summary(self) -> str:
        """One sentence, in the active language, saying what happened."""
        data = self.data
        if self.kind == self.Kind.RECEIVED:
            source = Application.Source(data["source"]).label
            return gettext("Application received (%(source)s).") % {"source": source}
        if self.kind == self.Kind.STAGE_CHANGED:
            return gettext("Moved from “%(from)s” to “%(to)s”.") % {
                "from": Application.Stage(data["from"]).label,
                "to": Application.Stage(data["to"]).label,
            }
        if self.kind == self.Kind.PROFILE_CHANGED:
            templates = {
                "added": gettext("Requirement “%(name)s” added to the profile."),
                "updated": gettext("Requirement “%(name)s” changed."),
                "removed": gettext("Requirement “%(name)s” removed from the profile."),
                "reordered": gettext("Requirement “%(name)s” moved in the profile."),
            }
            text = templates[data["change"]] % {"name": data["criterion"]}
            if "version" in data:
                text += " " + gettext("Profile version %(version)s. Reason: %(reason)s") % {
                    "version": data["version"],
                    "reason": data.get("reason", ""),
                }
            return text
        if self.kind == self.Kind.SCREENED:
            return gettext(
                "Screened against profile version %(version)s: %(met)s met, %(partly)s partly "
                "met, %(not_met)s not met."
            ) % {
                "version": data.get("version", "?"),
                "met": data.get("met", 0),
                "partly": data.get("partly", 0),
                "not_met": data.get("not_met", 0),
            }
        if self.kind == self.Kind.INTERVIEW_SCHEDULED:
            return gettext("Interview scheduled with %(names)s.") % {
                "names": ", ".join(data.get("interviewers", []))
            }
        if self.kind == self.Kind.MARKED_FOR_REJECTION and not data.get("marked", True):
            return gettext("No longer marked for rejection.")
        if self.kind == self.Kind.MARKED_FOR_REJECTION and data.get("reason"):
            return gettext("Marked for rejection. Reason for the candidate: %(reason)s") % {
                "reason": data["reason"]
            }
        if self.kind == self.Kind.SCORECARD_SUBMITTED:
            return gettext("%(name)s submitted a scorecard.") % {"name": data.get("interviewer")}
        if self.kind == self.Kind.SCORECARD_CHANGED:
            # The values stay in the event's data; the summary names only what changed, so
            # that the timeline tells no interviewer the others' scores.
            return gettext("%(name)s changed their submitted scorecard: %(fields)s.") % {
                "name": data.get("interviewer"),
                "fields": ", ".join(data.get("changed", [])),
            }
        if self.kind == self.Kind.LANGUAGE_OVERRIDE:
            return self._language_override_summary()
        if self.kind in {
            self.Kind.DECIDED,
            self.Kind.CALL_ATTEMPTED,
            self.Kind.FOLLOW_UP,
        }:
            return self._feedback_summary()
        if self.kind in {
            self.Kind.MESSAGE_HELD,
            self.Kind.MESSAGE_RELEASED,
            self.Kind.MESSAGE_QUEUED,
            self.Kind.MESSAGE_SENT,
            self.Kind.MESSAGE_FAILED,
        }:
            return f"{self.get_kind_display()}: {data.get('subject', '')}".rstrip(": ")
        return self.get_kind_display()

    def _feedback_summary(self) -> str:
        data = self.data
        if self.kind == self.Kind.DECIDED:
            results = {
                "hired": gettext("Decision: hired."),
                "reserve": gettext("Decision: reserve."),
                "rejected": gettext("Decision: rejected."),
            }
            channels = {
                "call": gettext("The candidate is told in a feedback call."),
                "email": gettext("The candidate is told in a written rejection."),
                "letter": gettext("The candidate is told in a letter."),
            }
            parts = [results.get(data.get("result"), ""), channels.get(data.get("channel"), "")]
            if data.get("decisive"):
                parts.append(
                    gettext("Decisive: %(names)s.") % {"names": ", ".join(data["decisive"])}
                )
            if data.get("explanation"):
                parts.append(gettext("Explanation: %(text)s") % {"text": data["explanation"]})
            return " ".join(part for part in parts if part)
        if self.kind == self.Kind.CALL_ATTEMPTED:
            from aterkoppla.decisions.models import CallAttempt

            outcome = data.get("outcome")
            label = (
                CallAttempt.Outcome(outcome).label if outcome in CallAttempt.Outcome.values else ""
            )
            return gettext("Feedback call: %(outcome)s.") % {"outcome": label}
        names = {
            "summary": gettext("a written summary"),
            "talent_pool": gettext("news of future jobs"),
            "disclosure": gettext(
                "written information on the merits of the person chosen "
                "(diskrimineringslagen 2 kap. 4 §)"
            ),
        }
        wanted = [names[name] for name in data.get("follow_ups", []) if name in names]
        return gettext("After the call the candidate asked for: %(items)s.") % {
            "items": ", ".join(wanted)
        }

    def _language_override_summary(self) -> str:
        from aterkoppla.language.models import Policy, Where

        data = self.data
        where = Where(data["where"]).label if data.get("where") in Where.values else ""
        matches = ", ".join(f"“{item['match']}”" for item in data.get("findings", []))
        if data.get("policy") == Policy.WARN:
            return gettext(
                "%(where)s kept with language-check findings (%(matches)s): the recruitment's "
                "policy only warns."
            ) % {"where": where, "matches": matches}
        return gettext(
            "%(where)s kept in spite of the language check (%(matches)s). Reason: %(reason)s"
        ) % {"where": where, "matches": matches, "reason": data.get("reason", "")}

    def promised_date(self) -> dt.date | None:
        value = self.data.get("reply_by")
        return dt.date.fromisoformat(value) if value else None
