"""The candidate-experience figures (DESIGN §10): did every candidate hear from us in time, by
the channel they were owed, and how did they rate it?

Everything is counted in the database, grouped by recruitment, in a fixed number of queries
whatever the number of applications: counts and shares with conditional aggregates, medians
with window functions (the middle row or two of each recruitment's sorted values). The
figures across recruitments are the sums of the counts, never an average of shares.

The period is that of the applications: those received between ``start`` and ``end``
(inclusive, local dates). Every figure is about those applications, wherever it happened.

A figure with nothing to count is ``None`` (shown "–", ``null`` in the API and CSV), never 0.
The survey's answers are shown only in groups of at least ``MIN_GROUP_SIZE``, the whole as
well as each split: a group of four could tell staff who said what.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import (
    Aggregate,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    Q,
    QuerySet,
    Value,
    Window,
)
from django.db.models.functions import RowNumber
from django.utils import timezone

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application, Promise
from aterkoppla.decisions.models import CallAttempt, CallTask, DisclosureRequest
from aterkoppla.experience.models import MIN_GROUP_SIZE, SurveyResponse
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.recruitment.models import Recruitment, TeamMembership

# The keys of ``GET /api/v1/metrics`` (DESIGN §9), in this order.
API_KEYS = (
    "applications",
    "acknowledged_within_1h",
    "median_hours_to_ack",
    "promises_kept",
    "median_days_to_final",
    "waiting_past_reply_by",
    "interviewed_rejections_called",
    "disclosure_on_time",
    "survey_responses",
    "cnps",
)

ACK_WITHIN = dt.timedelta(hours=1)
FULL_ROLES = [role for role in TeamMembership.Role if role != TeamMembership.Role.INTERVIEWER]
# The survey's 0–10 scale: 9–10 promote us, 0–6 would not.
PROMOTER_FROM = 9
DETRACTOR_TO = 6

Outcome = SurveyResponse.Outcome
Channel = SurveyResponse.Channel


@dataclass(frozen=True)
class Period:
    """Applications received from ``start`` to ``end``, both included; open-ended when None."""

    start: dt.date | None = None
    end: dt.date | None = None

    def q(self, prefix: str = "") -> Q:
        q = Q()
        if self.start is not None:
            q &= Q(**{f"{prefix}received_at__gte": _day_start(self.start)})
        if self.end is not None:
            q &= Q(**{f"{prefix}received_at__lt": _day_start(self.end + dt.timedelta(days=1))})
        return q


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


@dataclass
class Ratings:
    """Survey answers counted: never shown below ``MIN_GROUP_SIZE``."""

    answers: int = 0
    promoters: int = 0
    detractors: int = 0
    clear_yes: int = 0
    respectful_yes: int = 0

    def add(self, other: Ratings) -> None:
        self.answers += other.answers
        self.promoters += other.promoters
        self.detractors += other.detractors
        self.clear_yes += other.clear_yes
        self.respectful_yes += other.respectful_yes

    @property
    def shown(self) -> bool:
        return self.answers >= MIN_GROUP_SIZE

    @property
    def cnps(self) -> int | None:
        """Promoters' share minus detractors', as a whole number from −100 to 100."""
        if not self.shown:
            return None
        return round(100 * (self.promoters - self.detractors) / self.answers)

    @property
    def clear_share(self) -> float | None:
        return _share(self.clear_yes, self.answers) if self.shown else None

    @property
    def respectful_share(self) -> float | None:
        return _share(self.respectful_yes, self.answers) if self.shown else None


@dataclass
class Figures:
    """The counts behind one recruitment's figures (or all of them)."""

    applications: int = 0
    open: int = 0
    open_past: int = 0
    final_answers: int = 0
    acks_due: int = 0
    acks_within: int = 0
    promises_counted: int = 0
    promises_kept_n: int = 0
    calls_ended: int = 0
    calls_reached: int = 0
    attempts_reached: int = 0
    disclosures_counted: int = 0
    disclosures_on_time: int = 0
    median_hours_to_ack: float | None = None
    median_days_to_final: float | None = None
    ratings: Ratings = field(default_factory=Ratings)
    by_outcome: dict[str, Ratings] = field(default_factory=lambda: defaultdict(Ratings))
    by_channel: dict[str, Ratings] = field(default_factory=lambda: defaultdict(Ratings))

    # Shares, 0–1; None with nothing to count.

    @property
    def acknowledged_within_1h(self) -> float | None:
        return _share(self.acks_within, self.acks_due)

    @property
    def promises_kept(self) -> float | None:
        return _share(self.promises_kept_n, self.promises_counted)

    @property
    def waiting_past_reply_by(self) -> float | None:
        return _share(self.open_past, self.open)

    @property
    def interviewed_rejections_called(self) -> float | None:
        return _share(self.calls_reached, self.calls_ended)

    @property
    def attempts_per_reached(self) -> float | None:
        if not self.calls_reached:
            return None
        return round(self.attempts_reached / self.calls_reached, 2)

    @property
    def disclosure_on_time(self) -> float | None:
        return _share(self.disclosures_on_time, self.disclosures_counted)

    @property
    def survey_response_rate(self) -> float | None:
        return _share(self.ratings.answers, self.final_answers)

    @property
    def cnps(self) -> int | None:
        return self.ratings.cnps

    def add(self, other: Figures) -> None:
        """Add another recruitment's counts (medians are not added: they are asked for)."""
        for name in (
            "applications",
            "open",
            "open_past",
            "final_answers",
            "acks_due",
            "acks_within",
            "promises_counted",
            "promises_kept_n",
            "calls_ended",
            "calls_reached",
            "attempts_reached",
            "disclosures_counted",
            "disclosures_on_time",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.ratings.add(other.ratings)
        for key, ratings in other.by_outcome.items():
            self.by_outcome[key].add(ratings)
        for key, ratings in other.by_channel.items():
            self.by_channel[key].add(ratings)

    def api(self) -> dict[str, Any]:
        """Exactly the keys of DESIGN §9."""
        return {
            "applications": self.applications,
            "acknowledged_within_1h": self.acknowledged_within_1h,
            "median_hours_to_ack": self.median_hours_to_ack,
            "promises_kept": self.promises_kept,
            "median_days_to_final": self.median_days_to_final,
            "waiting_past_reply_by": self.waiting_past_reply_by,
            "interviewed_rejections_called": self.interviewed_rejections_called,
            "disclosure_on_time": self.disclosure_on_time,
            "survey_responses": self.survey_response_rate,
            "cnps": self.cnps,
        }


@dataclass
class Report:
    """The figures per recruitment and across them all, for one period."""

    period: Period
    recruitments: list[Recruitment]
    per_recruitment: dict[int, Figures]
    total: Figures

    def rows(self) -> list[tuple[Recruitment, Figures]]:
        return [(r, self.per_recruitment[r.pk]) for r in self.recruitments]


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def recruitments_measured_by(user: User) -> QuerySet[Recruitment]:
    """The recruitments whose figures ``user`` may see: those where they hold a full role
    (not interviewer: an interviewer sees only their own interviews' candidates), all for a
    site admin."""
    if not user.is_authenticated or not user.is_active:
        return Recruitment.objects.none()
    if user.is_site_admin:
        return Recruitment.objects.all()
    return Recruitment.objects.filter(
        memberships__user=user,
        memberships__role__in=[
            r for r in TeamMembership.Role if r != TeamMembership.Role.INTERVIEWER
        ],
    ).distinct()


def metrics_report(
    *, recruitments: Iterable[Recruitment], period: Period, now: dt.datetime | None = None
) -> Report:
    """The figures of ``recruitments`` for ``period``, in a fixed number of queries."""
    now = now or timezone.now()
    recruitments = list(recruitments)
    ids = [r.pk for r in recruitments]
    per = {pk: Figures() for pk in ids}
    _count_applications(per, ids, period, now)
    _count_acknowledgements(per, ids, period, now)
    _count_promises(per, ids, period, now)
    _count_calls(per, ids, period)
    _count_disclosures(per, ids, period, now)
    _count_survey(per, ids, period)
    total = Figures()
    for figures in per.values():
        total.add(figures)
    for key, value in _ack_hours(ids, period).items():
        _target(per, total, key).median_hours_to_ack = value
    for key, value in _days_to_final(ids, period).items():
        _target(per, total, key).median_days_to_final = value
    return Report(period=period, recruitments=recruitments, per_recruitment=per, total=total)


def _target(per: dict[int, Figures], total: Figures, key: int | None) -> Figures:
    return total if key is None else per[key]


def _scope(ids: list[int], period: Period, prefix: str = "") -> Q:
    return Q(**{f"{prefix}recruitment_id__in": ids}) & period.q(prefix)


def _grouped(queryset: QuerySet[Any], group: str, **counts: Any) -> Iterable[dict[str, Any]]:
    return queryset.values(group).annotate(**counts).order_by()


def _count_applications(
    per: dict[int, Figures], ids: list[int], period: Period, now: dt.datetime
) -> None:
    today = timezone.localdate(now)
    is_open = Q(stage__in=Application.OPEN_STAGES)
    rows = _grouped(
        Application.objects.filter(_scope(ids, period)),
        "recruitment_id",
        n=Count("pk"),
        open=Count("pk", filter=is_open),
        open_past=Count("pk", filter=is_open & Q(reply_by__lt=today)),
        final=Count("pk", filter=Q(final_answer_at__isnull=False)),
    )
    for row in rows:
        figures = per[row["recruitment_id"]]
        figures.applications = row["n"]
        figures.open = row["open"]
        figures.open_past = row["open_past"]
        figures.final_answers = row["final"]


def _count_acknowledgements(
    per: dict[int, Figures], ids: list[int], period: Period, now: dt.datetime
) -> None:
    """Each application acknowledged, or owed it for an hour already (one received a minute
    ago is not late yet). Imports made without an acknowledgement have none to count."""
    sent_in_time = Q(sent_at__isnull=False, sent_at__lte=F("application__received_at") + ACK_WITHIN)
    due = Q(sent_at__isnull=False) | Q(application__received_at__lte=now - ACK_WITHIN)
    rows = _grouped(
        Message.objects.filter(_scope(ids, period, "application__"), kind=Kind.ACKNOWLEDGEMENT),
        "application__recruitment_id",
        due=Count("application", filter=due, distinct=True),
        within=Count("application", filter=sent_in_time, distinct=True),
    )
    for row in rows:
        figures = per[row["application__recruitment_id"]]
        figures.acks_due = row["due"]
        figures.acks_within = row["within"]


def _count_promises(
    per: dict[int, Figures], ids: list[int], period: Period, now: dt.datetime
) -> None:
    """Every answer date given: kept when the news came by it; broken when it came later or
    has not come and the date is behind us. A withdrawal voids the promise; one still ahead
    is not counted yet."""
    today = timezone.localdate(now)
    kept = Q(outcome=Promise.Outcome.KEPT)
    counted = (
        kept | Q(outcome=Promise.Outcome.BROKEN) | Q(outcome=Promise.Outcome.OPEN, due__lt=today)
    )
    rows = _grouped(
        Promise.objects.filter(_scope(ids, period, "application__")),
        "application__recruitment_id",
        counted=Count("pk", filter=counted),
        kept=Count("pk", filter=kept),
    )
    for row in rows:
        figures = per[row["application__recruitment_id"]]
        figures.promises_counted = row["counted"]
        figures.promises_kept_n = row["kept"]


def _count_calls(per: dict[int, Figures], ids: list[int], period: Period) -> None:
    """Interviewed rejections whose answer has been given: reached by phone, or written to
    after unanswered calls; and how many attempts the reached ones took."""
    reached = Q(status=CallTask.Status.DONE)
    rows = _grouped(
        CallTask.objects.filter(
            _scope(ids, period, "application__"),
            status__in=[CallTask.Status.DONE, CallTask.Status.WRITTEN],
        ),
        "application__recruitment_id",
        ended=Count("pk", distinct=True),
        reached=Count("pk", filter=reached, distinct=True),
    )
    for row in rows:
        figures = per[row["application__recruitment_id"]]
        figures.calls_ended = row["ended"]
        figures.calls_reached = row["reached"]
    attempts = _grouped(
        CallAttempt.objects.filter(
            _scope(ids, period, "task__application__"), task__status=CallTask.Status.DONE
        ),
        "task__application__recruitment_id",
        n=Count("pk"),
    )
    for row in attempts:
        per[row["task__application__recruitment_id"]].attempts_reached = row["n"]


def _count_disclosures(
    per: dict[int, Figures], ids: list[int], period: Period, now: dt.datetime
) -> None:
    """Requests for the written information (diskrimineringslagen 2 kap. 4 §): answered by
    their date, against those answered or already late."""
    today = timezone.localdate(now)
    answered = Q(status=DisclosureRequest.Status.ANSWERED)
    on_time = answered & Q(answered_at__date__lte=F("due"))
    rows = _grouped(
        DisclosureRequest.objects.filter(_scope(ids, period, "application__")),
        "application__recruitment_id",
        counted=Count("pk", filter=answered | Q(due__lt=today)),
        on_time=Count("pk", filter=on_time),
    )
    for row in rows:
        figures = per[row["application__recruitment_id"]]
        figures.disclosures_counted = row["counted"]
        figures.disclosures_on_time = row["on_time"]


def _count_survey(per: dict[int, Figures], ids: list[int], period: Period) -> None:
    rows = (
        SurveyResponse.objects.filter(_scope(ids, period, "application__"))
        .values("application__recruitment_id", "outcome", "channel")
        .annotate(
            n=Count("pk"),
            promoters=Count("pk", filter=Q(recommend__gte=PROMOTER_FROM)),
            detractors=Count("pk", filter=Q(recommend__lte=DETRACTOR_TO)),
            clear_yes=Count("pk", filter=Q(clear_reason=SurveyResponse.Answer.YES)),
            respectful_yes=Count("pk", filter=Q(respectful=SurveyResponse.Answer.YES)),
        )
        .order_by()
    )
    for row in rows:
        figures = per[row["application__recruitment_id"]]
        ratings = Ratings(
            answers=row["n"],
            promoters=row["promoters"],
            detractors=row["detractors"],
            clear_yes=row["clear_yes"],
            respectful_yes=row["respectful_yes"],
        )
        figures.ratings.add(ratings)
        figures.by_outcome[row["outcome"]].add(ratings)
        if row["outcome"] == Outcome.REJECTED:
            # The channel is that of the no: a call against a written answer. A hire is told
            # in person, a withdrawal confirmed; neither is the choice the split is about.
            figures.by_channel[row["channel"]].add(ratings)


# Medians: per recruitment and across them, two queries each.


def _ack_hours(ids: list[int], period: Period) -> dict[int | None, float]:
    queryset = Message.objects.filter(
        _scope(ids, period, "application__"),
        kind=Kind.ACKNOWLEDGEMENT,
        sent_at__isnull=False,
    )
    medians = _medians(
        queryset, "sent_at", "application__received_at", "application__recruitment_id"
    )
    return {key: round(value.total_seconds() / 3600, 2) for key, value in medians.items()}


def _days_to_final(ids: list[int], period: Period) -> dict[int | None, float]:
    """From the application to its final answer; a withdrawal is the candidate's own end and
    is left out."""
    queryset = Application.objects.filter(
        _scope(ids, period), final_answer_at__isnull=False
    ).exclude(stage=Application.Stage.WITHDRAWN)
    medians = _medians(queryset, "final_answer_at", "received_at", "recruitment_id")
    return {key: round(value.total_seconds() / 86400, 1) for key, value in medians.items()}


def _half(expression: Any) -> ExpressionWrapper:
    """Half of a row count, as a real number: rows ``n/2 ≤ rn ≤ n/2 + 1`` are the middle one
    (odd ``n``) or two (even ``n``)."""
    return ExpressionWrapper(expression / Value(2.0), output_field=FloatField())


class _Median(Aggregate):
    """PostgreSQL's own median: the continuous 50th percentile (the mean of the middle two of
    an even number), of intervals here."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


class _Seconds(Func):
    """Seconds from the second time to the first, as a real number, computed by SQLite itself
    (``julianday``) rather than by Django's Python function for time differences, which is
    called for every row."""

    template = "((julianday(%(expressions)s)) * 86400.0)"
    arg_joiner = ") - julianday("
    output_field = FloatField()


def _medians(
    queryset: QuerySet[Any], later: str, earlier: str, group: str
) -> dict[int | None, dt.timedelta]:
    """The median time from ``earlier`` to ``later`` per ``group`` (keys: the group's values)
    and across all rows (key None): PostgreSQL's percentile, else the one or two middle rows
    that window functions pick out (the same answer)."""
    if connection.vendor == "postgresql":
        waited = ExpressionWrapper(F(later) - F(earlier), output_field=DurationField())
        grouped = queryset.values_list(group).annotate(m=_Median(waited)).order_by()
        found: dict[int | None, dt.timedelta] = dict(grouped)
        found[None] = queryset.aggregate(m=_Median(waited))["m"]
        return {key: median for key, median in found.items() if median is not None}
    return _window_medians(queryset, _Seconds(F(later), F(earlier)), group)


def _window_medians(
    queryset: QuerySet[Any], value: _Seconds, group: str
) -> dict[int | None, dt.timedelta]:
    found: dict[int | None, dt.timedelta] = {}
    for partition in ([F(group)], None):
        key = F(group) if partition else Value(0, output_field=IntegerField())
        rows = (
            queryset.annotate(
                v=value,
                g=key,
                rn=Window(RowNumber(), partition_by=partition, order_by=[value.asc(), F("pk")]),
                n=Window(Count("pk"), partition_by=partition),
            )
            .filter(rn__gte=_half(F("n")), rn__lte=_half(F("n") + 2))
            .values_list("g", "v")
        )
        middle: dict[int | None, list[float]] = defaultdict(list)
        for group_key, seconds in rows:
            middle[group_key if partition else None].append(seconds)
        for group_key, values in middle.items():
            found[group_key] = dt.timedelta(seconds=sum(values) / len(values))
    return found
