"""Retention for decisions: the result, the channel, the decisive requirements, the call
attempts' times and outcomes and the requests for written information stay; the decider's
explanation and the caller's notes go."""

from __future__ import annotations

from collections.abc import Iterable

from aterkoppla.decisions.models import CallAttempt, DecisionItem


def decisions_anonymise(application_ids: Iterable[int]) -> int:
    """Empty the explanations and call notes of these applications."""
    ids = list(application_ids)
    changed = DecisionItem.objects.filter(application_id__in=ids).update(explanation="")
    changed += CallAttempt.objects.filter(task__application_id__in=ids).update(notes="")
    return changed
