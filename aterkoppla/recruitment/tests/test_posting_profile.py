"""The job posting is checked with the job's own requirement profile: an ad for work with
autism may name autism as the work, and the same words about a person are still stopped."""

from __future__ import annotations

import pytest

from aterkoppla.language.gate import LanguageBlocked
from aterkoppla.recruitment.services import criterion_add, recruitment_update

TOPIC = "Autism och adhd är centrala frågor i tjänsten."


def test_the_posting_may_name_a_topic_its_requirements_name(recruitment, owner):
    with pytest.raises(LanguageBlocked):
        recruitment_update(recruitment=recruitment, by=owner, description=TOPIC)
    criterion_add(
        recruitment=recruitment,
        by=owner,
        name="Erfarenhet av arbete med personer med autism och adhd",
    )
    recruitment_update(recruitment=recruitment, by=owner, description=TOPIC)
    recruitment.refresh_from_db()
    assert recruitment.description == TOPIC
    with pytest.raises(LanguageBlocked):
        recruitment_update(
            recruitment=recruitment,
            by=owner,
            description="Vi vill inte ha någon som själv har adhd.",
        )
