"""A rendered message is checked with its job's requirement profile, as the texts in it were
when they were saved: a topic the job itself names is the job's, not the candidate's."""

from __future__ import annotations

from aterkoppla.messaging.services import message_review

TOPIC = "Autism och adhd är centrala frågor i tjänsten."
PROFILE = ("Erfarenhet av arbete med personer med autism och adhd",)


def test_the_jobs_own_topic_is_not_stopped_in_a_message():
    assert message_review("Ditt besked", TOPIC, "sv", policy="block").needs_override
    reviewed = message_review("Ditt besked", TOPIC, "sv", policy="block", profile=PROFILE)
    assert not reviewed.needs_override
    assert reviewed.findings == {"subject": [], "body": []}


def test_a_person_bound_to_the_topic_is_stopped_even_with_the_profile():
    text = "Hon har själv adhd, så vi valde en annan kandidat."
    reviewed = message_review("Ditt besked", text, "sv", policy="block", profile=PROFILE)
    assert reviewed.needs_override
