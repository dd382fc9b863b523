"""The timeline: one writer, kinds declared by their apps, each worded in Swedish and English."""

from __future__ import annotations

import pytest
from django.utils import translation

from aterkoppla.timeline.models import TimelineEvent
from aterkoppla.timeline.registry import BadEventData, UnknownKind, event_kind, kind_get, kinds
from aterkoppla.timeline.selectors import timeline_for
from aterkoppla.timeline.services import timeline_record

pytestmark = pytest.mark.django_db

# Every kind the product writes, with the app that declares (and words) it.
OWNERS = {
    "applications": {
        "received",
        "stage_changed",
        "promise_postponed",
        "promise_escalated",
        "talent_pool_joined",
        "talent_pool_left",
        "talent_pool_renewal_asked",
        "talent_pool_renewed",
        "talent_pool_invited",
    },
    "recruitment": {"profile_changed", "recruitment_status", "legal_hold_set", "legal_hold_lifted"},
    "messaging": {
        "message_queued",
        "message_sent",
        "message_failed",
        "message_held",
        "message_released",
        "message_waiting",
    },
    "assessment": {
        "screened",
        "marked_for_rejection",
        "interview_scheduled",
        "interview_recorded",
        "interview_rescheduled",
        "interview_cancelled",
        "interview_held",
        "scorecard_submitted",
        "scorecard_changed",
        "merits_updated",
    },
    "language": {"language_override"},
    "decisions": {
        "decided",
        "call_attempted",
        "follow_up",
        "letter_printed",
        "disclosure_requested",
        "disclosure_sent",
        "disclosure_due_soon",
        "disclosure_overdue",
    },
    "privacy": {"anonymised", "erasure_requested", "data_exported"},
}


def test_each_app_declares_its_own_kinds():
    declared = {kind.name: kind.schema.__module__ for kind in kinds()}
    for app, names in OWNERS.items():
        for name in names:
            assert declared[name] == f"aterkoppla.{app}.events", name
    assert set(declared) == set().union(*OWNERS.values())


@pytest.mark.parametrize("kind", kinds(), ids=lambda kind: kind.name)
def test_every_kind_has_a_summary_in_swedish_and_english(kind):
    with translation.override("sv"):
        swedish = kind.summarise(kind.example)
        swedish_label = str(kind.label)
    with translation.override("en"):
        english = kind.summarise(kind.example)
        english_label = str(kind.label)
    assert swedish.strip() and english.strip()
    # Translated: the Swedish words are not the English ones (the catalogue has them).
    assert swedish_label != english_label
    assert swedish != english


def test_data_must_have_the_shape_its_kind_declares(application):
    with pytest.raises(BadEventData, match="missing"):
        timeline_record(application=application, kind="stage_changed", data={"to": "screening"})
    with pytest.raises(BadEventData, match="not declared"):
        timeline_record(
            application=application,
            kind="interview_held",
            data={"interview": 1, "extra": "x"},
        )
    with pytest.raises(UnknownKind):
        timeline_record(application=application, kind="no_such_kind", data={})


def test_a_kind_cannot_be_declared_twice_with_another_shape():
    class Other(dict):
        pass

    with pytest.raises(ValueError, match="declared twice"):
        event_kind("received", label="x", schema=Other, example={})
    assert kind_get("received").schema.__name__ == "Received"


def test_events_are_append_only(application):
    event = application.timeline.first()
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        TimelineEvent.objects.filter(pk=event.pk).update(kind="x")


def test_a_recruitment_event_shows_on_the_applications_open_at_the_time(
    recruitment, owner, application
):
    from aterkoppla.applications.services import application_receive, applications_close

    closed = application_receive(
        recruitment=recruitment, first_name="Per", last_name="Ny", email="per@example.se"
    )
    applications_close(applications=[closed], outcome="withdrawn", by=None, by_candidate=True)
    shared = timeline_record(
        recruitment_id=recruitment.pk,
        by=owner,
        kind="profile_changed",
        data={"change": "added", "criterion": "B-körkort"},
    )
    later = application_receive(
        recruitment=recruitment, first_name="Eva", last_name="Sen", email="eva@example.se"
    )
    closed.refresh_from_db()
    assert shared in timeline_for(application)
    assert shared not in timeline_for(closed)  # closed before the change
    assert shared not in timeline_for(later)  # arrived after it
