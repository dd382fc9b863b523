"""The step indicator at the top of the candidate page: where the application is on its way
from received to our answer, told without saying before the call what the call will say."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aterkoppla.applications.models import Application

if TYPE_CHECKING:
    from django.utils.functional import Promise

Stage = Application.Stage


class State(StrEnum):
    DONE = "done"
    CURRENT = "current"
    SKIPPED = "skipped"  # closed before it was reached
    AHEAD = "ahead"


@dataclass(frozen=True)
class Step:
    label: Promise
    state: State
    note: Promise | str = ""


# Short labels of their own (Swedish: "Ansökan mottagen", "Granskning", "Intervju", "Besked").
LABELS: tuple[Promise, ...] = (
    pgettext_lazy("progress step", "Application received"),
    pgettext_lazy("progress step", "Review"),
    pgettext_lazy("progress step", "Interview"),
    pgettext_lazy("progress step", "Answer"),
)
ANSWER = len(LABELS) - 1
INTERVIEW = 2

# The step each open stage (and each stage an application was closed from) stands at.
STEP_OF_STAGE: dict[str, int] = {
    Stage.RECEIVED: 0,
    Stage.SCREENING: 1,
    Stage.INTERVIEW: INTERVIEW,
    Stage.RESERVE: INTERVIEW,
    Stage.OFFER: INTERVIEW,
}
OPEN_NOTES: dict[str, Promise] = {
    Stage.RESERVE: _("You are a reserve"),
    Stage.OFFER: _("Final candidate"),
}
OUTCOME_NOTES: dict[str, Promise] = {
    Stage.HIRED: _("You got the job"),
    Stage.REJECTED: _("Not this time"),
    Stage.WITHDRAWN: _("You withdrew"),
}
# A no after an interview is told by phone first (DESIGN §4): until then the page says only
# how it will come.
BY_PHONE = _("Comes by phone")


def progress_steps(application: Application) -> list[Step]:
    """The four steps (received, review, interview, answer) with where the application is."""
    if application.is_open:
        current = STEP_OF_STAGE[application.stage]
        return [
            Step(
                label,
                State.DONE if n < current else State.CURRENT if n == current else State.AHEAD,
                OPEN_NOTES.get(application.stage, "") if n == current else "",
            )
            for n, label in enumerate(LABELS)
        ]
    reached = STEP_OF_STAGE.get(application.closed_from_stage, 0)
    if application.interviewed:
        reached = max(reached, INTERVIEW)
    note = BY_PHONE if application.awaiting_answer else OUTCOME_NOTES[application.stage]
    return [
        *(
            Step(label, State.DONE if n <= reached else State.SKIPPED)
            for n, label in enumerate(LABELS[:ANSWER])
        ),
        Step(LABELS[ANSWER], State.CURRENT, note),
    ]
