"""Retention for the survey: the scores, the two answers, the outcome and the channel stay
(what the metrics need, about nobody); the candidate's own words go."""

from __future__ import annotations

from collections.abc import Iterable

from aterkoppla.experience.models import SurveyResponse


def survey_anonymise(application_ids: Iterable[int]) -> int:
    """Empty the comments of these applications' survey answers."""
    return (
        SurveyResponse.objects.filter(application_id__in=list(application_ids))
        .exclude(comment="")
        .update(comment="")
    )
