"""Calendar invitations (RFC 5545) for interviews, made with ``icalendar``.

Two views of one event (one UID, one SEQUENCE): the interviewers' (where to prepare and
score) and the candidate's (where to go, whom they meet, what to bring). The candidate's
carries nothing that is for staff only: no link behind the login, no requirement profile.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from aterkoppla.accounts.models import User
from aterkoppla.assessment.models import Interview
from aterkoppla.lib.addresses import is_unattended
from aterkoppla.organisation.models import Organisation
from aterkoppla.organisation.services import organisation_contact_email

STOCKHOLM = ZoneInfo("Europe/Stockholm")
REQUEST = "REQUEST"
CANCEL = "CANCEL"


def content_type(method: str) -> str:
    return f"text/calendar; method={method}; charset=utf-8"


def summary(interview: Interview) -> str:
    application = interview.application
    return _("Interview: %(name)s, %(job)s") % {
        "name": application.candidate.full_name,
        "job": application.recruitment.title,
    }


def description(interview: Interview) -> str:
    """What the interviewer needs: where, the profile to score against, where to score.

    Nothing about the candidate beyond their name: the invitation sits in calendars that
    others may see; the documents stay behind the login.
    """
    url = settings.SITE_URL + reverse("assessment:interview", args=[interview.pk])
    lines = [
        summary(interview),
        "",
        _("Prepare and score against the requirement profile:"),
        url,
        "",
        _("Score on your own first: you see the other scorecards after submitting yours."),
    ]
    if interview.video_url:
        lines[1:1] = [_("Video link: %(url)s") % {"url": interview.video_url}]
    return "\n".join(lines)


def cancellation_description(interview: Interview) -> str:
    return _("The interview is cancelled: %(summary)s") % {"summary": summary(interview)}


def candidate_summary(interview: Interview, organisation: Organisation) -> str:
    return _("Interview: %(job)s, %(organisation)s") % {
        "job": interview.application.recruitment.title,
        "organisation": organisation.name,
    }


def candidate_description(
    interview: Interview, organisation: Organisation, *, whom: str, contact: str
) -> str:
    """What the candidate needs in their calendar: where, whom they meet, what to bring,
    whom to ask. In the active language (the candidate's)."""
    lines = [candidate_summary(interview, organisation), ""]
    if interview.location:
        lines.append(_("Where: %(place)s") % {"place": interview.location})
    if interview.video_url:
        lines.append(_("Video link: %(url)s") % {"url": interview.video_url})
    if whom:
        lines.append(_("You will meet: %(names)s") % {"names": whom})
    if interview.bring:
        lines += ["", _("Before the interview: %(bring)s") % {"bring": interview.bring}]
    if contact:
        lines += ["", _("Questions: %(contact)s") % {"contact": contact}]
    return "\n".join(lines)


def _address(email: str, name: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    address.params["cn"] = vText(name)
    return address


def _ics(
    interview: Interview,
    *,
    method: str,
    summary: str,
    description: str,
    organizer: tuple[str, str] | None,
    attendees: Sequence[tuple[str, str]],
) -> bytes:
    """The calendar file of this revision (``interview.sequence``) of the interview."""
    calendar = Calendar()
    calendar.add("prodid", "-//Återkoppla//Interview//SV")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = Event()
    event.add("uid", interview.uid)
    event.add("sequence", interview.sequence)
    event.add("dtstamp", timezone.now().astimezone(dt.UTC))
    event.add("dtstart", interview.scheduled_at.astimezone(STOCKHOLM))
    event.add("dtend", interview.ends_at.astimezone(STOCKHOLM))
    event.add("summary", summary)
    event.add("description", description)
    event.add("location", interview.location or interview.video_url)
    if interview.video_url:
        event.add("url", interview.video_url)
    event.add("status", "CANCELLED" if method == CANCEL else "CONFIRMED")
    if organizer is not None:
        event.add("organizer", _address(*organizer))
    for email, name in attendees:
        attendee = _address(email, name)
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["partstat"] = vText("NEEDS-ACTION")
        event.add("attendee", attendee, encode=False)
    calendar.add_component(event)
    # RFC 5545: a TZID must be defined in the file; Outlook relies on it.
    calendar.add_missing_timezones()
    return calendar.to_ical()


def invitation(
    interview: Interview,
    *,
    language: str = "sv",
    method: str = REQUEST,
    attendees: Sequence[User] | None = None,
) -> bytes:
    """The .ics of the interview for its interviewers (METHOD REQUEST, or CANCEL).

    ``attendees``: whom it is for, when not the interview's interviewers (those taken off a
    moved interview get its CANCEL).
    """
    with translation.override(language):
        # Calendar answers go to the organizer: the person who booked, never a no-reply box.
        booker = interview.created_by
        organizer = (
            (booker.email, str(booker))
            if booker is not None and booker.email and not is_unattended(booker.email)
            else None
        )
        people = interview.interviewers.all() if attendees is None else attendees
        return _ics(
            interview,
            method=method,
            summary=summary(interview),
            description=(
                cancellation_description(interview) if method == CANCEL else description(interview)
            ),
            organizer=organizer,
            attendees=[(user.email, str(user)) for user in people if user.email],
        )


def candidate_invitation(
    interview: Interview, *, method: str = REQUEST, whom: str = "", contact: str = ""
) -> bytes:
    """The .ics of the interview for the candidate, in the candidate's language: the
    organisation invites, the candidate is the one attendee."""
    application = interview.application
    candidate = application.candidate
    organisation = Organisation.current()
    # The candidate's answer reaches a person: the organisation's contact address.
    address = organisation_contact_email(organisation)
    with translation.override(candidate.language):
        return _ics(
            interview,
            method=method,
            summary=candidate_summary(interview, organisation),
            description=candidate_description(interview, organisation, whom=whom, contact=contact),
            organizer=(address, organisation.name) if address else None,
            attendees=[(candidate.email, candidate.full_name)] if candidate.email else [],
        )
