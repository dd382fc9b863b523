"""The comparison matrix: interviewed candidates × the requirement profile.

Reads only. A fixed number of queries however many candidates there are: the criteria, the
applications, every rating, the must screenings and the interviewer slots still without a
scorecard, each in one query; the rest is arithmetic over those results.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from django.db.models import Exists, OuterRef

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application, Merit
from aterkoppla.assessment.models import Interview, Rating, Scorecard, Screening
from aterkoppla.recruitment.models import Criterion, Recruitment

# A must is not met when the interviewers' mean falls below "3 · Meets the requirement".
MEETS = 3
# Scores this far apart mean the interviewers saw different things: talk before deciding.
DISAGREEMENT = 2

Result = Screening.Result


class Flag:
    NOT_MET = "not_met"
    PARTLY = "partly"
    MET = "met"
    UNKNOWN = ""


@dataclass(frozen=True)
class Column:
    criterion: Criterion

    @property
    def key(self) -> str:
        return f"c{self.criterion.pk}"

    @property
    def is_must(self) -> bool:
        return self.criterion.kind == Criterion.Kind.MUST


@dataclass(frozen=True)
class Cell:
    column: Column
    scores: tuple[int, ...] = ()
    screening: str = ""
    mean_exact: Fraction | None = None

    @property
    def count(self) -> int:
        return len(self.scores)

    @property
    def mean(self) -> Decimal | None:
        return _round(self.mean_exact, "0.1")

    @property
    def disagreement(self) -> bool:
        return bool(self.scores) and max(self.scores) - min(self.scores) >= DISAGREEMENT

    @property
    def flag(self) -> str:
        """For a must: not met, partly, met, or unknown (neither screened nor scored)."""
        if not self.column.is_must:
            return Flag.UNKNOWN
        if self.screening == Result.NOT_MET or (
            self.mean_exact is not None and self.mean_exact < MEETS
        ):
            return Flag.NOT_MET
        if self.screening == Result.PARTLY:
            return Flag.PARTLY
        if self.screening == Result.MET or self.mean_exact is not None:
            return Flag.MET
        return Flag.UNKNOWN


@dataclass(frozen=True)
class MissingScorecard:
    interview_id: int
    name: str


@dataclass
class Row:
    application: Application
    cells: list[Cell] = field(default_factory=list)
    missing_scorecards: list[MissingScorecard] = field(default_factory=list)
    # The viewer interviews this candidate and has not scored yet: the scores stay hidden.
    hidden: bool = False
    own_interview_id: int | None = None

    @property
    def name(self) -> str:
        return self.application.candidate.full_name

    @property
    def merits_missing(self) -> bool:
        return self.application.merits_missing

    @property
    def merits(self) -> list[Merit]:
        """Prefetched: education, then work experience, then other merits."""
        return list(self.application.merits.all())

    @property
    def scored(self) -> int:
        return sum(1 for cell in self.cells if cell.mean_exact is not None)

    @property
    def total_exact(self) -> Fraction | None:
        """Σ(weight × mean) / Σ(weight) over the criteria that have a mean."""
        scored = [
            (c.column.criterion.weight, c.mean_exact)
            for c in self.cells
            if c.mean_exact is not None
        ]
        weights = sum(weight for weight, _mean in scored)
        if not weights:
            return None
        return sum((weight * mean for weight, mean in scored), Fraction(0)) / weights

    @property
    def total(self) -> Decimal | None:
        return _round(self.total_exact, "0.01")

    @property
    def musts(self) -> int:
        return sum(1 for cell in self.cells if cell.column.is_must)

    @property
    def musts_met(self) -> int:
        return sum(1 for cell in self.cells if cell.column.is_must and cell.flag == Flag.MET)

    def sort_value(self, key: str) -> Any:
        """The value the row sorts by; None (always last) when there is nothing to show."""
        if key == "name":
            return (
                self.application.candidate.last_name.casefold(),
                self.application.candidate.first_name.casefold(),
            )
        if self.hidden:
            # A hidden row must not give its scores away through its place in the order.
            return None
        if key == "total":
            return self.total_exact
        if key == "musts":
            return self.musts_met
        for cell in self.cells:
            if cell.column.key == key:
                return cell.mean_exact
        return None


@dataclass
class Matrix:
    columns: list[Column]
    rows: list[Row]

    @property
    def sort_keys(self) -> set[str]:
        return {"total", "name", "musts", *(column.key for column in self.columns)}


def _round(value: Fraction | None, places: str) -> Decimal | None:
    if value is None:
        return None
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def profile_columns(criteria: Iterable[Criterion]) -> list[Column]:
    """Musts first, then merits; within each, heaviest first, then in profile order."""
    ordered = sorted(
        criteria, key=lambda c: (c.kind != Criterion.Kind.MUST, -c.weight, c.order, c.pk)
    )
    return [Column(criterion=c) for c in ordered]


def build_matrix(
    *,
    criteria: Iterable[Criterion],
    applications: Sequence[Application],
    ratings: Iterable[tuple[int, int, int]],
    screenings: Iterable[tuple[int, int, str]],
    unscored: Iterable[tuple[int, int, int, bool, str]],
    viewer_id: int | None,
) -> Matrix:
    """Assemble the matrix from query results (pure: no database access).

    ``ratings``: (application id, criterion id, score); ``screenings``: (application id,
    criterion id, result); ``unscored``: (application id, interview id, interviewer id,
    interview held, interviewer name) for each interviewer without a scorecard.
    """
    columns = profile_columns(criteria)
    scores: dict[tuple[int, int], list[int]] = defaultdict(list)
    for application_id, criterion_id, score in ratings:
        scores[application_id, criterion_id].append(score)
    screened = {(a, c): result for a, c, result in screenings}
    missing: dict[int, list[MissingScorecard]] = defaultdict(list)
    own: dict[int, int] = {}
    for application_id, interview_id, user_id, held, name in unscored:
        if held:
            missing[application_id].append(MissingScorecard(interview_id, name))
        if user_id == viewer_id:
            own.setdefault(application_id, interview_id)
    rows = []
    for application in applications:
        row = Row(
            application=application,
            missing_scorecards=missing.get(application.pk, []),
            hidden=application.pk in own,
            own_interview_id=own.get(application.pk),
        )
        for column in columns:
            criterion_id = column.criterion.pk
            if row.hidden:
                row.cells.append(Cell(column=column))
                continue
            values = tuple(sorted(scores.get((application.pk, criterion_id), ())))
            row.cells.append(
                Cell(
                    column=column,
                    scores=values,
                    screening=screened.get((application.pk, criterion_id), ""),
                    mean_exact=Fraction(sum(values), len(values)) if values else None,
                )
            )
        rows.append(row)
    return Matrix(columns=columns, rows=rows)


def comparison_matrix(*, recruitment: Recruitment, viewer: User) -> Matrix:
    """The interviewed candidates of the recruitment against its profile, in six queries."""
    criteria = list(Criterion.objects.filter(recruitment=recruitment))
    applications = list(
        recruitment.applications.filter(interviewed=True)
        .exclude(stage=Application.Stage.WITHDRAWN)
        .select_related("candidate")
        .prefetch_related("merits")
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )
    ids = [a.pk for a in applications]
    criterion_ids = [c.pk for c in criteria]
    ratings = Rating.objects.filter(
        scorecard__interview__application_id__in=ids, criterion_id__in=criterion_ids
    ).values_list("scorecard__interview__application_id", "criterion_id", "score")
    screenings = Screening.objects.filter(
        application_id__in=ids,
        criterion_id__in=[c.pk for c in criteria if c.kind == Criterion.Kind.MUST],
    ).values_list("application_id", "criterion_id", "result")
    slots = Interview.interviewers.through.objects
    unscored = (
        slots.filter(interview__application_id__in=ids, interview__cancelled_at__isnull=True)
        .exclude(
            Exists(
                Scorecard.objects.filter(
                    interview_id=OuterRef("interview_id"), interviewer_id=OuterRef("user_id")
                )
            )
        )
        .order_by("interview__scheduled_at", "interview_id", "user__first_name", "user_id")
        .values_list(
            "interview__application_id",
            "interview_id",
            "user_id",
            "interview__held_at",
            "user__first_name",
            "user__last_name",
        )
    )
    return build_matrix(
        criteria=criteria,
        applications=applications,
        ratings=list(ratings),
        screenings=list(screenings),
        unscored=[
            (a, i, u, held is not None, f"{first} {last}".strip())
            for a, i, u, held, first, last in unscored
        ],
        viewer_id=viewer.pk,
    )


def sort_rows(rows: list[Row], key: str, *, descending: bool) -> list[Row]:
    """Rows in order of ``key``; rows with nothing to sort by come last either way."""
    present = [r for r in rows if r.sort_value(key) is not None]
    absent = [r for r in rows if r.sort_value(key) is None]
    present.sort(key=lambda r: r.sort_value(key), reverse=descending)
    return present + absent
