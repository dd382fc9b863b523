"""Build the demo's recruitments: each history played through the services, in time order.

Every step is a service call made at the moment it happened (``time_machine``), so the demo
holds only what the product itself can produce: the promises, the timeline, who is owed a
call, how each application closed, what each candidate was told. After each step the outbox
is delivered two minutes later, as the worker would have done, so that a candidate's page and
the sent mail show each message when it went out (an acknowledgement minutes after the
application), not as news today.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

import time_machine
from django.utils import timezone

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application, TalentPoolConsent
from aterkoppla.applications.promises import promises_sweep
from aterkoppla.applications.services import (
    application_move,
    application_receive,
    applications_close,
)
from aterkoppla.applications.talent_pool import talent_pool_consent_valid, talent_pool_join
from aterkoppla.assessment.models import Interview
from aterkoppla.assessment.services import (
    RatingInput,
    ScreeningResult,
    application_mark_for_rejection,
    interview_mark_held,
    interview_schedule,
    merits_update,
    scorecard_submit,
    screening_record,
)
from aterkoppla.decisions.models import CallTask
from aterkoppla.decisions.services import (
    RejectionInput,
    call_attempt_record,
    caller_for,
    decision_record,
)
from aterkoppla.demo.schedule import Clock, previous_working_day
from aterkoppla.demo.specs import (
    INTERVIEWER,
    MANAGER,
    RECRUITER,
    TEXTS,
    Applicant,
    Call,
    DemoRecruitment,
    DemoUser,
    Stage,
)
from aterkoppla.experience.survey import survey_answer
from aterkoppla.lib.workdays import add_working_days
from aterkoppla.messaging.worker import Worker
from aterkoppla.recruitment.models import Criterion, Recruitment, TeamMembership
from aterkoppla.recruitment.services import (
    criterion_add,
    recruitment_create,
    recruitment_update,
    team_member_add,
)

# A move to an open stage keeps the promise made before, unless that leaves less than this
# notice from the day of the move (DESIGN §4, "status update with the next reply_by").
STAGE_NOTICE_WORKING_DAYS = {Stage.SCREENING: 5, Stage.INTERVIEW: 10, Stage.OFFER: 5}
# How long a reserve stays one, from today.
RESERVE_WORKING_DAYS = 20
# Time to screen everyone between the deadline and the first answer.
FIRST_REPLY_AFTER_DEADLINE = 7
# The stages a decision ends a path in.
DECIDED = frozenset({Stage.HIRED, Stage.RESERVE, Stage.REJECTED})


# --- Steps -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    at: dt.datetime
    run: Callable[[], object]


@dataclass
class Track:
    """One applicant's application while the history is played."""

    index: int
    applicant: Applicant
    received: dt.datetime
    # The latest moment planned for it: the next step comes after.
    last: dt.datetime
    application_id: int = 0
    interview_booked: Interview | None = None
    call_task_made: CallTask | None = None

    @property
    def interview(self) -> Interview:
        """The interview booked by an earlier step (steps run in their planned order)."""
        if self.interview_booked is None:
            raise RuntimeError(f"{self.applicant.first_name}: no interview booked yet")
        return self.interview_booked

    @property
    def call_task(self) -> CallTask:
        """The call task the decision made by an earlier step."""
        if self.call_task_made is None:
            raise RuntimeError(f"{self.applicant.first_name}: no call task made")
        return self.call_task_made

    def application(self) -> Application:
        # Read afresh for every step: the services change it in the database.
        return Application.objects.select_related("candidate", "recruitment").get(
            pk=self.application_id
        )


class History:
    """One recruitment's history as steps, planned before anything is written."""

    def __init__(self, spec: DemoRecruitment, *, clock: Clock, people: dict[str, User]) -> None:
        self.spec = spec
        self.clock = clock
        # Filled in before the steps run: the users are made at the start of the history.
        self.people = people
        self.deadline = clock.today + dt.timedelta(days=spec.deadline_in_days)
        self.made: Recruitment | None = None
        self.criteria: dict[str, Criterion] = {}
        self.steps: list[Step] = []
        self.tracks: list[Track] = []
        self._plan()

    @property
    def recruitment(self) -> Recruitment:
        """The recruitment, made by the history's first step."""
        if self.made is None:
            raise RuntimeError(f"{self.spec.title}: the recruitment is not made yet")
        return self.made

    # Planning: when each thing happened.

    def _plan(self) -> None:
        clock = self.clock
        oldest = max(applicant.days_ago for applicant in self.spec.applicants)
        published = clock.office_before(clock.days_ago(oldest + 3), 9)
        self._add(published, self._publish)
        for index, applicant in enumerate(self.spec.applicants):
            day = clock.days_ago(applicant.days_ago)
            if applicant.email:
                # A spread of times of day between 07 and 22, as applications arrive.
                received = clock.past(clock.at(day, 7 + (index * 5) % 15, (index * 17 + 3) % 60))
            else:
                # A letter: entered by the recruiter in office hours.
                received = clock.office(day, 10, (index * 7) % 60, after=published)
            track = Track(index, applicant, received=received, last=received)
            self._add(received, partial(self._receive, track))
            self._plan_path(track)
            self.tracks.append(track)
        closed = None
        if self.spec.status == Recruitment.Status.CLOSED:
            closed = clock.office(
                self.deadline + dt.timedelta(days=1),
                8,
                after=max(track.received for track in self.tracks),
            )
            self._add(closed, self._close_for_applications)
        self._plan_decision(closed)

    def _plan_path(self, track: Track) -> None:
        applicant = track.applicant
        if Stage.SCREENING in applicant.path:
            self._then(track, 1, 9, self._move_to_screening)
            self._then(track, 1, 10, self._screen)
        elif applicant.rejection_reason:
            self._then(track, 1, 14, self._propose_rejection)
        if Stage.INTERVIEW in applicant.path:
            self._plan_interview(track)
        if Stage.OFFER in applicant.path and not applicant.ends_in(Stage.HIRED):
            self._then(track, 2, 14, self._offer)
        if applicant.ends_in(Stage.WITHDRAWN):
            if applicant.withdrew_online:
                self._then(track, 2, 20, self._withdraw)
            else:
                self._then(track, 2, 9, self._withdraw)

    def _plan_interview(self, track: Track) -> None:
        clock, index = self.clock, track.index
        booked = self._next(track, 1, 11)
        if track.applicant.interview_ahead:
            scheduled = clock.ahead(1, 10)
        else:
            scheduled = clock.office(
                add_working_days(timezone.localdate(booked), 2),
                9 + (index * 2) % 7,
                after=booked + dt.timedelta(minutes=50),
            )
        self._at(track, booked, partial(self._book, scheduled=scheduled))
        if track.applicant.interview_ahead:
            return
        manager, interviewer = self._interviewers()
        held = scheduled + dt.timedelta(minutes=60)
        self._at(track, held, partial(self._hold, user=manager))
        self._at(track, held + dt.timedelta(minutes=15), partial(self._score, seat=0, user=manager))
        if interviewer is not None and not track.applicant.scorecard_missing:
            self._at(
                track,
                held + dt.timedelta(minutes=35),
                partial(self._score, seat=1, user=interviewer),
            )
        if track.applicant.learned_at_interview:
            self._at(track, scheduled + dt.timedelta(hours=2), self._complete_merits)

    def _plan_decision(self, closed: dt.datetime | None) -> None:
        """One decision closes the rejected, the hired and the reserves; calls follow it."""
        clock = self.clock
        decided = [t for t in self.tracks if t.applicant.path and t.applicant.path[-1] in DECIDED]
        if not decided:
            return
        if self.spec.decided_days_ago is not None:
            target = clock.days_ago(self.spec.decided_days_ago)
        else:
            target = clock.working_days_ago(self.spec.decided_working_days_ago)
        after = max([track.last for track in decided] + ([closed] if closed else []))
        for track in decided:
            if Stage.OFFER in track.applicant.path:
                # The offer is accepted the day before the hire is recorded.
                self._at(
                    track,
                    clock.office(previous_working_day(target), 15, after=track.last),
                    self._offer,
                )
                after = max(after, track.last)
        decided_at = clock.office(target, 10, after=after)
        by = RECRUITER
        if any(track.applicant.interviewed for track in decided):
            by = MANAGER
        self._add(decided_at, partial(self._decide, decided, by))
        for track in decided:
            track.last = decided_at
            for call in track.applicant.calls:
                day = add_working_days(timezone.localdate(decided_at), call.days_after)
                moment = clock.office(day, call.hour, call.minute, after=track.last)
                self._at(track, moment, partial(self._call, call=call))
            self._plan_after_answer(track)
        if self.spec.promise_sweeps:
            self._plan_sweeps(until=decided_at)

    def _plan_after_answer(self, track: Track) -> None:
        """The evening after the final answer, on the candidate's page: the survey, then the
        talent pool."""
        applicant = track.applicant
        if not (applicant.survey or applicant.joins_talent_pool):
            return
        day = timezone.localdate(track.last) + dt.timedelta(days=1)
        evening = max(self.clock.at(day, 20, track.index % 50), track.last)
        if evening >= self.clock.now:
            # Answered on the day itself, an hour later (on any day the demo is loaded).
            evening = track.last + dt.timedelta(hours=1)
            if evening + dt.timedelta(minutes=5) >= self.clock.now:
                return
        if applicant.survey:
            self._at(track, evening, self._answer_survey)
        if applicant.joins_talent_pool:
            self._at(track, evening + dt.timedelta(minutes=5), self._join_talent_pool)

    def _plan_sweeps(self, *, until: dt.datetime) -> None:
        """The promise sweep each morning from the first application to the decision."""
        day = timezone.localdate(min(track.received for track in self.tracks))
        while day <= timezone.localdate(until):
            self._add(self.clock.at(day, 6, 30), _sweep_promises)
            day += dt.timedelta(days=1)

    def _add(self, at: dt.datetime, run: Callable[[], object]) -> None:
        self.steps.append(Step(self.clock.past(at), run))

    def _at(self, track: Track, at: dt.datetime, action: Callable[[Track], object]) -> None:
        track.last = self.clock.past(at)
        self._add(at, partial(action, track))

    def _next(self, track: Track, working_days: int, hour: int) -> dt.datetime:
        """``working_days`` after the track's last step, at ``hour`` (and a minute of its own)."""
        day = add_working_days(timezone.localdate(track.last), working_days)
        return self.clock.office(day, hour, (track.index * 13) % 50, after=track.last)

    def _then(
        self, track: Track, working_days: int, hour: int, action: Callable[[Track], object]
    ) -> None:
        """Plan ``action`` ``working_days`` after the track's last step, at ``hour``."""
        self._at(track, self._next(track, working_days, hour), action)

    # Acting: one service call each, at its moment.

    def _person(self, user: DemoUser) -> User:
        return self.people[user.username]

    def _interviewers(self) -> tuple[DemoUser, DemoUser | None]:
        return MANAGER, INTERVIEWER if INTERVIEWER in self.spec.interviewers else None

    def _publish(self) -> None:
        spec, owner = self.spec, self._person(RECRUITER)
        self.made = recruitment_create(
            owner=owner,
            title=spec.title,
            description=spec.description,
            job_tasks="\n".join(spec.job_tasks),
            language=spec.language,
            status=Recruitment.Status.OPEN,
            application_deadline=self.deadline,
            first_reply_by=add_working_days(self.deadline, FIRST_REPLY_AFTER_DEADLINE),
        )
        team_member_add(
            recruitment=self.recruitment,
            by=owner,
            user=self._person(MANAGER),
            role=TeamMembership.Role.HIRING_MANAGER,
        )
        for interviewer in spec.interviewers:
            team_member_add(
                recruitment=self.recruitment,
                by=owner,
                user=self._person(interviewer),
                role=TeamMembership.Role.INTERVIEWER,
            )
        for req in spec.criteria:
            self.criteria[req.name] = criterion_add(
                recruitment=self.recruitment,
                by=owner,
                name=req.name,
                kind=req.kind,
                category=req.category,
                weight=req.weight,
                description=req.description,
                job_task=spec.job_tasks[req.task],
            )

    def _close_for_applications(self) -> None:
        recruitment_update(
            recruitment=self.recruitment,
            by=self._person(RECRUITER),
            status=Recruitment.Status.CLOSED,
        )

    def _receive(self, track: Track) -> None:
        applicant = track.applicant
        by_post = not applicant.email
        application = application_receive(
            recruitment=self.recruitment,
            first_name=applicant.first_name,
            last_name=applicant.last_name,
            email=applicant.email,
            phone=applicant.phone,
            language=applicant.language,
            merits=applicant.merits(after_interview=False),
            source=Application.Source.MANUAL if by_post else Application.Source.FORM,
            by=self._person(RECRUITER) if by_post else None,
        )
        track.application_id = application.pk

    def _promise(self, application: Application, stage: str, applicant: Applicant) -> dt.date:
        """The answer date a move to ``stage`` promises (see STAGE_NOTICE_WORKING_DAYS)."""
        open_stages = [s for s in applicant.path if s in Application.OPEN_STAGES]
        if applicant.reply_in is not None and open_stages[-1:] == [stage]:
            return add_working_days(self.clock.today, applicant.reply_in)
        notice = add_working_days(timezone.localdate(), STAGE_NOTICE_WORKING_DAYS[Stage(stage)])
        return max(application.promised_by, notice)

    def _move_to_screening(self, track: Track) -> None:
        application = track.application()
        application_move(
            application=application,
            to_stage=Stage.SCREENING,
            by=self._person(RECRUITER),
            reply_by=self._promise(application, Stage.SCREENING, track.applicant),
        )

    def _screen(self, track: Track) -> None:
        """Screen against the requirements; invite, or propose a rejection with its reason."""
        applicant, application = track.applicant, track.application()
        notes = TEXTS[self.spec.language].notes
        results = []
        for criterion in self.criteria.values():
            if criterion.kind != Criterion.Kind.MUST:
                continue
            result = "met"
            if criterion.name in applicant.lacks:
                result = "not_met"
            elif criterion.name in applicant.partly:
                result = "partly"
            results.append(ScreeningResult(criterion.pk, result, notes[result]))
        inviting = Stage.INTERVIEW in applicant.path
        proposing = not inviting and bool(applicant.rejection_reason)
        screening_record(
            application=application,
            by=self._person(RECRUITER),
            results=results,
            advance_to=Stage.INTERVIEW if inviting else None,
            reply_by=self._promise(application, Stage.INTERVIEW, applicant) if inviting else None,
            mark_for_rejection=True if proposing else None,
            rejection_reason=applicant.rejection_reason if proposing else None,
        )

    def _propose_rejection(self, track: Track) -> None:
        application_mark_for_rejection(
            application=track.application(),
            by=self._person(RECRUITER),
            marked=True,
            reason=track.applicant.rejection_reason,
        )

    def _book(self, track: Track, *, scheduled: dt.datetime) -> None:
        track.interview_booked = interview_schedule(
            application=track.application(),
            by=self._person(RECRUITER),
            scheduled_at=scheduled,
            interviewers=[self._person(user) for user in self._interviewers() if user],
            location=self.spec.interview_place,
            video_url=self.spec.interview_video,
            bring=self.spec.interview_bring,
        )

    def _hold(self, track: Track, *, user: DemoUser) -> None:
        interview_mark_held(interview=track.interview, by=self._person(user))

    def _score(self, track: Track, *, seat: int, user: DemoUser) -> None:
        spec, index = self.spec, track.index
        turn = index + seat
        scorecard_submit(
            interview=track.interview,
            by=self._person(user),
            ratings=self._ratings(track, seat),
            impression=spec.impressions[turn % len(spec.impressions)],
            strengths=spec.strengths[turn % len(spec.strengths)],
            tips=spec.tips[turn % len(spec.tips)],
        )

    def _ratings(self, track: Track, seat: int) -> list[RatingInput]:
        applicant, index = track.applicant, track.index
        evidence = TEXTS[self.spec.language].evidence
        chosen = Stage.OFFER in applicant.path
        ratings = []
        for position, criterion in enumerate(self.criteria.values()):
            # Deterministic, different per candidate, and now and then two points apart
            # between the two interviewers, so that the comparison has something to show.
            score = 2 + (index * 3 + position * 2) % 4
            if chosen:
                # The one offered the job scored well: the comparison should agree.
                score = max(score, 4 if position % 3 else 5)
            elif criterion.name in applicant.decisive:
                # What decided it shows in the scores, or the call could not explain it.
                score = min(score, 2)
            elif seat and (index + position) % 5 == 0:
                score = max(1, score - 2)
            ratings.append(RatingInput(criterion.pk, score, evidence[score]))
        return ratings

    def _complete_merits(self, track: Track) -> None:
        merits_update(
            application=track.application(),
            by=self._person(MANAGER),
            merits=track.applicant.merits(),
        )

    def _offer(self, track: Track) -> None:
        application = track.application()
        application_move(
            application=application,
            to_stage=Stage.OFFER,
            by=self._person(MANAGER),
            reply_by=self._promise(application, Stage.OFFER, track.applicant),
        )

    def _withdraw(self, track: Track) -> None:
        # On the candidate page the candidate does it; after a phone call, the recruiter.
        online = track.applicant.withdrew_online
        applications_close(
            applications=[track.application()],
            outcome=Stage.WITHDRAWN,
            by=None if online else self._person(RECRUITER),
            by_candidate=online,
        )

    def _decide(self, tracks: Sequence[Track], by: DemoUser) -> None:
        def ids(stage: str) -> list[int]:
            return [t.application_id for t in tracks if t.applicant.ends_in(stage)]

        rejections = [
            RejectionInput(
                application_id=track.application_id,
                decisive_criteria=tuple(
                    self.criteria[name].pk for name in track.applicant.decisive
                ),
                explanation=track.applicant.explanation,
            )
            for track in tracks
            if track.applicant.ends_in(Stage.REJECTED)
        ]
        reserve = ids(Stage.RESERVE)
        outcome = decision_record(
            recruitment=self.recruitment,
            by=self._person(by),
            hired=ids(Stage.HIRED),
            reserve=reserve,
            rejections=rejections,
            reserve_until=(
                add_working_days(self.clock.today, RESERVE_WORKING_DAYS) if reserve else None
            ),
        )
        tasks = {task.application_id: task for task in outcome.calls}
        for track in tracks:
            track.call_task_made = tasks.get(track.application_id)

    def _answer_survey(self, track: Track) -> None:
        answer = track.applicant.survey
        if answer is None:  # planned only for those who answer
            return
        survey_answer(
            application=track.application(),
            recommend=answer.recommend,
            clear_reason=answer.clear_reason,
            respectful=answer.respectful,
            comment=answer.comment,
            language=track.applicant.language,
        )

    def _join_talent_pool(self, track: Track) -> None:
        candidate = track.application().candidate
        if talent_pool_consent_valid(candidate) is not None:
            return  # joined from an earlier load of this recruitment
        talent_pool_join(
            candidate=candidate,
            scope=track.applicant.joins_talent_pool,
            via=TalentPoolConsent.Via.PORTAL,
        )

    def _call(self, track: Track, *, call: Call) -> None:
        call_attempt_record(
            task=track.call_task,
            by=caller_for(self.recruitment),
            outcome=call.outcome,
            notes=call.notes,
            summary_requested=call.summary_requested,
            talent_pool=call.talent_pool,
        )


# --- Playing ---------------------------------------------------------------------------------


# How long after a step its messages leave: the worker's round, not days.
DELIVERY_DELAY = dt.timedelta(minutes=2)


def build_recruitments(
    specs: Sequence[DemoRecruitment], *, users: Callable[[], dict[str, User]]
) -> None:
    """Play the histories of ``specs`` together, in time order, up to now.

    ``users`` makes (or finds) the demo users; it is called at the start of the history, so
    that the team existed before the first recruitment was published.
    """
    clock = Clock(timezone.now())
    people: dict[str, User] = {}
    histories = [History(spec, clock=clock, people=people) for spec in specs]
    steps = sorted((step for history in histories for step in history.steps), key=_when)
    with time_machine.travel(steps[0].at - dt.timedelta(days=1), tick=False):
        people.update(users())
    worker = Worker()
    with _quiet(logging.getLogger("aterkoppla.worker")):
        for step in steps:
            with time_machine.travel(step.at, tick=False):
                step.run()
            # The worker sends what the step queued a couple of minutes later, as it would.
            with time_machine.travel(step.at + DELIVERY_DELAY, tick=False):
                worker.deliver_all()


def _sweep_promises() -> None:
    promises_sweep(timezone.now())


def _when(step: Step) -> dt.datetime:
    return step.at


@contextlib.contextmanager
def _quiet(logger: logging.Logger) -> Iterator[None]:
    """The worker logs each batch it sends; the demo sends a hundred small ones."""
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
