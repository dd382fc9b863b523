"""Hand-built rows with known answers for the metrics tests: each row as the services would
leave it, written directly so that every figure can be worked out by hand."""

from __future__ import annotations

import datetime as dt
import itertools

from django.utils import timezone

from aterkoppla.applications.models import Application, Candidate, Promise
from aterkoppla.decisions.models import (
    CallAttempt,
    CallTask,
    Decision,
    DecisionItem,
    DisclosureRequest,
)
from aterkoppla.experience.models import SurveyResponse
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.recruitment.models import Recruitment

_numbers = itertools.count(1)
TZ_DAY = dt.time(9, 0)


def at(day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def application(
    recruitment: Recruitment,
    received: dt.datetime,
    *,
    stage: str = Application.Stage.RECEIVED,
    reply_by: dt.date | None = None,
    final_at: dt.datetime | None = None,
    interviewed: bool = False,
) -> Application:
    n = next(_numbers)
    candidate = Candidate.objects.create(
        first_name=f"Person{n}", last_name="Test", email=f"p{n}@example.se", language="sv"
    )
    return Application.objects.create(
        candidate=candidate,
        recruitment=recruitment,
        source=Application.Source.FORM,
        received_at=received,
        stage=stage,
        stage_changed_at=final_at or received,
        reply_by=reply_by or timezone.localdate(received) + dt.timedelta(days=14),
        final_answer_at=final_at,
        interviewed=interviewed,
    )


def acknowledged(app: Application, sent: dt.datetime | None) -> Message:
    n = next(_numbers)
    return Message.objects.create(
        application=app,
        kind=Kind.ACKNOWLEDGEMENT,
        channel=Message.Channel.EMAIL,
        to_address=app.candidate.email,
        from_address="jobb@example.se",
        language="sv",
        subject="Tack",
        body_text="Tack för din ansökan.",
        status=Message.Status.SENT if sent else Message.Status.QUEUED,
        sent_at=sent,
        dedupe_key=f"test-ack:{n}",
        message_id=f"<test-{n}@example.se>",
    )


def promise(
    app: Application, due: dt.date, *, closed: dt.datetime | None = None, outcome: str = ""
) -> Promise:
    return Promise.objects.create(
        application=app, due=due, given_at=app.received_at, closed_at=closed, outcome=outcome
    )


def call_task(app: Application, status: str, attempts: int = 0) -> CallTask:
    decision = Decision.objects.create(recruitment=app.recruitment)
    item = DecisionItem.objects.create(
        decision=decision,
        application=app,
        result=DecisionItem.Result.REJECTED,
        channel="call",
    )
    task = CallTask.objects.create(
        application=app, item=item, due=timezone.localdate(), status=status
    )
    for i in range(attempts):
        last = i == attempts - 1
        CallAttempt.objects.create(
            task=task,
            outcome=CallAttempt.Outcome.REACHED
            if last and status == CallTask.Status.DONE
            else CallAttempt.Outcome.NO_ANSWER,
        )
    return task


def disclosure(
    app: Application, due: dt.date, answered: dt.datetime | None = None
) -> DisclosureRequest:
    return DisclosureRequest.objects.create(
        application=app,
        via=DisclosureRequest.Via.PORTAL,
        due=due,
        status=DisclosureRequest.Status.ANSWERED if answered else DisclosureRequest.Status.OPEN,
        answered_at=answered,
    )


def survey(app: Application, recommend: int, *, outcome: str, channel: str, **answers: str):
    return SurveyResponse.objects.create(
        application=app,
        language="sv",
        recommend=recommend,
        clear_reason=answers.get("clear_reason", "yes"),
        respectful=answers.get("respectful", "yes"),
        outcome=outcome,
        channel=channel,
    )
