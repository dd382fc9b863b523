"""The employer that runs this instance of Återkoppla: one row, edited on the settings page."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    # No name until someone writes it: messages are held until the contact details are
    # complete (``organisation.contact``), so no candidate hears from "Exempel AB".
    name = models.CharField(_("name"), max_length=200)
    website = models.URLField(_("website"), blank=True)
    city = models.CharField(
        _("city"), max_length=100, blank=True, help_text=_("Where the jobs are, unless a job says.")
    )
    country = models.CharField(_("country code"), max_length=2, default="SE")
    sender_email = models.EmailField(
        _("sender address"),
        blank=True,
        help_text=_(
            "Messages come from this address (it must be one your mail server may send from). "
            "Empty: the server's default address, unless that is a no-reply address."
        ),
    )
    contact_email = models.EmailField(
        _("contact address for candidates"),
        blank=True,
        help_text=_(
            "An address a person reads. Candidates' replies go to the recruiter who owns the "
            "recruitment, or here when the recruiter has no email address; messages and the "
            "privacy notice name it."
        ),
    )
    phone = models.CharField(
        _("phone"), max_length=30, blank=True, help_text=_("Shown to candidates in messages.")
    )
    privacy_contact = models.EmailField(
        _("privacy contact"),
        blank=True,
        help_text=_(
            "Where candidates ask about their personal data (or your data protection officer). "
            "Empty: the contact address for candidates."
        ),
    )
    privacy_notice_sv = models.TextField(
        _("privacy notice in Swedish"),
        blank=True,
        help_text=_("Sent with every acknowledgement. Empty: the default text."),
    )
    privacy_notice_en = models.TextField(
        _("privacy notice in English"),
        blank=True,
        help_text=_("Sent with every acknowledgement. Empty: the default text."),
    )
    retention_months = models.PositiveSmallIntegerField(
        _("retention in months"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "How long applications are kept after the final answer. A discrimination claim "
            "about hiring can be brought up to two years after the decision."
        ),
    )
    talent_pool_months = models.PositiveSmallIntegerField(
        _("talent pool in months"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(36)],
        help_text=_(
            "How long a candidate who joins the talent pool stays in it, unless they leave it "
            "earlier. Then their consent runs out."
        ),
    )
    disclosure_working_days = models.PositiveSmallIntegerField(
        _("written information within, in working days"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_(
            "How soon a request for the written information under diskrimineringslagen "
            "2 kap. 4 § is answered."
        ),
    )
    promise_auto_update = models.BooleanField(
        _("update candidates automatically"),
        default=True,
        help_text=_(
            "When a promised answer date passes without news, tell the candidate that the "
            "recruitment is still in progress and give a new date."
        ),
    )
    promise_postpone_days = models.PositiveSmallIntegerField(
        _("postponement in working days"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )
    promise_max_updates = models.PositiveSmallIntegerField(
        _("automatic updates at most"),
        default=2,
        validators=[MaxValueValidator(10)],
        help_text=_("After this many automatic updates, only the staff are alerted."),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisation")
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="organisation_singleton")
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> Organisation:
        organisation, _created = cls.objects.get_or_create(pk=1)
        return organisation

    def clean(self) -> None:
        """An own notice may not state a storage period the settings do not keep (GDPR
        art. 13.2 a: the notice tells the truth about how long)."""
        from aterkoppla.organisation.privacy import notice_months_error

        errors = {}
        for name in ("privacy_notice_sv", "privacy_notice_en"):
            error = notice_months_error(getattr(self, name), self)
            if error:
                errors[name] = error
        if errors:
            raise ValidationError(errors)

    def privacy_notice(self, language: str) -> str:
        """The notice in ``language``: the organisation's own text, else the default."""
        from aterkoppla.organisation.privacy import default_privacy_notice

        own = self.privacy_notice_en if language == "en" else self.privacy_notice_sv
        return own.strip() or default_privacy_notice(self, language)
