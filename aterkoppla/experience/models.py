"""What candidates said of how they were treated: the survey after the final answer
(DESIGN §3, §10)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, ProhibitNullCharactersValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aterkoppla.recruitment.models import Language

# Below this many answers a group is not shown on its own: a split of four answers could
# tell staff who said what.
MIN_GROUP_SIZE = 5


class SurveyResponse(models.Model):
    """One answer per application, given on the candidate's page after the final answer.

    Staff never see one answer on its own, only aggregates (``experience.metrics``). The
    outcome and the channel of the final answer are kept as they were when the candidate
    answered, so the answer can be split by them after the application is anonymised; the
    free text goes with the rest of the candidate's words."""

    class Answer(models.TextChoices):
        YES = "yes", _("Yes")
        PARTLY = "partly", _("Partly")
        NO = "no", _("No")

    class Outcome(models.TextChoices):
        HIRED = "hired", _("Hired")
        REJECTED = "rejected", _("Not chosen")
        RESERVE = "reserve", _("Reserve")
        WITHDRAWN = "withdrawn", _("Withdrew")

    class Channel(models.TextChoices):
        CALL = "call", _("By phone")
        WRITTEN = "written", _("In writing")

    application = models.OneToOneField(
        "applications.Application", on_delete=models.CASCADE, related_name="survey_response"
    )
    answered_at = models.DateTimeField(_("answered"), default=timezone.now)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    recommend = models.PositiveSmallIntegerField(
        _("would recommend us (0–10)"), validators=[MaxValueValidator(10)]
    )
    clear_reason = models.CharField(
        _("got a clear answer why"), max_length=8, choices=Answer.choices
    )
    respectful = models.CharField(
        _("felt respectfully treated"), max_length=8, choices=Answer.choices
    )
    comment = models.TextField(
        _("comment"), blank=True, max_length=2000, validators=[ProhibitNullCharactersValidator()]
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    channel = models.CharField(_("told"), max_length=8, choices=Channel.choices)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        indexes = [models.Index(fields=["answered_at"])]
        constraints = [
            models.CheckConstraint(condition=Q(recommend__lte=10), name="survey_recommend_0_10"),
        ]

    def __str__(self) -> str:
        return f"survey answer {self.pk}"
