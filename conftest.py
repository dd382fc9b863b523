"""Shared test base: named users on one recruitment, and helpers every test module uses.

- ``owner``: created the recruitment; ``member``: a recruiter on its team;
  ``hiring_manager`` and ``interviewer``: other roles on the team;
  ``outsider``: a staff user on no team; ``site_admin``: sees everything.
- ``interviewed`` and ``others``: a recruitment ready to decide
  (``aterkoppla/decisions/tests/fixtures.py``).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings as django_settings
from django.test import Client

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application
from aterkoppla.applications.services import application_receive
from aterkoppla.recruitment.models import Criterion, Recruitment, TeamMembership
from aterkoppla.recruitment.services import CriterionSpec, recruitment_create, team_member_add

pytest_plugins = ["aterkoppla.decisions.tests.fixtures"]


@pytest.fixture(autouse=True)
def _isolated_data_dir(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"


@pytest.fixture(autouse=True)
def _organisation_contact(request):
    """Every test with a database starts with complete contact details; a test about their
    absence clears them (``organisation_without_contact``)."""
    uses_db = "_django_db_helper" in request.fixturenames
    if not uses_db and request.node.get_closest_marker("django_db") is None:
        return
    request.getfixturevalue("_django_db_helper")
    from tests.helpers import organisation_contact_set

    organisation_contact_set()


@pytest.fixture
def organisation_without_contact(db):
    """The organisation as a fresh installation has it: no name, no addresses."""
    from aterkoppla.organisation.models import Organisation

    organisation = Organisation.current()
    organisation.name = organisation.contact_email = organisation.sender_email = ""
    organisation.save()
    return organisation


def _user(username: str, first: str, last: str, **extra: object) -> User:
    return User.objects.create_user(
        username=username, password="test-password", first_name=first, last_name=last, **extra
    )


@pytest.fixture
def owner(db) -> User:
    return _user("owner", "Olivia", "Ägare", is_recruiter=True)


@pytest.fixture
def member(db) -> User:
    return _user("member", "Mats", "Medlem")


@pytest.fixture
def hiring_manager(db) -> User:
    return _user("manager", "Hanna", "Chef")


@pytest.fixture
def interviewer(db) -> User:
    return _user("interviewer", "Ivar", "Intervju")


@pytest.fixture
def outsider(db) -> User:
    return _user("outsider", "Otto", "Utanför")


@pytest.fixture
def site_admin(db) -> User:
    return _user("admin", "Ada", "Admin", is_staff=True, is_superuser=True)


@pytest.fixture
def recruitment(owner, member, hiring_manager, interviewer) -> Recruitment:
    recruitment = recruitment_create(
        owner=owner,
        title="Lagerarbetare",
        description="Plock och pack på vårt lager i Jönköping.",
        job_tasks="Plocka order\nKöra truck\nInventera",
        status=Recruitment.Status.OPEN,
        application_deadline=dt.date(2026, 12, 10),
        first_reply_by=dt.date(2026, 12, 18),
        criteria=[
            CriterionSpec(name="Truckkort A+B", category=Criterion.Category.EDUCATION, weight=5),
            CriterionSpec(name="Erfarenhet av lagerarbete", weight=4),
            CriterionSpec(
                name="Noggrannhet",
                kind=Criterion.Kind.MERIT,
                weight=2,
                category=Criterion.Category.PERSONAL,
            ),
        ],
    )
    team_member_add(
        recruitment=recruitment, by=owner, user=member, role=TeamMembership.Role.RECRUITER
    )
    team_member_add(
        recruitment=recruitment,
        by=owner,
        user=hiring_manager,
        role=TeamMembership.Role.HIRING_MANAGER,
    )
    team_member_add(
        recruitment=recruitment, by=owner, user=interviewer, role=TeamMembership.Role.INTERVIEWER
    )
    return recruitment


@pytest.fixture
def application(recruitment, owner) -> Application:
    return application_receive(
        recruitment=recruitment,
        first_name="Sara",
        last_name="Ek",
        email="sara.ek@example.se",
        phone="070-123 45 67",
        merits={"education": ["Truckkort A+B, 2021"], "experience": ["Lagerarbetare, 3 år"]},
        by=owner,
    )


@pytest.fixture
def client_for(db):
    """``client_for(user)`` is a logged-in test client; ``client_for(None)`` is anonymous."""

    def make(user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def english():
    """Run in English, for tests that read messages from services rather than pages."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def nov_25():
    """Travel to Wednesday 25 November 2026, 11:00 in Stockholm, before other fixtures run.

    Use as ``@pytest.mark.usefixtures("nov_25")`` so that fixtures such as ``application``
    are created at that time too.
    """
    import time_machine

    with time_machine.travel(dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC), tick=True):
        yield


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on a free localhost port, with Django's mail pointed at it.

    See ``tests/smtp.py`` (``SMTPServer``) for making it misbehave; worker processes
    reach it through ``smtp_server.environ()``.
    """
    from tests.smtp import SMTPServer

    with SMTPServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = server.host
        settings.EMAIL_PORT = server.port
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = 5
        yield server


@pytest.fixture
def interview(application, owner, interviewer, hiring_manager):
    """``application`` moved to the interview stage and booked two days ahead with the
    interviewer and the hiring manager: the interviewer may now see it."""
    from django.utils import timezone

    from aterkoppla.applications.services import application_move
    from aterkoppla.assessment.services import interview_schedule

    application_move(application=application, to_stage=Application.Stage.INTERVIEW, by=owner)
    return interview_schedule(
        application=application,
        by=owner,
        scheduled_at=timezone.now() + dt.timedelta(days=2),
        interviewers=[interviewer, hiring_manager],
        location="Lagret, Jönköping",
    )


@pytest.fixture
def unguarded_deletes():
    """Let a test clear rows the retention rule keeps (``applications.retention``): for
    setting up a blank slate, never for testing a path the product offers."""
    from django.db.models.signals import pre_delete

    from aterkoppla.applications.retention import guarded_models, refuse_guarded_deletion

    receivers = [
        (model, f"retention-{model.__name__}")
        for model in guarded_models()
        if pre_delete.disconnect(sender=model, dispatch_uid=f"retention-{model.__name__}")
    ]
    yield
    for model, uid in receivers:
        pre_delete.connect(refuse_guarded_deletion, sender=model, dispatch_uid=uid)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``@pytest.mark.once``: the test's answer does not depend on the database engine (it
    runs the product in a subprocess with its own SQLite, or reads settings only), so the
    PostgreSQL pass of CI skips it; the SQLite pass, which ``make test`` runs, has it."""
    if django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        return
    skip = pytest.mark.skip(reason="independent of the database engine: the SQLite pass runs it")
    for item in items:
        if item.get_closest_marker("once"):
            item.add_marker(skip)
