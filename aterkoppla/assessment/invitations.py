"""What an interview's booking, move and cancellation send: to the interviewers a calendar
invitation (or its cancellation), to the candidate a message of their own with the
calendar file. Queued in the caller's transaction through the outbox."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from email.utils import parseaddr

from django.conf import settings
from django.utils import translation

from aterkoppla.accounts.models import User
from aterkoppla.assessment import calendar
from aterkoppla.assessment.models import Interview
from aterkoppla.messaging.models import Attachment, Kind, Message
from aterkoppla.messaging.services import (
    message_queue,
    staff_message_queue,
    written_length,
    written_list,
    written_time,
)
from aterkoppla.organisation.models import Organisation
from aterkoppla.recruitment.models import TeamMembership

# The team roles that say something to a candidate about whom they meet. An interviewer's
# or an owner's role on the team is not a title, so those are named by name only.
TITLED_ROLES = (TeamMembership.Role.HIRING_MANAGER, TeamMembership.Role.RECRUITER)


def meeting_whom(interview: Interview, language: str) -> str:
    """The interviewers as the candidate is told: "Johan Ström (rekryterande chef) och Leila
    Haddad"."""
    people = list(interview.interviewers.all())
    roles = dict(
        TeamMembership.objects.filter(
            recruitment_id=interview.application.recruitment_id, user__in=people
        ).values_list("user_id", "role")
    )
    names = []
    with translation.override(language):
        for user in people:
            role = roles.get(user.pk)
            if role in TITLED_ROLES:
                title = str(TeamMembership.Role(role).label).lower()
                names.append(f"{user} ({title})")
            else:
                names.append(str(user))
    return written_list(names, language)


def contact_for(interview: Interview, by: User | None) -> str:
    """Whom the candidate asks about the interview: the person who booked or changed it,
    else the recruitment's owner, else the organisation."""
    for person in (by, interview.application.recruitment.owner):
        if person is not None and person.email:
            return f"{person}, {person.email}"
    organisation = Organisation.current()
    address = organisation.sender_email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return f"{organisation.name}, {address}" if address else organisation.name


def candidate_notice(
    interview: Interview,
    *,
    by: User | None,
    kind: str,
    reason: str = "",
    previous_at: dt.datetime | None = None,
) -> Message | None:
    """Tell the candidate about the interview (booked, moved or cancelled), with the
    calendar file of this revision. None when the candidate has no email address: then
    someone tells them by phone."""
    application = interview.application
    language = application.candidate.language
    whom = meeting_whom(interview, language)
    contact = contact_for(interview, by)
    cancelled = kind == Kind.INTERVIEW_CANCELLED
    method = calendar.CANCEL if cancelled else calendar.REQUEST
    extra = {
        "interview_time": written_time(interview.scheduled_at, language),
        "interview_length": written_length(interview.duration_minutes, language),
        "interview_place": interview.location,
        "video_url": interview.video_url,
        "interviewers": whom,
        "bring": interview.bring,
        "contact": contact,
        "reason": reason.strip(),
    }
    if previous_at is not None and previous_at != interview.scheduled_at:
        extra["previous_interview_time"] = written_time(previous_at, language)
    if cancelled and not application.is_open:
        # No promise stands for a closed application: the message makes none.
        extra["reply_by"] = ""
    key = "cancel" if cancelled else interview.sequence
    return message_queue(
        application=application,
        kind=kind,
        dedupe_key=f"interview:{interview.pk}:{key}:candidate",
        by=by,
        extra=extra,
        attachment=Attachment(
            name="intervju.ics",
            content_type=calendar.content_type(method),
            content=calendar.candidate_invitation(
                interview, method=method, whom=whom, contact=contact
            ).decode("utf-8"),
        ),
    )


def staff_notices(
    interview: Interview, *, by: User | None, cancel_for: Sequence[User] = ()
) -> None:
    """Queue this revision of the calendar invitation to every interviewer with email, and
    its cancellation to each of ``cancel_for`` (taken off the interview, or all of them when
    it is cancelled)."""
    # Staff have no stored language preference: the invitation is in the product's default.
    language = settings.LANGUAGE_CODE[:2]
    cancelled = interview.is_cancelled
    people = [] if cancelled else list(interview.interviewers.all())
    for user in people:
        with translation.override(language):
            subject = calendar.summary(interview)
            body = calendar.description(interview)
        _to_staff(interview, user, Kind.INTERVIEW_INVITATION, subject, body, by, language)
    for user in cancel_for:
        with translation.override(language):
            subject = calendar.cancellation_description(interview)
        _to_staff(interview, user, Kind.INTERVIEW_CANCELLATION, subject, subject, by, language)


def _to_staff(
    interview: Interview,
    user: User,
    kind: str,
    subject: str,
    body: str,
    by: User | None,
    language: str,
) -> None:
    """One interviewer's calendar message: the invitation (REQUEST) or its cancellation."""
    cancel = kind == Kind.INTERVIEW_CANCELLATION
    method = calendar.CANCEL if cancel else calendar.REQUEST
    staff_message_queue(
        to=user,
        kind=kind,
        subject=subject,
        body=body,
        dedupe_key=f"interview:{interview.pk}:{interview.sequence}:{user.pk}"
        + (":cancel" if cancel else ""),
        by=by,
        language=language,
        attachment=Attachment(
            name="intervju.ics",
            content_type=calendar.content_type(method),
            content=calendar.invitation(
                interview,
                language=language,
                method=method,
                attendees=[user] if cancel else None,
            ).decode("utf-8"),
        ),
    )
