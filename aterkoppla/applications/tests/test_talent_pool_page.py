"""The staff's talent pool page: who sees whom (the team of a recruitment the person applied
to, in a role that sees every application; site admins), the search, and invitations."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aterkoppla.applications.events import TALENT_POOL_INVITED
from aterkoppla.applications.models import Application, TalentPoolConsent, TalentPoolInvitation
from aterkoppla.applications.services import application_receive
from aterkoppla.applications.talent_pool import months_later, talent_pool_join, talent_pool_leave
from aterkoppla.assessment.services import ScreeningResult, screening_record
from aterkoppla.messaging.models import Kind, Message
from aterkoppla.portal.tests.helpers import choose_language
from aterkoppla.recruitment.models import Criterion, Recruitment
from aterkoppla.recruitment.services import CriterionSpec, recruitment_create
from tests.helpers import as_recruiter

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("nov_25")]

PAGE = reverse("applications:talent_pool")
PORTAL = TalentPoolConsent.Via.PORTAL


def _join(application: Application, scope: str = "") -> TalentPoolConsent:
    return talent_pool_join(candidate=application.candidate, scope=scope, via=PORTAL)


def _names(client, **search) -> list[str]:
    response = client.get(PAGE, search)
    assert response.status_code == 200
    return [person.full_name for person in response.context["page"].object_list]


def _invite_url(application: Application) -> str:
    return reverse("applications:talent_pool_invite", args=[application.candidate_id])


@pytest.fixture
def sara(application) -> Application:
    """Sara, on the shared recruitment, in the pool for warehouse work."""
    _join(application, scope="Lager och logistik")
    return application


@pytest.fixture
def kitchen(outsider) -> Recruitment:
    """Another team's recruitment: the outsider owns it."""
    return recruitment_create(
        owner=as_recruiter(outsider),
        title="Kock",
        status=Recruitment.Status.OPEN,
        criteria=[CriterionSpec(name="Hygienkort", category=Criterion.Category.EDUCATION)],
    )


@pytest.fixture
def zlatan(kitchen, outsider) -> Application:
    application = application_receive(
        recruitment=kitchen,
        first_name="Zlatan",
        last_name="Kock",
        email="zlatan@example.se",
        language="en",
        merits={"experience": ["Kock, 5 år"]},
        by=outsider,
    )
    _join(application, scope="Restaurang")
    return application


@pytest.fixture
def new_job(owner) -> Recruitment:
    return recruitment_create(
        owner=owner,
        title="Truckförare",
        status=Recruitment.Status.OPEN,
        application_deadline=dt.date(2026, 12, 31),
        first_reply_by=dt.date(2027, 1, 15),
    )


# --- Who sees whom -----------------------------------------------------------------------


@pytest.mark.parametrize("who", ["owner", "member", "hiring_manager"])
def test_the_team_sees_the_people_who_applied_to_their_recruitment(
    client_for, request, who, sara, zlatan
):
    assert _names(client_for(request.getfixturevalue(who))) == ["Sara Ek"]


@pytest.mark.parametrize("who", ["interviewer", "outsider"])
def test_interviewers_and_other_teams_do_not_see_them(client_for, request, who, sara):
    page = client_for(request.getfixturevalue(who)).get(PAGE)
    assert page.status_code == 200
    assert list(page.context["page"].object_list) == []
    assert "Sara" not in page.content.decode()


def test_the_other_team_sees_its_own_people_only(client_for, outsider, sara, zlatan):
    assert _names(client_for(outsider)) == ["Zlatan Kock"]


def test_a_site_admin_sees_everyone(client_for, site_admin, sara, zlatan):
    assert _names(client_for(site_admin)) == ["Sara Ek", "Zlatan Kock"]


def test_anonymous_is_sent_to_log_in(client_for, sara):
    response = client_for(None).get(PAGE)
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_the_row_shows_scope_end_and_only_the_applications_the_user_may_see(
    client_for, owner, outsider, sara, kitchen
):
    application_receive(
        recruitment=kitchen, first_name="Sara", last_name="Ek", email="sara.ek@example.se"
    )
    page = client_for(owner).get(PAGE).content.decode()
    row = page[page.index('id="talent-pool"') :]
    assert "Lager och logistik" in row
    assert "Lagerarbetare" in row and "Kock" not in row
    assert f'href="{sara.get_absolute_url()}"' in row
    (person,) = client_for(outsider).get(PAGE).context["page"].object_list
    assert [a.recruitment.title for a in person.pool_applications] == ["Kock"]


def test_people_who_left_are_not_shown(client_for, owner, sara):
    talent_pool_leave(candidate=sara.candidate, via=PORTAL)
    assert _names(client_for(owner)) == []


def test_the_main_navigation_links_the_page(client_for, owner):
    page = client_for(owner).get(PAGE).content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', page, re.DOTALL).group(0)
    assert f'<a href="{PAGE}" aria-current="page">' in nav


# --- Search ------------------------------------------------------------------------------


@pytest.fixture
def pool(recruitment, owner, sara):
    """Sara screened as meeting the forklift licence; Ali and Emma scored 4 and 5 on warehouse
    experience at interview (the shared fixture), all three in the pool."""
    truck, experience, _careful = recruitment.criteria.all()
    screening_record(application=sara, by=owner, results=[ScreeningResult(truck.pk, "met")])
    return experience


@pytest.fixture
def interviewed_in_pool(interviewed):
    _sara, ali, emma = interviewed
    for application in (ali, emma):
        _join(application, scope="Truck")
    return interviewed


def test_search_by_a_requirement_met_at_screening(client_for, owner, pool):
    assert _names(client_for(owner), requirement="truckkort") == ["Sara Ek"]
    assert _names(client_for(owner), requirement="lagerarbete") == []


def test_search_by_a_requirement_scored_4_or_more(client_for, owner, interviewed_in_pool):
    # Ali scored 4 and Emma 5 on warehouse experience; nobody better than 3 on the licence.
    assert _names(client_for(owner), requirement="lagerarbete") == ["Emma Berg", "Ali Hassan"]
    assert _names(client_for(owner), requirement="truckkort") == []


def test_search_by_category(client_for, owner, pool, interviewed_in_pool):
    assert _names(client_for(owner), category="education") == ["Sara Ek"]
    assert _names(client_for(owner), category="experience") == ["Emma Berg", "Ali Hassan"]
    assert _names(client_for(owner), category="personal") == []
    both = {"requirement": "truckkort", "category": "experience"}
    assert _names(client_for(owner), **both) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("sara", ["Sara Ek"]),  # name
        ("logistik", ["Sara Ek"]),  # the kinds of jobs asked for
        ("lagerarbetare", ["Sara Ek"]),  # a merit's role, and the job applied for
        ("Kock", []),  # another team's job and merits are not searched
        ("sara logistik", ["Sara Ek"]),
        ("sara kock", []),
    ],
)
def test_search_by_words(client_for, owner, sara, zlatan, text, found):
    assert _names(client_for(owner), text=text) == found


def test_search_by_merit_for_the_other_team(client_for, outsider, sara, zlatan):
    assert _names(client_for(outsider), text="kock") == ["Zlatan Kock"]
    assert _names(client_for(outsider), text="restaurang") == ["Zlatan Kock"]


def test_a_bad_category_is_a_form_error(client_for, owner, sara):
    response = client_for(owner).get(PAGE, {"category": "cooking"})
    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()


def test_the_number_of_queries_does_not_grow_with_the_people(
    client_for, owner, recruitment, new_job, sara
):
    client = client_for(owner)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(PAGE).status_code == 200
        return len(queries)

    few = count()
    for n in range(4):
        application = application_receive(
            recruitment=recruitment,
            first_name=f"Person{n}",
            last_name="Pool",
            email=f"p{n}@example.se",
            merits={"experience": ["Lagerarbetare, 2 år"]},
        )
        _join(application, scope="Lager")
        TalentPoolInvitation.objects.create(
            candidate=application.candidate,
            recruitment=new_job,
            consent=application.candidate.talent_pool_consents.get(),
        )
    many = count()
    assert len(client.get(PAGE).context["page"].object_list) == 5
    assert few == many == 7


# --- Invitations -------------------------------------------------------------------------


def test_inviting_sends_the_job_in_the_candidates_language_once(
    client_for, owner, recruitment, new_job, sara
):
    client = client_for(owner)
    response = client.post(_invite_url(sara), {"recruitment": new_job.pk})
    assert response.status_code == 302 and response["Location"] == PAGE
    message = Message.objects.get(kind=Kind.TALENT_POOL_INVITE)
    assert message.application == sara and message.language == "sv"
    assert message.subject.endswith(": Truckförare")
    assert f"/jobb/{new_job.pk}/" in message.body_text
    assert "/talangbank/" in message.body_text
    assert "eftersom du finns i vår talangbank" in message.body_text
    invitation = TalentPoolInvitation.objects.get()
    assert (invitation.recruitment, invitation.invited_by) == (new_job, owner)
    event = sara.timeline.get(kind=TALENT_POOL_INVITED)
    assert event.data["recruitment"] == new_job.pk and event.data["message"] == message.pk
    page = client.get(PAGE).content.decode()
    assert "Truckförare, " in page[page.index("<tbody>") :]

    # Once per person and recruitment.
    choose_language(client, "en")
    again = client.post(_invite_url(sara), {"recruitment": new_job.pk}, follow=True)
    assert Message.objects.filter(kind=Kind.TALENT_POOL_INVITE).count() == 1
    assert TalentPoolInvitation.objects.count() == 1
    assert (
        "Sara Ek was already invited to apply for Truckförare on 25 November 2026"
        in again.content.decode()
    )


def test_an_english_candidate_is_invited_in_english(client_for, site_admin, zlatan, new_job):
    client_for(site_admin).post(_invite_url(zlatan), {"recruitment": new_job.pk})
    message = Message.objects.get(kind=Kind.TALENT_POOL_INVITE)
    assert message.language == "en"
    assert message.subject.startswith("A new job at ")
    assert "because you are in our talent pool" in message.body_text


def _refusal(client, application, recruitment) -> str:
    choose_language(client, "en")
    response = client.post(_invite_url(application), {"recruitment": recruitment.pk})
    assert response.status_code == 302
    assert not Message.objects.filter(kind=Kind.TALENT_POOL_INVITE).exists()
    assert not TalentPoolInvitation.objects.exists()
    return client.get(response["Location"]).content.decode()


def test_refused_when_the_consent_has_ended(client_for, owner, sara, new_job):
    talent_pool_leave(candidate=sara.candidate, via=PORTAL)
    said = _refusal(client_for(owner), sara, new_job)
    assert "is no longer in the talent pool" in said


def test_refused_when_the_consent_ran_out(client_for, owner, sara, new_job):
    consent = sara.candidate.talent_pool_consents.get()
    with time_machine.travel(months_later(consent.given_at, 12) + dt.timedelta(hours=1)):
        job = Recruitment.objects.filter(pk=new_job.pk)
        job.update(application_deadline=None, first_reply_by=None)
        said = _refusal(client_for(owner), sara, job.get())
    assert "is no longer in the talent pool" in said


def test_refused_when_the_recruitment_is_not_open(client_for, owner, sara, new_job):
    Recruitment.objects.filter(pk=new_job.pk).update(status=Recruitment.Status.CLOSED)
    said = _refusal(client_for(owner), sara, new_job)
    assert "is not open for applications" in said


def test_refused_when_they_already_applied(client_for, owner, sara, recruitment):
    said = _refusal(client_for(owner), sara, recruitment)
    assert "has already applied" in said


def test_a_missing_recruitment_is_a_clear_message(client_for, owner, sara):
    client = client_for(owner)
    choose_language(client, "en")
    response = client.post(_invite_url(sara), {"recruitment": "x"}, follow=True)
    assert response.status_code == 200
    assert "Choose the recruitment to invite them to." in response.content.decode()
    assert not TalentPoolInvitation.objects.exists()


@pytest.mark.parametrize(("who", "status"), [("hiring_manager", 403), ("outsider", 404)])
def test_only_those_who_manage_the_job_and_see_the_person_invite(
    client_for, request, who, status, sara, new_job
):
    response = client_for(request.getfixturevalue(who)).post(
        _invite_url(sara), {"recruitment": new_job.pk}
    )
    assert response.status_code == status
    assert not TalentPoolInvitation.objects.exists()


def test_an_interviewer_cannot_invite(client_for, interviewer, sara, new_job):
    response = client_for(interviewer).post(_invite_url(sara), {"recruitment": new_job.pk})
    assert response.status_code == 404


def test_a_job_of_another_team_is_refused(client_for, owner, sara, kitchen):
    response = client_for(owner).post(_invite_url(sara), {"recruitment": kitchen.pk})
    assert response.status_code == 403
    assert not TalentPoolInvitation.objects.exists()


def test_anonymous_cannot_invite(client_for, sara, new_job):
    response = client_for(None).post(_invite_url(sara), {"recruitment": new_job.pk})
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    assert not TalentPoolInvitation.objects.exists()


def test_inviting_takes_only_a_post(client_for, owner, sara):
    assert client_for(owner).get(_invite_url(sara)).status_code == 405


def test_the_page_offers_only_open_jobs_the_user_manages(
    client_for, owner, hiring_manager, recruitment, sara, new_job, kitchen
):
    # Not the other team's kitchen job, nor one closed.
    Recruitment.objects.filter(pk=recruitment.pk).update(status=Recruitment.Status.CLOSED)
    assert client_for(owner).get(PAGE).context["targets"] == [new_job]
    # The hiring manager sees the person but manages no recruitment: no invitation.
    page = client_for(hiring_manager).get(PAGE)
    assert page.context["targets"] == []
    assert 'name="recruitment"' not in page.content.decode()


def test_replies_to_an_invitation_go_to_the_new_jobs_owner(client_for, site_admin, member, sara):
    for person, address in (
        (member, "mira@example.se"),
        (sara.recruitment.owner, "olle@example.se"),
    ):
        person.email = address
        person.save(update_fields=["email"])
    other_job = recruitment_create(
        owner=as_recruiter(member),
        title="Terminalarbetare",
        status=Recruitment.Status.OPEN,
        application_deadline=dt.date(2026, 12, 31),
        first_reply_by=dt.date(2027, 1, 15),
    )
    client_for(site_admin).post(_invite_url(sara), {"recruitment": other_job.pk})
    message = Message.objects.get(kind=Kind.TALENT_POOL_INVITE)
    assert "mira@example.se" in message.reply_to
    assert "olle@example.se" not in message.reply_to
