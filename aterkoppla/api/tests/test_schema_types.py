"""The API's choice types are written out for the type checker: each must stay equal to the
model's choices, in the same order (the order the OpenAPI document lists them in)."""

from __future__ import annotations

from typing import Any, get_args

import pytest
from pydantic import TypeAdapter, ValidationError

from aterkoppla.api import assessment_schemas, decisions_schemas, schemas
from aterkoppla.applications.models import Application
from aterkoppla.assessment.models import Screening
from aterkoppla.decisions.models import CallAttempt, CallTask
from aterkoppla.messaging.models import Kind as MessageKind
from aterkoppla.messaging.models import Message
from aterkoppla.recruitment.models import Criterion, Recruitment, TeamMembership
from aterkoppla.timeline.models import TimelineEvent

STAGE = Application.Stage


@pytest.mark.parametrize(
    ("literal", "values"),
    [
        (schemas.Kind, Criterion.Kind.values),
        (schemas.Category, Criterion.Category.values),
        (schemas.Role, TeamMembership.Role.values),
        (schemas.Status, Recruitment.Status.values),
        (schemas.EmploymentType, Recruitment.EmploymentType.values),
        (schemas.Stage, STAGE.values),
        (schemas.Actor, TimelineEvent.Actor.values),
        (schemas.MessageKindValue, MessageKind.values),
        (schemas.MessageChannel, Message.Channel.values),
        (schemas.MessageStatus, Message.Status.values),
        (assessment_schemas.ScreeningResultValue, Screening.Result.values),
        (assessment_schemas.AdvanceTo, [STAGE.SCREENING, STAGE.INTERVIEW]),
        (decisions_schemas.Outcome, CallAttempt.Outcome.values),
        (decisions_schemas.TaskStatus, CallTask.Status.values),
        (decisions_schemas.TaskStatusFilter, [*CallTask.Status.values, "all"]),
    ],
)
def test_choice_types_match_the_models(literal: Any, values: list[str]) -> None:
    assert get_args(literal) == tuple(values)


def test_stage_counts_name_every_stage_in_order() -> None:
    assert list(schemas.StageCounts.model_fields) == STAGE.values
    assert all(
        f.annotation is int and f.is_required() for f in schemas.StageCounts.model_fields.values()
    )


def test_defaults_are_choices_of_the_models() -> None:
    fields = schemas.RecruitmentIn.model_fields
    assert fields["status"].default == Recruitment.Status.DRAFT
    assert fields["employment_type"].default == Recruitment.EmploymentType.FULL_TIME
    criterion = schemas.CriterionIn.model_fields
    assert criterion["kind"].default == Criterion.Kind.MUST
    assert criterion["category"].default == Criterion.Category.EXPERIENCE


@pytest.mark.parametrize(
    ("alias", "longest", "required"),
    [
        (schemas.Title, 200, True),
        (schemas.Line, 200, False),
        (schemas.PersonName, 100, True),
        (schemas.Email, 254, False),
        (schemas.Phone, 40, False),
        (schemas.Merit, 1_000, False),
        (schemas.Paragraphs, 20_000, False),
        (schemas.OverrideReason, 1_000, False),
        (assessment_schemas.Note, 5_000, False),
        (assessment_schemas.Reason, 1_000, False),
        (assessment_schemas.Url, 500, False),
    ],
)
def test_texts_are_trimmed_bounded_and_storable(alias: Any, longest: int, required: bool) -> None:
    text = TypeAdapter(alias)
    assert text.validate_python("  a  ") == "a"
    assert text.validate_python("x" * longest) == "x" * longest
    with pytest.raises(ValidationError):
        text.validate_python("x" * (longest + 1))
    with pytest.raises(ValidationError):
        text.validate_python("a\x00b")
    with pytest.raises(ValidationError):
        text.validate_python(3)
    if required:
        with pytest.raises(ValidationError):
            text.validate_python("   ")
    else:
        assert text.validate_python("   ") == ""
