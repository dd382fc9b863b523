"""Helpers for tests anywhere in the suite: set up facts the way the product makes them."""

from __future__ import annotations

import datetime as dt

from aterkoppla.accounts.models import User
from aterkoppla.applications.models import Application

# The contact details every test organisation has (the root conftest gives them to every
# test with a database), as an admin fills them in on /settings/: without them no message
# may be sent (organisation.services.organisation_contact_missing).
ORGANISATION_CONTACT = {
    "name": "Exempel AB",
    "contact_email": "rekrytering@example.se",
    "sender_email": "rekrytering@example.se",
}


def organisation_contact_set(**overrides: str) -> None:
    """Give the organisation complete contact details (``overrides`` change some)."""
    from aterkoppla.organisation.models import Organisation

    organisation = Organisation.current()
    for name, value in (ORGANISATION_CONTACT | overrides).items():
        setattr(organisation, name, value)
    organisation.save()


def interview_held(application: Application) -> Application:
    """Hold an interview with the candidate through the services, as a team would: move to
    the interview stage if needed, book it with the recruitment's owner, and mark it held once
    it has started. The candidate is then owed a call if rejected."""
    import time_machine
    from django.utils import timezone

    from aterkoppla.applications.services import application_move
    from aterkoppla.assessment.services import interview_mark_held, interview_schedule

    owner = application.recruitment.owner
    if application.stage not in Application.INVITED_STAGES:
        application = application_move(
            application=application, to_stage=Application.Stage.INTERVIEW, by=owner
        )
    start = timezone.now() + dt.timedelta(minutes=5)
    booked = interview_schedule(
        application=application,
        by=owner,
        scheduled_at=start,
        interviewers=[owner],
        location="Kontoret",
    )
    with time_machine.travel(start + dt.timedelta(minutes=30), tick=False):
        interview_mark_held(interview=booked, by=owner)
    application.refresh_from_db()
    return application


def as_recruiter(user: User) -> User:
    """``user`` with the organisation's recruiter role (``is_recruiter``), which creating a
    recruitment needs: for a test in which someone off the team owns another recruitment."""
    user.is_recruiter = True
    user.save(update_fields=["is_recruiter"])
    return user
