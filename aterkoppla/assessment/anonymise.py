"""Retention for assessments: the results and scores stay (the metrics and the
active-measures report read them); every word an assessor wrote about the candidate goes (an
interview's time and place are the employer's, and stay)."""

from __future__ import annotations

from collections.abc import Iterable

from aterkoppla.assessment.models import Rating, Scorecard, Screening


def assessments_anonymise(application_ids: Iterable[int]) -> int:
    """Empty the notes of the screening, the scorecards' impression, strengths and tips and
    the evidence of each rating of these applications. Returns the number of rows changed."""
    ids = list(application_ids)
    changed = Screening.objects.filter(application_id__in=ids).exclude(note="").update(note="")
    changed += Scorecard.objects.filter(interview__application_id__in=ids).update(
        impression="", strengths="", tips=""
    )
    changed += Rating.objects.filter(scorecard__interview__application_id__in=ids).update(
        evidence=""
    )
    return changed
