from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from aterkoppla.recruitment.models import Criterion, Recruitment, TeamMembership
from aterkoppla.recruitment.services import (
    CriterionSpec,
    criterion_add,
    criterion_move,
    criterion_remove,
    criterion_update,
    recruitment_create,
    recruitment_update,
    team_member_add,
    team_member_remove,
)
from aterkoppla.timeline.models import TimelineEvent
from aterkoppla.timeline.selectors import timeline_for

pytestmark = pytest.mark.usefixtures("english")


def test_recruitment_create_makes_the_owner_a_team_member_and_orders_criteria(owner):
    recruitment = recruitment_create(
        owner=owner,
        title="  Ekonomiassistent ",
        criteria=[CriterionSpec(name="Ekonomiutbildning"), CriterionSpec(name="Visma")],
    )
    assert recruitment.title == "Ekonomiassistent"
    assert recruitment.memberships.get().role == TeamMembership.Role.OWNER
    assert [(c.name, c.order) for c in recruitment.criteria.all()] == [
        ("Ekonomiutbildning", 0),
        ("Visma", 1),
    ]


def test_recruitment_create_refuses_an_empty_title_and_writes_nothing(owner):
    with pytest.raises(ValidationError) as info:
        recruitment_create(owner=owner, title="   ")
    assert "title" in info.value.error_dict
    assert not Recruitment.objects.exists()


def test_promised_answer_date_cannot_precede_the_deadline(owner):
    with pytest.raises(ValidationError, match="cannot be before the application deadline"):
        recruitment_create(
            owner=owner,
            title="Lagerarbetare",
            application_deadline=dt.date(2026, 12, 10),
            first_reply_by=dt.date(2026, 12, 1),
        )


def test_a_bad_criterion_rolls_back_the_whole_recruitment(owner):
    with pytest.raises(ValidationError):
        recruitment_create(
            owner=owner,
            title="Lagerarbetare",
            criteria=[CriterionSpec(name="Truckkort"), CriterionSpec(name="Lager", weight=-3)],
        )
    assert not Recruitment.objects.exists()
    assert not Criterion.objects.exists()


@pytest.mark.parametrize("weight", [-3, 0, 6])
def test_criterion_weight_outside_1_to_5_is_refused(recruitment, owner, weight):
    with pytest.raises(ValidationError) as info:
        criterion_add(recruitment=recruitment, by=owner, name="Svenska", weight=weight)
    assert "weight" in info.value.error_dict


def test_criterion_names_are_unique_within_a_profile(recruitment, owner):
    with pytest.raises(ValidationError, match="already has a requirement with this name"):
        criterion_add(recruitment=recruitment, by=owner, name="Truckkort A+B")


def test_profile_changes_land_on_the_timeline_of_open_applications(recruitment, owner, application):
    criterion = criterion_add(recruitment=recruitment, by=owner, name="B-körkort", kind="merit")
    criterion_update(criterion=criterion, by=owner, weight=4)
    # Recorded once, on the recruitment, and read on the timeline of each open application.
    events = [e for e in timeline_for(application) if e.kind == "profile_changed"]
    assert [e.data["change"] for e in events] == ["added", "updated"]
    assert events[0].actor_user == owner
    assert "B-körkort" in events[0].summary()
    assert TimelineEvent.objects.filter(kind="profile_changed", application=None).count() == 5


def test_closed_applications_get_no_profile_events(recruitment, owner, application):
    from aterkoppla.applications.services import applications_close

    applications_close(applications=[application], outcome="withdrawn", by=owner)
    criterion_add(recruitment=recruitment, by=owner, name="B-körkort")
    application.refresh_from_db()
    assert not [e for e in timeline_for(application) if e.kind == "profile_changed"]


def test_criterion_move_reorders_and_stops_at_the_ends(recruitment, owner):
    third = recruitment.criteria.get(name="Noggrannhet")
    criterion_move(criterion=third, by=owner, offset=-1)
    assert list(recruitment.criteria.values_list("name", flat=True)) == [
        "Truckkort A+B",
        "Noggrannhet",
        "Erfarenhet av lagerarbete",
    ]
    criterion_move(criterion=third, by=owner, offset=-5)
    criterion_move(criterion=third, by=owner, offset=-1)
    assert recruitment.criteria.first() == third
    assert sorted(recruitment.criteria.values_list("order", flat=True)) == [0, 1, 2]


def test_criterion_remove(recruitment, owner):
    criterion_remove(criterion=recruitment.criteria.get(name="Noggrannhet"), by=owner)
    assert recruitment.criteria.count() == 2


def test_recruitment_update_validates(recruitment, owner):
    recruitment_update(recruitment=recruitment, by=owner, title="Lagerarbetare natt")
    recruitment.refresh_from_db()
    assert recruitment.title == "Lagerarbetare natt"
    with pytest.raises(ValidationError):
        recruitment_update(recruitment=recruitment, by=owner, status="archived")
    with pytest.raises(TypeError):
        recruitment_update(recruitment=recruitment, by=owner, owner=None)


def test_team_has_one_owner_and_one_role_per_person(recruitment, owner, member, outsider):
    with pytest.raises(ValidationError, match="exactly one owner"):
        team_member_add(recruitment=recruitment, by=owner, user=outsider, role="owner")
    with pytest.raises(ValidationError, match="already on the team"):
        team_member_add(recruitment=recruitment, by=owner, user=member, role="interviewer")
    with pytest.raises(ValidationError):
        team_member_add(recruitment=recruitment, by=owner, user=outsider, role="boss")
    with pytest.raises(ValidationError, match="owner cannot be removed"):
        team_member_remove(membership=recruitment.memberships.get(user=owner), by=owner)


def test_criterion_names_differing_only_in_case_are_the_same(recruitment, owner):
    with pytest.raises(ValidationError, match="already has a requirement with this name"):
        criterion_add(recruitment=recruitment, by=owner, name="truckkort a+b")
