"""The candidate-experience survey: who may answer it, and an answer (DESIGN §3, §10).

The one home of the rule. A candidate answers once per application, on their page, after
our final answer: a decision told (in writing, or by the call a rejection after an interview
is owed), a withdrawal confirmed, a hire. An answer is never put on the timeline: the staff
read the timeline, and they see the answers only in aggregate (docs/DECISIONS.md).
"""

from __future__ import annotations

from enum import StrEnum

from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aterkoppla.applications.models import Application
from aterkoppla.decisions.models import CallTask
from aterkoppla.experience.models import SurveyResponse
from aterkoppla.recruitment.models import Language

__all__ = [
    "COMMENT_MAX_LENGTH",
    "REFUSALS",
    "SurveyStatus",
    "survey_answer",
    "survey_refusal",
    "survey_status",
]

COMMENT_MAX_LENGTH = 2000

# The closed stage an answer is given in, as the answer keeps it.
_OUTCOMES = {
    Application.Stage.HIRED: SurveyResponse.Outcome.HIRED,
    Application.Stage.REJECTED: SurveyResponse.Outcome.REJECTED,
    Application.Stage.WITHDRAWN: SurveyResponse.Outcome.WITHDRAWN,
}


class SurveyStatus(StrEnum):
    OPEN = "open"  # may answer now
    ANSWERED = "answered"  # answered already: once per application
    NOT_YET = "not_yet"  # no final answer yet (open, or a rejection still owed its call)
    CLOSED = "closed"  # the application's personal data was removed


def survey_status(application: Application) -> SurveyStatus:
    """Where the application stands with the survey. Reads the database only for an
    application with its final answer (whether it was answered)."""
    if application.anonymised_at is not None or application.scrubbed_at is not None:
        return SurveyStatus.CLOSED
    # ``final_answer_at`` is set when the candidate has been told: at closing, except a
    # rejection owed a call, told when the call is reached or the written fallback sent
    # (``applications.services.application_answered``). A reserve is still open.
    if application.is_open or application.final_answer_at is None:
        return SurveyStatus.NOT_YET
    if SurveyResponse.objects.filter(application_id=application.pk).exists():
        return SurveyStatus.ANSWERED
    return SurveyStatus.OPEN


REFUSALS = {
    SurveyStatus.CLOSED: gettext_lazy(
        "The survey is closed: the data of this application has been removed."
    ),
    SurveyStatus.NOT_YET: gettext_lazy(
        "You can answer the survey once you have had our final answer."
    ),
    SurveyStatus.ANSWERED: gettext_lazy(
        "You have already answered the survey for this application. Thank you!"
    ),
}


def survey_refusal(application: Application) -> str | None:
    """Why the candidate may not answer the survey for ``application`` (in the active
    language), or None when they may."""
    status = survey_status(application)
    return None if status == SurveyStatus.OPEN else str(REFUSALS[status])


def _channel(application: Application) -> str:
    """How the final answer was given: by the feedback call when it reached the candidate,
    else in writing (a rejection, the letter after unanswered calls, a confirmation)."""
    called = CallTask.objects.filter(
        application_id=application.pk, status=CallTask.Status.DONE
    ).exists()
    return SurveyResponse.Channel.CALL if called else SurveyResponse.Channel.WRITTEN


def _clean(
    *, recommend: int, clear_reason: str, respectful: str, comment: str, language: str
) -> dict[str, object]:
    errors: dict[str, str] = {}
    if isinstance(recommend, bool) or not isinstance(recommend, int) or not 0 <= recommend <= 10:
        errors["recommend"] = _("Choose a number from 0 to 10.")
    answers = SurveyResponse.Answer.values
    if clear_reason not in answers:
        errors["clear_reason"] = _("Choose yes, partly or no.")
    if respectful not in answers:
        errors["respectful"] = _("Choose yes, partly or no.")
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX_LENGTH:
        errors["comment"] = _("Write at most %(count)s characters.") % {"count": COMMENT_MAX_LENGTH}
    else:
        try:
            ProhibitNullCharactersValidator()(comment)
        except ValidationError:
            errors["comment"] = _("The text contains a character that cannot be saved.")
    if errors:
        raise ValidationError(errors)
    return {
        "recommend": recommend,
        "clear_reason": clear_reason,
        "respectful": respectful,
        "comment": comment,
        "language": language if language in Language.values else Language.SV,
    }


@transaction.atomic
def survey_answer(
    *,
    application: Application,
    recommend: int,
    clear_reason: str,
    respectful: str,
    comment: str = "",
    language: str,
) -> SurveyResponse:
    """Save the candidate's answer to the survey: once per application, after the final
    answer (:func:`survey_refusal`), with the outcome and the channel of that answer as they
    are now, so the answers can be split by them after the application is anonymised.

    ``ValidationError`` for a refusal (a second answer among them) or bad input (by field).
    Nothing goes on the timeline: the staff see answers only in aggregate."""
    row = Application.objects.select_for_update().get(pk=application.pk)
    status = survey_status(row)
    if status != SurveyStatus.OPEN:
        raise ValidationError(str(REFUSALS[status]), code=str(status))
    fields = _clean(
        recommend=recommend,
        clear_reason=clear_reason,
        respectful=respectful,
        comment=comment,
        language=language,
    )
    response = SurveyResponse(
        application=row,
        outcome=_OUTCOMES[Application.Stage(row.stage)],
        channel=_channel(row),
        **fields,
    )
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError:
        # Answered at the same moment in another request (SQLite does not lock rows).
        answered = SurveyStatus.ANSWERED
        raise ValidationError(str(REFUSALS[answered]), code=str(answered)) from None
    return response
