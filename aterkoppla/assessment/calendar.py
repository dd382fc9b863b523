"""Calendar invitations (RFC 5545) for interviews, made with ``icalendar``."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from aterkoppla.assessment.models import Interview
from aterkoppla.lib.addresses import is_unattended

STOCKHOLM = ZoneInfo("Europe/Stockholm")
CONTENT_TYPE = "text/calendar; method=REQUEST; charset=utf-8"


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


def invitation(interview: Interview, *, language: str = "sv", method: str = "REQUEST") -> bytes:
    """The .ics of the interview for its interviewers (METHOD REQUEST, or CANCEL)."""
    with translation.override(language):
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
        event.add("summary", summary(interview))
        event.add("description", description(interview))
        event.add("location", interview.location or interview.video_url)
        if interview.video_url:
            event.add("url", interview.video_url)
        event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
        # Calendar answers go to the organizer: the person who booked, never a no-reply box.
        booker = interview.created_by
        if booker is not None and booker.email and not is_unattended(booker.email):
            organizer = vCalAddress(f"mailto:{booker.email}")
            organizer.params["cn"] = vText(str(booker))
            event.add("organizer", organizer)
        for user in interview.interviewers.all():
            if not user.email:
                continue
            attendee = vCalAddress(f"mailto:{user.email}")
            attendee.params["cn"] = vText(str(user))
            attendee.params["role"] = vText("REQ-PARTICIPANT")
            attendee.params["partstat"] = vText("NEEDS-ACTION")
            event.add("attendee", attendee, encode=False)
        calendar.add_component(event)
        # RFC 5545: a TZID must be defined in the file; Outlook relies on it.
        calendar.add_missing_timezones()
        return calendar.to_ical()
