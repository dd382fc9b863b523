"""Candidates, their applications and the append-only timeline of each application."""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.core.validators import ProhibitNullCharactersValidator
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aterkoppla.core.validators import validate_person_name
from aterkoppla.recruitment.models import Language, Recruitment

MERIT_SECTIONS = ("education", "experience", "other")


def empty_merits() -> dict[str, list[str]]:
    """The free-text merits applications had before merits were structured (migrations)."""
    return {section: [] for section in MERIT_SECTIONS}


class Candidate(models.Model):
    """A person who applies. No account: they reach their applications through private links."""

    first_name = models.CharField(
        _("first name"),
        max_length=100,
        validators=[ProhibitNullCharactersValidator(), validate_person_name],
    )
    last_name = models.CharField(
        _("last name"),
        max_length=100,
        validators=[ProhibitNullCharactersValidator(), validate_person_name],
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, help_text=_("E.164"))
    language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.SV
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set on the empty record an anonymised application is moved to (``aterkoppla.privacy``):
    # nobody, kept so that the application's stage times, outcome and scores still count.
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

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

    @classmethod
    def with_email(cls, email: str) -> models.QuerySet[Candidate]:
        """The record that has this address, in any letter case (none for an empty one).

        The same expression and condition as the unique index, so the lookup uses it; the
        address is lowercased by the database too (SQLite's LOWER() only folds ASCII)."""
        email = email.strip()
        if not email:
            return cls.objects.none()
        return (
            cls.objects.exclude(email="")
            .annotate(email_lower=Lower("email"))
            .filter(email_lower=Lower(Value(email)))
        )

    @property
    def full_name(self) -> str:
        if self.anonymised_at is not None:
            return str(_("Anonymised applicant"))
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
    # The open stages of someone invited to interview: an interview can be booked, and they
    # can be hired or kept as a reserve. (Whether an interview was held is ``interviewed``.)
    INVITED_STAGES = frozenset({Stage.INTERVIEW, Stage.RESERVE, Stage.OFFER})
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
    # When the application was closed with its final answer (a decision, a withdrawal, a hire):
    # set by ``applications_close`` and nowhere else; retention counts from it (DESIGN §8).
    # When the candidate was told the outcome: at closing, or for a rejection owed a call when
    # the call is reached or the written fallback sent. Retention counts from it (DESIGN §8).
    final_answer_at = models.DateTimeField(_("final answer given"), null=True, blank=True)
    # An interview was held with the candidate (an interview marked held, or a scorecard
    # submitted): this, not the stage, decides who is owed a call (``applications.feedback``).
    interviewed = models.BooleanField(_("interviewed"), default=False)
    # Screening's proposal; the decision (and its feedback) is made on the decision screen.
    marked_for_rejection = models.BooleanField(_("marked for rejection"), default=False)
    # Written with the proposal; the written rejection tells the candidate (language-checked).
    rejection_reason = models.TextField(_("reason for the rejection"), blank=True)
    # Retention (``aterkoppla.privacy``): when the free text, assessments' words, messages and
    # documents were removed (``scrubbed_at``; a valid talent-pool consent keeps the person's
    # profile a while longer), and when the person was too (``anonymised_at``). What the
    # metrics and the active-measures report need stays: stage times, outcome, channel, scores
    # and the language check's categories.
    scrubbed_at = models.DateTimeField(_("personal texts removed"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

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
            # The final answer is given when the application closes, except for a rejection
            # owed a call: that answer is given when the call is reached (or the written
            # fallback sent). An open application has none.
            models.CheckConstraint(
                condition=(
                    Q(stage__in=["hired", "withdrawn"], final_answer_at__isnull=False)
                    | Q(stage="rejected")
                    | (
                        ~Q(stage__in=["hired", "rejected", "withdrawn"])
                        & Q(final_answer_at__isnull=True)
                    )
                ),
                name="application_closed_has_final_answer",
                violation_error_message=_("A closed application needs the time of its answer."),
            ),
        ]
        indexes = [
            models.Index(fields=["recruitment", "stage"]),
            models.Index(
                fields=["final_answer_at"],
                condition=Q(anonymised_at__isnull=True),
                name="application_retention_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} → {self.recruitment}"

    def get_absolute_url(self) -> str:
        return reverse("applications:detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.stage in self.OPEN_STAGES

    @property
    def awaiting_answer(self) -> bool:
        """Rejected, but not told yet: the feedback call is still to be made."""
        return self.stage == self.Stage.REJECTED and self.final_answer_at is None

    @property
    def outcome(self) -> str | None:
        """The final result (`hired`, `rejected`, `withdrawn`), None while still open."""
        return None if self.is_open else self.stage

    @property
    def promised_by(self) -> dt.date:
        """The promised answer date of an application that has one: every open one (P2)."""
        if self.reply_by is None:
            raise ValueError(f"application {self.pk} has no promised answer date")
        return self.reply_by

    @property
    def promise_passed(self) -> bool:
        """Open, and the promised answer date is behind us (P2)."""
        return self.is_open and self.reply_by is not None and self.reply_by < timezone.localdate()

    @property
    def merits_missing(self) -> bool:
        """No education, experience or other merits recorded: the DL 2 kap. 4 § letter would
        have nothing to say about this person."""
        return not self.merits.all()

    @classmethod
    def invited_to_interview_q(cls) -> Q:
        """``invited_to_interview`` as a query condition (for many at once)."""
        return (
            Q(interviewed=True)
            | Q(stage__in=[*cls.INVITED_STAGES, cls.Stage.HIRED])
            | Q(closed_from_stage__in=list(cls.INVITED_STAGES))
        )

    @property
    def invited_to_interview(self) -> bool:
        """Reached the interview stage at some point (the people DL 2 kap. 4 § is about)."""
        return (
            self.interviewed
            or self.stage in self.INVITED_STAGES
            or self.stage == self.Stage.HIRED
            or self.closed_from_stage in self.INVITED_STAGES
        )

    def allowed_next_stages(self) -> list[str]:
        return [stage for stage in self.Stage if stage in self.TRANSITIONS[self.stage]]

    def days_waiting(self, today: dt.date | None = None) -> int:
        """Calendar days since the application arrived (until it closed)."""
        end = today or timezone.localdate()
        if not self.is_open:
            end = timezone.localtime(self.stage_changed_at).date()
        return max((end - timezone.localtime(self.received_at).date()).days, 0)


class Merit(models.Model):
    """One merit of an application: education, work experience or another merit (a licence,
    a certificate, a language).

    What is said about it to another candidate (call sheets, written summaries, the written
    information of diskrimineringslagen 2 kap. 4 §) is made from ``kind``, ``role``,
    ``field``, ``level`` and the length only (``applications.merits.merit_phrase``). The
    organisation and the period are for staff: with them, colleagues could tell who got the
    job. A merit read from free text that could not be split safely ``needs_review``: it is
    left out of what candidates are told until a person has checked it.
    """

    class Kind(models.TextChoices):
        EDUCATION = "education", _("Education")
        EXPERIENCE = "experience", _("Work experience")
        OTHER = "other", _("Other merit")

    class Level(models.TextChoices):
        # Education
        COURSE = "course", _("Course")
        UPPER_SECONDARY = "upper_secondary", _("Upper secondary (gymnasial)")
        VOCATIONAL = "vocational", _("Higher vocational (yrkeshögskola)")
        UNIVERSITY = "university", _("University studies (högskolestudier)")
        BACHELOR = "bachelor", _("Bachelor's degree (kandidatexamen)")
        MASTER = "master", _("Master's degree (masterexamen)")
        DOCTORATE = "doctorate", _("Doctorate (forskarutbildning)")
        # Work experience (none: employment)
        LEADERSHIP = "leadership", _("Leading others (chef, arbetsledare)")
        INTERNSHIP = "internship", _("Internship (praktik)")
        # Other merits
        LICENCE = "licence", _("Licence or card (körkort, truckkort)")
        CERTIFICATE = "certificate", _("Certificate")
        LANGUAGE = "language", _("Language")
        ASSIGNMENT = "assignment", _("Position of trust or voluntary work")

    LEVELS: dict[str, tuple[str, ...]] = {
        Kind.EDUCATION: (
            Level.COURSE,
            Level.UPPER_SECONDARY,
            Level.VOCATIONAL,
            Level.UNIVERSITY,
            Level.BACHELOR,
            Level.MASTER,
            Level.DOCTORATE,
        ),
        Kind.EXPERIENCE: (Level.LEADERSHIP, Level.INTERNSHIP),
        Kind.OTHER: (Level.LICENCE, Level.CERTIFICATE, Level.LANGUAGE, Level.ASSIGNMENT),
    }
    TEXT_MAX = 200

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="merits")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    role = models.CharField(
        _("role"), max_length=TEXT_MAX, blank=True, validators=[ProhibitNullCharactersValidator()]
    )
    field = models.CharField(
        _("field"), max_length=TEXT_MAX, blank=True, validators=[ProhibitNullCharactersValidator()]
    )
    level = models.CharField(_("level"), max_length=16, choices=Level.choices, blank=True)
    years = models.PositiveSmallIntegerField(_("years"), null=True, blank=True)
    months = models.PositiveSmallIntegerField(_("months"), null=True, blank=True)
    # Staff only: never in what a candidate reads about someone else.
    organisation = models.CharField(
        _("employer or school"),
        max_length=TEXT_MAX,
        blank=True,
        validators=[ProhibitNullCharactersValidator()],
    )
    from_year = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    to_year = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)
    needs_review = models.BooleanField(_("needs review"), default=False)
    # The free text a merit was read from, kept while it waits for review.
    source_text = models.TextField(_("written as"), blank=True)

    class Meta:
        verbose_name = _("merit")
        verbose_name_plural = _("merits")
        ordering = ["application_id", "kind", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(months__isnull=True) | Q(months__lte=11),
                name="merit_months_under_a_year",
                violation_error_message=_("Give at most 11 months; count whole years as years."),
            ),
            models.CheckConstraint(
                condition=Q(years__isnull=True) | Q(years__lte=80),
                name="merit_years_in_range",
                violation_error_message=_("Give at most 80 years."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(from_year__isnull=True)
                    | Q(to_year__isnull=True)
                    | Q(to_year__gte=F("from_year"))
                ),
                name="merit_period_in_order",
                violation_error_message=_("The period ends before it starts."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(level="")
                    | Q(
                        kind="education",
                        level__in=[
                            "course",
                            "upper_secondary",
                            "vocational",
                            "university",
                            "bachelor",
                            "master",
                            "doctorate",
                        ],
                    )
                    | Q(kind="experience", level__in=["leadership", "internship"])
                    | Q(
                        kind="other", level__in=["licence", "certificate", "language", "assignment"]
                    )
                ),
                name="merit_level_of_its_kind",
                violation_error_message=_("This level does not belong to this kind of merit."),
            ),
        ]

    def __str__(self) -> str:
        return self.role or self.field or self.get_level_display()

    @property
    def length_months(self) -> int | None:
        if self.years is None and self.months is None:
            return None
        return (self.years or 0) * 12 + (self.months or 0)


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


class TalentPoolConsent(models.Model):
    """A candidate's consent to be kept for future jobs (GDPR art. 6.1 a): given by ticking a
    box on their page, for a time (``Organisation.talent_pool_months``), withdrawn at any time
    (art. 7.3). The text they agreed to is kept as it was shown, in the language it was shown
    in, because the controller must be able to show what was consented to (art. 7.1).

    Rows are never deleted by the talent pool: leaving sets ``withdrawn_at``. Renewing ends
    a consent too, without withdrawing it: the candidate agrees again to the text shown then,
    a new consent from that moment (``renews`` points back), and the old one gets
    ``renewed_at``, the moment it was replaced. So each consent keeps what was agreed to and
    for how long, and the chain shows that they follow each other without a gap."""

    class Via(models.TextChoices):
        PORTAL = "portal", _("The candidate's page")
        # Withdrawn by staff for the candidate, with an erasure request they passed on.
        STAFF = "staff", _("Staff on the candidate's behalf")

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="talent_pool_consents"
    )
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    expires_at = models.DateTimeField(_("valid until"))
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    scope = models.CharField(
        _("kinds of jobs"),
        max_length=300,
        blank=True,
        validators=[ProhibitNullCharactersValidator()],
        help_text=_("Which kinds of jobs the candidate wants to hear about (empty: any)."),
    )
    text = models.TextField(_("consent text shown"))
    language = models.CharField(_("language shown"), max_length=2, choices=Language.choices)
    via = models.CharField(_("given through"), max_length=8, choices=Via.choices)
    # When the candidate was asked to renew it, a month before it ends (the ``talent_pool``
    # sweep): once per consent.
    renewal_asked_at = models.DateTimeField(_("renewal asked"), null=True, blank=True)
    # When the candidate renewed it: it ended then, replaced by the consent that ``renews`` it.
    renewed_at = models.DateTimeField(_("renewed"), null=True, blank=True)
    renews = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="renewed_by",
        verbose_name=_("renews"),
    )

    class Meta:
        verbose_name = _("talent pool consent")
        verbose_name_plural = _("talent pool consents")
        ordering = ["-given_at", "-pk"]
        indexes = [models.Index(fields=["candidate", "expires_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("given_at")), name="talent_pool_expires_after_given"
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=F("given_at")),
                name="talent_pool_withdrawn_after_given",
            ),
            models.CheckConstraint(condition=~Q(text=""), name="talent_pool_text_kept"),
            # A consent ends once: withdrawn, or replaced by its renewal.
            models.CheckConstraint(
                condition=Q(renewed_at__isnull=True)
                | (Q(withdrawn_at__isnull=True) & Q(renewed_at__gte=F("given_at"))),
                name="talent_pool_renewed_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} · {self.given_at:%Y-%m-%d}"

    def valid_at(self, at: dt.datetime) -> bool:
        return (
            self.withdrawn_at is None
            and (self.renewed_at is None or at < self.renewed_at)
            and self.given_at <= at < self.expires_at
        )


class TalentPoolInvitation(models.Model):
    """A person in the talent pool invited by staff to apply to an open recruitment: once per
    person and recruitment, under the consent that held at the time."""

    candidate = models.ForeignKey(
        Candidate, on_delete=models.CASCADE, related_name="talent_pool_invitations"
    )
    recruitment = models.ForeignKey(
        Recruitment, on_delete=models.CASCADE, related_name="talent_pool_invitations"
    )
    consent = models.ForeignKey(
        TalentPoolConsent, on_delete=models.CASCADE, related_name="invitations"
    )
    invited_at = models.DateTimeField(_("invited"), default=timezone.now)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The message that carried it (None when the candidate has no email address: refused).
    message = models.ForeignKey(
        "messaging.Message", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("talent pool invitation")
        verbose_name_plural = _("talent pool invitations")
        ordering = ["-invited_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "recruitment"],
                name="talent_pool_invited_once",
                violation_error_message=_("This person is already invited to this recruitment."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} → {self.recruitment}"


class Promise(models.Model):
    """One answer date promised to a candidate, and whether it was kept (P2, DESIGN §10).

    Opened when the date is given (the acknowledgement's, a new date at a stage change, an
    automatic new date, a reserve's date) and closed by the next news that ends it: a new date
    or the final answer. Kept when that news came on or before the date; broken when later; void
    when the candidate withdrew. A promise still open after its date is broken already (the
    metrics count it so). Written only by ``applications.promises`` (``promise_given`` and
    ``promises_answered``); holds no personal data, so it outlives anonymisation."""

    class Outcome(models.TextChoices):
        OPEN = "", _("Open")
        KEPT = "kept", _("Kept")
        BROKEN = "broken", _("Broken")
        VOID = "void", _("Void (withdrawn)")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="promises")
    due = models.DateField(_("promised by"))
    given_at = models.DateTimeField(_("given"))
    closed_at = models.DateTimeField(_("ended"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=8, choices=Outcome.choices, blank=True, default=""
    )

    class Meta:
        verbose_name = _("promise")
        verbose_name_plural = _("promises")
        ordering = ["given_at", "pk"]
        indexes = [
            models.Index(fields=["due"], name="promise_due"),
            models.Index(fields=["application", "closed_at"], name="promise_open"),
        ]
        constraints = [
            # At most one open promise per application.
            models.UniqueConstraint(
                fields=["application"], condition=Q(closed_at__isnull=True), name="one_open_promise"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application_id} · {self.due:%Y-%m-%d} · {self.outcome or 'open'}"


def pending_document_path(instance: object, filename: str) -> str:
    """Random names, in a folder no URL maps to, apart from the applications' documents."""
    return f"pending/{secrets.token_hex(16)}"


class PendingApplication(models.Model):
    """An application from the career form to an address that already has a candidate
    record: kept aside until the address's owner confirms it by the link mailed to it
    (``applications.pending``), so that nobody can add an application, and their own CV, to
    someone else's record by knowing their address. Deleted when confirmed or after
    ``PENDING_DAYS``."""

    recruitment = models.ForeignKey(Recruitment, on_delete=models.CASCADE, related_name="+")
    email = models.EmailField()
    # What the form held: names, phone, language and the merits as entered.
    data = models.JSONField(default=dict)
    # The documents: [{"path", "name", "kind", "type"}], stored under pending/.
    documents = models.JSONField(default=list)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("application waiting for confirmation")
        verbose_name_plural = _("applications waiting for confirmation")

    def __str__(self) -> str:
        return f"{self.recruitment_id}: {self.email}"
