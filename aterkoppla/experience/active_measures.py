"""The report for the employer's yearly work with active measures (diskrimineringslagen
3 kap. 5–7 §§: examine the risks of discrimination in, among other things, recruitment,
analyse the causes, act and follow up, and document it each year, 3 kap. 13 §).

Per recruitment and across them, for the applications received in one year: how many reached
each stage, which requirements were used, how the answers were given per outcome, how long
answers took and whether promises were kept, what the language check found (counts per
category only) and the requests for the written information (2 kap. 4 §).

The report holds no personal data: counts, the recruitments' titles and their requirement
profiles. No name, contact detail, note or merit of any candidate, and no staff member's name.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Q
from django.utils import timezone

from aterkoppla.applications.models import Application
from aterkoppla.decisions.models import CallTask, DecisionItem, DisclosureRequest
from aterkoppla.experience.metrics import Figures, Period, metrics_report
from aterkoppla.language.models import LanguageOverride
from aterkoppla.messaging.models import Message
from aterkoppla.recruitment.models import Criterion, Recruitment

Stage = Application.Stage
# The stages in the order a candidate passes them, then the ends.
STAGE_ORDER = [
    Stage.RECEIVED,
    Stage.SCREENING,
    Stage.INTERVIEW,
    Stage.RESERVE,
    Stage.OFFER,
    Stage.HIRED,
    Stage.REJECTED,
    Stage.WITHDRAWN,
]


class Answer:
    """How a decision's answer reached the candidate, per outcome (the report's rows)."""

    HIRED = "hired"
    RESERVE = "reserve"
    CALLED = "called"  # interviewed, not chosen, reached by phone
    CALL_FALLBACK = "call_fallback"  # … written to after unanswered calls
    CALL_PENDING = "call_pending"  # … still to be called
    EMAIL = "email"  # not chosen, told by email
    LETTER = "letter"  # not chosen, told by letter

    ORDER = (HIRED, RESERVE, CALLED, CALL_FALLBACK, CALL_PENDING, EMAIL, LETTER)


@dataclass
class Measures:
    """One recruitment's part of the report (or all of them)."""

    stages: Counter[str] = field(default_factory=Counter)
    interviewed: int = 0
    answers: Counter[str] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)
    disclosures: Counter[str] = field(default_factory=Counter)  # total, on_time, late, open
    criteria: list[Criterion] = field(default_factory=list)
    figures: Figures = field(default_factory=Figures)

    @property
    def applications(self) -> int:
        return sum(self.stages.values())

    def add(self, other: Measures) -> None:
        self.stages.update(other.stages)
        self.interviewed += other.interviewed
        self.answers.update(other.answers)
        self.findings.update(other.findings)
        self.disclosures.update(other.disclosures)


@dataclass
class ActiveMeasures:
    year: int
    recruitments: list[Recruitment]
    per_recruitment: dict[int, Measures]
    total: Measures

    def rows(self) -> list[tuple[Recruitment, Measures]]:
        return [(r, self.per_recruitment[r.pk]) for r in self.recruitments]

    @property
    def categories_used(self) -> Counter[str]:
        """How many requirements of each category the recruitments used."""
        return Counter(c.category for m in self.per_recruitment.values() for c in m.criteria)


def year_period(year: int) -> Period:
    return Period(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))


def active_measures(
    *, recruitments: Iterable[Recruitment], year: int, now: dt.datetime | None = None
) -> ActiveMeasures:
    """The report for the applications received in ``year`` to ``recruitments``; the same
    number of queries whatever their number."""
    now = now or timezone.now()
    recruitments = list(recruitments)
    ids = [r.pk for r in recruitments]
    period = year_period(year)
    scope = Q(application__recruitment_id__in=ids) & period.q("application__")
    per = {pk: Measures() for pk in ids}

    applications = Application.objects.filter(Q(recruitment_id__in=ids) & period.q())
    for row in applications.values("recruitment_id", "stage").annotate(n=Count("pk")).order_by():
        per[row["recruitment_id"]].stages[row["stage"]] = row["n"]
    interviewed = (
        applications.filter(interviewed=True)
        .values_list("recruitment_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for recruitment_id, n in interviewed:
        per[recruitment_id].interviewed = n

    for criterion in Criterion.objects.filter(recruitment_id__in=ids).order_by("order", "pk"):
        per[criterion.recruitment_id].criteria.append(criterion)

    _count_answers(per, scope)
    _count_findings(per, scope)
    _count_disclosures(per, scope, timezone.localdate(now))

    figures = metrics_report(recruitments=recruitments, period=period, now=now)
    total = Measures(figures=figures.total)
    for pk, measures in per.items():
        measures.figures = figures.per_recruitment[pk]
        total.add(measures)
    return ActiveMeasures(year=year, recruitments=recruitments, per_recruitment=per, total=total)


def _count_answers(per: dict[int, Measures], scope: Q) -> None:
    rows = (
        DecisionItem.objects.filter(scope)
        .values(
            "application__recruitment_id", "result", "channel", "application__call_task__status"
        )
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        per[row["application__recruitment_id"]].answers[_answer(row)] += row["n"]


def _answer(row: Mapping[str, Any]) -> str:
    result = row["result"]
    if result == DecisionItem.Result.HIRED:
        return Answer.HIRED
    if result == DecisionItem.Result.RESERVE:
        return Answer.RESERVE
    status = row["application__call_task__status"]
    if status == CallTask.Status.DONE:
        return Answer.CALLED
    if status == CallTask.Status.WRITTEN:
        return Answer.CALL_FALLBACK
    if status == CallTask.Status.OPEN:
        return Answer.CALL_PENDING
    return Answer.LETTER if row["channel"] == "letter" else Answer.EMAIL


def _count_findings(per: dict[int, Measures], scope: Q) -> None:
    """The language check's findings in texts about these applications that were kept with
    a reason or sent: their categories only (what a text said is never read here)."""
    for source in (
        LanguageOverride.objects.filter(scope).exclude(findings=[]),
        Message.objects.filter(scope).exclude(findings=[]),
    ):
        for recruitment_id, findings in source.values_list(
            "application__recruitment_id", "findings"
        ).order_by():
            for finding in findings or []:
                category = finding.get("category") if isinstance(finding, dict) else None
                if category:
                    per[recruitment_id].findings[category] += 1


def _count_disclosures(per: dict[int, Measures], scope: Q, today: dt.date) -> None:
    answered = Q(status=DisclosureRequest.Status.ANSWERED)
    rows = (
        DisclosureRequest.objects.filter(scope)
        .values("application__recruitment_id")
        .annotate(
            total=Count("pk"),
            on_time=Count("pk", filter=answered & Q(answered_at__date__lte=F("due"))),
            late=Count(
                "pk",
                filter=(answered & Q(answered_at__date__gt=F("due")))
                | Q(status="open", due__lt=today),
            ),
            open=Count("pk", filter=Q(status=DisclosureRequest.Status.OPEN, due__gte=today)),
        )
        .order_by()
    )
    for row in rows:
        counter = per[row["application__recruitment_id"]].disclosures
        for key in ("total", "on_time", "late", "open"):
            counter[key] = row[key]


def group_by_category(findings: Counter[str]) -> list[tuple[str, int]]:
    return sorted(findings.items(), key=lambda item: (-item[1], item[0]))
