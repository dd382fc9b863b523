"""A recruitment ready to decide: interviewed candidates with scorecards, and others.

Shared by the decision tests, the API tests and the browser tests: import the fixtures.
"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from aterkoppla.applications.models import Application
from aterkoppla.applications.services import application_move, application_receive
from aterkoppla.assessment.services import (
    RatingInput,
    interview_schedule,
    merits_update,
    scorecard_submit,
)


def apply_for(recruitment, owner, first, last, email="", phone="", language="sv"):
    return application_receive(
        recruitment=recruitment,
        first_name=first,
        last_name=last,
        email=email,
        phone=phone,
        language=language,
        # Facts without names, as merits should be: the call sheet shows the hired person's.
        merits={"education": ["Truckkort A+B"], "experience": ["Lagerarbete, 3 år"]},
        by=owner,
    )


@pytest.fixture
def interviewed(recruitment, owner, hiring_manager, interviewer):
    """Three candidates interviewed and scored by the hiring manager and the interviewer:
    (Sara, Ali, Emma). Emma scores best."""
    people = [
        apply_for(recruitment, owner, "Sara", "Ek", "sara@example.se", "070-111 11 11"),
        apply_for(recruitment, owner, "Ali", "Hassan", "ali@example.se", "070-222 22 22", "en"),
        apply_for(recruitment, owner, "Emma", "Berg", "emma@example.se", "070-333 33 33"),
    ]
    criteria = list(recruitment.criteria.all())
    interviews = []
    for application in people:
        application_move(application=application, to_stage=Application.Stage.INTERVIEW, by=owner)
        interviews.append(
            interview_schedule(
                application=application,
                by=owner,
                scheduled_at=timezone.now() + dt.timedelta(hours=1),
                interviewers=[hiring_manager, interviewer],
                location="Lagret",
            )
        )
    with time_machine.travel(timezone.now() + dt.timedelta(hours=3)):
        for n, interview in enumerate(interviews):
            for user in (hiring_manager, interviewer):
                scorecard_submit(
                    interview=interview,
                    by=user,
                    ratings=[
                        RatingInput(criterion_id=c.pk, score=3 + n if i == 1 else 3, evidence="")
                        for i, c in enumerate(criteria)
                    ],
                    impression="Lugn och saklig.",
                    strengths="Noggrann med detaljer.",
                    tips="Ge fler konkreta exempel.",
                )
    for application in people:
        merits_update(application=application, by=owner, merits=list(application.merits.all()))
        application.refresh_from_db()
    return people


@pytest.fixture
def others(recruitment, owner):
    """Two not interviewed: one with email, one without (a letter)."""
    return [
        apply_for(recruitment, owner, "Nils", "Holm", "nils@example.se"),
        apply_for(recruitment, owner, "Olle", "Lind", "", "070-444 44 44"),
    ]
