"""A recruitment carried to its end through the services, as a team would: three applicants
with real-looking merits, interviews, scorecards, a decision, a feedback call and a request for
written information. Sara Ek is the person whose data is exported; Emma Berg got the job and
Ali Hassan was turned down in writing. Their details must never be in Sara's export.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
import time_machine
from django.utils import timezone

from aterkoppla.applications.models import Application
from aterkoppla.applications.services import application_move, application_receive
from aterkoppla.assessment.models import Interview
from aterkoppla.assessment.services import (
    RatingInput,
    ScreeningResult,
    interview_schedule,
    scorecard_submit,
    screening_record,
)
from aterkoppla.decisions.models import CallTask
from aterkoppla.decisions.services import (
    RejectionInput,
    call_attempt_record,
    decision_record,
    disclosure_request,
    disclosure_send,
)
from aterkoppla.messaging.links import portal_url_create
from aterkoppla.messaging.models import Message
from aterkoppla.messaging.services import message_queue
from aterkoppla.recruitment.models import Recruitment
from aterkoppla.recruitment.services import recruitment_create

# What identifies the other two applicants: none of it may be in Sara's export.
EMMA = {
    "first_name": "Emma",
    "last_name": "Berg",
    "email": "emma.berg@example.se",
    "phone": "070-333 33 33",
}
ALI = {
    "first_name": "Ali",
    "last_name": "Hassan",
    "email": "ali.hassan@example.com",
    "phone": "070-222 22 22",
    "language": "en",
}
EMMA_MERITS = {
    "education": [
        {
            "field": "logistik",
            "level": "bachelor",
            "organisation": "Linnéuniversitetet",
            "from_year": 2011,
            "to_year": 2014,
        }
    ],
    "experience": [
        {
            "role": "truckförare",
            "years": 6,
            "organisation": "Nordlager AB",
            "from_year": 2016,
            "to_year": 2022,
        }
    ],
    "other": [],
}
ALI_MERITS = {
    "education": [],
    "experience": [
        {
            "role": "terminalarbetare",
            "years": 2,
            "organisation": "Postnord Terminal Torsvik",
            "from_year": 2008,
            "to_year": 2010,
        }
    ],
    "other": [],
}
# Strings that belong to Emma or Ali only.
OTHERS_DETAILS = (
    "Emma",
    "Berg",
    "emma.berg@example.se",
    "+46703333333",
    "Linnéuniversitetet",
    "Nordlager",
    "2016",
    "2011",
    "Ali",
    "Hassan",
    "ali.hassan@example.com",
    "+46702222222",
    "Postnord",
    "Torsvik",
    "2008",
    "Lind",
    "sara.lind@example.se",
)
# Another Sara applied too: "Sara" alone is taken to be the candidate herself.
SARA_LIND = {"first_name": "Sara", "last_name": "Lind", "email": "sara.lind@example.se"}
SARA_MERITS = {
    "education": [
        {
            "field": "truckkort A+B",
            "level": "course",
            "organisation": "Truckskolan i Jönköping",
            "from_year": 2021,
            "to_year": 2021,
        }
    ],
    "experience": [
        {
            "role": "lagerarbetare",
            "years": 3,
            "organisation": "Jula Logistik",
            "from_year": 2019,
            "to_year": 2022,
        }
    ],
    "other": [],
}

# Staff notes that name Emma in the third person: each replaced by the marker.
SCREENING_NOTE_NAMING_EMMA = "Kortare erfarenhet än Emma, som har kört truck i sex år."
EVIDENCE_NAMING_EMMA = "Svarade kortare än Emma Berg på frågan om inventering."
CALL_NOTE_NAMING_EMMA = "Frågade varför Berg fick jobbet; vi pratade om truckvanan."
# Notes about Sara herself: kept word for word.
SARA_EVIDENCE = "Beskrev sin plockrutin steg för steg och hur hon undviker fel."
SARA_TIPS = "Ge fler konkreta exempel från lagret."
SARA_CALL_NOTE = "Sara svarade inte, ringer igen i eftermiddag."


@dataclass
class Scene:
    recruitment: Recruitment
    sara: Application
    emma: Application
    ali: Application
    sara_elsewhere: Application  # Sara's application to another job
    tom: Application  # another person, who applied to the other job

    def link(self, application: Application | None = None) -> str:
        """The path of a new private link to the application's page (Sara's by default)."""
        return urlsplit(portal_url_create(application or self.sara)).path


def _interview(application, owner, people) -> Interview:
    return interview_schedule(
        application=application,
        by=owner,
        scheduled_at=timezone.now() + dt.timedelta(hours=1),
        interviewers=people,
        location="Lagret, Jönköping",
    )


@pytest.fixture
def scene(recruitment, owner, hiring_manager, interviewer) -> Scene:
    with time_machine.travel(dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC), tick=False) as t:
        sara = application_receive(
            recruitment=recruitment,
            first_name="Sara",
            last_name="Ek",
            email="sara.ek@example.se",
            phone="070-123 45 67",
            merits=SARA_MERITS,
            by=owner,
        )
        emma = application_receive(recruitment=recruitment, merits=EMMA_MERITS, by=owner, **EMMA)
        ali = application_receive(recruitment=recruitment, merits=ALI_MERITS, by=owner, **ALI)
        application_receive(recruitment=recruitment, by=owner, **SARA_LIND)
        criteria = list(recruitment.criteria.order_by("order", "id"))
        t.shift(dt.timedelta(hours=2))
        screening_record(
            application=sara,
            by=owner,
            results=[
                ScreeningResult(criteria[0].pk, "met", "Truckkort A+B från 2021."),
                ScreeningResult(criteria[1].pk, "partly", SCREENING_NOTE_NAMING_EMMA),
            ],
            advance_to=Application.Stage.INTERVIEW,
        )
        application_move(application=emma, to_stage=Application.Stage.INTERVIEW, by=owner)
        interviews = {
            app.pk: _interview(app, owner, [hiring_manager, interviewer]) for app in (sara, emma)
        }
        t.shift(dt.timedelta(hours=3))
        for app, base in ((sara, 3), (emma, 5)):
            for person in (hiring_manager, interviewer):
                scorecard_submit(
                    interview=interviews[app.pk],
                    by=person,
                    ratings=[
                        RatingInput(
                            criterion_id=c.pk,
                            score=base if i == 1 else 4,
                            evidence=(
                                EVIDENCE_NAMING_EMMA
                                if app == sara and person == interviewer and i == 1
                                else SARA_EVIDENCE
                                if app == sara and i == 0
                                else "Visade god vana."
                            ),
                        )
                        for i, c in enumerate(criteria)
                    ],
                    impression="Lugn och saklig.",
                    strengths="Noggrann med detaljer.",
                    tips=SARA_TIPS if app == sara else "Berätta mer om ledarskap.",
                )
        t.shift(dt.timedelta(days=1))
        decision_record(
            recruitment=recruitment,
            by=owner,
            hired=[emma.pk],
            rejections=[
                RejectionInput(
                    sara.pk,
                    (criteria[1].pk,),
                    "Den vi valde hade längre erfarenhet av truckkörning i lager.",
                ),
                RejectionInput(
                    ali.pk, (), "We were looking for longer experience of warehouse work."
                ),
            ],
        )
        t.shift(dt.timedelta(hours=2))
        task = CallTask.objects.get(application=sara)
        call_attempt_record(task=task, by=hiring_manager, outcome="no_answer", notes=SARA_CALL_NOTE)
        t.shift(dt.timedelta(hours=2))
        call_attempt_record(
            task=task,
            by=hiring_manager,
            outcome="reached",
            notes=CALL_NOTE_NAMING_EMMA,
            disclosure_requested=True,
        )
        t.shift(dt.timedelta(days=1))
        asked = disclosure_request(application=sara, by=None, via="portal")
        disclosure_send(request=asked, by=owner)
        # Delivered, as the worker would.
        Message.objects.filter(application=sara).update(
            status=Message.Status.SENT, sent_at=timezone.now()
        )
        elsewhere_job = recruitment_create(
            owner=owner,
            title="Truckförare",
            description="Truckkörning på vårt lager i Borås.",
            job_tasks="Köra truck",
            status=Recruitment.Status.OPEN,
            application_deadline=dt.date(2026, 12, 20),
            first_reply_by=dt.date(2026, 12, 30),
            criteria=[],
        )
        sara_elsewhere = application_receive(
            recruitment=elsewhere_job,
            first_name="Sara",
            last_name="Ek",
            email="sara.ek@example.se",
            by=owner,
        )
        tom = application_receive(
            recruitment=elsewhere_job,
            first_name="Tom",
            last_name="Baker",
            email="tom.baker@example.com",
            language="en",
            by=owner,
        )
    for app in (sara, emma, ali):
        app.refresh_from_db()
    return Scene(recruitment, sara, emma, ali, sara_elsewhere, tom)


def more_messages(application: Application, count: int) -> None:
    """``count`` more messages sent to the candidate (status updates)."""
    for n in range(count):
        message = message_queue(
            application=application, kind="status_update", dedupe_key=f"more:{application.pk}:{n}"
        )
        assert message is not None
    Message.objects.filter(application=application).update(
        status=Message.Status.SENT, sent_at=timezone.now()
    )
