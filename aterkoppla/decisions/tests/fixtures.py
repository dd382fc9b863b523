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


# For the written information (DL 2 kap. 4 §): merits as candidates write them, and what
# must never reach a letter about others: every applicant's name, address, phone, employers,
# schools and years (none of them 2026, the year the letter is dated).
MERITS_WITH_DETAILS = {
    "Emma": {
        "education": [
            {
                "field": "logistik",
                "level": "vocational",
                "organisation": "Jönköping University",
                "from_year": 2014,
                "to_year": 2016,
            }
        ],
        "experience": [
            {
                "role": "lagerarbetare",
                "years": 6,
                "organisation": "Nordlager AB",
                "from_year": 2017,
                "to_year": 2023,
            }
        ],
        "other": [{"field": "truckkort A+B"}],
    },
    "Ali": {
        "experience": [
            {
                "role": "truckförare",
                "years": 2,
                "organisation": "DHL Supply Chain",
                "from_year": 2019,
                "to_year": 2021,
            }
        ],
    },
    "Sara": {
        "experience": [
            {
                "role": "butiksbiträde",
                "years": 4,
                "organisation": "ICA Maxi Huskvarna",
                "from_year": 2012,
                "to_year": 2015,
            }
        ],
    },
}
DETAILS_NEVER_TOLD = (
    *("Sara", "Ek", "Ali", "Hassan", "Emma", "Berg", "Nils", "Holm", "Olle", "Lind"),
    *("sara@example.se", "ali@example.se", "emma@example.se", "nils@example.se"),
    *("070-111", "070-222", "070-333", "070-444", "0701111111", "0702222222"),
    *("Jönköping", "Nordlager", "DHL", "ICA", "Huskvarna"),
    *("2012", "2014", "2015", "2016", "2017", "2019", "2021", "2023"),
)


def decide_with_hire(recruitment, owner, interviewed, others):
    """Emma hired, Sara and Ali rejected after their interviews, the others in writing."""
    from aterkoppla.decisions.services import RejectionInput, decision_record

    sara, ali, emma = interviewed
    criteria = list(recruitment.criteria.all())
    decision_record(
        recruitment=recruitment,
        by=owner,
        hired=[emma.pk],
        rejections=[
            RejectionInput(sara.pk, (criteria[1].pk,), "Mindre erfarenhet av lagerarbete."),
            RejectionInput(ali.pk, (criteria[1].pk,), "Less warehouse experience."),
            *(RejectionInput(o.pk) for o in others),
        ],
    )
    for application in (*interviewed, *others):
        application.refresh_from_db()
    return interviewed, others


@pytest.fixture
def merits_decided(recruitment, owner, interviewed, others):
    """Emma hired; Sara and Ali (English) rejected after interviews; Nils (email) and Olle
    (no email) rejected in writing. Everyone interviewed has merits with employers and
    years."""
    for application in interviewed:
        merits = MERITS_WITH_DETAILS[application.candidate.first_name]
        merits_update(application=application, by=owner, merits=merits)
    decide_with_hire(recruitment, owner, interviewed, others)
    return interviewed, others
