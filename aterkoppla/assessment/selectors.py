"""Reads for assessment pages: who sees which interview, and whose scorecards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application
from aterkoppla.applications.selectors import application_access
from aterkoppla.assessment.events import SCORECARD_CHANGED
from aterkoppla.assessment.models import Interview, Rating, Scorecard
from aterkoppla.core.meta import model_field
from aterkoppla.recruitment.selectors import Access


def interview_access(user: User, interview: Interview) -> Access | None:
    """Access to an interview is access to its application."""
    return application_access(user, interview.application)


def is_interviewer(user: User, interview: Interview) -> bool:
    return any(u.pk == user.pk for u in interview.interviewers.all())


def owes_scorecard(user: User, interview: Interview, scorecards: list[Scorecard]) -> bool:
    """An interviewer of this interview who has not submitted their own scorecard."""
    return is_interviewer(user, interview) and not any(
        card.interviewer_id == user.pk for card in scorecards
    )


def scorecards_of(interview: Interview) -> list[Scorecard]:
    ratings = Rating.objects.select_related("criterion").order_by(
        "criterion__kind", "criterion__order", "criterion_id"
    )
    return list(
        interview.scorecards.select_related("interviewer").prefetch_related(
            Prefetch("ratings", queryset=ratings)
        )
    )


@dataclass(frozen=True)
class ScorecardView:
    """What one user may see of an interview's scorecards (DESIGN §3: independent scoring)."""

    own: Scorecard | None
    others: list[Scorecard]
    # True while the user is an interviewer who has not submitted: the others stay hidden.
    hidden: bool
    # Who has submitted (not what): shown to everyone beside the interviewers' names.
    submitted_by: frozenset[int]


def scorecards_for(user: User, interview: Interview) -> ScorecardView:
    cards = scorecards_of(interview)
    own = next((card for card in cards if card.interviewer_id == user.pk), None)
    hidden = owes_scorecard(user, interview, cards)
    others = [] if hidden else [card for card in cards if card.interviewer_id != user.pk]
    submitted_by = frozenset(card.interviewer_id for card in cards)
    return ScorecardView(own=own, others=others, hidden=hidden, submitted_by=submitted_by)


@dataclass(frozen=True)
class Change:
    """One change to a submitted scorecard: when, and what each changed part said before."""

    at: dt.datetime
    before: list[tuple[str, str]]


def _earlier(key: str, old: object) -> tuple[str, str]:
    if key.startswith("rating:"):
        name = key.removeprefix("rating:")
        # A rating was {"score": …, "evidence": …}; None when there was none.
        if not isinstance(old, dict) or not old:
            return name, "–"
        text = str(old["score"])
        if old.get("evidence"):
            text += f" (“{old['evidence']}”)"
        return name, text
    return str(model_field(Scorecard, key).verbose_name).capitalize(), str(old) or "–"


def scorecard_changes(application: Application, scorecard_ids: set[int]) -> dict[int, list[Change]]:
    """The changes made to submitted scorecards, kept on the timeline, per scorecard."""
    changes: dict[int, list[Change]] = {pk: [] for pk in scorecard_ids}
    events = application.timeline.filter(kind=SCORECARD_CHANGED).order_by("at")
    for event in events:
        pk = event.data.get("scorecard")
        if pk in changes:
            before = [_earlier(k, v) for k, v in event.data.get("before", {}).items()]
            changes[pk].append(Change(at=event.at, before=before))
    return changes


def interview_ahead_for_candidate(application: Application) -> Interview | None:
    """The interview the candidate is to come to, as their page shows it: booked and not
    cancelled (``InterviewQuerySet.current``), not yet held or over, the application still
    open. The earliest, if more than one is booked. Interviews are booked in the stages of
    someone invited (``interview_schedule``): other stages need no look."""
    if application.stage not in Application.INVITED_STAGES:
        return None
    now = timezone.now()
    for interview in Interview.objects.current().filter(
        application_id=application.pk, held_at__isnull=True
    ):
        if interview.scheduled_at + dt.timedelta(minutes=interview.duration_minutes) > now:
            return interview
    return None
