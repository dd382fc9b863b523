"""The language check is the services' own: called directly, as a new page, command or API
route would, each service that stores a text which justifies a decision or reaches a
candidate refuses a blocking text without a reason, stores nothing, and with a reason keeps
it and records the override.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
import time_machine

from aterkoppla.applications.services import application_move
from aterkoppla.assessment.services import (
    RatingInput,
    ScreeningResult,
    application_mark_for_rejection,
    merits_update,
    scorecard_submit,
    screening_record,
)
from aterkoppla.decisions.models import CallTask
from aterkoppla.decisions.services import RejectionInput, call_attempt_record, decision_record
from aterkoppla.language.gate import LanguageBlocked
from aterkoppla.language.models import LanguageOverride, Where
from aterkoppla.messaging.models import Kind, Message, MessageTemplate
from aterkoppla.messaging.services import (
    message_queue,
    message_release,
    message_template_save,
)
from aterkoppla.organisation.models import Organisation
from aterkoppla.organisation.services import organisation_update
from aterkoppla.recruitment.models import Recruitment
from aterkoppla.recruitment.services import recruitment_create, recruitment_update

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

AGE = "Hon är för gammal för tjänsten."  # an age reference: a block finding
FINE = "Tjänsten kräver truckkort A+B."


def _screening(application, owner, text, reason):
    criterion = application.recruitment.criteria.first()
    screening_record(
        application=application,
        by=owner,
        results=[ScreeningResult(criterion.pk, "met", text)],
        language_override_reason=reason,
    )
    return lambda: application.screenings.filter(note=text).exists()


def _rejection_reason(application, owner, text, reason):
    application_mark_for_rejection(
        application=application,
        by=owner,
        marked=True,
        reason=text,
        language_override_reason=reason,
    )
    application.refresh_from_db()
    return lambda: application.rejection_reason == text


def _merits(application, owner, text, reason):
    merits_update(
        application=application,
        by=owner,
        merits={"experience": [{"role": text}]},
        language_override_reason=reason,
    )
    return lambda: application.merits.filter(kind="experience", role=text).exists()


def _scorecard(interviewed, hiring_manager, text, reason):
    application = interviewed[0]
    interview = application.interviews.get()
    criterion = application.recruitment.criteria.first()
    with time_machine.travel(interview.scheduled_at + dt.timedelta(hours=1)):
        scorecard_submit(
            interview=interview,
            by=hiring_manager,
            ratings=[RatingInput(criterion.pk, 3, text)],
            impression="Lugn.",
            language_override_reason=reason,
        )
    return lambda: interview.scorecards.filter(ratings__evidence=text).exists()


def _decision(interviewed, owner, text, reason):
    application = interviewed[0]
    criterion = application.recruitment.criteria.first()
    decision_record(
        recruitment=application.recruitment,
        by=owner,
        rejections=[RejectionInput(application.pk, (criterion.pk,), text)],
        language_override_reason=reason,
    )
    return lambda: CallTask.objects.filter(application=application).exists()


def _call_notes(interviewed, owner, text, reason):
    application = interviewed[0]
    criterion = application.recruitment.criteria.first()
    if not CallTask.objects.filter(application=application).exists():
        decision_record(
            recruitment=application.recruitment,
            by=owner,
            rejections=[RejectionInput(application.pk, (criterion.pk,), "Kortare erfarenhet.")],
        )
    task = CallTask.objects.get(application=application)
    call_attempt_record(
        task=task, by=owner, outcome="no_answer", notes=text, language_override_reason=reason
    )
    return lambda: task.attempts.filter(notes=text).exists()


def _posting(recruitment, owner, text, reason):
    recruitment_create(
        owner=owner, title="Truckförare", description=text, language_override_reason=reason
    )
    return lambda: Recruitment.objects.filter(title="Truckförare").exists()


def _posting_update(recruitment, owner, text, reason):
    recruitment_update(
        recruitment=recruitment, by=owner, job_tasks=text, language_override_reason=reason
    )
    return lambda: Recruitment.objects.get(pk=recruitment.pk).job_tasks == text


def _template(recruitment, owner, text, reason):
    message_template_save(
        kind=Kind.STATUS_UPDATE,
        language="sv",
        subject="Om din ansökan",
        body=f"Hej {{{{ first_name }}}}!\n\n{text}\n",
        by=owner,
        language_override_reason=reason,
    )
    return lambda: MessageTemplate.objects.exists()


def _privacy(recruitment, owner, text, reason):
    organisation_update(
        organisation=Organisation.current(),
        by=owner,
        privacy_notice_sv=text,
        language_override_reason=reason,
    )
    return lambda: Organisation.current().privacy_notice_sv == text


def _release(application, owner, text, reason):
    MessageTemplate.objects.get_or_create(
        kind=Kind.STATUS_UPDATE, language="sv", defaults={"subject": "Om din ansökan", "body": AGE}
    )
    message = message_queue(application=application, kind=Kind.STATUS_UPDATE, dedupe_key="t")
    assert message.status == Message.Status.HELD
    message_release(
        message=message,
        by=owner,
        subject="Om din ansökan",
        body=text,
        language_override_reason=reason,
    )
    return lambda: Message.objects.get(pk=message.pk).status == Message.Status.QUEUED


SERVICES: dict[str, tuple[Callable[..., Any], str, str]] = {
    # name: (the call, the fixture it needs, what kind of text it is)
    "screening notes": (_screening, "application", Where.SCREENING),
    "reason for a rejection": (_rejection_reason, "application", Where.REJECTION),
    "merits summary": (_merits, "application", Where.MERITS),
    "scorecard": (_scorecard, "interviewed", Where.SCORECARD),
    "decision explanation": (_decision, "interviewed", Where.REJECTION),
    "call notes": (_call_notes, "interviewed", Where.CALL),
    "job posting": (_posting, "recruitment", Where.RECRUITMENT),
    "changed job posting": (_posting_update, "recruitment", Where.RECRUITMENT),
    "message template": (_template, "recruitment", Where.TEMPLATE),
    "privacy notice": (_privacy, "recruitment", Where.ORGANISATION),
    "released message": (_release, "application", Where.MESSAGE),
}


def _who(name: str, request: pytest.FixtureRequest) -> Any:
    return request.getfixturevalue("hiring_manager" if name == "scorecard" else "owner")


@pytest.mark.parametrize("name", list(SERVICES))
def test_a_blocking_text_without_a_reason_is_refused_and_nothing_is_stored(name, request):
    call, fixture, _where = SERVICES[name]
    subject, who = request.getfixturevalue(fixture), _who(name, request)
    if name == "screening notes":
        application_move(application=subject, to_stage="screening", by=who)
    overrides = LanguageOverride.objects.count()
    with pytest.raises(LanguageBlocked) as stopped:
        call(subject, who, AGE, "")
    assert {f.category for found in stopped.value.blocking.values() for f in found} == {"age"}
    assert LanguageOverride.objects.count() == overrides
    stored = call(subject, who, FINE, "")
    assert stored()


@pytest.mark.parametrize("name", list(SERVICES))
def test_with_a_reason_the_text_is_kept_and_the_override_recorded(name, request):
    call, fixture, where = SERVICES[name]
    subject, who = request.getfixturevalue(fixture), _who(name, request)
    reason = "Citerar kandidatens egen formulering."
    stored = call(subject, who, AGE, reason)
    assert stored()
    override = LanguageOverride.objects.filter(where=where).latest("at")
    assert override.reason == reason
    assert override.user == who
